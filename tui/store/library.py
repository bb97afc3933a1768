"""The Library class: open/migrate the SQLite file, store articles, list, search, cache analysis."""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import stat
import threading
import time
from contextlib import contextmanager
from itertools import repeat
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Iterator

from tui.models import Article, ArticleRow, published_time, timed_key
from tui.store.derived import Derived, derived, stored_tags
from tui.tags import unique_tags
from tui.store.fts_batch import close_batch, open_batch
from tui.store.schema import (MERGE_FEEDS, MERGE_INDEX, MIGRATIONS, REBUILD_FROM, REBUILD_INDEX, SCHEMA_VERSION,
                               SEARCH_SHADOWS, SEARCH_TABLE, SEARCH_VIEWS, STORY_FIGURES, STORY_FIGURES_FROM, STORY_UNDATED,
                               STORY_UNDATED_FROM, schema_columns,
                               schema_tables)
from tui.store.query import fts_query, wordless
from tui.store.twins import hidden_ids, with_outlets
from tui.filekinds import os_reason
from tui.textsafe import visible

BUSY_TIMEOUT_MS = 10_000
RANK_LIMIT = 4000  # bm25 costs ~5 µs per match: rank at most this many per keystroke
NUMPY_IDS_FROM = 20_000  # characters of ids (~3,500 ids) from which id_list reads them with numpy
# PRAGMA application_id of every library ("NwRd"): how a newsreader library is told from other SQLite files.
APPLICATION_ID = 0x4E775264
# What migrations 1-3 create: a library from before the application_id was set must have all of it.
# (Migration 6 replaced the trigger articles_ad by articles_bd: only names every later version keeps are listed.)
_SIGNATURE = {1: {"articles", "articles_fts", "analysis", "articles_ai"}, 2: {"mentions"},
              3: {"counts", "articles_count_ai"}}
_ARTICLE_COLUMNS = {"id", "title", "source", "byline", "published", "tags", "url", "body", "words", "hash",
                    "added_at", "sort_key", "read", "starred"}
# Called with a one-line message before a long upgrade of a large library (the CLI prints it on stderr),
# so a first start after installing a new version does not look hung.
UPGRADE_NOTICE: Callable[[str], None] | None = None
# Told once when a write has waited BUSY_TIMEOUT_MS for another program's write lock and goes on waiting (the CLI says
# it on stderr: a `remove` behind a long import waited up to 50 x BUSY_TIMEOUT_MS in silence)
WAIT_NOTICE: Callable[[str], None] | None = None
BULK_CACHE_KIB = 16 * 1024  # page cache while storing many articles (Library.bulk); SQLite's default is 2 MB
# The oldest schema a read-only library (which cannot be upgraded) is read at as it is: since 23 only the search
# index changed (24 stems it, 25 spells "news" apart from "new"), so such a library reads whole; its searches find
# less (words as typed, not all their forms).
READABLE_BEHIND = 23
SEARCH_AS_NOW = 28  # a read-only library from this schema on searches as an upgraded one (28 spells more words apart)
UPGRADE_NOTICE_FROM = 10_000  # articles: an index rebuild costs ~0.4 ms each
REBUILD_SECONDS = 0.0005  # the index made again, an article (the bench's 100,000: ~40 s of CPU, idle)
REBUILD_BATCH = 5_000  # articles indexed in one statement while the index is made again (Library._rebuild_index)
PROGRESS_EVERY = 3.0  # seconds between two progress lines of an upgrade
# Migration 26 merges the search index into one segment when FTS5's automerge has a large share of it still to merge
# (pages_to_merge): more than MERGE_SHARE of its pages and MERGE_PAGES or more. The index the rebuild left unmerged at
# the bench's 100,000 articles had 92,000 of its 132,000 pages in two merges in progress; the same library grown
# article by article none (11 segments on 5 levels, no merge under way); below MERGE_PAGES (~4 MB) automerge's work is
# quick anyway.
MERGE_SHARE = 0.25
MERGE_PAGES = 1000
AUTOMERGE = 4  # FTS5's 'automerge' default: a level of this many segments is merged
MERGE_SECONDS = 0.0001  # the index merged into one segment, an article (the bench's 100,000: 8.6 s of CPU)

_ROW_COLUMNS = "a.id, a.title, a.source, a.published, a.read, a.starred, a.words, a.sort_key, a.added_at"


def _duration(seconds: float) -> str:
    """"12 s", "about a minute" style: how long an upgrade takes or took."""
    if seconds < 55:
        return f"{max(1, round(seconds))} s"
    if seconds < 90:
        return "a minute"
    return f"{round(seconds / 60)} minutes"


class StoreError(Exception):
    """A library problem worth one clear line to the user (corrupt, locked, read-only ...)."""


def _behind_its_tables(path, version: int, exc: Exception) -> str:
    """The line for a library whose schema version (user_version) is below what its tables are: an upgrade from there
    makes a table or an index it already has."""
    what = " ".join(str(exc).split())[:80]
    return (f"{visible(path)} says it is schema {version}, but it holds tables of a later one ({visible(what)}): "
            f"another program changed its schema version; it was left untouched")


class NewerLibrary(StoreError):
    """The library's schema is newer than this newsreader's: another (newer) newsreader upgraded it."""


# Libraries this process reads as they are, read-only, after a newer newsreader upgraded them (read_newer_as_is).
_AS_IS: set[str] = set()


def read_newer_as_is(path: str | os.PathLike) -> None:
    """From now on this process opens the library at `path` read-only, and reads it as it is when a newer newsreader
    upgraded it (its schema above this one's) instead of refusing it with NewerLibrary: the app, told once that its
    library was upgraded meanwhile, goes on reading it in the views it opens anew (each failed with "StoreError: …
    please upgrade"). A newer schema has kept every table and column of this one so far (migrations add); a read that
    finds one changed fails as any store error does. Nothing is written through such a connection."""
    _AS_IS.add(os.path.realpath(os.fspath(path)))


def _read_as_is(path: Path) -> bool:
    return bool(_AS_IS) and os.path.realpath(os.fspath(path)) in _AS_IS


def reads_newer_as_is(path: str | os.PathLike) -> bool:
    """Whether this process reads the library at `path` as it is (read_newer_as_is was called for it): a process
    that reads it for this one (the story view's summary process) is told so, and reads it the same way."""
    return _read_as_is(Path(path))


class LibraryBusy(StoreError):
    """Another program held the write lock longer than a transaction inside `Library.impatient` waits for it."""


def default_db_path() -> Path:
    """`NEWSREADER_DB` if set, else `library.db` in the user's data directory."""
    env = os.environ.get("NEWSREADER_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("newsreader", appauthor=False) / "library.db"


# The names an existing empty file may have to be made a library (a file made for it: `touch news.db`); any other empty
# file is refused, a new file (none there yet) may have any name.
EMPTY_LIBRARY_NAMES = (".db", ".sqlite", ".sqlite3", ".db3")


def chosen_library(db: str | None) -> tuple[Path, bool, str | None]:
    """The library a command or the app opens: (its path, whether its folder is made when missing, what named it).
    `--db PATH`, else `NEWSREADER_DB`, else library.db in the user's data folder, the one folder made when missing:
    a path the user named is taken as named (a typo, or a disk not mounted yet, is said, not made a new library)."""
    if db is not None and db and not db.strip():
        # (`--db "  "` made a library named "  " in the current folder; `--db ""` is a usage error in the CLI)
        raise StoreError("--db names no file (only spaces): give a library file's path or leave the option out")
    if db:
        return Path(db).expanduser(), False, None
    env = os.environ.get("NEWSREADER_DB")
    if env is not None and not env.strip():
        # Set but empty (`NEWSREADER_DB=$LIB` with LIB unset): the default library was opened without a word, the
        # one library the user did not name; only spaces made a library named "  " in the current folder.
        said = "empty" if env == "" else "only spaces"
        raise StoreError(f"NEWSREADER_DB is set but {said}: give it a library file's path, or unset it "
                         "(`unset NEWSREADER_DB`) to open the default library")
    if env:
        return default_db_path(), False, "NEWSREADER_DB"
    return default_db_path(), True, None


REPAIR = "newsreader doctor --repair"  # the command that makes the search index again in place


def behind_searches(version: int) -> str:
    """What a search misses in a read-only library read at schema `version` (Library.behind), for its note."""
    if version < 24:
        return "words as typed, not all their forms"
    return "words kept apart from others of their stem since: \"important\", \"United\", \"according\"..."


def search_index_problem(exc: BaseException | str, path: str | os.PathLike | None = None) -> str:
    """The one line said when a search or a write meets a search index that is missing or damaged (articles_fts or
    one of FTS5's own tables dropped, edited by hand, a damaged page of it): the rest of the library still reads,
    and `newsreader doctor --repair` makes the index again (`path`: the library named in the command)."""
    detail = " ".join(str(exc).split())[:80]
    command = REPAIR.replace("newsreader", f"newsreader --db {visible(path)}", 1) if path is not None else REPAIR
    return f"the search index is damaged ({visible(detail)}): run `{command}` to make it again"


def search_index_damage(db: sqlite3.Connection) -> str | None:
    """What is wrong with the search index, in a few words, or None when it reads: one of its tables or views
    missing (FTS5 says only "SQL logic error" when its `_idx` table is gone, nothing at all for `_docsize` until a
    ranked search), or a query of it failing. Cheap: the schema's names and one term looked up."""
    try:
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE name LIKE 'articles%'")}
    except sqlite3.DatabaseError:
        return None  # the schema itself unreadable: the library is damaged, not only its index
    missing = [n for n in ("articles_fts", *SEARCH_SHADOWS, "articles_search") if n not in names]
    if missing:
        return ", ".join(missing) + " missing"
    try:
        db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH '\"the\"' LIMIT 1").fetchall()
        db.execute("SELECT id FROM articles_search LIMIT 0").fetchall()
    except sqlite3.DatabaseError as exc:
        if "interrupt" in str(exc) or "locked" in str(exc) or "busy" in str(exc):
            return None
        return " ".join(str(exc).split())[:120] or type(exc).__name__
    return None


def damaged_message(path: str | os.PathLike, problem: str = "") -> str:
    """The one line said when a write meets a damaged library."""
    detail = f" ({problem})" if problem else ""
    return (f"{visible(path)} is damaged{detail}; nothing was written. "
            f"Run `newsreader --db {visible(path)} doctor` to see how to recover what is readable")


def _writable(path: Path) -> bool:
    """Can this process write the library file and create its -wal/-shm files beside it?"""
    return why_read_only(path) is None


def why_read_only(path: Path) -> str | None:
    """Why this process cannot write the library file and create its -wal/-shm files beside it (None: it can)."""
    try:
        if os.statvfs(path.parent).f_flag & os.ST_RDONLY:
            return "on a read-only file system"
    except (OSError, AttributeError):
        pass
    if not os.access(path, os.W_OK):
        return "the file cannot be written"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "its folder cannot be written"
    return None


def _full_disk(path: Path, waiting: bool = False) -> bool:
    """The library's disk has no room for the shared-memory file a reader of a WAL library needs (32 KB), and its
    write-ahead log holds nothing (so reading the file alone reads it whole); with `waiting`, the log holds writes
    (another program's, not yet copied into the file: reading the file alone would miss them)."""
    try:
        st = os.statvfs(path.parent)
        wal = Path(f"{path}-wal")
        holds = wal.exists() and wal.stat().st_size > 0
        return st.f_bavail * st.f_frsize < 64 * 1024 and holds == waiting
    except (OSError, AttributeError):
        return False


def waiting_message(path: Path) -> str:
    """The one line said when a library cannot be read: its disk is full and writes wait in its write-ahead log."""
    try:
        size = Path(f"{path}-wal").stat().st_size
    except OSError:
        size = 0
    return (f"{visible(path)} cannot be read while its disk is full: {max(1, round(size / 1024)):,} KB of recent writes "
            "wait in its write-ahead log (-wal), and reading them needs a little room beside it; free some space and "
            "retry (nothing was lost)")


def read_only_message(path: str | os.PathLike, why: str | None = None) -> str:
    """The one line said when a write meets a read-only library: what cannot be done and why."""
    return f"{visible(path)} is read-only{f' ({why})' if why else ''}; cannot write to the library"


def sqlite_uri(path: str | os.PathLike, readonly: bool = False) -> str:
    """The `file:` URI of a library path, every byte but letters, digits, "/" and "-._~" percent-quoted.

    Unquoted, "#" would end the file name, "?" would start parameters (mode=memory, vfs=, immutable=1
    injected through --db) and "%41" would be decoded to "A".
    """
    from urllib.parse import quote_from_bytes

    uri = "file:" + quote_from_bytes(os.fsencode(os.path.abspath(path)), safe="/")
    return uri + "?mode=ro" if readonly else uri


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def _row(r: tuple) -> ArticleRow:
    """A list row; a malformed field (a BLOB title, a negative count ...) reads as empty, never raises."""
    if (type(r[1]) is str and type(r[2]) is str and (r[3] is None or type(r[3]) is str)
            and type(r[6]) is int and r[6] >= 0 and type(r[7]) is str):
        return ArticleRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], r[7],
                          added_at=r[8] if type(r[8]) is str else "")
    ignored: list[str] = []
    return ArticleRow(r[0], _text(r[1], "title", ignored), _text(r[2], "source", ignored),
                      _text(r[3], "published", ignored, optional=True), _flag(r[4], "read", ignored),
                      _flag(r[5], "starred", ignored), _count(r[6], "words", ignored),
                      r[7] if type(r[7]) is str else str(r[7]) if type(r[7]) in (int, float) else "",
                      added_at=r[8] if type(r[8]) is str else "")


