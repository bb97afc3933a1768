"""A full screen update that draws and cuts only the pieces of the screen each widget shows.

A full update (a screen shown again: `esc` back from the story view, `enter` on a story; a resize;
the first paint) asks every visible widget for all its lines and cuts each line at every widget
edge on it, front to back, keeping the first piece for each cut: the screen's own background, the
panes behind their children, all drawn and cut, then thrown away. Which widget shows at each piece
of each line depends only on where the widgets are (update_plan.py), so this update draws only the
widgets that show somewhere, and cuts only the lines they show on.

The result is Textual's own (the same pieces, from the same cached strips, in the same places).
Where a widget draws fewer lines, or shorter ones, than its area, Textual lets the widgets behind
show through; then the frame goes through Textual's own code. tests/ui/test_full_update.py compares
both ways on real screens.
"""

from __future__ import annotations

from textual._compositor import Compositor, LayoutUpdate

from tui.app.update_plan import ShortLines, pieces_for, plan_of

_textual_render_full_update = Compositor.render_full_update


def render_full_update(self: Compositor, simplify: bool = False) -> LayoutUpdate:
    """Compositor.render_full_update, drawing only what shows (see the module)."""
    if simplify:  # screenshots (SVG export): Textual's own
        return _textual_render_full_update(self, simplify=simplify)
    plan = plan_of(self)
    chops = [dict.fromkeys(cut_set[:-1]) for cut_set in plan.cuts]
    try:
        pieces_for(plan, plan.everything(), chops)
    except ShortLines:
        return _textual_render_full_update(self)
    self._dirty_regions.clear()
    return LayoutUpdate([chop.values() for chop in chops], self.size.region)


def install() -> None:
    """Use the planned full update (idempotent; called when the app module is imported)."""
    Compositor.render_full_update = render_full_update  # type: ignore[method-assign]


def uninstall() -> None:
    """Textual's own full update again (tests compare both)."""
    Compositor.render_full_update = _textual_render_full_update  # type: ignore[method-assign]
