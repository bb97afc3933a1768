"""A page kept while an article opened from it is read (back_pages), then its library changed by another program (the
sqlite3 shell, another newsreader): back there, the story view showed the story as it was read ("3 articles" over the
one line left, a summary quoting deleted articles, a story deleted meanwhile shown as if there); `enter` on the line
of an article deleted meanwhile closed the pages for the library and the toast "That article is no longer in the
library", the page lost. Now the story is read again when it changed, and such an `enter` stays on the page."""

from __future__ import annotations

from damaged_pages import run_sql
from pilot_steps import open_first_story, settle, shown_toasts
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)


def _unkeyed(db, *statements: str) -> None:
    """`statements` run as another program runs them: foreign keys off (sqlite3's default)."""
    run_sql(db, list(statements))


def _lines(screen, selector: str = "#story-text") -> list[str]:
    widget = screen.query_one(selector)
    return [widget.get_option_at_index(i).id for i in range(widget.option_count)
            if (widget.get_option_at_index(i).id or "").startswith("a:")]


def _head(screen) -> str:
    return str(screen.query_one("#story-head").render())


async def _line(pilot, screen, index: int) -> int:
    """The cursor on the story's article line `index` (-1: the last); returns its article id."""
    widget = screen.query_one("#story-text")
    rows = [i for i in range(widget.option_count) if (widget.get_option_at_index(i).id or "").startswith("a:")]
    screen.set_focus(widget)
    widget.highlighted = rows[index]
    await pilot.pause()
    return int(widget.get_option_at_index(rows[index]).id[2:])


async def _open_from_story(pilot):
    """The first story's view, then `enter` on its last article line; returns (story view, the article's id)."""
    await open_first_story(pilot)
    story = pilot.app.screen
    article_id = await _line(pilot, story, -1)
    await pilot.press("enter")
    await settle(pilot)
    assert type(pilot.app.screen).__name__ == "MainScreen" and pilot.app.screen.article.id == article_id
    return story, article_id


async def test_back_to_a_story_whose_other_articles_were_deleted_meanwhile(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        story, opened = await _open_from_story(pilot)
        assert len(_lines(story)) == 3 and _head(story).split("\n")[1].startswith("3 articles"), _head(story)
        others = [int(i[2:]) for i in _lines(story) if int(i[2:]) != opened]
        _unkeyed(stories, f"DELETE FROM articles WHERE id IN ({', '.join(map(str, others))})")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is story
        assert _lines(story) == [f"a:{opened}"]
        assert _head(story).split("\n")[1].startswith("1 article ·"), _head(story)  # (it said "3 articles")
        assert story.summary is not None and list(story.summary.articles) == [opened]


async def test_back_to_a_story_deleted_meanwhile_says_it_is_gone(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        story, _opened = await _open_from_story(pilot)
        _unkeyed(stories, f"DELETE FROM stories WHERE id = {story.story_id}")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is story
        assert _head(story).startswith("This story is no longer in the library"), _head(story)


async def test_a_story_deleted_while_shown_keeps_no_lines_to_open(stories, make_app):  # noqa: F811
    """Its summary and article lines went on under "This story is no longer in the library" (hostile34), and enter
    opened them as if the story were there; y then said "Still reading the story"."""
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert _lines(story)
        _unkeyed(stories, f"DELETE FROM stories WHERE id = {story.story_id}")
        story.follow_library()  # (what LibraryWatch calls when the library changes)
        await settle(pilot)
        assert _head(story).startswith("This story is no longer in the library"), _head(story)
        for selector in ("#story-text", "#story-quotes"):
            assert story.query_one(selector).option_count == 0, selector
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is story
        await pilot.press("y")
        await settle(pilot)
        assert "This story is no longer in the library." in shown_toasts(app)


async def test_enter_on_an_article_deleted_meanwhile_stays_on_the_story(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        gone = await _line(pilot, story, -1)
        _unkeyed(stories, f"DELETE FROM articles WHERE id = {gone}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is story, type(app.screen).__name__  # (the pages were closed for the library)
        assert "That article is no longer in the library." in shown_toasts(app)
        assert f"a:{gone}" not in _lines(story) and len(_lines(story)) == 2
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "MainScreen"


async def test_back_to_a_person_page_whose_other_articles_were_deleted_meanwhile(stories, make_app):  # noqa: F811
    """The person page listed them still ("3 articles", their lines shown read) and `n` said every article on it
    was read; it is read again."""
    from pilot_steps import open_person_from_story

    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        lines = _lines(person, "#person-articles")
        assert len(lines) == 3, lines
        widget = person.query_one("#person-articles")
        person.set_focus(widget)
        widget.highlighted = next(i for i in range(widget.option_count) if widget.get_option_at_index(i).id == lines[0])
        opened = int(lines[0][2:])
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.article.id == opened
        _unkeyed(stories, f"DELETE FROM articles WHERE id IN ({', '.join(i[2:] for i in lines[1:])})")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is person
        assert _lines(person, "#person-articles") == [f"a:{opened}"]
        assert "1 article ·" in str(person.query_one("#person-head").render())
