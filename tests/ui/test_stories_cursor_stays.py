"""walk33: in the stories list, the cursor went back to the first story whenever the list was read again: `m` on the
fourth story (marking it read) put the cursor on the first, and so did every refresh or watched folder scan that
brought an article (to any story) while the reader was on a story further down; `enter` then opened another story.
The list looked for the story only in the pages it had read, and a list read again has read none. The articles list
asks the library where its row sits (list_position); the stories list now does too (story_position)."""

from __future__ import annotations

from pilot_steps import settle, started, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)


async def test_m_on_a_story_further_down_keeps_the_cursor_on_it(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        await pilot.press("j", "j", "j")
        await settle(pilot)
        row = main.articles.current
        assert main.articles.cursor == 3, row
        for _ in range(2):  # read, then unread (or the other way round): the list is read again each time
            was = main.articles.current.unread
            await pilot.press("m")
            await settle(pilot)
            assert main.marks.settle(30)
            await settle(pilot)
            await wait_until(pilot, lambda: main.articles.current.unread != was,
                             lambda: (main.articles.cursor, main.articles.current))
            assert main.articles.current.id == row.id, (main.articles.cursor, main.articles.current)
            assert main.articles.cursor == 3


async def test_an_article_added_to_another_story_keeps_the_cursor_on_its_story(stories, make_app):  # noqa: F811
    """A refresh or a folder scan stores an article and the list is read again (reload_list): the cursor stays on the
    story it was on, wherever that story now sits."""
    from story_sample import EVENING
    from tui.models import Article
    from tui.store import Library
    from tui.stories import group_new

    app = make_app(stories)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        await pilot.press("j", "j")
        await settle(pilot)
        row = main.articles.current
        assert main.articles.cursor == 2, row
        with Library(stories) as lib:  # another report of the harbour story (the first row), as a refresh brings it
            lib.add_many([Article(title="Port Ellin storm wall contract signed", source="Harbour Radio",
                                  published=EVENING.published, body=EVENING.body + "\n\nThe contract was signed.")])
            group_new(lib)
        main.reload_list()
        await settle(pilot)
        assert main.articles.current.id == row.id, (main.articles.cursor, main.articles.current)
