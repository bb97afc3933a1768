"""Subscribing and refreshing against a real local server: items stored once, updated in place."""

from __future__ import annotations

import json
import time

from feedserver import FAST, body_text, rss
from tui.sources import refresh, subscribe
from tui.store.feeds import feed_article_ids, feed_of_article, get_feed, list_feeds


def _items(n, prefix="Story", **extra):
    return [{"title": f"{prefix} {i}", "guid": f"g{i}", "link": f"/news/{i}", **extra} for i in range(n)]


def test_subscribe_stores_items_with_feed_title_and_resolved_links(lib, site):
    site.feed("/feed.xml", rss(_items(3)), etag='"a"')
    r = subscribe(lib, site.url("/feed.xml"), limits=FAST)
    assert (r.status, r.new, r.title) == ("ok", 3, "Harbour Gazette")
    feed = get_feed(lib, r.feed_id)
    assert feed.etag == '"a"' and feed.total == 3 and feed.unread == 3
    ids = feed_article_ids(lib, feed.id)
    a = lib.get(ids[0])
    assert a.source == "Harbour Gazette"
    assert a.url.startswith(site.url("/news/"))  # relative link resolved against the feed's URL
    assert a.published == "2026-12-01"
    assert feed_of_article(lib, a.id).id == feed.id
    again = subscribe(lib, site.url("/feed.xml"), limits=FAST)
    assert again.error == "already subscribed" and len(list_feeds(lib)) == 1


def test_refresh_304_then_new_and_updated_items_in_place(lib, site):
    items = _items(3)
    site.feed("/feed.xml", rss(items), etag='"v1"')
    fid = subscribe(lib, site.url("/feed.xml"), limits=FAST).feed_id
    [unchanged] = refresh(lib, limits=FAST)
    assert (unchanged.status, unchanged.new, unchanged.updated) == ("not_modified", 0, 0)
    assert site.headers["/feed.xml"][-1]["If-None-Match"] == '"v1"'

    old_ids = feed_article_ids(lib, fid)
    target = next(i for i in old_ids if lib.get(i).title == "Story 1")
    lib.set_read(target)
    lib.set_starred(target)
    lib.put_analysis(target, "engine-x", "{}", [("PERSON", "Ana Ruiz", 2)])
    items[1] = {**items[1], "title": "Story 1 (corrected)", "body": body_text(4242)}
    site.feed("/feed.xml", rss(items + [{"title": "Fresh", "guid": "g-new", "link": "/news/new"}]), etag='"v2"')
    [r] = refresh(lib, limits=FAST)
    assert (r.status, r.new, r.updated) == ("ok", 1, 1)
    after = lib.get(target)
    assert after.title == "Story 1 (corrected)" and after.body.startswith("Report 4242")
    assert after.read and after.starred  # kept
    assert lib.get_analysis(target, "engine-x") is None  # redone by the background pass
    assert lib.db.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (target,)).fetchone()[0] == 0
    assert lib.count() == 4 and len(feed_article_ids(lib, fid)) == 4


def test_dedup_by_link_then_content_when_no_guid(lib, site):
    items = [{"title": "Linked", "link": "/l/1"}, {"title": "Bare"}]
    site.feed("/feed.xml", rss(items))
    subscribe(lib, site.url("/feed.xml"), limits=FAST)
    # same link, new text: the same item, updated; the item with neither guid nor link: same text, same item
    site.feed("/feed.xml", rss([{"title": "Linked", "link": "/l/1", "body": body_text(77)}, {"title": "Bare"}]))
    [r] = refresh(lib, limits=FAST)
    assert (r.new, r.updated) == (0, 1)
    assert lib.count() == 2


def test_deleted_article_does_not_come_back(lib, site):
    site.feed("/feed.xml", rss(_items(2)))
    fid = subscribe(lib, site.url("/feed.xml"), limits=FAST).feed_id
    lib.remove(feed_article_ids(lib, fid)[0])
    [r] = refresh(lib, limits=FAST)
    assert r.new == 0 and lib.count() == 1


