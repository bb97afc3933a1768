"""Reading something from the library off the UI thread, for a page that shows it when it comes."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

from tui.app.parts.newer import open_library
from tui.app.parts.threads import deliver
from tui.app.failure import reason, could_not


class Loader:
    """`load(fn, *args)` runs `fn(lib, *args)` in a thread worker with that thread's own Library.

    `done(result, error)` gets the result on the UI thread (error: "" or one line saying what went
    wrong; never a traceback). A result overtaken by a newer `load` is dropped.
    """

    def __init__(self, host, db_path: Path, done: Callable[[object, str], None], group: str = "page") -> None:
        self.host = host
        self.db_path = db_path
        self.done = done
        self.group = group
        self.loading = False
        self._generation = 0

    def load(self, fn: Callable, *args, **kwargs) -> None:
        """Start loading (a load still running is overtaken)."""
        self._generation += 1
        self.loading = True
        self.host.run_worker(partial(self._worker, self._generation, fn, args, kwargs), name=self.group,
                             group=self.group, thread=True, exit_on_error=False)

    def _worker(self, generation: int, fn: Callable, args: tuple, kwargs: dict) -> None:
        result, error = None, ""
        try:
            with open_library(self.host, self.db_path) as lib:
                result = fn(lib, *args, **kwargs)
        except Exception as exc:  # shown on the page; the app keeps running
            error = reason(exc)
        deliver(self.host, self._done, generation, result, error)

    def _done(self, generation: int, result, error: str) -> None:
        if generation != self._generation or not self.host.is_attached:
            return  # overtaken, or the page was closed while it loaded
        self.loading = False
        try:
            self.done(result, error)
        except Exception as exc:  # odd data from the library: one line, the app keeps running
            self.host.notify(could_not("show this", exc),
                             severity="error", markup=False)