def _sql_rank(value) -> tuple:
    """A sort key that orders values of mixed types as SQLite does (NULL, numbers, text, BLOBs)."""
    if value is None:
        return (0, 0)
    if type(value) in (int, float):
        return (1, value)
    return (2, value) if type(value) is str else (3, bytes(value))


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """SQLite's varint at `at`: (value, where the next one starts). IndexError past the end."""
    value = 0
    for k in range(8):
        byte = data[at + k]
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + k + 1
    return (value << 8) | data[at + 8], at + 9


def search_index_shape(db: sqlite3.Connection) -> list[tuple[int, list[int]]] | None:
    """The search index's segments, level by level, from FTS5's structure record (row 10 of articles_fts_data): for
    each level, how many of its segments a merge in progress is reading, and each segment's pages. None when the
    record cannot be read (no index, a record edited by hand). Its layout: a 4-byte cookie, a 4-byte marker in SQLite
    3.44+, the numbers of levels, of segments and of pages written; then per level the segments being merged, the
    segments, and per segment its id, first and last page (SQLite's varints)."""
    try:
        row = db.execute("SELECT block FROM articles_fts_data WHERE id = 10").fetchone()
    except sqlite3.DatabaseError:
        return None
    block = row[0] if row is not None else None
    if type(block) is not bytes:
        return None
    try:
        at = 8 if block[4:8] == b"\xff\x00\x00\x01" else 4
        levels, at = _varint(block, at)
        segments, at = _varint(block, at)
        _written, at = _varint(block, at)
        shape = []
        for _ in range(min(levels, 64)):
            merging, at = _varint(block, at)
            count, at = _varint(block, at)
            pages = []
            for _ in range(count):
                _segment, at = _varint(block, at)
                first, at = _varint(block, at)
                last, at = _varint(block, at)
                pages.append(max(0, last - first + 1))
            shape.append((merging, pages))
    except IndexError:
        return None
    if len(shape) != levels or sum(len(p) for _, p in shape) != segments:
        return None
    return shape


def search_index_segments(db: sqlite3.Connection) -> int | None:
    """How many segments the search index is made of (None: its structure record cannot be read)."""
    shape = search_index_shape(db)
    return None if shape is None else sum(len(pages) for _, pages in shape)


def pages_to_merge(shape: list[tuple[int, list[int]]]) -> tuple[int, int]:
    """(pages of the segments FTS5's automerge is working through or has due, all the index's pages): the segments of
    a level where a merge is in progress or that holds AUTOMERGE of them, which every later write merges a share of."""
    waiting = sum(sum(pages) for merging, pages in shape if merging or len(pages) >= AUTOMERGE)
    return waiting, sum(sum(pages) for _, pages in shape)


def id_list(text: str | None) -> list[int]:
    """Ids written by SQLite's group_concat ("3,1,2"; None for none), largest first. Many are read by numpy: json.loads
    of 100,000 ids (what json_group_array gave) cost ~83 M instructions, most of a two-letter keystroke's Python
    work; numpy's parse, sort and list ~32 M (callgrind, session 25). Few are read as JSON: no numpy import for them."""
    if not text:
        return []
    if len(text) < NUMPY_IDS_FROM:
        found = json.loads(f"[{text}]")
        found.sort(reverse=True)
        return found
    import numpy  # (not imported at start-up; the engine has it loaded by the time a large search runs)

    ids = numpy.fromstring(text, dtype=numpy.int64, sep=",")
    ids.sort(kind="stable")  # ascending already in practice: one pass
    return ids[::-1].tolist()


def fits_row_id(number: int) -> bool:
    """`number` can be a row's id (SQLite's 64-bit integers; a bigger one is refused as an argument, OverflowError)."""
    return -(1 << 63) <= number < (1 << 63)


def digits(text) -> bool:
    """`text` is a whole number in ASCII digits: an id, a count ("²" and "١٢" pass str.isdigit; int() refuses the
    first and reads the second as 12)."""
    return isinstance(text, str) and text.isascii() and text.isdigit()


def _text(value, name: str, problems: list[str], optional: bool = False) -> str | None:
    """A text column read defensively: anything but text is a problem and reads as empty."""
    if type(value) is str:
        return value
    if value is None:
        if not optional:
            problems.append(f"{name} is missing")
        return None if optional else ""
    problems.append(f"{name} is not text ({type(value).__name__})")
    return None if optional else ""


def _flag(value, name: str, problems: list[str]) -> bool:
    if value in (0, 1):
        return bool(value)
    problems.append(f"{name} is not 0 or 1")
    return False


def _count(value, name: str, problems: list[str]) -> int:
    if type(value) is int and value >= 0:
        return value
    problems.append(f"{name} is not a count ({value!r:.20})")
    return 0


def _tags(raw, problems: list[str]) -> list[str]:
    """The JSON list of tags; anything else (not JSON, numbers, a BLOB) is a problem and reads as no tags."""
    if type(raw) is not str:
        problems.append(f"tags are not text ({type(raw).__name__})")
        return []
    try:
        tags = json.loads(raw)
    except (ValueError, RecursionError):  # (RecursionError: "[[[[..." nested past Python's stack)
        problems.append("tags are not JSON")
        return []
    if not isinstance(tags, list) or not all(type(t) is str for t in tags):
        problems.append("tags are not a list of words")
        return unique_tags(tags) if isinstance(tags, list) else []
    return unique_tags(tags)  # stored before tags were kept once whatever their case: shown once


def check_library_path(path: Path, create_dirs: bool, named_by: str | None = None, *, make: bool = True) -> bool:
    """StoreError for a path that cannot be a library (a folder, a device, a kernel's file, a folder that is missing),
    saying what it is; its folder made first with `create_dirs` unless not `make` (`doctor` looks, making nothing).
    Whether the library is new (no file, or an empty one). `named_by`: where the path came from ("NEWSREADER_DB"),
    said when its folder is missing."""
    from tui.filekinds import file_kind, system_files, system_kind

    try:
        st = path.stat()
    except (FileNotFoundError, NotADirectoryError):  # (`--db /etc/passwd/library.db`: NotADirectoryError)
        st = None
    if st is not None:
        if not stat.S_ISREG(st.st_mode):
            # a named pipe, /dev/null, /dev/zero: SQLite said "disk I/O error (is the disk full or failing?)"
            raise StoreError(f"{visible(path)} is {file_kind(st.st_mode)}, not a library file")
        if (system := system_files(st.st_dev, not_what="a library file")) is not None:
            # /proc/self/status: "cannot open ... (check the folder exists and is writable)"; a /sys file: "not a
            # valid newsreader library (corrupt or another kind of file)"
            raise StoreError(f"{visible(path)} is {system}")
        if st.st_size == 0 and not path.name.lower().endswith(EMPTY_LIBRARY_NAMES):
            # `--db notes.txt` of an empty file (another program's, or a `touch` / `mktemp`) silently became a
            # library of the sample articles, a file of another kind overwritten with ours
            ends = ", ".join(EMPTY_LIBRARY_NAMES[:-1]) + f" or {EMPTY_LIBRARY_NAMES[-1]}"
            by = f" ({named_by} names it)" if named_by else ""
            raise StoreError(f"{visible(path)} is an empty file, not a library{by}: a library is made only in "
                             f"a new file or an empty one whose name ends {ends}; name another library (or delete "
                             "the file if it is yours)")
        return st.st_size == 0
    folder = path.parent
    above = next((p for p in (folder, *folder.parents) if p.exists()), None)
    if above is not None and not above.is_dir():  # a file where a folder of the path should be
        raise StoreError(f"cannot open {visible(path)}: {visible(above)} is a file, not a folder")
    if above == folder:
        if (kind := system_kind(folder.stat().st_dev)) is not None:
            raise StoreError(f"cannot make a library in {visible(folder)}: a system folder ({kind})")
        return True
    if not create_dirs:
        # NEWSREADER_DB too (it made the folder: a typo in the variable, or a disk not mounted yet, gave a new
        # library of the sample articles somewhere no one looks, and `add` stored articles there)
        by = f" ({named_by} names a library in it)" if named_by else ""
        raise StoreError(f"folder {visible(folder)} does not exist{by}; make it first (mkdir -p) or name "
                         "another library")
    if not make:
        return True
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create folder {visible(folder)}: {os_reason(exc)}") from None
    return True


