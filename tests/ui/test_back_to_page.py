"""walk32: an article opened from the person page, or from a story opened from the briefing, then esc or q, went to
the library, not back to the page it was opened from (the story view alone came back, d0a9221). The pages are now
kept while the article is open (tui/app/parts/back_pages.py, one mechanism for every page): esc / q show them again,
as they were, their cursor on the line the article was opened from; esc from them goes on back as before."""

from __future__ import annotations

import pytest

from pilot_steps import open_briefing, open_first_story, open_person_from_story, settle, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)


def screen_name(app) -> str:
    return type(app.screen).__name__


async def article_from_person_page(pilot):
    """Story view -> Agnes Trewin's page -> enter on the last of her articles; returns (story, person, its line)."""
    await open_first_story(pilot)
    story = pilot.app.screen
    person = await open_person_from_story(pilot, "Agnes Trewin")
    assert type(person).__name__ == "PersonScreen"
    articles = person.query_one("#person-articles")
    lines = [i for i, o in enumerate(articles.options) if (o.id or "").startswith("a:")]
    assert len(lines) >= 2, [o.id for o in articles.options]
    person.set_focus(articles)
    articles.highlighted = lines[-1]  # not the first line: the cursor must be put back, not left at the top
    article_id = int(articles.options[lines[-1]].id.split(":")[1])
    await pilot.press("enter")
    await settle(pilot)
    main = pilot.app.screen
    assert type(main).__name__ == "MainScreen" and main.article is not None and main.article.id == article_id
    return story, person, lines[-1]


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_back_from_an_article_of_the_person_page_at_80x24(stories, make_app, key):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        story, person, line = await article_from_person_page(pilot)
        assert app.screen.reading
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is person, f"{key} left the article for {screen_name(app)}"
        assert person.query_one("#person-articles").highlighted == line, "the cursor is not on the article's line"
        await pilot.press("escape")  # the person page was opened from the story view: back there
        await settle(pilot)
        assert app.screen is story
        await pilot.press("escape")
        await settle(pilot)
        main = app.screen
        assert screen_name(app) == "MainScreen" and not main.reading and main.articles.has_focus
        assert not app.is_screen_installed(person)  # (closed for good: nothing kept behind)


async def test_q_on_a_wide_screen_goes_back_to_the_person_page_not_out_of_the_app(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(160, 48)) as pilot:
        _story, person, _line = await article_from_person_page(pilot)
        await pilot.press("q")  # the article pane has the focus
        await settle(pilot)
        assert app.is_running and app.screen is person


async def test_back_from_an_article_of_a_story_of_the_briefing_goes_back_to_the_briefing(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        briefing = await open_briefing(pilot)
        assert type(briefing).__name__ == "BriefingScreen"
        widget = briefing.query_one("#briefing-list")
        await wait_until(pilot, lambda: widget.option_count and not briefing.loader.loading, "the briefing read")
        heads = [i for i in range(widget.option_count) if (widget.get_option_at_index(i).id or "").endswith(":0")
                 and (widget.get_option_at_index(i).id or "").startswith("b:")]
        assert heads, "no story in the briefing"
        briefing.set_focus(widget)
        widget.highlighted = heads[0]
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen_name(app) == "StoryScreen", "the story view")
        await settle(pilot)
        story = app.screen
        await pilot.press("g", "enter")  # its first line that opens an article
        await settle(pilot)
        for _ in range(20):
            if screen_name(app) == "MainScreen":
                break
            await pilot.press("j", "enter")
            await settle(pilot)
        assert screen_name(app) == "MainScreen" and app.screen.reading
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is story
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is briefing, f"esc from the story view went to {screen_name(app)}, not the briefing"
        assert widget.highlighted == heads[0]
