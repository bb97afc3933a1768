"""Articles added by another process (the CLI, a feed refresh, a second window) appear without a restart."""

from __future__ import annotations

import sqlite3
from typing import Callable

from tui.store.changes import articles_state, data_version

POLL = 0.5  # seconds: a new article shows within about a second (this plus the list's reload)


class LibraryWatch:
    """Polls the library for commits by other connections; calls `changed()` when articles came or went.

    Each poll reads SQLite's `data_version` (microseconds, no I/O while nothing changed); only when it
    moved are the article count and highest id compared, so the analysis cache being written by the
    background pass does not reload the list.
    """

    def __init__(self, host, lib, changed: Callable[[], None], interval: float = POLL) -> None:
        self.host = host
        self.lib = lib
        self.changed = changed
        self.interval = interval
        self._timer = None
        self._version: int | None = None
        self._state: tuple[int, int] | None = None

    def start(self) -> None:
        """Begin polling (from the screen's on_mount)."""
        try:
            self._version, self._state = data_version(self.lib), articles_state(self.lib)
        except sqlite3.Error:
            return  # an unreadable library: nothing to watch
        self._timer = self.host.set_interval(self.interval, self.check)

    def stop(self) -> None:
        """Stop polling."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def check(self) -> bool:
        """One poll; True when `changed()` was called."""
        try:
            version = data_version(self.lib)
            if version == self._version:
                return False
            self._version = version
            state = articles_state(self.lib)
        except sqlite3.Error:
            return False  # locked or damaged for a moment: try again at the next poll
        if state == self._state:
            return False
        self._state = state
        self.changed()
        return True