class Library:
    """One library file. Cheap to open; never loads the whole library into memory."""

    def __init__(self, path: str | os.PathLike, *, create_dirs: bool = False, readonly: bool = False,
                 verify: float = 0.0, alone: bool = False, named_by: str | None = None):
        """Open (creating if new) the library at `path`.

        `readonly` opens without writing anything (also chosen by itself when the file or its folder
        cannot be written: reading still works). `verify` > 0 runs `PRAGMA quick_check` for at most
        that many seconds first; a damaged file then refuses every write (see `damaged`). `alone`: this process
        reads the library through this connection only (a command, not the app and its workers): on a full disk with
        writes waiting in the write-ahead log it can still read them (see below), holding the library to itself.
        `named_by`: what named the path ("NEWSREADER_DB"), said if its folder is missing.
        """
        self.path = Path(path)
        self.created = False
        self.damaged: str | None = None  # the first problem quick_check found (writes are then refused)
        self.bad_fields: dict[int, list[str]] = {}  # article id -> fields read as empty (malformed rows)
        self._batches: bool | None = None  # can a transaction index its new articles at its end (_can_batch)
        self._bulk = False  # inside bulk(): the bigger page cache is set
        self._lock_wait: float | None = None  # inside impatient(): how long a transaction waits for the lock
        self.behind = 0  # the schema of a read-only library read without its upgrade (READABLE_BEHIND); 0: current
        self._depth = 0  # transactions open (Library.transaction): 1 is this library's own, more its savepoints
        self._owner = 0  # the thread that opened it (only its own writes nest in it)
        self.lease: int | None = None  # the grouping lease taken through this library (tui/store/stories.py take_lease)
        self.lease_seconds = 0  # for how long it was taken (each of the grouper's writes renews it: hold_lease)
        self.lease_until = 0  # until when (unix seconds) this grouper last made it its own
        self.story_aside = False  # a rebuild's stories are built in this connection's own tables (stories.start_aside)
        # a window's regroup built aside (stories.start_window_aside): the story writes made there, to be made again
        # in the library under its write lock (stories.replay); None otherwise
        self.story_replay: list | None = None
        try:
            self.created = check_library_path(self.path, create_dirs, named_by)
        except OSError as exc:  # a folder on the way this process may not enter: "[Errno 13] Permission denied: '...'"
            raise StoreError(f"cannot open {visible(self.path)}: {os_reason(exc)}") from None
        # why it is read-only when it opened so by itself ("on a read-only file system"), for the line a write gets
        self.read_only_why: str | None = None
        self.ahead = 0  # the schema of a newer library read as it is (read_newer_as_is); 0: not newer
        if not readonly and _read_as_is(self.path):
            readonly = True  # upgraded by a newer newsreader meanwhile: read as it is, nothing written
            self.read_only_why = "upgraded by a newer newsreader"
        if not readonly and not self.created and (why := why_read_only(self.path)):
            readonly = True  # a read-only file or folder: reading works, writes get one clear line
            self.read_only_why = why
        self.readonly = readonly
        try:
            self.db = self._connect(readonly)
            try:
                # Check it is our library before anything writes: switching another program's
                # SQLite file to WAL would already change it.
                self._schema_version()
            except sqlite3.OperationalError as exc:
                io_error = "disk I/O error" in str(exc)
                waiting = io_error and _full_disk(self.path, waiting=True)
                full = io_error and _full_disk(self.path)
                if waiting and not alone:  # (the app's workers open connections of their own: see below)
                    raise StoreError(waiting_message(self.path)) from None
                if not (full or waiting or readonly and "unable to open" in str(exc) and not _writable(self.path)):
                    raise
                # A WAL library in a folder nobody can write: SQLite cannot create the shared-memory
                # file a reader needs. Nobody can write the library there either, so read it as immutable.
                if full or waiting:
                    # The same on a full disk, where the shared-memory file cannot grow (every command, reading ones
                    # too, failed with "disk I/O error"): nothing can be written there, so it is read as it is,
                    # read-only, a write saying why.
                    readonly = self.readonly = True
                    self.read_only_why = "the disk is full"
                self.db.close()
                if waiting:
                    # Writes wait in the write-ahead log (another program's, stopped before it copied them into the
                    # file): the file read alone (immutable) would miss them. A connection holding the library to
                    # itself keeps the log's index in its own memory, no shared-memory file, and reads them; it writes
                    # nothing (query_only); closing it, SQLite copies the log into the file where the room there
                    # allows (if not, the log stays as it was: nothing is lost). Another connection to the library,
                    # in this process or another, waits for it: hence `alone`.
                    self.db = self._connect(False, exclusive=True)
                else:
                    self.db = self._connect(readonly, immutable=True)
                self._schema_version()
            if not readonly:
                self._remake_story_figures()
            if verify > 0:
                self.verify(verify)
            if not readonly:
                self._enable_wal()
                self.db.execute("PRAGMA synchronous = NORMAL")
            self._migrate()
        except (sqlite3.DatabaseError, StoreError) as exc:
            if getattr(self, "db", None) is not None:
                self.db.close()
            if isinstance(exc, StoreError):
                raise
            raise StoreError(_explain(exc, self.path)) from None

    def _connect(self, readonly: bool, immutable: bool = False, exclusive: bool = False) -> sqlite3.Connection:
        """A connection to the library; `exclusive`: one that holds it to itself and writes nothing (a full disk
        with writes waiting in the write-ahead log: see __init__)."""
        uri = sqlite_uri(self.path, readonly) + ("&immutable=1" if immutable else "")
        db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                             check_same_thread=False)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if exclusive:
            db.execute("PRAGMA locking_mode = EXCLUSIVE")
            db.execute("PRAGMA query_only = ON")
        return db

    # -- set-up -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        version, app_id = self._schema_version()
        if version == SCHEMA_VERSION and app_id == APPLICATION_ID:
            return
        if self.readonly:
            if READABLE_BEHIND <= version < SCHEMA_VERSION and app_id == APPLICATION_ID:
                # read as it is (it said "must be upgraded" and nothing could be read); from SEARCH_AS_NOW on its
                # searches find what they find upgraded (26 only merges the index): nothing to say about it
                self.behind = version if version < SEARCH_AS_NOW else 0
                return
            if version < SCHEMA_VERSION:
                raise StoreError(f"{visible(self.path)} was made by an earlier newsreader and must be upgraded, "
                                 "but it cannot be written (read-only)")
            return
        with self.transaction():
            # Read again under the write lock: another process may have created or upgraded the
            # library while we waited (two `newsreader add` starting on a new library at once).
            version, app_id = self._schema_version()
            started = time.monotonic()
            said: list = []  # the notice, once its first line is said (by the first long step: _upgrade_notice)
            pending = range(version, SCHEMA_VERSION)
            # the index is made once, by the last pending migration that makes it (schema.REBUILD_FROM)
            last_rebuild = max((n for n in pending if REBUILD_INDEX in MIGRATIONS[n]), default=None)
            for number in pending:
                if number == last_rebuild and number + 1 > REBUILD_FROM and search_index_damage(self.db) is not None:
                    # a damaged index (a table of FTS5's own dropped...) is made again whole, as a repair does: the
                    # upgrade's writes to it would fail and the library would not open
                    self._remake_search_table()
                for statement in _statements(MIGRATIONS[number]):
                    if statement == REBUILD_INDEX.strip():
                        if number + 1 < REBUILD_FROM or number == last_rebuild:
                            self._rebuild_index(self._upgrade_notice(version, "made again", REBUILD_SECONDS, said),
                                                started)
                        continue
                    if statement == MERGE_FEEDS.strip():
                        from tui.store.feeds import merge_same_feeds, merged_said

                        merged = merge_same_feeds(self.db)
                        if merged and UPGRADE_NOTICE is not None:
                            UPGRADE_NOTICE(f"{visible(self.path)}: {merged_said(merged)}")
                        continue
                    if statement == MERGE_INDEX.strip():
                        # (an index made in this upgrade is merged already: its segments are counted, one; one made
                        # again by a later pending migration is not merged first)
                        if last_rebuild is None or last_rebuild < number:
                            self._merge_index(lambda: self._upgrade_notice(version, "merged into one", MERGE_SECONDS,
                                                                           said))
                        continue
                    try:
                        self.db.execute(statement)
                    except sqlite3.OperationalError as exc:
                        # A migration run again (a library stepped back to an older version): its column is there.
                        if statement.startswith("ALTER TABLE") and "duplicate column" in str(exc):
                            continue
                        if "already exists" in str(exc):  # its schema version lowered by another program below
                            # tables it has ("library error: table mentions already exists"); rolled back whole
                            raise StoreError(_behind_its_tables(self.path, version, exc)) from None
                        raise
                self.db.execute(f"PRAGMA user_version = {number + 1}")
            if app_id != APPLICATION_ID:
                self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            if said:
                said[0](f"upgraded in {time.monotonic() - started:.0f} s")

    def _remake_story_figures(self) -> None:
        """The stories' figures tables (story_stats, story_sources) made again and counted from the memberships when a
        library that had them lacks one (schema.STORY_FIGURES): dropped by another program, the library was refused as
        damaged, every write that touched a story failed, and the app counted its stories from their articles. Said
        once through UPGRADE_NOTICE. Nothing is done to a library whose schema cannot be read (verify says why)."""
        query = ("SELECT (SELECT user_version FROM pragma_user_version), (SELECT group_concat(name) FROM sqlite_master"
                 " WHERE type = 'table' AND name IN ('story_stats', 'story_sources'))")
        try:
            version, names = self.db.execute(query).fetchone()
        except sqlite3.DatabaseError:
            return
        if not STORY_FIGURES_FROM <= version <= SCHEMA_VERSION or len((names or "").split(",")) == 2:
            return
        with self.transaction():
            version, names = self.db.execute(query).fetchone()  # (another program may have done it meanwhile)
            if len((names or "").split(",")) == 2:
                return
            for statement in _statements(STORY_FIGURES):
                self.db.execute(statement)
            if version >= STORY_UNDATED_FROM:  # (a story_stats made here lacks migration 37's column)
                if "undated" not in {r[1] for r in self.db.execute("SELECT * FROM pragma_table_info('story_stats')")}:
                    self.db.execute("ALTER TABLE story_stats ADD COLUMN undated INTEGER NOT NULL DEFAULT 0")
                for statement in _statements(STORY_UNDATED):
                    self.db.execute(statement)
        missing = sorted({"story_stats", "story_sources"} - set((names or "").split(",")))
        if UPGRADE_NOTICE is not None:
            UPGRADE_NOTICE(f"{visible(self.path)}: the stories' figures ({' and '.join(missing)}) were missing: "
                           "counted again from the stories")

    def _upgrade_notice(self, version: int, what: str, seconds: float,
                        said: list) -> Callable[[str], None] | None:
        """UPGRADE_NOTICE, after its first line has been said (once an upgrade: the first long step says what it does
        and about how long it takes), when the library is large enough (UPGRADE_NOTICE_FROM); else None."""
        if said:
            return said[0]
        if UPGRADE_NOTICE is None or version < 3:
            return None
        n = self.db.execute("SELECT value FROM counts WHERE name = 'articles'").fetchone()
        if not (n and type(n[0]) is int and n[0] >= UPGRADE_NOTICE_FROM):
            return None
        notice = UPGRADE_NOTICE
        notice(f"upgrading the library for this newsreader: the search index is {what} for its "
               f"{n[0]:,} articles, once (about {_duration(n[0] * seconds)})…")
        said.append(notice)
        return notice

    def _merge_index(self, notice: Callable[[], object]) -> None:
        """Migration 26: the search index merged into one segment (FTS5's 'optimize') when automerge has a large share
        of it still to merge (MERGE_SHARE, MERGE_PAGES), saying so first (`notice()`, for a large library). An index whose segments cannot be
        counted (missing, or its shadow tables edited by hand: `doctor` names it) is left as it is, and so is one the
        merge fails on (rolled back to before it): the library opens either way."""
        shape = search_index_shape(self.db)
        if shape is None:
            return
        waiting, pages = pages_to_merge(shape)
        if waiting < MERGE_PAGES or waiting <= pages * MERGE_SHARE:
            return
        notice()
        self.db.execute("SAVEPOINT merge_index")
        try:
            self.db.execute(MERGE_INDEX)
        except sqlite3.DatabaseError:
            self.db.execute("ROLLBACK TO merge_index")
        self.db.execute("RELEASE merge_index")

    def _rebuild_index(self, notice: Callable[[str], None] | None, started: float) -> int:
        """Make the search index again from its view, as FTS5's 'rebuild' does, in batches of REBUILD_BATCH
        articles (in id order) inside the migration's transaction, saying how far it is every few seconds (a
        kill at any moment leaves the library as it was: the transaction is rolled back whole)."""
        db = self.db
        total = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        done, low, said = 0, None, time.monotonic()
        while True:
            high = db.execute("SELECT max(id) FROM (SELECT id FROM articles WHERE ? IS NULL OR id > ? ORDER BY id "
                              "LIMIT ?)", (low, low, REBUILD_BATCH)).fetchone()[0]
            if high is None:
                break
            cur = db.execute("INSERT INTO articles_fts (rowid, title, body, meta) SELECT id, title, body, meta"
                             " FROM articles_search WHERE (? IS NULL OR id > ?) AND id <= ?", (low, low, high))
            done, low = done + max(cur.rowcount, 0), high
            now = time.monotonic()
            if notice is not None and now - said >= PROGRESS_EVERY and done < total:
                said = now
                notice(f"search index: {done * 100 // max(total, 1)}% ({done:,} of {total:,} articles), "
                       f"{now - started:.0f} s…")
        # Merged into one segment: the rebuild's flushes leave many large ones, which FTS5's automerge then works
        # through on every later write (at 100,000 articles an added article cost 8.2 ms of CPU and 23 ms of wall
        # time, against 0.3-2.2 ms after this; it costs ~7 s once).
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('optimize')")
        return done

    def _remake_search_table(self) -> None:
        """The search index's table dropped and made again empty, as the schema makes it, inside the caller's
        transaction. FTS5 cannot open (nor so drop) its table without its data and config tables: those found gone
        are made again empty first, with what FTS5 writes in a new table (its format, an empty structure record)."""
        db = self.db
        try:
            db.execute("DROP TABLE IF EXISTS articles_fts")
        except sqlite3.DatabaseError:
            names = {r[0] for r in db.execute("SELECT name FROM sqlite_master")}
            for name, create in SEARCH_SHADOWS.items():
                if name not in names:
                    db.execute(create)
            db.execute("INSERT OR REPLACE INTO articles_fts_config (k, v) VALUES ('version', 4)")
            db.execute("INSERT OR REPLACE INTO articles_fts_data (id, block) VALUES (1, X''), (10, X'00000000000000')")
            db.execute("DROP TABLE articles_fts")
        for name in SEARCH_SHADOWS:  # left behind by a table dropped without them
            db.execute(f"DROP TABLE IF EXISTS {name}")
        db.execute(SEARCH_TABLE)

    def repair_search_index(self, notice: Callable[[str], None] | None = None) -> int:
        """Make the search index again in place (`newsreader doctor --repair`): its table and views are dropped and
        made as the current schema makes them (FTS5 cannot open, nor so drop, its table without its own data and
        config tables: any of FTS5's tables found gone is made again empty first), then filled from the articles in
        batches, saying how far it is as an upgrade does. One transaction: killed or interrupted half way, the
        library is as it was (and can be repaired again). Returns how many articles were indexed."""
        started = time.monotonic()
        with self.transaction() as db:
            for statement in _statements(SEARCH_VIEWS):
                db.execute(statement)
            self._remake_search_table()
            if self._can_batch():
                db.execute("DELETE FROM fts_later")  # the rebuild indexes them: not twice
            db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 67108864)")
            done = self._rebuild_index(notice, started)
            db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 1048576)")
        return done

    def _enable_wal(self) -> None:
        # Switching a new file to WAL takes a lock SQLite does not wait for (no busy handler): when
        # another process is creating the same library at that moment, it fails at once. Retry briefly.
        for _ in range(100):
            try:
                self.db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.05)
        raise StoreError(f"{visible(self.path)} is locked by another program; try again")

    def _schema_version(self) -> tuple[int, int]:
        """(user_version, application_id), after making sure the file is a newsreader library.

        Ours is recognised positively: our application_id, or (a library made before the id was set)
        the tables and columns our first migrations create. Anything else is refused before a byte of
        it is written.
        """
        # One statement, one snapshot: read apart, another process's first migration could commit
        # in between (version 0, then tables) and a new library would look like a foreign file.
        version, tables, app_id = self.db.execute(
            "SELECT user_version, (SELECT count(*) FROM sqlite_master),"
            " (SELECT application_id FROM pragma_application_id) FROM pragma_user_version").fetchone()
        foreign = StoreError(f"{visible(self.path)} is an SQLite file but not a newsreader library; it was left untouched")
        if app_id not in (0, APPLICATION_ID):
            raise foreign
        if version < 0:  # no newsreader writes one: another program's (-1 ran the last migration first and failed
            # on "table articles already exists"; -2147483648 said "IndexError: list index out of range")
            raise StoreError(f"{visible(self.path)} has schema version {version}, which no newsreader writes (another "
                             f"program changed it); it was left untouched")
        if version > SCHEMA_VERSION and self.readonly and _read_as_is(self.path):
            self.ahead = version
        elif version > SCHEMA_VERSION:
            raise NewerLibrary(f"{visible(self.path)} was written by a newer newsreader (schema {version}); please upgrade")
        if version == 0:
            if tables:
                raise foreign
        elif app_id != APPLICATION_ID and not self._has_our_schema(version):
            raise foreign
        return version, app_id

    def _has_our_schema(self, version: int) -> bool:
        names = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
        needed = set().union(*(tables for step, tables in _SIGNATURE.items() if step <= version))
        if not needed <= names:
            return False
        columns = {r[1] for r in self.db.execute("SELECT * FROM pragma_table_info('articles')")}
        return _ARTICLE_COLUMNS <= columns

    def verify(self, budget: float = 1.0) -> str | None:
        """`PRAGMA quick_check` for at most `budget` seconds: the first problem found, else None.

        A problem marks the library damaged (every later write is refused); running out of time
        leaves it unverified (a library of hundreds of megabytes is checked only in part). A table of
        this schema missing (quick_check does not miss it) is a problem too.
        """
        missing = self.missing_tables()
        if missing:
            # (it opened, the commands failed one by one on "no such table", and doctor said "integrity ok")
            self.damaged = f"{'table' if len(missing) == 1 else 'tables'} {', '.join(missing)} missing"
            return self.damaged
        missing = self.missing_columns()
        if missing:
            # (a column dropped by another program: "library error: no such column: last_error" a command at a time)
            self.damaged = f"{'column' if len(missing) == 1 else 'columns'} {', '.join(missing[:5])}" \
                           f"{f' and {len(missing) - 5} more' if len(missing) > 5 else ''} missing"
            return self.damaged
        deadline = time.monotonic() + budget
        self.db.set_progress_handler(lambda: time.monotonic() > deadline, 20_000)
        try:
            rows = [r[0] for r in self.db.execute("PRAGMA quick_check(3)")]
        except sqlite3.OperationalError as exc:
            if "interrupt" in str(exc):
                return None
            rows = [str(exc)]
        except sqlite3.DatabaseError as exc:
            rows = [str(exc)]
        finally:
            self.db.set_progress_handler(None, 0)
        if rows and rows != ["ok"]:
            self.damaged = " ".join(str(rows[0]).split())[:120]
        return self.damaged

    def missing_tables(self) -> list[str]:
        """The tables a library of this schema has (schema_tables) that this one lacks; for a read-only library of an
        earlier schema, read as it is, those its own schema has (it lacks the later ones by right: doctor said
        "integrity ok" of one whose story_stats was dropped); [] for a library of another schema (one that can be
        written is upgraded first) or one whose schema cannot be read."""
        try:
            version = self._checked_version()
            if version is None:
                return []
            names = {r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError:
            return []  # quick_check says what is wrong with it
        return sorted(schema_tables(version) - names)

    def _checked_version(self) -> int | None:
        """The schema this library's tables are checked against (missing_tables, missing_columns): its own when it is
        this newsreader's, or an earlier one it is read at as it is (read-only, READABLE_BEHIND on); else None."""
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION or self.readonly and READABLE_BEHIND <= version < SCHEMA_VERSION:
            return version
        return None

    def missing_columns(self) -> list[str]:
        """The columns ("table.column") of schema_columns() that this library's tables lack; [] for a library of
        another schema (one that can be written is upgraded first; one read as it is: its own schema's columns) or one
        that cannot be read."""
        try:
            version = self._checked_version()
            if version is None:
                return []
            have: dict[str, set[str]] = {}
            for table, column in self.db.execute("SELECT m.name, p.name FROM sqlite_master AS m, "
                                                 "pragma_table_info(m.name) AS p WHERE m.type = 'table'"):
                have.setdefault(table, set()).add(column)
        except sqlite3.DatabaseError:
            return []  # quick_check says what is wrong with it
        return [f"{table}.{column}" for table, columns in sorted(schema_columns(version).items()) if table in have
                for column in sorted(columns - have[table])]

    def free_to_write(self, wait: float = 1.0) -> bool:
        """Whether a write could start within about `wait` seconds: False when the library is damaged or read-only,
        or another program holds its write lock longer (an import, the app's grouping). For the writes a reading
        command makes on the way (`stories` settling the stories, `story` storing an analysis), which go without
        rather than wait behind that writer: `transaction` waits for it up to 50 x BUSY_TIMEOUT_MS. Another writer
        may still come between this check and the write: such a write runs inside `impatient` too."""
        if self.damaged or self.readonly:
            return False
        if self.db.in_transaction:
            return True
        try:
            self._begin_within(wait)
        except LibraryBusy:
            return False
        self.db.execute("ROLLBACK")
        return True

    def _begin_within(self, wait: float) -> None:
        """BEGIN IMMEDIATE, waiting at most `wait` seconds for another program's write lock (LibraryBusy after)."""
        self.db.execute(f"PRAGMA busy_timeout = {max(0, int(wait * 1000))}")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise LibraryBusy(f"{visible(self.path)} is locked by another program; try again") from None
            raise
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    @contextmanager
    def impatient(self, wait: float = 1.0) -> Iterator[None]:
        """Inside: each transaction waits at most `wait` seconds for another program's write lock, then raises
        LibraryBusy (instead of waiting up to 50 x BUSY_TIMEOUT_MS): for a write a reading command makes on the
        way, after free_to_write said yes but another writer came in between (the settle of `stories`)."""
        before, self._lock_wait = self._lock_wait, wait
        try:
            yield
        finally:
            self._lock_wait = before

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self, index_later: bool = False) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (so nothing is ever half-written).

        Refused at once (StoreError) when the library is damaged or open read-only. `index_later`: the
        articles inserted are indexed for search in one statement just before COMMIT (fts_batch.py; for a
        transaction storing many articles: about half the CPU of indexing each by its trigger).
        """
        if self.damaged:
            raise StoreError(damaged_message(self.path, self.damaged))
        if self.readonly:
            raise StoreError(read_only_message(self.path, self.read_only_why))
        if self._depth and self._owner == threading.get_ident():
            # inside a transaction of this library's own, in this thread (`transaction` around several writers' steps,
            # so that other programs see them together or not at all: a window's regroup): a savepoint of it
            with self._savepoint():
                yield self.db
            return
        for attempt in range(50):
            if self._lock_wait is not None:  # inside impatient(): once, a short wait
                self._begin_within(self._lock_wait)
                break
            try:
                self.db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                # busy_timeout covers most waits; this loop covers writers that hold the lock longer.
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                if attempt == 0 and WAIT_NOTICE is not None:  # said once, after the first BUSY_TIMEOUT_MS
                    WAIT_NOTICE(f"waiting for another program writing to {visible(self.path)} (up to "
                                f"{_duration(50 * BUSY_TIMEOUT_MS / 1000)}; ctrl-c stops)…")
                time.sleep(0.1)
        else:
            raise StoreError(f"{visible(self.path)} is locked by another program; try again")
        try:
            batched = index_later and self._can_batch()
            if batched:
                open_batch(self.db)
            self._depth, self._owner = 1, threading.get_ident()
            try:
                yield self.db
            finally:
                self._depth = 0
            if batched:
                close_batch(self.db)
            self.db.execute("COMMIT")
        except BaseException:
            self._roll_back()
            raise

    def _roll_back(self) -> None:
        """After an error inside a transaction: roll it back. SQLite may already have rolled back by itself (a full
        disk does that); a failing ROLLBACK must not hide the error that matters."""
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction (BEGIN, deferred; COMMIT at the end, ROLLBACK on any error): every read inside it sees
        the library as one moment left it, and no write lock is taken, so the writes made inside it (as savepoints:
        `transaction` nests in it) must go to this connection's temp tables only (stories.start_window_aside); a
        write to the library itself would take the lock, or fail when another program wrote since the moment read."""
        if self._depth and self._owner == threading.get_ident():
            yield self.db
            return
        self.db.execute("BEGIN")
        self._depth, self._owner = 1, threading.get_ident()
        try:
            try:
                yield self.db
            finally:
                self._depth = 0
            self.db.execute("COMMIT")
        except BaseException:
            self._roll_back()
            raise

    @contextmanager
    def _savepoint(self) -> Iterator[None]:
        """A transaction inside this library's own: a savepoint, released at its end, rolled back to on any error
        (which goes on to the outer transaction)."""
        self._depth += 1
        name = f"inner{self._depth}"
        try:
            self.db.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                if self.db.in_transaction:
                    try:
                        self.db.execute(f"ROLLBACK TO {name}")
                        self.db.execute(f"RELEASE {name}")
                    except sqlite3.Error:
                        pass
                raise
            self.db.execute(f"RELEASE {name}")
        finally:
            self._depth -= 1

    def _can_batch(self) -> bool:
        """Has this library the tables of migration 16 (fts_batch.py)? A library opened by code that
        stops at an earlier migration (tests emulating an older newsreader) has not."""
        if self._batches is None:
            self._batches = self.db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('fts_batch', 'fts_later')"
            ).fetchone()[0] == 2
        return self._batches

    # -- writing ------------------------------------------------------------------------------

    def add(self, article: Article) -> tuple[str, int]:
        """Store one article; returns ("added", id) or ("duplicate", existing id)."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article], chunk: int = 500,
                 known: Iterable[Derived | None] | None = None) -> list[tuple[str, int]]:
        """Store articles in chunks of whole transactions; duplicates (same content) are not re-added.
        `known`: each article's `derived()` values when already computed (by a parse worker), else None."""
        results: list[tuple[str, int]] = []
        batch: list[tuple[Article, Derived | None]] = []
        with self.bulk():
            for article, done in zip(articles, known if known is not None else repeat(None)):
                batch.append((article, done))
                if len(batch) >= chunk:
                    results += self._insert(batch)
                    batch = []
            if batch:
                results += self._insert(batch)
        return results

    def ids_of_texts(self, digests: Iterable[str]) -> dict[str, int]:
        """hash -> id of the stored articles with these texts (`derived()`'s digest): what `add_many` would call
        duplicates, read without writing (`add --dry-run`)."""
        digests = list(dict.fromkeys(digests))
        found: dict[str, int] = {}
        for start in range(0, len(digests), 500):
            part = digests[start:start + 500]
            found.update(self.db.execute(f"SELECT hash, id FROM articles WHERE hash IN ({','.join('?' * len(part))})",
                                         part).fetchall())
        return found

    def _insert(self, batch: list[tuple[Article, Derived | None]]) -> list[tuple[str, int]]:
        now = _now()
        try:
            with self.transaction(index_later=True) as db:
                return insert_articles(db, [a for a, _ in batch], now, [done for _, done in batch])
        except sqlite3.DatabaseError as exc:
            raise StoreError(_explain(exc, self.path)) from None

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """A bigger page cache while many articles are stored (add_many does this itself; a caller storing
        batch after batch wraps them all, so the pages stay cached between transactions). With SQLite's
        default 2 MB, a transaction of 500 articles and their search index spills pages to the log and reads
        them back: ~8% of an import's store CPU."""
        if self._bulk:
            yield
            return
        self._bulk = True
        before = None
        try:
            before = self.db.execute("PRAGMA cache_size").fetchone()[0]
            kib = -before if before < 0 else before * self._page_size() // 1024
            if kib < BULK_CACHE_KIB:
                self.db.execute(f"PRAGMA cache_size = {-BULK_CACHE_KIB}")
        except sqlite3.Error:
            pass
        try:
            yield
        finally:
            self._bulk = False
            try:
                if before is not None:
                    self.db.execute(f"PRAGMA cache_size = {int(before)}")
            except sqlite3.Error:
                pass

    def _page_size(self) -> int:
        return self.db.execute("PRAGMA page_size").fetchone()[0]

    def remove(self, article_id: int) -> bool:
        from tui.store.stories import retitle

        with self.transaction() as db:
            story = _story_of(db, article_id)
            files = gone_files_of(db, [article_id])
            gone = db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0
            forget_emptied(db, files)
            retitle(db, [story])  # (its title may have been this article's)
            return gone

    def set_read(self, article_id: int, read: bool = True) -> None:
        with self.transaction() as db:
            db.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        with self.transaction() as db:
            db.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    def fill_missing(self, fills: list[tuple[int, str, str | None, tuple[str, str] | None, tuple[str, str] | None]]
                     ) -> tuple[int, int, int, int, int]:
        """Give articles an outlet and a date ("YYYY-MM-DD") where they have none, never replacing one, a new text,
        given as (the text it has now, the new one), where an outlet or a date was set, and a new title, given as
        (the title it has now, the new one): (outlets set, dates set, texts set, new texts that are another article's,
        titles set). A date given moves the article to its day in the list, and out of its story to be grouped again
        (the story triggers: articles_story_au); a new text or title does too, and a new text drops the article's
        analysis and entity mentions (the background pass or `analyze` makes them from the new text, as after a
        feed's edit). A text or a title is left as it is when the article's changed meanwhile. A new text that is
        another article's already (a copy added since: the content hash is unique) is left out, unless the two
        articles name different outlets: the text is that article's copy then (one row with it, twin_of, once
        grouped) and both hold it, this one keeping the content hash of the text it had. An outlet given takes the
        article out of its story too (a copy of another outlet's text is one row with it: grouping marks it,
        articles.twin_of). The stories the articles leave take their latest article's title again."""
        from tui.store.stories import retitle

        outlets = dates = texts = copies = titles = 0
        left: set[int] = set()
        with self.transaction() as db:
            for article_id, source, day, text, title in fills:
                filled = 0
                left.update(r[0] for r in db.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                                     (article_id,)))
                if source:
                    filled += db.execute("UPDATE articles SET source = ? WHERE id = ? AND source = ''",
                                         (source, article_id)).rowcount
                    outlets += filled
                if day:
                    set_day = db.execute("UPDATE articles SET published = ?, sort_key = ? WHERE id = ?"
                                         " AND coalesce(published, '') = ''", (day, day, article_id)).rowcount
                    dates, filled = dates + set_day, filled + set_day
                if text is not None and filled:  # (only an article filled from its header lines loses them)
                    done = _new_text(db, article_id, *text)
                    texts, copies = texts + (done is True), copies + (done is False)
                if title is not None and _new_title(db, article_id, *title):
                    titles += 1  # (out of its story by articles_story_au, as a new text takes it)
                if filled:
                    # out of its story to be grouped again, as a new date or text takes it (articles_story_au): an
                    # outlet alone makes it a copy of another outlet's text (twin_of), which grouping decides when
                    # it places an article; in its story still, the two notes were two rows of one text
                    db.execute("INSERT OR REPLACE INTO story_left (article_id, story_id) SELECT m.article_id,"
                               " m.story_id FROM story_articles m WHERE m.article_id = ? AND NOT EXISTS (SELECT 1"
                               " FROM story_articles o WHERE o.story_id = m.story_id AND o.article_id <> m.article_id)",
                               (article_id,))
                    db.execute("DELETE FROM story_articles WHERE article_id = ?", (article_id,))
            retitle(db, sorted(left))
        return outlets, dates, texts, copies, titles

    # -- reading ------------------------------------------------------------------------------

    def count(self, search: str = "", entity: str = "") -> int:
        if wordless(search):
            return 0  # "(", an emoji alone: no word to search for finds nothing (query.wordless)
        if not search.strip() and not entity:  # the whole library: kept by triggers (migration 3)
            # the rows the list shows (a near-duplicate is one row with its twins, migration 12)
            row = self.db.execute("SELECT value FROM counts WHERE name = 'shown'").fetchone()
            if row is not None and type(row[0]) is int and row[0] >= 0:
                return row[0]
        sql, args = self._select("count(*)", search, entity)
        return self.db.execute(sql, args).fetchone()[0]

    def rows(self, offset: int = 0, limit: int = 100, search: str = "", entity: str = "") -> list[ArticleRow]:
        """One page of the list, newest first (or best match first when searching). Never reads bodies."""
        if wordless(search):
            return []
        if search and fts_query(search):
            # The same order as ids() (what the TUI shows), without scoring every match for every page.
            return self.rows_by_id(self.ids(search, entity)[offset:offset + limit])
        sql, args = self._select(_ROW_COLUMNS, search, entity)
        if not search.strip() and not entity:
            # OFFSET walks every row it skips: past the middle, count from the end instead.
            total = self.count()
            if offset > total // 2:
                first = max(0, total - offset - limit)
                rows = self.db.execute(sql + " ORDER BY a.sort_key ASC, a.id ASC LIMIT ? OFFSET ?",
                                       (*args, max(0, min(limit, total - offset)), first))
                return with_outlets(self, [_row(r) for r in rows][::-1])
        sql += " ORDER BY a.sort_key DESC, a.id DESC"
        return with_outlets(self, [_row(r) for r in self.db.execute(sql + " LIMIT ? OFFSET ?", (*args, limit, offset))])

    def readable_rows(self, start: int, limit: int, search: str = "", entity: str = "",
                      unreadable: list[int] | None = None) -> list[ArticleRow]:
        """rows()' rows from list position `start` on, for a library with a damaged page in its articles table: the
        ids in list order from the list's index (or the search index) alone, then the rows a hundred at a time and
        one by one where a hundred cannot all be read; the ids of rows that cannot be read go to `unreadable`.
        A failure to read the ids themselves is raised."""
        if wordless(search):
            return []
        if search.strip() and fts_query(search):
            ids = self.ids(search, entity)
        else:
            ids = self.newest_ids(unreadable)
            hidden = hidden_ids(self)  # near-duplicates: shown as their twin's row (migration 12)
            if entity:
                hidden |= set(ids) - {r[0] for r in self.db.execute(
                    "SELECT DISTINCT article_id FROM mentions WHERE name = ?", (entity,))}
            ids = [i for i in ids if i not in hidden]
        return self.readable_rows_by_id(ids[start:start + limit], unreadable)

    def newest_ids(self, unreadable: list[int] | None = None) -> list[int]:
        """Every article's id in the list's order (newest first), read from the list's index (~8 bytes an id, no row
        read). Where that index is damaged, from the table's own (id, sort_key), and where a page of the table is
        damaged too, from its rows a hundred ids at a time, one by one where a hundred cannot be read (those left
        out, their ids put in `unreadable`): `who` and `export` failed outright on a damaged page of the index."""
        try:
            return [r[0] for r in self.db.execute(
                "SELECT id FROM articles INDEXED BY articles_newest ORDER BY sort_key DESC, id DESC")]
        except sqlite3.DatabaseError:
            pass
        try:
            rows = self.db.execute("SELECT id, sort_key FROM articles NOT INDEXED").fetchall()
        except sqlite3.DatabaseError:
            rows = self._rows_past_damage(unreadable)
        rows.sort(key=lambda r: (_sql_rank(r[1]), r[0]), reverse=True)  # SQLite's order of mixed types
        return [r[0] for r in rows]

    def _rows_past_damage(self, unreadable: list[int] | None) -> list[tuple]:
        """(id, sort_key) of every article row that can be read, in id ranges of a hundred, one by one where a range
        meets a damaged page, up to the largest id the table's last page or the list's index holds."""
        top = 0
        for sql in ("SELECT max(id) FROM articles", "SELECT max(id) FROM articles INDEXED BY articles_newest"):
            try:
                top = max(top, self.db.execute(sql).fetchone()[0] or 0)
            except sqlite3.DatabaseError:
                continue
        out: list[tuple] = []
        missing: list[int] = []
        for low in range(1, top + 1, 100):
            try:
                out += self.db.execute("SELECT id, sort_key FROM articles NOT INDEXED WHERE id BETWEEN ? AND ?",
                                       (low, low + 99)).fetchall()
                continue
            except sqlite3.DatabaseError:
                pass
            for ident in range(low, min(low + 100, top + 1)):
                try:
                    out += self.db.execute("SELECT id, sort_key FROM articles WHERE id = ?", (ident,)).fetchall()
                except sqlite3.DatabaseError:
                    missing.append(ident)
        if unreadable is not None:
            unreadable += missing[::-1]  # newest first, as the list names them
        return out

    def readable_rows_by_id(self, ids: list[int], unreadable: list[int] | None = None) -> list[ArticleRow]:
        """rows_by_id() past damaged pages: a hundred rows at a time, one by one where a hundred cannot all be read;
        the ids of rows that cannot be read go to `unreadable`."""
        out: list[ArticleRow] = []
        for at in range(0, len(ids), 100):
            chunk = ids[at:at + 100]
            try:
                out += self.rows_by_id(chunk)
                continue
            except sqlite3.DatabaseError:
                pass
            for ident in chunk:
                try:
                    out += self.rows_by_id([ident])
                except sqlite3.DatabaseError:
                    if unreadable is not None:
                        unreadable.append(ident)
        return out

    def rows_next_to(self, row: ArticleRow, limit: int, after: bool = True) -> list[ArticleRow]:
        """The `limit` rows of the whole library just after (or just before) `row` in list order.

        Found through the list's index from `row`'s place, whatever its position: paging through a
        large library costs the same at its end as at its start (OFFSET walks every skipped row).
        """
        if after:
            where, order = "(a.sort_key, a.id) < (?, ?)", "a.sort_key DESC, a.id DESC"
        else:
            where, order = "(a.sort_key, a.id) > (?, ?)", "a.sort_key ASC, a.id ASC"
        rows = [_row(r) for r in self.db.execute(
            f"SELECT {_ROW_COLUMNS} FROM articles a WHERE {where} AND a.twin_of IS NULL ORDER BY {order} LIMIT ?",
            (row.sort_key, row.id, limit))]
        return with_outlets(self, rows if after else rows[::-1])

    def ids(self, search: str = "", entity: str = "", twins: bool = False) -> list[int]:
        """All matching ids in list order (ints only: ~8 bytes each even for 100k articles).

        Searches read the full-text index only: ordering by a column of `articles` would read every
        matching body from disk (the columns after `body` live in its overflow pages). Up to RANK_LIMIT
        matches are ranked: articles whose title holds every word first, then the rest, each by bm25
        (title, body, tags/source/byline weighted 8:1:4; the word being typed scores higher as a whole
        word than as a prefix). Larger sets (a word or prefix that most articles contain, typed one key
        at a time) put the ranked title matches first and the rest newest first, because scoring every
        one of 100,000 matches costs half a second per keystroke.
        When the word being typed also stands for finished words its prefix does not find ("opera" for
        "operation", indexed as "oper": query.py), the articles its prefix finds come first, in that order.
        Near-duplicates shown as another article's row (migration 12) are left out unless `twins`.
        A search with no word to search for ("(", an emoji alone: query.wordless) finds nothing.
        """
        if wordless(search):
            return []
        known = functools.lru_cache(maxsize=None)(self._indexed_word)  # for this call: the index may grow
        ranked = self._ranked_ids(search, entity, twins, known)
        own = fts_query(search, forms=False) if search else ""
        if not own or own == fts_query(search, known=known) or len(ranked) > 10 * RANK_LIMIT:
            return ranked
        where, args = "articles_fts MATCH ?", [own]
        if entity:
            where += " AND rowid IN (SELECT article_id FROM mentions WHERE name = ?)"
            args.append(entity)
        first = set(self._match_ids(where, args))
        return [i for i in ranked if i in first] + [i for i in ranked if i not in first]

    def _indexed_word(self, term: str) -> bool:
        """Does some article hold the FTS5 term (`"word"`, in any of its forms; `"word"*`, as a prefix)? One seek of
        the index."""
        return self.db.execute("SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1",
                               (term,)).fetchone() is not None

    def _ranked_ids(self, search: str, entity: str, twins: bool, known) -> list[int]:
        """`ids` before the articles the word being typed finds as a prefix are put first."""
        match = fts_query(search, known=known) if search else ""
        if not match:
            sql, args = self._select("a.id", "", entity, twins)
            return [r[0] for r in self.db.execute(sql + " ORDER BY a.sort_key DESC, a.id DESC", args)]
        rank_match = fts_query(search, rank=True, known=known)  # the same matches, scored with exact words first
        where, args = "articles_fts MATCH ?", [match]
        if entity:
            where += " AND rowid IN (SELECT article_id FROM mentions WHERE name = ?)"
            args.append(entity)
        found = self._match_ids(where, args)
        hidden = set() if twins else hidden_ids(self)  # near-duplicates: the list shows their twin (migration 12)
        if hidden:
            found = [i for i in found if i not in hidden]
        if len(found) > 10 * RANK_LIMIT:
            return found  # a word most articles contain (one or two letters typed): no order is more useful
        title_args = [f"title : ({rank_match})", *args[1:]]  # to rank the title matches
        in_title_match = f"title : ({match})"  # the same set, cheaper to find (no whole-word alternative)
        order = "ORDER BY bm25(articles_fts, 8.0, 1.0, 4.0), rowid DESC"
        if len(found) <= RANK_LIMIT:
            in_title = f"rowid IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?) DESC"
            return [r[0] for r in self.db.execute(
                f"SELECT rowid FROM articles_fts WHERE {where} ORDER BY {in_title}, {order[9:]}",
                [rank_match, *args[1:], in_title_match]) if r[0] not in hidden]
        if self.db.execute(f"SELECT count(*) FROM articles_fts WHERE {where}",
                           [in_title_match, *args[1:]]).fetchone()[0] > RANK_LIMIT:
            return found
        head = [r[0] for r in self.db.execute(f"SELECT rowid FROM articles_fts WHERE {where} {order}", title_args)
                if r[0] not in hidden]
        seen = set(head)
        return head + [i for i in found if i not in seen]

    def _match_ids(self, where: str, args: list) -> list[int]:
        """Every id matching a full-text condition, last added first.

        One text of ids from SQLite instead of a Python row per match (a third of the time for 100,000 matches), read
        by `id_list`."""
        return id_list(self.db.execute(f"SELECT group_concat(rowid) FROM articles_fts WHERE {where}", args).fetchone()[0])

    def rows_by_id(self, ids: list[int]) -> list[ArticleRow]:
        """Rows for the given ids, in the given order."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = {r[0]: _row(r) for r in self.db.execute(f"SELECT {_ROW_COLUMNS} FROM articles a WHERE a.id IN ({marks})", ids)}
        return with_outlets(self, [found[i] for i in ids if i in found])

    def _select(self, columns: str, search: str, entity: str, twins: bool = False) -> tuple[str, list]:
        args: list = []
        # a near-duplicate is shown as its twin's row (migration 12)
        where: list[str] = [] if twins else ["a.twin_of IS NULL"]
        # the same words as ids() (a guessed form is added as it decides): count() is the length of its list
        if search and (match := fts_query(search, known=functools.lru_cache(maxsize=None)(self._indexed_word))):
            sql = (f"SELECT {columns} FROM articles_fts f JOIN articles a ON a.id = f.rowid")
            where.append("articles_fts MATCH ?")
            args.append(match)
        else:
            sql = f"SELECT {columns} FROM articles a"
        if entity:
            where.append("a.id IN (SELECT article_id FROM mentions WHERE name = ?)")
            args.append(entity)
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, args

    def get(self, article_id: int) -> Article | None:
        """One article, or None. Malformed fields read as empty and are listed in `bad_fields[id]`."""
        if not fits_row_id(article_id):
            return None  # SQLite refuses the number itself (OverflowError): no row has it
        r = self.db.execute(
            "SELECT id, title, source, byline, published, tags, url, body, added_at, read, starred, sort_key"
            " FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        problems: list[str] = []
        article = Article(id=r[0], title=_text(r[1], "title", problems), source=_text(r[2], "source", problems),
                          byline=_text(r[3], "byline", problems),
                          published=_text(r[4], "published", problems, optional=True), tags=_tags(r[5], problems),
                          url=_text(r[6], "url", problems, optional=True), body=_text(r[7], "body", problems),
                          added_at=_text(r[8], "added_at", problems, optional=True),
                          read=_flag(r[9], "read", problems), starred=_flag(r[10], "starred", problems))
        article.published_at = published_time(article.published, r[11])
        if problems:
            self.bad_fields[article.id] = problems
        else:
            self.bad_fields.pop(article.id, None)
        return article

    def iter_articles(self, batch: int = 200, problems: list[tuple[int, str]] | None = None,
                      newest_first: bool = False) -> Iterator[Article]:
        """Every article, oldest id first, a batch at a time (for export and background analysis).

        With a `problems` list, an article that cannot be read (a damaged page) or has malformed fields
        is skipped and noted there as (id, reason) instead of stopping the pass or being yielded.
        `newest_first`: in the list's order instead (the ids, ~8 bytes each, read from the list's index).
        """
        last = 0
        all_ids: list[int] | None = None  # the ids from the list's index, once the table itself failed
        lost: list[int] = []  # rows the list's order could not be read for (its index and a table page damaged)
        in_order = self.newest_ids(lost) if newest_first else None
        if lost:
            if problems is None:
                raise sqlite3.DatabaseError("database disk image is malformed")
            problems += [(i, "unreadable (a damaged page)") for i in lost]
        position = 0
        while True:
            try:
                if in_order is not None:
                    ids, position = in_order[position:position + batch], position + batch
                elif all_ids is None:
                    ids = [r[0] for r in self.db.execute(
                        "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch))]
                else:
                    ids = [i for i in all_ids if i > last][:batch]
            except sqlite3.DatabaseError:
                if problems is None or all_ids is not None:
                    raise
                # A damaged table page: find the ids through the list's index instead (it does not
                # read the table), so every readable article around the damage is still found.
                all_ids = sorted(self.newest_ids())
                continue
            if not ids:
                return
            for i in ids:
                try:
                    article = self.get(i)
                except sqlite3.DatabaseError as exc:
                    if problems is None:
                        raise
                    problems.append((i, f"unreadable ({exc})"))
                    continue
                if article is None:
                    continue
                if problems is not None and i in self.bad_fields:
                    problems.append((i, "malformed: " + "; ".join(self.bad_fields[i])))
                    continue
                yield article
            last = ids[-1]

    # -- analysis cache -----------------------------------------------------------------------

    def get_analysis(self, article_id: int, key: str) -> str | None:
        r = self.db.execute("SELECT data FROM analysis WHERE article_id = ? AND key = ?", (article_id, key)).fetchone()
        return r[0] if r else None

    def put_analysis(self, article_id: int, key: str, data: str,
                     mentions: Iterable[tuple[str, str, int]] | None = None) -> None:
        """Cache one analysis; `mentions` (label, name, count) feeds the filter-by-entity index."""
        try:
            with self.transaction() as db:
                if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
                    return  # deleted meanwhile
                db.execute("INSERT OR REPLACE INTO analysis (article_id, key, data) VALUES (?,?,?)",
                           (article_id, key, data))
                if mentions is not None:
                    db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
                    db.executemany("INSERT OR REPLACE INTO mentions (article_id, label, name, count) VALUES (?,?,?,?)",
                                   [(article_id, label, name, n) for label, name, n in mentions])
        except sqlite3.DatabaseError as exc:
            raise StoreError(_explain(exc, self.path)) from None

    def count_never_analysed(self) -> int:
        """Articles with no analysis of any kind stored: no `mentions` row names their entities yet."""
        return self.db.execute(
            "SELECT count(*) FROM articles WHERE id NOT IN (SELECT article_id FROM analysis)").fetchone()[0]

    def unanalysed_ids(self, key: str) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM analysis WHERE key = ?) ORDER BY sort_key DESC",
            (key,))]

    def check(self) -> str:
        """`PRAGMA integrity_check` result ("ok" when healthy)."""
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]

    def check_search_index(self, budget: float = 10.0) -> str | None:
        """The search index's own check, which `integrity_check` leaves out: None when healthy (or not finished in
        `budget` seconds), else SQLite's complaint (the table dropped, its shadow tables edited by hand, a damaged
        page). A query of the index first; then, when the library can be written, FTS5's 'integrity-check' (rolled
        back at once; ~7 s of CPU at 100,000 articles, 3x the integrity_check's)."""
        deadline = time.monotonic() + budget
        damage = search_index_damage(self.db)
        if damage is not None:
            return damage
        try:
            if self.readonly or self.damaged or self.db.in_transaction:
                return None
            self.db.set_progress_handler(lambda: time.monotonic() > deadline, 20_000)
            self.db.execute("SAVEPOINT search_check")
            try:
                self.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            finally:
                self.db.set_progress_handler(None, 0)
                if self.db.in_transaction:  # (an interrupt rolled it all back already)
                    self.db.execute("ROLLBACK TO search_check")
                    self.db.execute("RELEASE search_check")
        except sqlite3.DatabaseError as exc:
            if "interrupt" in str(exc):
                return None
            return " ".join(str(exc).split())[:120] or type(exc).__name__
        return None


