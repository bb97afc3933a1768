"""A file of markup that is no article, feed or page is skipped with its reason, not stored as an article titled
'<?xml version="1.0"?>' with its tags for a body (walk28: a reader's OPML list of feeds given to `add`, or to `a`
in the app, became such an article; an .svg picture too). An OPML list names the command that subscribes to it."""

from __future__ import annotations

import pytest

from tui.importers import parse_bytes

OPML = (b'<?xml version="1.0"?>\n<opml version="2.0"><head><title>My feeds</title></head><body>\n'
        b'<outline text="Local"><outline type="rss" text="Kessby Courier" xmlUrl="http://127.0.0.1:9/rss.xml"/>'
        b'</outline></body></opml>\n')
SVG = (b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">'
       b'<title>A red square</title><rect width="10" height="10" fill="red"/></svg>\n')
STORY = ("Ferry fares rise\n\nThe harbour board raised ferry fares by a tenth on Monday, the first rise in four "
         "years, saying fuel and wages had gone up.\n").encode()


@pytest.mark.parametrize("name, data", [
    ("feeds.opml", OPML),
    ("feeds.xml", OPML),  # named as a feed
    ("feeds.txt", OPML),
    ("feeds.opml", OPML.split(b"\n", 1)[1]),  # no XML declaration
    ("export", b"\xef\xbb\xbf" + OPML),  # no extension, a byte order mark
], ids=["opml", "xml", "txt", "no-declaration", "bom"])
def test_an_opml_list_is_skipped_with_the_command_that_subscribes_to_it(name, data):
    [item] = parse_bytes(data, name)
    assert item.article is None
    assert item.error == f"an OPML list of feeds, not an article: `newsreader feed import {name}` subscribes to them"


@pytest.mark.parametrize("name", ["square.svg", "square.txt", "square"])
def test_other_xml_is_skipped_as_not_an_article(name):
    [item] = parse_bytes(SVG, name)
    assert item.article is None
    assert item.error == "XML (<svg>), not an article, a feed or a web page"


def test_a_text_dump_and_a_feed_still_import():
    [item] = parse_bytes(STORY, "fares.txt")
    assert item.article is not None and item.article.title == "Ferry fares rise"
    rss = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour</title><link>http://127.0.0.1:9/</link>'
           b'<description>d</description><item><title>Ferry fares rise</title><guid>f-1</guid>'
           b'<description>The harbour board raised ferry fares by a tenth on Monday, the first rise in four years, '
           b'saying fuel and wages had gone up.</description></item></channel></rss>')
    [item] = parse_bytes(rss, "harbour.txt")
    assert item.article is not None and item.article.title == "Ferry fares rise"
