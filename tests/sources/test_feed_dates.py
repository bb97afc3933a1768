"""A feed's date that is no date: feedparser rolled an impossible one over (2026-13-45 -> 2027-01-01, 2026-11-31 ->
2026-12-01) and took one decades ahead as it came, and an item dated 2100 then stood first in the library, the stories
list and the briefing for ever. Such an item is stored undated (the library dates it when it was added), in RSS (the
lean reader and feedparser's), Atom and JSON Feed alike; a real date, and one a few hours ahead (a time zone's
difference), is kept."""

from __future__ import annotations

import json
import time

from feedserver import FAST, body_text, rss
from tui.sources import subscribe
from tui.store.feeds import feed_article_ids

SOON = time.strftime("%a, %d %b %Y %H:%M:%S GMT", time.gmtime(time.time() + 5 * 3600))
DATES = {
    "Quay lights back on": ("Tue, 01 Dec 2026 08:00:00 GMT", "2026-12-01"),
    "Pier ledger balanced": ("2026-13-45T09:00:00Z", None),
    "Night market moves": ("2026-11-31T09:00:00Z", None),
    "Tide tables reprinted": ("Fri, 01 Jan 2100 00:00:00 GMT", None),
    "Ferry timetable soon": (SOON, time.strftime("%Y-%m-%d", time.gmtime(time.time() + 5 * 3600))),
}


def _published(lib, feed_id) -> dict[str, str | None]:
    return {lib.get(i).title: lib.get(i).published for i in feed_article_ids(lib, feed_id)}


def _expected() -> dict[str, str | None]:
    return {title: day for title, (_, day) in DATES.items()}


