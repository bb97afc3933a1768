"""A feed whose server answers 410 Gone (session 33): it was fetched again after 5 minutes, 10, 20 ... up to a day,
each time failing with "HTTP 410 Gone" and no word of what it means or what to do. It now says the site removed the
feed for good and waits the longest back-off (a day) at once; its articles stay; naming it in `refresh` tries it."""

from __future__ import annotations

import json

from feedserver import FAST, body_text, rss
from tui.cli import main
from tui.sources import refresh, subscribe
from tui.sources.refresh import GONE_NOTE
from tui.store.feeds import feed_article_ids


def test_a_feed_that_is_gone_says_so_and_waits_a_day(lib, site, capsys):
    site.feed("/old.xml", rss([{"title": "Last ferry of the season", "guid": "f1", "link": "/f/1", "body": body_text(1)}]))
    site.feed("/calm.xml", rss([{"title": "Mill lane reopened", "guid": "m1", "link": "/m/1", "body": body_text(2)}]))
    old = subscribe(lib, site.url("/old.xml"), limits=FAST)
    calm = subscribe(lib, site.url("/calm.xml"), limits=FAST)
    site.routes["/old.xml"] = (410, {}, b"gone")
    hits = site.hits["/old.xml"]

    [gone] = [r for r in refresh(lib, limits=FAST) if r.feed_id == old.feed_id]
    assert gone.status == "error" and gone.error == f"HTTP 410 Gone: {GONE_NOTE}"
    assert site.hits["/old.xml"] == hits + 1
    results = {r.feed_id: r for r in refresh(lib, limits=FAST)}  # (main: fetched again at once, then after 5 min ...)
    assert site.hits["/old.xml"] == hits + 1
    assert results[old.feed_id].skipped.startswith("gone (HTTP 410); next try after ")
    assert results[calm.feed_id].status in ("ok", "not_modified")
    assert len(feed_article_ids(lib, old.feed_id)) == 1  # its articles stay

    assert main(["feed", "list", "--json"]) == 0
    listed = {f["id"]: f for f in map(json.loads, capsys.readouterr().out.splitlines())}
    assert (listed[old.feed_id]["last_status"], listed[old.feed_id]["last_error"]) == ("error", gone.error)
    assert main(["feed", "list"]) == 0  # why it failed, under its row (the status column said "error" alone)
    lines = capsys.readouterr().out.splitlines()
    row = next(i for i, line in enumerate(lines) if line.endswith("/old.xml"))
    assert lines[row + 1] == f"      error: {gone.error}", lines
    assert main(["refresh", str(old.feed_id)]) == 1  # named: tried anyway
    assert site.hits["/old.xml"] == hits + 2
