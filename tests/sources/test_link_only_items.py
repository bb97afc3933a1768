"""Items with only a title and a link were never fetched, even for a feed added with `--full-text` (feeds35): the
parse dropped them as "no article text" before the full-text completion saw them. With full text on, their pages are
read now, bounded as the teaser completion is (the page's size and time, FULL_TEXT_PAGES a feed a refresh), and
`feed add` and `refresh` say how many were completed. Every server here is ours, on 127.0.0.1."""

from __future__ import annotations

import json

from feedserver import FAST, body_text
from tui.cli import main
from tui.sources import refresh, subscribe
from tui.store.feeds import feed_article_ids, get_feed


def _page(title: str, seed: int) -> bytes:
    paras = "".join(f"<p>{body_text(seed * 10 + k, 80)}</p>" for k in range(4))
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Tarrow footer</footer></body></html>").encode()


def _links(site, items: list[tuple[str, str]], text_item: bool = True, guids: bool = True) -> bytes:
    """An RSS document of items with a title and a link alone (and one item with text, when asked)."""
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Tarrow Links</title>'
             "<link>http://tarrow.invalid/</link><description>links</description>"]
    for i, (title, link) in enumerate(items):
        guid = f'<guid isPermaLink="false">L{i}</guid>' if guids else ""
        parts.append(f"<item><title>{title}</title>{guid}<link>{link}</link></item>")
    if text_item:
        parts.append("<item><title>Tarrow notes</title><guid isPermaLink=\"false\">T</guid>"
                     f"<description><![CDATA[<p>{body_text(5, 90)}</p>]]></description></item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


def test_link_only_items_are_read_from_their_pages_with_full_text(lib_path, site, capsys):
    from tui.store import Library

    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links(site, [
        ("Tarrow bridge opens to carts", site.url("/p/1")), ("Tarrow fair moves indoors", site.url("/p/2")),
        ("Tarrow mill sold", site.url("/p/3"))]))
    site.routes["/p/1"] = (200, {"Content-Type": "text/html"}, _page("Tarrow bridge opens to carts", 1))
    site.routes["/p/2"] = (200, {"Content-Type": "text/html"}, _page("Tarrow fair moves indoors", 2))
    # /p/3 answers 404 for now
    assert main(["feed", "add", site.url("/links.xml"), "--full-text", "--timeout", "5"]) == 0
    assert capsys.readouterr().out == (f"#1  Tarrow Links  3 items; 2 of 3 link-only items read from their pages; "
                                       f"1 page failed; tried again later  "
                                       f"({site.url('/links.xml')})\n")
    with Library(lib_path) as lib:
        got = {lib.get(i).title: lib.get(i) for i in feed_article_ids(lib, 1)}
        assert set(got) == {"Tarrow bridge opens to carts", "Tarrow fair moves indoors", "Tarrow notes"}
        bridge = got["Tarrow bridge opens to carts"]
        assert len(bridge.body.split()) > 200 and "Tarrow footer" not in bridge.body
        assert bridge.url == site.url("/p/1") and bridge.source == "Tarrow Links"
    # the next refresh reads the page that failed, and only that one
    site.routes["/p/3"] = (200, {"Content-Type": "text/html"}, _page("Tarrow mill sold", 3))
    assert main(["refresh", "--timeout", "5"]) == 0
    said = capsys.readouterr()
    assert said.out == "ok     #1  Tarrow Links: 1 new, 0 updated; 1 of 1 link-only item read from its page\n"
    assert (site.hits["/p/1"], site.hits["/p/2"], site.hits["/p/3"]) == (1, 1, 2)
    assert main(["refresh", "--json", "--timeout", "5"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert (line["new"], line["link_only"], line["completed"]) == (0, 0, 0)
    assert (site.hits["/p/1"], site.hits["/p/2"], site.hits["/p/3"]) == (1, 1, 2)


def test_without_full_text_link_only_items_are_not_fetched(lib, site):
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"},
                                 _links(site, [("Tarrow ferry late", site.url("/p/9"))], text_item=False))
    site.routes["/p/9"] = (200, {"Content-Type": "text/html"}, _page("Tarrow ferry late", 9))
    r = subscribe(lib, site.url("/links.xml"), limits=FAST)
    assert (r.new, r.link_only, r.completed) == (0, 0, 0) and site.hits["/p/9"] == 0
    assert r.note == "its one item holds no text, a title and a link at most: nothing kept"


def test_untrusted_links_and_pages_fail_quietly_and_the_count_is_bounded(lib, site, monkeypatch):
    """Links to another scheme, a redirect loop, a page that is no HTML and a link the count leaves out: none is
    stored, none stops the refresh, and the feed says how many were read. A page larger than the cap is read up to
    it, as a teaser's page is."""
    import sys

    from tui.sources.http import Limits

    monkeypatch.setattr(sys.modules["tui.sources.refresh"], "FULL_TEXT_PAGES", 5)
    site.routes["/loop"] = (302, {"Location": "/loop2"}, b"")
    site.routes["/loop2"] = (302, {"Location": "/loop"}, b"")
    site.routes["/pdf"] = (200, {"Content-Type": "application/pdf"}, b"%PDF-1.4 not a page")
    site.routes["/huge"] = (200, {"Content-Type": "text/html"}, b"<html><body><p>" + b"tarrow " * 150_000 + b"</p>")
    site.routes["/good"] = (200, {"Content-Type": "text/html"}, _page("Tarrow lock repaired", 4))
    site.routes["/late"] = (200, {"Content-Type": "text/html"}, _page("Tarrow quay lit", 6))
    items = [("Odd scheme", "javascript:alert(1)"), ("Loop", site.url("/loop")), ("Not a page", site.url("/pdf")),
             ("Huge", site.url("/huge")), ("Tarrow lock repaired", site.url("/good")), ("Past the count", site.url("/late"))]
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links(site, items, text_item=False))
    limits = Limits(connect=2.0, read=2.0, total=5.0, feed_bytes=300_000)
    r = subscribe(lib, site.url("/links.xml"), full_text=True, limits=limits)
    assert r.status == "ok" and (r.new, r.link_only, r.completed) == (2, 6, 2), r
    got = {lib.get(i).title: lib.get(i).body for i in feed_article_ids(lib, r.feed_id)}
    assert sorted(got) == ["Huge", "Tarrow lock repaired"]
    assert 1000 < len(got["Huge"].split()) <= 300_000 // 7  # (cut at the cap)
    assert site.hits["/late"] == 0  # (the sixth: past FULL_TEXT_PAGES, tried at the next refresh)
    [again] = refresh(lib, limits=limits)
    assert (again.status, again.link_only) == ("ok", 4) and site.hits["/late"] == 1
    assert get_feed(lib, r.feed_id).full_text


