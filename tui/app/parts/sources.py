"""Feeds and watched folders for a running app: refresh (`R`, on start, every N minutes) and folder scans.

Everything runs in one thread worker with its own Library (tui.sources fetches concurrently inside
it); the UI thread gets progress for its status line, new articles as they land (a reload per
chunk), and one toast line per feed that failed. Nothing here raises into the UI: a broken network,
feed or folder is a line of text.
"""

from __future__ import annotations

import logging
import threading
from functools import partial
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.textsafe import clean, visible
from tui.store import Library
from tui.store.library import NewerLibrary
from tui.app.failure import reason, could_not

START_DELAY = 2.5  # seconds after start-up before the first folder scan / refresh (after the first paint)
SCAN_EVERY = 30.0  # seconds between watched-folder scans while the app runs
SCAN_READS = 2_000  # new or changed files a scan reads at most (the rest at the next scans: a refresh never waits long)
SETTLE_BACKOFF_MAX = 64  # quiet rounds left out at most after a settle failed (doubling from 1; ~32 min of scans)
# From this many articles in no story (a big folder scanned, the first refresh of many feeds, a library imported with
# `add`, which leaves them to the app), the app has them grouped in a child process (tui.background.group_command),
# not in its own: grouping 100,000 there grew the app by ~300 MB for good and doubled the time a key took while it ran
# (it holds the GIL). Fewer are grouped here, against the stories kept from the last such call (tui/stories/warm.py).
GROUP_ASIDE_FROM = 1000
GROUP_ASIDE_NICE = 19  # as the analysis pass's child (tui/app/parts/background.py): the UI comes first

log = logging.getLogger(__name__)


_GROUPING_SAID: list[bool] = []  # a failed grouping of new articles was said (once, until one succeeds again)


def group_stories(lib) -> str:
    """Let new articles join or open stories (nothing when the stories package is absent). A grouping that fails is a
    view on the library left behind (the articles are stored either way, and the next grouping places them): it is
    logged, and the first failure (until a grouping succeeds again) returns one line for a toast, "" otherwise. It
    failed in silence: new articles stayed in no story, and nothing said why."""
    try:
        from tui.stories import group_new
    except ImportError:
        return ""
    try:
        group_new(lib)
    except Exception as exc:
        if _GROUPING_SAID:
            log.warning("the new articles could not be grouped into stories: %s: %s", type(exc).__name__, exc)
            return ""
        _GROUPING_SAID.append(True)
        log.warning("the new articles could not be grouped into stories", exc_info=True)
        return f"✗ Stories not grouped: {reason(exc, 160, logged=True)}" + _details()
    _GROUPING_SAID.clear()
    return ""


def _details() -> str:
    """Where the logged traceback is, for a failure's toast line (the app's log: tui/app/applog.py)."""
    from tui.app.applog import where

    return f" (details: {where()})"


def for_toast(app, text: str) -> str:
    """A failure's line as a toast shows it: its "(details: LOG)" ending (_details) as a line "Details: LOG", or,
    when that is wider than the toast's lines, "Details:" and the log's path on lines of their own, broken after a
    "/" (cells.path_lines). The toast folded the path wherever its line ended, mid-name, at 80 columns."""
    tail = _details()
    if tail not in text:
        return text
    from tui.app.applog import where
    from tui.app.widgets.status import toast_text_cells
    from tui.cells import path_lines, width

    try:
        cells = toast_text_cells(app)
    except Exception:  # no screen to measure (closing): a wide toast's lines
        cells = 57
    path = where()
    said = f"Details: {path}"
    return text.replace(tail, f"\n{said}" if width(said) <= cells else "\nDetails:\n" + "\n".join(path_lines(path, cells)))


def say_grouping(host, line: str) -> None:
    """A failed grouping's line (group_stories), as a toast of `host`'s app, from a worker thread."""
    if line:
        deliver(host, lambda: host.notify(for_toast(host.app, line), severity="warning", timeout=10, markup=False))


def backlog(lib) -> int:
    """How many articles are in no story (0 when the stories package or its tables are absent)."""
    try:
        from tui.store.stories import ungrouped_count
    except ImportError:
        return 0
    return ungrouped_count(lib)


