"""The line above the summary pane names what its keys do where the reader is. In the stories list (`v`) it said
"Summary: open an article (enter)." where enter opens a story, and, with an article open behind the list, "c copy"
where c on the list copies the story under the cursor, not the summary shown (app31)."""

from __future__ import annotations

from pilot_steps import settle, started
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)


def status(main) -> str:
    return str(main.query_one("#summary-status").render()).strip()


async def test_with_nothing_open_the_summary_line_says_enter_opens_a_story_in_the_stories_list(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with started(app, stories=True) as (pilot, main):
        assert main.listing.stories and main.article is None
        assert status(main) == "Summary: open a story (enter).", status(main)
        await pilot.press("enter")  # what the line says enter does
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main and status(main) == "Summary: open a story (enter).", status(main)
        await pilot.press("v")  # the articles again
        await settle(pilot)
        assert not main.listing.stories
        assert status(main) == "Summary: open an article (enter).", status(main)
        await pilot.press("enter")
        await settle(pilot)
        assert main.article is not None  # an article, as the line said


async def test_with_an_article_open_c_on_the_stories_list_is_said_to_copy_the_story(stories, make_app, copied):  # noqa: F811
    """The article open behind the stories list: with the list focused c copies the story under the cursor and the
    line says "c copy story"; tab to the summary pane: c copies the summary shown and the line says "c copy"."""
    app = make_app(stories)
    async with started(app) as (pilot, main):
        await pilot.press("g", "enter")
        await settle(pilot)
        assert main.article is not None and status(main).endswith(" · c copy"), status(main)
        article = main.article
        await pilot.press("v")
        await settle(pilot)
        assert main.listing.stories and main.articles.has_focus and main.article is article
        assert status(main).endswith(" · c copy story"), status(main)
        await pilot.press("c")
        await settle(pilot)
        assert len(copied) == 1 and article.title not in copied[0], copied  # the story's summary (its own words)
        story_copy = copied.pop()
        while not main.summary.has_focus:
            await pilot.press("tab")
            await settle(pilot)
        assert status(main).endswith(" · c copy"), status(main)
        await pilot.press("c")
        await settle(pilot)
        assert copied and copied[-1] != story_copy, copied  # the open article's summary
        summary = main.analysis.summary.sentences[0].text
        assert summary[:40] in copied[-1], (summary, copied)
        while not main.articles.has_focus:
            await pilot.press("tab")
            await settle(pilot)
        assert status(main).endswith(" · c copy story"), status(main)
