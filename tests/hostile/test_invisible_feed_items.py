"""A feed entry whose title, or whose title and text, are characters a reader cannot see: bidi overrides and isolates
(U+202E, U+2066) and zero-width spaces. The title was stored as it came, so the item was a blank row in the library
list, `stories` and `brief` (not titled from its text, as an untitled post is); one whose text was such marks too was
stored as an article of nothing (a file or page of them is skipped: "no article text found")."""

from __future__ import annotations

import json

from hostile_helpers import run_cli

from tui.importers.feed import feed_entries
from tui.textsafe import clean

ITEM = ('<item><title>{title}</title><guid isPermaLink="false">{guid}</guid><pubDate>Tue, 01 Dec 2026 08:00:00 GMT'
        '</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>')
BODY = "The lock keepers of Wendlecombe met on Monday, and Hessa Tarrow said the canal would reopen in spring."
HIDDEN = "&#x202e;&#x2066;&#x200b;"


def feed() -> bytes:
    items = [ITEM.format(title="Wendlecombe canal", guid="c-0", body=BODY),
             ITEM.format(title=HIDDEN, guid="c-1", body=BODY.replace("spring", "April")),
             ITEM.format(title=HIDDEN, guid="c-2", body=HIDDEN)]
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wendlecombe Post</title>'
            '<link>http://127.0.0.1/</link><description>d</description>' + "".join(items) + "</channel></rss>").encode()


def test_an_invisible_title_is_no_title_and_an_invisible_entry_no_article():
    info, entries, error = feed_entries(feed(), "post.xml")
    assert error is None
    items = [item for _key, item in entries]
    assert items[0].article.title == "Wendlecombe canal"
    assert clean(items[1].article.title).strip() and "Wendlecombe" in items[1].article.title, items[1].article.title
    assert items[2].article is None and "no article text" in items[2].error


def test_feed_add_stores_no_blank_row(site, lib_path):
    site.routes["/post.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed())
    r = run_cli("feed", "add", site.url("/post.xml"), "--timeout", "10", db=lib_path)
    assert r.returncode == 0, r.stderr
    rows = [json.loads(x) for x in run_cli("list", "--json", db=lib_path).stdout.splitlines()]
    assert len(rows) == 2, rows
    assert all(clean(row["title"]).strip() for row in rows), rows


def test_a_json_feed_reads_them_the_same_way():
    from tui.importers.jsonfeed import json_feed_entries

    hidden = "\u202e\u2066\u200b"
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Wendlecombe Post", "items": [
        {"id": "c-1", "title": hidden, "content_text": BODY},
        {"id": "c-2", "title": hidden, "content_html": f"<p>{hidden}</p>"},
        {"id": "c-3", "title": hidden, "content_text": hidden}]}
    info, entries, error = json_feed_entries(json.dumps(doc).encode(), "post.json")
    assert error is None
    items = [item for _key, item in entries]
    assert "Wendlecombe" in items[0].article.title, items[0].article.title
    assert items[1].article is None and items[2].article is None, items
