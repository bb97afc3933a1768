"""A dialog is read in full: a copy's toast (several lines, shown for seconds) pressed just before `d` covered the
delete dialog's question and its Yes / No buttons at 80x24 until it timed out."""

from __future__ import annotations

from pilot_steps import open_first, settle

from tui import clipboard
from tui.app.dialogs import ConfirmDialog
from tui.app.screens import MainScreen


def _covered_cells(screen, widget) -> list[tuple[int, int]]:
    """The cells of `widget` where the screen shows something that is not it or inside it."""
    region = widget.region
    covered = []
    for y in range(region.y, region.bottom):
        for x in range(region.x, region.right):
            shown, _ = screen.get_widget_at(x, y)
            if shown is not widget and widget not in shown.ancestors:
                covered.append((x, y))
    return covered


async def test_a_copy_toast_does_not_cover_the_delete_dialog(library, make_app, monkeypatch):
    path, _ = library
    # as over SSH: no system clipboard, the text sent to the terminal only (the longest copy toast: seven lines)
    monkeypatch.setattr(clipboard, "copy_system", lambda text: "no system clipboard (no display; common over SSH)")
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await open_first(pilot)
        app.has_terminal = lambda: True
        await pilot.press("c")  # a copy: its toast says where the text went (several lines at 80 columns)
        await settle(pilot)
        assert app._notifications, "the copy said nothing"
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        box = dialog.query_one(".dialog")
        assert _covered_cells(dialog, box) == []
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app._notifications  # the toast is still due: it shows again on the screen below
