"""keys36 (walk35: "I paged with pgdn to reach its articles"): the story view's articles sit in its first pane under
the summary and what's new, and tab goes to the other pane (quotes and entities). `a` puts the cursor on the first
article, their "Articles (N)" heading at the top of the list; `a` again goes back to the top. The same on the entity
page (its articles under the timeline). The key line, help ("On this page") and the palette name it, at 80x24 and
200x50; `a` stays the library's "add" everywhere else (the briefing says where it works: test_story_mode_keys)."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, settle, started
from story_sample import make_story_library

from test_story_mode_keys import help_sections
from tui.app import keymap


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


def _articles_shown(widget) -> tuple[int, int]:
    """(index of the "Articles (N)" heading, the first article line) of a page's list."""
    ids = [widget.get_option_at_index(i).id or "" for i in range(widget.option_count)]
    first = next(i for i, x in enumerate(ids) if x.startswith("a:"))
    return first - 1, first


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_a_goes_to_the_story_s_articles_and_back(stories, make_app, size):
    app = make_app(stories)
    async with started(app, size) as (pilot, _main):
        await open_first_story(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        text = story.query_one("#story-text")
        heading, first = _articles_shown(text)
        assert text.get_option_at_index(heading).prompt.plain.startswith("Articles (")
        assert text.highlighted != first
        await pilot.press("tab")  # from the other pane too
        await settle(pilot)
        assert story.focused is story.query_one("#story-quotes")
        await pilot.press("a")
        await settle(pilot)
        assert story.focused is text and text.highlighted == first
        top = text._first_line[heading]
        assert text.scroll_y == min(top, text.max_scroll_y), (text.scroll_y, top)
        assert text.scroll_y > 0 or size == (200, 50), text.scroll_y  # (at 200x50 the whole story fits)
        await pilot.press("enter")  # enter opens the article under the cursor
        await settle(pilot)
        assert app.screen is not story and app.screen.article is not None
        assert f"a:{app.screen.article.id}" == text.get_option_at_index(first).id
        await pilot.press("escape")  # back to the story view, the cursor where it was
        await settle(pilot)
        assert app.screen is story and text.highlighted == first
        await pilot.press("a")  # again: back to the top
        await settle(pilot)
        assert text.scroll_y == 0 and text.highlighted is not None and text.highlighted < heading
        line = str(story.query_one("#page-hint").render())
        assert "a articles" in line and "⏎ open" in line and "esc back" in line, line
        await pilot.press("question_mark")
        await settle(pilot)
        here = help_sections(app)["On this page"]
        assert story.KEY_NAMES["to_articles"] in here, here
        await pilot.press("escape")
        await settle(pilot)
        offered = {c.title: c.help for c in app.get_system_commands(story)}
        assert offered.get(story.KEY_NAMES["to_articles"]) == "key: a", offered


async def test_a_goes_to_the_entity_page_s_articles_under_its_timeline(stories, make_app):
    from tui.app.screens.person import PersonScreen

    app = make_app(stories)
    async with started(app, (80, 24)) as (pilot, main):
        app.push_screen(PersonScreen(main.db_path, "Agnes Trewin"))
        await settle(pilot)
        page = app.screen
        assert page.person is not None
        widget = page.query_one("#person-articles")
        heading, first = _articles_shown(widget)
        await pilot.press("a")
        await settle(pilot)
        assert page.focused is widget and widget.highlighted == first
        assert widget.scroll_y == min(widget._first_line[heading], widget.max_scroll_y) > 0
        await pilot.press("a")  # again: back to the top, the timeline shown
        await settle(pilot)
        assert widget.scroll_y == 0 and widget.highlighted == first
        assert "a articles" in str(page.query_one("#page-hint").render())


def test_a_rebound_onto_a_key_of_the_story_view_is_reported():
    assert keymap.clashes({}) == []
    assert any("'to_articles'" in p and "'copy_summary'" in p for p in keymap.clashes({"to_articles": "c"}))
    assert keymap.clashes({"to_articles": "x"}) == []
