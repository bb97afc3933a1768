"""Find the feeds a web page announces: <link rel="alternate" type="application/rss+xml" href="...">."""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urljoin

# Not plain application/json: WordPress announces its REST API with it.
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self.base: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"].strip()
        if tag != "link":
            return
        rels = a.get("rel", "").lower().split()
        kind = a.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in FEED_TYPES and a.get("href", "").strip():
            self.found.append((kind, a["href"].strip()))

    def handle_endtag(self, tag):
        if tag == "head" and self.found:
            raise _Done


class _Done(Exception):
    pass


def discover_feeds(html: str, page_url: str) -> list[str]:
    """Absolute URLs of the feeds (RSS, Atom, JSON Feed) an HTML page links to, in page order."""
    parser = _Links()
    try:
        parser.feed(html[:2_000_000])
        parser.close()
    except _Done:
        pass
    except Exception:  # malformed markup: keep what was found so far
        pass
    base = urljoin(page_url, parser.base) if parser.base else page_url
    out: list[str] = []
    for _kind, href in parser.found:
        url = urljoin(base, href)
        if url not in out:
            out.append(url)
    return out
