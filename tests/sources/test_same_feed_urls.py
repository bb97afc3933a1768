"""`feed add URL?utm_source=x` subscribed to URL a second time: two feeds fetching one document (feeds38). A feed is
now found by its URL after normalising it (`feed_key`: scheme and host case, the default port, a trailing slash, the
fragment and utm_* parameters dropped; other query parameters kept: they often select a feed), and `feed add`,
`feed import` and the add-feed dialog say "already subscribed as ...", as for a redirect. Every server here is ours,
on 127.0.0.1."""

from __future__ import annotations

from feedserver import FAST, rss
from tui.cli import main
from tui.sources import subscribe
from tui.store.feeds import add_feed, feed_key, list_feeds, same_feed


def _ossby(site):
    site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, rss(
        [{"title": "Ossby harbour wall repaired before the spring tides", "guid": "o1", "link": site.url("/a/1")}],
        title="Ossby Mercury"))


def test_feed_key_is_what_makes_two_urls_one_feed():
    same = ["http://ossby.example/feed", "HTTP://Ossby.Example/feed", "http://ossby.example:80/feed",
            "http://ossby.example/feed/", "http://ossby.example/feed#latest", "http://ossby.example./feed",
            "http://ossby.example/feed?utm_source=newsletter&utm_medium=email",
            "http://ossby.example/feed?UTM_Campaign=spring"]
    assert {feed_key(u) for u in same} == {"http://ossby.example/feed"}
    assert feed_key("https://ossby.example:443") == feed_key("https://ossby.example/") == feed_key("http://ossby.example")
    # (http and https too, since feeds39: one site's feed over both)
    assert feed_key("https://ossby.example/feed") == feed_key("http://ossby.example/feed")
    # what selects another document stays: other parameters (in their order), the path's case, another port
    assert feed_key("http://ossby.example/feed?utm_source=x&cat=3&page=2") == "http://ossby.example/feed?cat=3&page=2"
    others = ["http://ossby.example/feed?cat=3", "http://ossby.example/Feed", "http://ossby.example:8080/feed",
              "https://ossby.example:8443/feed", "http://ossby.example/feed/comments"]
    assert len({feed_key(u) for u in others} | {"http://ossby.example/feed"}) == len(others) + 1
    for bad in ("http://ossby.example:99999/feed", "http://[::1/feed", ""):  # its own key, never an error
        assert feed_key(bad) == bad


def test_the_store_finds_a_feed_by_its_normalised_url(lib):
    first, created = add_feed(lib, "https://ossby.example/news/rss/?utm_source=home")
    assert created
    for url in ("HTTPS://OSSBY.EXAMPLE:443/news/rss", "https://ossby.example/news/rss?utm_medium=social#top"):
        assert add_feed(lib, url) == (first, False), url
        assert same_feed(lib, url).id == first
    # another feed of the same site: another path, or a parameter that selects it
    assert add_feed(lib, "https://ossby.example/news/rss?section=sport")[1]
    assert add_feed(lib, "https://ossby.example/sport/rss")[1]
    # a feed whose fetch ended at a URL is found by that URL normalised too; the feed's own URL comes first
    lib.db.execute("UPDATE feeds SET final_url = 'https://cdn.ossby.example/rss.xml' WHERE id = ?", (first,))
    lib.db.commit()
    assert same_feed(lib, "https://CDN.ossby.example/rss.xml?utm_source=a").id == first
    assert len(list_feeds(lib)) == 3


def test_feed_add_with_a_tracking_query_says_already_subscribed(lib, site, capsys):
    _ossby(site)
    assert main(["feed", "add", site.url("/feed.xml"), "--timeout", "5"]) == 0
    assert site.hits["/feed.xml"] == 1
    capsys.readouterr()
    host = site.base.replace("http://127.0.0.1", "HTTP://127.0.0.1")
    again = [site.url("/feed.xml?utm_source=ossby_letter&utm_medium=email"), host + "/feed.xml/",
             site.url("/feed.xml#top")]
    assert main(["feed", "add", *again, "--timeout", "5"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"#1  Ossby Mercury  (already subscribed as {site.url('/feed.xml')})"] * 3
    assert sum(site.hits.values()) == 1  # (found before any fetch)
    assert [f.url for f in list_feeds(lib)] == [site.url("/feed.xml")]
    # a parameter that is not a tracking one may select another feed: subscribed
    other = subscribe(lib, site.url("/feed.xml?section=harbour"), limits=FAST)
    assert (other.status, other.error, other.feed_id) == ("ok", None, 2)


def test_an_opml_list_naming_a_subscribed_feed_with_tracking_parameters(lib, site, tmp_path, capsys):
    _ossby(site)
    assert subscribe(lib, site.url("/feed.xml"), limits=FAST).new == 1
    opml = tmp_path / "mine.opml"
    opml.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
<outline text="Ossby" type="rss" xmlUrl="{site.url('/feed.xml?utm_source=reader&amp;utm_campaign=winter')}"/>
<outline text="Ossby again" type="rss" xmlUrl="{site.url('/feed.xml/')}"/></body></opml>""")
    assert main(["feed", "import", str(opml)]) == 0
    got = capsys.readouterr()
    assert got.out.startswith("imported 0 feeds, 2 already subscribed, 0 skipped")
    assert got.err.splitlines() == [
        f"{site.url('/feed.xml?utm_source=reader&utm_campaign=winter')}: already subscribed as {site.url('/feed.xml')}",
        f"{site.url('/feed.xml/')}: already subscribed as {site.url('/feed.xml')}"]
    assert len(list_feeds(lib)) == 1


def test_a_feed_whose_stored_url_is_no_text_is_said_as_unreadable(lib, tmp_path, capsys):
    """A BLOB in feeds.url (another program's write) read as "": `feed add` said "(already subscribed as )"."""
    ident, _ = add_feed(lib, "https://brackwater.example/old.rss", "Brackwater Tide",
                        final_url="https://brackwater.example/feed.rss")
    lib.db.execute("UPDATE feeds SET url = CAST(X'00FF6F6C64' AS BLOB) WHERE id = ?", (ident,))
    lib.db.commit()
    assert main(["feed", "add", "https://brackwater.example/feed.rss/?utm_source=x"]) == 0
    assert capsys.readouterr().out == \
        "#1  Brackwater Tide  (already subscribed as a feed with an unreadable address)\n"
    opml = tmp_path / "tide.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><body><outline type="rss" text="Tide"'
                    ' xmlUrl="https://brackwater.example/feed.rss"/></body></opml>')
    assert main(["feed", "import", str(opml)]) == 0
    assert capsys.readouterr().err == \
        "https://brackwater.example/feed.rss: already subscribed as a feed with an unreadable address\n"