def settle_stories(lib) -> int:
    """The feeds and folders went quiet: the articles placed a few at a time since the last windowed regroup are
    regrouped now (tui.stories.settle); how many were placed or regrouped (0: the stories did not change, or the
    stories package is absent). Raises what the settle raises (SourcesRefresh says it once and backs off)."""
    try:
        from tui.stories import settle
    except ImportError:
        return 0
    return settle(lib)


_NO_FEEDS: list[bool] = []  # set once tui.store.feeds turned out not to be there


def feed_name(lib, article_id: int) -> str:
    """The name of the feed that delivered an article, or "" (none, or no feeds in this library)."""
    if _NO_FEEDS:
        return ""
    try:
        from tui.store import feeds
    except ImportError:
        _NO_FEEDS.append(True)
        return ""
    try:
        title_of = getattr(feeds, "feed_title_of", None)  # one query (asked of the feeds developer)
        if title_of is not None:
            return title_of(lib, article_id) or ""
        feed = feeds.feed_of_article(lib, article_id)
    except Exception:  # an old library, a damaged row: no feed line
        return ""
    return feed.name if feed is not None else ""


def file_gone(lib, article_id: int) -> tuple[str, str] | None:
    """(path, since) of the watched file an article came from when that file is gone from its folder, else None
    (tui.store.watch.gone_file; a damaged or old library: None)."""
    try:
        from tui.store.watch import gone_file

        return gone_file(lib, article_id)
    except Exception:  # an old library, a damaged row: no line
        return None


def result_line(result) -> str:
    """One line for a feed that failed: "✗ Title: why"."""
    from tui.cells import cut  # (not imported at start-up)

    name = cut(result.title or result.feed or "")  # a long one ends in "…", as the article header cuts it
    why = " ".join(str(result.error or "failed").split())[:160]
    return f"✗ {name}: {why}"



async def on_daemon_thread(job):
    """Run `job` on a daemon thread of its own and wait for it (an async worker awaits this). A Textual thread worker
    runs in asyncio's default executor, which the app waits for as it exits: `Q` while a refresh waited for a slow
    server left the screen blank until the fetch ended (19 s measured in tmux; a server that never answers: the read
    timeout, 20 s). A daemon thread ends with the process; what it had not committed is rolled back (the library is a
    WAL database, safe against kill -9) and the next refresh fetches it again."""
    import asyncio
    from concurrent.futures import Future, InvalidStateError

    done: Future = Future()

    def run() -> None:
        try:
            result = job()
        except BaseException as exc:  # (the worker's own errors are caught inside it; anything else is the worker's)
            try:
                done.set_exception(exc)
            except InvalidStateError:  # the worker was cancelled meanwhile (the app closing)
                pass
            return
        try:
            done.set_result(result)
        except InvalidStateError:
            pass

    threading.Thread(target=run, name="sources", daemon=True).start()
    return await asyncio.wrap_future(done)

