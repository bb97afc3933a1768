"""The focused pane's border colour, set directly on a screen's panes when focus moves.

CSS `:focus-within` would do it, but Textual then restyles every widget inside the pane that
gained focus and the one that lost it (a third of the cost of opening an article). Setting the
border of three containers costs a repaint of their edges only.
"""

from __future__ import annotations

from textual.color import Color
from textual.geometry import Region

# The stylesheet's $pane-border and $pane-border-focus.
NORMAL, FOCUS = "panel-lighten-1", "accent"


class PaneBorders:
    """Keeps the border of the pane holding the focus in the accent colour.

    `host` is the screen; `panes` the selectors of its panes. The screen calls `mark()` when its
    focus moves (from `watch_focused` and its descendant focus/blur handlers: see MainScreen) and
    `theme_changed()` when the theme does.
    """

    def __init__(self, host, panes: tuple[str, ...]) -> None:
        self.host = host
        self.panes = panes
        self._colours: tuple[Color, Color] | None = None

    def theme_changed(self) -> None:
        """Pick the colours up again from the new theme."""
        self._colours = None
        self.mark()

    def mark(self) -> None:
        """Accent border on the pane that holds the focus, the normal one on the others."""
        if self._colours is None:
            variables = self.host.app.get_css_variables()
            self._colours = (Color.parse(variables[NORMAL]), Color.parse(variables[FOCUS]))
        normal, focus = self._colours
        focused = self.host.focused
        holders = set(focused.ancestors_with_self) if focused is not None else set()
        for selector in self.panes:
            pane = self.host.query_one(selector)
            colour = focus if pane in holders else normal
            if pane.styles.border_top != ("round", colour):
                _recolour_border(pane, colour)


def set_focus_flags(old, new) -> None:
    """Set `has_focus` on the widgets losing and gaining focus at once (for a screen's `watch_focused`).

    Inside set_focus: the Blur/Focus/DescendantFocus messages that would do it arrive after the
    next frame, costing a second screen update per key. Setting `has_focus` now restyles both
    widgets in this frame (the messages then change nothing).
    """
    for widget, focus in ((old, False), (new, True)):
        if widget is not None and widget.is_attached:
            widget.has_focus = focus


EDGES = ("border_top", "border_right", "border_bottom", "border_left")


def _recolour_border(pane, colour: Color) -> None:
    """Set the pane's border colour and repaint its four edges only.

    (`styles.border = ...` repaints the whole pane, every line of the widgets inside it: most of
    the cost of a focus move.)
    """
    inline = pane.styles.inline
    for edge in EDGES:
        inline.set_rule(edge, ("round", colour))
    if not pane.is_mounted or not pane.outer_size:
        pane.refresh()
        return
    width, height = pane.outer_size  # border included (size is the content)
    # refresh() takes regions relative to the content, which starts inside the border.
    x, y = -pane.content_offset.x, -pane.content_offset.y
    pane.refresh(Region(x, y, width, 1), Region(x, y + height - 1, width, 1),
                 Region(x, y, 1, height), Region(x + width - 1, y, 1, height))
