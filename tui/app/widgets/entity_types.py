"""The six entity colours of the UI and which engine labels fall under each."""

from __future__ import annotations

# The kinds, their names and engine labels: tui/entity_kinds.py (the command line names them the same way).
from tui.entity_kinds import KEYS, TYPES, type_of  # noqa: F401  (imported from here by the widgets)

# The six highlight colours: (background, text). Okabe & Ito's colour-blind-safe categorical palette
# (sky blue, orange, bluish green, yellow, blue, reddish purple), each moved a little so that the six
# stay far apart (CIEDE2000 >= 38) also after a terminal reduces them to 256 and to 16 colours: the
# originals collapse there (orange and vermillion both become olive, purple becomes silver). Text is
# black or white, whichever gives WCAG contrast >= 4.5:1 at all three colour depths. The colours do
# not come from the theme, so they are the same on dark and light themes and a theme switch cannot
# make two of them alike or text unreadable; tests/ui/test_colours.py checks every bundled theme.
COLOURS: dict[str, tuple[str, str]] = {
    "person": ("#1155aa", "#ffffff"),  # blue
    "org": ("#ff9900", "#000000"),  # orange
    "place": ("#118844", "#ffffff"),  # bluish green
    "date": ("#ddff55", "#000000"),  # yellow
    "number": ("#dd66bb", "#000000"),  # reddish purple
    "other": ("#44ccff", "#000000"),  # sky blue
}


_STYLES: dict = {}


def type_style(kind: str):
    """The rich Style of an entity type's highlight (cached: one per type)."""
    style = _STYLES.get(kind)
    if style is None:
        from rich.style import Style

        background, text = COLOURS.get(kind, COLOURS["other"])
        style = _STYLES[kind] = Style(color=text, bgcolor=background)
    return style
