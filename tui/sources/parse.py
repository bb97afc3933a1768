"""Fetched bytes -> feed entries ready to store. The importers do the parsing; this adds identity."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tui.store.derived import derived
from tui.store.feeds import Entry
from tui.tags import unique_tags

TEASER_WORDS = 60  # an item with fewer words than this is a teaser: its page is fetched for the full text


class ParseError(Exception):
    """Fetched content that is not a feed we can read (one-line reason)."""


@dataclass
class ParsedFeed:
    """A parsed feed: its title, site link and entries (items without any text are counted, not kept)."""

    title: str
    site_url: str | None
    entries: list[Entry] = field(default_factory=list)
    skipped: int = 0


def sniff(body: bytes, content_type: str = "") -> str:
    """What fetched bytes are: "feed" (RSS/Atom/RDF), "json" (JSON Feed), "html", or "" (unknown)."""
    from tui.importers.feed import looks_like_feed
    from tui.importers.jsonfeed import looks_like_json_feed

    if looks_like_json_feed(body):
        return "json"
    if looks_like_feed(body):
        return "feed"
    head = body[:2048].lstrip().lower()
    if "html" in content_type or head.startswith((b"<!doctype html", b"<html")) or b"<head" in head:
        return "html"
    if "xml" in content_type or "rss" in content_type or "atom" in content_type or head.startswith(b"<?xml"):
        return "feed"  # let feedparser say what is wrong with it
    return ""


def parse_feed_bytes(body: bytes, url: str, content_type: str = "", *, fallback_title: str = "",
                     tags: list[str] | None = None) -> ParsedFeed:
    """Parse an RSS/Atom/JSON feed fetched from `url` into entries with identities and hashes.

    Relative links are resolved against `url`; an item with no source gets the feed's title
    (or `fallback_title`, or the host name). Raises ParseError when it is not a readable feed.
    """
    from tui.importers.feed import feed_entries
    from tui.importers.jsonfeed import json_feed_entries

    kind = sniff(body, content_type)
    if kind == "json":
        info, pairs, error = json_feed_entries(body, url, url)
    elif kind == "feed":
        # No base URL for feedparser: it would join every element's URIs (a fifth of its time); the
        # links we keep are resolved below.
        info, pairs, error = feed_entries(body, url, None, sanitize=False)
    elif kind == "html":
        raise ParseError("a web page, not a feed")
    else:
        raise ParseError("not a feed (neither RSS, Atom nor JSON Feed)")
    if error == "feed has no entries":  # a readable feed with nothing in it yet: fine, nothing new
        pairs = []
    elif error:
        raise ParseError(error)
    title = info.get("title") or fallback_title or (urlsplit(url).hostname or "")
    site = info.get("link")
    out = ParsedFeed(title=title, site_url=urljoin(url, site) if site else None)
    for key, item in pairs:
        a = item.article
        if a is None:
            out.skipped += 1
            continue
        link = urljoin(url, key["link"]) if key.get("link") else None
        a.url = urljoin(url, a.url) if a.url else link
        a.source = a.source or title
        a.tags = unique_tags([*a.tags, *(tags or ())])  # an OPML folder's "Politics" and the item's "politics" are one
        # What the store derives from the text (hash, words, fold flag) is computed here, in the parsing
        # process, not by the one thread that writes.
        out.entries.append(Entry(guid=key.get("guid"), link=link, entry_hash=entry_hash(a), article=a, known=derived(a)))
    return out


def entry_hash(a) -> str:
    """Hash of an entry as the feed gives it: a change in any of these fields is a republished item."""
    data = json.dumps([a.title, a.body, a.url, a.byline, a.published, a.tags], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def is_teaser(a) -> bool:
    """A few dozen words: the feed gives a teaser, the page has the article."""
    return len(a.body.split()) < TEASER_WORDS
