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
    # When a feed gives the item's time, that time in UTC ("2026-12-06T16:45:00Z"); None for a day alone or no date.
    # Stored as the article's sort_key (the list's order: newest first within a day too; tui.store.library); kept out
    # of a feed item's change hash (tui.sources.parse.entry_hash), so an item whose time alone changes is not new.
    published_at: str | None = None

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
    return hash_and_count(body or title or "")[0]


def hash_of_words(words: list[str]) -> str:
    """`content_hash` from the whitespace-split words of the text it hashes (callers that split anyway)."""
    import hashlib  # here, not at the top: OpenSSL's start-up cost stays off the first paint

    return hashlib.sha256(_folded_utf8(" ".join(words))).hexdigest()


def hash_and_count(text: str) -> tuple[str, int]:
    """(`hash_of_words(text.split())`, `len(text.split())`) without splitting the text into word objects when
    it is already normalised: single spaces between words and blank lines between paragraphs (what every
    importer stores), which is most of the CPU of hashing an import."""
    import hashlib

    from tui.spaces import is_squashed

    flat = text.replace("\n\n", " ")
    if is_squashed(flat):  # then it is the split words joined by spaces
        return hashlib.sha256(_folded_utf8(flat)).hexdigest(), flat.count(" ") + 1 if flat else 0
    words = text.split()
    return hash_of_words(words), len(words)


_ASCII = bytes(range(128))


def _folded_utf8(norm: str) -> bytes:
    """`norm.casefold().encode("utf-8", "surrogatepass")`, fast when only ASCII letters change: bytes.lower()
    folds A-Z and leaves every byte of a multibyte character alone (str.casefold costs ~20 ns a character)."""
    raw = norm.encode("utf-8", "surrogatepass")
    if len(raw) != len(norm):  # some characters are not ASCII: do they all fold to themselves?
        others = raw.translate(None, _ASCII).decode("utf-8", "surrogatepass")
        if any(c.casefold() != c for c in set(others)):
            return norm.casefold().encode("utf-8", "surrogatepass")
    return raw.lower()


def timed_key(key) -> bool:
    """True when a sort key is a UTC time as the store writes one ("2026-12-06T16:45:00Z"), not a day."""
    return type(key) is str and len(key) == 20 and key[10] == "T" and key[19] == "Z" and key[:4].isdigit()


def local_day(stamp) -> str:
    """The reader's day of a time as stored (UTC, "2026-12-07T23:30:00Z" is 2026-12-08 in Berlin), as the library list
    dates a row (tui.cells.row_date); "" when it is no time. A story dates an article by it when its sort key is a
    time (its feed's time, or when it came in: undated), so an undated article's "(no outlet, day)" and a story's
    "since today" are the list's local day (they were its UTC day: session 36)."""
    from datetime import datetime, timezone

    if type(stamp) is not str or len(stamp) <= 10:
        return ""
    try:
        when = datetime.fromisoformat(stamp.strip())
        if when.tzinfo is None:  # (stored by now_iso: UTC, with or without its "Z")
            when = when.replace(tzinfo=timezone.utc)
        return when.astimezone().date().isoformat()
    except (ValueError, OverflowError, OSError):
        return ""


def shown_day(published, sort_key) -> str:
    """An article's day as a story shows it: the reader's day of its time when its sort key is one (local_day), else
    its day."""
    if timed_key(sort_key):
        return local_day(sort_key) or sort_key[:10]
    day = published if type(published) is str and published else sort_key
    return day[:10] if type(day) is str else ""


def published_time(published, sort_key) -> str | None:
    """The UTC time an article was published ("2026-12-06T16:45:00Z") when its feed gave one, else None: a dated
    article's sort key holds it (tui.store.library.sort_key_of; an undated one's is when it was added)."""
    return sort_key if published and timed_key(sort_key) else None


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
    added_at: str = ""  # when it came into the library (UTC, as stored): an undated article is dated by it

    @property
    def published_at(self) -> str | None:
        """Its UTC time when its feed gave one (published_time), else None."""
        return published_time(self.published, self.sort_key)

    @property
    def shown_source(self) -> str:
        """The list's source cell: "A +1" when near-duplicates from other outlets are shown as this row."""
        return f"{self.outlets[0]} +{len(self.outlets) - 1}" if len(self.outlets) > 1 else self.source
