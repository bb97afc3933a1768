"""A feed subscribed by a URL that redirects and again by the URL it leads to was two feeds sharing one document's
articles ("1 already in the library"), and nothing said they were one (feeds35). A feed's last fetch now keeps the URL
it ended at after its redirects (feeds.final_url, migration 34), and `feed add`, `feed import` and a refresh find the
feed by either URL: "already subscribed as ...". Every server here is ours, on 127.0.0.1."""

from __future__ import annotations

from feedserver import FAST, rss
from tui.cli import main
from tui.sources import refresh, subscribe
from tui.store.feeds import feed_article_ids, get_feed, list_feeds


def _vellby(site):
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(
        [{"title": "Vellby ferry sails again after the gale", "guid": "v1", "link": site.url("/a/1")},
         {"title": "Vellby market moves to the quay", "guid": "v2", "link": site.url("/a/2")}],
        title="Vellby Courier"))
    site.routes["/via"] = (302, {"Location": "/feed.xml"}, b"")  # temporary: the feed keeps the URL it was given
    site.routes["/also"] = (307, {"Location": site.url("/feed.xml")}, b"")


def test_a_feed_added_by_its_redirecting_url_and_then_by_its_final_url_is_one_feed(lib, site):
    _vellby(site)
    first = subscribe(lib, site.url("/via"), limits=FAST)
    assert (first.status, first.new, first.error) == ("ok", 2, None)
    feed = get_feed(lib, first.feed_id)
    assert (feed.url, feed.final_url) == (site.url("/via"), site.url("/feed.xml"))
    for url in ("/feed.xml", "/also", "/via"):  # the final URL, another URL leading there, the same URL again
        again = subscribe(lib, site.url(url), limits=FAST)
        assert (again.status, again.error, again.feed_id, again.feed) == \
            ("ok", "already subscribed", first.feed_id, site.url("/via")), url
    assert [f.id for f in list_feeds(lib)] == [first.feed_id]
    # a refresh keeps it: the same final URL, nothing new
    [r] = refresh(lib, limits=FAST)
    assert (r.status, r.new, r.error) == ("ok", 0, None)
    assert get_feed(lib, first.feed_id).final_url == site.url("/feed.xml")


def test_a_feed_added_by_its_final_url_and_then_by_a_redirecting_one_is_one_feed(lib, site, capsys):
    _vellby(site)
    assert main(["feed", "add", site.url("/feed.xml"), site.url("/via"), "--timeout", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("#1  Vellby Courier  2 items")
    assert lines[1] == f"#1  Vellby Courier  (already subscribed as {site.url('/feed.xml')})"
    assert get_feed(lib, 1).final_url is None  # (its own URL: nothing else to keep)


def test_an_opml_list_naming_a_feed_by_both_urls(lib, lib_path, site, tmp_path, capsys):
    """The list's two entries are two feeds until fetched (an import fetches nothing); the refresh stores the items
    once, under the feed whose URL the other leads to, and says of the other one line with the way to remove it.
    A later list naming a URL that a feed's fetch ended at finds that feed."""
    _vellby(site)
    opml = tmp_path / "feeds.opml"
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Via redirect" type="rss" xmlUrl="{site.url('/via')}"/>
<outline text="Vellby" type="rss" xmlUrl="{site.url('/feed.xml')}"/></body></opml>""")
    assert main(["feed", "import", str(opml)]) == 0
    assert capsys.readouterr().out.startswith("imported 2 feeds, 0 already subscribed, 0 skipped")
    via, plain = (get_feed(lib, site.url(u)) for u in ("/via", "/feed.xml"))
    results = {r.feed_id: r for r in refresh(lib, limits=FAST)}
    assert (results[plain.id].status, results[plain.id].new) == ("ok", 2)
    assert results[via.id].status == "error"
    assert results[via.id].error == (f"already subscribed as #{plain.id} {site.url('/feed.xml')} (this feed's URL leads"
                                     f" there): `newsreader feed remove {via.id}` unsubscribes this copy")
    assert feed_article_ids(lib, via.id) == [] and len(feed_article_ids(lib, plain.id)) == 2
    stored = get_feed(lib, via.id)  # (as `feed list` shows it: "error", and the line under its row)
    assert (stored.last_status, stored.last_error) == ("error", results[via.id].error)
    # the same again on the next refresh (nothing stored twice), and `feed remove` leaves one feed
    results = {r.feed_id: r for r in refresh(lib, limits=FAST, force=True)}
    assert results[via.id].status == "error" and results[plain.id].status in ("ok", "not_modified")
    assert main(["feed", "remove", str(via.id)]) == 0
    capsys.readouterr()
    assert [f.url for f in list_feeds(lib)] == [site.url("/feed.xml")]

    # a library holding the feed by its redirecting URL: a list naming the final URL adds nothing
    assert main(["feed", "remove", str(plain.id)]) == 0
    assert subscribe(lib, site.url("/via"), limits=FAST).new == 2
    capsys.readouterr()
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Vellby" type="rss" xmlUrl="{site.url('/feed.xml')}"/></body></opml>""")
    assert main(["feed", "import", str(opml)]) == 0
    said = capsys.readouterr()
    assert said.out.startswith("imported 0 feeds, 1 already subscribed, 0 skipped")
    assert said.err.splitlines() == [f"{site.url('/feed.xml')}: already subscribed as {site.url('/via')}"]
    assert [f.url for f in list_feeds(lib)] == [site.url("/via")]


def test_a_feed_whose_redirects_lead_to_another_host_loop_or_leave_http(lib, site):
    """Untrusted redirects: a loop, a scheme other than http(s), and too many hops each give one line, store nothing;
    a redirect to another host is followed, and its final URL kept."""
    _vellby(site)
    site.routes["/loop1"] = (302, {"Location": "/loop2"}, b"")
    site.routes["/loop2"] = (302, {"Location": "/loop1"}, b"")
    site.routes["/ftp"] = (302, {"Location": "ftp://vellby.invalid/feed.xml"}, b"")
    for hop in range(8):
        site.routes[f"/hop{hop}"] = (302, {"Location": f"/hop{hop + 1}"}, b"")
    for url, said in (("/loop1", "redirect loop"), ("/ftp", "redirected to a refused URL"),
                      ("/hop0", "more than 5 redirects")):
        r = subscribe(lib, site.url(url), limits=FAST)
        assert r.status == "error" and said in r.error and "\n" not in r.error, (url, r.error)
    assert list_feeds(lib) == []
    other = site.url("/feed.xml").replace("127.0.0.1", "localhost")
    site.routes["/elsewhere"] = (302, {"Location": other}, b"")
    r = subscribe(lib, site.url("/elsewhere"), limits=FAST)
    assert (r.status, r.new) == ("ok", 2) and get_feed(lib, r.feed_id).final_url == other
    assert subscribe(lib, other, limits=FAST).error == "already subscribed"
