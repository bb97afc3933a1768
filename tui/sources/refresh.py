"""Subscribe to feeds and refresh them concurrently.

Threads fetch and parse (network-bound; a per-host cap keeps us polite); the calling thread alone
writes, one transaction per feed, so a kill at any moment leaves every feed either as it was or
fully refreshed. Call from a worker thread in the app, with a `Library` of that thread.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from concurrent.futures import FIRST_COMPLETED, wait
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import urlsplit

from tui.sources.daemon_pool import DaemonPool
from tui.sources.http import PAGE_ACCEPT, FetchError, Fetcher, Limits, check_url
from tui.importers.clean import bound_fields
from tui.importers.titles import title_from_text
from tui.sources.parse import ParseError, ParsedFeed, add_note, is_teaser, nothing_kept, parse_bounded, sniff
from tui.textsafe import clean
from tui.store.feeds import (Feed, add_feed, feed_key, get_feed, list_feeds, now_iso, same_feed, store_entries,
                             store_feeds, update_feed)

# How many requests are in flight. Feeds are many small, slow requests (a conditional GET answered 304 costs
# the server next to nothing; the time is the round trip), so what bounds a refresh is round trips in flight.
# The "8" is applied per host, where politeness matters; overall up to 32 (300 feeds with 100 ms per
# response: 300 x 0.1 / 32 = 0.94 s at best, where 8 in all could never beat 3.75 s). Memory stays bounded:
# bodies are capped at 20 MB each and a typical feed is tens of KB. `refresh --jobs N` sets the overall cap.
CONCURRENCY = 32  # requests in flight overall
PER_HOST = 8  # requests in flight to one host (host and port) at once
BACKOFF_BASE = 300.0  # seconds of back-off after the second failure in a row, doubling after each
BACKOFF_MAX = 24 * 3600.0
FULL_TEXT_PAGES = 30  # item pages fetched per feed per refresh at most
# ... and none more once this many of them ran out of the fetch's time (Limits.total): a site whose 30 pages each
# trickled up to the limit held one feed's refresh, and `feed add --full-text`, for 30 minutes (hostile36); the pages
# left are tried at the next refresh, as those the count leaves
PAGES_TIMED_OUT = 2
PAGE_WAIT_MAX = 24 * 3600.0  # a link-only item whose page keeps failing is fetched again after a day at most
SAVE_TOGETHER = 40  # feeds stored in one transaction at most (those that finished while the writer was busy)
PARSE_POOL_FROM = 16  # feeds to refresh from which parsing moves to worker processes (feedparser is
                      # pure Python, ~40 ms for 25 items: in threads it would serialise on the GIL)
PARSE_WORKERS = 4  # worker processes at most (one a core)


@dataclass
class FeedResult:
    """What one feed's refresh (or subscription) did; `to_json()` is the `refresh --json` line."""

    feed: str  # the feed's URL
    status: str  # "ok" | "not_modified" | "error"
    new: int = 0
    updated: int = 0
    error: str | None = None
    # New items whose text the library already held (an article `add` stored, another feed's): not new articles,
    # but this feed's now, counted in its unread and total (`feed list`, the app's feeds list)
    known: int = 0
    feed_id: int | None = None
    title: str = ""
    # Why the feed was not fetched at all this time (backing off after failures, or the server's
    # Retry-After not over yet); its status is then "not_modified": nothing changed, nothing failed now.
    skipped: str | None = None
    # What of the feed was left out and why (ParsedFeed.note: "cut: the feed is larger than 4 MB ..."); kept as the
    # feed's last_error beside last_status "ok", which `feed list` shows as a note
    note: str | None = None
    # Items with only a title and a link, new this time, of a feed read with its full text, and how many of them
    # their pages completed (the others are tried again at the next refresh)
    link_only: int = 0
    completed: int = 0
    # Of those, how many pages failed (now, or before and not tried again yet: each waits 1, 3, 7 ... refreshes, a day
    # at most, after its failures in a row)
    pages_failed: int = 0

    @property
    def ok(self) -> bool:
        """True unless the feed failed."""
        return self.status != "error"

    def to_json(self) -> dict:
        """The fields of one `refresh --json` line."""
        return {"feed": self.feed, "id": self.feed_id, "title": self.title, "status": self.status,
                "new": self.new, "known": self.known, "updated": self.updated, "error": self.error,
                "skipped": self.skipped, "note": self.note, "link_only": self.link_only, "completed": self.completed,
                "pages_failed": self.pages_failed}


