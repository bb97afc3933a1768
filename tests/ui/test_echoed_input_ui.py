"""The app's dialogs echo what was typed in one short line: a path too long for the file system in the add dialog's
error (it was repeated whole, 6,400 characters wrapped over the dialog), a 100 KB web address in the feed dialog's."""

from __future__ import annotations

from pilot_steps import settle

from tui.app.dialogs import AddDialog
from tui.app.dialogs.feed import AddFeedDialog

HUGE_PATH = "archive/" + "wexmoor-harbour/" * 400 + "pier.txt"  # 6,416 characters: "File name too long"
HUGE_SCHEME = "quayside" * 12_500 + "://example.org/feed.xml"  # 100 KB: its scheme is echoed in the error


async def test_add_dialog_error_for_a_too_long_path_is_one_short_line(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.importer.add(HUGE_PATH)
        await settle(pilot)
        assert isinstance(app.screen, AddDialog)
        error = str(app.screen.query_one("#add-error").render())
        assert "file name too long" in error and "File" not in error, error
        assert len(error) < 160 and "…" in error and error.endswith(("long)", "long")), error
        assert app.screen.query_one("#add-error").region.height <= 3


async def test_feed_dialog_error_for_a_huge_address_is_one_short_line(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.screen.action_add_feed()
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, AddFeedDialog)
        dialog.query_one("#feed-url").value = HUGE_SCHEME
        dialog.action_submit()
        await settle(pilot)
        error = str(dialog.query_one("#feed-error").render())
        assert error.startswith("only http and https"), error[:200]
        assert len(error) <= 200 and "…" in error, len(error)
