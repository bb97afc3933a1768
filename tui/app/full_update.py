"""A full screen update that draws and cuts only the pieces of the screen each widget shows.

A full update (a screen shown again: `esc` back from the story view, `enter` on a story; a resize;
the first paint) asks every visible widget for all its lines and cuts each line at every widget
edge on it, front to back, keeping the first piece for each cut: the screen's own background, the
panes behind their children, all drawn and cut, then thrown away. Which widget shows at each piece
of each line depends only on where the widgets are, so this update works that out once per layout
(a plan) and then draws only the widgets that show somewhere, cutting only the lines they show on.

The result is Textual's own (the same pieces, from the same cached strips, in the same places).
Where a widget draws fewer lines, or shorter ones, than its region, Textual lets the widgets behind
show through; then this frame goes through Textual's own code. tests/ui/test_full_update.py compares
both ways on real screens.
"""

from __future__ import annotations

from textual._compositor import Compositor, LayoutUpdate
from textual.geometry import Region

_textual_render_full_update = Compositor.render_full_update


class _Plan:
    """For one layout: the widgets that show somewhere, front to back, each as
    (widget, crop to draw (widget-relative), first screen line, width, [(line offset, cuts relative to
    the widget (Strip.divide's), [(piece number, screen cut)])])."""

    __slots__ = ("visible", "cuts", "widgets")

    def __init__(self, compositor: Compositor) -> None:
        self.visible = compositor.visible_widgets
        self.cuts = cuts = compositor.cuts
        taken = [set() for _ in cuts]
        widgets = []
        for widget, (region, clip) in self.visible.items():
            shown = region.intersection(clip)
            if not shown.area:
                continue
            x0, x1 = shown.column_span
            lines = []
            for offset, y in enumerate(shown.line_range):
                final = [cut for cut in cuts[y] if x1 >= cut >= x0]
                line_taken = taken[y]
                won = []
                for number, cut in enumerate(final[:-1]):
                    if cut not in line_taken:
                        line_taken.add(cut)
                        won.append((number, cut))
                if won:
                    lines.append((offset, [cut - x0 for cut in final[1:]], won))
            if lines:
                crop = Region(shown.x - region.x, shown.y - region.y, shown.width, shown.height)
                widgets.append((widget, crop, shown.y, shown.width, lines))
        self.widgets = widgets

    def fits(self, compositor: Compositor) -> bool:
        return compositor.visible_widgets is self.visible and compositor.cuts is self.cuts


def render_full_update(self: Compositor, simplify: bool = False) -> LayoutUpdate:
    """Compositor.render_full_update, drawing only what shows (see the module)."""
    if simplify:  # screenshots (SVG export): Textual's own
        return _textual_render_full_update(self, simplify=simplify)
    plan = getattr(self, "_full_plan", None)
    if plan is None or not plan.fits(self):
        plan = self._full_plan = _Plan(self)
    chops = [dict.fromkeys(cut_set[:-1]) for cut_set in plan.cuts]
    for widget, crop, top, width, lines in plan.widgets:
        strips = widget.render_lines(crop)
        if len(strips) < crop.height:
            return _textual_render_full_update(self)  # the widgets behind show where lines are missing
        for offset, relative, won in lines:
            strip = strips[offset]
            length = strip.cell_length
            if length < width:
                return _textual_render_full_update(self)  # ... or where a line is short
            if length == width and len(relative) == 1:
                chops[top + offset][won[0][1]] = strip  # the whole line is one piece (what divide gives)
                continue
            pieces = strip.divide(relative)
            line = chops[top + offset]
            for number, cut in won:
                line[cut] = pieces[number]
    self._dirty_regions.clear()
    return LayoutUpdate([chop.values() for chop in chops], self.size.region)


def install() -> None:
    """Use the planned full update (idempotent; called when the app module is imported)."""
    Compositor.render_full_update = render_full_update  # type: ignore[method-assign]


def uninstall() -> None:
    """Textual's own full update again (tests compare both)."""
    Compositor.render_full_update = _textual_render_full_update  # type: ignore[method-assign]
