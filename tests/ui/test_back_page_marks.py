"""walk33: an article opened from the story view or a person page is marked read, but esc / q back to that page
showed its line as it was before, "● …" unread, though the library, the stories list ("●1"), `list` and `brief`
all had it read (the page is kept as it was while the article is open: back_pages). Back on a page, its article
lines show the library's marks again, the one just read included, and so does every page under it."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, open_person_from_story, settle
from test_page_marks_shown import article_lines
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)


def story_article_lines(story) -> dict[int, str]:
    return article_lines(story.query_one("#story-text"))


async def open_line(pilot, page, selector: str, article_id: int) -> None:
    """enter on the line of `article_id` in the page's list `selector`: the article opens in the main screen."""
    widget = page.query_one(selector)
    page.set_focus(widget)
    widget.highlighted = widget.get_option_index(f"a:{article_id}")
    await pilot.press("enter")
    await settle(pilot)
    main = pilot.app.screen
    assert type(main).__name__ == "MainScreen" and main.article is not None and main.article.id == article_id


async def person_page_from_story(pilot):
    """The first story's view, then Agnes Trewin's page opened from it: (the story view, the person page, its
    articles list)."""
    await open_first_story(pilot)
    story = pilot.app.screen
    person = await open_person_from_story(pilot, "Agnes Trewin")
    return story, person, person.query_one("#person-articles")


@pytest.mark.parametrize(("size", "key"), [((80, 24), "escape"), ((80, 24), "q"), ((160, 48), "escape")])
async def test_back_to_the_story_view_shows_the_article_read(stories, make_app, size, key):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=size) as pilot:
        await open_first_story(pilot)
        story = app.screen
        lines = story_article_lines(story)
        assert len(lines) >= 2 and all(text.startswith("● ") for text in lines.values()), lines
        article_id = list(lines)[-1]
        await open_line(pilot, story, "#story-text", article_id)
        await pilot.press(key)
        await settle(pilot)
        assert app.screen is story
        lines = story_article_lines(story)
        assert lines[article_id].startswith("  "), f"the article just read still shows unread: {lines[article_id]!r}"
        others = [text for i, text in lines.items() if i != article_id]
        assert others and all(text.startswith("● ") for text in others), others  # the others stay unread


async def test_back_to_the_person_page_and_on_to_the_story_view_show_the_article_read(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        story, person, articles = await person_page_from_story(pilot)
        lines = article_lines(articles)
        assert lines and all(text.startswith("● ") for text in lines.values()), lines
        article_id = list(lines)[-1]
        assert article_id in story_article_lines(story)  # one of the story's articles too
        await open_line(pilot, person, "#person-articles", article_id)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is person
        assert article_lines(articles)[article_id].startswith("  "), article_lines(articles)
        await pilot.press("escape")  # the person page was opened from the story view: back there, its line read too
        await settle(pilot)
        assert app.screen is story
        assert story_article_lines(story)[article_id].startswith("  "), story_article_lines(story)


async def test_a_mark_given_on_the_person_page_shows_on_the_story_view_under_it(stories, make_app):  # noqa: F811
    """m on the entity page opened from the story view, then esc: the story view showed the line as it was."""
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        story, person, articles = await person_page_from_story(pilot)
        article_id = list(article_lines(articles))[-1]
        person.set_focus(articles)
        articles.highlighted = articles.get_option_index(f"a:{article_id}")
        await pilot.press("m")
        await settle(pilot)
        assert article_lines(articles)[article_id].startswith("  "), article_lines(articles)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is story
        assert story_article_lines(story)[article_id].startswith("  "), story_article_lines(story)


async def test_the_story_view_head_says_how_many_articles_are_unread(stories, make_app):  # noqa: F811
    """walk33: the stories list marks a story "●3" and the briefing says "3 articles · 3 unread", but the story view's
    head said "3 articles · 2026-01-14 – 2026-01-15" alone: reading its articles, the reader could not see how many
    were left. Its head now counts them as the briefing does, and follows the marks (an article read, `A`)."""
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        head = story.query_one("#story-head")
        lines = story_article_lines(story)
        assert head.head.figures.startswith(f"{len(lines)} articles · {len(lines)} unread · "), head.head.figures
        await open_line(pilot, story, "#story-text", list(lines)[-1])
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is story
        assert head.head.figures.startswith(f"{len(lines)} articles · {len(lines) - 1} unread · "), head.head.figures
        await pilot.press("A")
        await settle(pilot)
        assert "unread" not in head.head.figures and head.head.figures.startswith(f"{len(lines)} articles · 20")