def test_rss_items_with_impossible_or_far_future_dates_are_undated(lib, site):
    items = [{"title": t, "guid": f"g{n}", "link": f"/n/{n}", "date": d} for n, (t, (d, _)) in enumerate(DATES.items())]
    site.feed("/plain.xml", rss(items))  # plain RSS 2.0: the lean reader
    r = subscribe(lib, site.url("/plain.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 5)
    assert _published(lib, r.feed_id) == _expected()
    # with an element the lean reader leaves to feedparser (an author with an address): feedparser's own path
    other = [{**it, "title": it["title"] + " again", "guid": "o" + it["guid"]} for it in items]  # not the same texts
    odd = rss(other, title="Quay Post").replace(b"<item>", b"<item><author>desk@quay.invalid (Desk)</author>")
    site.feed("/odd.xml", odd)
    r = subscribe(lib, site.url("/odd.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 5)
    assert _published(lib, r.feed_id) == {t + " again": d for t, d in _expected().items()}


def test_atom_and_json_feed_items_with_impossible_or_far_future_dates_are_undated(lib, site):
    iso = {"Quay lights back on": "2026-12-01T08:00:00Z", "Pier ledger balanced": "2026-13-45T09:00:00Z",
           "Night market moves": "2026-11-31T09:00:00Z", "Tide tables reprinted": "2100-01-01T00:00:00Z"}
    entries = "".join(f"<entry><title>{t}</title><id>urn:q:{n}</id><link href='/a/{n}'/><updated>{d}</updated>"
                      f"<content type='text'>{body_text(n)}</content></entry>" for n, (t, d) in enumerate(iso.items()))
    site.feed("/atom.xml", (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                            f"<title>Quay Atom</title><id>urn:q</id>{entries}</feed>").encode(),
              ctype="application/atom+xml")
    r = subscribe(lib, site.url("/atom.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 4)
    expected = {t: d for t, d in _expected().items() if t in iso}
    assert _published(lib, r.feed_id) == expected
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Quay Notes",
           "items": [{"id": f"j{n}", "url": f"/j/{n}", "title": t, "date_published": d,
                      "content_html": f"<p>{body_text(n + 10)}</p>"} for n, (t, d) in enumerate(iso.items())]}
    site.routes["/feed.json"] = (200, {"Content-Type": "application/feed+json"}, json.dumps(doc).encode())
    r = subscribe(lib, site.url("/feed.json"), limits=FAST)
    assert (r.status, r.new) == ("ok", 4)
    assert _published(lib, r.feed_id) == expected


# Years no news item has: before year 1 (ISO 8601's signed years: -0044 is 45 BC), year 0, five digits; the year 1 and a
# date before 1970 (a negative epoch) are real days, kept and sorted as days.
ODD = {"Old harbour charter": ("-0044-03-15T12:00:00Z", None), "Year nought ledger": ("0000-01-01T00:00:00Z", None),
       "Far tide almanac": ("99999-01-01T00:00:00Z", None), "First quay stone": ("0001-01-01T00:00:00Z", "0001-01-01"),
       "Lighthouse opened": ("1900-01-01T00:00:00Z", "1900-01-01"), "Pier extended": ("1969-07-20T20:17:00Z",
                                                                                      "1969-07-20")}


def test_bc_year_nought_and_five_digit_years_are_no_date_and_early_days_sort_as_days(lib, site):
    """feedparser read "-0044-03-15" as 2026-01-04 (a made-up day this year) in Atom and RSS, the JSON Feed reader as
    0044-03-15 (AD: the sign lost); the year 1 was stored as "1-01-01" (glibc's %Y), which sorts after 1900. Now a
    signed or five-digit year is no date (the item is dated when added), the year 1 is 0001-01-01, and `list` orders
    them by day."""
    entries = "".join(f"<entry><title>{t}</title><id>urn:o:{n}</id><link href='/o/{n}'/><updated>{d}</updated>"
                      f"<content type='text'>{body_text(n + 40)}</content></entry>" for n, (t, (d, _)) in
                      enumerate(ODD.items()))
    site.feed("/odd-atom.xml", (f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                                f"<title>Quay Atom</title><id>urn:o</id>{entries}</feed>").encode(),
              ctype="application/atom+xml")
    expected = {t: day for t, (_, day) in ODD.items()}
    r = subscribe(lib, site.url("/odd-atom.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 6)
    assert _published(lib, r.feed_id) == expected
    items = [{"title": t + " (RSS)", "guid": f"r{n}", "link": f"/r/{n}", "date": d, "body": body_text(n + 60)}
             for n, (t, (d, _)) in enumerate(ODD.items())]
    site.feed("/odd.xml", rss(items))
    r = subscribe(lib, site.url("/odd.xml"), limits=FAST)
    assert _published(lib, r.feed_id) == {t + " (RSS)": day for t, day in expected.items()}
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Quay Notes",
           "items": [{"id": f"j{n}", "url": f"/j/{n}", "title": t + " (JSON)", "date_published": d,
                      "content_html": f"<p>{body_text(n + 80)}</p>"} for n, (t, (d, _)) in enumerate(ODD.items())]}
    site.routes["/odd.json"] = (200, {"Content-Type": "application/feed+json"}, json.dumps(doc).encode())
    r = subscribe(lib, site.url("/odd.json"), limits=FAST)
    assert _published(lib, r.feed_id) == {t + " (JSON)": day for t, day in expected.items()}
    days = [row[0] for row in lib.db.execute("SELECT published FROM articles WHERE published IS NOT NULL "
                                             "ORDER BY published")]
    assert days == ["0001-01-01"] * 3 + ["1900-01-01"] * 3 + ["1969-07-20"] * 3


def test_a_file_dated_before_year_one_is_undated_not_moved_to_ad():
    """A Markdown file (or a page, a JSON export) dated -0044-03-15 was imported as 0044-03-15: 45 BC stored as 44 AD."""
    from tui.importers.dates import impossible, parse_date

    assert parse_date("date: -0044-03-15") is None and parse_date("+12026-01-14") is None
    assert parse_date("12026-01-14") is None and parse_date("0044-03-15") == "0044-03-15"
    assert parse_date("2026-01-14-2026-01-15") == "2026-01-14" and parse_date("on 2026-01-14 -0500") == "2026-01-14"
    assert impossible("-0044-03-15T12:00:00Z") and not impossible("2026-01-14T10:00:00-05:00")
    from tui.importers.markdown import parse_markdown

    assert parse_markdown("---\ntitle: Old charter\ndate: -0044-03-15\n---\n\n" + body_text(7)).published is None
