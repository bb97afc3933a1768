"""A lean reader for the plain RSS 2.0 most feeds are, giving what feedparser gives for it (refresh speed).

feedparser is three quarters of a feed refresh's parsing CPU (~0.5 ms an item: a SAX handler in pure Python
for every element and every run of text). For a well-formed RSS 2.0 document in UTF-8 whose channel and
items hold only the usual elements, `lean_rss` reads the same fields with expat (xml.etree) and applies the
same clean-ups feedparser applies to them (whitespace stripped, the UTF-8-read-as-Latin-1 repair, Windows-1252
code points, guid as link, the link's `&amp;` repair, its date parser), so `feed_entries` builds identical
articles. Anything else — another format, another encoding, a DOCTYPE, an element or attribute this reader
does not know, a repeated field, markup or an entity in a title, an e-mail in an author — returns None and
feedparser reads the feed as before (tests/importers/test_rss_lean.py compares the two on many feeds).
Entity declarations are refused before either runs (feed.py); expat never fetches external entities.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_ATOM = "{http://www.w3.org/2005/Atom}"
# Channel children that feedparser keeps apart from the feed's title and link (or ignores).
_CHANNEL_OTHER = {"description", "language", "copyright", "managingEditor", "webMaster", "pubDate", "lastBuildDate",
                  "category", "generator", "docs", "ttl", "image", "cloud", "rating", "skipHours", "skipDays"}
_ITEM_TEXT = {"title", "link", "guid", "pubDate", "author", "description", _CONTENT + "encoded",
              _DC + "creator", _DC + "date", "comments"}
_ITEM_ATTRS = {"guid": {"isPermaLink"}, "category": {"domain"}}
_PROLOG = re.compile(rb'\A<\?xml version=["\']1\.0["\'](?: encoding=["\']utf-8["\'])?(?: standalone=["\'](?:yes|no)["\'])?\s*\?>',
                     re.I)
_AMP_NAME = re.compile("&([A-Za-z0-9_]+);")


class _NotLean(Exception):
    """The feed uses something this reader does not mirror: feedparser reads it."""


def lean_rss(data: bytes) -> tuple[dict, list[dict]] | None:
    """(feed {"title", "link"}, entries as feedparser-style dicts) for plain RSS 2.0 in UTF-8, else None."""
    head = data[:200].lstrip()
    if head.startswith(b"<?xml"):
        if not _PROLOG.match(head):
            return None  # another encoding, or a declaration this reader does not check
    elif not head.startswith(b"<rss"):
        return None
    if b"<!" in data and (b"<!DOCTYPE" in data or b"<!doctype" in data):
        return None
    try:
        root = ElementTree.fromstring(data)
        return _read(root)
    except (ElementTree.ParseError, _NotLean, ValueError, UnicodeError):
        return None


def _read(root) -> tuple[dict, list[dict]] | None:
    if root.tag != "rss" or root.attrib != {"version": "2.0"} or len(root) != 1 or root[0].tag != "channel":
        raise _NotLean
    channel = root[0]
    if channel.attrib:
        raise _NotLean
    feed: dict = {}
    entries = []
    for child in channel:
        tag = child.tag
        if tag == "item":
            entries.append(_item(child))
        elif tag in ("title", "link"):
            if tag in feed or len(child) or child.attrib:
                raise _NotLean
            feed[tag] = _text(child)
        elif tag == _ATOM + "link":
            if child.get("rel") != "self" or len(child):
                raise _NotLean
        elif tag not in _CHANNEL_OTHER or (tag == "image" and any(c.tag not in ("url", "title", "link", "width", "height",
                                                                                  "description") for c in child)):
            raise _NotLean
    if not entries:
        raise _NotLean  # feedparser says what an empty feed is
    if "title" in feed:
        feed["title"] = _plain(feed["title"])
    if feed.get("link"):
        feed["link"] = _AMP_NAME.sub(r"&\g<1>", _uri(feed["link"]))
    return feed, entries


def _item(item) -> dict:
    values: dict[str, str] = {}
    tags: list[dict] = []
    seen: set[tuple] = set()  # (a list's `in` made 20,000 categories 10 s of CPU: each compared with all before it)
    permalink = True
    for child in item:
        tag = child.tag
        if len(child):
            raise _NotLean  # markup inside an element (not escaped): feedparser's business
        allowed = _ITEM_ATTRS.get(tag, set())
        if set(child.attrib) - allowed:
            raise _NotLean
        if tag == "category":
            term = _text(child)
            scheme = child.get("domain")
            if term and (term, scheme) not in seen:
                seen.add((term, scheme))
                tags.append({"term": term, "scheme": scheme, "label": None})
            continue
        if tag not in _ITEM_TEXT or tag in values:
            raise _NotLean
        if tag == "guid":
            permalink = child.get("isPermaLink", "true") == "true"
        values[tag] = _text(child)
    if "author" in values and _DC + "creator" in values:
        raise _NotLean
    entry: dict = {}
    if "title" in values and values["title"]:
        entry["title"] = _plain(values["title"])
    if "guid" in values and values["guid"]:
        entry["id"] = _uri(values["guid"]) if permalink else values["guid"]
    if "link" in values:
        link = _AMP_NAME.sub(r"&\g<1>", _uri(values["link"]).replace("&amp;", "&"))
        if link:
            entry["link"] = link
    elif permalink and entry.get("id"):
        entry["link"] = entry["id"]
    if values.get(_CONTENT + "encoded"):
        entry["content"] = [{"value": values[_CONTENT + "encoded"]}]
    if values.get("description"):
        entry["summary"] = values["description"]
    author = values.get("author") or values.get(_DC + "creator")
    if author:
        if any(c in author for c in "@()<>&"):
            raise _NotLean  # feedparser splits names and addresses
        entry["author"] = author
    if values.get("pubDate"):
        entry["published"] = values["pubDate"]
        entry["published_parsed"] = _date(values["pubDate"])
    if values.get(_DC + "date"):
        entry["updated"] = values[_DC + "date"]
        entry["updated_parsed"] = _date(values[_DC + "date"])
    if tags:
        entry["tags"] = tags
    return entry


def _text(element) -> str:
    """An element's text as feedparser's `pop` leaves it: stripped, mis-decoded UTF-8 repaired, cp1252 mapped."""
    from feedparser.html import _cp1252

    text = (element.text or "").strip()
    try:
        text = text.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return text.translate(_cp1252)


def _plain(text: str) -> str:
    """A title (plain text in RSS); one that looks like markup or holds an entity is feedparser's business."""
    if "<" in text or "&" in text:
        raise _NotLean
    return text


def _uri(text: str) -> str:
    from feedparser.urls import _urljoin

    return _urljoin("", text)


def _date(text: str):
    from feedparser.datetimes import _parse_date

    return _parse_date(text)