def insert_article(db: sqlite3.Connection, a: Article, now: str, known: Derived | None = None) -> tuple[int, bool]:
    """Insert one article inside the caller's transaction: (new id, True), or (the id of the article
    with the same content, False). The one place articles are written (add, feeds, watched folders;
    `insert_articles` is the same for many at once).
    `known`: `derived(a)` when the caller has it already (computed in a parse worker)."""
    row = _row_values(a, now, known)
    cur = db.execute(f"INSERT INTO articles {_INSERT_COLUMNS} VALUES ({_ROW_MARKS}) ON CONFLICT(hash) DO NOTHING", row)
    if cur.rowcount:
        _keep_marks(db, [(a, cur.lastrowid)])
        return cur.lastrowid, True
    return _id_of_hash(db, row[_HASH]), False


def insert_articles(db: sqlite3.Connection, articles: list[Article], now: str,
                    known: list[Derived | None] | None = None) -> list[tuple[str, int]]:
    """`insert_article` for each article in turn, as ("added" | "duplicate", id), with the same ids, rows and
    duplicates, in one INSERT statement per up to 500 articles. Inside a transaction SQLite journals every
    page a statement changes so the statement alone can be undone: per article (ten indexes, triggers) that
    was ~50 KB of copies and two dozen writes to a temporary file; one statement journals each page once."""
    known = known if known is not None else [None] * len(articles)
    if sqlite3.sqlite_version_info < (3, 35, 0):  # no RETURNING: one statement per article
        return [("added" if added else "duplicate", ident)
                for ident, added in (insert_article(db, a, now, k) for a, k in zip(articles, known))]
    per = max(1, min(500, db.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // _COLUMN_COUNT))
    out: list[tuple[str, int]] = []
    for start in range(0, len(articles), per):
        rows = [_row_values(a, now, k) for a, k in zip(articles[start:start + per], known[start:start + per])]
        marks = ",".join([f"({_ROW_MARKS})"] * len(rows))
        new = dict(db.execute(f"INSERT INTO articles {_INSERT_COLUMNS} VALUES {marks} ON CONFLICT(hash) DO NOTHING"
                              " RETURNING hash, id", [v for row in rows for v in row]).fetchall())
        marked = []
        for a, row in zip(articles[start:start + per], rows):  # a row not inserted repeats a stored text, maybe
            ident = new.pop(row[_HASH], None)                     # one earlier in this statement
            out.append(("added", ident) if ident is not None else ("duplicate", _id_of_hash(db, row[_HASH])))
            if ident is not None and (a.read or a.starred):
                marked.append((a, ident))
        _keep_marks(db, marked)
    return out


def _keep_marks(db: sqlite3.Connection, added: list[tuple[Article, int]]) -> None:
    """The read and star marks an imported article came with (`export --format json` read back by `add`), set on
    the row just inserted, by the updates the app's marks make (so the unread counts' triggers follow). Only a new
    row: an article the library holds already keeps its own marks."""
    for column in ("read", "starred"):
        ids = [ident for a, ident in added if getattr(a, column)]
        for start in range(0, len(ids), 500):
            part = ids[start:start + 500]
            db.execute(f"UPDATE articles SET {column} = 1 WHERE id IN ({','.join('?' * len(part))})", part)


_INSERT_COLUMNS = "(title, source, byline, published, tags, url, body, words, hash, added_at, sort_key, folds)"
_COLUMN_COUNT = 12
_ROW_MARKS = ",".join("?" * _COLUMN_COUNT)
_HASH = 8  # the hash's place in a row


def _row_values(a: Article, now: str, known: Derived | None) -> tuple:
    digest, words, folds = known or derived(a)
    added = a.added_at or now  # an export's own time of adding, read back by `add` (importers/dispatch.py _stamp)
    return (a.title or "(untitled)", a.source or "", a.byline or "", a.published, stored_tags(a), a.url, a.body, words,
            digest, added, sort_key_of(a, added), folds)


def sort_key_of(a: Article, added: str) -> str:
    """The list's order of an article (newest first): its UTC time when its feed gave one (`published_at`: newest
    first within a day too; it was the day alone, and a day's feed articles stood in the order they arrived), else its
    day, else (undated) when it was added (migration 6). Where the time is stored: tui.models.published_time reads it
    back. A time after the article was added is no time (nothing is published after it reaches the library:
    since_where)."""
    if a.published and (when := a.published_at) and timed_key(when) and when <= added:
        return when
    return a.published or added


def _new_text(db: sqlite3.Connection, article_id: int, was: str, body: str) -> bool | None:
    """Library.fill_missing's new text of one article (its hash, words and fold flag computed again, its analysis and
    mentions dropped): True; False when `body` is another article's already; None when its text is no longer
    `was`."""
    row = db.execute("SELECT title, tags, source, byline FROM articles WHERE id = ? AND body = ?",
                     (article_id, was)).fetchone()
    if row is None:
        return None
    try:
        tags = json.loads(row[1]) if isinstance(row[1], str) else []
    except ValueError:
        tags = []
    a = Article(title=row[0] if isinstance(row[0], str) else "", body=body,
                tags=[t for t in tags if isinstance(t, str)] if isinstance(tags, list) else [],
                source=row[2] if isinstance(row[2], str) else "", byline=row[3] if isinstance(row[3], str) else "")
    digest, words, folds = derived(a)
    try:
        db.execute("UPDATE articles SET body = ?, hash = ?, words = ?, folds = ? WHERE id = ?",
                   (body, digest, words, folds, article_id))
    except sqlite3.IntegrityError:  # the same text stored as another article since (its hash is unique)
        # another outlet's article: this one is its copy (the twin triggers' test, migration 12), shown as one row
        # with it once grouped, and holds the same text, with the hash of the text it had (cli38: the copy kept its
        # header lines, what the reader saw when it took the row or was opened from the story view)
        if not db.execute("SELECT 1 FROM articles h, articles me WHERE h.hash = ? AND me.id = ? AND h.source <> ''"
                          " AND me.source <> '' AND lower(h.source) <> lower(me.source)",
                          (digest, article_id)).fetchone():
            return False
        db.execute("UPDATE articles SET body = ?, words = ?, folds = ? WHERE id = ?", (body, words, folds, article_id))
    db.execute("DELETE FROM analysis WHERE article_id = ?", (article_id,))
    db.execute("DELETE FROM mentions WHERE article_id = ?", (article_id,))
    return True


def _new_title(db: sqlite3.Connection, article_id: int, was: str, title: str) -> bool:
    """Library.fill_missing's new title of one article, while its title is still `was` (its content hash made again
    when it is made from the title: an article with no text); False when it is not, or when an article with no text
    has that title already."""
    row = db.execute("SELECT body FROM articles WHERE id = ? AND title = ?", (article_id, was)).fetchone()
    if row is None:
        return False
    try:
        if isinstance(row[0], str) and row[0]:
            db.execute("UPDATE articles SET title = ? WHERE id = ?", (title, article_id))
        else:
            from tui.models import content_hash

            db.execute("UPDATE articles SET title = ?, hash = ? WHERE id = ?",
                       (title, content_hash(title, ""), article_id))
    except sqlite3.IntegrityError:
        return False
    return True


def _id_of_hash(db: sqlite3.Connection, digest: str) -> int:
    return db.execute("SELECT id FROM articles WHERE hash = ?", (digest,)).fetchone()[0]


def _statements(script: str) -> list[str]:
    """Split a migration script on statement ends, keeping trigger bodies whole."""
    out, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf).strip())
    return out


