"""A bordered pane (library, article, summary) whose repeated rows are drawn once.

When a pane's border changes colour (focus moved), Textual redraws every row of the pane through
its generic styling pipeline: ~50 rows, over a millisecond a pane, on every open and tab. A pane
with no padding rows draws the same strip on every row between its top and bottom border (its
children are drawn over it separately), so that row is drawn once and repeated.
"""

from __future__ import annotations

from textual.containers import Vertical
from textual.geometry import Region
from textual.strip import Strip


class Pane(Vertical):
    """A Vertical container that draws its middle rows once."""

    def render_lines(self, crop: Region) -> list[Strip]:
        width, height = self.outer_size
        padding = self.styles.padding
        if height < 3 or padding.top or padding.bottom or self.styles.has_rule("hatch"):
            return super().render_lines(crop)
        lines: list[Strip] = []
        middle: Strip | None = None
        for y in crop.line_range:
            if 0 < y < height - 1:
                if middle is None:
                    middle = super().render_lines(Region(crop.x, y, crop.width, 1))[0]
                lines.append(middle)
            else:  # the top and bottom borders, with their titles
                lines.extend(super().render_lines(Region(crop.x, y, crop.width, 1)))
        return lines
