"""The library list's query: articles or stories, narrowed by search, entity or feed, computed off the UI thread."""

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
        self.feed: tuple[int, str] | None = None  # (feed id, name) the articles are narrowed to
        self.stories = False  # story mode: the list shows stories (filters apply to articles only)
        self._generation = 0

    @property
    def filtered(self) -> bool:
        """Whether a search, an entity or a feed narrows the view."""
        return bool(self.search.strip() or self.entity or self.feed)

    def set(self, search: str, entity: str) -> None:
        """Show the articles matching `search` and mentioning `entity` (either may be empty)."""
        self.search, self.entity = search, entity
        self._generation += 1
        self.busy()
        self.host.run_worker(partial(self._worker, search, entity, self.feed, self.stories, self._generation),
                             name="filter", group="filter", exclusive=True, thread=True)

    def set_feed(self, feed: tuple[int, str] | None) -> None:
        """Narrow the articles to one feed's, (id, name), or None for every article; shows articles."""
        self.feed = feed
        self.stories = False
        self.reload()

    def set_stories(self, stories: bool) -> None:
        """Story mode on or off (the search, entity and feed stay, for when articles show again)."""
        self.stories = stories
        self.reload()

    def clear(self) -> None:
        """Drop the search, the entity and the feed filter."""
        self.feed = None
        self.set("", "")

    def reload(self) -> None:
        """Compute the current view again (after an add or delete)."""
        self.set(self.search, self.entity)

    def _worker(self, search: str, entity: str, feed, stories: bool, generation: int) -> None:
        with Library(self.db_path) as lib:
            if stories:
                from tui.app.widgets.story_rows import StorySource

                source = StorySource(lib)
            elif feed is not None:
                source = RowSource.of_feed(lib, feed[0], feed[1], search, entity)
            elif search.strip() or entity:
                source = RowSource.filtered(lib, search, entity)
            else:
                source = RowSource(lib)
        deliver(self.host, self._done, source, generation)

    def _done(self, source: RowSource, generation: int) -> None:
        if generation != self._generation:
            return  # the user typed more meanwhile
        self.loaded(source)
