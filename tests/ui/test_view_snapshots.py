"""SVG snapshots of the library's views (issue 10 reader basics) at 80x24 and 160x48: the unread view in
title order with a starred article, and the "Filter by tag…" picker."""

from __future__ import annotations

import pytest

from pilot_steps import palette_names, settle
from ui_sample import ROBOTS

from tui.store import Library


@pytest.fixture
def marked_library(cached_library):
    path, ids = cached_library
    with Library(path) as lib:
        lib.set_starred(ids[ROBOTS.title], True)
        lib.set_read(ids[ROBOTS.title], True)
    return path


async def _unread_by_title(pilot) -> None:
    await settle(pilot)
    await pilot.press("u", "O", "O", "O", "O", "O")  # unread; title, source, length, date, title
    await settle(pilot)
    pilot.app.clear_notifications()
    await pilot.pause()


async def _tag_picker(pilot) -> None:
    from textual.command import CommandInput

    await settle(pilot)
    await pilot.press("T")
    await palette_names(pilot, 3)  # the palette fills its list from a worker: the three tags
    await pilot.app.workers.wait_for_complete()
    for box in pilot.app.screen.query(CommandInput):
        box.cursor_blink = False  # a blinking cursor would make the picture depend on timing
    await settle(pilot)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_unread_view_by_title(marked_library, make_app, snap_compare, size):
    assert snap_compare(make_app(marked_library), terminal_size=size, run_before=_unread_by_title)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_tag_picker(marked_library, make_app, snap_compare, size):
    assert snap_compare(make_app(marked_library), terminal_size=size, run_before=_tag_picker)
