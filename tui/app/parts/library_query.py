"""The library list's query: which articles it shows (search text, entity filter), computed off the UI thread."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.app.widgets.rows import RowSource
from tui.store import Library


class LibraryQuery:
    """The current view of the library and the worker that computes a new one.

    `host` runs the worker; `loaded(source)` gets each new view's rows on the UI thread (a view
    overtaken by a newer `set` is dropped); `busy()` is called as a new view starts computing.
    """

    def __init__(self, host, db_path: Path, loaded: Callable[[RowSource], None],
                 busy: Callable[[], None] = lambda: None) -> None:
        self.host = host
        self.db_path = db_path
        self.loaded = loaded
        self.busy = busy
        self.search = ""
        self.entity = ""
        self._generation = 0

    @property
    def filtered(self) -> bool:
        """Whether a search or an entity filter narrows the view."""
        return bool(self.search.strip() or self.entity)

    def set(self, search: str, entity: str) -> None:
        """Show the articles matching `search` and mentioning `entity` (either may be empty)."""
        self.search, self.entity = search, entity
        self._generation += 1
        self.busy()
        self.host.run_worker(partial(self._worker, search, entity, self._generation), name="filter",
                             group="filter", exclusive=True, thread=True)

    def reload(self) -> None:
        """Compute the current view again (after an add or delete)."""
        self.set(self.search, self.entity)

    def _worker(self, search: str, entity: str, generation: int) -> None:
        with Library(self.db_path) as lib:
            if search.strip() or entity:
                source = RowSource.filtered(lib, search, entity)
            else:
                source = RowSource(lib)
        deliver(self.host, self._done, source, generation)

    def _done(self, source: RowSource, generation: int) -> None:
        if generation != self._generation:
            return  # the user typed more meanwhile
        self.loaded(source)