class SourcesRefresh:
    """Refreshes feeds and scans watched folders in the background, one run at a time.

    `host` runs the worker and timers. Callbacks on the UI thread: `progress_changed()` when
    `progress` changes, and `done(added, lines, title)` after each run (`added` counts new and
    updated articles; `lines` are the toast's lines, empty for a quiet run with nothing to say);
    `settled()` after a run that brought nothing (the stream went quiet, and nothing else was asked for) but
    regrouped the stories of the articles still waiting for their window (`settle_stories`), and after a backlog of
    GROUP_ASIDE_FROM articles or more was grouped in a child process (`_aside`).
    """

    def __init__(self, host, db_path: Path, progress_changed: Callable[[], None],
                 done: Callable[[int, list[str], str], None], settled: Callable[[], None] | None = None) -> None:
        self.host = host
        self.db_path = db_path
        self.progress_changed = progress_changed
        self.done = done
        self.settled = settled
        self.progress = ""  # "refreshing 3/12 feeds" while a run goes
        self._stop: threading.Event | None = None
        self._queued: tuple | None = None  # asked for while a run was going: (feeds, scan, fetch, loud)
        # what `R` says with no feed subscribed: the app's own way first (it named only the command line)
        self._no_feeds = "No feeds yet: add one with `newsreader feed add URL`"
        # a settle that failed (a library the store refuses): quiet rounds still to leave out, how many were left out
        # after the last failure, and whether the failure was said (once, until a settle succeeds again)
        self._settle_skip = self._settle_backoff = 0
        self._settle_said = False
        self.grouping = None  # the child process grouping a backlog (`_aside`), while it runs
        self._aside_skip = self._aside_backoff = 0  # as _settle's, after such a child failed

    @property
    def running(self) -> bool:
        """Whether a refresh or scan is running now."""
        return self._stop is not None

    def start(self, config) -> None:
        """Timers of a running app: folders scanned at start and every SCAN_EVERY seconds; feeds
        refreshed at start when `refresh_on_start`, and every `refresh_every` seconds when set."""
        if not getattr(self.host.app, "sources", True):
            return  # tests turn the timers off (a refresh is still there for `R`)
        on_start = bool(getattr(config, "refresh_on_start", False))
        self.host.set_timer(START_DELAY, partial(self.run, None, True, on_start, False))
        self.host.set_interval(SCAN_EVERY, partial(self.run, None, True, False, False))
        every = getattr(config, "refresh_every", None)
        if every:
            self.host.set_interval(float(every), partial(self.run, None, False, True, False))

    def refresh(self, feeds: list[int] | None = None) -> None:
        """`R`: every feed (or these) and every watched folder now, with a toast saying what came."""
        from tui.app import keymap

        keys = getattr(self.host.app, "user_keys", {})  # (read here, on the UI thread: the worker says it)
        f_key, a_key = keymap.first_key("feeds", keys), keymap.first_key("add_feed", keys)
        self._no_feeds = f"No feeds yet: {f_key}, then {a_key}, subscribes to one (or `newsreader feed add URL`)"
        self.run(feeds, True, True, True)

    def stop(self) -> None:
        """Stop a running refresh before its next fetches (what was fetched is stored), and a backlog's grouping
        (its transaction rolls back: the next one places those articles)."""
        if self._stop is not None:
            self._stop.set()
        child = self.grouping
        if child is not None and child.poll() is None:
            child.terminate()

    def run(self, feeds, scan: bool, fetch: bool, loud: bool) -> None:
        """Scan folders (`scan`) and refresh feeds (`fetch`); `loud`: toast even when nothing is new."""
        if not self.host.is_attached or getattr(self.host, "unwritable", ""):
            return  # gone, or a damaged or read-only library (parts/health.py): nothing is written to it
        if self._stop is not None:
            # Run once more when this one ends, doing everything asked meanwhile (a scan and a
            # refresh due together, `R` during a scan): nothing asked for is dropped.
            if self._queued is not None:
                q_feeds, q_scan, q_fetch, q_loud = self._queued
                both = None if feeds is None or q_feeds is None else sorted({*q_feeds, *feeds})
                feeds, scan, fetch, loud = both, scan or q_scan, fetch or q_fetch, loud or q_loud
            self._queued = (feeds, scan, fetch, loud)
            return
        self._stop = threading.Event()
        if fetch:
            self.progress = "refreshing feeds…"
            self.progress_changed()
        # (the coroutine function, not a coroutine: one made and never run would be warned about at collection)
        self.host.run_worker(partial(on_daemon_thread, partial(self._worker, feeds, scan, fetch, loud, self._stop)),
                             name="sources", group="sources", exit_on_error=False)

    def _worker(self, feeds, scan: bool, fetch: bool, loud: bool, stop: threading.Event) -> None:
        added, lines, head, settled = 0, [], [], 0
        try:
            with Library(self.db_path) as lib:
                if scan:
                    added += self._scan(lib, lines, head)
                if fetch and not stop.is_set():
                    added += self._fetch(lib, feeds, stop, lines, head, loud)
                if added:
                    said = "" if self._aside(lib, False) else group_stories(lib)
                    if said:
                        lines.append(said)
                elif self._queued is None and not stop.is_set() and not self._aside(lib, True):
                    # a whole round (a folder scan every SCAN_EVERY seconds, a refresh) brought nothing, and no other
                    # is asked for: the stream has gone quiet, so the articles placed a few at a time since the last
                    # window are regrouped now (one window's work, then nothing until new articles land); a round
                    # that brings articles never does this, so a busy stream keeps its windows every LIBRARY_FROM
                    settled = self._settle(lib, lines)
        except NewerLibrary as exc:
            # upgraded by a newer newsreader while this app runs: said once by the screen, which stops these passes
            # (the same StoreError toast came at every SCAN_EVERY scan, walk34); what it reads goes on
            deliver(self.host, getattr(self.host, "library_newer", lambda _problem: None), str(exc).splitlines()[0])
            head, lines, loud = [], [], False
        except Exception as exc:  # a damaged library, a missing module: one line, never a traceback
            lines.append(f"✗ {could_not('refresh the feeds and folders', exc)}")
        if not loud and not added and not any(line.startswith("✗") for line in lines):
            head, lines = [], []
        deliver(self.host, self._finished, added, head + lines, loud, settled, fetch)

    def _aside(self, lib, settle: bool) -> bool:
        """Whether the stories are grouped in a child process, not here: one started for a backlog still runs (it
        holds the lease: a grouping here would place nothing), or GROUP_ASIDE_FROM articles or more wait and one is
        started now (`settle`: it settles as well). When it ends, `settled()` is called (the screen reads the
        stories again) or its failure is said, once, as group_stories says one."""
        child = self.grouping
        if child is not None and child.poll() is None:
            return True
        if backlog(lib) < GROUP_ASIDE_FROM:
            return False
        if self._aside_skip:  # the last one failed (a library the store refuses): not started again every round
            self._aside_skip -= 1
            return True
        from tui.store.stories import lease_taken

        if lease_taken(lib):  # another grouper places them (the analysis pass's child, a `stories` run)
            return True
        import subprocess

        from tui.background import child_env, group_command

        try:
            child = subprocess.Popen(group_command(self.db_path, settle, GROUP_ASIDE_NICE), env=child_env(),
                                     stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                     text=True)
        except OSError as exc:  # no process to be had: grouped here, as before
            log.warning("could not start a process to group the stories: %s", exc)
            return False
        self.grouping = child
        threading.Thread(target=self._await_grouping, args=(child,), name="grouping-child", daemon=True).start()
        return True

    def _await_grouping(self, child) -> None:
        """On its own thread: wait for the grouping child, then tell the screen (on the UI thread)."""
        grouped, error = 0, ""
        try:
            for line in child.stdout:
                word, _, rest = line.strip().partition(" ")
                if word == "grouped" and rest.isdigit():
                    grouped = int(rest)
                elif word == "error":
                    error = rest
        finally:
            child.stdout.close()
            code = child.wait()
        if not error and not grouped and code not in (0, -15):  # killed (not by stop()'s terminate)
            error = f"the grouping process stopped (exit code {code})"
        deliver(self.host, self._grouped_aside, grouped, error)

    def _grouped_aside(self, grouped: int, error: str) -> None:
        if error:
            self._aside_backoff = min(SETTLE_BACKOFF_MAX, max(1, 2 * self._aside_backoff))
            self._aside_skip = self._aside_backoff
            if not _GROUPING_SAID:
                _GROUPING_SAID.append(True)
                log.warning("the new articles could not be grouped into stories: %s", error)
                why = " ".join(error.split())[:160]
                self.host.notify(for_toast(self.host.app, f"✗ Stories not grouped: {visible(why)}{_details()}"),
                                 severity="warning", timeout=10, markup=False)
            return
        _GROUPING_SAID.clear()
        self._aside_backoff = 0
        if grouped and self.settled is not None:
            self.settled()

    def _settle(self, lib, lines: list[str]) -> int:
        """settle_stories, unless a failed one is being backed off from. The first failure is logged (with its
        traceback) and said in one line of the round's toast; each failure doubles the quiet rounds left out before
        the next try (up to SETTLE_BACKOFF_MAX): a library the store refuses was settled again, silently, every
        quiet round. A settle that succeeds ends the back-off (and a later failure is said again)."""
        if self._settle_skip:
            self._settle_skip -= 1
            return 0
        try:
            settled = settle_stories(lib)
        except Exception as exc:  # a view on the library, as group_stories: the articles are stored either way
            self._settle_backoff = min(SETTLE_BACKOFF_MAX, max(1, 2 * self._settle_backoff))
            self._settle_skip = self._settle_backoff
            if not self._settle_said:
                self._settle_said = True
                log.warning("the stories could not be regrouped", exc_info=True)
                lines.append(f"✗ Stories not regrouped: {reason(exc, 160, logged=True)}" + _details())
            return 0
        self._settle_backoff, self._settle_said = 0, False
        return settled

    def _scan(self, lib, lines: list[str], head: list[str]) -> int:
        try:
            from tui.sources import scan_watched
        except ImportError:
            return 0

        def chunk(_result) -> None:
            deliver(self.host, self._landed)

        result = scan_watched(lib, on_chunk=chunk, reads=SCAN_READS)
        got = result.new + result.updated
        if got or result.duplicates or result.waiting:  # a copy of an article the library holds was said nowhere
            held = f", {result.duplicates} already in the library" if result.duplicates else ""
            waiting = f" · {result.waiting:,} more files at the next scans" if result.waiting else ""
            head.append(f"Watched folders: {result.new} new{held}, {result.updated} updated{waiting}")
        from tui.cells import echoed  # (not imported at start-up)

        for path, why in result.errors[:3]:
            # a long path by its start and its end (its last 60 characters alone read as a whole path)
            lines.append(f"✗ {echoed(visible(path), 60)}: {' '.join(clean(why).split())[:120]}")
        if len(result.errors) > 3:
            lines.append(f"✗ … and {len(result.errors) - 3} more files skipped")
        for path, note in result.notes[:2]:  # a page imported as rough text (as the add dialog's toast says it)
            lines.append(f"• {echoed(visible(path), 60)}: {' '.join(clean(note).split())[:160]}")
        return got

    def _fetch(self, lib, feeds, stop: threading.Event, lines: list[str], head: list[str], loud: bool) -> int:
        from tui.sources import refresh
        from tui.store.feeds import list_feeds

        if feeds is None and not list_feeds(lib):
            if loud:
                head.append(self._no_feeds)
            return 0

        def each(result, done: int, total: int) -> None:
            deliver(self.host, self._fetch_progress, done, total, result.new + result.updated)

        results = refresh(lib, feeds, on_result=each, cancel=stop, force=loud)
        new = sum(r.new for r in results)
        updated = sum(r.updated for r in results)
        # new items whose text the library held already (an article `add` stored, another feed's): the feed's now,
        # but no new article; said as `newsreader refresh` says it (feed_cli._held), only when there are some
        known = sum(r.known for r in results)
        held = f", {known} already in the library" if known else ""
        failed = [r for r in results if not r.ok]
        head.append(f"Feeds: {new} new{held}, {updated} updated · {len(results) - len(failed)}/{len(results)} ok")
        lines.extend(result_line(r) for r in failed)
        return new + updated

    def _fetch_progress(self, done: int, total: int, got: int) -> None:
        self.progress = f"refreshing {done}/{total} feeds"
        self.progress_changed()
        if got:
            self._landed()

    def _landed(self) -> None:
        """New articles are stored: show them (the list re-runs its view)."""
        self.done(1, [], "")

    def _finished(self, added: int, lines: list[str], loud: bool, settled: int = 0, fetched: bool = True) -> None:
        self._stop = None
        if self.progress:  # a quiet folder scan changes nothing on screen
            self.progress = ""
            self.progress_changed()
        # a scan of the folders alone, nobody having pressed R, was toasted as a "Refresh"
        self.done(added, lines, "Refresh" if loud or fetched else "Watched folders")
        if settled and self.settled is not None:
            self.settled()
        if self._queued is not None:
            queued, self._queued = self._queued, None
            self.run(*queued)
