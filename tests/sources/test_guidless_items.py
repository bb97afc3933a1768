"""An item with no guid is known by its link, then by its content. A feed that edits such an item in place and moves
it to a new address changes both: it became a second article. Now such an entry is the item of the same feed with the
same title and no guid, dated within SAME_ITEM_WITHIN (12 hours) of it, that the document no longer holds: its
article is updated in place, read and star kept. Items named alike a day apart ("Tide times", one a day) stay apart."""

from __future__ import annotations

from feedserver import FAST, body_text, rss
from tui.sources import refresh, subscribe
from tui.store.feeds import feed_article_ids


def _articles(lib, feed_id):
    return sorted(((a.title, a.url, a.body, a.read) for a in (lib.get(i) for i in feed_article_ids(lib, feed_id))),
                  key=lambda r: r[1])


def test_an_item_edited_in_place_with_a_new_link_updates_its_article(lib, site):
    first = {"title": "Quay wall repairs begin in Brenmoor", "link": site.url("/q/1"), "body": body_text(11),
             "date": "Mon, 07 Dec 2026 08:00:00 GMT"}
    other = {"title": "Lock keepers meet", "link": site.url("/k/1"), "body": body_text(12),
             "date": "Mon, 07 Dec 2026 07:00:00 GMT"}
    site.feed("/wall.xml", rss([first, other], title="Brenmoor Quay Notes"))
    r = subscribe(lib, site.url("/wall.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 2)
    [wall] = [i for i in feed_article_ids(lib, r.feed_id) if lib.get(i).title == first["title"]]
    lib.set_read(wall)
    edited = dict(first, link=site.url("/q/1-updated"), body=body_text(13), date="Mon, 07 Dec 2026 10:30:00 GMT")
    site.feed("/wall.xml", rss([edited, other], title="Brenmoor Quay Notes"))
    [again] = refresh(lib, limits=FAST)
    assert (again.status, again.new, again.updated) == ("ok", 0, 1)
    assert _articles(lib, r.feed_id) == sorted([(first["title"], edited["link"], body_text(13), True),
                                                (other["title"], other["link"], body_text(12), False)],
                                               key=lambda r: r[1])
    assert lib.get(wall).url == edited["link"]
    [same] = refresh(lib, limits=FAST, force=True)  # known by its new link from now on
    assert (same.new, same.updated) == (0, 0)


def test_items_named_alike_apart_in_time_or_side_by_side_stay_apart(lib, site):
    day1 = {"title": "Tide times for Brenmoor", "link": site.url("/t/1"), "body": body_text(21),
            "date": "Sun, 06 Dec 2026 05:00:00 GMT"}
    site.feed("/tides.xml", rss([day1], title="Brenmoor Harbour Office"))
    r = subscribe(lib, site.url("/tides.xml"), limits=FAST)
    day2 = dict(day1, link=site.url("/t/2"), body=body_text(22), date="Mon, 07 Dec 2026 05:00:00 GMT")
    site.feed("/tides.xml", rss([day2], title="Brenmoor Harbour Office"))
    [again] = refresh(lib, limits=FAST)
    assert (again.new, again.updated) == (1, 0)
    # two items of one title in one document, both new: two articles (neither is the other's edit)
    twin = dict(day2, link=site.url("/t/3"), body=body_text(23), date="Mon, 07 Dec 2026 05:30:00 GMT")
    site.feed("/tides.xml", rss([twin, day2], title="Brenmoor Harbour Office"))
    [third] = refresh(lib, limits=FAST)
    assert (third.new, third.updated) == (1, 0)
    assert [a[1] for a in _articles(lib, r.feed_id)] == [site.url("/t/1"), site.url("/t/2"), site.url("/t/3")]
