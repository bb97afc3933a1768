"""The result of importing one file, stream, URL or feed entry."""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.models import Article


@dataclass
class ImportItem:
    """One import outcome: an article, or the one-line reason there is none."""

    origin: str  # a path, "path#entry-3" for feed entries, "<stdin>", or a URL
    article: Article | None
    error: str | None = None
    # The decoded file a plain-text or Markdown article came from, so `add`'s prose check judges the file's own
    # lines without reading it again; dropped before an item crosses to another process.
    text: str | None = field(default=None, repr=False, compare=False)
    # Computed in a parse worker (importers/parallel.py) so the writing process does not: the prose check's
    # verdict ("" = prose) and what the store derives from the text (tui.store.derived). None: not computed yet.
    not_prose: str | None = field(default=None, repr=False, compare=False)
    derived: tuple[str, int, int] | None = field(default=None, repr=False, compare=False)
    # The article's grouping features as `tui.stories.features.encode` gives them (words, weights, sketch), when a
    # parse worker computed them (`add`: stored with the article, so grouping reads them instead of the text).
    features: tuple[str, bytes, bytes] | None = field(default=None, repr=False, compare=False)
    # What of the file the article leaves out, said beside it: a page too costly to extract, read as rough text.
    note: str | None = None
    # A feed item with no text but a link (a title and a link at most): what the feed says of it, body empty, for a
    # feed read with its full text to complete from the linked page (tui.sources.refresh); never stored as it is.
    link_only: Article | None = field(default=None, repr=False, compare=False)

    @property
    def ok(self) -> bool:
        return self.article is not None and self.error is None
