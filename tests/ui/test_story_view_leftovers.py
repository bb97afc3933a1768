"""Story-view leftovers of session 7 (issue 13): copy toasts at 80x24 (the open row of a copy and the stories'
unread figures are in test_twins_ui.py, beside the twins they need)."""

from __future__ import annotations

import pytest

from pilot_steps import settle
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


async def _story_view(pilot):
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("g", "enter")
    await settle(pilot)
    await settle(pilot)
    return pilot.app.screen


async def test_three_copies_in_the_story_view_leave_one_small_toast_at_80x24(stories, make_app, copied):
    """c, y and Y in a row used to stack three toasts over half the story view at 80x24: a copy's toast now
    replaces the one before it, and a narrow page shows toasts as compactly as the narrow main screen does."""
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        story = await _story_view(pilot)
        assert type(story).__name__ == "StoryScreen"
        for key in ("c", "y", "Y"):
            await pilot.press(key)
            await settle(pilot)
        await pilot.pause()
        await pilot.pause(0.1)
        toasts = list(story.query("Toast"))
        assert len(copied) == 3  # all three copies happened
        assert len(toasts) == 1, [str(t.render()) for t in toasts]
        assert "Markdown" in str(toasts[0].render())
        assert toasts[0].region.height <= 4 and toasts[0].region.width <= 42
