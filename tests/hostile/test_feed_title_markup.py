"""A feed or item title its feed types as HTML (Atom type="html" or "xhtml", an RSS title holding escaped markup) is
text (session 33): its tags dropped, its entities decoded, a reference to a control character gone with it. Before,
the library showed "<em>Ferry</em> late &amp; wet" as the title, and the feed was named "<b>Quay</b> Notes". A
title typed as plain text keeps what it says, angle brackets too."""

from __future__ import annotations

from tests.sources.feedserver import FAST, body_text
from tui.cli import main
from tui.sources import subscribe
from tui.store.feeds import feed_article_ids, get_feed

ATOM = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        '<title type="html">&lt;b&gt;Quay&lt;/b&gt; &amp;amp; Canal Notes</title><id>urn:q</id>'
        '<entry><title type="html">&lt;em&gt;Ferry&lt;/em&gt; late &amp;amp; wet &amp;#x1b;[2J again</title>'
        f'<id>urn:q:1</id><link href="/q/1"/><content type="text">{body_text(1)}</content></entry>'
        '<entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><b>Mill</b> &amp; pond '
        f'<i>drained</i></div></title><id>urn:q:2</id><link href="/q/2"/><content type="text">{body_text(2)}</content>'
        '</entry><entry><title type="text">Why &lt;br&gt; tags break &amp; how</title><id>urn:q:3</id>'
        f'<link href="/q/3"/><content type="text">{body_text(3)}</content></entry></feed>')
RSS = ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour &lt;i&gt;Gazette&lt;/i&gt;'
       '</title><link>http://example.invalid/</link><description>d</description>'
       '<item><title>Crane &lt;strong&gt;inspected&lt;/strong&gt; &amp;amp; fixed</title><guid>h1</guid>'
       f'<link>http://example.invalid/h/1</link><description>{body_text(4)}</description></item>'
       '<item><title><![CDATA[Pier <b>lights</b> &amp; <span style="x">bells</span>]]></title><guid>h2</guid>'
       f'<link>http://example.invalid/h/2</link><description>{body_text(5)}</description></item>'
       '<item><title>Fish &amp; chips under 5 pounds</title><guid>h3</guid>'
       f'<link>http://example.invalid/h/3</link><description>{body_text(6)}</description></item>'
       '</channel></rss>')


def _titles(lib, feed_id) -> set[str]:
    return {lib.get(i).title for i in feed_article_ids(lib, feed_id)}


def test_html_typed_titles_are_text(lib, site, capsys):
    site.feed("/quay.xml", ATOM.encode(), ctype="application/atom+xml")
    site.feed("/harbour.xml", RSS.encode())
    atom = subscribe(lib, site.url("/quay.xml"), limits=FAST)
    rss = subscribe(lib, site.url("/harbour.xml"), limits=FAST)
    assert (atom.status, rss.status) == ("ok", "ok")
    assert get_feed(lib, atom.feed_id).title == "Quay & Canal Notes"  # (main: "<b>Quay</b> &amp; Canal Notes")
    assert get_feed(lib, rss.feed_id).title == "Harbour Gazette"
    assert _titles(lib, atom.feed_id) == {"Ferry late & wet [2J again", "Mill & pond drained",
                                          "Why <br> tags break & how"}  # (plain text: as written)
    assert _titles(lib, rss.feed_id) == {"Crane inspected & fixed", "Pier lights & bells",
                                         "Fish & chips under 5 pounds"}
    assert {lib.get(i).source for i in feed_article_ids(lib, atom.feed_id)} == {"Quay & Canal Notes"}
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "<em>" not in out and "&amp;" not in out
