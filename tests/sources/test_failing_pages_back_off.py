"""A link-only item whose page always fails was fetched again at every refresh (feeds36's noticed): with full text on,
each such page cost a request, and a slot of the 30 a feed a refresh, for as long as the feed listed the item. Its
failures are now kept in the feed's state (feeds.pages_failed, migration 36): after n failures in a row the page waits
1, 3, 7 ... refreshes (a day at most) before it is fetched again, and `refresh` says "N pages failed; tried again
later". Every server here is ours, on 127.0.0.1."""

from __future__ import annotations

import json

from feedserver import FAST, body_text
from tui.cli import main
from tui.sources import refresh, subscribe
from tui.store.feeds import feed_article_ids, get_feed, update_feed


def _links(items: list[tuple[str, str]]) -> bytes:
    parts = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Quenby Links</title>'
             "<link>http://quenby.invalid/</link><description>links</description>"]
    for i, (title, link) in enumerate(items):
        parts.append(f'<item><title>{title}</title><guid isPermaLink="false">Q{i}</guid><link>{link}</link></item>')
    parts.append("<item><title>Quenby notes</title><guid isPermaLink=\"false\">N</guid>"
                 f"<description><![CDATA[<p>{body_text(7, 90)}</p>]]></description></item></channel></rss>")
    return "".join(parts).encode()


def _page(title: str, seed: int) -> bytes:
    paras = "".join(f"<p>{body_text(seed * 10 + k, 80)}</p>" for k in range(4))
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{paras}</article></body></html>".encode()


def test_a_page_that_keeps_failing_waits_longer_each_time_and_is_read_once_it_works(lib, site):
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links([
        ("Quenby weir mended", site.url("/p/weir")), ("Quenby green mown", site.url("/p/green"))]))
    site.routes["/p/green"] = (200, {"Content-Type": "text/html"}, _page("Quenby green mown", 2))
    # /p/weir answers 404
    r = subscribe(lib, site.url("/links.xml"), full_text=True, limits=FAST)
    assert (r.new, r.link_only, r.completed, r.pages_failed) == (2, 2, 1, 1)
    assert site.hits["/p/weir"] == 1
    tried = []  # the weir's page fetched (True) or not at each later refresh
    for _ in range(9):
        before = site.hits["/p/weir"]
        [again] = refresh(lib, limits=FAST)
        assert (again.status, again.link_only, again.completed, again.pages_failed) == ("ok", 1, 0, 1)
        tried.append(site.hits["/p/weir"] > before)
    # failed once: tried at the next refresh; twice: after 1 skipped; three times: after 3; four times: after 7
    assert tried == [True, False, True, False, False, False, True, False, False]
    assert site.hits["/p/green"] == 1  # (read and stored: never fetched again)
    state = get_feed(lib, r.feed_id).pages_failed
    assert list(state.values())[0][:2] == [4, 2]
    # a day after its last try it is fetched whatever the count, and read once the page works
    site.routes["/p/weir"] = (200, {"Content-Type": "text/html"}, _page("Quenby weir mended", 1))
    [(key, (failures, skipped, at))] = state.items()
    update_feed(lib, r.feed_id, pages_failed=json.dumps({key: [failures, skipped, at - 24 * 3600]}))
    [last] = refresh(lib, limits=FAST)
    assert (last.new, last.completed, last.pages_failed) == (1, 1, 0) and site.hits["/p/weir"] == 5
    assert get_feed(lib, r.feed_id).pages_failed == {}
    assert lib.db.execute("SELECT pages_failed FROM feeds").fetchone()[0] is None
    assert sorted(lib.get(i).title for i in feed_article_ids(lib, r.feed_id)) == [
        "Quenby green mown", "Quenby notes", "Quenby weir mended"]


def test_refresh_says_how_many_pages_failed_and_forgets_an_item_no_longer_listed(lib_path, site, capsys):
    from tui.store import Library

    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links([
        ("Quenby ford flooded", site.url("/p/ford")), ("Quenby lane shut", site.url("/p/lane"))]))
    assert main(["feed", "add", site.url("/links.xml"), "--full-text", "--timeout", "5"]) == 0
    assert capsys.readouterr().out == ("#1  Quenby Links  1 item; 0 of 2 link-only items read from their pages; "
                                       f"2 pages failed; tried again later  ({site.url('/links.xml')})\n")
    assert main(["refresh", "--timeout", "5"]) == 0
    assert capsys.readouterr().out == ("ok     #1  Quenby Links: 0 new, 0 updated; 0 of 2 link-only items read from "
                                       "their pages; 2 pages failed; tried again later\n")
    assert main(["refresh", "--json", "--timeout", "5"]) == 0  # (both wait this time)
    line = json.loads(capsys.readouterr().out)
    assert (line["link_only"], line["completed"], line["pages_failed"]) == (2, 0, 2)
    assert (site.hits["/p/ford"], site.hits["/p/lane"]) == (2, 2)
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links([
        ("Quenby lane shut", site.url("/p/lane"))]))
    assert main(["refresh", "--timeout", "5"]) == 0  # (the lane's third try)
    capsys.readouterr()
    assert (site.hits["/p/ford"], site.hits["/p/lane"]) == (2, 3)
    with Library(lib_path) as lib:
        assert [v[:2] for v in get_feed(lib, 1).pages_failed.values()] == [[3, 0]]  # (the ford forgotten)