@dataclass
class _Fetched:
    status: str  # "ok" | "not_modified" | "error"
    parsed: ParsedFeed | None = None
    headers: dict | None = None
    new_url: str | None = None
    error: str | None = None
    retry_after: float | None = None
    gone: bool = False  # HTTP 410: the server says the feed is gone for good
    final_url: str | None = None  # where the fetch ended after redirects
    # a 304's failed link-only pages, each one refresh further on (None: nothing to store)
    failed_state: dict | None = None


# A feed answering 410 Gone waits the longest back-off at once (it was fetched again after 5 minutes, 10, 20 ...,
# failing each time with "HTTP 410 Gone" and no word of what to do); naming it in `refresh` still tries it.
GONE_NOTE = "the site removed this feed for good: tried again once a day; `newsreader feed remove` unsubscribes"

Progress = Callable[[FeedResult, int, int], None]
_CANCELLED = "cancelled"


def refresh(lib, feeds: Iterable[int | str] | None = None, *, concurrency: int = CONCURRENCY,
            per_host: int = PER_HOST, limits: Limits | None = None, on_result: Progress | None = None,
            cancel: threading.Event | None = None, force: bool = False) -> list[FeedResult]:
    """Refresh every feed (or those named by id or URL) and store what is new or changed.

    Feeds that keep failing, or whose server asked to wait (429/503 Retry-After), are skipped until
    their time comes unless named or `force`. `on_result(result, done, total)` is called in this
    thread as each feed finishes; `cancel` stops before the next fetches (stored feeds stay stored).
    Never raises for network or feed problems: each is an "error" result with a one-line reason.
    """
    named = feeds is not None
    results: list[FeedResult] = []
    targets: list[Feed] = []
    if named:
        for ident in feeds:
            feed = get_feed(lib, ident)
            if feed is None:
                results.append(FeedResult(str(ident), "error", error="no such feed"))
            else:
                targets.append(feed)
    else:
        targets = list_feeds(lib)
    now = time.time()
    due = []
    for feed in targets:
        if _waits(feed, now) and not (named or force):
            results.append(_waiting(feed))
        else:
            due.append(feed)
    total = len(results) + len(due)
    for i, r in enumerate(results, 1):
        if on_result:
            on_result(r, i, total)
    if not due:
        return results
    known = {f.id: _known_hashes(lib, f.id) for f in due}
    parsers = _parse_pool(len(due))
    try:
        # daemon threads: a process whose main thread ends (the app after Q) does not wait for a slow server
        with Fetcher(limits, per_host=per_host) as fetcher, DaemonPool(max(1, concurrency)) as pool:
            futures = {pool.submit(_fetch_feed, fetcher, f, known[f.id], cancel, parsers): f for f in _by_host(due)}
            _collect(lib, futures, results, total, on_result)
    finally:
        if parsers is not None:
            parsers.shutdown(wait=True, cancel_futures=True)
    return results


def _collect(lib, futures: dict, results: list, total: int, on_result: Progress | None) -> None:
    """Store each feed as its fetch finishes (this thread is the only writer). The feeds that finished while
    the previous ones were being stored are stored together, in one transaction (`_save_many`)."""
    order = {future: i for i, future in enumerate(futures)}
    pending = set(futures)
    while pending:
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        ready = sorted(done, key=order.__getitem__)
        for start in range(0, len(ready), SAVE_TOGETHER):
            batch = []
            for future in ready[start:start + SAVE_TOGETHER]:
                try:
                    fetched = future.result()
                except Exception as exc:  # a bug must not stop the other feeds
                    fetched = _Fetched("error", error=f"{type(exc).__name__}: {exc}"[:120])
                batch.append((futures[future], fetched))
            for result in _save_many(lib, batch):
                results.append(result)
                if on_result:
                    on_result(result, len(results), total)


def _parse_pool(feeds: int):
    """Worker processes for parsing when there are many feeds and several cores, else None.

    Spawned, not forked: forking a process that runs threads (the app's, ours) can copy a held lock.
    Each worker ends with the refresh that started it, even one killed -9 (`tui.lifeline`, the rules of the
    import's parse workers), through the watching thread only: not PR_SET_PDEATHSIG, which fires when the
    parent *thread* ends, and the pool starts its processes from whichever fetch thread submits first.
    """
    import os

    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if feeds < PARSE_POOL_FROM or cores < 2:
        return None
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from tui.child import tracker_ready
    from tui.lifeline import die_with_parent

    tracker_ready()  # (inside the app: see tui.child)
    workers = max(1, min(cores, PARSE_WORKERS))
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=die_with_parent, initargs=(os.getpid(), False))
    # one document a worker at most is handed to the pool (parse_bounded): a document waiting in the pool's queue for
    # a worker counted that wait in its deadline, so with many feeds the last ones could fail for a slow start
    pool.free = threading.BoundedSemaphore(workers)
    return pool


