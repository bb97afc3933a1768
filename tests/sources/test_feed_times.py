"""A feed item's time is kept (session 32): RSS pubDate, Atom published/updated and JSON Feed date_published gave the
article its day alone, so newest first within a day was the order items arrived in and `--since 30m` judged a feed
article by its day. The time (UTC) is the article's place in the list; it is kept out of the item's change hash, so an
item whose time alone changes is no new article and is not updated. Times ahead of the clock, days with no time and
odd zones degrade to the day as before. Shown on the reader's clock: the list (today's as the time alone), the
article header and `show`; UTC in `list --json`, `show --json` and `export --format json` (read back by `add`)."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest
from feedserver import FAST, body_text, rss
from tui.cli import main
from tui.sources import refresh, subscribe
from tui.store.feeds import feed_article_ids


def _rfc822(when: datetime) -> str:
    return when.strftime("%a, %d %b %Y %H:%M:%S GMT")


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


YESTERDAY = (datetime.now(timezone.utc) - timedelta(days=1)).replace(microsecond=0)
AT = {  # title -> the item's time yesterday, in the document's order (not the order of the times)
    "Lantern parade route set": YESTERDAY.replace(hour=9, minute=0, second=0),
    "Harbour crane inspected": YESTERDAY.replace(hour=6, minute=15, second=0),
    "Allotment waiting list shrinks": YESTERDAY.replace(hour=17, minute=30, second=0),
}


def _items(dates: dict[str, str]) -> list[dict]:
    return [{"title": t, "guid": f"t{n}", "link": f"/t/{n}", "date": d} for n, (t, d) in enumerate(dates.items())]


def _titles(lib, feed_id) -> list[str]:
    return [lib.get(i).title for i in feed_article_ids(lib, feed_id)]


def test_items_of_one_day_stand_newest_first_by_their_time(lib, site, capsys):
    site.feed("/day.xml", rss(_items({t: _rfc822(w) for t, w in AT.items()})))
    r = subscribe(lib, site.url("/day.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 3)
    newest_first = ["Allotment waiting list shrinks", "Lantern parade route set", "Harbour crane inspected"]
    assert _titles(lib, r.feed_id) == newest_first  # (main: the reverse of arrival, crane 06:15 above lantern 09:00)
    assert [row.title for row in lib.rows()] == newest_first
    assert main(["list", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(row["title"], row["published"], row["published_at"]) for row in rows] == [
        (t, AT[t].date().isoformat(), _stamp(AT[t])) for t in newest_first]


def test_an_item_whose_time_alone_changes_is_not_new_nor_updated(lib, site):
    site.feed("/day.xml", rss(_items({t: _rfc822(w) for t, w in AT.items()})))
    r = subscribe(lib, site.url("/day.xml"), limits=FAST)
    ids = feed_article_ids(lib, r.feed_id)
    later = {t: _rfc822(w + timedelta(minutes=20)) for t, w in AT.items()}
    site.feed("/day.xml", rss(_items(later)))
    [again] = refresh(lib, limits=FAST)
    assert (again.status, again.new, again.updated) == ("ok", 0, 0)
    assert feed_article_ids(lib, r.feed_id) == ids and lib.count() == 3
    assert {lib.get(i).title: lib.get(i).published_at for i in ids} == {t: _stamp(w) for t, w in AT.items()}


def test_an_item_stored_with_its_day_alone_gets_its_time_at_the_next_refresh(lib, site):
    site.feed("/day.xml", rss(_items({t: _rfc822(w) for t, w in AT.items()})))
    r = subscribe(lib, site.url("/day.xml"), limits=FAST)
    lib.db.execute("UPDATE articles SET sort_key = published")  # as a library of session 31 stored them
    lib.db.commit()
    assert {lib.get(i).published_at for i in feed_article_ids(lib, r.feed_id)} == {None}
    [again] = refresh(lib, limits=FAST)
    assert (again.new, again.updated) == (0, 0)
    assert _titles(lib, r.feed_id) == ["Allotment waiting list shrinks", "Lantern parade route set",
                                       "Harbour crane inspected"]
    assert {lib.get(i).title: lib.get(i).published_at for i in feed_article_ids(lib, r.feed_id)} == {
        t: _stamp(w) for t, w in AT.items()}


def test_odd_times_degrade_to_the_day(lib, site):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    dates = {
        "Two hours ahead": (_rfc822(now + timedelta(hours=2)), (now + timedelta(hours=2)).date().isoformat(), None),
        "A zone east": ("Sat, 05 Dec 2026 23:45:00 +0530", "2026-12-05", "2026-12-05T18:15:00Z"),
        "A zone west": ("Fri, 04 Dec 2026 21:15:00 -0500", "2026-12-05", "2026-12-05T02:15:00Z"),
        "A day alone": ("Sat, 05 Dec 2026", "2026-12-05", None),
        "No date at all": ("the day before the fair", None, None),
    }
    site.feed("/odd.xml", rss(_items({t: d for t, (d, _, _) in dates.items()})))
    r = subscribe(lib, site.url("/odd.xml"), limits=FAST)
    assert r.new == 5
    got = {a.title: (a.published, a.published_at) for a in (lib.get(i) for i in feed_article_ids(lib, r.feed_id))}
    assert got == {t: (day, at) for t, (_, day, at) in dates.items()}


def test_a_time_a_few_minutes_ahead_is_taken_as_now(lib, site):
    soon = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(minutes=4)
    site.feed("/soon.xml", rss(_items({"Bell tower clock fixed": _rfc822(soon)})))
    before = _stamp(datetime.now(timezone.utc))
    r = subscribe(lib, site.url("/soon.xml"), limits=FAST)
    [article] = [lib.get(i) for i in feed_article_ids(lib, r.feed_id)]
    assert article.published_at is not None and before <= article.published_at <= article.added_at < _stamp(soon)


@pytest.mark.parametrize("now, item, got", [
    # 00:02 tomorrow read at 23:58: today's 23:58, not tomorrow's day with no time
    ("2026-12-07 23:58:00", "Tue, 08 Dec 2026 00:02:00 +0000", ("2026-12-07", "2026-12-07T23:58:00Z")),
    # the same four minutes ahead inside one day
    ("2026-12-07 12:00:00", "Mon, 07 Dec 2026 12:04:00 +0000", ("2026-12-07", "2026-12-07T12:00:00Z")),
    # an hour ahead across midnight: the item's day alone
    ("2026-12-07 23:30:00", "Tue, 08 Dec 2026 00:30:00 +0000", ("2026-12-08", None)),
])
def test_a_time_just_ahead_across_midnight_keeps_now_and_its_day(monkeypatch, now, item, got):
    import email.utils

    from tui.importers.feed import _when

    clock = datetime.fromisoformat(now).replace(tzinfo=timezone.utc).timestamp()
    monkeypatch.setattr(time, "time", lambda: clock)
    parsed = email.utils.parsedate_to_datetime(item).astimezone(timezone.utc).timetuple()
    assert _when({"published": item, "published_parsed": parsed}) == got


def test_atom_and_json_feed_times(lib, site):
    entries = ("<entry><title>Mill pond drained</title><id>urn:m:1</id><link href='/m/1'/>"
               f"<published>2026-12-03T07:05:00+01:00</published><updated>2026-12-04T10:00:00Z</updated>"
               f"<content type='text'>{body_text(1)}</content></entry>"
               "<entry><title>Mill pond refilled</title><id>urn:m:2</id><link href='/m/2'/>"
               f"<updated>2026-12-04</updated><content type='text'>{body_text(2)}</content></entry>")
    site.feed("/atom.xml", ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                            f"<title>Mill Notes</title><id>urn:m</id>{entries}</feed>").encode(),
              ctype="application/atom+xml")
    r = subscribe(lib, site.url("/atom.xml"), limits=FAST)
    got = {a.title: (a.published, a.published_at) for a in (lib.get(i) for i in feed_article_ids(lib, r.feed_id))}
    assert got == {"Mill pond drained": ("2026-12-03", "2026-12-03T06:05:00Z"), "Mill pond refilled": ("2026-12-04", None)}

    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Weir Notes", "items": [
        {"id": "w1", "title": "Weir gate jammed", "content_text": body_text(3),
         "date_published": "2026-12-06T18:45:00+02:00"},
        {"id": "w2", "title": "Weir gate freed", "content_text": body_text(4), "date_published": "2026-12-06T21:10:00"},
        {"id": "w3", "title": "Weir walk reopens", "content_text": body_text(5), "date_published": "2026-12-06"},
        {"id": "w4", "title": "Weir fish count", "content_text": body_text(6), "date_published": "2026-12-06T25:99:00Z"},
    ]}
    site.feed("/weir.json", json.dumps(doc).encode(), ctype="application/feed+json")
    r = subscribe(lib, site.url("/weir.json"), limits=FAST)
    got = {a.title: (a.published, a.published_at) for a in (lib.get(i) for i in feed_article_ids(lib, r.feed_id))}
    assert got == {"Weir gate jammed": ("2026-12-06", "2026-12-06T16:45:00Z"),
                   "Weir gate freed": ("2026-12-06", "2026-12-06T21:10:00Z"),  # no zone: UTC, as RSS and Atom
                   "Weir walk reopens": ("2026-12-06", None), "Weir fish count": ("2026-12-06", None)}


def test_the_time_is_shown_on_the_readers_clock(lib, site, capsys, half_past_five_east):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    earlier = now - timedelta(minutes=50)
    site.feed("/now.xml", rss(_items({"Ferry back in service": _rfc822(earlier),
                                      "Lantern parade route set": _rfc822(AT["Lantern parade route set"])})))
    r = subscribe(lib, site.url("/now.xml"), limits=FAST)
    ids = {lib.get(i).title: i for i in feed_article_ids(lib, r.feed_id)}
    local = earlier.astimezone()  # (UTC+05:30)
    lantern = AT["Lantern parade route set"].astimezone()
    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    today = datetime.now().date().isoformat()
    shown = local.strftime("%H:%M") if local.date().isoformat() == today else local.date().isoformat()
    assert lines[0].split()[2] == shown and lines[0].endswith("Ferry back in service"), lines
    assert lines[1].split()[2] == lantern.date().isoformat(), lines
    assert main(["show", str(ids["Ferry back in service"])]) == 0
    meta = capsys.readouterr().out.splitlines()[1]
    assert meta == f"Harbour Gazette · {local.strftime('%Y-%m-%d %H:%M')}"

    from tui.app.widgets.article_body import header_lines

    lines = [text for text, _style in header_lines(lib.get(ids["Lantern parade route set"]))]
    assert lines[1] == f"Harbour Gazette · {lantern.strftime('%Y-%m-%d %H:%M')}"


def test_export_and_add_keep_the_time(lib, lib_path, site, tmp_path, capsys, monkeypatch):
    site.feed("/day.xml", rss(_items({t: _rfc822(w) for t, w in AT.items()})))
    subscribe(lib, site.url("/day.xml"), limits=FAST)
    assert main(["export", "--format", "json"]) == 0
    exported = capsys.readouterr().out
    records = [json.loads(line) for line in exported.splitlines()]
    assert {rec["title"]: rec["published_at"] for rec in records} == {t: _stamp(w) for t, w in AT.items()}
    rescued = tmp_path / "rescued.jsonl"
    # one record's time in the future, one's not a time: those two keep their day alone
    records[0]["published_at"] = _stamp(datetime.now(timezone.utc) + timedelta(days=1))
    records[1]["published_at"] = "yesterday at nine"
    rescued.write_text("".join(json.dumps(rec) + "\n" for rec in records), encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "new.db"))
    assert main(["add", str(rescued)]) == 0
    capsys.readouterr()
    assert main(["list", "--json"]) == 0
    rows = {row["title"]: row["published_at"] for row in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows == {records[0]["title"]: None, records[1]["title"]: None, records[2]["title"]: records[2]["published_at"]}


def test_since_minutes_judges_a_feed_article_by_its_time(lib, site, capsys):
    """Two one-article stories added now: one its feed timed three hours ago, one ten minutes ago. `--since 1h` took
    both (the day) on main."""
    now = datetime.now(timezone.utc).replace(microsecond=0)
    old, new = now - timedelta(hours=3), now - timedelta(minutes=10)
    bodies = {"Kiln fire closes Drevanby craft market": (old, "A kiln fire at the Drevanby craft market closed all "
              "forty stalls, the market's owners said. Firefighters kept the fire to the kiln shed."),
              "Quarrel Sound ferry adds a winter crossing": (new, "The Quarrel Sound ferry will add a fourth winter "
              "crossing from January, its operator said. Fares stay the same, the skipper said.")}
    items = [{"title": t, "guid": f"s{n}", "link": f"/s/{n}", "date": _rfc822(w), "body": b}
             for n, (t, (w, b)) in enumerate(bodies.items())]
    site.feed("/since.xml", rss(items))
    subscribe(lib, site.url("/since.xml"), limits=FAST)
    assert main(["stories", "--rebuild"]) == 0
    capsys.readouterr()

    def titles(since: str) -> set[str]:
        assert main(["stories", "--json", "--since", since]) == 0
        ids = {i for line in capsys.readouterr().out.splitlines() for i in json.loads(line)["articles"]}
        return {lib.get(i).title for i in ids}

    assert titles("1h") == {"Quarrel Sound ferry adds a winter crossing"}
    assert titles("30m") == {"Quarrel Sound ferry adds a winter crossing"}
    assert titles("5m") == set()
    assert titles("4h") == set(bodies)
