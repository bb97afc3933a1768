"""The result of importing one file, stream, URL or feed entry."""

from __future__ import annotations

from dataclasses import dataclass

from tui.models import Article


@dataclass
class ImportItem:
    """One import outcome: an article, or the one-line reason there is none."""

    origin: str  # a path, "path#entry-3" for feed entries, "<stdin>", or a URL
    article: Article | None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.article is not None and self.error is None
