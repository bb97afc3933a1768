"""Feeds and the items they delivered (migration 4). Plain SQL on a `Library`; no network here.

An item is known by its guid, then its link, then the hash of the entry as the feed gave it; one with no guid whose
link and text both changed, by its date and its title, else its near-same title and text (`_Guidless.edit_of`). A known
item whose entry changed updates its article in place (read and star kept, cached analysis dropped so
it is redone); an item whose article the user deleted stays known and does not come back.
"""

from __future__ import annotations

import heapq
import json
import re
import sqlite3
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import datetime, timezone

from tui.models import Article, timed_key
from tui.store.derived import derived
from tui.store.library import (Library, StoreError, _explain, digits, fits_row_id, forget_emptied, gone_files_of,
                               insert_article, sort_key_of)
from tui.tags import unique_tags

_FEED_COLUMNS = ("id, url, title, site_url, tags, full_text, etag, last_modified, added_at, last_refresh,"
                 " last_status, last_error, failures, next_try, final_url, pages_failed")
# Columns of later migrations (final_url 34, pages_failed 36) that a read-only library of an earlier schema, read as it
# is (Library.behind), lacks: read as NULL there (`feed list` of a read-only schema-33 library failed with "no such
# column: final_url")
_LATER_COLUMNS = ("final_url", "pages_failed")


def _feed_columns(lib: Library) -> str:
    """_FEED_COLUMNS, with NULL for each of _LATER_COLUMNS this library's feeds table does not have."""
    if not lib.readonly:
        return _FEED_COLUMNS
    have = {r[1] for r in lib.db.execute("SELECT * FROM pragma_table_info('feeds')")}
    return ", ".join(c if c in have or c not in _LATER_COLUMNS else f"NULL AS {c}"
                     for c in (c.strip() for c in _FEED_COLUMNS.split(",")))


@dataclass
class Feed:
    """One subscribed feed, with its unread and total article counts when listed."""

    id: int
    url: str
    title: str = ""
    site_url: str | None = None
    tags: list[str] = field(default_factory=list)
    full_text: bool = False
    etag: str | None = None
    last_modified: str | None = None
    added_at: str = ""
    last_refresh: str | None = None
    last_status: str | None = None  # "ok" | "not_modified" | "error"
    last_error: str | None = None
    failures: int = 0  # consecutive failed refreshes (back-off grows with it)
    next_try: float | None = None  # epoch seconds before which a refresh of all feeds skips it
    # where its last fetch ended after redirects, when that is not `url` (migration 34): the same feed by another URL
    final_url: str | None = None
    # link-only items whose pages failed (migration 36): entry hash -> [failures in a row, refreshes skipped since,
    # epoch seconds of the last try]; tui.sources.refresh._complete reads and writes it
    pages_failed: dict = field(default_factory=dict)
    unread: int = 0
    total: int = 0

    @property
    def name(self) -> str:
        """The title, or the URL when the feed has none yet."""
        return self.title.strip() or self.url


@dataclass
class Entry:
    """One item of a fetched feed, ready to store: its identity and the article it makes."""

    guid: str | None
    link: str | None
    entry_hash: str  # hash of the entry as the feed gave it (changes when the item is republished changed)
    article: Article
    # `tui.store.derived.derived(article)` computed where the feed was parsed (a worker process), or None.
    # Whoever changes the article's text afterwards (full-text completion) sets it back to None.
    known: tuple[str, int, int] | None = None
    # An item the document holds that is not to be stored now (one with only a title and a link, its page not read):
    # it only tells the store that the item is still there (not gone: `_Guidless` takes no other entry for its edit)
    listed_only: bool = False


