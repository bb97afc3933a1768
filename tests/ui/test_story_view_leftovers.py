"""Story-view leftovers of session 7 (issue 13): copy toasts at 80x24 (the open row of a copy and the stories'
unread figures are in test_twins_ui.py, beside the twins they need)."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, settle, wait_until
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


async def _story_view(pilot):
    await open_first_story(pilot)
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


async def test_a_story_read_ahead_or_within_the_wait_shows_its_summary_in_its_first_frame(stories, make_app,
                                                                                           monkeypatch):
    """Opening a story the first time is one update: the cursor resting on its row reads it ahead, and a
    story not read yet is shown when its worker has read it (within WAIT_FOR_READ), not as "Reading the
    story…" first and then again."""
    from tui.app.screens import story as story_view
    from tui.stories.story_memo import forget_kept, kept_story_summary

    monkeypatch.setattr(story_view, "WAIT_FOR_READ", 30.0)  # this test is about the order, not the machine's load
    forget_kept()
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await _story_view(pilot)  # the first opening builds the kept view
        await pilot.press("escape")
        await settle(pilot)
        main = app.screen
        forget_kept()
        shown_while_current: list[str] = []
        real_head = story_view.StoryScreen._head

        def head(screen, text):
            if app.screen is screen:
                shown_while_current.append(text.plain)
            real_head(screen, text)

        monkeypatch.setattr(story_view.StoryScreen, "_head", head)
        await pilot.press("j")  # another story: not read yet; enter at once (no rest)
        target = main.articles.current.id
        await pilot.press("enter")
        await settle(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen" and story.story_id == target and story.summary is not None
        assert not any("Reading the story" in t for t in shown_while_current)
        await pilot.press("escape")
        await settle(pilot)
        forget_kept()
        await pilot.press("k")  # rest on the first story: read ahead (a wait for it, not a fixed 0.5 s)
        await wait_until(pilot, lambda: kept_story_summary(main.lib, main.articles.current.id) is not None,
                         "the story under the resting cursor was never read ahead")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "StoryScreen" and app.screen.summary is not None


async def test_back_from_the_story_view_after_a_theme_change_shows_the_new_theme(stories, make_app):
    """esc from the story view skips restyling the whole main screen when nothing changed meanwhile; after a
    theme change on the story view the main screen has the new theme's colours."""
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        before = main.articles.rich_style
        await _story_view(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert main.articles.rich_style == before  # nothing changed
        await _story_view(pilot)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and main.articles.rich_style != before
        shown = main.articles.rich_style
        main.update_node_styles(animate=False)  # what a full restyle gives
        await pilot.pause()
        assert main.articles.rich_style == shown
