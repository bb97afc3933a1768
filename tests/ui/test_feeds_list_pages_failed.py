"""The app never said a --full-text feed's link-only items whose pages failed, nor when they are tried again (only
`feed add` and `refresh` in a terminal did, once): the feeds list (`F`) now says it under the feed's name, as
`feed list` does (feeds38)."""

from __future__ import annotations

import json
import time

from test_feeds_list_times import feeds_list_at_80x24


async def test_a_feed_with_failed_link_only_pages_says_how_many_and_when(library, make_app):
    from tui.store.feeds import add_feed, update_feed

    def feeds(lib):
        links, _ = add_feed(lib, "http://127.0.0.1:9/links.xml", "Quenby Links", full_text=True)
        now = time.time()
        update_feed(lib, links, last_status="ok", last_refresh="2026-12-06T07:41:21Z",
                    pages_failed=json.dumps({"h1": [1, 0, now - 60], "h2": [3, 0, now - 60]}))
        # the same state on a feed read without its full text: not used, nothing said
        plain, _ = add_feed(lib, "http://127.0.0.1:9/plain.xml", "Quenby Plain")
        update_feed(lib, plain, last_status="ok", last_refresh="2026-12-06T07:41:21Z",
                    pages_failed=json.dumps({"h1": [1, 0, now - 60]}))

    lines = await feeds_list_at_80x24(library, make_app, feeds, "Quenby Plain")
    at = next(i for i, x in enumerate(lines) if "Quenby Links" in x)
    said = " ".join(x.strip() for x in lines[at + 1:at + 3])
    assert said.startswith("2 link-only items could not be read from their pages: the soonest tried again at the "
                           "next refresh"), lines
    plain = next(i for i, x in enumerate(lines) if "Quenby Plain" in x)
    assert "link-only" not in " ".join(lines[plain:plain + 2]), lines