def subscribe(lib, url: str, *, title: str = "", full_text: bool = False, tags: list[str] | None = None,
              limits: Limits | None = None) -> FeedResult:
    """Add a feed from its URL or from a web page announcing it; fetch it once and store its items.

    An already-subscribed URL is reported ("ok", nothing new, `feed` the subscribed URL): the URL of a feed, the URL a
    feed's last fetch ended at after redirects, or a URL whose fetch ends at either. Nothing is stored when the fetch
    fails. A feed reached through a temporary redirect keeps the given URL, and the one it ended at as its final_url.
    """
    from tui.importers.clean import FIELD_MAX, bounded

    url = url.strip()
    # a name given for the feed is cut as a feed's own title is (200 characters, "…"): `feed add URL --title` of
    # 100,000 characters was stored whole
    title = bounded(" ".join((title or "").split()), FIELD_MAX["source"])
    try:
        check_url(url)
    except FetchError as exc:
        return FeedResult(url, "error", error=str(exc))
    existing = same_feed(lib, url)
    if existing is not None:
        return _other_scheme(lib, existing, url, limits) or FeedResult(
            existing.url, "ok", feed_id=existing.id, title=existing.name, error="already subscribed")
    with Fetcher(limits) as fetcher:
        limits = fetcher.limits
        try:
            resp = fetcher.get(url, cut_at=limits.feed_bytes)
            feed_url = resp.permanent_url or url
            if sniff(resp.body, resp.content_type) == "html":
                resp, feed_url = _announced_feed(fetcher, resp)
            parsed = parse_bounded(resp.body, resp.url, resp.content_type, seconds=limits.parse, fallback_title=title,
                                   tags=tags, cut=limits.feed_bytes if resp.cut else 0, link_only=True)
        except (FetchError, ParseError) as exc:
            return FeedResult(url, "error", error=str(exc))
        # (subscribed by the URL this one leads to, or by another URL leading where this one does)
        existing = same_feed(lib, feed_url, resp.url)
        if existing is not None:
            return FeedResult(existing.url, "ok", feed_id=existing.id, title=existing.name, error="already subscribed")
        _complete(fetcher, parsed, set(), full_text)
    feed_id, _created = add_feed(lib, feed_url, title or parsed.title, tags=tags, full_text=full_text,
                                 site_url=parsed.site_url, final_url=resp.url)
    known: list[int] = []
    new, updated = store_entries(lib, feed_id, parsed.entries, known, etag=resp.headers.get("etag"),
                                 last_modified=resp.headers.get("last-modified"), last_refresh=now_iso(),
                                 last_status="ok", last_error=parsed.note, pages_failed=_failed_json(parsed))
    return FeedResult(feed_url, "ok", new=new, updated=updated, feed_id=feed_id, title=title or parsed.title,
                      known=known[0], note=parsed.note, link_only=parsed.link_only_new, completed=parsed.completed,
                      pages_failed=parsed.pages_failed)


def _other_scheme(lib, feed: Feed, url: str, limits: Limits | None) -> FeedResult | None:
    """`feed add https://site/feed` of a feed subscribed as http://site/feed (or the other way) whose last refresh
    failed: the feed is fetched from `url`, and when that works it lives there now (its articles and state kept:
    one feed, the one that works); when it fails too, the feed stays as it was. None when there is nothing to try (the
    same scheme, or the subscribed URL works): "already subscribed as ..."."""
    from dataclasses import replace

    if feed.last_status != "error" or urlsplit(url).scheme.lower() == urlsplit(feed.url).scheme.lower():
        return None
    if same_feed(lib, url, other_than=feed.id) is not None or get_feed(lib, url) is not None:
        return None
    before = {k: getattr(feed, k) for k in ("url", "last_refresh", "last_status", "last_error", "failures", "next_try")}
    update_feed(lib, feed.id, url=url, next_try=None)
    result = refresh(lib, [feed.id], limits=limits, force=True)[0]
    if not result.ok:
        update_feed(lib, feed.id, **before)  # (its failure at `url` not counted: the feed is as it was)
        return None
    moved = replace(result, feed=url)
    moved.note = f"moved from {before['url']}, whose last refresh failed ({before['last_error'] or 'unknown'})" + (
        f"; {result.note}" if result.note else "")
    return moved


