"""The toast that ends an `r` counts in words that agree with their figures: "1 quote", "1 entity", "1 article"
(walk37: a story of one quotation said "Re-analysed in 124 ms: 2 articles, 4 entities, 1 quotes, …", and so did the
article view). Our own text: one quotation, said by one person."""

from __future__ import annotations

import re

from pilot_steps import open_first_story, opened_first, settle, toasts_of
from waits import wait_until

from tui.models import Article
from tui.store import Library

MILL = Article(
    title="Orlby mill to grind again after ten idle years",
    body=("The water mill at Orlby will grind flour again from the spring, its owners said on Tuesday.\n\n"
          "\"We have waited a long time to hear that wheel turn,\" said Wenna Drace, who runs the mill.\n\n"
          "The roof was mended over the summer and new stones were laid in the autumn."),
    source="Orlby Gazette", published="2026-11-03",
)

FIGURE = re.compile(r"(\d+) (articles?|entity|entities|quotes?)\b")


def agree(toast: str) -> list[tuple[str, str]]:
    """The figures of TOAST whose word does not agree with its number ("1 quotes", "3 quote")."""
    return [(n, word) for n, word in FIGURE.findall(toast)
            if (n == "1") != (word in ("article", "entity", "quote"))]


def one_library(tmp_path):
    """A library of MILL alone, analysed and grouped (a story of one article), as `add` leaves it."""
    from tui.engine.analysis import cached_analysis
    from tui.stories import group_new

    path = tmp_path / "library.db"
    with Library(path) as lib:
        (_status, article_id), = lib.add_many([MILL])
        cached_analysis(lib, article_id, MILL.body, title=MILL.title)
        group_new(lib)
    return path


async def test_r_in_the_article_view_says_1_quote(tmp_path, make_app, monkeypatch):
    app = make_app(one_library(tmp_path))
    said = toasts_of(app, monkeypatch)
    async with opened_first(app, (160, 48)) as (pilot, main):
        assert len(main.analysis.quotes) == 1
        await pilot.press("r")
        await settle(pilot)
        await wait_until(pilot, lambda: any(t.startswith("Re-analysed in") for t in said), lambda: said)
        done = [t for t in said if t.startswith("Re-analysed in")][-1]
        assert " 1 quote, " in done and not agree(done), done


async def test_r_on_a_story_says_1_article_and_1_quote(tmp_path, make_app, monkeypatch):
    app = make_app(one_library(tmp_path))
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await open_first_story(pilot)
        assert type(app.screen).__name__ == "StoryScreen", app.screen
        await pilot.press("r")
        await settle(pilot)
        await wait_until(pilot, lambda: any(t.startswith("Re-analysed in") for t in said), lambda: said)
        done = [t for t in said if t.startswith("Re-analysed in")][-1]
        assert " 1 article, " in done and " 1 quote, " in done and not agree(done), done