def test_a_stored_failure_state_that_makes_no_sense_reads_as_none(lib, site):
    """feeds.pages_failed is read from the database: text that is no JSON, a list, odd values or a time far ahead
    never stop a refresh; the page is simply tried."""
    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links([
        ("Quenby bell recast", site.url("/p/bell"))]))
    r = subscribe(lib, site.url("/links.xml"), full_text=True, limits=FAST)
    [key] = get_feed(lib, r.feed_id).pages_failed
    hits = site.hits["/p/bell"]
    for raw in ("{not json", "[1, 2]", json.dumps({key: "x"}), json.dumps({key: [-3, 0, 0]}),
                json.dumps({key: [5, 0, 4e12]}), json.dumps({key: [10**6, 0, 0.0]})):
        update_feed(lib, r.feed_id, pages_failed=raw)
        [again] = refresh(lib, limits=FAST)
        assert again.status == "ok" and site.hits["/p/bell"] == hits + 1, raw
        hits += 1


def test_a_feed_answering_304_retries_its_failed_pages_on_their_schedule(lib, site, capsys):
    """A 304 answer skipped the pages altogether: while the document was unchanged, a failed page was never tried
    again (feeds37's noticed). Now its refreshes count, and when a page is due the document is fetched whole for its
    link; the 304s before that cost nothing more."""
    site.feed("/links.xml", _links([("Quenby mill race cleared", site.url("/p/race"))]), etag='"q1"')
    r = subscribe(lib, site.url("/links.xml"), full_text=True, limits=FAST)
    assert (r.new, r.link_only, r.completed, r.pages_failed) == (1, 1, 0, 1)  # (the notes item; the race's page 404)
    tried, plain = [], []  # at each refresh: the page fetched; the document fetched without If-None-Match
    for _ in range(9):
        pages, gets = site.hits["/p/race"], len(site.headers["/links.xml"])
        [again] = refresh(lib, limits=FAST)
        assert (again.status in ("ok", "not_modified"), again.link_only, again.pages_failed) == (True, 1, 1)
        tried.append(site.hits["/p/race"] > pages)
        plain.append(sum("If-None-Match" not in h for h in site.headers["/links.xml"][gets:]) > 0)
    assert tried == [True, False, True, False, False, False, True, False, False]
    assert plain == tried  # (the whole document only for a page that is due)
    assert list(get_feed(lib, r.feed_id).pages_failed.values())[0][:2] == [4, 2]
    # the CLI says the waiting page of the unchanged feed
    assert main(["refresh", "--timeout", "5"]) == 0
    assert capsys.readouterr().out == ("ok     #1  Quenby Links: 0 new, 0 updated; 0 of 1 link-only item read from its "
                                       "page; 1 page failed; tried again later\n")
    # the page works now: read at its next due refresh, though the document never changed
    site.routes["/p/race"] = (200, {"Content-Type": "text/html"}, _page("Quenby mill race cleared", 3))
    results = [refresh(lib, limits=FAST)[0] for _ in range(6)]
    assert [x.completed for x in results].count(1) == 1 and results[-1].pages_failed == 0
    assert get_feed(lib, r.feed_id).pages_failed == {}
    assert "Quenby mill race cleared" in [lib.get(i).title for i in feed_article_ids(lib, r.feed_id)]


def test_feed_list_says_how_many_link_only_items_failed_and_when_they_are_tried_again(lib, site, capsys):
    """The app and `feed list` never said a feed's failed link-only pages (only `feed add` / `refresh` did, once)."""
    import time as clock
    from datetime import datetime

    from tui.sources.refresh import PAGE_WAIT_MAX, pages_waiting

    site.routes["/links.xml"] = (200, {"Content-Type": "application/rss+xml"}, _links([
        ("Quenby ford flooded", site.url("/p/ford")), ("Quenby lane shut", site.url("/p/lane"))]))
    r = subscribe(lib, site.url("/links.xml"), full_text=True, limits=FAST)
    assert r.pages_failed == 2
    feed = get_feed(lib, r.feed_id)
    assert pages_waiting(feed) == ("2 link-only items could not be read from their pages: the soonest tried again at "
                                   "the next refresh")
    assert main(["feed", "list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[-1] == ("      2 link-only items could not be read from their pages: the soonest tried again at "
                          "the next refresh"), listed
    assert main(["feed", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["pages_failed"] == 2
    # failed 3 and 4 times, skipped once each: the soonest waits 2 more refreshes, or a day after its last try
    now = clock.time()
    hashes = list(feed.pages_failed)
    feed.pages_failed = {hashes[0]: [3, 1, now - 3600.0], hashes[1]: [4, 1, now - 7200.0]}
    due = datetime.fromtimestamp(now - 7200.0 + PAGE_WAIT_MAX).astimezone()  # 22 hours on: today or tomorrow
    due_said = ("tomorrow " if due.date() > datetime.now().astimezone().date() else "") + due.strftime("%H:%M")
    assert pages_waiting(feed, now) == ("2 link-only items could not be read from their pages: the soonest tried again "
                                        f"after 2 more refreshes, or at the first refresh after {due_said}")
    feed.pages_failed = {hashes[0]: [2, 0, now - 60.0]}
    assert pages_waiting(feed, now).startswith("1 link-only item could not be read from its page: tried again after "
                                               "1 more refresh, or at")
    feed.pages_failed[hashes[0]][2] = now - PAGE_WAIT_MAX  # a day since its last try
    assert pages_waiting(feed, now).endswith(": tried again at the next refresh")
    feed.full_text = False  # (the state is not used then: nothing said)
    assert pages_waiting(feed, now) == ""