def test_permanent_redirect_updates_the_stored_url(lib, site):
    site.feed("/feed.xml", rss(_items(1)))
    fid = subscribe(lib, site.url("/feed.xml"), limits=FAST).feed_id
    site.routes["/feed.xml"] = (301, {"Location": "/moved.xml"}, b"")
    site.feed("/moved.xml", rss(_items(1)))
    [r] = refresh(lib, limits=FAST)
    assert r.status == "ok" and get_feed(lib, fid).url == site.url("/moved.xml")
    refresh(lib, limits=FAST)
    assert site.hits["/feed.xml"] == 2 and site.hits["/moved.xml"] == 2  # the old URL is not asked again


def test_errors_are_one_line_and_back_off(lib, site):
    site.feed("/ok.xml", rss(_items(1)))
    site.feed("/bad.xml", rss(_items(1, prefix="Bad")))
    site.feed("/busy.xml", rss(_items(1, prefix="Busy")))
    ok = subscribe(lib, site.url("/ok.xml"), limits=FAST).feed_id
    bad = subscribe(lib, site.url("/bad.xml"), limits=FAST).feed_id
    busy = subscribe(lib, site.url("/busy.xml"), limits=FAST).feed_id
    site.routes["/bad.xml"] = (500, {}, b"oops")
    site.routes["/busy.xml"] = (429, {"Retry-After": "600"}, b"")
    results = {r.feed_id: r for r in refresh(lib, limits=FAST)}
    assert results[ok].status == "not_modified" or results[ok].status == "ok"
    assert results[bad].status == "error" and results[bad].error == "HTTP 500 Internal Server Error"
    assert results[busy].status == "error" and "429" in results[busy].error
    # the server asked for 10 minutes: the next refresh of all feeds does not ask it
    results = {r.feed_id: r for r in refresh(lib, limits=FAST)}
    assert site.hits["/busy.xml"] == 2 and "retry later" in results[busy].skipped
    assert (results[busy].status, results[busy].error) == ("not_modified", None)  # not fetched: not a failure now
    # the 500 feed fails a second time, and then backs off
    assert site.hits["/bad.xml"] == 3 and get_feed(lib, bad).failures == 2
    refresh(lib, limits=FAST)
    assert site.hits["/bad.xml"] == 3 and get_feed(lib, bad).next_try > time.time() + 200
    # naming a feed refreshes it anyway
    refresh(lib, [bad], limits=FAST)
    assert site.hits["/bad.xml"] == 4
    assert lib.count() == 3  # nothing lost


def test_invalid_xml_and_html_without_feed(lib, site):
    site.routes["/broken.xml"] = (200, {"Content-Type": "application/rss+xml"}, b"<?xml version='1.0'?><rss><channel><title>x</ti")
    site.routes["/page"] = (200, {"Content-Type": "text/html"}, b"<html><head><title>Home</title></head><body>hi</body></html>")
    site.routes["/evil.xml"] = (200, {}, b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item></channel></rss>')
    for path, why in (("/broken.xml", "feed"), ("/page", "announces no feed"), ("/evil.xml", "entities")):
        r = subscribe(lib, site.url(path), limits=FAST)
        assert r.status == "error" and why in r.error and "\n" not in r.error
    assert list_feeds(lib) == []


def test_html_page_announcing_its_feed(lib, site):
    site.routes["/"] = (200, {"Content-Type": "text/html; charset=utf-8"},
                        b'<html><head><link rel="stylesheet" href="/s.css">'
                        b'<link rel="alternate" type="application/rss+xml" title="All" href="/rss/all.xml">'
                        b"</head><body><p>Welcome</p></body></html>")
    site.feed("/rss/all.xml", rss(_items(2)))
    r = subscribe(lib, site.url("/"), limits=FAST)
    assert r.status == "ok" and r.new == 2 and r.feed == site.url("/rss/all.xml")


def test_json_feed(lib, site):
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Quay Notes", "home_page_url": "https://q.invalid/",
           "items": [{"id": "j1", "url": "/posts/1", "title": "Pier plans", "content_html": f"<p>{body_text(1)}</p>",
                      "date_published": "2026-11-30T10:00:00Z", "authors": [{"name": "Mara Quill"}], "tags": ["ports"]},
                     {"id": "j2", "content_text": body_text(2) + "\n\n" + body_text(3)},
                     {"id": "j3"}]}
    site.routes["/feed.json"] = (200, {"Content-Type": "application/feed+json"}, json.dumps(doc).encode())
    r = subscribe(lib, site.url("/feed.json"), limits=FAST)
    assert (r.status, r.new, r.title) == ("ok", 2, "Quay Notes")
    rows = {lib.get(i).title: lib.get(i) for i in feed_article_ids(lib, r.feed_id)}
    pier = rows["Pier plans"]
    assert pier.url == site.url("/posts/1") and pier.byline == "Mara Quill" and pier.published == "2026-11-30"
    assert "ports" in pier.tags and pier.source == "Quay Notes"
    assert len(rows) == 2  # the item without text is skipped