def _index_damage_of(path: Path) -> str | None:
    """`search_index_damage` of the library at `path`, read through a connection of its own (read-only)."""
    try:
        db = sqlite3.connect(sqlite_uri(path, readonly=True), uri=True, timeout=1.0)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        return search_index_damage(db)
    except sqlite3.Error:
        return None
    finally:
        db.close()


def _side_file_problem(path: Path) -> str | None:
    """Why SQLite could not open the library when the cause is the library file's permissions or one of the files it
    keeps beside it (LIB-wal, LIB-shm): a folder of that name, a link to nothing, a file the user cannot read and
    write. It said "cannot open LIB (check the folder exists and is writable)" of a folder that exists and is."""
    what = {"-wal": "its write-ahead log", "-shm": "its shared-memory file"}
    if path.exists() and not _can_read_write(path):
        return f"cannot open {visible(path)}: you cannot read and write it (permission); give yourself that " \
               "permission on it (chmod u+rw)"
    for suffix, name in what.items():
        side = Path(f"{path}{suffix}")
        where = f"cannot open {visible(path)}: {name} {visible(side)}"
        if side.is_dir():
            return f"{where} is a folder, not a file; move that folder away (it holds no log: nothing is lost)"
        if side.is_symlink() and not side.exists():
            return f"{where} is a link to {visible(os.readlink(side))}, which does not exist; remove the link"
        if side.exists() and not _can_read_write(side):
            return f"{where} cannot be read and written by you (permission); give yourself that permission on it " \
                   "(chmod u+rw), and do not delete it: it may hold the library's latest changes"
    return None


