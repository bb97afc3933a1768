"""Subscribing to a feed and unsubscribing from inside the app, in a thread worker.

`add(url, full_text)` fetches the feed once (tui.sources.subscribe: the same code as `newsreader feed
add`) in a thread with its own Library, so the UI thread never waits for the network, nor does quitting;
`remove(feed_id, keep_articles)` unsubscribes in a worker (deleting many articles updates the full-text index).
Results come back on the UI thread as one line of text each; nothing here raises into the UI.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.store import Library
from tui.textsafe import clean, visible
from tui.app.failure import reason


@dataclass
class FeedAdded:
    """What adding a feed did: `error` is one line ("" when it worked); `known`: it was there already."""

    url: str
    feed_id: int | None = None
    title: str = ""
    items: int = 0
    known: bool = False
    error: str = ""
    note: str = ""  # what of the feed was left out, and why (the refresh's note: "cut: ...", item pages not read)


def _one_line(text: str, limit: int = 160) -> str:
    return " ".join(clean(text or "").split())[:limit]


class FeedChanges:
    """Feeds added and removed off the UI thread; `added(FeedAdded)` and `removed(feed_id, name, gone, error)`
    run on the UI thread. `pending` counts the adds still fetching (for a status line)."""

    def __init__(self, host, db_path: Path, added: Callable[[FeedAdded], None],
                 removed: Callable[[int, str, int, str], None]) -> None:
        self.host = host
        self.db_path = db_path
        self.added = added
        self.removed = removed
        self.pending = 0

    def add(self, url: str, full_text: bool = False) -> None:
        """Subscribe to `url` (a feed, or a page announcing one) and fetch it once, in the background."""
        self.pending += 1
        # A thread of its own, not a Textual worker: those run in asyncio's default executor, which the app
        # waits for as it exits, so `q` while a server stalls waited out the read timeout (20 s, measured).
        # A daemon thread ends with the app; a write it had not committed is rolled back (the library is
        # a WAL database, safe against kill -9), and the feed is simply not added.
        threading.Thread(target=self._add, args=(url.strip(), full_text), name="feed-add", daemon=True).start()

    def import_opml(self, path: str, done: Callable[[str, object, str], None]) -> None:
        """Subscribe to the feeds of the OPML file at `path` (none fetched), in a thread; `done(path, Subscribed or
        None, error line)` runs on the UI thread."""
        self.pending += 1
        threading.Thread(target=self._import, args=(path, done), name="feed-import", daemon=True).start()

    def _import(self, path: str, done) -> None:
        got, error = None, ""
        try:
            from tui.sources.opml import OpmlError, read_opml_file, subscribe_all

            try:
                feeds = read_opml_file(path)
            except OSError as exc:
                raise OpmlError(exc.strerror or str(exc)) from None
            with Library(self.db_path) as lib:
                got = subscribe_all(lib, feeds)
        except Exception as exc:  # not OPML after all, a damaged library: one line, never a traceback
            error = _one_line(reason(exc))
        deliver(self.host, self._imported, path, got, error, done)

    def _imported(self, path: str, got, error: str, done) -> None:
        self.pending = max(0, self.pending - 1)
        done(path, got, error)

    def remove(self, feed_id: int, name: str, keep_articles: bool) -> None:
        """Unsubscribe; the feed's articles are deleted unless `keep_articles` (or another feed has them)."""
        self.host.run_worker(partial(self._remove, feed_id, name, keep_articles), name="feed_remove",
                             group="feed-edit", thread=True, exit_on_error=False)

    def _add(self, url: str, full_text: bool) -> None:
        result = FeedAdded(visible(url))
        try:
            from tui.app.parts.sources import group_stories, say_grouping
            from tui.cells import cut
            from tui.sources import subscribe

            with Library(self.db_path) as lib:
                got = subscribe(lib, url, full_text=full_text)
                # as the article header and "Refreshing …" name a feed: cut with "…", not stopped mid-word
                result.feed_id, result.title = got.feed_id, cut(got.title or "")
                if got.status == "error":
                    result.error = _one_line(got.error or "failed")
                elif got.error:  # "already subscribed"
                    result.known = True
                else:
                    result.items = got.new + got.updated
                    result.note = _one_line(got.note or "", 240)
                    if result.items:
                        say_grouping(self.host, group_stories(lib))  # the new articles join or open stories, as a refresh does
        except Exception as exc:  # a damaged library, a missing module: one line, never a traceback
            result.error = _one_line(reason(exc))
        deliver(self.host, self._added, result)

    def _added(self, result: FeedAdded) -> None:
        self.pending = max(0, self.pending - 1)
        self.added(result)

    def _remove(self, feed_id: int, name: str, keep_articles: bool) -> None:
        gone, error = 0, ""
        try:
            from tui.store.feeds import remove_feed

            with Library(self.db_path) as lib:
                gone = remove_feed(lib, feed_id, keep_articles=keep_articles)
        except Exception as exc:
            error = _one_line(reason(exc))
        deliver(self.host, self.removed, feed_id, name, gone, error)
