"""A feed item's source is its own outlet when the feed names one (RSS <source>, Atom <source><title>) or links the
item to another site than the feed's; otherwise the feed's title. Every item took the feed's title: a roundup of
five outlets read as one outlet five times. Our own feed files."""

from __future__ import annotations

import json

from tui.importers.feed import parse_feed
from tui.importers.item_source import host_of, item_source, site_of
from tui.importers.jsonfeed import json_feed_entries

BODY = ("Councillors in Wexmoor voted on Tuesday to rebuild the harbour wall that cracked in the November storms, "
        "after a debate that ran past midnight and a vote of nine to four.")


def _rss(items: str, link: str = "https://roundup.example/") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Coastal Roundup</title>'
            f"<link>{link}</link><description>Harbour news from many papers</description>{items}</channel></rss>"
            ).encode()


def _item(title: str, link: str, extra: str = "") -> str:
    return f"<item><title>{title}</title><link>{link}</link><description>{BODY}</description>{extra}</item>"


def _sources(data: bytes) -> dict[str, str]:
    return {i.article.title: i.article.source for i in parse_feed(data, "roundup.xml")}


def test_rss_source_elements_and_links_to_other_sites_name_the_item_s_outlet():
    got = _sources(_rss(
        _item("Wire report", "https://roundup.example/wire",
              '<source url="https://wire.example/rss.xml">Shoreline Wire</source>')
        + _item("Gazette report", "https://www.kellmouth-gazette.example/2026/wall")  # another site: its host
        + _item("Own report", "https://news.roundup.example/own")  # the feed's own site (a subdomain of it)
        + _item("Counted click", "https://feedproxy.google.com/~r/roundup/abc")  # a redirector names no outlet
        + _item("By address", "http://127.0.0.1:8080/local")  # nor does an address
        + _item("Unnamed source", "https://roundup.example/x", '<source url="https://www.harbour-radio.example/feed"/>')))
    assert got == {"Wire report": "Shoreline Wire", "Gazette report": "kellmouth-gazette.example",
                   "Own report": "Coastal Roundup", "Counted click": "Coastal Roundup", "By address": "Coastal Roundup",
                   "Unnamed source": "harbour-radio.example"}


def test_a_plain_rss_feed_read_by_the_lean_reader_takes_the_link_s_site_too():
    """No <source> element: the lean RSS reader reads it (not feedparser), and the link rule still applies."""
    from tui.importers.rss_lean import lean_rss

    data = _rss(_item("Gazette report", "https://kellmouth-gazette.example/wall")
                + _item("Own report", "https://roundup.example/own"))
    assert lean_rss(data) is not None
    assert _sources(data) == {"Gazette report": "kellmouth-gazette.example", "Own report": "Coastal Roundup"}


def test_a_feed_without_its_own_site_link_keeps_its_title_for_linked_items():
    data = _rss(_item("Gazette report", "https://kellmouth-gazette.example/wall"), link="")
    assert _sources(data) == {"Gazette report": "Coastal Roundup"}


def test_atom_source_title_names_the_outlet():
    data = (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Coastal Roundup'
            f'</title><link href="https://roundup.example/"/><id>urn:roundup</id><updated>2026-01-14T08:00:00Z</updated>'
            f'<entry><title>Wall vote</title><id>urn:a</id><link href="https://roundup.example/a"/>'
            f"<updated>2026-01-14T08:00:00Z</updated><source><id>urn:g</id><title>Kellmouth Evening Post</title></source>"
            f"<summary>{BODY}</summary></entry>"
            f'<entry><title>Own piece</title><id>urn:b</id><link href="https://roundup.example/b"/>'
            f"<updated>2026-01-14T08:00:00Z</updated><summary>{BODY}</summary></entry></feed>").encode()
    assert _sources(data) == {"Wall vote": "Kellmouth Evening Post", "Own piece": "Coastal Roundup"}


def test_json_feed_items_linked_to_another_site():
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Coastal Roundup",
           "home_page_url": "https://roundup.example/",
           "items": [{"id": "1", "url": "https://wire.example/wall", "title": "Wire report", "content_text": BODY},
                     {"id": "2", "url": "https://roundup.example/own", "title": "Own report", "content_text": BODY}]}
    _info, pairs, error = json_feed_entries(json.dumps(doc).encode(), "roundup.json")
    assert error is None
    assert {i.article.title: i.article.source for _k, i in pairs} == {"Wire report": "wire.example",
                                                                      "Own report": "Coastal Roundup"}


def test_hostile_source_fields_are_cleaned_or_ignored():
    assert item_source({"title": "  Shoreline\x1b[31m Wire  "}, None, None, "Feed") == "Shoreline Wire"
    assert len(item_source({"title": "W" * 5000}, None, None, "Feed")) == 200
    assert item_source({"title": 42, "href": "javascript:alert(1)"}, "not a url", "::", "Feed") == "Feed"
    assert item_source(None, "https://[bad", "https://roundup.example", "Feed") == "Feed"
    assert host_of("https://WWW.Example.ORG./x") == "example.org" and site_of("news.bbc.co.uk") == "bbc.co.uk"