def now_iso() -> str:
    """The current UTC time as stored (ISO 8601, seconds)."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _feed(r: tuple) -> Feed:
    """A feeds row read defensively: a field of the wrong type (a BLOB title, text in a count) reads as empty."""
    return Feed(id=r[0], url=_text(r[1]), title=_text(r[2]), site_url=_text(r[3], None), tags=_tags(r[4]),
                full_text=r[5] == 1, etag=_text(r[6], None), last_modified=_text(r[7], None), added_at=_text(r[8]),
                last_refresh=_text(r[9], None), last_status=_text(r[10], None), last_error=_text(r[11], None),
                failures=r[12] if type(r[12]) is int and r[12] >= 0 else 0,
                next_try=float(r[13]) if type(r[13]) in (int, float) else None, final_url=_text(r[14], None),
                pages_failed=_pages_failed(r[15]))


def _text(value, default=""):
    """Text, or `default` for anything else stored there (a BLOB, a number, NULL)."""
    return value if type(value) is str else default


def _pages_failed(raw) -> dict:
    """The stored failures of link-only items' pages: {entry hash: [failures, skipped, tried]}; anything else stored
    there (not JSON, a list, a negative count, a text for a time) reads as no failure of that item."""
    if type(raw) is not str or not raw:
        return {}
    try:
        got = json.loads(raw)
    except (ValueError, RecursionError):  # (another program's "[[[[..." nested past Python's stack: no failure either)
        return {}
    if not isinstance(got, dict):
        return {}
    out = {}
    for key, value in got.items():
        if (isinstance(value, list) and len(value) == 3 and all(type(v) in (int, float) for v in value)
                and type(value[0]) is int and type(value[1]) is int and value[0] > 0 and value[1] >= 0):
            out[key] = [value[0], value[1], float(value[2])]
    return out


def _tags(raw: str) -> list[str]:
    if type(raw) is not str:
        return []
    try:
        tags = json.loads(raw or "[]")
    except (ValueError, RecursionError):  # (nested past Python's stack: feed list and refresh failed on it)
        return []
    return [str(t) for t in tags] if isinstance(tags, list) else []


# -- feeds ------------------------------------------------------------------------------------------

def add_feed(lib: Library, url: str, title: str = "", *, tags: list[str] | None = None, full_text: bool = False,
             site_url: str | None = None, final_url: str | None = None,
             keys: FeedKeys | None = None) -> tuple[int, bool]:
    """Subscribe to `url`; returns (feed id, True) or (the existing feed's id, False) when already there: a feed with
    that URL, or one whose last fetch ended there after redirects (`final_url`, see `same_feed`), either after
    normalising (`feed_key`). `keys`: the feeds by key, read once for many calls (kept up to date here)."""
    try:
        with lib.transaction() as db:
            row = _same_row(db, url, keys=keys)
            if row:
                return row[0], False
            cur = db.execute("INSERT INTO feeds (url, title, site_url, tags, full_text, added_at, final_url)"
                             " VALUES (?,?,?,?,?,?,?)",
                             (url, (title or "").strip(), site_url, json.dumps(list(tags or []), ensure_ascii=False), int(full_text),
                              now_iso(), final_url if final_url != url else None))
            if keys is not None:
                keys.urls.setdefault(feed_key(url), cur.lastrowid)
            return cur.lastrowid, True
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None


def _same_row(db, url: str, other_than: int | None = None, keys: FeedKeys | None = None):
    """(id,) of the feed `url` is: the one with that URL, else the first whose last fetch ended there, else the same
    two by `feed_key` (the URL as typed differs only in case, port, a trailing slash or utm_* parameters); or None."""
    row = db.execute("SELECT id FROM feeds WHERE url = ? AND id IS NOT ?", (url, other_than)).fetchone()
    row = row or db.execute("SELECT id FROM feeds WHERE final_url = ? AND id IS NOT ? ORDER BY id LIMIT 1",
                            (url, other_than)).fetchone()
    return row or (keys.find(url) if keys is not None else _same_key_row(db, url, other_than))


_DEFAULT_PORTS = {"http": 80, "https": 443}


def feed_key(url: str) -> str:
    """What makes two feed URLs one feed: the URL with its scheme and host in lower case, the scheme's default port,
    a trailing slash, the fragment and the utm_* (tracking) query parameters dropped, and http and https one scheme (a
    site serves one feed over both: subscribed as http:// and https:// it was two feeds of the same items). Other
    query parameters are kept, in order: they often select the feed ("?cat=3", "?format=rss"). A URL that does not
    split (a bad port) or has no scheme or host is its own key."""
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return url
    if not parts.scheme or not parts.hostname:
        return url
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if ":" in host:  # (an IPv6 address)
        host = f"[{host}]"
    if port is not None and port != _DEFAULT_PORTS.get(scheme):
        host = f"{host}:{port}"
    user = parts.netloc.rpartition("@")[0]
    query = "&".join(p for p in parts.query.split("&") if p and not p.split("=", 1)[0].lower().startswith("utm_"))
    scheme = "http" if scheme == "https" else scheme
    return f"{scheme}://{user + '@' if user else ''}{host}{parts.path.rstrip('/') or '/'}{'?' + query if query else ''}"


def _same_key_row(db, url: str, other_than: int | None):
    """(id,) of the first feed whose URL, else whose final URL, has `url`'s `feed_key`; or None. Only the feeds whose
    URLs hold the host, the path and the first kept parameter are read (a refresh of 10,000 feeds of one host)."""
    from urllib.parse import urlsplit

    key = feed_key(url)
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".")
    except ValueError:
        return None
    if not host:
        return None
    kept = [p for p in parts.query.split("&") if p and not p.split("=", 1)[0].lower().startswith("utm_")]
    path, first = parts.path.rstrip("/"), (kept[0] if kept else "")
    rows = db.execute(
        "SELECT id, url, final_url FROM feeds WHERE ((instr(lower(url), ?) AND instr(url, ?) AND instr(url, ?))"
        " OR (instr(lower(final_url), ?) AND instr(final_url, ?) AND instr(final_url, ?))) AND id IS NOT ? ORDER BY id",
        (host, path, first, host, path, first, other_than)).fetchall()
    for column in (1, 2):
        for r in rows:
            if type(r[column]) is str and feed_key(r[column]) == key:
                return (r[0],)
    return None


@dataclass
class Merged:
    """Feeds subscribed twice merged into one (`merge_same_feeds`): the feed kept, the URLs merged into it, and how many
    articles of theirs it now holds (none deleted)."""

    kept: int
    url: str
    merged: list[str]
    articles: int


def merge_same_feeds(db) -> list[Merged]:
    """Merge the feeds whose URLs are one feed (`feed_key`) into one: subscribed before their URLs were normalised
    (utm_* parameters, a trailing slash, an upper-case host; http and https), each fetched the same items. Kept: the
    one that works (its last refresh not failed), https before http, then the first subscribed; the others' items
    (their articles, read marks and stars: the articles are not touched) become its own, their tags join its tags
    and full text stays on when one had it. Runs in the caller's transaction (migration 38)."""
    groups: dict[str, list[tuple]] = {}
    for row in db.execute("SELECT id, url, last_status, tags, full_text, title FROM feeds ORDER BY id"):
        if type(row[1]) is str:
            groups.setdefault(feed_key(row[1]), []).append(row)
    done: list[Merged] = []
    for rows in groups.values():
        if len(rows) < 2:
            continue
        rows.sort(key=lambda r: (r[2] not in ("ok", "not_modified"), not r[1].lower().startswith("https:"), r[0]))
        keep, others = rows[0], rows[1:]
        tags, full_text, title = _tags(keep[3]), keep[4] == 1, _text(keep[5])
        ids = [r[0] for r in others]
        marks = ",".join("?" * len(ids))
        articles = db.execute(f"SELECT count(DISTINCT article_id) FROM feed_items WHERE feed_id IN ({marks})"
                              " AND article_id IS NOT NULL AND article_id NOT IN"
                              " (SELECT article_id FROM feed_items WHERE feed_id = ? AND article_id IS NOT NULL)",
                              (*ids, keep[0])).fetchone()[0]
        # an item both had, of the same article (or of none), once; every other item moves with its article
        db.execute(f"DELETE FROM feed_items WHERE feed_id IN ({marks}) AND EXISTS (SELECT 1 FROM feed_items k"
                   " WHERE k.feed_id = ? AND k.entry_hash = feed_items.entry_hash"
                   " AND (feed_items.article_id IS NULL OR k.article_id IS feed_items.article_id))", (*ids, keep[0]))
        db.execute(f"UPDATE feed_items SET feed_id = ? WHERE feed_id IN ({marks})", (keep[0], *ids))
        for r in others:
            tags = unique_tags([*tags, *_tags(r[3])])
            full_text = full_text or r[4] == 1
            title = title or _text(r[5])
        db.execute("UPDATE feeds SET tags = ?, full_text = ?, title = ? WHERE id = ?",
                   (json.dumps(tags, ensure_ascii=False), int(full_text), title, keep[0]))
        db.execute(f"DELETE FROM feeds WHERE id IN ({marks})", ids)
        done.append(Merged(keep[0], keep[1], [r[1] for r in others], articles))
    return done


def merged_said(merged: list[Merged]) -> str:
    """The line an upgrade says of `merge_same_feeds`: "2 feeds subscribed twice merged into #1 and #4 (12 of their
    articles kept: now those feeds'): http://…/feed as https://…/feed, …"."""
    gone = sum(len(m.merged) for m in merged)
    kept = " and ".join(f"#{m.kept}" for m in merged[:3]) + (f" and {len(merged) - 3} more" if len(merged) > 3 else "")
    names = "; ".join(f"{', '.join(m.merged)} as {m.url}" for m in merged[:3])
    articles = sum(m.articles for m in merged)
    whose = "its" if len(merged) == 1 else "theirs"
    more = "; …" if len(merged) > 3 else ""
    return (f"{gone} feed{'s' if gone != 1 else ''} subscribed twice merged into {kept} ({articles} of their articles"
            f" kept, now {whose}): {names}{more}")


class FeedKeys:
    """The subscribed feeds by `feed_key` of their URLs and final URLs, read once: a list of 10,000 feeds subscribed
    in one pass looks each one up here (`add_feed(keys=...)`), not in the table."""

    def __init__(self, db) -> None:
        self.urls: dict[str, int] = {}
        self.finals: dict[str, int] = {}
        for ident, url, final in db.execute("SELECT id, url, final_url FROM feeds ORDER BY id"):
            if type(url) is str:
                self.urls.setdefault(feed_key(url), ident)
            if type(final) is str:
                self.finals.setdefault(feed_key(final), ident)

    def find(self, url: str):
        """(id,) of the feed `url` is by its key (its URL first, then its final URL), or None."""
        key = feed_key(url)
        ident = self.urls.get(key, self.finals.get(key))
        return None if ident is None else (ident,)


def same_feed(lib: Library, *urls: str | None, other_than: int | None = None) -> Feed | None:
    """The subscribed feed that any of `urls` is (in order): the feed with that URL, else the first whose last fetch
    ended there after redirects (a feed subscribed by a redirecting URL is the same feed as its final URL's); None
    when there is none. `other_than`: a feed id left out (the feed asking)."""
    for url in urls:
        if url and (row := _same_row(lib.db, url, other_than)):
            return get_feed(lib, row[0])
    return None


def get_feed(lib: Library, ident: int | str) -> Feed | None:
    """A feed by id (int or digits) or by URL, with its counts; None when there is none."""
    if isinstance(ident, int) or digits(ident):
        if not fits_row_id(int(ident)):
            return None
        r = lib.db.execute(f"SELECT {_feed_columns(lib)} FROM feeds WHERE id = ?", (int(ident),)).fetchone()
    else:
        r = lib.db.execute(f"SELECT {_feed_columns(lib)} FROM feeds WHERE url = ?", (ident,)).fetchone()
    if r is None:
        return None
    feed = _feed(r)
    feed.unread, feed.total = _counts(lib, feed.id)
    return feed


# A feed's rows as the library list shows them: each delivered article, or the row it is a near-duplicate of
# (articles.twin_of), once per feed: (feed_id, row id, read).
_ROWS = ("SELECT DISTINCT i.feed_id, s.id, s.read FROM feed_items i JOIN articles a ON a.id = i.article_id"
         " JOIN articles s ON s.id = coalesce(a.twin_of, a.id)")


def list_feeds(lib: Library) -> list[Feed]:
    """Every feed in the order added, each with its unread and total article counts."""
    feeds = [_feed(r) for r in lib.db.execute(f"SELECT {_feed_columns(lib)} FROM feeds ORDER BY id")]
    counts = _all_counts(lib) if feeds else {}
    for f in feeds:
        f.unread, f.total = (int(x or 0) for x in counts.get(f.id, (0, 0)))
    return feeds


def _all_counts(lib: Library) -> dict[int, tuple[int, int]]:
    """feed id -> (unread, total) rows, as _ROWS counts them, from the items and two small indexes (the twins,
    the unread ids) instead of each article's row: `read` and `twin_of` sit after the body's overflow pages
    (20,000 feed articles: 80 ms CPU by the rows)."""
    try:
        shown = dict(lib.db.execute("SELECT id, twin_of FROM articles INDEXED BY articles_twins WHERE twin_of IS NOT NULL"))
        unread = {r[0] for r in lib.db.execute("SELECT id FROM articles INDEXED BY articles_unread_ids WHERE read = 0")}
    except sqlite3.OperationalError:  # a library without those indexes: by the rows
        return {r[0]: (r[1], r[2]) for r in lib.db.execute(
            f"SELECT feed_id, sum(read = 0), count(*) FROM ({_ROWS}) GROUP BY feed_id")}
    rows: dict[int, set[int]] = {}
    for feed_id, article_id in lib.db.execute(  # article_id: NULL once its article is deleted (ON DELETE SET NULL)
            "SELECT feed_id, article_id FROM feed_items WHERE article_id IS NOT NULL"):
        rows.setdefault(feed_id, set()).add(shown.get(article_id, article_id))
    return {feed_id: (len(ids & unread), len(ids)) for feed_id, ids in rows.items()}


def unread_in_sources(lib: Library) -> int:
    """Unread rows of the library list that came from any feed or watched folder, each counted once: an article two
    feeds delivered, or a feed and a watched folder's file, is one row (the feeds list's header total; the sum of the
    feeds' and folders' own counts counted it once for each). Read from the items and the same two small indexes as
    `_all_counts`."""
    sources = ("SELECT article_id FROM feed_items WHERE article_id IS NOT NULL"
               " UNION SELECT article_id FROM watched_articles")
    try:
        shown = dict(lib.db.execute("SELECT id, twin_of FROM articles INDEXED BY articles_twins WHERE twin_of IS NOT NULL"))
        unread = {r[0] for r in lib.db.execute("SELECT id FROM articles INDEXED BY articles_unread_ids WHERE read = 0")}
    except sqlite3.OperationalError:  # a library without those indexes: by the rows
        return int(lib.db.execute(
            f"SELECT count(*) FROM articles s WHERE s.read = 0 AND s.id IN (SELECT coalesce(a.twin_of, a.id)"
            f" FROM articles a WHERE a.id IN ({sources}))").fetchone()[0])
    return len({shown.get(i, i) for (i,) in lib.db.execute(sources)} & unread)


def _counts(lib: Library, feed_id: int) -> tuple[int, int]:
    unread, total = lib.db.execute(
        f"SELECT sum(read = 0), count(*) FROM ({_ROWS} WHERE i.feed_id = ?)", (feed_id,)).fetchone()
    return int(unread or 0), int(total or 0)


def remove_feed(lib: Library, feed_id: int, *, keep_articles: bool = False) -> int:
    """Unsubscribe; its articles go too (unless kept or also delivered by another feed). Returns how many went."""
    from tui.store.stories import retitle

    with lib.transaction() as db:
        gone = 0
        if not keep_articles:
            stories = _stories_of_feed(db, feed_id)
            files = gone_files_of(db, [r[0] for r in db.execute(
                "SELECT article_id FROM feed_items WHERE feed_id = ? AND article_id IS NOT NULL", (feed_id,))])
            gone = db.execute(
                "DELETE FROM articles WHERE id IN (SELECT article_id FROM feed_items WHERE feed_id = ?)"
                " AND id NOT IN (SELECT article_id FROM feed_items WHERE feed_id != ? AND article_id IS NOT NULL)",
                (feed_id, feed_id)).rowcount
            forget_emptied(db, files)  # (a gone watched file that held one of them too)
            retitle(db, stories)  # (a story's title may have been one of these articles')
        db.execute("DELETE FROM feeds WHERE id = ?", (feed_id,))
        return gone


def _stories_of_feed(db, feed_id: int) -> list[int]:
    """The stories that hold an article of the feed ([]: a library without stories yet)."""
    try:
        return [r[0] for r in db.execute("SELECT DISTINCT story_id FROM story_articles WHERE article_id IN"
                                         " (SELECT article_id FROM feed_items WHERE feed_id = ?)", (feed_id,))]
    except sqlite3.OperationalError:
        return []


def update_feed(lib: Library, feed_id: int, **fields) -> None:
    """Set some columns of a feed (url after a permanent redirect, title, tags, full_text ...)."""
    allowed = {"url", "title", "site_url", "tags", "full_text", "etag", "last_modified", "last_refresh",
               "last_status", "last_error", "failures", "next_try", "final_url", "pages_failed"}
    if not fields:
        return
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"unknown feed field(s): {', '.join(sorted(unknown))}")
    if "tags" in fields:
        fields["tags"] = json.dumps(list(fields["tags"] or []), ensure_ascii=False)
    if "full_text" in fields:
        fields["full_text"] = int(bool(fields["full_text"]))
    sets = ", ".join(f"{k} = ?" for k in fields)
    try:
        with lib.transaction() as db:
            db.execute(f"UPDATE feeds SET {sets} WHERE id = ?", (*fields.values(), feed_id))
    except sqlite3.IntegrityError:
        raise StoreError(f"another feed already has the URL {fields.get('url')}") from None


def feed_article_ids(lib: Library, feed_id: int, unread_only: bool = False) -> list[int]:
    """The ids of a feed's articles in library order (newest first): what a feed filter shows.

    A near-duplicate shown as another article's row (articles.twin_of, issue 13) is that row here too, once,
    as in the main list: its read mark, star and outlets are the row's."""
    extra = " AND a.read = 0" if unread_only else ""
    return [r[0] for r in lib.db.execute(
        "SELECT a.id FROM articles a WHERE a.id IN (SELECT coalesce(c.twin_of, c.id) FROM feed_items i"
        " JOIN articles c ON c.id = i.article_id WHERE i.feed_id = ?)"
        f"{extra} ORDER BY a.sort_key DESC, a.id DESC", (feed_id,))]


def feed_title_of(lib: Library, article_id: int) -> str:
    """The name (title, else URL) of the feed that delivered an article, "" if none: one indexed query,
    cheap enough for every article opened."""
    r = lib.db.execute("SELECT coalesce(nullif(f.title, ''), f.url) FROM feed_items i JOIN feeds f ON f.id = i.feed_id"
                       " WHERE i.article_id = ? ORDER BY i.id LIMIT 1", (article_id,)).fetchone()
    return r[0] if r else ""


def feed_of_article(lib: Library, article_id: int) -> Feed | None:
    """The feed that delivered an article (the first one, if several did), or None."""
    r = lib.db.execute("SELECT feed_id FROM feed_items WHERE article_id = ? ORDER BY id LIMIT 1",
                       (article_id,)).fetchone()
    return get_feed(lib, r[0]) if r else None


# -- items ------------------------------------------------------------------------------------------

def known_entry(lib: Library, feed_id: int, guid: str | None, link: str | None, entry_hash: str) -> tuple | None:
    """(item id, stored entry hash, article id) of the item this entry is, or None for a new item."""
    return _match(lib.db, feed_id, guid, link, entry_hash)


def _match(db, feed_id: int, guid: str | None, link: str | None, entry_hash: str) -> tuple | None:
    if guid:
        r = db.execute("SELECT id, entry_hash, article_id FROM feed_items WHERE feed_id = ? AND guid = ? LIMIT 1",
                       (feed_id, guid)).fetchone()
        if r:
            return r
    if link:
        # Only against items without a guid (or for entries without one): several distinct items of a
        # feed may point at the same page, and their guids tell them apart.
        cond = "" if not guid else " AND guid IS NULL"
        r = db.execute(f"SELECT id, entry_hash, article_id FROM feed_items WHERE feed_id = ? AND link = ?{cond} LIMIT 1",
                       (feed_id, link)).fetchone()
        if r:
            return r
    return db.execute("SELECT id, entry_hash, article_id FROM feed_items WHERE feed_id = ? AND entry_hash = ? LIMIT 1",
                      (feed_id, entry_hash)).fetchone()


# An item with no guid whose link and text both changed (a feed that edits an item in place and moves it to a new
# address) is an item of the same feed with no guid, dated within this of it (each by its time, else its day, else
# when it was added), that the document no longer holds (neither its link nor its entry): first one with the same
# title, else one whose title and text the entry repeats with light edits (NEAR_TEXT). Its article is updated in
# place (read and star kept). Farther apart, it is a new article: a feed whose items are all named alike ("Tide
# times", one a day, no guid) keeps one article a day.
SAME_ITEM_WITHIN = 12 * 3600  # seconds
# Two texts are one item lightly edited when this share of their 3-word runs (title and the body's first TEXT_WORDS
# words, case folded) is common to both (Jaccard). Measured on the corpus's articles against the next 30 on the wire
# (526,698 pairs): different stories written from one template (two companies' bond issues, "the CFTC reported the
# following stocks of ...") reach 0.49; with 4 words in 100 replaced every article keeps 0.7 or more, with 6 in 100
# 95 % of them. Our own notice written from one template with 7 of its 9 blanks filled anew shares 0.62
# (tests/sources/test_guidless_items.py); one with a blank or two changed is an edit as far as words can tell. A
# text of fewer than NEAR_LEAST runs is too short to tell (a microblog's post): only its title or link finds it.
NEAR_TEXT = 0.7
TEXT_WORDS = 300
NEAR_LEAST = 10
KEYS = 8
_WORD = re.compile(r"\w+")


def _runs(title: str, body: str) -> frozenset[str]:
    """The 3-word runs of a title and the first TEXT_WORDS words of its text, case folded (`NEAR_TEXT`)."""
    words = _WORD.findall(f"{title} {body[:TEXT_WORDS * 12]}".casefold())[:TEXT_WORDS]
    return frozenset(" ".join(words[i:i + 3]) for i in range(len(words) - 2))


def _keys(runs: frozenset[str]) -> list[int]:
    """The KEYS smallest hashes of a text's runs: two texts that share NEAR_TEXT of their runs share one of them
    but for a chance of about (1 - NEAR_TEXT) ** KEYS (the texts to compare are found through them)."""
    return heapq.nsmallest(KEYS, map(hash, runs))


class _Guidless:
    """The feed's items with no guid, read once a refresh and only for a feed with a new guid-less entry that its
    guid, link and hash did not find (asked for each new entry, the first refresh of 500 such items took four times
    as long): their titles, and those the document no longer holds by their time, for `edit_of`. The texts of those
    are read only when an entry dated near them is compared, once, and indexed by a few of their runs (`_keys`): 500
    new entries of an hour against 500 gone items of that hour are not 250,000 comparisons."""

    def __init__(self, db, feed_id: int, titles: set[str], links: set[str], hashes: set[str]):
        self.db = db
        self.titled: dict[str, list[int]] = {}  # title -> its items, the latest first
        self.gone: dict[int, tuple] = {}  # item id -> (entry hash, article id, sort key, its time or None)
        self.by_day: dict[str, list[int]] = {}  # the gone items by their day
        timed: list[tuple[float, int]] = []
        for title, item_id, old_hash, article_id, link, key in db.execute(
                "SELECT a.title, i.id, i.entry_hash, i.article_id, i.link, a.sort_key FROM feed_items i"
                " JOIN articles a ON a.id = i.article_id WHERE i.feed_id = ? AND i.guid IS NULL ORDER BY i.id DESC",
                (feed_id,)):
            if title in titles:
                self.titled.setdefault(title, []).append(item_id)
            if old_hash in hashes or (link and link in links) or type(key) is not str:
                continue  # (the document still holds it: another of its entries is that item)
            clock = _clock(key)
            self.gone[item_id] = (old_hash, article_id, key, clock)
            self.by_day.setdefault(key[:10], []).append(item_id)
            if clock is not None:
                timed.append((clock, item_id))
        timed.sort()
        self.clocks = [c for c, _ in timed]
        self.timed = [i for _, i in timed]
        self.runs: dict[int, frozenset[str]] = {}  # item id -> the runs of its article
        self.index: dict[str, list[int]] = {}  # run -> the items whose articles hold it

    def _near(self, item_id: int, key: str, clock: float | None) -> bool:
        """Whether a gone item is dated within SAME_ITEM_WITHIN of `key`: by the clock, else (a day alone on either
        side) by the day."""
        other = self.gone.get(item_id)
        if other is None:
            return False
        if clock is None or other[3] is None:
            return other[2][:10] == key[:10]
        return abs(other[3] - clock) <= SAME_ITEM_WITHIN

    def edit_of(self, e: Entry, now: str, taken: set[int]) -> tuple | None:
        """(item id, stored entry hash, article id) of the item that `e` (no guid) is an edit of, or None: an item
        the document no longer holds (neither its link nor its entry), dated within SAME_ITEM_WITHIN of it, of the
        same title (the latest), else of a near-same title and text (NEAR_TEXT, the nearest)."""
        if not self.gone:
            return None
        key = sort_key_of(e.article, now)
        clock = _clock(key)
        for item_id in self.titled.get(e.article.title, ()) if e.article.title else ():
            if item_id not in taken and self._near(item_id, key, clock):
                return item_id, *self.gone[item_id][:2]
        if clock is None:
            window = self.by_day.get(key[:10], [])
        else:
            lo = bisect_left(self.clocks, clock - SAME_ITEM_WITHIN)
            window = self.timed[lo:bisect_right(self.clocks, clock + SAME_ITEM_WITHIN, lo)]
            window += [i for i in self.by_day.get(key[:10], ()) if self.gone[i][3] is None]
        if not window:
            return None
        mine = _runs(e.article.title or "", e.article.body or "")
        if len(mine) < NEAR_LEAST:
            return None
        self._read([i for i in window if i not in self.runs])
        best, best_share = None, NEAR_TEXT
        for item_id in {i for k in _keys(mine) for i in self.index.get(k, ())}:
            theirs = self.runs[item_id]
            common = len(mine & theirs)
            share = common / (len(mine) + len(theirs) - common)
            if share >= best_share and item_id not in taken and self._near(item_id, key, clock):
                best, best_share = (item_id, *self.gone[item_id][:2]), share
        return best

    def _read(self, item_ids: list[int]) -> None:
        """Read and index the texts of these gone items."""
        by_article = {self.gone[i][1]: i for i in item_ids}
        ids = list(by_article)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for article_id, title, body in self.db.execute(
                    f"SELECT id, title, body FROM articles WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                item_id = by_article[article_id]
                runs = self.runs[item_id] = _runs(title or "", body or "")
                if len(runs) >= NEAR_LEAST:
                    for k in _keys(runs):
                        self.index.setdefault(k, []).append(item_id)
        for item_id in item_ids:
            self.runs.setdefault(item_id, frozenset())


def _clock(key: str) -> float | None:
    """A sort key's time in seconds ("2026-12-07T08:00:00Z"), None for a day alone or anything else."""
    if len(key) != 20:
        return None
    try:
        return datetime.strptime(key, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()
    except ValueError:
        return None


def store_entries(lib: Library, feed_id: int, entries: list[Entry], known: list[int] | None = None,
                  **feed_fields) -> tuple[int, int]:
    """Store a fetched feed's entries and its new state in ONE transaction; returns (new, updated). `known`, when
    given, gets the number of new items whose text the library already held (see `store_feeds`).

    A kill at any moment leaves the feed either as before or fully refreshed (SQLite WAL).
    """
    return store_feeds(lib, [(feed_id, entries, feed_fields)], known)[0]


def store_feeds(lib: Library, feeds: list[tuple[int, list[Entry], dict]],
                known: list[int] | None = None) -> list[tuple[int, int]]:
    """Store several fetched feeds (feed id, entries, new column values of the feed) in ONE transaction;
    returns (new, updated) for each. A refresh whose writer fell behind stores every feed fetched meanwhile
    at once: a transaction's commit and its full-text segment cost about as much as 25 items (refresh.py).
    A kill at any moment leaves each feed either as before or fully refreshed (SQLite WAL).
    `known`, when given, gets for each feed the number of its new items whose text the library already held (an
    article `add` stored, another feed's): not new to the library, but the feed's now, counted in its unread and
    total (`list_feeds`) — a refresh said "0 new" beside a feed list of "1/1".
    """
    now = now_iso()
    out = []
    try:
        with lib.transaction(index_later=True) as db:
            for feed_id, entries, feed_fields in feeds:
                new, updated, held = _store(db, feed_id, entries, now, feed_fields)
                out.append((new, updated))
                if known is not None:
                    known.append(held)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None
    return out


def _store(db, feed_id: int, entries: list[Entry], now: str, feed_fields: dict) -> tuple[int, int, int]:
    """One feed's entries and state, inside the caller's transaction: (new, updated, new items whose text the
    library already held)."""
    new = updated = held = 0
    links = {e.link for e in entries if e.link}
    hashes = {e.entry_hash for e in entries}
    renamed: set[int] = set()  # items this document's entries took as their edits (`_Guidless.edit_of`)
    guidless: _Guidless | None = None  # the feed's guid-less items, read once when first needed
    for e in entries:
        if e.listed_only:
            continue
        found = _match(db, feed_id, e.guid, e.link, e.entry_hash)
        if found is None and not e.guid:
            if guidless is None:
                guidless = _Guidless(db, feed_id, {x.article.title for x in entries if not x.guid}, links, hashes)
            found = guidless.edit_of(e, now, renamed)
            if found is not None:  # the item lives at its new link now: known by it from the next refresh on
                renamed.add(found[0])
                db.execute("UPDATE feed_items SET link = ? WHERE id = ?", (e.link, found[0]))
        if found is None:
            article_id, added = insert_article(db, e.article, now, e.known)
            db.execute("INSERT INTO feed_items (feed_id, guid, link, entry_hash, article_id, seen_at)"
                       " VALUES (?,?,?,?,?,?)", (feed_id, e.guid, e.link, e.entry_hash, article_id, now))
            new += int(added)
            held += int(not added)
            continue
        item_id, old_hash, article_id = found
        if old_hash == e.entry_hash:
            if article_id is not None and (at := e.article.published_at) and timed_key(at):
                # an item stored with its day alone (before session 32) gets the time its feed gives: its place
                # among the day's articles (a time is never changed here: the item is as it was)
                db.execute("UPDATE articles SET sort_key = ? WHERE id = ? AND published = ? AND length(sort_key) = 10"
                           " AND added_at >= ?", (at, article_id, e.article.published, at))
            continue
        db.execute("UPDATE feed_items SET entry_hash = ?, guid = coalesce(guid, ?), link = coalesce(link, ?),"
                   " seen_at = ? WHERE id = ?", (e.entry_hash, e.guid, e.link, now, item_id))
        if article_id is not None and update_article(db, article_id, e.article):
            updated += 1
    if feed_fields:
        sets = ", ".join(f"{k} = ?" for k in feed_fields)
        db.execute(f"UPDATE feeds SET {sets} WHERE id = ?", (*feed_fields.values(), feed_id))
    return new, updated, held


def _words_hash_folds(a: Article) -> tuple[int, str, int]:
    digest, words, folds = derived(a)
    return words, digest, folds


def update_article(db, article_id: int, a: Article) -> bool:
    """Replace an article's text and metadata in place (read/starred kept); its cached analysis and
    entity mentions are dropped so the background pass redoes them. False when nothing changed, the
    article is gone, or the new text is already another article."""
    row = db.execute("SELECT title, source, byline, published, tags, url, body, sort_key FROM articles WHERE id = ?",
                     (article_id,)).fetchone()
    if row is None:
        return False
    new_tags = unique_tags(a.tags)
    tags = json.dumps(new_tags, ensure_ascii=False)
    values = (a.title or "(untitled)", a.source or "", a.byline or "", a.published or row[3], tags, a.url or row[5],
              a.body)
    key = sort_key_of(a, now_iso()) if a.published else None  # its day or time (undated now: it keeps its place)
    if (*row[:4], _tags(row[4]), *row[5:7]) == (*values[:4], new_tags, *values[5:]):
        if timed_key(key) and key != row[7]:  # its time alone is new: its place in the list, nothing to redo
            db.execute("UPDATE articles SET sort_key = ? WHERE id = ?", (key, article_id))
        return False
    try:
        db.execute("UPDATE articles SET title = ?, source = ?, byline = ?, published = ?, tags = ?, url = ?, body = ?,"
                   " words = ?, hash = ?, folds = ?, sort_key = coalesce(?, sort_key) WHERE id = ?",
                   (*values, *_words_hash_folds(a), key, article_id))
    except sqlite3.IntegrityError:  # the new text is already stored as another article
        return False
    db.execute("DELETE FROM analysis WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    return True
