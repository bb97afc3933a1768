"""walk32: an article opened from the story view, then esc or q, went to the library (the stories list), not back to
the story it was opened from: the reader looked for the story again to read its next article. Now esc and q there
go back to the story view, its cursor on the line the article was opened from; esc from it goes on to the list.
Anything else opened or shown since (another article, the library) ends it."""

from __future__ import annotations

import pytest

from pilot_steps import settle
from story_sample import EVENING, WIRE, make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


def line_index(screen, prefix: str) -> int:
    widget = screen.query_one("#story-text")
    return next(i for i in range(widget.option_count) if (widget.get_option_at_index(i).id or "").startswith(prefix))


async def story_then_article(pilot, ids):
    """v, enter on the first story (the harbour's), then enter on WIRE's line of its articles."""
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("g", "enter")
    await settle(pilot)
    await settle(pilot)
    story = pilot.app.screen
    assert type(story).__name__ == "StoryScreen" and story.row.title == EVENING.title
    at = line_index(story, f"a:{ids[WIRE.title]}")
    story.query_one("#story-text").highlighted = at
    await pilot.press("enter")
    await settle(pilot)
    main = pilot.app.screen
    assert type(main).__name__ == "MainScreen" and main.article.title == WIRE.title
    return story, at


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_back_from_an_article_of_the_story_view_at_80x24(stories, make_app, key):
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        story, at = await story_then_article(pilot, ids)
        assert app.screen.reading
        await pilot.press(key)
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen", f"{key} left the article for {type(app.screen).__name__}"
        assert app.screen.row.title == EVENING.title
        assert app.screen.query_one("#story-text").highlighted == at, "the cursor is not on the article's line"
        await pilot.press("escape")  # and from the story view on to the stories list, as before
        await settle(pilot)
        main = app.screen
        assert type(main).__name__ == "MainScreen" and not main.reading and main.articles.has_focus
        assert main.articles.source.kind == "stories"


async def test_q_on_a_wide_screen_goes_back_to_the_story_not_out_of_the_app(stories, make_app):
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await story_then_article(pilot, ids)
        await pilot.press("q")  # the article pane has the focus
        await settle(pilot)
        assert app.is_running and type(app.screen).__name__ == "StoryScreen"


async def test_another_article_opened_from_the_list_goes_back_to_the_list(stories, make_app):
    path, ids = stories
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await story_then_article(pilot, ids)
        await pilot.press("escape")  # the story view
        await settle(pilot)
        await pilot.press("escape", "v")  # the stories list, then the articles
        await settle(pilot)
        main = app.screen
        await pilot.press("g", "enter")
        await settle(pilot)
        assert main.reading and main.article is not None
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and not main.reading and main.articles.source.kind == "articles"
