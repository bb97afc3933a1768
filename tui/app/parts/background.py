"""The whole-library analysis pass: a child process (with its own worker pool), progress for a status line."""

from __future__ import annotations

import os
import select
import subprocess
import threading
import time
from functools import partial
from pathlib import Path
from typing import Callable

from textual.worker import get_current_worker

from tui.app.parts.threads import deliver
from tui.app.failure import reason

# Start a little after the first paint, away from the first key presses (the workers' imports
# are niced, but spawning them still costs the machine a moment).
START_DELAY = 2.0
PROGRESS_EVERY = 0.5  # seconds between status-line updates
NICE = 19  # the lowest priority: worker processes yield the CPU to the UI at once


def run_pass(db_path, cancelled, on_progress, on_grouped=lambda n: None) -> tuple[int, str]:
    """Run the whole-library pass in a child process; returns (articles analysed, error line or "").

    The child first groups the articles no story holds yet (`on_grouped(n)` after), then analyses.

    Blocks the calling (worker) thread; `cancelled()` is checked a few times a second and stops
    the child, which terminates its own worker processes on the way out.
    """
    from tui.background import child_command, child_env
    from tui.engine.analysis import DEFAULT_METHOD, cache_key
    from tui.store import Library

    # Nothing to do is the usual case after the first run: one query, no process started.
    try:
        with Library(db_path) as lib:
            if not lib.unanalysed_ids(cache_key(DEFAULT_METHOD)) and not _ungrouped(lib):
                return 0, ""
    except Exception as exc:
        return 0, reason(exc)
    try:
        proc = subprocess.Popen(child_command(db_path, NICE), env=child_env(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError as exc:
        return 0, reason(exc)
    done, error, last, buffer = 0, "", 0.0, ""
    try:
        while not cancelled():
            ready, _, _ = select.select([proc.stdout], [], [], 0.2)
            if not ready:
                continue
            chunk = os.read(proc.stdout.fileno(), 65536).decode()
            if not chunk:
                break  # the child ended
            buffer += chunk
            *lines, buffer = buffer.split("\n")
            for word, _, rest in (line.partition(" ") for line in lines if line):
                if word == "finished":
                    done = int(rest)
                elif word == "error":
                    error = rest
                elif word == "grouped" and rest.isdigit() and int(rest):
                    on_grouped(int(rest))
                elif word.isdigit():
                    done, total = int(word), int(rest)
                    now = time.monotonic()
                    # A few status-line updates a second, whatever the rate.
                    if now - last >= PROGRESS_EVERY or done == total:
                        last = now
                        on_progress(done, total)
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            proc.wait(timeout=3)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        proc.stdout.close()
    if not error and proc.returncode not in (0, -15) and not cancelled():
        error = f"the analysis process stopped (exit code {proc.returncode})"
    return done, error


def _ungrouped(lib) -> int:
    """Articles in no story yet (a bulk import leaves them to this pass; 0 without the stories tables)."""
    try:
        from tui.store.stories import ungrouped_count

        return ungrouped_count(lib)
    except Exception:
        return 0


class BackgroundPass:
    """Analyse every article lacking the default analysis, on every core, one pass at a time.

    `host` runs the worker and timers (no pass runs when `host.app.background` is false or the
    host is gone). Callbacks on the UI thread: `progress_changed()` when `progress` changes;
    `done(analysed, error)` when a pass ends (not when it was stopped); `grouped(n)` when the pass
    put n articles into stories (a bulk import's, which `add` leaves to it).
    """

    def __init__(self, host, db_path: Path, progress_changed: Callable[[], None],
                 done: Callable[[int, str], None], grouped: Callable[[int], None] = lambda n: None) -> None:
        self.host = host
        self.grouped = grouped
        self.db_path = db_path
        self.progress_changed = progress_changed
        self.done = done
        self.progress = ""  # "analysing 120/3,400" while a pass runs
        self._again = False
        self._stop: threading.Event | None = None

    @property
    def running(self) -> bool:
        """Whether a pass is running now."""
        return self._stop is not None

    def _enabled(self) -> bool:
        return getattr(self.host.app, "background", True)

    def schedule(self, delay: float = START_DELAY) -> None:
        """Start a pass after `delay` seconds (no-op when the app runs without background analysis)."""
        if self._enabled():
            self.host.set_timer(delay, self.start)

    def start(self) -> None:
        """Analyse what is not analysed yet; if a pass is running, run another when it ends (new imports)."""
        if not self._enabled() or not self.host.is_attached or getattr(self.host, "unwritable", ""):
            return
        if self._stop is not None:
            self._again = True
            return
        self._stop = threading.Event()
        self._again = False
        self.host.run_worker(partial(self._worker, self._stop), name="_background_worker", group="background",
                             thread=True, exit_on_error=False)

    def stop(self) -> None:
        """Stop a running pass now (its workers are terminated by the worker thread)."""
        if self._stop is not None:
            self._stop.set()

    def _worker(self, stop: threading.Event) -> None:
        worker = get_current_worker()

        def cancelled() -> bool:
            return stop.is_set() or worker.is_cancelled

        done, error = run_pass(self.db_path, cancelled, lambda d, t: deliver(self.host, self._progress, d, t),
                               lambda n: deliver(self.host, self.grouped, n))
        if not cancelled():
            deliver(self.host, self._done, done, error)

    def _progress(self, done: int, total: int) -> None:
        self.progress = f"analysing {done:,}/{total:,}"
        self.progress_changed()

    def _done(self, done: int, error: str) -> None:
        self._stop = None
        self.progress = ""
        self.progress_changed()
        self.done(done, error)
        if self._again:
            self.start()
