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
