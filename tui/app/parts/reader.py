"""Reader basics on the main screen (issue 10): open the link, next/previous unread, mark all read,
the unread count, and undo of a delete."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.store import Library

UNDO_SECONDS = 8.0  # how long "z" can bring a deleted article back
CONFIRM_ABOVE = 20
SMALL = 2000  # views up to this many articles get their unread count at once  # "A" asks first when it would mark more articles than this


class UnreadCount:
    """The unread count of the list's view, counted off the UI thread; `text` for the status line."""

    def __init__(self, host, db_path: Path, changed: Callable[[], None]) -> None:
        self.host = host
        self.db_path = db_path
        self.changed = changed
        self.count: int | None = None
        self._generation = 0

    @property
    def text(self) -> str:
        """"3 unread", or "" while not counted yet."""
        return "" if self.count is None else f"{self.count:,} unread"

    def refresh(self, ids: list[int] | None, lib=None, size: int = 0) -> None:
        """Count again for a view (`ids`: a filtered view's ids; None: the whole library).

        A view of at most SMALL articles is counted at once on `lib` (under a millisecond, and the
        status line is complete in the first frame); larger ones in a worker.
        """
        self._generation += 1
        if lib is not None and size <= SMALL:
            from tui.store.reading import unread_count

            try:
                self.count = unread_count(lib, ids)
            except Exception:
                self.count = None
            self.changed()
            return
        self.host.run_worker(lambda: self._worker(ids, self._generation), name="unread", group="unread",
                             exclusive=True, thread=True)

    def _worker(self, ids, generation: int) -> None:
        from tui.store.reading import unread_count

        try:
            with Library(self.db_path) as lib:
                count = unread_count(lib, ids)
        except Exception:  # a damaged or locked library: the status line just shows no count
            count = None
        deliver(self.host, self._done, count, generation)

    def _done(self, count, generation: int) -> None:
        if generation == self._generation:
            self.count = count
            self.changed()


class UndoDelete:
    """The last deleted article, restorable for UNDO_SECONDS."""

    def __init__(self) -> None:
        self.saved = None
        self.title = ""
        self.until = 0.0

    def keep(self, saved, title: str) -> None:
        """Remember a delete (undo.Saved) for the next few seconds."""
        self.saved, self.title, self.until = saved, title, time.monotonic() + UNDO_SECONDS

    def take(self):
        """The delete to undo, or None when there is none or it is too late."""
        saved, self.saved = self.saved, None
        return saved if saved is not None and time.monotonic() <= self.until else None


def open_link(url: str) -> str:
    """Open `url` in the user's browser (webbrowser honours $BROWSER); "" or why it failed."""
    import webbrowser

    try:
        opened = webbrowser.open(url, new=2)
    except Exception as exc:  # a broken $BROWSER command
        return f"could not start the browser: {exc}"
    return "" if opened else "no browser found (set $BROWSER)"