def _can_read_write(path: Path) -> bool:
    """(A seam for the tests: root's access check is always true.)"""
    return os.access(path, os.R_OK | os.W_OK)


def cut_short(path: str | os.PathLike) -> tuple[int, int] | None:
    """(bytes the file has, bytes its own SQLite header says it has) when the file is shorter than its header says: a
    copy, a download or a sync that stopped part way. None when it is not, or the header cannot tell (SQLite's file
    format: the page size at offset 16, the pages at 28, valid while the change counter at 24 equals the one at 92)."""
    try:
        with open(path, "rb") as f:
            head = f.read(100)
            size = os.fstat(f.fileno()).st_size
    except OSError:
        return None
    if len(head) < 100 or not head.startswith(b"SQLite format 3\0"):
        return None
    page = int.from_bytes(head[16:18], "big")
    page = 65536 if page == 1 else page
    pages = int.from_bytes(head[28:32], "big")
    if not pages or head[24:28] != head[92:96] or page < 512 or page & (page - 1):
        return None
    return (size, pages * page) if size < pages * page else None


def cut_short_message(path: str | os.PathLike, size: int, whole: int) -> str:
    """The one line said for a library file shorter than its header says (`cut_short`): no command, `doctor` included,
    can open it, so it names what happened and what helps rather than `doctor` (which said the same line again)."""
    return (f"{visible(path)} is cut short: the file has {size:,} of the {whole:,} bytes its header records (a copy or "
            "a download that stopped part way?); nothing was written. Copy it again from where it came, or use a backup")