def _announced_feed(fetcher: Fetcher, page, site_of: str | None = None):
    """(the response, the URL) of the feed the web page `page` announces (the first of up to 3 that is a feed), or
    FetchError / ParseError saying why none. `site_of`: only feeds of that URL's site (its host, "www." aside, or a
    host under it) are taken: a feed's URL that serves a parked domain's page is not moved to another site's feed."""
    from tui.importers.decode import DecodeError, decode
    from tui.sources.discover import discover_feeds

    try:
        html = decode(page.body, html=True)
    except DecodeError as exc:
        raise ParseError(str(exc)) from None
    candidates = discover_feeds(html, page.url)
    if site_of is not None and candidates:
        others = [c for c in candidates if not _same_site(c, site_of)]
        candidates = [c for c in candidates if _same_site(c, site_of)]
        if not candidates:
            raise ParseError(f"the page announces a feed of another site, {others[0]}"
                             f" (`newsreader feed add` subscribes to it)")
    if not candidates:
        raise ParseError("a web page that announces no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)")
    last: Exception | None = None
    for candidate in candidates[:3]:
        try:
            resp = fetcher.get(candidate, cut_at=fetcher.limits.feed_bytes)
            if sniff(resp.body, resp.content_type) in ("feed", "json"):
                return resp, resp.permanent_url or candidate
            last = ParseError(f"the announced feed {candidate} is not a feed")
        except FetchError as exc:
            last = FetchError(f"announced feed {candidate}: {exc}")
    raise last  # type: ignore[misc]


def _same_site(url: str, other: str) -> bool:
    """Whether two URLs are of one site: the same host, "www." aside, or one a host under the other's."""
    def host(u: str) -> str:
        try:
            name = (urlsplit(u).hostname or "").rstrip(".")
        except ValueError:
            return ""
        return name[4:] if name.startswith("www.") else name

    a, b = host(url), host(other)
    return bool(a and b) and (a == b or a.endswith("." + b) or b.endswith("." + a))


def _known_hashes(lib, feed_id: int) -> set[str]:
    return {r[0] for r in lib.db.execute("SELECT entry_hash FROM feed_items WHERE feed_id = ?", (feed_id,))}


def _by_host(feeds: list[Feed]) -> list[Feed]:
    """Feeds interleaved host by host, so the first workers do not all queue on one host's cap."""
    groups: dict[str, list[Feed]] = defaultdict(list)
    for f in feeds:
        parts = urlsplit(f.url)
        groups[f"{parts.hostname}:{parts.port}"].append(f)
    out: list[Feed] = []
    queues = list(groups.values())
    while queues:
        for q in queues:
            out.append(q.pop(0))
        queues = [q for q in queues if q]
    return out


def _fetch_feed(fetcher: Fetcher, feed: Feed, known: set[str], cancel: threading.Event | None,
                parsers=None) -> _Fetched:
    """Fetch and parse one feed (in a worker thread; no database access here)."""
    if cancel is not None and cancel.is_set():
        return _Fetched("error", error=_CANCELLED)
    limits = fetcher.limits
    try:
        resp = fetcher.get(feed.url, etag=feed.etag, last_modified=feed.last_modified, cut_at=limits.feed_bytes)
    except FetchError as exc:
        if exc.status == 410:
            return _Fetched("error", error=f"{exc}: {GONE_NOTE}", gone=True)
        return _Fetched("error", error=str(exc), retry_after=exc.retry_after)
    if resp.status == 304:
        if not (feed.full_text and feed.pages_failed) or not _pages_due(feed.pages_failed, time.time()):
            waited = _skipped_once(feed.pages_failed) if feed.full_text and feed.pages_failed else None
            return _Fetched("not_modified", headers=resp.headers, new_url=resp.permanent_url, final_url=resp.url,
                            failed_state=waited)
        # an unchanged document whose link-only items' pages failed: when one of those is due (its back-off is over),
        # the document is fetched whole again for their links (the pages were retried only when the document changed)
        try:
            resp = fetcher.get(feed.url, cut_at=limits.feed_bytes)
        except FetchError as exc:
            return _Fetched("error", error=str(exc), retry_after=exc.retry_after)
        if resp.status == 304:  # (a server answering 304 to a plain GET: nothing to read the links from)
            return _Fetched("not_modified", headers=resp.headers, new_url=resp.permanent_url, final_url=resp.url,
                            failed_state=_skipped_once(feed.pages_failed))
    moved = None
    if sniff(resp.body, resp.content_type) == "html":
        # a feed whose URL now serves a web page (a site that moved its feed and sends the old address to its home
        # page): the feed that page announces, of the same site, is read and the feed lives there now, as after a
        # permanent redirect (it failed with "a web page, not a feed" at every refresh, for good)
        try:
            resp, moved = _announced_feed(fetcher, resp, site_of=feed.url)
        except (FetchError, ParseError) as exc:
            return _Fetched("error", error=f"its URL serves a web page now, not a feed: {exc}")
    try:
        # (a large document in a child process with a deadline; a small one in the worker processes, or here)
        parsed = parse_bounded(resp.body, resp.url, resp.content_type, seconds=limits.parse, pool=parsers,
                               fallback_title=feed.title, tags=feed.tags, cut=limits.feed_bytes if resp.cut else 0,
                               link_only=True)
    except ParseError as exc:
        return _Fetched("error", error=str(exc))
    if moved:
        parsed.note = add_note(parsed.note, f"its URL {feed.url} serves a web page now: read from the feed it"
                                            f" announces, {moved}, where the feed lives from now on")
    _complete(fetcher, parsed, known, feed.full_text, cancel, feed.pages_failed)
    return _Fetched("ok", parsed=parsed, headers=resp.headers, new_url=moved or resp.permanent_url, final_url=resp.url)


