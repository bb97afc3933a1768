"""Fetched bytes -> feed entries ready to store. The importers do the parsing; this adds identity."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from tui.child import CHILD_FROM, ChildError
from tui.importers.clean import FIELD_MAX, bound_fields, bounded
from tui.models import Article
from tui.store.derived import derived
from tui.store.feeds import Entry
from tui.tags import unique_tags

TEASER_WORDS = 60  # an item with fewer words than this is a teaser: its page is fetched for the full text
# Items kept from one feed document at a refresh, the newest (by date; undated ones, dated when added, count as newest;
# in the document's order among equals). A feed of 80,000 tiny items (8 MB) stored every one of them in one refresh.
FEED_ITEMS = 500
# A document of CHILD_FROM bytes or more is parsed in a child process with a deadline (Limits.parse), not in a thread
# of the app's process: a pure-Python parse holds the interpreter (the app's screen) for as long as it runs, and a
# hostile document of dense markup costs ~7 us a byte (4 MB: half a minute); see tui.child.


class ParseError(ChildError):
    """Fetched content that is not a feed we can read (one-line reason)."""


@dataclass
class ParsedFeed:
    """A parsed feed: its title, site link and entries (items without any text are counted, not kept)."""

    title: str
    site_url: str | None
    entries: list[Entry] = field(default_factory=list)
    skipped: int = 0
    note: str | None = None  # what of the feed was left out and why ("cut: ..."), for the refresh and `feed list`
    # Items with no text but a link (a title and a link at most), when asked for (`link_only`): their pages may hold
    # the text (a feed read with its full text: tui.sources.refresh._complete); body empty, never stored as they are
    link_only: list[Entry] = field(default_factory=list)
    # Of those, how many were new this time (not stored before), and how many their pages completed (`_complete`)
    link_only_new: int = 0
    completed: int = 0
    # Of the new ones, how many pages failed (this time, or before and waiting to be tried again), and what the feed
    # keeps of those failures (Feed.pages_failed; None: `_complete` did not read them, the stored state stays)
    pages_failed: int = 0
    failed_state: dict | None = None


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
                     tags: list[str] | None = None, cut: int = 0, max_items: int = FEED_ITEMS,
                     link_only: bool = False) -> ParsedFeed:
    """Parse an RSS/Atom/JSON feed fetched from `url` into entries with identities and hashes.

    Relative links are resolved against `url`; an item with no source gets the feed's title
    (or `fallback_title`, or the host name). Raises ParseError when it is not a readable feed.
    `cut`: the body is the first `cut` bytes of a longer document (the fetch stopped there): it is read up to its last
    whole item. Of more than `max_items` items the newest are kept. Either is said in `note`. `link_only`: the items
    with no text but a link are given in `link_only` (the newest `max_items`), for their pages to be read.
    """
    from tui.importers.feed import feed_entries
    from tui.importers.jsonfeed import json_feed_entries

    if not body.strip():  # (it said "not a feed (neither RSS, Atom nor RDF)" of a server's empty answer)
        raise ParseError("the server sent an empty document, no feed")
    kind = sniff(body, content_type)
    notes = []
    if cut:
        size = f"{cut / (1024 * 1024):g} MB"
        if kind == "json":
            raise ParseError(f"a JSON Feed larger than {size}, which cannot be read in part")
        body = _whole_items(body)
        notes.append(f"the feed is larger than {size}: only its first {size} were read")
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
        raise ParseError(error + (f" ({notes[0]})" if cut else ""))
    title = bounded(info.get("title") or fallback_title or (urlsplit(url).hostname or ""), FIELD_MAX["source"])
    site = info.get("link")
    out = ParsedFeed(title=title, site_url=urljoin(url, site) if site else None)
    readable = [pair for pair in pairs if pair[1].article is not None]
    out.skipped = len(pairs) - len(readable)
    if len(readable) > max_items:
        notes.append(f"{max_items:,} of its {len(readable):,} items kept, the newest")
        readable = newest(readable, max_items)
    if notes:
        out.note = "cut: " + "; ".join(notes)
    stubs = [(key, item.link_only) for key, item in pairs if item.article is None and item.link_only is not None]
    if link_only and stubs:
        stubs = newest(stubs, max_items)
    else:
        stubs = []
    if pairs and not readable and not stubs:  # ("Links only  0 items" said nothing of why: titles and links alone)
        out.note = add_note(out.note, nothing_kept(len(pairs)))
    for key, a, stub in [(key, item.article, False) for key, item in readable] + [(key, a, True) for key, a in stubs]:
        link = urljoin(url, key["link"]) if key.get("link") else None
        a.url = urljoin(url, a.url) if a.url else link
        a.source = a.source or title
        a.tags = unique_tags([*a.tags, *(tags or ())])  # an OPML folder's "Politics" and the item's "politics" are one
        bound_fields(a)  # a 1 MB title cut to 1,000 characters (the body keeps its text)
        if stub:  # (its text, and so what the store derives, comes with its page)
            out.link_only.append(Entry(guid=key.get("guid"), link=link, entry_hash=entry_hash(a), article=a))
            continue
        # What the store derives from the text (hash, words, fold flag) is computed here, in the parsing
        # process, not by the one thread that writes.
        out.entries.append(Entry(guid=key.get("guid"), link=link, entry_hash=entry_hash(a), article=a, known=derived(a)))
    return out


def nothing_kept(n: int, pages: bool = False) -> str:
    """What a feed whose `n` items hold no text says: "none of its 2 items holds any text, a title and a link at most:
    nothing kept"; `pages`: their pages were tried and gave none ("..., nor did the pages read: nothing kept")."""
    tried = ", nor did the pages read" if pages else ""
    return (f"{'its one item holds no' if n == 1 else f'none of its {n:,} items holds any'} text, a title and a link"
            f" at most{tried}: nothing kept")


