"""The library's search box: always visible, but reached with `/` (or a click), not by tab.

Kept out of the tab order so tabbing through the panes never lands in a text box where
`q` and the other single-letter keys would be typed instead of acting. While typing, `down` / `up` move the
library's cursor through the results (they did nothing), and `enter` then opens the article under it; `enter`
without them goes to the results, the cursor on the best match (the status line then says that `enter` opens it), as
before (MainScreen._search_submitted).
"""

from __future__ import annotations

from rich.color import ColorType
from rich.style import Style
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


def _truecolours(style: Style) -> bool:
    """Both colours are RGB or 256-colour ones (an ansi theme's terminal colours are left to the terminal)."""
    return all(c is not None and c.type in (ColorType.TRUECOLOR, ColorType.EIGHT_BIT)
               for c in (style.color, style.bgcolor))


class SearchBox(Input):
    """An Input that only accepts focus when asked to (see `arm`)."""

    BINDINGS = [Binding("down", "step(1)", "Next result", show=False),
                Binding("up", "step(-1)", "Previous result", show=False)]

    MAX_CHARS = 1000  # a search reads its first 16 words (tui/store/query.py); a pasted page held the app for seconds

    armed = False
    stepped = False  # down/up moved the list's cursor since the text last changed: enter opens that row

    class Step(Message):
        """Move the library's cursor by `step` rows (the box keeps the focus)."""

        def __init__(self, step: int) -> None:
            super().__init__()
            self.step = step

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("max_length", self.MAX_CHARS)
        super().__init__(*args, **kwargs)

    def action_step(self, step: int) -> None:
        self.stepped = True
        self.post_message(self.Step(step))

    def on_input_changed(self) -> None:
        self.stepped = False

    def arm(self) -> "SearchBox":
        """Allow the next focus (from `/` or a click)."""
        self.armed = True
        return self

    def allow_focus(self) -> bool:
        return self.armed or self.has_focus

    def on_blur(self) -> None:
        self.armed = False
        self.stepped = False

    def on_mouse_down(self) -> None:
        self.arm()
        self.focus()

    def get_component_rich_style(self, *names: str, partial: bool = False, default: Style | None = None) -> Style:
        """The placeholder ("/ search the library", $text-muted in app.tcss) raised to 4.5:1 on its background where a
        theme's muted colour is below it at either depth (readable.legible, as the lists' hint lines): Textual's
        $text-disabled read at about 3.3:1 in 256 colours on textual-dark, 1.5:1 in the focused box."""
        style = super().get_component_rich_style(*names, partial=partial, default=default)
        if names == ("input--placeholder",) and not partial and _truecolours(style):
            from tui.app.widgets.readable import legible

            return legible(style)
        return style

    def replace(self, text: str, start: int, end: int) -> None:
        """Every change of the text (typed, pasted) without the characters Textual and the terminal measure differently
        (textsafe.even_width): a 👍🏽 typed here was laid out in 2 cells and drawn by tmux in 4, which pushed the pane's
        right border off the line. The box keeps the 👍."""
        from tui.textsafe import even_width

        super().replace(even_width(text), start, end)
