"""Titles of 100,000 characters (hostile33): an article's title is cut to 1,000 characters with "…" whichever way it
comes in (a feed refreshed, a file or a page added), its text kept whole; a feed's name, its own or the one given with
`feed add URL --title`, to 200. The name given was stored whole."""

from __future__ import annotations

import json

from feedserver import FAST, body_text
from tui.importers import import_paths, parse_bytes
from tui.sources import subscribe
from tui.store.feeds import feed_article_ids, get_feed

LONG = " ".join(["Brenmoor"] * 11_111)  # 99,998 characters
BODY = body_text(31, 300)


def _cut(title: str, limit: int) -> bool:
    return limit - 10 <= len(title) <= limit and title.endswith("…") and LONG.startswith(title[:-1].rstrip())


def test_a_feed_item_and_a_feed_name_of_100000_characters_are_cut(lib, site):
    doc = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quay Notes</title>'
           f'<item><title>{LONG}</title><guid>x1</guid><link>{site.url("/x/1")}</link>'
           f'<description>{BODY}</description></item></channel></rss>')
    site.feed("/long.xml", doc.encode())
    r = subscribe(lib, site.url("/long.xml"), title=LONG, limits=FAST)
    assert (r.status, r.new) == ("ok", 1)
    assert _cut(get_feed(lib, r.feed_id).title, 200)
    [article] = [lib.get(i) for i in feed_article_ids(lib, r.feed_id)]
    assert _cut(article.title, 1000) and article.body == BODY


def test_an_added_file_or_page_with_a_title_of_100000_characters_is_cut(site):
    page = (f"<html><head><title>{LONG}</title></head><body><article><h1>{LONG}</h1><p>{BODY}</p></article>"
            "</body></html>").encode()
    site.feed("/long.html", page, ctype="text/html; charset=utf-8")
    [from_url] = list(import_paths([site.url("/long.html")]))
    files = {"long.md": f"# {LONG}\n\n{BODY}\n", "long.json": json.dumps({"title": LONG, "body": BODY}),
             "long.html": page.decode()}
    for a in [from_url.article] + [it.article for name, text in files.items() for it in parse_bytes(text.encode(), name)]:
        assert _cut(a.title, 1000) and a.body == BODY, (a.title[:40], len(a.title))
