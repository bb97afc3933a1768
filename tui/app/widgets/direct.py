"""Handing a Line API widget's lines to the compositor without Textual's per-line styling pass.

For every line, Textual's styles cache looks up the border, outline, padding, tint, opacity and
hatch rules, then rebuilds the strip: ~40% of drawing our article and summary panes, which
have none of those but a left/right padding. Those widgets pad their lines here and apply the
app's line filters, as the cache would; a widget that gains any other rule (a theme, a CSS
change) takes Textual's way again. tests/ui/test_fast_paths.py checks both ways draw the same.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class DirectLines:
    """Mixin for a Line API widget (before ScrollView in the bases)."""

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self._direct_ok():
            return super().render_lines(crop)
        styles = self.styles
        width, height = self.region.size
        content_width, content_height = self.content_region.size
        pad_top, pad_right, _pad_bottom, pad_left = styles.padding
        base_background, background = self.background_colors
        inner = Style(bgcolor=(base_background + background).rich_color)
        left = [Segment(" " * pad_left, inner)] if pad_left else []
        right = [Segment(" " * pad_right, inner)] if pad_right else []
        filters = self.get_line_filters()
        blank = Strip.blank(content_width, inner)
        lines = []
        for y in crop.line_range:
            content_y = y - pad_top
            if 0 <= content_y < content_height:
                line = self.render_line(content_y).adjust_cell_length(content_width, inner)
            else:
                line = blank
            if left or right:
                line = Strip([*left, *line, *right], pad_left + content_width + pad_right)
            for line_filter in filters:
                line = line.apply_filter(line_filter, background)
            lines.append(line)
        if crop.column_span != (0, width):
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines

    def _direct_ok(self) -> bool:
        """True when the styles cache would only pad the lines (no border, outline, tint, opacity...)."""
        styles = self.styles
        padding = styles.padding
        return (
            not padding.top and not padding.bottom
            and not any(edge for edge, _colour in styles.border)
            and not any(edge for edge, _colour in styles.outline)
            and not styles.tint.a
            and self.opacity == 1.0
            and styles.text_opacity == 1.0
            and not (styles.has_rule("hatch") and styles.hatch != "none")
            and self._border_title is None and self._border_subtitle is None
            and not self.auto_links  # our text has no links: the widgets turn this off
        )
