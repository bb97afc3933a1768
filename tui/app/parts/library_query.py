"""The library list's query: articles or stories, narrowed by search, entity, feed or tag, in a view (all, unread,
starred) and an order (date, title, source, length), computed off the UI thread."""

from __future__ import annotations

import logging
import sqlite3
from functools import partial
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.app.widgets.rows import RowSource
from tui.store import Library
from tui.store.library import default_db_path, search_index_damage, search_index_problem

log = logging.getLogger(__name__)


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
        self.feed: tuple | None = None  # (feed id, name) the articles are narrowed to; (("folder", id), name)
        self.stories = False  # story mode: the list shows stories (filters apply to articles only)
        self.view = "all"  # all / unread / starred (tui.store.reader.VIEWS); kept when filters are cleared
        self.sort = "date"  # date / title / source / length (tui.store.reader.SORTS)
        self.tag = ""  # the tag the articles are narrowed to ("" for none)
        self._generation = 0
        self._shown_generation = 0  # the generation of the last view handed to `loaded`
        self._said = ""  # the last search failure said in a toast

    @property
    def loading(self) -> bool:
        """Whether a view asked for (a search typed) has not been shown yet."""
        return self._generation != self._shown_generation

    @property
    def filtered(self) -> bool:
        """Whether a search, an entity, a feed or a tag narrows the view (esc clears these)."""
        return bool(self.search.strip() or self.entity or self.feed or self.tag)

    @property
    def ordered(self) -> bool:
        """Whether the view or the order differs from the plain list (all articles, newest first)."""
        return self.view != "all" or self.sort != "date"

    def set_view(self, view: str = "", sort: str = "") -> None:
        """Show the `view` (all / unread / starred) in the `sort` order (either "" to keep it); shows articles."""
        self.view = view or self.view
        self.sort = sort or self.sort
        self.stories = False
        self.reload()

    def set_tag(self, tag: str) -> None:
        """Narrow the articles to one tag ("" for every tag); shows articles."""
        self.tag = tag
        self.stories = False
        self.reload()

    def set(self, search: str, entity: str) -> None:
        """Show the articles matching `search` and mentioning `entity` (either may be empty)."""
        self.search, self.entity = search, entity
        self._generation += 1
        self.busy()
        shape = (self.view, self.sort, self.tag)
        self.host.run_worker(partial(self._worker, search, entity, self.feed, self.stories, shape, self._generation),
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
        """Drop the search, the entity, the feed and the tag filter (the view and order stay)."""
        self.feed = None
        self.tag = ""
        self.set("", "")

    def reload(self) -> None:
        """Compute the current view again (after an add or delete)."""
        self.set(self.search, self.entity)

    def _worker(self, search: str, entity: str, feed, stories: bool, shape: tuple, generation: int) -> None:
        from tui.store.library import NewerLibrary, read_newer_as_is

        try:
            lib = Library(self.db_path)
        except NewerLibrary as exc:
            # upgraded by a newer newsreader while the app runs: a search or a filter typed then stopped the app with
            # a traceback (the worker failed); the screen says why once, and the search is made on the library read
            # as it is (read-only: parts/newer.py)
            read_newer_as_is(self.db_path)
            deliver(self.host, self._newer, str(exc).splitlines()[0], None)
            lib = Library(self.db_path)
        with lib:
            try:
                host = self.host  # a library the screen found damaged, read-only or newer is never mended
                mend = not any(getattr(host, name, None) for name in ("damaged", "newer", "unwritable"))
                source = _source(lib, search, entity, feed, stories, shape, mend)
            except sqlite3.DatabaseError as exc:
                if stories or not search.strip():
                    raise
                # the search index dropped or edited by hand, or a damaged page of it: nothing found, and the status
                # line says why (the worker failed, and the app with it, with a traceback)
                source = RowSource(lib, search, entity, ids=[])
                # (the repair command names the library when it is not the default one: `--db PATH`)
                named = None if lib.path == default_db_path() else lib.path
                source.error = search_index_problem(search_index_damage(lib.db) or exc, named)
                source.search_failed = True
        deliver(self.host, self._done, source, generation)

    def _newer(self, problem: str, generation: int) -> None:
        if generation == self._generation:
            self._shown_generation = generation  # nothing more is coming for it
        newer = getattr(self.host, "library_newer", None)
        if newer is not None:
            newer(problem)

    def _done(self, source: RowSource, generation: int) -> None:
        if generation != self._generation:
            return  # the user typed more meanwhile
        if getattr(source, "search_failed", False) and source.error != self._said:
            self._said = source.error  # once, not at every key typed (the status line keeps saying it shortly)
            self.host.notify(source.error, severity="warning", timeout=12, markup=False)
        self._shown_generation = generation
        self.loaded(source)


def _source(lib, search: str, entity: str, feed, stories: bool, shape: tuple, mend: bool = True):
    """The rows of a view: stories, or articles narrowed and ordered (LibraryQuery._worker)."""
    view, sort, tag = shape
    if stories:
        from tui.app.widgets.story_rows import StorySource
        from tui.store.reader import unread_stories

        counted = _stories_untrue(lib, mend)
        source = StorySource(lib, counted=counted)
        if counted:
            from tui.store.stories import unread_stories_counted

            source.unread = unread_stories_counted(lib)
        else:
            source.unread = unread_stories(lib)
    elif view != "all" or sort != "date" or tag:
        source = _shaped(lib, search, entity, feed, view, sort, tag)
    elif feed is not None:
        source = RowSource.of_feed(lib, feed[0], feed[1], search, entity)
    elif search.strip() or entity:
        source = RowSource.filtered(lib, search, entity)
    else:
        source = RowSource(lib)
    return source


def _stories_untrue(lib, mend: bool) -> bool:
    """Whether the stories list must be counted from the articles (StorySource `counted`): the story tables disagree as
    another program leaves them (a story row made by hand with no articles listed as "5 art"; store.stories_untrue,
    three counts) and could not be mended here. A library this process may write is mended first, as `stories` and
    the quiet refresh round do (tui.stories.settle: the app with no feeds or folders listed such a story until a
    `newsreader stories` ran); a read-only one, a newer one read as it is or one whose grouping is held by another
    process is never written: its list is counted from the articles instead."""
    from tui.store.stories import stories_untrue

    if not stories_untrue(lib):
        return False
    if mend and not lib.readonly and not lib.damaged:
        from tui.app.parts.sources import settle_stories

        try:
            settle_stories(lib)
        except Exception:  # a failed grouping is said by the refresh that runs one; the list is counted meanwhile
            log.warning("the stories could not be mended", exc_info=True)
        return stories_untrue(lib)
    return True


def _shaped(lib, search: str, entity: str, feed, view: str, sort: str, tag: str) -> RowSource:
    """The articles of a view (unread / starred), an order other than newest first, or a tag: an id list."""
    from tui.store.reader import view_ids

    ids = view_ids(lib, view, sort, search=search, entity=entity, tag=tag)
    name = ""
    if feed is not None:
        from tui.app.widgets.rows import source_article_ids

        mine = set(source_article_ids(lib, feed[0]))
        ids = [i for i in ids if i in mine]
        name = feed[1]
    source = RowSource(lib, search, entity, ids=ids, feed=name)
    source.view, source.tag = view, tag
    return source
