"""The article record shared by importers, the store and the CLI (plain data, no behaviour)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Article:
    """One stored (or about to be stored) article.

    `body` is the paragraphs joined by a blank line; every character span the engine
    returns points into this exact string.
    """

    title: str
    body: str
    source: str = ""
    byline: str = ""
    published: str | None = None  # ISO date "YYYY-MM-DD", or None when unknown
    tags: list[str] = field(default_factory=list)
    url: str | None = None
    id: int | None = None
    added_at: str | None = None
    read: bool = False
    starred: bool = False

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p.strip()]

    @property
    def content_hash(self) -> str:
        return content_hash(self.title, self.body)

    def to_dict(self) -> dict:
        return asdict(self)


def content_hash(title: str, body: str) -> str:
    """Hash of the normalised text, so the same article imported twice is recognised."""
    import hashlib  # here, not at the top: OpenSSL's start-up cost stays off the first paint

    # str.split() is several times faster than a regex on long bodies (this runs for every import).
    return hash_of_words((body or title or "").split())


def hash_of_words(words: list[str]) -> str:
    """`content_hash` from the whitespace-split words of the text it hashes (callers that split anyway)."""
    import hashlib

    norm = " ".join(words).casefold()
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class ArticleRow:
    """What the library list needs: everything but the body."""

    id: int
    title: str
    source: str
    published: str | None
    read: bool
    starred: bool
    words: int = 0
    sort_key: str = ""  # the list's order (newest first); lets the next page start right after this row
    # The same text from other outlets shown as this one row (issue 13, tui/store/twins.py): their ids and
    # every outlet of the row, its own first; empty when it has no near-duplicate.
    twins: tuple[int, ...] = ()
    outlets: tuple[str, ...] = ()

    @property
    def shown_source(self) -> str:
        """The list's source cell: "A +1" when near-duplicates from other outlets are shown as this row."""
        return f"{self.outlets[0]} +{len(self.outlets) - 1}" if len(self.outlets) > 1 else self.source
