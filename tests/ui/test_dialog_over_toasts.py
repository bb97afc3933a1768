"""A dialog is read in full: a copy's toast (several lines, shown for seconds) pressed just before `d` covered the
delete dialog's question and its Yes / No buttons at 80x24 until it timed out."""

from __future__ import annotations

from pilot_steps import copied_over_ssh, covered_cells, settle

from tui.app.dialogs import ConfirmDialog
from tui.app.screens import MainScreen


async def test_a_copy_toast_does_not_cover_the_delete_dialog(library, make_app, monkeypatch):
    path, _ = library
    async with copied_over_ssh(make_app, path, monkeypatch) as (pilot, app):
        await pilot.press("d")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        box = dialog.query_one(".dialog")
        assert covered_cells(dialog, box) == []
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert app._notifications  # the toast is still due: it shows again on the screen below
