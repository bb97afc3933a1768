"""An article open on screen whose feed changes it in place (a live page's item rewritten: a new title, a new
first sentence) shows what it says now after the refresh that brought the change, with its new summary, and a toast
says so. It kept showing the old text and summary while the library (`newsreader show`) held the new one.
The feed comes from a real HTTP server on 127.0.0.1 started here."""

from __future__ import annotations

import pytest

from pilot_steps import settle, started, toasts_of, wait_until

from tests.sources.feedserver import Site
from tui.store import Library

OLD = ("Gale warning for the Brenn coast as gusts reach ninety kilometres an hour",
       "The weather office issued a gale warning for the Brenn coast on Saturday evening. Ferries to the outer "
       "islands were cancelled for the night. Forecaster Ilse Marr said the wind would ease by morning.")
NEW = ("Gale passes: warning lifted on the Brenn coast",
       "The weather office lifted its gale warning for the Brenn coast early on Sunday. Ferries to the outer "
       "islands will sail again from noon. Forecaster Ilse Marr said the wind had eased overnight.")


def live_feed(item: tuple[str, str]) -> bytes:
    title, body = item
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Brenn Live Desk</title>'
            "<link>http://127.0.0.1/</link><description>live</description>"
            f"<item><title>{title}</title><guid>live-gale</guid><pubDate>Fri, 20 Nov 2026 18:00:00 GMT</pubDate>"
            f"<description>{body}</description></item></channel></rss>").encode()


@pytest.fixture
def site():
    """Serves /live.xml: one item, whose title and text the test changes (`site.item`)."""
    site = Site()
    site.item = OLD
    site.routes["/live.xml"] = lambda request: (200, {"Content-Type": "application/rss+xml"}, live_feed(site.item))
    yield site
    site.close()


def shown_text(main) -> str:
    """The article pane's lines as one text (its wrapping undone)."""
    return " ".join(" ".join(main.body.line_text(i) for i in range(len(main.body._lines))).split())


@pytest.mark.parametrize("size", [(80, 24), (160, 48)])
async def test_the_open_article_shows_its_feeds_new_text_after_R(library, make_app, site, monkeypatch, size):
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"{site.base}/live.xml")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, size) as (pilot, main):
        await pilot.press("R")
        await settle(pilot)
        await settle(pilot)
        await pilot.press("/", *"brenn", "down", "enter")
        await settle(pilot)
        assert main.article is not None and main.article.title == OLD[0]
        assert "Ferries to the outer islands were cancelled" in shown_text(main)
        site.item = NEW
        await pilot.press("R")  # in the reading view, as a reader keeping up with the news does
        await wait_until(pilot, lambda: any("1 updated" in t for t in toasts), "the refresh never ended")
        await settle(pilot)
        await settle(pilot)
        text = shown_text(main)
        assert main.article.title == NEW[0], main.article.title
        assert NEW[0] in text and "will sail again from noon" in text, text
        assert "were cancelled" not in text, text
        # its new analysis: the summary's first sentence is the new lead, not the old one
        assert main.analysis is not None
        lead = main.analysis.summary.sentences[0]
        assert "lifted its gale warning" in main.article.body[lead.start:lead.end]
        assert any("updated by its feed" in t for t in toasts), toasts
        assert main.reading or size != (80, 24)  # still reading it: the refresh did not send the reader away
