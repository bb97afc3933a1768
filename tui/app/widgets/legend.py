"""The article pane's legend: which colour is which entity type, its toggle key, and which types are off.

It picks the widest form that fits its width on one line: "1 Person  2 Org ..." in coloured chips where
there is room, "1Person 2Org ..." (chips without padding) in a narrow pane (44 columns at 120x30, where the
full form wrapped its last item onto a second line). With highlights off (`e`) the names are struck through
and a note says so; in the narrowest panes the note alone says it."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

OFF_NOTE = "(e: highlights off)"


class Legend(Widget):
    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.items: tuple[tuple[str, str, bool], ...] = ()  # (name, chip style, shown)
        self.highlights = True

    def show(self, items: list[tuple[str, str, bool]], highlights: bool) -> None:
        """Set what the legend says: each type's name, its chip style and whether it is shown."""
        items = tuple(items)
        if items == self.items and highlights == self.highlights:
            return
        self.items, self.highlights = items, highlights
        self.refresh(layout=True)

    def form(self, width: int) -> Text:
        """The legend for `width` cells: the widest form that fits one line (the last one wraps if none does)."""
        full = self._chips(pad=True)
        compact = self._chips(pad=False)
        if self.highlights:
            forms = [full, compact]
        else:
            note = Text(OFF_NOTE, style="dim")
            forms = [Text.assemble(full, " ", note), Text.assemble(compact, " ", note),
                     Text("Entity highlights off: e shows them", style="dim")]
        for text in forms:
            if cell_len(text.plain) <= width:
                return text
        return forms[-1]

    def _chips(self, pad: bool) -> Text:
        out = Text()
        for number, (name, style, shown) in enumerate(self.items, 1):
            if number > 1:
                out.append(" ")
            out.append(str(number), "bold" if shown else "dim")
            out.append(f" {name} " if pad else name, style if shown else "dim strike")
        return out

    def render(self) -> Text:
        return self.form(self.content_size.width)

    def get_content_height(self, container, viewport, width: int) -> int:
        if width <= 0:
            return 1
        return max(1, len(self.form(width).wrap(self.app.console, width)))
