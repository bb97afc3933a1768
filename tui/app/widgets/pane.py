"""A bordered pane (library, article, summary) whose rows are drawn once per look.

When a pane's border changes colour (focus moved), Textual redraws every row of the pane through
its generic styling pipeline: ~50 rows, over a millisecond a pane, on every open and tab. A pane
with no padding rows draws the same strip on every row between its top and bottom border (its
children are drawn over it separately), so that row is drawn once and repeated.

A pane's border only ever takes a few looks (the focus colour and the normal one), so the three
rows it draws (top border with its title, the middle row, the bottom border) are also kept for the
last few looks: a pane recoloured back to a look it had draws nothing (~0.7 ms a pane on each open
and tab). A look is everything Textual draws the rows from: the pane's rules (stylesheet and inline),
its size and the crop, its title, the colours and opacity under it, the line filters and ANSI theme.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip

LOOKS_KEPT = 4  # the focus look and the normal one, with room for a theme or size change


class Pane(Vertical):
    """A Vertical container that draws its middle rows once, and keeps its rows for its last looks."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._looks: list[tuple[tuple, dict[int, Strip]]] = []  # (look, {0/1/-1: row}), newest first

    def render_lines(self, crop: Region) -> list[Strip]:
        width, height = self.outer_size
        styles = self.styles
        padding = styles.padding
        if height < 3 or padding.top or padding.bottom or styles.has_rule("hatch") or styles.keyline[0] != "none":
            return super().render_lines(crop)
        rows = self._rows_for(self._look(crop))
        lines: list[Strip] = []
        for y in crop.line_range:
            kind = 1 if 0 < y < height - 1 else (0 if y == 0 else -1)  # middle, top border, bottom border
            strip = rows.get(kind)
            if strip is None:
                strip = rows[kind] = super().render_lines(Region(crop.x, y, crop.width, 1))[0]
            lines.append(strip)
        return lines

    def _look(self, crop: Region) -> tuple:
        """What the rows are drawn from (compared with ==: the rule maps are copies)."""
        styles = self.styles
        app = self.app
        return (
            dict(styles._base_styles._rules), dict(styles._inline_styles._rules),
            self.outer_size, crop.x, crop.width,
            self._border_title, self._border_subtitle,
            self.background_colors, self.visual_style, self.opacity,
            tuple(self.get_line_filters()), app.ansi_theme, app.native_ansi_color, app.theme,
        )

    def _rows_for(self, look: tuple) -> dict[int, Strip]:
        """The rows kept for this look (an empty dict, now kept, for a new one)."""
        looks = self._looks
        for number, (seen, rows) in enumerate(looks):
            if seen == look:
                if number:
                    looks.insert(0, looks.pop(number))
                return rows
        rows = {}
        looks.insert(0, (look, rows))
        del looks[LOOKS_KEPT:]
        return rows
