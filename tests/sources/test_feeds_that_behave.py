"""Feeds as a daily reader of thirty of them meets them (feeds39, issue 13): a failed feed's next try said on the
reader's clock ("tomorrow 01:10", not "2026-12-09 01:10"); one feed subscribed as http:// and as https:// is one
feed, the one that works kept; feeds subscribed twice before their URLs were normalised are merged by the upgrade to
schema 38, their articles kept. Every server here is ours, on 127.0.0.1."""

from __future__ import annotations

import sqlite3
import time
from datetime import datetime, timedelta

from feedserver import FAST, rss
from tui.cli import main
from tui.sources import subscribe
from tui.store.feeds import add_feed, feed_key, get_feed, list_feeds, update_feed
from tui.store.schema import SCHEMA_VERSION

_ITEMS = [{"title": "Garrow ferry timetable changes for the winter", "guid": "g1"},
          {"title": "Garrow quay lights repaired after the storm", "guid": "g2"}]


def test_ahead_said_today_as_the_time_tomorrow_by_name(half_past_five_east, reader_clock):
    from tui.cells import ahead_said, epoch_ahead_said

    reader_clock("2026-12-08 23:50")  # 18:20 UTC
    assert ahead_said("2026-12-08T19:40:00Z") == "tomorrow 01:10"  # it said "2026-12-09 01:10"
    assert ahead_said("2026-12-08T18:25:00Z") == "23:55"  # later today: the time alone
    assert ahead_said("2026-12-09T19:40:00Z") == "2026-12-10 01:10"  # a later day whole
    assert ahead_said("2026-12-08T12:00:00Z") == "today 17:30"  # already past: as a last refresh is said
    assert ahead_said("not a time") == "not a time"
    assert epoch_ahead_said(datetime.fromisoformat("2026-12-08T19:40:00+00:00").timestamp()) == "tomorrow 01:10"
    assert epoch_ahead_said(1e20) == ""  # (the database is untrusted)


def _expected_next_try(at: float) -> str:
    """A time on this machine's clock as a reader says it: the time alone today, "tomorrow HH:MM" tomorrow."""
    local = datetime.fromtimestamp(at).astimezone()
    today = datetime.now().astimezone().date()
    assert local.date() in (today, today + timedelta(days=1))
    return ("tomorrow " if local.date() > today else "") + local.strftime("%H:%M")


def test_feed_list_and_refresh_say_when_a_failed_feed_is_tried_again(lib, half_past_five_east, capsys):
    now = time.time()
    ident, _ = add_feed(lib, "http://127.0.0.1:9/garrow.xml", "Garrow Harbour News")
    update_feed(lib, ident, last_status="error", last_error="could not connect", failures=4,
                last_refresh=datetime.utcfromtimestamp(now - 60).strftime("%Y-%m-%dT%H:%M:%SZ"),
                next_try=now + 23.5 * 3600)  # past midnight from 00:30 on: tomorrow
    ok, _ = add_feed(lib, "http://127.0.0.1:9/ossby.xml", "Ossby Mercury")
    update_feed(lib, ok, last_status="error", last_error="HTTP 500", failures=1, last_refresh="2026-12-01T08:00:00Z")
    when = _expected_next_try(now + 23.5 * 3600)
    assert main(["feed", "list"]) == 0
    out = capsys.readouterr().out
    assert f"      next try after {when} (backing off after 4 failures)" in out.splitlines(), out
    assert out.count("next try") == 1  # the feed that failed once is tried at the next refresh: nothing said
    assert str(datetime.fromtimestamp(now + 23.5 * 3600).astimezone().date()) not in out
    main(["refresh", "--json"])
    said = capsys.readouterr().out
    assert f"backing off after 4 failures; next try after {when} (last error: could not connect)" in said, said
    assert " UTC" not in said


def test_http_and_https_are_one_feed(lib, site, capsys):
    assert feed_key("https://garrow.example/feed.xml") == feed_key("http://Garrow.example/feed.xml/")
    assert feed_key("https://garrow.example:443/feed") == feed_key("http://garrow.example:80/feed")
    assert feed_key("https://garrow.example:8443/feed") != feed_key("http://garrow.example/feed")
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(_ITEMS, title="Garrow Tide"))
    first = subscribe(lib, site.url("/feed.xml"), limits=FAST)
    assert (first.status, first.new) == ("ok", 2)
    # the other scheme of a feed that works: already subscribed, nothing fetched
    tls = site.url("/feed.xml").replace("http://", "https://")
    assert main(["feed", "add", tls, "--timeout", "3"]) == 0
    assert capsys.readouterr().out == f"#1  Garrow Tide  (already subscribed as {site.url('/feed.xml')})\n"
    assert site.hits["/feed.xml"] == 1 and [f.url for f in list_feeds(lib)] == [site.url("/feed.xml")]


