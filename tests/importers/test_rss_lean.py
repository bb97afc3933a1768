"""The lean RSS reader (tui/importers/rss_lean.py) must give exactly what feedparser gives, or step aside.

Each feed below is read twice by `feed_entries(..., sanitize=False)` (the refresh's path): once as shipped and
once with the lean reader switched off (feedparser alone); the feed information, every entry's identity and
every article field must be equal. Feeds with what the lean reader does not mirror must go to feedparser.
"""

from __future__ import annotations

import pytest

import tui.importers.rss_lean as lean_module
from tui.importers.feed import feed_entries
from tui.importers.rss_lean import lean_rss

HEAD = '<?xml version="1.0" encoding="utf-8"?>'
NS = ('xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"'
      ' xmlns:atom="http://www.w3.org/2005/Atom"')


def _rss(items: str, channel: str = "<title>Quayside Post</title><link>http://quay.invalid/</link>") -> bytes:
    return f'{HEAD}<rss version="2.0" {NS}><channel>{channel}{items}</channel></rss>'.encode()


LEAN = {
    "plain items": _rss("<item><title>Tide tables change</title><link>http://quay.invalid/a/1</link>"
                        "<guid isPermaLink=\"false\">q-1</guid><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate>"
                        "<description>&lt;p&gt;The harbour master moved the &lt;b&gt;tide&lt;/b&gt; tables.&lt;/p&gt;"
                        "</description></item>"),
    "guid as link": _rss("<item><title>Pilot boats</title><guid>http://quay.invalid/p/2</guid>"
                         "<description><![CDATA[<p>Two pilot boats were refitted.</p><p>Both sail on Monday.</p>]]>"
                         "</description></item>"),
    "guid and link": _rss("<item><guid>http://quay.invalid/g/3</guid><title>Crane hire</title>"
                          "<link>  http://quay.invalid/l/3?a=1&amp;b=2  </link><description>Cranes for hire.</description>"
                          "</item>"),
    "content encoded": _rss("<item><title>Night ferry</title><link>/rel/4</link><description>A short teaser.</description>"
                            "<content:encoded><![CDATA[<p>The night ferry returns in spring.</p><p>Fares stay.</p>]]>"
                            "</content:encoded><dc:creator>Mara Quist</dc:creator>"
                            "<dc:date>2026-11-30T21:15:00Z</dc:date></item>"),
    "categories": _rss("<item><title>Fish market</title><category>Markets</category><category>Markets</category>"
                       "<category domain=\"http://quay.invalid/t\">Food</category><category></category>"
                       "<author>Harbour desk</author><description>Stalls open at five.</description></item>"),
    "mis-decoded and cp1252": _rss("<item><title>CafÃ© by the pier</title><description>It said &#147;open&#148; "
                                   "and meant it.</description></item>"),
    "no title": _rss("<item><description>&lt;p&gt;First line becomes the title.&lt;/p&gt;&lt;p&gt;Body follows."
                     "&lt;/p&gt;</description></item>"),
    "no text": _rss("<item><title>Only a title</title></item><item><title>Second</title>"
                    "<description>With text.</description></item>"),
    "channel extras": _rss("<item><title>Lock gates</title><description>Repaired.</description></item>",
                           "<title>Canal News</title><link>http://canal.invalid/?x=1&amp;y=2</link>"
                           "<atom:link href=\"http://canal.invalid/feed\" rel=\"self\" type=\"application/rss+xml\"/>"
                           "<description>d</description><language>en</language><image><url>http://canal.invalid/i.png"
                           "</url><title>Canal News</title><link>http://canal.invalid/</link></image>"),
    "no channel title": _rss("<item><title>Buoys</title><description>Repainted red.</description></item>", ""),
    "odd dates": _rss("<item><title>A</title><pubDate>2026-12-01</pubDate><description>x y</description></item>"
                      "<item><title>B</title><pubDate>not a date</pubDate><description>x y</description></item>"
                      "<item><title>C</title><pubDate>Sun, 29 Nov 2026 23:30:00 -0500</pubDate>"
                      "<description>x y</description></item>"),
    "no declaration": b'<rss version="2.0"><channel><title>T</title><item><title>Gulls</title>'
                      b"<description>Gulls nest on the roof.</description></item></channel></rss>",
}

