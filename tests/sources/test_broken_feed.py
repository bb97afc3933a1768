"""A feed document cut off in its first item (a server that broke mid-answer) was subscribed as "Broken, 0 items" and
listed "ok": feedparser reads the title before the break and an item without text, which was skipped. Broken XML of
which no item can be read is an error, as broken XML with no item at all already was; one that breaks after whole
items keeps them (what could be read is stored)."""

from __future__ import annotations

from feedserver import FAST, body_text
from tui.sources import subscribe
from tui.store.feeds import feed_article_ids, list_feeds

HEAD = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Wire</title><link>http://q.invalid/</link>'


def test_a_feed_cut_off_in_its_first_item_is_an_error(lib, site):
    site.routes["/cut.xml"] = (200, {"Content-Type": "application/rss+xml"}, HEAD + b"<item><title>Pier gates sh</ti")
    r = subscribe(lib, site.url("/cut.xml"), limits=FAST)
    assert r.status == "error" and r.error.startswith("not a readable feed (") and "\n" not in r.error, r
    assert list_feeds(lib) == []


def test_a_feed_cut_off_after_whole_items_keeps_them(lib, site):
    whole = "".join(f"<item><title>Quay notice {n}</title><guid>q{n}</guid><description>{body_text(n)}</description>"
                    f"</item>" for n in range(2))
    site.routes["/late.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                HEAD + whole.encode() + b"<item><title>Pier gates sh</ti")
    r = subscribe(lib, site.url("/late.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 2), r
    assert sorted(lib.get(i).title for i in feed_article_ids(lib, r.feed_id)) == ["Quay notice 0", "Quay notice 1"]
