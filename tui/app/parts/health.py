"""The library damage check of a running app (issue 14): `PRAGMA quick_check` after the first paint.

The command line checks a library when it opens it (tui.commands: a damaged library refuses every
write, reading commands warn). The app must not wait for that before its first paint, so the check
runs in a thread of its own, at the lowest priority, a moment after start-up, within a time budget
(so neither the first paint nor the check's cost depends on the library's size). When it finds
damage, `found(problem)` is called on the UI thread: the screen then refuses writes, as the CLI does.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.app.failure import reason

CHECK_DELAY = 0.5  # seconds after the first paint (the screen starts the timer from call_after_refresh)
CHECK_BUDGET = 1.0  # seconds of quick_check at most, as the CLI's VERIFY_SECONDS


class LibraryHealth:
    """Runs the damage check once, off the UI thread; `problem` is what it found ("" while none)."""

    def __init__(self, host, db_path: Path, found: Callable[[str], None], budget: float = CHECK_BUDGET) -> None:
        self.host = host
        self.db_path = db_path
        self.found = found
        self.budget = budget
        self.problem = ""
        self.checked = threading.Event()  # set when the check has finished (found something or not)

    def start(self, delay: float = CHECK_DELAY) -> None:
        """Check the library `delay` seconds from now (the screen calls it after its first paint)."""
        self.host.set_timer(delay, self._spawn)

    def _spawn(self) -> None:
        if not self.host.is_attached:
            return
        # A thread of its own (not Textual's worker pool): it lowers its own priority.
        threading.Thread(target=self._check, name="library-check", daemon=True).start()

    def _check(self) -> None:
        from tui.store.library import NewerLibrary

        try:
            _lower_priority()
            problem = check_library(self.db_path, self.budget)
        except NewerLibrary as exc:  # upgraded by a newer newsreader since the app opened it: no damage
            newer = getattr(self.host, "library_newer", None)
            if newer is not None:
                deliver(self.host, newer, str(exc).splitlines()[0])
            return
        finally:
            self.checked.set()
        if problem:
            deliver(self.host, self._found, problem)

    def _found(self, problem: str) -> None:
        self.problem = problem
        self.found(problem)


def check_library(db_path: Path, budget: float = CHECK_BUDGET) -> str:
    """The first problem `PRAGMA quick_check` finds in `budget` seconds on its own connection, or "". A library
    another newsreader upgraded to a newer schema meanwhile raises NewerLibrary: it is not damaged."""
    from tui.store import Library, StoreError
    from tui.store.library import NewerLibrary

    try:
        with Library(db_path, readonly=True) as lib:
            return lib.verify(budget) or ""
    except NewerLibrary:
        raise
    except (StoreError, sqlite3.DatabaseError) as exc:
        return reason(exc, 120)


def _lower_priority() -> None:
    """The calling thread yields the CPU to the UI (Linux: a thread's nice value is its own)."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 19)
    except (AttributeError, OSError):
        pass
