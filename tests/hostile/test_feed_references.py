"""A feed whose item holds a numeric character reference that names no character: past U+10FFFF (`&#1114112;`), a
surrogate (`&#xD800;`), or more digits than a number holds. feedparser raised on it (ValueError, UnicodeEncodeError,
OverflowError) and the whole feed was refused, "unreadable feed (ValueError)", at `feed add` and at every refresh:
one bad item kept every other out. Read now with that reference as U+FFFD (session 32)."""

from __future__ import annotations

import json

import pytest
from hostile_helpers import run_cli, terminal_bytes

from tui.importers.feed import feed_entries

ITEM = ('<item><title>{title}</title><guid isPermaLink="false">{guid}</guid><pubDate>Tue, 01 Dec 2026 08:00:00 GMT'
        '</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>')
BODY = "The ferry board of Tollmere met on Monday about crane {n}, and Ruth Abernak said the quay would reopen."


def feed(reference: str, where: str = "title") -> bytes:
    items = []
    for n in range(3):
        title, body = f"Tollmere crane {n}", BODY.format(n=n)
        if n == 1 and where == "title":
            title = f"Tollmere {reference} crane {n}"
        if n == 1 and where == "body":
            body = body.replace("quay", f"quay {reference}")
        items.append(ITEM.format(title=title, guid=f"crane-{n}", body=body))
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tollmere Ledger</title>'
            '<link>http://127.0.0.1/</link><description>d</description>' + "".join(items) + "</channel></rss>").encode()


REFERENCES = ["&#1114112;", "&#x110000;", "&#xD800;", "&#56320;", "&#" + "9" * 30 + ";", "&#" + "7" * 5000 + ";"]


@pytest.mark.parametrize("reference", REFERENCES, ids=["past-max", "past-max-hex", "surrogate-hex", "surrogate", "30-digits", "5000-digits"])
@pytest.mark.parametrize("where", ["title", "body"])
@pytest.mark.parametrize("how", [{}, {"sanitize": False}, {"base_url": "http://127.0.0.1/feed.xml"}])
def test_every_item_is_read_and_the_reference_is_a_replacement_character(reference, where, how):
    info, entries, error = feed_entries(feed(reference, where), "ledger.xml", **how)
    assert error is None
    articles = [item.article for _key, item in entries]
    assert [a.title for a in articles] == (["Tollmere crane 0", "Tollmere \ufffd crane 1", "Tollmere crane 2"]
                                           if where == "title" else [f"Tollmere crane {n}" for n in range(3)])
    if where == "body":
        assert "quay \ufffd would reopen" in articles[1].body


def test_references_that_name_characters_are_left_as_they_are():
    info, entries, error = feed_entries(feed("&#233;&#x2014;&#65;"), "ledger.xml")
    assert error is None and entries[1][1].article.title == "Tollmere é—A crane 1"


def test_feed_add_through_a_server_keeps_every_item(site, lib_path):
    site.routes["/ledger.xml"] = (200, {"Content-Type": "application/rss+xml"}, feed("&#1114112;"))
    r = run_cli("feed", "add", site.url("/ledger.xml"), "--timeout", "10", db=lib_path)
    assert r.returncode == 0 and b"Tollmere Ledger  3 items" in r.stdout, r.stderr
    assert not terminal_bytes(r.stdout) and not terminal_bytes(r.stderr)
    titles = {json.loads(x)["title"] for x in run_cli("list", "--json", db=lib_path).stdout.splitlines()}
    assert titles == {"Tollmere crane 0", "Tollmere \ufffd crane 1", "Tollmere crane 2"}


def test_an_entry_with_a_reference_too_long_to_read_is_still_text_without_its_markup():
    """html.parser's reading of a reference of more than 4,300 digits raised, and the entry was kept as it came: its
    tags, and what its script held, became the article's text."""
    from tui.importers.htmltext import html_to_paragraphs

    html = ("<script>fetchQuay()</script><p>The Tollmere quay &#" + "7" * 5000 + "; reopens.</p>"
            "<p>Ruth Abernak said so.</p>")
    assert html_to_paragraphs(html) == ["The Tollmere quay \ufffd reopens.", "Ruth Abernak said so."]