def _explain(exc: sqlite3.DatabaseError, path: Path) -> str:
    msg = str(exc)
    if "malformed" in msg and "schema" not in msg:
        if short := cut_short(path):  # (it pointed to `doctor`, which could not open it either and said the same)
            return cut_short_message(path, *short)
        damage = _index_damage_of(path)  # FTS5's own tables edited by hand read as "malformed" too
        if damage is not None:
            return search_index_problem(damage, path)  # the repair command names the library
        return damaged_message(path, msg)
    if "not a database" in msg or "malformed" in msg:
        return f"{visible(path)} is not a valid newsreader library (corrupt or another kind of file); it was left untouched"
    if "readonly" in msg or "read-only" in msg:
        return f"{visible(path)} is read-only; cannot write to the library"
    if "unable to open" in msg:
        return _side_file_problem(path) or f"cannot open {visible(path)} (check the folder exists and is writable)"
    if "locked" in msg or "busy" in msg:
        return f"{visible(path)} is locked by another program; try again"
    if any(name in msg for name in ("articles_fts", "articles_search", "articles_folded", "fts5")):  # the index gone
        return search_index_problem(msg, path)
    if msg in ("SQL logic error", "vtable constructor failed") or msg.startswith("vtable constructor failed"):
        # FTS5's words for a table of its own gone: look at the index to say so, not "library error"
        damage = _index_damage_of(path)
        if damage is not None:
            return search_index_problem(damage, path)  # the repair command names the library
    if "full" in msg:
        # (not "nothing was lost ... not changed": `analyze`, `add` and `watch add` had stored what came before it)
        return (f"disk full while writing {visible(path)}: the change being written was undone, what was stored before "
                "it is kept; free some space and retry")
    if "disk I/O error" in msg:
        # What SQLite reports when it cannot even create its -shm/-wal files on a full disk.
        return (f"disk I/O error on {visible(path)} (is the disk full or failing?): the change being written was "
                "undone, what was stored before it is kept")
    return f"library error ({visible(path)}): {msg}"


