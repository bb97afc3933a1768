"""Where the library list gets its rows: one page at a time from the store, never the whole library."""

from __future__ import annotations

import sqlite3

from tui.app.widgets.paged import PagedSource
from tui.models import ArticleRow
from tui.store.changes import list_position
from tui.app.failure import reason

PAGE = 200
KEEP_PAGES = 8  # ~1,600 rows in memory at most, whatever the library size


class RowSource(PagedSource):
    """The rows of one view of the library (all, a search, or an entity filter), fetched on demand.

    Unfiltered views page with OFFSET (newest first); filtered ones hold the matching ids
    (8 bytes each) computed off the UI thread, and fetch rows for a page of ids.
    """

    kind = "articles"  # what the rows are (story_rows.StorySource: "stories")
    view = "all"  # the view (all / unread / starred) and tag these rows were chosen by
    tag = ""
    page, keep = PAGE, KEEP_PAGES

    def __init__(self, lib, search: str = "", entity: str = "", ids: list[int] | None = None,
                 count: int | None = None, feed: str = ""):
        super().__init__(lib)
        self.search = search
        self.entity = entity
        self.feed = feed  # the name of the feed the view is narrowed to ("" for none)
        self.ids = ids
        self.count = len(ids) if ids is not None else (count if count is not None else lib.count())
        self.error = ""
        self.search_failed = False  # the search index could not be read: `error` says why, the rows are none

    @classmethod
    def filtered(cls, lib, search: str, entity: str) -> "RowSource":
        """A filtered view; call it in a worker with that thread's own Library, then `rebind`."""
        return cls(lib, search, entity, ids=lib.ids(search=search, entity=entity))

    @classmethod
    def of_feed(cls, lib, feed_id, feed: str, search: str = "", entity: str = "") -> "RowSource":
        """A feed's articles (newest first, or by rank when searching), narrowed by `search`/`entity`; `feed_id`
        ("folder", id) for a watched folder's."""
        ids = source_article_ids(lib, feed_id)
        if search.strip() or entity:
            mine = set(ids)
            ids = [i for i in lib.ids(search=search, entity=entity) if i in mine]
        return cls(lib, search, entity, ids=ids, feed=feed)

    def _fetch(self, number: int) -> list[ArticleRow]:
        start = number * PAGE
        try:
            if self.ids is None:
                # Next to a page already here, start from its edge row (an index seek, not an OFFSET walk).
                before, after = self._pages.get(number - 1), self._pages.get(number + 1)
                if before and len(before) == PAGE and before[-1].sort_key:
                    return self.lib.rows_next_to(before[-1], PAGE)
                if after and after[0].sort_key:
                    return self.lib.rows_next_to(after[0], PAGE, after=False)
                return self.lib.rows(start, PAGE)
            return self.lib.rows_by_id(self.ids[start:start + PAGE])
        except sqlite3.DatabaseError as exc:
            # A damaged page deep in the file: this page's rows that can be read, one by one (the page was left
            # empty, a hundred blank rows around two unreadable ones), and say what happened.
            self.error = f"some rows cannot be read: {reason(exc)}"
            try:
                if self.ids is None:
                    return self.lib.readable_rows(start, PAGE)
                return self.lib.readable_rows_by_id(self.ids[start:start + PAGE])
            except sqlite3.DatabaseError:
                return []

    def index_of_copy(self, article_id: int) -> int | None:
        """Where the row that shows `article_id`'s text sits, when `article_id` is a copy (the same text
        from another outlet, shown as that row) and the row is in a loaded page."""
        return self._loaded_index(lambda row: article_id in (row.twins or ()))

    def index_of(self, article_id: int) -> int | None:
        """Where an article sits in this view, if it is in a loaded page or the id list."""
        if self.ids is not None:
            try:
                return self.ids.index(article_id)
            except ValueError:
                return None
        loaded = self._loaded_index(lambda row: row.id == article_id)
        if loaded is not None:
            return loaded
        try:  # the whole library, not in a loaded page (a reloaded view): ask the list's index
            index = list_position(self.lib, article_id)
        except sqlite3.DatabaseError:
            return None
        return index if index is not None and index < self.count else None


def source_article_ids(lib, feed_id) -> list[int]:
    """The articles of a feed (its id) or of a watched folder (("folder", id)), newest first."""
    if isinstance(feed_id, tuple):
        from tui.store.watch import folder_article_ids

        return folder_article_ids(lib, feed_id[1])
    from tui.store.feeds import feed_article_ids

    return feed_article_ids(lib, feed_id)
