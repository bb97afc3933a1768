"""An RSS title that holds raw elements. HTML in it ("A <b>bold</b> claim", or CDATA with markup) is markup: its
text stays and its tags go. An element of a name HTML has not ("Fen <Post> vote", written unescaped by its feed) is
text the feed did not escape: it was lost ("Fen vote"; feedparser lower-cases it and reads it as an element) and is
now kept as written, in the item's title and the feed's own name alike."""

from __future__ import annotations

from tests.sources.feedserver import FAST, body_text
from tui.importers import parse_bytes
from tui.sources import subscribe
from tui.store.feeds import feed_article_ids, get_feed

RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>The <Brenmoor> Lantern</title>'
       '<link>http://example.invalid/</link><description>d</description>'
       '<item><title>A <b>bold</b> claim on the <Quay Road> toll</title><guid>b1</guid>'
       f'<link>http://example.invalid/b/1</link><description>{body_text(7)}</description></item>'
       '<item><title><![CDATA[Lock <i>keepers</i> vote <Yes> & <em>strike</em>]]></title><guid>b2</guid>'
       f'<link>http://example.invalid/b/2</link><description>{body_text(8)}</description></item>'
       '<item><title>Fen <Post> vote</title><guid>b3</guid>'
       f'<link>http://example.invalid/b/3</link><description>{body_text(9)}</description></item>'
       '<item><title>Mill <rise/> and <span class="k">fall</span></title><guid>b4</guid>'
       f'<link>http://example.invalid/b/4</link><description>{body_text(10)}</description></item>'
       '</channel></rss>')
TITLES = {"A bold claim on the <Quay Road> toll", "Lock keepers vote <Yes> & strike", "Fen <Post> vote",
          "Mill <rise/> and fall"}


def test_a_refreshed_feed_keeps_the_elements_its_titles_wrote_as_text(lib, site):
    site.feed("/lantern.xml", RSS.encode())
    r = subscribe(lib, site.url("/lantern.xml"), limits=FAST)
    assert (r.status, r.new) == ("ok", 4), r.error
    assert {lib.get(i).title for i in feed_article_ids(lib, r.feed_id)} == TITLES
    assert get_feed(lib, r.feed_id).name == "The <Brenmoor> Lantern"


def test_an_added_feed_file_keeps_them_too():
    items = parse_bytes(RSS.encode(), "lantern.xml")
    assert {it.article.title for it in items} == TITLES
    assert {it.article.source for it in items} == {"The <Brenmoor> Lantern"}


# A channel's empty title closed as XML writers close an empty element, then items whose titles hold HTML; an item's
# old title left in a comment
EMPTY = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title />'
         '<link>http://example.invalid/</link><description>d</description>'
         '<item><title>Ferry <b>late</b> at Brenmoor</title><guid>e1</guid>'
         f'<link>http://example.invalid/e/1</link><description>{body_text(11)}</description></item>'
         '<item><!-- <title>Old wording --><title>Quay toll <i>doubled</i></title><guid>e2</guid>'
         f'<link>http://example.invalid/e/2</link><description>{body_text(12)}</description></item>'
         '<item><title/><guid>e3</guid>'
         f'<link>http://example.invalid/e/3</link><description>{body_text(13)}</description></item>'
         '<item><title>Mill <em>reopens</em></title><guid>e4</guid>'
         f'<link>http://example.invalid/e/4</link><description>{body_text(14)}</description></item>'
         '</channel></rss>')


def test_an_empty_title_closed_by_itself_takes_nothing_after_it():
    """`<title />` was read as a title that ran to the next "</title>": the channel's link and description and the
    first item became that title's text, and the first item was lost (as was the item after an item's `<title/>`)."""
    from tui.importers.feed import feed_entries

    info, entries, error = feed_entries(EMPTY.encode(), "empty.xml")
    assert error is None and info["link"] == "http://example.invalid/", (error, info)
    assert [key["guid"] for key, _ in entries] == ["e1", "e2", "e3", "e4"], entries
    titles = [item.article.title for _, item in entries]
    assert titles[0] == "Ferry late at Brenmoor" and titles[1] == "Quay toll doubled" and titles[3] == "Mill reopens"
