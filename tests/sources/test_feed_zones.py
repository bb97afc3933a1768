"""A JSON Feed item's day and time are in one zone (session 33). Its day was the one its writer wrote (their zone)
while its time was UTC, so "2026-12-03T23:30:00-05:00" was dated the 3rd and timed 04:30 on the 4th: the list (which
shows the time's day) and its stories (which go by the day) put it under different days. Now both are UTC, as an RSS
or Atom item of the same moment gives them, and the reader sees both on their own clock."""

from __future__ import annotations

import json

from feedserver import FAST, body_text, rss
from tui.cli import main
from tui.sources import subscribe
from tui.store.feeds import feed_article_ids

MOMENTS = {  # title -> the same moment as its writer wrote it (JSON Feed) and as RSS gives it
    "Sluice keeper retires": ("2026-12-03T23:30:00-05:00", "Fri, 04 Dec 2026 04:30:00 GMT"),
    "Towpath lights fixed": ("2026-12-04T01:15:00+09:00", "Thu, 03 Dec 2026 16:15:00 GMT"),
    "Lock gates painted": ("2026-12-04T12:00:00+00:00", "Fri, 04 Dec 2026 12:00:00 GMT"),
}
UTC = {"Sluice keeper retires": ("2026-12-04", "2026-12-04T04:30:00Z"),
       "Towpath lights fixed": ("2026-12-03", "2026-12-03T16:15:00Z"),
       "Lock gates painted": ("2026-12-04", "2026-12-04T12:00:00Z")}


def _got(lib, feed_id) -> dict:
    return {a.title: (a.published, a.published_at) for a in (lib.get(i) for i in feed_article_ids(lib, feed_id))}


def test_a_json_feed_item_is_dated_in_the_zone_of_its_time(lib, site, capsys, half_past_five_east):
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Canal Notes", "items": [
        {"id": f"c{n}", "title": t, "content_text": body_text(n), "date_published": written}
        for n, (t, (written, _)) in enumerate(MOMENTS.items())]}
    site.feed("/canal.json", json.dumps(doc).encode(), ctype="application/feed+json")
    r = subscribe(lib, site.url("/canal.json"), limits=FAST)
    assert _got(lib, r.feed_id) == UTC  # (main: the 3rd for the sluice keeper, the 4th for the towpath lights)

    site.feed("/canal.xml", rss([{"title": t, "guid": f"r{n}", "link": f"/r/{n}", "date": rfc}
                                 for n, (t, (_, rfc)) in enumerate(MOMENTS.items())], title="Canal Wire"))
    r = subscribe(lib, site.url("/canal.xml"), limits=FAST)
    assert _got(lib, r.feed_id) == UTC  # the same moments from RSS: the same day and time

    # shown on the reader's clock (UTC+05:30): the sluice keeper at 10:00 on the 4th, the towpath lights at 21:45 on
    # the 3rd, list and `show` alike
    assert main(["list"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "Canal Notes" in line]
    assert [line.split()[2] for line in lines] == ["2026-12-04", "2026-12-04", "2026-12-03"], lines
    ids = {row.title: row.id for row in lib.rows() if row.source == "Canal Notes"}
    assert main(["show", str(ids["Towpath lights fixed"])]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "Canal Notes · 2026-12-03 21:45"


def test_a_json_feed_day_alone_or_an_impossible_time_keeps_the_written_day(lib, site):
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Weir Notes", "items": [
        {"id": "w1", "title": "Weir walk reopens", "content_text": body_text(5), "date_published": "2026-12-06"},
        {"id": "w2", "title": "Weir fish count", "content_text": body_text(6), "date_published": "2026-12-06T25:99:00Z"},
        {"id": "w3", "title": "Weir far ahead", "content_text": body_text(7), "date_published": "2999-01-01T10:00:00Z"},
    ]}
    site.feed("/weir.json", json.dumps(doc).encode(), ctype="application/feed+json")
    r = subscribe(lib, site.url("/weir.json"), limits=FAST)
    assert _got(lib, r.feed_id) == {"Weir walk reopens": ("2026-12-06", None), "Weir fish count": ("2026-12-06", None),
                                    "Weir far ahead": (None, None)}