def add_note(note: str | None, more: str) -> str:
    """A feed's note with one more part ("cut: ...; none of its ...")."""
    return f"{note}; {more}" if note else more


def newest(pairs: list, n: int) -> list:
    """The `n` newest of feed_entries' (key, item) pairs, in their order: by date, an undated item (dated when it is
    added) counting as newest, the document's order deciding among equals (feeds list their newest first). An
    article may stand for the item (the link-only items' (key, article) pairs)."""
    def day(pair) -> str:
        a = pair[1] if isinstance(pair[1], Article) else pair[1].article
        return a.published or "\uffff"

    if len(pairs) <= n:
        return pairs
    ranked = sorted(range(len(pairs)), key=lambda i: day(pairs[i]), reverse=True)
    return [pairs[i] for i in sorted(ranked[:n])]


_ITEM_ENDS = (b"</item>", b"</entry>")
_CLOSERS = ((b"<rdf:RDF", b"</rdf:RDF>"), (b"<feed", b"</feed>"), (b"<rss", b"</channel></rss>"))


def _whole_items(body: bytes) -> bytes:
    """A feed document cut off at a byte count, up to the end of its last whole item and closed as its root needs (an
    RSS, RDF or Atom document written as usual), so a strict parser reads it; feedparser's own recovery reads the rest
    (it parses a cut document once strictly and fails, then again loosely)."""
    end = max(body.rfind(tag) + len(tag) if body.rfind(tag) >= 0 else -1 for tag in _ITEM_ENDS)
    if end < 0:
        return body
    head = body[:4096]
    for opener, closer in _CLOSERS:
        if opener in head:
            return body[:end] + closer
    return body[:end]


def parse_bounded(body: bytes, url: str, content_type: str = "", *, seconds: float, pool=None,
                  **kwargs) -> ParsedFeed:
    """parse_feed_bytes, bounded: a document of CHILD_FROM bytes or more is parsed in a child process given `seconds`
    (killed then: a ParseError saying so); a smaller one in `pool` (worker processes) when given, else here."""
    if len(body) < CHILD_FROM:
        if pool is not None:
            from concurrent.futures import TimeoutError as Late
            from concurrent.futures.process import BrokenProcessPool

            from tui.child import wall_limit

            try:
                return _in_pool(pool, seconds, parse_feed_bytes, body, url, content_type, **kwargs)
            except BrokenProcessPool:  # a worker died (killed, out of memory): parse here instead
                pass
            except Late:  # a worker that stopped answering (stopped, stuck) held the refresh for good
                _end_pool(pool)
                raise ParseError(f"its parser did not answer in {wall_limit(seconds):g} s (stuck?); given up this "
                                 "time") from None
        return parse_feed_bytes(body, url, content_type, **kwargs)
    return in_child(parse_feed_bytes, (body, url, content_type), kwargs, seconds=seconds, size=len(body))


def _in_pool(pool, seconds: float, fn, *args, **kwargs):
    """`fn(*args, **kwargs)` in a worker of `pool`, its answer waited for `wall_limit(seconds)` from when a worker is
    free for it: a pool that says how many are (`pool.free`, a semaphore of its worker count) is handed a document
    only when one is, and the wait for it has no deadline (the time spent queued behind other feeds' documents made
    the last feeds of a big refresh fail "did not answer"). A worker that stops is killed at its own deadline
    (_end_pool), which frees the others' waits."""
    from tui.child import wall_limit

    free = getattr(pool, "free", None)
    if free is None:
        return pool.submit(fn, *args, **kwargs).result(wall_limit(seconds))
    free.acquire()
    try:
        future = pool.submit(fn, *args, **kwargs)
    except BaseException:
        free.release()
        raise
    future.add_done_callback(lambda _done: free.release())
    return future.result(wall_limit(seconds))


def _end_pool(pool) -> None:
    """Kill the worker processes of a process pool (one no longer answers): the pool is broken then, the parses
    waiting in it or sent to it later are done here (BrokenProcessPool), and its shutdown does not wait on a stopped
    worker for good."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.kill()
        except (OSError, ValueError, AttributeError):
            pass


def in_child(fn, args: tuple, kwargs: dict | None = None, *, seconds: float, size: int):
    """`fn(*args, **kwargs)` in a child process killed after `seconds` (tui.child.in_child): its result, or ParseError
    (the deadline passed, the child died, or `fn` raised: its reason)."""
    from tui.child import in_child as run

    return run(fn, args, kwargs, seconds=seconds, size=size, error=ParseError)


def entry_hash(a) -> str:
    """Hash of an entry as the feed gives it: a change in any of these fields is a republished item."""
    data = json.dumps([a.title, a.body, a.url, a.byline, a.published, a.tags], ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def is_teaser(a) -> bool:
    """A few dozen words: the feed gives a teaser, the page has the article."""
    return len(a.body.split()) < TEASER_WORDS
