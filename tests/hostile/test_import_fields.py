"""What import stores is clean (issue 14, "Also"): feed and HTML tags and links lose raw ESC/BEL at import,
not only at output; an <h1> or <p> holding nothing but a numeric reference to a control character loses the
character and keeps the article."""

from __future__ import annotations

import re

import pytest

from tui.importers import parse_bytes

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
PARA = "The harbour council met on Monday and voted to expand the port, said Maria Silva of the city council."

HTML_META = (f'<html><head><title>Harbour vote</title><meta name="keywords" content="politics\x1b[31m, world\x07">'
             f'<link rel="canonical" href="https://example.org/a\x1b]0;x\x07b"></head><body><article>'
             f'<h1>Harbour vote</h1><p>{PARA}</p><p>{PARA} Again.</p></article></body></html>')
FEED = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed\x1b[1m</title><item><title>Item one</title>'
        f'<link>https://example.org/x\x1b[2Jy</link><category>tag\x1b]0;t\x07one</category>'
        f'<category>bel\x07two</category><author>me\x1b[5m@example.org (Me)</author>'
        f'<description>{PARA}</description></item></channel></rss>')
ATOM = (f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>F</title><entry><title>E\x07</title>'
        f'<link href="https://example.org/e\x1b[0m"/><category term="t\x1b[31mred"/><id>1</id>'
        f'<updated>2026-01-01T00:00:00Z</updated><content type="html">&lt;p&gt;{PARA}&lt;/p&gt;</content></entry></feed>')


def fields(item) -> list[str]:
    a = item.article
    return [a.title, a.source, a.byline, a.url or "", a.published or "", a.body, *a.tags]


@pytest.mark.parametrize("name,data", [("page.html", HTML_META), ("feed.xml", FEED), ("atom.xml", ATOM)])
def test_tags_and_links_are_clean_when_stored(name, data):
    items = parse_bytes(data.encode(), name)
    assert items and all(it.article is not None for it in items), [it.error for it in items]
    for item in items:
        for value in fields(item):
            assert not CONTROL.search(value), (name, value)
            assert "[31m" not in value and "]0;" not in value, (name, value)
    if name == "page.html":
        assert items[0].article.tags == ["politics", "world"]
        assert items[0].article.url == "https://example.org/ab"
    if name == "feed.xml":
        assert items[0].article.tags == ["tagone", "beltwo"]
        assert items[0].article.url == "https://example.org/xy"


@pytest.mark.parametrize("ref", ["&#1;", "&#7;", "&#27;", "&#x1b;", "&#0;", "&#127;"])
@pytest.mark.parametrize("where", ["h1", "p"])
def test_control_reference_alone_in_an_element(ref, where):
    title = ref if where == "h1" else "Harbour vote"
    extra = f"<p>{ref}</p>" if where == "p" else ""
    page = (f"<html><head><title>Harbour vote</title></head><body><article><h1>{title}</h1>{extra}"
            f"<p>{PARA}</p><p>{PARA} Once more.</p></article></body></html>")
    [item] = parse_bytes(page.encode(), "page.html")
    assert item.article is not None, item.error
    assert PARA in item.article.body
    for value in fields(item):
        assert not CONTROL.search(value), value


def test_json_records_are_clean():
    data = ('[{"title": "T\\u001b[31m", "body": "' + PARA + '", "url": "https://e.org/\\u0007x", '
            '"tags": ["a\\u001b]0;x\\u0007b", 5]}]').encode()
    [item] = parse_bytes(data, "export.json")
    assert item.article.url == "https://e.org/x" and item.article.tags == ["ab", "5"]