def test_feed_add_of_the_other_scheme_keeps_the_one_that_works(lib, site, capsys):
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(_ITEMS, title="Garrow Tide"))
    tls = site.url("/feed.xml").replace("http://", "https://")  # (this server speaks no TLS: the fetch fails)
    ident, _ = add_feed(lib, tls, "Garrow Tide", tags=["coast"])
    assert main(["refresh", "--timeout", "3"]) == 1
    assert get_feed(lib, ident).last_status == "error"
    capsys.readouterr()
    assert main(["feed", "add", site.url("/feed.xml"), "--timeout", "3"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"#{ident}  Garrow Tide  2 items  ({site.url('/feed.xml')})", out
    assert out[1].startswith(f"    moved from {tls}, whose last refresh failed (")
    [feed] = list_feeds(lib)
    assert (feed.id, feed.url, feed.last_status, feed.failures, feed.total, feed.tags) == \
        (ident, site.url("/feed.xml"), "ok", 0, 2, ["coast"])
    # the other way: subscribed by the URL that works, `feed add` of the failing one moves nothing
    assert main(["feed", "add", tls, "--timeout", "3"]) == 0
    assert capsys.readouterr().out == f"#{ident}  Garrow Tide  (already subscribed as {site.url('/feed.xml')})\n"


def test_feed_add_of_the_other_scheme_that_fails_too_leaves_the_feed_as_it_was(lib, site, capsys):
    tls = site.url("/gone.xml").replace("http://", "https://")
    ident, _ = add_feed(lib, tls, "Garrow Tide")
    assert main(["refresh", "--timeout", "3"]) == 1
    before = get_feed(lib, ident)
    capsys.readouterr()
    assert main(["feed", "add", site.url("/gone.xml"), "--timeout", "3"]) == 0
    assert capsys.readouterr().out == f"#{ident}  Garrow Tide  (already subscribed as {tls})\n"
    after = get_feed(lib, ident)
    assert site.hits["/gone.xml"] == 1  # tried once (a 404)
    assert (after.url, after.last_error, after.failures, after.next_try) == \
        (tls, before.last_error, before.failures, before.next_try)


def test_the_upgrade_merges_feeds_subscribed_twice_and_keeps_their_articles(lib_path, site, capsys):
    from tui.models import Article
    from tui.store import Library

    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(_ITEMS, title="Garrow Tide"))
    with Library(lib_path) as lib:
        first = subscribe(lib, site.url("/feed.xml"), limits=FAST)
        own = lib.add(Article(title="Garrow pier closes for repairs", body="The pier closes on Monday for a month."))[1]
        loose = lib.add(Article(title="Unrelated note", body="A note of no feed at all, added by hand."))[1]
        articles = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    db = sqlite3.connect(lib_path)  # as a library of schema 37 held them: stored before the URLs were normalised
    twin_url = site.base.replace("http://", "HTTPS://") + "/feed.xml/?utm_source=letter"
    db.execute("INSERT INTO feeds (url, title, tags, added_at, last_status, last_error) VALUES"
               " (?, 'Garrow again', '[\"coast\"]', '2026-11-01T08:00:00Z', 'error', 'could not connect')",
               (twin_url,))
    db.execute("INSERT INTO feed_items (feed_id, guid, link, entry_hash, article_id, seen_at)"
               " SELECT 2, guid, link, entry_hash, article_id, seen_at FROM feed_items WHERE feed_id = 1")
    db.execute("INSERT INTO feed_items (feed_id, guid, entry_hash, article_id, seen_at)"
               " VALUES (2, 'g3', 'h3', ?, '2026-11-01T08:00:00Z')", (own,))
    db.execute("INSERT INTO feeds (url, title, added_at) VALUES ('http://garrow.example/other.xml', 'Other', 'x')")
    db.execute("PRAGMA user_version = 37")
    db.commit()
    db.close()
    assert main(["feed", "list"]) == 0
    said = capsys.readouterr()
    assert said.err == (f"newsreader: {lib_path}: 1 feed subscribed twice merged into #{first.feed_id} (1 of their"
                        f" articles kept, now its): {twin_url} as {site.url('/feed.xml')}\n")
    with Library(lib_path) as lib:
        feeds = list_feeds(lib)
        assert [(f.id, f.url, f.total, f.tags) for f in feeds] == \
            [(1, site.url("/feed.xml"), 3, ["coast"]), (3, "http://garrow.example/other.xml", 0, [])]
        assert lib.db.execute("SELECT count(*) FROM articles").fetchone()[0] == articles
        assert lib.db.execute("SELECT count(*) FROM feed_items").fetchone()[0] == 3  # (the shared two once)
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION  # (upgraded past 38)
        assert loose in lib.ids()
    assert main(["feed", "list"]) == 0
    assert capsys.readouterr().err == ""  # said once


def test_an_article_of_a_feed_s_few_lines_says_it_is_the_summary_only():
    """Full text off and its page not read (it failed): the item's description was shown as if it were the article,
    two lines and "1 min read". Its header now says it is the feed's summary, and which key opens the article."""
    from types import SimpleNamespace

    from tui.app.widgets.article_body import header_lines

    teaser = SimpleNamespace(title="Garrow quay lights repaired", source="Garrow Tide", byline="", published="",
                             tags=[], url="http://garrow.example/quay", feed="Garrow Tide",
                             body="The quay lights were repaired on Monday after the storm.")
    said = [text for text, _ in header_lines(teaser)]
    assert "10 words · the feed's summary only: o opens the article" in said, said
    said = [text for text, _ in header_lines(teaser, "ctrl+o")]  # (the key as the user bound open_link)
    assert "10 words · the feed's summary only: ctrl+o opens the article" in said, said
    for other in (dict(feed=""), dict(url=""), dict(body="word " * 80)):  # a file's, no link, a whole article
        said = [text for text, _ in header_lines(SimpleNamespace(**{**vars(teaser), **other}))]
        assert not any("summary only" in text for text in said), said


def _home(announces: str) -> bytes:
    return (f'<html><head><title>Garrow Tide</title><link rel="alternate" type="application/rss+xml" href="{announces}">'
            "</head><body><p>Welcome to the Garrow Tide.</p></body></html>").encode()


def test_a_feed_whose_url_now_serves_the_site_s_page_follows_the_feed_it_announces(lib, site, capsys):
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(_ITEMS, title="Garrow Tide"))
    first = subscribe(lib, site.url("/feed.xml"), limits=FAST)
    # the site moved its feed; its old address now answers with the home page, which announces the new one
    site.routes["/feed.xml"] = (200, {"Content-Type": "text/html"}, _home("/rss/all.xml"))
    site.routes["/rss/all.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(
        [*_ITEMS, {"title": "Garrow lifeboat crew named for the winter", "guid": "g4"}], title="Garrow Tide"))
    assert main(["refresh", "--json", "--timeout", "3"]) == 0
    import json

    line = json.loads(capsys.readouterr().out)
    assert (line["status"], line["new"], line["feed"]) == ("ok", 1, site.url("/rss/all.xml"))
    assert line["note"] == (f"its URL {site.url('/feed.xml')} serves a web page now: read from the feed it announces,"
                            f" {site.url('/rss/all.xml')}, where the feed lives from now on")
    feed = get_feed(lib, first.feed_id)
    assert (feed.url, feed.total, feed.last_status) == (site.url("/rss/all.xml"), 3, "ok")
    assert main(["feed", "list"]) == 0
    assert "its URL" in capsys.readouterr().out  # (the note, till the next refresh)
    hits = site.hits["/feed.xml"]
    assert main(["refresh", "--timeout", "3"]) == 0
    assert site.hits["/feed.xml"] == hits and site.hits["/rss/all.xml"] == 2  # fetched where it lives now
    assert get_feed(lib, first.feed_id).last_error is None