def _complete(fetcher: Fetcher, parsed: ParsedFeed, known: set[str], full_text: bool,
              cancel: threading.Event | None = None, failed: dict | None = None) -> None:
    """Fetch the page of each new or changed teaser item (every item with `full_text`) once and put
    its extracted text in the article. A page that fails leaves the feed's text. With `full_text`, the new items with
    only a title and a link (`parsed.link_only`) are read from their pages too, after the others and within the same
    FULL_TEXT_PAGES: each one a page completes joins the entries (`parsed.completed` counts them); one whose page
    fails, or that the count leaves out, is not stored and is tried again at the next refresh. The link-only items not
    read (without `full_text` all of them) join the entries `listed_only`: the store knows them still listed, so
    none of them is taken for gone, nor another entry for its edit.

    `failed`: the feed's link-only items whose pages failed before (Feed.pages_failed). One that failed n times in a
    row is fetched again only after 2**(n-1) - 1 refreshes skipped it, or a day after its last try (a page that always
    failed was fetched at every refresh, within the 30). The state to store is left in `parsed.failed_state`; the
    pages that failed now or wait after failing are counted in `parsed.pages_failed`."""
    pages = 0
    unread: list[str] = []  # why each page of an item with text of its own could not be read (its text is kept)
    slow: list[str] = []  # the pages whose fetch ran out of time

    def stop() -> bool:
        return pages >= FULL_TEXT_PAGES or len(slow) >= PAGES_TIMED_OUT or (cancel is not None and cancel.is_set())

    for e in parsed.entries:
        if e.entry_hash in known or not e.article.url or not (full_text or is_teaser(e.article)):
            continue
        if stop():
            break
        pages += 1
        page = _page_article(fetcher, e.article.url, unread, slow)
        if page is None or len(page.body.split()) <= len(e.article.body.split()):
            continue
        a = e.article
        e.known = None  # the text changes: the store derives its values again
        a.body = page.body
        a.byline = a.byline or page.byline
        a.title = a.title or page.title
        a.published = a.published or page.published
        bound_fields(a)  # (the page's title and byline: an item's own were cut when the feed was parsed)
    if unread:
        # walk36: a --full-text feed whose item pages all failed (404) said "25 items" and nothing else, its articles
        # the feed's own text, as if the full text had been read
        parsed.note = add_note(parsed.note, pages_unread(unread, pages))
    fresh = [e for e in parsed.link_only if e.entry_hash not in known] if full_text else []
    parsed.link_only_new = len(fresh)
    read: set[int] = set()
    listed = {e.entry_hash for e in fresh}
    state = {h: v for h, v in (failed or {}).items() if h in listed}  # (an item no longer listed is forgotten)
    now = time.time()
    for e in fresh:
        before = state.get(e.entry_hash)
        if before is not None and not _page_due(before, now):
            state[e.entry_hash] = [before[0], before[1] + 1, before[2]]
            parsed.pages_failed += 1
            continue
        if stop():
            continue  # (not tried: its failures, if any, stay as they were)
        pages += 1
        page = _page_article(fetcher, e.article.url, slow=slow)
        if page is None or not page.body.strip():
            state[e.entry_hash] = [(before[0] if before else 0) + 1, 0, now]
            parsed.pages_failed += 1
            continue
        state.pop(e.entry_hash, None)
        a = e.article
        a.body = page.body
        a.byline = a.byline or page.byline
        a.title = a.title or page.title or title_from_text(page.body)
        a.published = a.published or page.published
        bound_fields(a)  # (hostile36: a page's <title> of 100,000 characters was stored whole as the item's title)
        parsed.entries.append(e)
        read.add(id(e))
        parsed.completed += 1
    if (parsed.link_only and not parsed.entries and (fresh or not full_text)
            and not any(e.entry_hash in known for e in parsed.link_only)):
        # (the note parse_feed_bytes leaves to this: nothing of the feed is kept, nor was before)
        parsed.note = add_note(parsed.note, nothing_kept(parsed.skipped, pages=bool(fresh)))
    for e in parsed.link_only:
        if id(e) not in read:
            e.listed_only = True
            parsed.entries.append(e)
    if full_text:
        parsed.failed_state = state


