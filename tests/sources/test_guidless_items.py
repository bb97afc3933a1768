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


_NOTICE = ("The {town} harbour office said the {gate} lock gate will be shut from Monday while divers check its "
           "hinges. Boats bound for the {basin} basin should use the {other} channel, where a pilot will wait "
           "on the hour. The office expects the work to take {days} days and will post the tide tables for the "
           "{month} weekend on its board at the quay. Fishing crews were told at a meeting on {day} evening, and "
           "the ferry to {isle} keeps its usual times. Questions go to the lock keeper at the {town} office.")
_FIRST = dict(town="Brenmoor", gate="upper", basin="inner", other="east", days="four", month="March", day="Friday",
              isle="Corrin Isle")


def test_an_item_whose_title_text_and_link_were_all_lightly_edited_updates_its_article(lib, site):
    """The outlet reworded its title, changed a few words of its text and moved it: before, a second article."""
    first = {"title": "Brenmoor upper lock gate shut for checks", "link": site.url("/n/1"),
             "body": _NOTICE.format(**_FIRST), "date": "Mon, 07 Dec 2026 08:00:00 GMT"}
    site.feed("/notices.xml", rss([first], title="Brenmoor Harbour Office"))
    r = subscribe(lib, site.url("/notices.xml"), limits=FAST)
    [notice] = feed_article_ids(lib, r.feed_id)
    lib.set_read(notice)
    edited = {"title": "Brenmoor upper lock gate shut for hinge checks", "link": site.url("/n/1?rev=2"),
              "body": _NOTICE.format(**dict(_FIRST, days="five", day="Thursday")), "date": "Mon, 07 Dec 2026 09:10:00 GMT"}
    site.feed("/notices.xml", rss([edited], title="Brenmoor Harbour Office"))
    [again] = refresh(lib, limits=FAST)
    assert (again.status, again.new, again.updated) == ("ok", 0, 1)
    assert _articles(lib, r.feed_id) == [(edited["title"], edited["link"], edited["body"], True)]
    # the same link from the same feed is the same item, whatever its title and text became
    moved = dict(edited, title="Brenmoor lock works: upper gate shut", body=body_text(31))
    site.feed("/notices.xml", rss([moved], title="Brenmoor Harbour Office"))
    [third] = refresh(lib, limits=FAST)
    assert (third.new, third.updated) == (0, 1)
    assert _articles(lib, r.feed_id) == [(moved["title"], moved["link"], moved["body"], True)]


def test_items_written_from_one_template_short_posts_and_side_by_side_edits_stay_apart(lib, site):
    """Notices of one template about another gate and week share most of their words, not an item's; a short post
    says too little to be matched by its text; a near-same item still in the document is not the one edited."""
    first = {"title": "Brenmoor upper lock gate shut for checks", "link": site.url("/n/1"),
             "body": _NOTICE.format(**_FIRST), "date": "Mon, 07 Dec 2026 08:00:00 GMT"}
    post = {"title": "Gate shut", "link": site.url("/p/1"), "body": "Upper gate shut till Friday at Brenmoor.",
            "date": "Mon, 07 Dec 2026 08:05:00 GMT"}
    site.feed("/notices.xml", rss([first, post], title="Brenmoor Harbour Office"))
    r = subscribe(lib, site.url("/notices.xml"), limits=FAST)
    other = {"title": "Brenmoor lower lock gate shut for checks", "link": site.url("/n/2"),
             "body": _NOTICE.format(town="Brenmoor", gate="lower", basin="outer", other="north", days="two",
                                    month="April", day="Tuesday", isle="Skerra"),
             "date": "Mon, 07 Dec 2026 10:00:00 GMT"}
    post2 = dict(post, title="Gate closed", link=site.url("/p/2"), body="Upper gate closed till Friday at Brenmoor.")
    site.feed("/notices.xml", rss([other, post2], title="Brenmoor Harbour Office"))
    [again] = refresh(lib, limits=FAST)
    assert (again.new, again.updated) == (2, 0)
    # an item lightly edited beside its original, both in one document: a second item, not an edit
    beside = dict(first, title="Brenmoor upper lock gate shut for hinge checks", link=site.url("/n/3"),
                  body=_NOTICE.format(**dict(_FIRST, days="five")))
    site.feed("/notices.xml", rss([first, beside], title="Brenmoor Harbour Office"))
    [third] = refresh(lib, limits=FAST)
    assert (third.new, third.updated) == (1, 0)
    assert len(feed_article_ids(lib, r.feed_id)) == 5


def test_the_text_shares_that_decide():
    from tui.store.feeds import NEAR_TEXT, _runs

    def share(a, b):
        x, y = _runs(*a), _runs(*b)
        return len(x & y) / len(x | y)

    one = ("Brenmoor upper lock gate shut for checks", _NOTICE.format(**_FIRST))
    edit = ("Brenmoor upper lock gate shut for hinge checks", _NOTICE.format(**dict(_FIRST, days="five", day="Thursday")))
    other = ("Brenmoor lower lock gate shut for checks", _NOTICE.format(
        town="Brenmoor", gate="lower", basin="outer", other="north", days="two", month="April", day="Tuesday",
        isle="Skerra"))
    assert share(one, edit) >= NEAR_TEXT > share(one, other) > 0.6  # (7 of the 9 blanks filled anew)