def gone_files_of(db, article_ids: list[int]) -> list[tuple[int, str]]:
    """(watch_id, path) of the gone watched files (migration 31) that hold any of these articles: what forget_emptied
    looks at once they are deleted. [] for a library without them."""
    found: set[tuple[int, str]] = set()
    try:
        for start in range(0, len(article_ids), 500):
            part = article_ids[start:start + 500]
            found.update(db.execute(
                "SELECT w.watch_id, w.path FROM watched_articles w JOIN watched_files f ON f.watch_id = w.watch_id"
                f" AND f.path = w.path WHERE f.gone IS NOT NULL AND w.article_id IN ({','.join('?' * len(part))})",
                part).fetchall())
    except sqlite3.OperationalError:  # (a library without watched folders' gone files)
        return []
    return sorted(found)


def forget_emptied(db, files: list[tuple[int, str]]) -> None:
    """Forget the gone watched files among `files` that hold no article any more (every one deleted): their rows stayed,
    counted nowhere, until the file came back (then known as it was, and not read again)."""
    db.executemany("DELETE FROM watched_files WHERE watch_id = ? AND path = ? AND gone IS NOT NULL AND NOT EXISTS"
                   " (SELECT 1 FROM watched_articles w WHERE w.watch_id = ? AND w.path = ?)",
                   [(w, p, w, p) for w, p in files])


def _story_of(db, article_id: int) -> int | None:
    """The story an article is in (None: none, or a library without stories yet)."""
    try:
        row = db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
    except sqlite3.OperationalError:
        return None
    return row[0] if row else None
