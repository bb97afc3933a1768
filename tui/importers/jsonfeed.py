"""JSON Feed (https://jsonfeed.org, versions 1 and 1.1): each item becomes an article."""

from __future__ import annotations

import re
from urllib.parse import urljoin

from tui.importers.clean import clean_text, shows, squash
from tui.importers.dates import parse_date
from tui.importers.decode import json_loads
from tui.importers.htmltext import html_to_paragraphs
from tui.importers.item import ImportItem
from tui.importers.item_source import item_source
from tui.importers.titles import untitled
from tui.models import Article

_VERSION = re.compile(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/', re.I)


def looks_like_json_feed(data: bytes) -> bool:
    """A JSON object that declares a jsonfeed.org version."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    return head.startswith(b"{") and bool(_VERSION.search(data[:65536]))


def parse_json_feed(data: bytes, name: str) -> list[ImportItem]:
    """A JSON Feed file's items, one ImportItem each (or one error item for the file), as `parse_feed` reads an RSS
    or Atom file."""
    _info, entries, error = json_feed_entries(data, name)
    if error:
        return [ImportItem(name, None, error)]
    return [item for _key, item in entries]


def json_feed_entries(data: bytes, name: str, base_url: str | None = None) -> tuple[dict, list[tuple[dict, ImportItem]], str | None]:
    """Parse a JSON Feed: (feed info, [(entry identity, item)], error or None), like `feed_entries`."""
    try:
        doc = json_loads(data.decode("utf-8-sig", errors="replace"))
    except (ValueError, RecursionError):
        return {}, [], "not valid JSON"
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        return {}, [], "not a JSON Feed (no items list)"
    if not doc["items"]:
        return {}, [], "feed has no entries"
    source = squash(clean_text(_text(doc.get("title"))))
    home = _url(doc.get("home_page_url"), base_url)
    feed_authors = _authors(doc)
    entries = []
    for i, item in enumerate(doc["items"], 1):
        origin = f"{name}#entry-{i}"
        if not isinstance(item, dict):
            entries.append(({"guid": None, "link": None}, ImportItem(origin, None, "JSON Feed item is not an object")))
            continue
        link = _url(item.get("url"), base_url) or _url(item.get("external_url"), base_url)
        guid = squash(_text(item.get("id"))) or None
        own = item_source(None, link, home, source)  # linked to another site than the feed's: that site
        entries.append(({"guid": guid, "link": link}, _item(item, own, link, feed_authors, origin)))
    return {"title": source, "link": home}, entries, None


def _item(item: dict, source: str, link: str | None, feed_authors: str, origin: str) -> ImportItem:
    title = squash(clean_text(_text(item.get("title"))))
    html, text = _text(item.get("content_html")), _text(item.get("content_text"))
    if html:
        paras = html_to_paragraphs(html)
    elif text:
        paras = [p for p in (squash(x) for x in clean_text(text).split("\n\n")) if p]
    else:
        summary = _text(item.get("summary"))
        paras = [squash(clean_text(summary))] if summary.strip() else []
    paras = [p for p in paras if shows(p)]  # (bidi marks or zero-width spaces only: nothing to read; as RSS's)
    if not shows(title):
        title = ""
    if not title:  # a microblog's post, a note: titled from its text, kept whole when it is one paragraph
        title, paras = untitled(paras, html_to_paragraphs(html, join_lines=True) if "<" in html else None)
    date = _text(item.get("date_published")) or _text(item.get("date_modified"))
    tags = item.get("tags") if isinstance(item.get("tags"), list) else []
    article = Article(
        title=title,
        body="\n\n".join(paras),
        source=source,
        byline=_authors(item) or feed_authors,
        published=None,
        tags=[squash(clean_text(_text(t))) for t in tags[:20] if isinstance(t, (str, int)) and _text(t).strip()],
        url=link,
    )
    article.published, article.published_at = _when(date)
    if not paras:  # (a title and a link: its page may hold the text, for a feed read with its full text)
        return ImportItem(origin, None, "no article text found (feed entry has no content)",
                          link_only=article if article.url else None)
    return ImportItem(origin, article)


def _text(value) -> str:
    """A text field; a number written as text; anything else empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value or value in (_INF, -_INF):
        return ""  # (a title `true` read "True", `NaN` / `Infinity`, which json.loads takes, "nan" / "inf")
    return str(value)


_INF = float("inf")


def _url(value, base: str | None) -> str | None:
    if not isinstance(value, str) or not value.strip():
        return None
    return urljoin(base, value.strip()) if base else value.strip()


def _authors(obj: dict) -> str:
    """Author names of version 1.1 (`authors` list) or 1.0 (`author` object)."""
    found = obj.get("authors") if isinstance(obj.get("authors"), list) else [obj.get("author")]
    names = [squash(clean_text(_text(a.get("name")))) for a in found if isinstance(a, dict)]
    return ", ".join(n for n in names if n)[:200]


def _day(date: str) -> str | None:
    """An item's day, or None for no date, one that does not exist or one ahead of now (as the RSS/Atom reader)."""
    from tui.importers.dates import day_ahead

    day = parse_date(date) if date else None
    return None if day is None or day_ahead(day) else day


def _when(date: str) -> tuple[str | None, str | None]:
    """An item's day and its UTC time when its date gives one, in one zone, UTC, as the RSS and Atom reader gives them
    (the reader sees both on their own clock, tui.cells): "2026-12-06T23:30:00-05:00" -> ("2026-12-07",
    "2026-12-07T04:30:00Z"). The day was the one the feed wrote (2026-12-06, the writer's zone) while its time was UTC,
    so the item stood under one day in the list and another in its stories. A day alone, or a date that is no time
    (a 25th hour), is the day the feed wrote (_day); a time too far ahead is no time (tui.importers.dates.stamp_of)."""
    from datetime import datetime, timezone

    from tui.importers.dates import day_ahead, iso_seconds, stamp_of

    day = _day(date)
    seconds = iso_seconds(date) if day else None
    if seconds is None:
        return day, None
    try:
        utc = datetime.fromtimestamp(seconds, timezone.utc).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return day, None
    if day_ahead(utc):
        return day, None
    stamp = stamp_of(seconds, date)
    return utc, stamp if stamp is not None and stamp[:10] == utc else None
