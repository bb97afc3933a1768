"""Feed paths walked as a user against awkward servers of our own (127.0.0.1): each imports sensibly or says one
clear line. Only the OPML with a feed listed in two folders failed (its second folder was lost, silently); the
others are kept here so that they stay right."""

from __future__ import annotations

import json
import os
import subprocess

from command import newsreader_cmd
from feedserver import FAST, body_text, rss
from tui.sources import refresh, subscribe
from tui.store.feeds import feed_article_ids, get_feed


def run(*args) -> subprocess.CompletedProcess:
    return subprocess.run(newsreader_cmd() + list(args), capture_output=True, text=True, timeout=120,
                          env=dict(os.environ))


def _quay(site, title="Quillan pier reopens after the storm"):
    return rss([{"title": title, "link": site.url("/a/1"), "date": "Mon, 07 Dec 2026 08:00:00 GMT"}],
               title="Quillan Courier")


def test_a_feed_behind_three_redirects_is_read_and_kept_at_its_last_permanent_address(lib, site):
    site.routes["/r1"] = (301, {"Location": site.url("/r2")}, b"")
    site.routes["/r2"] = (302, {"Location": "/r3"}, b"")  # (a relative one, and temporary from here on)
    site.routes["/r3"] = (307, {"Location": site.url("/quay.xml")}, b"")
    site.routes["/quay.xml"] = (200, {"Content-Type": "application/rss+xml"}, _quay(site))
    r = subscribe(lib, site.url("/r1"), limits=FAST)
    assert (r.status, r.new) == ("ok", 1)
    assert get_feed(lib, r.feed_id).url == site.url("/r2")  # the 301 moved it; the 302 and 307 did not
    [again] = refresh(lib, limits=FAST, force=True)
    assert (again.status, again.new, again.updated) == ("ok", 0, 0)