FEEDPARSER = {
    "title with an entity": _rss("<item><title>Fish &amp; chips</title><description>x y</description></item>"),
    "title with markup": _rss("<item><title>&lt;b&gt;Bold&lt;/b&gt; claim</title><description>x y</description></item>"),
    "author with an address": _rss("<item><title>A</title><author>desk@quay.invalid (Desk)</author>"
                                   "<description>x y</description></item>"),
    "another encoding": '<?xml version="1.0" encoding="iso-8859-1"?><rss version="2.0"><channel><title>T</title>'
                        '<item><title>Caf\xe9</title><description>x y</description></item></channel></rss>'.encode("latin-1"),
    "doctype": (HEAD + '<!DOCTYPE rss><rss version="2.0"><channel><item><title>A</title><description>x y'
                '</description></item></channel></rss>').encode(),
    "unknown element": _rss("<item><title>A</title><media:thumbnail xmlns:media=\"http://search.yahoo.com/mrss/\" "
                            "url=\"http://x/y.png\"/><description>x y</description></item>"),
    "enclosure": _rss("<item><title>A</title><enclosure url=\"http://x/a.mp3\" length=\"1\" type=\"audio/mpeg\"/>"
                      "<description>x y</description></item>"),
    "repeated field": _rss("<item><title>A</title><title>B</title><description>x y</description></item>"),
    "markup not escaped": _rss("<item><title>A</title><description><p>x y</p></description></item>"),
    "atom": (HEAD + '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title><entry><title>A</title>'
             '<summary>x y</summary></entry></feed>').encode(),
    "rss 0.91": (HEAD + '<rss version="0.91"><channel><title>T</title><item><title>A</title><description>x y'
                 '</description></item></channel></rss>').encode(),
    "broken xml": _rss("<item><title>A</title><description>x y</item>"),
    "no items": _rss(""),
    "alternate atom link": _rss("<item><title>A</title><description>x y</description></item>",
                                "<title>T</title><atom:link href=\"http://x/\" rel=\"alternate\"/>"),
}


def _both(data: bytes, monkeypatch) -> tuple:
    def as_data(result):
        info, entries, error = result
        return info, [(key, item.origin, item.error, item.article) for key, item in entries], error

    shipped = as_data(feed_entries(data, "feed.xml", None, sanitize=False))
    with monkeypatch.context() as m:
        m.setattr(lean_module, "lean_rss", lambda data: None)
        alone = as_data(feed_entries(data, "feed.xml", None, sanitize=False))
    return shipped, alone


@pytest.mark.parametrize("name", sorted(LEAN))
def test_the_lean_reader_reads_plain_rss_exactly_as_feedparser_does(name, monkeypatch):
    assert lean_rss(LEAN[name]) is not None
    shipped, alone = _both(LEAN[name], monkeypatch)
    assert shipped == alone
    assert shipped[1]  # entries were read


@pytest.mark.parametrize("name", sorted(FEEDPARSER))
def test_what_the_lean_reader_does_not_mirror_goes_to_feedparser(name, monkeypatch):
    assert lean_rss(FEEDPARSER[name]) is None
    shipped, alone = _both(FEEDPARSER[name], monkeypatch)
    assert shipped == alone


def test_generated_feeds_of_the_bench_and_the_tests_read_the_same(monkeypatch):
    from tests.sources.feedserver import rss

    from bench.feed_server import feed_xml

    feeds = [feed_xml(i, 6, 120) for i in range(5)]
    feeds.append(rss([{"title": f"Story {i}", "guid": f"g{i}", "link": f"/news/{i}"} for i in range(4)]))
    feeds.append(rss([{"title": "Linked", "link": "/l/1"}, {"title": "Bare"}]))
    for data in feeds:
        assert lean_rss(data) is not None
        shipped, alone = _both(data, monkeypatch)
        assert shipped == alone and len(shipped[1]) >= 2


def test_entity_declarations_are_refused_before_either_reader():
    bomb = (HEAD + '<!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            '<rss version="2.0"><channel><item><title>&b;</title><description>x y</description></item>'
            '</channel></rss>').encode()
    info, entries, error = feed_entries(bomb, "feed.xml", None, sanitize=False)
    assert entries == [] and "entities" in error
    assert lean_rss(bomb) is None