def test_a_feed_whose_url_serves_a_page_with_no_feed_or_another_site_s_fails_in_one_line(lib, site):
    from tui.sources import refresh

    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(_ITEMS, title="Garrow Tide"))
    first = subscribe(lib, site.url("/feed.xml"), limits=FAST)
    site.routes["/feed.xml"] = (200, {"Content-Type": "text/html"}, _home("http://parking.example/offers.xml"))
    [r] = refresh(lib, limits=FAST)
    assert (r.status, r.error) == ("error", "its URL serves a web page now, not a feed: the page announces a feed of"
                                            " another site, http://parking.example/offers.xml (`newsreader feed add`"
                                            " subscribes to it)")
    site.routes["/feed.xml"] = (200, {"Content-Type": "text/html"}, b"<html><head><title>Sign in</title></head></html>")
    [r] = refresh(lib, limits=FAST)
    assert r.status == "error" and r.error.startswith("its URL serves a web page now, not a feed: a web page that"
                                                      " announces no feed")
    assert get_feed(lib, first.feed_id).url == site.url("/feed.xml")  # not moved
    assert get_feed(lib, first.feed_id).total == 2


def test_a_slow_server_is_said_in_one_line_with_the_seconds_allowed(lib, site, capsys):
    def slow(req):
        site.stop.wait(3)  # (released when the server closes)
        return 200, {"Content-Type": "application/rss+xml"}, rss(_ITEMS)

    site.routes["/slow.xml"] = slow
    r = subscribe(lib, site.url("/slow.xml"), limits=FAST)  # (FAST: 1 s of silence at most)
    assert (r.status, r.error) == ("error", "timed out waiting for the server: nothing in 1 s")
    assert main(["feed", "add", site.url("/slow.xml"), "--timeout", "1"]) == 1  # (the whole fetch's 1 s ends first)
    assert capsys.readouterr().err == f"newsreader: error: {site.url('/slow.xml')}: timed out (more than 1 s in all)\n"


def test_an_empty_answer_is_said_as_such(lib, site):
    site.routes["/empty.xml"] = (200, {"Content-Type": "application/rss+xml"}, b" \r\n")
    r = subscribe(lib, site.url("/empty.xml"), limits=FAST)
    assert (r.status, r.error) == ("error", "the server sent an empty document, no feed")  # it said "not a feed (...)"
