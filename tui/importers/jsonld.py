"""Article facts from a page's JSON-LD (<script type="application/ld+json">): the
headline, authors and publication date that schema.org markup states outright."""

from __future__ import annotations

import html
import json
import re

from tui.importers.clean import squash

_SCRIPT = re.compile(r"<script[^>]+application/ld\+json[^>]*>(.*?)</script>", re.I | re.S)
# Types whose headline is the story's own; a WebPage or WebSite name is often the site's.
# ("Blog" alone is the whole blog, so only BlogPosting counts.)
_ARTICLES = re.compile(r"article|posting|report|review|recipe|howto|^creativework$", re.I)
_MAX_SCRIPT = 200_000  # a huge blob is a data dump, not article markup
# XHTML-era wrappers some pages put around the JSON so old parsers skip it.
_WRAPPERS = re.compile(r"^\s*(?:<!\[CDATA\[|<!--)|(?:\]\]>|-->)\s*$")


def jsonld_facts(page: str) -> dict:
    """{"headline", "authors" (list), "published"} from the page's article objects;
    empty values when the page has none or its JSON does not parse."""
    out = {"headline": "", "authors": [], "published": ""}
    for m in _SCRIPT.finditer(page):
        text = _WRAPPERS.sub("", m.group(1)).strip()
        if not text or len(text) > _MAX_SCRIPT:
            continue
        try:  # raw_decode: a stray ";" or second object after the first is ignored
            data = json.JSONDecoder(strict=False).raw_decode(text)[0]
        except ValueError:
            continue
        for obj in _objects(data):
            if not any(_ARTICLES.search(t) for t in _types(obj)):
                continue
            if not out["headline"]:
                out["headline"] = _text(obj.get("headline")) or ""
            if not out["authors"]:
                out["authors"] = _names(obj.get("author"))
            if not out["published"]:
                out["published"] = _text(obj.get("datePublished")) or _text(obj.get("dateCreated")) or ""
    return out


def _objects(data, depth: int = 0):
    """Every dict in the JSON, through lists and @graph, a few levels deep."""
    if depth > 4:
        return
    if isinstance(data, list):
        for x in data:
            yield from _objects(x, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key in ("@graph", "mainEntity", "mainEntityOfPage"):
            if isinstance(data.get(key), (list, dict)):
                yield from _objects(data[key], depth + 1)


def _types(obj: dict) -> list[str]:
    t = obj.get("@type", "")
    return [str(x) for x in t] if isinstance(t, list) else [str(t)]


def _text(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    return squash(html.unescape(str(value))) if isinstance(value, (str, int, float)) else ""


def _names(value) -> list[str]:
    """Author names: a string, a Person/Organization object, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names = []
    for item in items:
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        # Some sites put a profile URL where the name belongs.
        if name and not name.startswith(("http://", "https://")) and name not in names:
            names.append(name)
    return names
