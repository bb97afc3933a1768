"""Articles added by another process (the CLI, a feed refresh, a second window) appear without a restart, and so do
stories another process regrouped (a second window's settle, `newsreader stories`)."""

from __future__ import annotations

import sqlite3
from typing import Callable

from tui.store.changes import articles_state, data_version, stories_state

POLL = 0.5  # seconds: a new article shows within about a second (this plus the list's reload)


class LibraryWatch:
    """Polls the library for commits by other connections; calls `changed()` when articles came or went.

    Each poll reads SQLite's `data_version` (microseconds, no I/O while nothing changed); only when it
    moved are the article count and highest id compared, and the story generation, so the analysis cache
    being written by the background pass does not reload the list, and stories merged or split by another
    process do (walk34: the stories list kept a story merged away, "This story is no longer in the library").
    """

    def __init__(self, host, lib, changed: Callable[[], None], interval: float = POLL,
                 moved: Callable[[], None] | None = None) -> None:
        self.host = host
        self.lib = lib
        self.changed = changed
        self.moved = moved  # called when data_version moved and the figures did not (a story deleted by hand)
        self.interval = interval
        self._timer = None
        self._version: int | None = None
        self._state: tuple | None = None

    def start(self) -> None:
        """Begin polling (from the screen's on_mount)."""
        try:
            self._version, self._state = data_version(self.lib), self._read_state()
        except sqlite3.Error:
            return  # an unreadable library: nothing to watch
        self._timer = self.host.set_interval(self.interval, self.check)

    def _read_state(self) -> tuple:
        """(the list's rows, highest id, the story generation): what tells a change the screen shows."""
        return (*articles_state(self.lib), stories_state(self.lib))

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
            state = self._read_state()
        except sqlite3.Error:
            return False  # locked or damaged for a moment: try again at the next poll
        if state == self._state:
            if self.moved is not None:
                self.moved()
            return False
        self._state = state
        self.changed()
        return True
