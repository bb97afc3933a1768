"""On a wide screen the article pane shows from the start: with no article open it said nothing at all (a blank
pane under the legend). It says how to fill it, until an article opens, and again when the open one is deleted."""

from __future__ import annotations

from pilot_steps import settle, started


def pane_text(main) -> str:
    return " ".join(main.body.line_text(i) for i in range(6)).strip()


async def test_the_empty_article_pane_says_how_to_open_one(library, make_app):
    path, _ids = library
    app = make_app(path)
    async with started(app) as (pilot, main):
        assert main.article is None
        assert pane_text(main).startswith("No article open: enter opens what the library's cursor is on"), \
            pane_text(main)
        assert "a adds articles (a file, a folder or a web page's URL)" in pane_text(main), pane_text(main)
        await pilot.press("g", "enter")
        await settle(pilot)
        assert main.article is not None and "No article open" not in pane_text(main)
        assert main.body.line_text(0) == main.article.title[:len(main.body.line_text(0))]
        await pilot.press("d", "y")
        await settle(pilot)
        assert main.article is None and pane_text(main).startswith("No article open"), pane_text(main)


async def test_in_the_stories_list_the_empty_pane_names_the_keys_that_act_on_the_story(tmp_path, make_app):
    """In the stories list (`v`, a wide screen, no article open) the pane said "enter opens what the library's cursor
    is on; / searches …", a word on none of the keys that act on the story under the cursor there (walk30). It names
    them, in the user's keys (a rebound `c` shows as its key), and `v` back to the articles says the library's words
    again."""
    from story_sample import make_story_library

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    app = make_app(path)
    app.user_keys = {**getattr(app, "user_keys", {}), "copy_summary": "C"}
    async with started(app, stories=True) as (pilot, main):
        assert main.listing.stories and main.article is None
        said = pane_text(main)
        assert said.startswith("No story open: enter opens the story under the cursor"), said
        for words in ("C/y/Y copy its summary, its quotes by speaker, it as Markdown",
                      "o opens its latest article's link", "r makes its summary again", "m marks it read",
                      "v lists the articles again"):
            assert words in said, (words, said)
        await pilot.press("v")
        await settle(pilot)
        assert not main.listing.stories
        assert pane_text(main).startswith("No article open: enter opens what the library's cursor is on"), \
            pane_text(main)
