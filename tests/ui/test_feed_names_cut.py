"""A feed's name in the app's messages: a long one is cut with "…" where it is cut, as the article header and the
"Refreshing …" toast cut it (60 cells), never stopped mid-word as if that were all of it (walk24 saw "Feed added:
… about the harbour a · 5 items" and "✗ … goes on and on: could not connect"). The feed is served on 127.0.0.1."""

from __future__ import annotations

from pilot_steps import settle, started, toasts_of, wait_until
from test_feed_add_app import type_url
from tests.sources.feedserver import rss

from tui.store import Library

# 103 characters, our own; its first 59 characters then "…" are what a message shows of it.
LONG = "Wexmoor Tidings, the harbour town's own evening paper of record for the quay, the pier and the sea wall"
SHOWN = "Wexmoor Tidings, the harbour town's own evening paper of re…"



async def test_a_long_feed_title_is_cut_with_an_ellipsis_when_added_known_failing_and_removed(
        library, make_app, site, monkeypatch):
    site.feed("/feed.xml", rss([{"title": "The sea wall vote is set for spring", "guid": "wall-1"}], title=LONG))
    path, _ = library
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), keys="F") as (pilot, page):
        for _ in range(2):  # added, then "Already subscribed"
            await pilot.press("a")
            await pilot.pause()
            await type_url(pilot, site.url("/feed.xml"))
            await pilot.press("enter")
            await wait_until(pilot, lambda: any(t.startswith(("Feed added", "Already")) for t in toasts[-1:]), toasts)
            await settle(pilot)
        assert f"Feed added: {SHOWN} · 1 item" in toasts, toasts
        assert f"Already subscribed: {SHOWN}" in toasts, toasts

        site.close()  # the server goes away: the refresh fails, and its toast names the feed
        await wait_until(pilot, lambda: len(page.feeds) == 1, lambda: page.feeds)
        options = page.query_one("#feeds-list")
        options.highlighted = options.get_option_index("f:0")
        await pilot.press("R")
        await wait_until(pilot, lambda: any(t.startswith("Feeds: ") for t in toasts), toasts)
        await settle(pilot)
        failed = next(t for t in toasts if t.startswith("Feeds: "))
        assert f"\n✗ {SHOWN}: could not connect" in failed, failed

        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")  # its articles go too
        await wait_until(pilot, lambda: any(t.startswith("Feed removed") for t in toasts), toasts)
        assert any(t.startswith(f"Feed removed: {SHOWN} (") for t in toasts), toasts


async def test_a_refreshs_result_replaces_its_refreshing_toast(library, make_app, site, monkeypatch):
    """R on a feed in the feeds list: "Refreshing … in the background…" stayed on screen above the result for its
    3 s, two toasts over nine of 24 rows (walk24, tmux at 80x24); the result now takes its place."""
    from pilot_steps import shown_toasts as toasts

    from tui.store.feeds import add_feed

    site.close()  # nobody answers: the refresh fails at once
    path, _ = library
    with Library(path) as lib:
        add_feed(lib, site.url("/feed.xml"), "Pier Notes")
    app = make_app(path)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), keys="F") as (pilot, page):
        options = page.query_one("#feeds-list")
        options.highlighted = options.get_option_index("f:0")
        await pilot.press("R")
        await wait_until(pilot, lambda: any(t.startswith("Feeds: ") for t in toasts(app)), lambda: toasts(app))
        shown = toasts(app)
        assert "Refreshing Pier Notes in the background…" in said, said
        assert len(shown) == 1 and shown[0].startswith("Feeds: 0 new, 0 updated · 0/1 ok\n✗ Pier Notes: "), shown