def _page_due(failed: list, now: float) -> bool:
    """Whether a link-only item whose page failed ([failures in a row, refreshes skipped since, last try]) is fetched
    again at this refresh: after 0, 1, 3, 7 ... refreshes skipped it, or a day after its last try (also when that try
    reads as later than now: a clock set back)."""
    failures, skipped, tried = failed
    return (skipped >= 2 ** min(failures - 1, 30) - 1 or now - tried >= PAGE_WAIT_MAX or tried > now)


def pages_waiting(feed: Feed, now: float | None = None) -> str:
    """What `feed list` and the app's feeds list say of a --full-text feed's link-only items whose pages failed
    (Feed.pages_failed): how many, and when the soonest is tried again, as `_page_due` will have it: "2 link-only
    items could not be read from their pages: the soonest tried again after 3 more refreshes, or at the first refresh
    after tomorrow 09:14" ("at the next refresh" when one is due). "" when none failed (or full text is off: nothing
    of the state is used then)."""
    from datetime import datetime, timezone

    from tui.cells import ahead_said, plural

    failed = feed.pages_failed if feed.full_text else {}
    if not failed:
        return ""
    now = time.time() if now is None else now
    left = min(max(0, 2 ** min(f - 1, 30) - 1 - skipped) for f, skipped, _ in failed.values())
    deadline = min(tried + PAGE_WAIT_MAX for _, _, tried in failed.values())
    if left == 0 or deadline <= now or any(tried > now for _, _, tried in failed.values()):
        when = "at the next refresh"
    else:
        stamp = datetime.fromtimestamp(deadline, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        when = f"after {plural(left, 'more refresh', 'more refreshes')}, or at the first refresh after {ahead_said(stamp)}"
    n = len(failed)
    return (f"{plural(n, 'link-only item')} could not be read from {'its page' if n == 1 else 'their pages'}:"
            f" {'tried' if n == 1 else 'the soonest tried'} again {when}")


def _pages_due(failed: dict, now: float) -> bool:
    """Whether any of a feed's failed link-only pages (Feed.pages_failed) is due at this refresh."""
    return any(_page_due(v, now) for v in failed.values())


def _skipped_once(failed: dict) -> dict:
    """A feed's failed link-only pages after a refresh that skipped them all (its document unchanged, none due)."""
    return {h: [v[0], v[1] + 1, v[2]] for h, v in failed.items()}


def _failed_json(parsed: ParsedFeed) -> str | None:
    """The feeds.pages_failed value for what `_complete` left (NULL when no page failed)."""
    return json.dumps(parsed.failed_state, separators=(",", ":")) if parsed.failed_state else None


def pages_unread(reasons: list[str], tried: int) -> str:
    """The note of item pages that could not be read, their items' own text kept: "25 item pages could not be read
    (HTTP 404 Not Found): their text is the feed's", "2 of 3 item pages ...", "1 item page ...: its text is the
    feed's"; the most frequent reason, "+N other reasons" when they differ."""
    from collections import Counter

    counted = Counter(" ".join(r.split())[:120] for r in reasons)
    first = counted.most_common(1)[0][0]
    others = len(counted) - 1
    why = first + (f", +{others} other {'reason' if others == 1 else 'reasons'}" if others else "")
    n = len(reasons)
    pages = f"{n} item page{'' if n == 1 else 's'}" if n == tried else f"{n} of {tried} item pages"
    return f"{pages} could not be read ({why}): {'its' if n == 1 else 'their'} text is the feed's"


def _page_article(fetcher: Fetcher, url: str, unread: list[str] | None = None, slow: list[str] | None = None):
    """The article of an item's page, or None; why not is added to `unread` when the page could not be read (not
    when it was read and held no article), and the URL to `slow` when its fetch ran out of time."""
    from tui.importers.decode import DecodeError, decode
    from tui.importers.dispatch import page_markup
    from tui.importers.html import parse_html
    from tui.sources.parse import CHILD_FROM, in_child

    why = ""
    try:
        # (cut as a feed is: the article is at its start; the extractor costs ~7 us a byte, 100 us an element)
        resp = fetcher.get(url, accept=PAGE_ACCEPT, cut_at=fetcher.limits.feed_bytes)
        if sniff(resp.body, resp.content_type) != "html":
            why = "not a web page"
            return None
        # raw escape sequences and references to control characters dropped, as `add` of a page drops them (a
        # "&#7;" in a page made the extractor give up on it: a link-only item whose page held one was never stored)
        html = page_markup(decode(resp.body, html=True))
        if len(resp.body) < CHILD_FROM:
            return parse_html(html, resp.url)
        # a large page in a child given the parse deadline, as a large feed is (300 KB of markup: 4 s of CPU)
        return in_child(parse_html, (html, resp.url), seconds=fetcher.limits.parse, size=len(resp.body))
    except (FetchError, DecodeError, ParseError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if slow is not None and isinstance(exc, FetchError) and why.startswith("timed out"):
            slow.append(url)
        return None
    except Exception:  # the extractor on a hostile page: keep the teaser
        why = "the page could not be parsed"
        return None
    finally:
        if why and unread is not None:
            unread.append(clean(why))


def _save_many(lib, batch: list[tuple[Feed, _Fetched]]) -> list[FeedResult]:
    """Store the outcomes of several feeds in ONE transaction (in the calling thread: the only writer).

    A kill at any moment leaves each feed either as it was or fully refreshed; one commit (and one
    full-text segment) for all of them costs what a single feed's did (`store_feeds`).
    """
    results, jobs, claimed = [], [], set()
    for feed, fetched in batch:
        result, job = _plan(lib, feed, fetched, claimed)
        results.append(result)
        if job is not None:
            jobs.append((result, job))
    if jobs:
        known: list[int] = []
        stored = store_feeds(lib, [job for _, job in jobs], known)
        for (result, _job), (new, updated), held in zip(jobs, stored, known):
            result.new, result.updated, result.known = new, updated, held
    return results


def _plan(lib, feed: Feed, fetched: _Fetched, claimed: set[str]) -> tuple[FeedResult, tuple | None]:
    """One feed's result, and what to store for it: (feed id, entries, new feed columns), or None when
    the feed stays as it was (a cancelled fetch). `claimed`: URLs this batch already moves a feed to."""
    now = now_iso()
    result = FeedResult(feed.url, fetched.status, feed_id=feed.id, title=feed.name, error=fetched.error)
    fields: dict = {"last_refresh": now, "last_status": fetched.status}
    if (fetched.new_url and fetched.new_url != feed.url and fetched.new_url not in claimed
            and get_feed(lib, fetched.new_url) is None):
        fields["url"] = fetched.new_url  # a permanent redirect: the feed lives there now
        claimed.add(fetched.new_url)
        result.feed = fetched.new_url
    if fetched.status == "error" and fetched.error == _CANCELLED:
        return result, None  # not tried: the feed's state stays as it was (no failure counted)
    if fetched.status != "error" and fetched.final_url:
        here = fields.get("url", feed.url)
        fields["final_url"] = fetched.final_url if fetched.final_url != here else None
        twin = _subscribed_as(lib, feed, here, fetched.final_url)
        if twin is not None:  # nothing of it stored: the other feed holds these items
            fetched = _Fetched("error", error=f"already subscribed as #{twin.id} {twin.url} (this feed's URL leads there):"
                                              f" `newsreader feed remove {feed.id}` unsubscribes this copy")
            result.status, result.error = fetched.status, fetched.error
            fields["last_status"] = "error"
    if fetched.status == "error":
        failures = feed.failures + 1
        wait_for = max(backoff_seconds(failures), min(fetched.retry_after or 0.0, BACKOFF_MAX),
                       BACKOFF_MAX if fetched.gone else 0.0)
        fields.update(last_error=fetched.error, failures=failures,
                      next_try=time.time() + wait_for if wait_for else None)
        return result, (feed.id, [], fields)
    headers = fetched.headers or {}
    fields.update(last_error=None, failures=0, next_try=None)
    if headers.get("etag") or headers.get("last-modified"):
        fields.update(etag=headers.get("etag"), last_modified=headers.get("last-modified"))
    if fetched.status == "not_modified":
        if feed.last_status != "error" and feed.last_error:
            result.note = fields["last_error"] = feed.last_error  # the same document: cut as it was
        if fetched.failed_state is not None:
            fields["pages_failed"] = json.dumps(fetched.failed_state, separators=(",", ":"))
            result.link_only = result.pages_failed = len(fetched.failed_state)  # (all waiting: none read)
        return result, (feed.id, [], fields)
    parsed = fetched.parsed
    result.note = fields["last_error"] = parsed.note
    result.link_only, result.completed = parsed.link_only_new, parsed.completed
    result.pages_failed = parsed.pages_failed
    if parsed.failed_state is not None:
        fields["pages_failed"] = _failed_json(parsed)
    if not feed.title and parsed.title:
        fields["title"] = result.title = parsed.title
    if parsed.site_url and parsed.site_url != feed.site_url:
        fields["site_url"] = parsed.site_url
    return result, (feed.id, parsed.entries, fields)


def _subscribed_as(lib, feed: Feed, here: str, final: str) -> Feed | None:
    """The other feed that `feed` (at URL `here`) is, now that its fetch ended at `final` after redirects: the feed
    whose URL that is, or an earlier one whose own fetch ended there (both subscribed by URLs leading to one document:
    an OPML list naming a feed by its old and its new address). None when `feed` is its own (its URL is `final`)."""
    if final == here:
        return None
    twin = same_feed(lib, final, other_than=feed.id)
    return twin if twin is not None and (feed_key(twin.url) == feed_key(final) or twin.id < feed.id) else None


def backoff_seconds(failures: int) -> float:
    """How long a feed that failed `failures` times in a row waits: none after one failure, then
    5 minutes doubling up to a day."""
    if failures <= 1:
        return 0.0
    return min(BACKOFF_BASE * 2 ** (failures - 2), BACKOFF_MAX)


def _waits(feed: Feed, now: float) -> bool:
    """Whether `feed` is still waiting out a back-off or the server's Retry-After at `now` (epoch seconds).

    A wait is set at a refresh (`last_refresh`) and ends at most BACKOFF_MAX later. One that ends further ahead than
    that, or that began after `now`, was set while the clock was ahead of where it is now (a clock set back, a machine
    whose clock was wrong): the feed is due. A year ahead, every refresh of all feeds skipped it for a year.
    """
    if not feed.next_try or feed.next_try <= now:
        return False
    if feed.next_try - now > BACKOFF_MAX:
        return False
    began = _epoch(feed.last_refresh)
    return began is None or began <= now


def _epoch(stamp: str | None) -> float | None:
    """A stored time (`now_iso`, "2026-12-06T19:15:31Z") as epoch seconds; None when absent or unreadable."""
    from datetime import datetime, timezone

    try:
        return datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc).timestamp()
    except (TypeError, ValueError):
        return None


def _waiting(feed: Feed) -> FeedResult:
    """A feed not fetched this time because it is waiting. Status "not_modified" (the issue's fixed set has no
    "skipped"): nothing of it changed and nothing failed in this refresh, so `refresh` exits 0 for it (as
    "error" it made every refresh exit 1 for as long as one feed backed off, up to a day); `skipped` says why."""
    from tui.cells import epoch_ahead_said

    # (on the reader's clock, "tomorrow 01:10" after midnight: it said "01:10 UTC", a time of no day on another clock)
    return FeedResult(feed.url, "not_modified", feed_id=feed.id, title=feed.name,
                      skipped=f"{_why_waiting(feed)}; next try after {epoch_ahead_said(feed.next_try)}"
                              f" (last error: {feed.last_error or 'unknown'})")


def _why_waiting(feed: Feed) -> str:
    """Why a failed feed is not fetched before its next_try: "backing off after 3 failures", "gone (HTTP 410)"."""
    if (feed.last_error or "").startswith("HTTP 410"):
        return "gone (HTTP 410)"
    return f"backing off after {feed.failures} failures" if feed.failures > 1 else "server asked to retry later"


def next_try_said(feed: Feed, now: float | None = None) -> str:
    """What `feed list` and the app's feeds list say under a failed feed that a refresh of all feeds skips for now:
    "next try after tomorrow 01:10 (backing off after 4 failures)"; "" when the next refresh tries it."""
    from tui.cells import epoch_ahead_said

    if feed.last_status != "error" or not _waits(feed, time.time() if now is None else now):
        return ""
    return f"next try after {epoch_ahead_said(feed.next_try)} ({_why_waiting(feed)})"
