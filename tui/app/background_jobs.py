"""The main screen's whole-library analysis: a child process (with its own worker pool), progress in the status line."""

from __future__ import annotations

import os
import select
import subprocess
import threading
import time

from textual import work
from textual.worker import get_current_worker

# Start a little after the first paint, away from the first key presses (the workers' imports
# are niced, but spawning them still costs the machine a moment).
START_DELAY = 2.0
PROGRESS_EVERY = 0.5  # seconds between status-line updates
NICE = 19  # the lowest priority: worker processes yield the CPU to the UI at once


def run_pass(db_path, cancelled, on_progress) -> tuple[int, str]:
    """Run the whole-library pass in a child process; returns (articles analysed, error line or "").

    Blocks the calling (worker) thread; `cancelled()` is checked a few times a second and stops
    the child, which terminates its own worker processes on the way out.
    """
    from tui.background import child_command, child_env
    from tui.engine.analysis import DEFAULT_METHOD, cache_key
    from tui.store import Library

    # Nothing to do is the usual case after the first run: one query, no process started.
    try:
        with Library(db_path) as lib:
            if not lib.unanalysed_ids(cache_key(DEFAULT_METHOD)):
                return 0, ""
    except Exception as exc:
        return 0, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    try:
        proc = subprocess.Popen(child_command(db_path, NICE), env=child_env(), stdin=subprocess.DEVNULL,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    except OSError as exc:
        return 0, str(exc)
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


class BackgroundJobs:
    """Mixin for MainScreen: analyse every article lacking the default analysis, on every core."""

    background_progress = ""  # "analysing 120/3,400" while a pass runs
    _background_again = False
    _background_stop: threading.Event | None = None

    def schedule_background(self, delay: float = START_DELAY) -> None:
        """Start a pass after `delay` seconds (no-op when the app runs without background analysis)."""
        if getattr(self.app, "background", True):
            self.set_timer(delay, self.start_background)

    def start_background(self) -> None:
        """Analyse what is not analysed yet; if a pass is running, run another when it ends (new imports)."""
        if not getattr(self.app, "background", True) or not self.is_attached:
            return
        if self._background_stop is not None:
            self._background_again = True
            return
        self._background_stop = threading.Event()
        self._background_again = False
        self._background_worker(self._background_stop)

    def stop_background(self) -> None:
        """Stop a running pass now (its workers are terminated by the worker thread)."""
        if self._background_stop is not None:
            self._background_stop.set()

    @work(thread=True, group="background", exit_on_error=False)
    def _background_worker(self, stop: threading.Event) -> None:
        worker = get_current_worker()

        def cancelled() -> bool:
            return stop.is_set() or worker.is_cancelled

        done, error = run_pass(self.db_path, cancelled,
                               lambda d, t: self._from_thread(self._background_progress, d, t))
        if not cancelled():
            self._from_thread(self._background_done, done, error)

    def _from_thread(self, callback, *args) -> None:
        try:
            self.app.call_from_thread(callback, *args)
        except RuntimeError:
            pass  # the app is closing

    def _background_progress(self, done: int, total: int) -> None:
        self.background_progress = f"analysing {done:,}/{total:,}"
        self.update_library_status()

    def _background_done(self, done: int, error: str) -> None:
        self._background_stop = None
        self.background_progress = ""
        self.update_library_status()
        if error:
            self.notify(f"Background analysis stopped: {error}", severity="warning", markup=False)
        elif done:
            self.notify(f"Analysed {done:,} article{'s' if done != 1 else ''}: "
                        "entity filters cover the whole library", markup=False)
            if self.entity:
                self.reload_list()  # the filter may match more articles now
        if self._background_again:
            self.start_background()
