"""Which widget shows where on a screen, worked out once per layout for the screen updates.

Textual composes a screen line by cutting every widget's line at every widget edge on it ("cuts"), front
to back, and keeping the first piece for each cut. Which widget that is depends only on where the widgets
are, not on what they draw: the plan keeps it per line (worked out when a line is first needed), so an
update draws only the widgets that show in the pieces it writes, and cuts only their lines
(full_update.py, partial_update.py).
"""

from __future__ import annotations

from textual._compositor import Compositor
from textual.geometry import Region


class Plan:
    """For one layout of a compositor: `shown` is [(widget, its visible area on the screen, the crop of it to
    draw, widget-relative)] front to back; `line(y)` says who owns each piece of screen line y."""

    __slots__ = ("visible", "cuts", "shown", "chop_ends", "_lines", "_everything")

    def __init__(self, compositor: Compositor) -> None:
        self.visible = compositor.visible_widgets
        self.cuts = compositor.cuts
        shown = []
        for widget, (region, clip) in self.visible.items():
            area = region.intersection(clip)
            if area.area:
                shown.append((widget, area, Region(area.x - region.x, area.y - region.y, area.width, area.height)))
        self.shown = shown
        self.chop_ends = [cut_set[1:] for cut_set in self.cuts]
        self._lines: list[tuple | None] = [None] * len(self.cuts)
        self._everything: dict | None = None

    def everything(self) -> dict[int, dict[int, list[tuple[int, int]]]]:
        """What a full update draws: {widget number: {screen line: [(piece number, cut)]}} for every piece."""
        if self._everything is None:
            wanted: dict[int, dict[int, list[tuple[int, int]]]] = {}
            for y in range(len(self.cuts)):
                for cut, (number, piece) in self.line(y)[0].items():
                    wanted.setdefault(number, {}).setdefault(y, []).append((piece, cut))
            self._everything = wanted
        return self._everything

    def fits(self, compositor: Compositor) -> bool:
        """Still this compositor's layout (a new layout makes new `visible_widgets` and `cuts`)."""
        return compositor.visible_widgets is self.visible and compositor.cuts is self.cuts

    def line(self, y: int) -> tuple[dict[int, tuple[int, int]], dict[int, list[int]]]:
        """({cut: (number of the widget in `shown`, number of its piece)}, {widget number: the cuts of its
        line relative to its left edge, as Strip.divide takes them}) for screen line y. A cut no widget
        covers has no owner (Textual leaves its piece empty)."""
        found = self._lines[y]
        if found is None:
            owners: dict[int, tuple[int, int]] = {}
            relative: dict[int, list[int]] = {}
            line_cuts = self.cuts[y]
            for number, (_widget, area, _crop) in enumerate(self.shown):
                if not area.y <= y < area.bottom:
                    continue
                x0, x1 = area.x, area.right
                final = [cut for cut in line_cuts if x1 >= cut >= x0]
                owns = False
                for piece, cut in enumerate(final[:-1]):
                    if cut not in owners:
                        owners[cut] = (number, piece)
                        owns = True
                if owns:
                    relative[number] = [cut - x0 for cut in final[1:]]
            found = self._lines[y] = (owners, relative)
        return found


def plan_of(compositor: Compositor) -> Plan:
    """The compositor's plan for its current layout (made when the layout changed)."""
    plan = getattr(compositor, "_update_plan", None)
    if plan is None or not plan.fits(compositor):
        plan = compositor._update_plan = Plan(compositor)
    return plan


class ShortLines(Exception):
    """A widget drew fewer lines than its area, or a line shorter than it: Textual lets the widgets behind
    show there, which the plan does not model; the update goes through the exact way instead."""


def pieces_for(plan: Plan, wanted: dict[int, dict[int, list[tuple[int, int]]]], chops: list) -> None:
    """Fill `chops[y][cut]` for `wanted` = {widget number: {screen line: [(piece number, cut)]}}: each widget
    draws the rows from its first wanted line to its last, and each wanted line is cut once. Raises
    ShortLines (see there)."""
    for number, rows in wanted.items():
        widget, area, crop = plan.shown[number]
        top, bottom = min(rows), max(rows) + 1
        if top == area.y and bottom == area.bottom:
            strips = widget.render_lines(crop)
        else:
            strips = widget.render_lines(Region(crop.x, crop.y + top - area.y, crop.width, bottom - top))
        if len(strips) < bottom - top:
            raise ShortLines
        width = area.width
        for y, pieces_wanted in rows.items():
            strip = strips[y - top]
            length = strip.cell_length
            if length < width:
                raise ShortLines
            line = chops[y]
            if length == width and len(pieces_wanted) == 1 and pieces_wanted[0][0] == 0 \
                    and len(plan.line(y)[1][number]) == 1:
                line[pieces_wanted[0][1]] = strip  # the whole line is one piece: what divide gives
                continue
            pieces = strip.divide(plan.line(y)[1][number])
            for piece, cut in pieces_wanted:
                line[cut] = pieces[piece]
