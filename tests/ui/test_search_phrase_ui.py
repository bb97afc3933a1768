"""Search in the app with the stemmed index (migration 24): a word's other forms, a phrase in quotes, and the status
line saying the search as typed (it wrapped a typed quote in its own: `search “"cider makers”`)."""

from __future__ import annotations

from pilot_steps import settle, started
from ui_sample import HARBOUR, ORCHARD


def titles(screen) -> list[str]:
    source = screen.articles.source
    return [source.row(i).title for i in range(len(source))]


async def test_a_phrase_and_other_forms_in_the_library_search(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys=("slash", *'"cider makers"')) as (pilot, screen):
        assert titles(screen) == [ORCHARD.title]
        status = str(screen.query_one("#library-status").render())
        assert 'search "cider makers"' in status and "“" not in status, status
        await pilot.press("ctrl+u", *'"makers cider"')  # the words, not in that order: not the phrase
        await settle(pilot)
        assert titles(screen) == []
        await pilot.press("ctrl+u", *"walls ")  # "storm wall" in another form
        await settle(pilot)
        assert HARBOUR.title in titles(screen)
        status = str(screen.query_one("#library-status").render())
        assert "search “walls”" in status, status


async def test_a_search_without_a_word_lists_nothing_and_says_why(library, make_app):
    # (session 25: "(" listed the whole library as its results)
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys=("slash", "left_parenthesis")) as (pilot, screen):
        assert titles(screen) == []
        status = str(screen.query_one("#library-status").render())
        assert "0 articles" in status and "no searchable word" in status, status
        assert "No searchable word: a search needs letters or digits" in str(screen.articles.render_line(0).text)
        await pilot.press("c", "i", "d", "e", "r")  # a word after it: searched
        await settle(pilot)
        assert titles(screen) == [ORCHARD.title]
        assert "no searchable word" not in str(screen.query_one("#library-status").render())