def _page(title: str, seed: int) -> bytes:
    paras = "".join(f"<p>{body_text(seed * 10 + k, 80)}</p>" for k in range(5))
    return (f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a> <a href='/x'>Sport</a></nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Site footer</footer></body></html>").encode()


def test_teaser_feed_gets_full_text_once(lib, site):
    items = [{"title": f"Teaser {i}", "guid": f"t{i}", "link": f"/story/{i}", "body": "A short teaser of the story."}
             for i in range(3)]
    site.feed("/teasers.xml", rss(items), etag='"t1"')
    for i in range(3):
        site.routes[f"/story/{i}"] = (200, {"Content-Type": "text/html"}, _page(f"Teaser {i}", i))
    r = subscribe(lib, site.url("/teasers.xml"), limits=FAST)
    assert r.new == 3
    for ident in feed_article_ids(lib, r.feed_id):
        a = lib.get(ident)
        assert len(a.body.split()) > 300 and "Site footer" not in a.body and "Sport" not in a.body
    site.feed("/teasers.xml", rss(items), etag='"t2"')  # same items, new ETag: a 200 with nothing changed
    [again] = refresh(lib, limits=FAST)
    assert (again.status, again.new, again.updated) == ("ok", 0, 0)
    assert all(site.hits[f"/story/{i}"] == 1 for i in range(3))  # fetched once


def test_full_text_flag_fetches_pages_even_for_long_items(lib, site):
    site.feed("/long.xml", rss([{"title": "Long", "guid": "L", "link": "/story/9"}]))
    site.routes["/story/9"] = (200, {"Content-Type": "text/html"}, _page("Long", 9))
    r = subscribe(lib, site.url("/long.xml"), full_text=True, limits=FAST)
    assert r.new == 1 and site.hits["/story/9"] == 1
    assert get_feed(lib, r.feed_id).full_text


def test_full_text_pages_that_cannot_be_read_are_said_in_the_feeds_note(lib, site):
    # walk36: a --full-text feed whose item pages all answered 404 said "25 items" and nothing else, its articles the
    # feed's own text as if the full text had been read
    items = [{**item, "body": body_text(50 + i, 150)} for i, item in enumerate(_items(3))]
    site.feed("/feed.xml", rss(items), etag='"n1"')
    site.routes["/news/1"] = (200, {"Content-Type": "text/html"}, _page("Story 1", 1))  # 0 and 2: no such page
    r = subscribe(lib, site.url("/feed.xml"), full_text=True, limits=FAST)
    assert r.new == 3
    assert r.note == "2 of 3 item pages could not be read (HTTP 404 Not Found): their text is the feed's"
    bodies = sorted(len(lib.get(i).body.split()) for i in feed_article_ids(lib, r.feed_id))
    assert bodies[0] == bodies[1] < 200 < bodies[2]  # the two kept the feed's text, the third its page's
    assert get_feed(lib, r.feed_id).last_error == r.note  # (`feed list` and the feeds list show it under the feed)
    [same] = refresh(lib, limits=FAST)  # 304: the note of the document stored stays
    assert (same.status, same.note) == ("not_modified", r.note)
    items.append({"title": "Story 3", "guid": "g3", "link": "/news/3"})  # a new item whose page reads: no note
    site.routes["/news/3"] = (200, {"Content-Type": "text/html"}, _page("Story 3", 3))
    site.feed("/feed.xml", rss(items), etag='"n2"')
    [later] = refresh(lib, limits=FAST)
    assert (later.new, later.note) == (1, None) and get_feed(lib, r.feed_id).last_error is None


def test_a_teaser_whose_page_cannot_be_read_is_said_too(lib, site):
    site.feed("/teasers.xml", rss([{"title": "Teaser", "guid": "t", "link": "/gone", "body": "A short teaser."}]))
    r = subscribe(lib, site.url("/teasers.xml"), limits=FAST)
    assert r.new == 1
    assert r.note == "1 item page could not be read (HTTP 404 Not Found): its text is the feed's"


def test_a_corrected_title_alone_updates_the_article(lib, site):
    items = _items(2)
    site.feed("/feed.xml", rss(items))
    fid = subscribe(lib, site.url("/feed.xml"), limits=FAST).feed_id
    items[0] = {**items[0], "title": "Story 0, corrected headline"}
    site.feed("/feed.xml", rss(items))
    [r] = refresh(lib, limits=FAST)
    assert (r.new, r.updated) == (0, 1)
    assert "Story 0, corrected headline" in {lib.get(i).title for i in feed_article_ids(lib, fid)}


def test_cancel_stops_before_the_next_fetches_and_counts_no_failure(lib, site):
    import threading

    for i in range(3):
        site.feed(f"/c{i}.xml", rss(_items(1, prefix=f"C{i}")))
        subscribe(lib, site.url(f"/c{i}.xml"), limits=FAST)
    before = {f.id: (f.last_refresh, f.last_status) for f in list_feeds(lib)}
    stop = threading.Event()
    stop.set()  # the app is closing: nothing more is fetched
    results = refresh(lib, concurrency=2, limits=FAST, cancel=stop)
    assert [r.error for r in results] == ["cancelled"] * 3
    assert sum(site.hits[f"/c{i}.xml"] for i in range(3)) == 3  # only the subscriptions' fetches
    assert {f.id: (f.last_refresh, f.last_status) for f in list_feeds(lib)} == before
    assert all(f.failures == 0 and f.next_try is None for f in list_feeds(lib))


def test_an_empty_feed_is_ok_not_a_failure(lib, site):
    site.feed("/empty.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Quiet Desk</title>'
                            b"<link>http://q.invalid/</link><description>nothing yet</description></channel></rss>")
    r = subscribe(lib, site.url("/empty.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 0)
    [again] = refresh(lib, limits=FAST)
    assert again.status == "ok" and get_feed(lib, r.feed_id).failures == 0
    assert get_feed(lib, r.feed_id).title == "Quiet Desk"


def test_xml_that_is_no_feed_is_refused(lib, site):
    site.routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"},
                                   b'<?xml version="1.0"?><urlset><url><loc>http://s.invalid/a</loc></url></urlset>')
    r = subscribe(lib, site.url("/sitemap.xml"), limits=FAST)
    assert r.status == "error" and r.error == "not a feed (neither RSS, Atom nor RDF)"


def test_a_wait_set_while_the_clock_was_ahead_ends_when_the_clock_goes_back(lib, site):
    """A back-off is set from the clock of the refresh that failed. With the clock ahead then (a year, or three hours)
    and right again now, the feed's next try stayed a year (three hours) away: every refresh of all feeds skipped it,
    saying "next try after 19:20 UTC". A wait set by the clock as it is now is still waited out."""
    from datetime import datetime, timezone

    def stamp(epoch: float) -> str:
        return datetime.fromtimestamp(epoch, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")

    ids = {}
    for name in ("year", "hours", "now"):
        site.feed(f"/{name}.xml", rss(_items(1, prefix=name)))
        ids[name] = subscribe(lib, site.url(f"/{name}.xml"), limits=FAST).feed_id
    now = time.time()
    set_at = {"year": now + 365 * 86400, "hours": now + 3 * 3600, "now": now - 10}  # when each wait was set
    with lib.transaction() as db:
        for name, when in set_at.items():
            db.execute("UPDATE feeds SET failures = 2, last_error = 'HTTP 500 Internal Server Error', last_refresh = ?,"
                       " next_try = ? WHERE id = ?", (stamp(when), when + 300, ids[name]))
    hits = {name: site.hits[f"/{name}.xml"] for name in set_at}
    results = {r.feed_id: r for r in refresh(lib, limits=FAST)}
    assert site.hits["/year.xml"] == hits["year"] + 1 and results[ids["year"]].skipped is None
    assert site.hits["/hours.xml"] == hits["hours"] + 1 and results[ids["hours"]].skipped is None
    assert get_feed(lib, ids["year"]).next_try is None and get_feed(lib, ids["hours"]).failures == 0
    assert site.hits["/now.xml"] == hits["now"] and "backing off" in results[ids["now"]].skipped
