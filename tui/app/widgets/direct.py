"""Handing a Line API widget's lines to the compositor without Textual's per-line styling pass.

For every line, Textual's styles cache looks up the border, outline, padding, tint, opacity and
hatch rules, then rebuilds the strip: ~40% of drawing our article and summary panes, which
have none of those but a left/right padding. Those widgets pad their lines here and apply the
app's line filters, as the cache would; a widget that gains any other rule (a theme, a CSS
change) takes Textual's way again. tests/ui/test_fast_paths.py checks both ways draw the same.
"""

from __future__ import annotations

from itertools import islice

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.strip import Strip


class DirectLines:
    """Mixin for a Line API widget (before ScrollView in the bases).

    A finished line (padded, filtered) is kept for each drawn content strip, so a line drawn again
    (a repaint, a scroll back) costs a look-up, and `finish_ahead` can finish the lines of a layout
    prepared while the reader rests on a row (parts/open_ahead.py): the open then only copies them.
    """

    FINISHED_KEPT = 400  # finished lines kept (a few screens); past it the oldest are dropped

    def render_lines(self, crop: Region) -> list[Strip]:
        if not self._direct_ok():
            return super().render_lines(crop)
        width, _height = self.region.size
        content_height = self.content_region.height
        pad_top = self.styles.padding.top
        finish, blank = self._finisher()
        lines = []
        for y in crop.line_range:
            content_y = y - pad_top
            lines.append(finish(self.render_line(content_y)) if 0 <= content_y < content_height else blank)
        if crop.column_span != (0, width):
            lines = [line.crop(crop.x, crop.right) for line in lines]
        return lines

    def finish_ahead(self, strips) -> None:
        """Finish these content strips now (between frames), for a later repaint that shows them.

        Each finished line is also cut where the screen update will cut it (at the edges of the
        widgets beside and over it: the scrollbar, the pane border) and turned into terminal
        bytes: the pieces keep both (Strip's own caches), so the update that shows them copies them.
        """
        if self.is_mounted and self._direct_ok():
            finish, _blank = self._finisher()
            cuts = self._screen_cuts()
            console = self.app.console
            for strip in strips:
                line = finish(strip)
                if cuts is not None and line.cell_length == cuts[-1]:
                    for piece in line.divide(cuts):
                        piece.render(console)

    def _screen_cuts(self) -> list[int] | None:
        """Where the screen update cuts this widget's lines (relative to its left), or None if hidden."""
        try:
            compositor = self.screen._compositor
            region, clip = compositor.visible_widgets[self]
            visible = region.intersection(clip)
            row = compositor.cuts[visible.y] if visible.area else None
        except (KeyError, IndexError, AttributeError):
            return None
        if row is None or visible.x != region.x:
            return None
        x, right = visible.x, visible.right
        return [cut - x for cut in row if right >= cut > x]

    def _finisher(self):
        """(finish(content strip) -> screen line, the blank line) for the widget's current looks."""
        styles = self.styles
        content_width = self.content_region.width
        _pad_top, pad_right, _pad_bottom, pad_left = styles.padding
        base_background, background = self.background_colors
        inner = Style(bgcolor=(base_background + background).rich_color)
        filters = tuple(self.get_line_filters())
        key = (content_width, pad_left, pad_right, inner, filters, background, self.app.theme)
        cache = getattr(self, "_finished", None)
        if cache is None or cache[0] != key:
            # (key, finished lines, finish, the blank line): made once per look (the blank line, padded and
            # filtered, was made again on every drawing)
            done = {}
            cache = self._finished = (key, done, *self._finish_functions(done, content_width, pad_left, pad_right,
                                                                         inner, filters, background))
        done = cache[1]
        if len(done) > self.FINISHED_KEPT:
            # The oldest go, as many as came in since: dropping all of them at once freed hundreds of lines
            # and their cut pieces in one frame, and the lines on screen and those finished ahead for the
            # next open were finished again (a 15-20 ms open every eighth one or so, a collection included).
            # They are freed after the screen update: freeing an article's worth of lines, their cut pieces
            # and terminal bytes was ~1 ms of each open's frame.
            dropped = [done.pop(old) for old in list(islice(done, len(done) - self.FINISHED_KEPT))]
            self._free_later(dropped)
        return cache[2], cache[3]

    @staticmethod
    def _finish_functions(done: dict, content_width: int, pad_left: int, pad_right: int, inner: Style, filters,
                          background):
        """(finish, the blank line) for one look; `finish` keeps what it finishes in `done`."""
        left = [Segment(" " * pad_left, inner)] if pad_left else []
        right = [Segment(" " * pad_right, inner)] if pad_right else []

        def finish_now(strip: Strip) -> Strip:
            line = strip.adjust_cell_length(content_width, inner)
            if left or right:
                line = Strip([*left, *line, *right], pad_left + content_width + pad_right)
            for line_filter in filters:
                line = line.apply_filter(line_filter, background)
            return line

        def finish(strip: Strip) -> Strip:
            kept = done.get(id(strip))
            if kept is not None and kept[0] is strip:
                return kept[1]
            line = finish_now(strip)
            done[id(strip)] = (strip, line)
            return line

        return finish, finish_now(Strip.blank(content_width, inner))

    def _free_later(self, dropped: list) -> None:
        """Keep `dropped` alive until the next screen update is done (then it is freed between frames)."""
        waiting = getattr(self, "_dropped", None)
        if waiting is not None:
            waiting.append(dropped)
            return
        self._dropped = [dropped]
        try:
            scheduled = self.call_after_refresh(self._free_dropped)
        except Exception:  # no app running (a widget drawn alone)
            scheduled = False
        if not scheduled:
            self._dropped = None  # freed now

    def _free_dropped(self) -> None:
        self._dropped = None

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

