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
