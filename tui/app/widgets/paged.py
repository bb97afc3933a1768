"""What the library list's two row sources share (rows.RowSource, story_rows.StorySource): rows read from the
store a page at a time, a few pages kept."""

from __future__ import annotations

from typing import Any, Callable


class PagedSource:
    """Rows in list order, read by `_fetch(number)` a page of `page` rows at a time; at most `keep` pages are kept
    (the first read goes first). A subclass sets `count` and `page` and reads a page in `_fetch`."""

    page = 200
    keep = 8
    count = 0

    def __init__(self, lib) -> None:
        self.lib = lib
        self._pages: dict[int, list] = {}

    def rebind(self, lib):
        """Use `lib` (the UI thread's connection) for page fetches from now on."""
        self.lib = lib
        self._pages.clear()
        return self

    def __len__(self) -> int:
        return self.count

    def row(self, index: int) -> Any:
        """The row at `index` in list order, or None past the end."""
        if not 0 <= index < self.count:
            return None
        number, offset = divmod(index, self.page)
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number)
            if len(self._pages) >= self.keep:
                self._pages.pop(next(iter(self._pages)))
            self._pages[number] = page
        return page[offset] if offset < len(page) else None

    def _fetch(self, number: int) -> list:
        raise NotImplementedError

    def _loaded_index(self, match: Callable[[Any], bool]) -> int | None:
        """Where the first row of the loaded pages that `match`es sits, or None."""
        for number, page in self._pages.items():
            for offset, row in enumerate(page):
                if match(row):
                    return number * self.page + offset
        return None

    def forget(self) -> None:
        """Drop cached pages (after a row changed: read, starred)."""
        self._pages.clear()