def test_a_304_that_no_request_asked_for_is_one_clear_line_and_the_articles_stay(lib, site):
    site.routes["/always304.xml"] = (304, {}, b"")
    r = subscribe(lib, site.url("/always304.xml"), limits=FAST)
    assert r.status == "error" and r.error.endswith("HTTP 304 Not Modified, though no earlier copy was asked about: "
                                                     "nothing to read") and "\n" not in r.error
    site.routes["/weir.xml"] = (200, {"Content-Type": "application/rss+xml"}, _quay(site, "Tolvern weir works"))
    r = subscribe(lib, site.url("/weir.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 1)
    site.routes["/weir.xml"] = (304, {}, b"")  # (it sent no validators, so none were asked about)
    [again] = refresh(lib, limits=FAST, force=True)
    assert again.status == "error" and "no earlier copy was asked about" in again.error
    assert [lib.get(i).title for i in feed_article_ids(lib, r.feed_id)] == ["Tolvern weir works"]
    # a 304 to a conditional request that leaves its validators out keeps the ones stored
    site.feed("/lock.xml", _quay(site, "Brenmoor lock reopens"), etag='"v1"')
    r = subscribe(lib, site.url("/lock.xml"), limits=FAST)
    site.routes["/lock.xml"] = lambda req: ((304, {}, b"") if req.headers.get("If-None-Match") == '"v1"'
                                            else (500, {}, b""))
    for _ in range(2):
        [same] = refresh(lib, [r.feed_id], limits=FAST, force=True)
        assert (same.status, same.new) == ("not_modified", 0)
    assert get_feed(lib, r.feed_id).etag == '"v1"'


def test_iso_8859_1_declared_only_in_the_prolog(lib, site):
    doc = ('<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Gazette de Br\u00e9mont'
           '</title><link>http://example.invalid/</link><description>d</description><item><title>F\u00eate du port:'
           f' ann\u00e9e record \u00e0 Br\u00e9mont</title><link>{site.url("/l/1")}</link><pubDate>Mon, 07 Dec 2026'
           ' 06:00:00 GMT</pubDate><description>Le caf\u00e9 du quai a servi 3\u00a0000 cr\u00eapes cet \u00e9t\u00e9. '
           f'{body_text(3)}</description></item></channel></rss>').encode("latin-1")
    for path, ctype in (("/latin.xml", "text/xml"), ("/latin.bin", "application/octet-stream")):
        site.routes[path] = (200, {"Content-Type": ctype}, doc)
        r = subscribe(lib, site.url(path), limits=FAST)
        assert r.status == "ok" and get_feed(lib, r.feed_id).title == "Gazette de Br\u00e9mont"
        [a] = [lib.get(i) for i in feed_article_ids(lib, r.feed_id)]
        assert a.title == "F\u00eate du port: ann\u00e9e record \u00e0 Br\u00e9mont"
        assert a.body.startswith("Le caf\u00e9 du quai a servi 3 000 cr\u00eapes cet \u00e9t\u00e9.")  # (a no-break space: a space)


def test_items_all_dated_ahead_are_kept_dated_when_added_and_a_near_one_keeps_its_day(lib, site):
    dates = ["Fri, 01 Jan 2027 08:00:00 GMT", "Wed, 01 Dec 2100 08:00:00 GMT"]
    site.routes["/ahead.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(
        [{"title": f"Skerra almanac entry {i}", "link": site.url(f"/f/{i}"), "date": d} for i, d in enumerate(dates)],
        title="Skerra Almanac"))
    r = subscribe(lib, site.url("/ahead.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 2)
    for a in (lib.get(i) for i in feed_article_ids(lib, r.feed_id)):
        assert a.published is None and a.added_at  # no date from the future: dated when added


def test_a_json_feed_with_html_content_only(lib, site):
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Wexmoor Notes", "items": [
        {"id": "n1", "url": site.url("/n/1"), "title": "Lock keepers vote on the new rota",
         "date_published": "2026-12-07T09:00:00Z",
         "content_html": "<p>The <b>Wexmoor</b> lock keepers voted on Monday &amp; agreed a new rota.</p>"
                         "<script>alert(1)</script><p>Second &lt;para&gt; with a <a href='/x'>link</a>.</p>"},
        {"id": "n2", "url": site.url("/n/2"), "date_published": "2026-12-07T10:00:00Z",
         "content_html": "<p>A short note with <i>no title</i> about the Wexmoor ferry.</p>"}]}
    site.routes["/notes.json"] = (200, {"Content-Type": "application/feed+json"}, json.dumps(doc).encode())
    r = subscribe(lib, site.url("/notes.json"), limits=FAST)
    assert (r.status, r.new) == ("ok", 2)
    got = sorted((a.title, a.body) for a in (lib.get(i) for i in feed_article_ids(lib, r.feed_id)))
    assert got == [("A short note with no title about the Wexmoor ferry.",
                    "A short note with no title about the Wexmoor ferry."),
                   ("Lock keepers vote on the new rota",
                    "The Wexmoor lock keepers voted on Monday & agreed a new rota.\n\nSecond <para> with a link.")]


def test_an_opml_with_nested_folders_and_a_feed_listed_twice(lib_path, tmp_path):
    """A feed listed in two folders kept the first folder's tags only, and the repeat went unsaid."""
    opml = tmp_path / "feeds.opml"
    opml.write_text("""<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="News"><outline text="Local">
  <outline text="Quillan" type="rss" xmlUrl="http://q.invalid/feed.xml"/>
  <outline text="Quillan again" type="rss" xmlUrl="http://q.invalid/feed.xml"/></outline>
  <outline text="Skerra" type="rss" xmlUrl="http://s.invalid/feed.xml"/></outline>
<outline text="Weekend"><outline text="Skerra almanac" type="rss" xmlUrl="http://s.invalid/feed.xml"/>
  <outline text="Wexmoor" type="rss" xmlUrl="http://w.invalid/feed.json"/></outline></body></opml>""")
    r = run("feed", "import", str(opml))
    assert r.returncode == 0 and r.stdout.startswith("imported 3 feeds, 0 already subscribed, 0 skipped")
    assert r.stderr.splitlines() == [f"{opml}: 2 outlines list a feed listed before: each feed is read once, tagged"
                                     " with every folder it is listed in"]
    listed = [json.loads(x) for x in run("feed", "list", "--json").stdout.splitlines()]
    assert {f["url"]: (f["title"], f["tags"]) for f in listed} == {
        "http://q.invalid/feed.xml": ("Quillan", ["News", "Local"]),
        "http://s.invalid/feed.xml": ("Skerra", ["News", "Weekend"]),
        "http://w.invalid/feed.json": ("Wexmoor", ["Weekend"])}


def test_a_feed_of_titles_and_links_alone_says_why_it_kept_nothing(lib, site):
    """`feed add` said "Links only  0 items" and nothing more: its items have no text to read."""
    doc = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Links only</title>'
           f'<item><title>Quillan weir works begin</title><link>{site.url("/t/1")}</link></item>'
           f'<item><title>Weir photo</title><link>{site.url("/t/2")}</link>'
           '<description>&lt;img src="/weir.jpg"&gt;</description></item></channel></rss>').encode()
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, doc)
    r = subscribe(lib, site.url("/links.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 0)
    assert r.note == "none of its 2 items holds any text, a title and a link at most: nothing kept"
    assert get_feed(lib, r.feed_id).last_error == r.note  # (`feed list` shows it under the feed)
    [again] = refresh(lib, limits=FAST, force=True)
    assert (again.status, again.note) == ("ok", r.note)
    # one item with text among them: it is kept, and the others are left out unsaid, as a file's are
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, doc.replace(
        b"</channel>", f"<item><title>Weir report</title><link>{site.url('/t/3')}</link><description>"
                       f"{body_text(7)}</description></item></channel>".encode()))
    [third] = refresh(lib, limits=FAST, force=True)
    assert (third.status, third.new, third.note) == ("ok", 1, None)