def test_a_feed_of_link_only_items_whose_pages_give_nothing_says_so(lib, site):
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links(site, [
        ("Tarrow ferry late", site.url("/gone/1")), ("Tarrow ferry later", site.url("/gone/2"))], text_item=False))
    r = subscribe(lib, site.url("/links.xml"), full_text=True, limits=FAST)
    assert (r.status, r.new, r.link_only, r.completed) == ("ok", 0, 2, 0)
    assert r.note == "none of its 2 items holds any text, a title and a link at most, nor did the pages read: nothing kept"
    assert (site.hits["/gone/1"], site.hits["/gone/2"]) == (1, 1)


def test_a_page_read_later_is_a_new_article_not_an_edit_of_one_read_before(lib, site):
    """Guid-less link-only items whose pages read alike: the one read at the second refresh was taken for an edit of
    the one read at the first (the store saw that one missing from the document, which it still held, only not
    re-read) and overwrote it. Items not read are now passed to the store as still listed."""
    from tui.store.feeds import update_feed

    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links(site, [
        ("Tarrow bridge", site.url("/p/1")), ("Tarrow mill", site.url("/p/2"))], text_item=False, guids=False))
    alike = "".join(f"<p>The Tarrow council met again on day {i} to weigh the cart toll and the repairs to the east "
                    "arch before the winter floods.</p>" for i in range(12))
    site.routes["/p/1"] = (200, {"Content-Type": "text/html"},
                           f"<html><body><article><h1>Tarrow bridge</h1>{alike}</article></body></html>".encode())
    r = subscribe(lib, site.url("/links.xml"), full_text=True, limits=FAST)
    assert (r.new, r.link_only, r.completed) == (1, 2, 1)
    [first] = feed_article_ids(lib, r.feed_id)
    bridge = lib.get(first)
    site.routes["/p/2"] = (200, {"Content-Type": "text/html"}, f"<html><body><article><h1>Tarrow mill</h1>"
                           f"{alike.replace('east arch', 'mill race')}</article></body></html>".encode())
    [again] = refresh(lib, limits=FAST)
    assert (again.new, again.updated, again.link_only, again.completed) == (1, 0, 1, 1)
    assert sorted(lib.get(i).title for i in feed_article_ids(lib, r.feed_id)) == ["Tarrow bridge", "Tarrow mill"]
    assert lib.get(first).body == bridge.body
    # full text turned off: the stored items are still listed, so a new guid-less entry of the same title is not
    # taken for an edit of one of them (nor is "nothing kept" said of a feed whose items are stored)
    update_feed(lib, r.feed_id, full_text=False)
    doc = _links(site, [("Tarrow bridge", site.url("/p/1")), ("Tarrow mill", site.url("/p/2"))], text_item=False,
                 guids=False)
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, doc.replace(b"</channel>", (
        f"<item><title>Tarrow bridge</title><link>{site.url('/p/9')}</link><description>The Tarrow bridge reopened"
        " to carts on Monday after the arch repairs, the council said.</description></item></channel>").encode()))
    [third] = refresh(lib, limits=FAST)
    # (not "nothing kept": the only note is the new teaser's page, /p/9, not served: walk36's note of pages not read)
    assert (third.status, third.new, third.updated, third.link_only, third.note) == (
        "ok", 1, 0, 0, "1 item page could not be read (HTTP 404 Not Found): its text is the feed's")
    assert lib.get(first).body == bridge.body and len(feed_article_ids(lib, r.feed_id)) == 3
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, doc)
    assert refresh(lib, limits=FAST)[0].note is None  # (the two link-only items alone: stored, so kept)
