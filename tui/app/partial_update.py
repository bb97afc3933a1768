"""A screen update that composes only the parts of the screen that changed.

Textual 8 composes a partial update over the bounding box of everything that changed: every
widget inside that box draws all its lines in it, and each of those lines is cut at every widget
edge, even where nothing changed. Our updates are often a few thin pieces far apart: a focus
move recolours the edges of two panes (a box as big as the screen), an open redraws the article
and summary panes plus two rows of the list. Most of a key's CPU went into composing lines that
were then not written.

`render_partial_update` below gives the same update (the same spans, the same strips in them):
a widget draws only the lines of it that touch a changed region, and a line of a widget is cut
only where it touches a changed span of that line. Nothing else of Textual changes; full updates
(resize, first paint) still go through Textual's own code. tests/ui/test_partial_update.py
compares both ways on real screens.

Session 9: which widget shows in each piece of a line is known from the layout (update_plan.py), so a
changed span draws only the widgets that show in the pieces it writes: a tab recolours two panes' edges,
and the screen's background and the rows of the widgets beside the edges are no longer drawn for it.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from rich.control import Control
from textual._compositor import ChopsUpdate, Compositor
from textual.geometry import Region

from tui.app.update_plan import ShortLines, pieces_for, plan_of

_textual_render_partial_update = Compositor.render_partial_update


def _render_chops(compositor: Compositor, updates: list[Region], lines: dict[int, list[tuple[int, int]]]):
    """Chops (per screen line: cut -> strip) filled only where a changed span needs them."""
    cuts = compositor.cuts
    chops = [dict.fromkeys(cut_set[:-1]) for cut_set in cuts]
    intersection = Region.intersection
    for widget, (region, clip) in compositor.visible_widgets.items():
        visible = intersection(region, clip)
        if not visible.area:
            continue
        # The rows of this widget that a changed region touches.
        top = bottom = None
        for update in updates:
            part = intersection(visible, update)
            if part.area:
                top = part.y if top is None else min(top, part.y)
                bottom = part.bottom if bottom is None else max(bottom, part.bottom)
        if top is None:
            continue
        x, right = visible.x, visible.right
        strips = widget.render_lines(Region(x - region.x, top - region.y, visible.width, bottom - top))
        for y, strip in zip(range(top, bottom), strips):
            spans = lines.get(y)
            if not spans or not any(x1 < right and x2 > x for x1, x2 in spans):
                continue
            chops_line = chops[y]
            final_cuts = [cut for cut in cuts[y] if right >= cut >= x]
            get = chops_line.get
            for cut, piece in zip(final_cuts, strip.divide([cut - x for cut in final_cuts[1:]])):
                if get(cut) is None:  # front to back: the first strip for a cut wins
                    chops_line[cut] = piece
    return chops


def render_partial_update(self: Compositor) -> ChopsUpdate | None:
    """Compositor.render_partial_update, composing only what the changed spans show (see the module)."""
    screen_region = self.size.region
    updates = [region.intersection(screen_region) for region in self._dirty_regions]
    self._dirty_regions.clear()
    updates = [region for region in updates if region.area]
    if not updates:
        return None
    spans = list(self._regions_to_spans(updates))
    lines: dict[int, list[tuple[int, int]]] = {}
    for y, x1, x2 in spans:
        lines.setdefault(y, []).append((x1, x2))
    plan = plan_of(self)
    cuts, chop_ends = plan.cuts, plan.chop_ends
    chops: list[dict] = [{} for _ in cuts]
    wanted: dict[int, dict[int, list[tuple[int, int]]]] = {}
    for y, line_spans in lines.items():
        line_cuts = cuts[y]
        chops[y] = dict.fromkeys(line_cuts[:-1])
        owners = plan.line(y)[0]
        # the pieces a span overlaps (ChopsUpdate.render_segments also writes an empty piece where a span
        # ends right at a cut: left empty here, as before)
        overlapped = set()
        last = len(line_cuts) - 1
        for x1, x2 in line_spans:
            at = bisect_right(line_cuts, x1) - 1
            while 0 <= at < last and line_cuts[at] < x2:
                overlapped.add(line_cuts[at])
                at += 1
        for cut in overlapped:
            owner = owners.get(cut)
            if owner is not None:
                wanted.setdefault(owner[0], {}).setdefault(y, []).append((owner[1], cut))
    try:
        pieces_for(plan, wanted, chops)
    except ShortLines:
        chops = _render_chops(self, updates, lines)
    return ChopsUpdate(chops, spans, chop_ends)


@lru_cache(maxsize=8192)
def _move_to(x: int, y: int) -> str:
    """The terminal's cursor move to (x, y), as Rich writes it."""
    return Control.move_to(x, y).segment.text


def render_segments(self: ChopsUpdate, console) -> str:
    """ChopsUpdate.render_segments with its cursor moves looked up: Textual builds a Rich Control object
    for each (~4 us), and a tab writes two panes' edges, a few hundred spans (the same bytes). Each span
    starts at the piece it begins in (Textual walks every piece of the line for every span of it)."""
    out: list[str] = []
    append = out.append
    chops, chop_ends = self.chops, self.chop_ends
    last_y = self.spans[-1][0]
    line_y = -1
    for y, x1, x2 in self.spans:
        if y != line_y:
            line_y, line = y, chops[y]
            starts, strips, ends = list(line), list(line.values()), chop_ends[y]
            count = len(starts)
        at = bisect_right(starts, x1) - 1
        if at < 0:
            at = 0
        while at < count:
            x = starts[at]
            if x > x2:
                break
            strip, end = strips[at], ends[at]
            at += 1
            if strip is None or end <= x1:
                continue
            if not (x2 > x >= x1 and end <= x2):  # a piece reaching out of the span: its part up to the span's end
                strip = strip.crop(0, min(end, x2) - x)
            append(_move_to(x, y))
            append(strip.render(console))
        if y != last_y:
            append("\n")
    return "".join(out)


_textual_render_segments = ChopsUpdate.render_segments


def install() -> None:
    """Use the narrow partial update (idempotent; called when the app module is imported)."""
    Compositor.render_partial_update = render_partial_update  # type: ignore[method-assign]
    ChopsUpdate.render_segments = render_segments  # type: ignore[method-assign]


def uninstall() -> None:
    """Textual's own partial update again (tests compare both)."""
    Compositor.render_partial_update = _textual_render_partial_update  # type: ignore[method-assign]
    ChopsUpdate.render_segments = _textual_render_segments  # type: ignore[method-assign]
