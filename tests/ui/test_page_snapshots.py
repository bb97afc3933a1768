"""SVG snapshots of the story view, the entity page, the briefing and the feeds list at 80x24 and 160x48
(update with `pytest tests/ui/test_page_snapshots.py --snapshot-update`, and look at them first).

The harbour story's three articles have fixed hand-made analyses (story_sample.py), so quotes and
entities do not move with the engine; the story summary's sentence choice is tui/stories' own, so the
story view and briefing pictures change when that choice does.
"""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, settle
from story_sample import make_story_library

from tui.store import Library


@pytest.fixture(autouse=True)
def _fixed_config_path(monkeypatch):
    monkeypatch.setenv("NEWSREADER_CONFIG", "/nonexistent/newsreader/config.toml")


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


async def _person(pilot) -> None:
    await open_first_story(pilot)
    screen = pilot.app.screen
    index = next(i for i, (kind, name) in enumerate(screen.entity_names) if name == "Agnes Trewin")
    screen.set_focus(screen.query_one("#story-quotes"))
    screen.query_one("#story-quotes").highlighted = screen.query_one("#story-quotes").get_option_index(f"e:{index}")
    await pilot.press("enter")
    await settle(pilot)


async def _briefing(pilot) -> None:
    await pilot.press("b")
    await settle(pilot)
    await settle(pilot)


async def _feeds(pilot) -> None:
    await pilot.press("F")
    await settle(pilot)


def _with_feeds(path) -> None:
    from tui.store.feeds import add_feed, update_feed

    with Library(path) as lib:
        add_feed(lib, "http://127.0.0.1:9/island.xml", "Island Ferry News")
        feed_id, _ = add_feed(lib, "http://127.0.0.1:9/quay.xml", "Quay Notes")
        update_feed(lib, feed_id, last_status="error", last_error="connection refused (is the network up?)")


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_story_view(stories, make_app, snap_compare, size):
    assert snap_compare(make_app(stories), terminal_size=size, run_before=open_first_story)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_person_page(stories, make_app, snap_compare, size):
    assert snap_compare(make_app(stories), terminal_size=size, run_before=_person)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_briefing(stories, make_app, snap_compare, size):
    assert snap_compare(make_app(stories), terminal_size=size, run_before=_briefing)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_feeds_list(stories, make_app, snap_compare, size):
    _with_feeds(stories)
    assert snap_compare(make_app(stories), terminal_size=size, run_before=_feeds)


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
def test_story_mode_library(stories, make_app, snap_compare, size):
    async def _stories(pilot) -> None:
        await pilot.press("v")
        await settle(pilot)

    assert snap_compare(make_app(stories), terminal_size=size, run_before=_stories)
