"""Where the library list gets its rows in story mode: one page of stories at a time from the store."""

from __future__ import annotations

import sqlite3

from tui.app.widgets.paged import PagedSource
from tui.app.failure import reason

PAGE = 100
KEEP_PAGES = 8


class StorySource(PagedSource):
    """The stories of the library, latest first, fetched a page at a time (`tui.stories.story_rows`).

    The same interface as RowSource (len, row, index_of, forget, rebind, error), so the library
    list shows either; `kind` tells the list how to draw a row.
    """

    kind = "stories"
    search = ""
    entity = ""
    unread: int | None = None  # stories with an unread article (counted by the worker that made this)
    page, keep = PAGE, KEEP_PAGES

    def __init__(self, lib, count: int | None = None, counted: bool = False) -> None:
        from tui.store.stories import story_count  # not tui.stories: that imports the whole story engine (~150 ms)

        super().__init__(lib)
        self.error = ""
        self._newest: str | None = None
        # `counted`: the story tables disagree (another program's edit; store.stories_untrue) and this library is not
        # mended (read-only): the stories with an article only, each row's figures counted from its articles
        self.counted = counted
        try:
            self.count = count if count is not None else story_count(lib, counted=counted)
        except sqlite3.DatabaseError as exc:
            self.count, self.error = 0, f"stories cannot be read: {reason(exc)}"

    def _fetch(self, number: int) -> list:
        from tui.store import stories as store

        start = number * PAGE
        try:
            # Next to a page already here: a seek from its edge row; else from the nearer end of the list
            # (G reads the last page through the index's far end, not an OFFSET over every story). A row's
            # figures are stored with the story (story_stats): no member article is read for a page.
            before, after = self._pages.get(number - 1), self._pages.get(number + 1)
            if before and len(before) == PAGE:
                return store.story_rows_next_to(self.lib, before[-1], PAGE, members=False, counted=self.counted)
            if after:
                return store.story_rows_next_to(self.lib, after[0], PAGE, after=False, members=False,
                                                counted=self.counted)
            if start > self.count // 2:
                end = min(self.count, start + PAGE)
                return store.story_rows_from_end(self.lib, self.count - end, end - start, members=False,
                                                 counted=self.counted)
            return store.story_rows(self.lib, start, PAGE, members=False, counted=self.counted)
        except sqlite3.DatabaseError as exc:
            # a damaged page of the story tables: this page's stories that can be read, one by one
            self.error = f"some stories cannot be read: {reason(exc)}"
            try:
                return store.readable_story_rows(self.lib, start, PAGE, members=False)
            except sqlite3.DatabaseError:
                return []

    def newest_year(self) -> str:
        """The year of the list's latest story ("2026"; "" for none): the narrow rows write that year's days without
        it (article_list.short_day). Read once, from the first row; a year ahead of the clock's is the clock's (a
        story dated 2100 made every row of this year read "2026" alone)."""
        if self._newest is None:
            from datetime import date

            from tui.textsafe import clean

            row = self.row(0)
            year = clean(row.last or "")[:4] if row is not None else ""
            this = str(date.today().year)
            self._newest = this if year.isdigit() and year > this else year
        return self._newest

    def index_of(self, story_id: int) -> int | None:
        """Where a story sits: in a loaded page, else as the library's index says (a list read again has no page
        loaded: the cursor went back to the first story after every `m`, refresh or folder scan, walk33)."""
        loaded = self._loaded_index(lambda row: row.id == story_id)
        if loaded is not None:
            return loaded
        from tui.store.stories import story_position

        try:
            index = story_position(self.lib, story_id)
        except sqlite3.DatabaseError:
            return None
        return index if index is not None and index < self.count else None
