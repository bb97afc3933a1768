"""A vertical scrollbar drawn straight into strips, and the mixin that gives it to our scroll views.

Textual draws a scrollbar as a Rich renderable pushed through the generic widget pipeline: about
20 µs a line, so the three panes' bars cost ~3 ms of every article open. The bar is one glyph per
line, so we draw those strips directly (same glyphs and colours, from Textual's own
ScrollBarRender) and keep them until the bar's size, thumb or colours change.
"""

from __future__ import annotations

from rich.color import Color
from rich.segment import Segment
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.strip import Strip

DEFAULT_BACK, DEFAULT_BAR = Color.parse("#555555"), Color.parse("bright_magenta")  # ScrollBarRender's


class QuickScrollBar(ScrollBar):
    """Textual's scrollbar (same look, mouse handling and hover colours), drawn without the Rich pipeline."""

    _drawn: tuple[tuple, list[Strip]] | None = None

    def render_lines(self, crop: Region) -> list[Strip]:
        width, height = self.size
        if not self.vertical or not width or not height:
            return super().render_lines(crop)
        bar = self.render()  # a ScrollBarRender: sizes and the style of this state (hover, grab)
        base = self.visual_style.rich_style  # under the glyphs, as Textual's drawing puts it
        key = (width, height, getattr(bar, "virtual_size", 0), getattr(bar, "window_size", 0),
               getattr(bar, "position", 0), bar.style, base)
        if self._drawn is None or self._drawn[0] != key:
            self._drawn = key, self._strips(bar, width, height, base)
        strips = self._drawn[1][crop.y:crop.bottom]
        if crop.x or crop.width != width:
            strips = [strip.crop(crop.x, crop.right) for strip in strips]
        return strips

    @staticmethod
    def _strips(bar, width: int, height: int, base) -> list[Strip]:
        style = bar.style
        segments = bar.render_bar(
            size=height, virtual_size=getattr(bar, "virtual_size", 100),
            window_size=getattr(bar, "window_size", 0), position=getattr(bar, "position", 0),
            thickness=width, vertical=True,
            back_color=style.bgcolor or DEFAULT_BACK, bar_color=style.color or DEFAULT_BAR,
        ).segments
        # One segment per line; equal segments share one strip.
        made: dict[Segment, Strip] = {}
        strips = []
        for seg in segments[:height]:
            strip = made.get(seg)
            if strip is None:  # (setdefault would build the strip for every line, kept or not)
                strip = made[seg] = Strip([seg], width).apply_style(base)
            strips.append(strip)
        return strips


class QuickScrollBars:
    """Mixin for a scroll view: its vertical scrollbar is a QuickScrollBar."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        if self._vertical_scrollbar is None:
            bar = QuickScrollBar(vertical=True, name="vertical", thickness=self.scrollbar_size_vertical)
            bar.display = False
            self._vertical_scrollbar = bar
            self.app._start_widget(self, bar)  # as Textual's own property does
        return self._vertical_scrollbar
