"""Marks the pages show for the articles they list: what walk23 found at 80x24 and 200x50 (session 23)."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, open_person_from_story, settle
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


def article_lines(widget) -> dict[int, str]:
    return {int(o.id.split(":")[1]): o.prompt.plain for o in widget.options if (o.id or "").startswith("a:")}


async def test_the_entity_page_shows_read_and_starred_marks_and_m_f_change_them(stories, make_app):
    """The entity page's article lines had no unread dot and no star, as the story view's have: m and f there said
    "Marked read" / "Marked starred" and the page looked the same as before."""
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        person = await open_person_from_story(pilot, "Agnes Trewin")
        articles = person.query_one("#person-articles")
        lines = article_lines(articles)
        assert lines and all(text.startswith("● ") for text in lines.values()), lines  # nothing is read yet
        person.set_focus(articles)
        first = next(i for i, o in enumerate(articles.options) if (o.id or "").startswith("a:"))
        articles.highlighted = first
        ident = int(articles.options[first].id.split(":")[1])
        await pilot.press("m")
        await settle(pilot)
        assert article_lines(articles)[ident].startswith("  "), article_lines(articles)  # read: no dot
        assert articles.highlighted == first  # the cursor stays on its line
        await pilot.press("f")
        await settle(pilot)
        line = article_lines(articles)[ident]
        assert "★" in line and line.index("★") < line.index("  ", 2), line  # after the title, before the outlet
        others = [text for i, text in article_lines(articles).items() if i != ident]
        assert all(text.startswith("● ") and "★" not in text for text in others), others
        await pilot.press("m")
        await settle(pilot)
        assert article_lines(articles)[ident].startswith("● "), article_lines(articles)
