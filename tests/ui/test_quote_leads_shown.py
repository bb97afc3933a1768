"""A quotation that finishes a sentence of the writer's ('Greta Solberg said the crews would “go back to the boats
...”') is shown after those words in the story view's quotes by speaker, the entity page and the briefing, as the
article's key quotes show it (they showed “go back to the boats once the rota is torn up.” alone, a scrap of a
sentence); the briefing's quote of a story is a whole quotation when it has one."""

from __future__ import annotations

from pilot_steps import open_first_story, settle

from tests.stories.lead_samples import ALL, BAKERY_FRAGMENT, BAKERY_LEAD, FRAGMENT, FULL, LEAD, SPEAKER
from tui.engine.analysis import cached_analysis
from tui.store import Library
from tui.stories import group_new

SHOWN = f"{LEAD} “{FRAGMENT}”"
SHOWN_FULL = f"“{FULL.rstrip(',')}”"


def _library(path) -> None:
    with Library(path) as lib:
        for article in ALL:
            (_status, article_id), = lib.add_many([article])
            cached_analysis(lib, article_id, article.body, title=article.title)
        group_new(lib)


def _quotes(widget) -> list[str]:
    return [o.prompt.plain.split("\n")[0] for o in widget.options if (o.id or "").startswith("q:")]


async def test_the_story_view_and_the_entity_page_show_the_writer_s_words(tmp_path, make_app):
    from tui.app.screens.person import PersonScreen

    path = tmp_path / "library.db"
    _library(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await open_first_story(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        shown = _quotes(app.screen.query_one("#story-quotes"))
        assert SHOWN in shown and SHOWN_FULL in shown, shown
        app.push_screen(PersonScreen(path, SPEAKER))
        await settle(pilot)
        await settle(pilot)
        shown = _quotes(app.screen.query_one("#person-quotes"))
        assert sorted(shown) == sorted([SHOWN, SHOWN_FULL]), shown


async def test_the_briefing_shows_the_writer_s_words_and_a_whole_quotation_first(tmp_path, make_app):
    path = tmp_path / "library.db"
    _library(path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("b")
        await settle(pilot)
        await settle(pilot)
        for _ in range(2):  # one sentence a story: the sentences hold neither quotation then
            await pilot.press("minus")
            await settle(pilot)
            await settle(pilot)
        quotes = [o for o in app.screen.query_one("#briefing-list").options if (o.id or "").endswith(":q")]
        lines = [o.prompt.plain for o in quotes]
        # the ferry story's quote: the whole quotation one outlet printed, not the fragment both printed
        assert any(x.startswith(f"{SHOWN_FULL} — {SPEAKER} (") for x in lines), lines
        bakery = next(o for o in quotes if BAKERY_FRAGMENT in o.prompt.plain)
        assert bakery.prompt.plain.startswith(f"{BAKERY_LEAD} “{BAKERY_FRAGMENT}” — "), bakery.prompt.plain
        # the writer's words are not in the quotation's italics, and wrap under their own first word
        words = bakery.prompt.plain.index("“")
        plain = [(s.start, s.end) for s in bakery.prompt.spans if str(s.style) == "not italic"]
        assert str(bakery.prompt.style) == "italic" and plain == [(0, words)], (bakery.prompt.style, plain)
        assert bakery.indent == 0
