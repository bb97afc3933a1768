"""The Library class: open/migrate the SQLite file, store articles, list, search, cache analysis."""

from __future__ import annotations

import json
import os
import sqlite3
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator

from tui.models import Article, ArticleRow, content_hash
from tui.store.schema import MIGRATIONS, SCHEMA_VERSION
from tui.store.query import fts_query
from tui.textsafe import visible

BUSY_TIMEOUT_MS = 10_000
RANK_LIMIT = 4000  # bm25 costs ~5 µs per match: rank at most this many per keystroke
_ROW_COLUMNS = "a.id, a.title, a.source, a.published, a.read, a.starred, a.words, a.sort_key"


class StoreError(Exception):
    """A library problem worth one clear line to the user (corrupt, locked, read-only ...)."""


def default_db_path() -> Path:
    """`NEWSREADER_DB` if set, else `library.db` in the user's data directory."""
    env = os.environ.get("NEWSREADER_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("newsreader", appauthor=False) / "library.db"


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
    return ArticleRow(r[0], r[1], r[2], r[3], bool(r[4]), bool(r[5]), r[6], r[7])


class Library:
    """One library file. Cheap to open; never loads the whole library into memory."""

    def __init__(self, path: str | os.PathLike, *, create_dirs: bool = False, readonly: bool = False):
        self.path = Path(path)
        self.created = False
        if self.path.is_dir():
            raise StoreError(f"{visible(self.path)} is a directory, not a library file")
        if not self.path.parent.exists():
            if not create_dirs:
                raise StoreError(f"folder {visible(self.path.parent)} does not exist")
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create folder {visible(self.path.parent)}: {exc.strerror or exc}") from None
        self.created = not self.path.exists() or self.path.stat().st_size == 0
        try:
            self.db = sqlite3.connect(sqlite_uri(self.path, readonly), uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None,
                                      check_same_thread=False)
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA foreign_keys = ON")
            # Check it is our library before anything writes: switching another program's
            # SQLite file to WAL would already change it.
            self._schema_version()
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

    # -- set-up -------------------------------------------------------------------------------

    def _migrate(self) -> None:
        version = self._schema_version()
        if version == SCHEMA_VERSION:
            return
        with self.transaction():
            # Read again under the write lock: another process may have created or upgraded the
            # library while we waited (two `newsreader add` starting on a new library at once).
            version = self._schema_version()
            for number in range(version, SCHEMA_VERSION):
                for statement in _statements(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

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

    def _schema_version(self) -> int:
        # One statement, one snapshot: read apart, another process's first migration could commit
        # in between (version 0, then tables) and a new library would look like a foreign file.
        version, tables = self.db.execute(
            "SELECT user_version, (SELECT count(*) FROM sqlite_master) FROM pragma_user_version").fetchone()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{visible(self.path)} was written by a newer newsreader (schema {version}); please upgrade")
        if version == 0 and tables:
            raise StoreError(f"{visible(self.path)} is an SQLite file but not a newsreader library")
        return version

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, rolled back on any error (so nothing is ever half-written)."""
        for attempt in range(50):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                # busy_timeout covers most waits; this loop covers writers that hold the lock longer.
                if "locked" not in str(exc) and "busy" not in str(exc):
                    raise
                time.sleep(0.1)
        else:
            raise StoreError(f"{visible(self.path)} is locked by another program; try again")
        try:
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            # SQLite may already have rolled back by itself (a full disk does that); a failing
            # ROLLBACK must not hide the error that matters.
            if self.db.in_transaction:
                try:
                    self.db.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
            raise

    # -- writing ------------------------------------------------------------------------------

    def add(self, article: Article) -> tuple[str, int]:
        """Store one article; returns ("added", id) or ("duplicate", existing id)."""
        return self.add_many([article])[0]

    def add_many(self, articles: Iterable[Article], chunk: int = 500) -> list[tuple[str, int]]:
        """Store articles in chunks of whole transactions; duplicates (same content) are not re-added."""
        results: list[tuple[str, int]] = []
        batch: list[Article] = []
        for article in articles:
            batch.append(article)
            if len(batch) >= chunk:
                results += self._insert(batch)
                batch = []
        if batch:
            results += self._insert(batch)
        return results

    def _insert(self, batch: list[Article]) -> list[tuple[str, int]]:
        out = []
        now = _now()
        try:
            with self.transaction() as db:
                for a in batch:
                    digest = content_hash(a.title, a.body)
                    cur = db.execute(
                        "INSERT INTO articles (title, source, byline, published, tags, url, body, words, hash,"
                        " added_at, sort_key) VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(hash) DO NOTHING",
                        (a.title or "(untitled)", a.source or "", a.byline or "", a.published,
                         json.dumps(list(a.tags or [])), a.url, a.body, len(a.body.split()), digest, now,
                         a.published or now[:10]),
                    )
                    if cur.rowcount:
                        out.append(("added", cur.lastrowid))
                    else:
                        existing = db.execute("SELECT id FROM articles WHERE hash = ?", (digest,)).fetchone()
                        out.append(("duplicate", existing[0]))
        except sqlite3.DatabaseError as exc:
            raise StoreError(_explain(exc, self.path)) from None
        return out

    def remove(self, article_id: int) -> bool:
        with self.transaction() as db:
            return db.execute("DELETE FROM articles WHERE id = ?", (article_id,)).rowcount > 0

    def set_read(self, article_id: int, read: bool = True) -> None:
        with self.transaction() as db:
            db.execute("UPDATE articles SET read = ? WHERE id = ?", (int(read), article_id))

    def set_starred(self, article_id: int, starred: bool = True) -> None:
        with self.transaction() as db:
            db.execute("UPDATE articles SET starred = ? WHERE id = ?", (int(starred), article_id))

    # -- reading ------------------------------------------------------------------------------

    def count(self, search: str = "", entity: str = "") -> int:
        if not search.strip() and not entity:  # the whole library: kept by triggers (migration 3)
            row = self.db.execute("SELECT value FROM counts WHERE name = 'articles'").fetchone()
            if row is not None:
                return row[0]
        sql, args = self._select("count(*)", search, entity)
        return self.db.execute(sql, args).fetchone()[0]

    def rows(self, offset: int = 0, limit: int = 100, search: str = "", entity: str = "") -> list[ArticleRow]:
        """One page of the list, newest first (or best match first when searching). Never reads bodies."""
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
                return [_row(r) for r in rows][::-1]
        sql += " ORDER BY a.sort_key DESC, a.id DESC"
        return [_row(r) for r in self.db.execute(sql + " LIMIT ? OFFSET ?", (*args, limit, offset))]

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
            f"SELECT {_ROW_COLUMNS} FROM articles a WHERE {where} ORDER BY {order} LIMIT ?",
            (row.sort_key, row.id, limit))]
        return rows if after else rows[::-1]

    def ids(self, search: str = "", entity: str = "") -> list[int]:
        """All matching ids in list order (ints only: ~8 bytes each even for 100k articles).

        Searches read the full-text index only: ordering by a column of `articles` would read every
        matching body from disk (the columns after `body` live in its overflow pages). Up to RANK_LIMIT
        matches are ranked by bm25; larger sets (a word or prefix that most articles contain, typed one
        key at a time) put the ranked title matches first and the rest newest first, because scoring
        every one of 100,000 matches costs half a second per keystroke.
        """
        match = fts_query(search) if search else ""
        if not match:
            sql, args = self._select("a.id", "", entity)
            return [r[0] for r in self.db.execute(sql + " ORDER BY a.sort_key DESC, a.id DESC", args)]
        where, args = "articles_fts MATCH ?", [match]
        if entity:
            where += " AND rowid IN (SELECT article_id FROM mentions WHERE name = ?)"
            args.append(entity)
        found = self._match_ids(where, args)
        ranked = f"SELECT rowid FROM articles_fts WHERE {where} ORDER BY bm25(articles_fts, 8.0, 1.0), rowid DESC"
        if len(found) <= RANK_LIMIT:
            return [r[0] for r in self.db.execute(ranked, args)]
        if len(found) > 10 * RANK_LIMIT:
            return found  # a word most articles contain (one or two letters typed): no order is more useful
        in_title = [f"title : ({match})", *args[1:]]
        if self.db.execute(f"SELECT count(*) FROM articles_fts WHERE {where}", in_title).fetchone()[0] > RANK_LIMIT:
            return found
        head = [r[0] for r in self.db.execute(ranked, in_title)]
        seen = set(head)
        return head + [i for i in found if i not in seen]

    def _match_ids(self, where: str, args: list) -> list[int]:
        """Every id matching a full-text condition, last added first.

        One JSON array from SQLite instead of a Python row per match: half the time for 100,000 matches.
        """
        try:
            raw = self.db.execute(f"SELECT json_group_array(rowid) FROM articles_fts WHERE {where}", args).fetchone()[0]
            found = json.loads(raw)
        except sqlite3.OperationalError:  # an SQLite built without JSON functions
            found = [r[0] for r in self.db.execute(f"SELECT rowid FROM articles_fts WHERE {where}", args)]
        found.sort(reverse=True)  # already ascending in practice, so this is one linear pass
        return found

    def rows_by_id(self, ids: list[int]) -> list[ArticleRow]:
        """Rows for the given ids, in the given order."""
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        found = {r[0]: _row(r) for r in self.db.execute(f"SELECT {_ROW_COLUMNS} FROM articles a WHERE a.id IN ({marks})", ids)}
        return [found[i] for i in ids if i in found]

    def _select(self, columns: str, search: str, entity: str) -> tuple[str, list]:
        args: list = []
        where: list[str] = []
        if search and (match := fts_query(search)):
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
        r = self.db.execute(
            "SELECT id, title, source, byline, published, tags, url, body, added_at, read, starred"
            " FROM articles WHERE id = ?", (article_id,)).fetchone()
        if r is None:
            return None
        return Article(id=r[0], title=r[1], source=r[2], byline=r[3], published=r[4], tags=json.loads(r[5]),
                       url=r[6], body=r[7], added_at=r[8], read=bool(r[9]), starred=bool(r[10]))

    def iter_articles(self, batch: int = 200) -> Iterator[Article]:
        """Every article, oldest id first, a batch at a time (for export and background analysis)."""
        last = 0
        while True:
            ids = [r[0] for r in self.db.execute(
                "SELECT id FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch))]
            if not ids:
                return
            for i in ids:
                article = self.get(i)
                if article is not None:
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

    def unanalysed_ids(self, key: str) -> list[int]:
        return [r[0] for r in self.db.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM analysis WHERE key = ?) ORDER BY sort_key DESC",
            (key,))]

    def check(self) -> str:
        """`PRAGMA integrity_check` result ("ok" when healthy)."""
        return self.db.execute("PRAGMA integrity_check").fetchone()[0]


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


def _explain(exc: sqlite3.DatabaseError, path: Path) -> str:
    msg = str(exc)
    if "not a database" in msg or "malformed" in msg:
        return f"{visible(path)} is not a valid newsreader library (corrupt or another kind of file); it was left untouched"
    if "readonly" in msg or "read-only" in msg:
        return f"{visible(path)} is read-only; cannot write to the library"
    if "unable to open" in msg:
        return f"cannot open {visible(path)} (check the folder exists and is writable)"
    if "locked" in msg or "busy" in msg:
        return f"{visible(path)} is locked by another program; try again"
    if "full" in msg:
        return f"disk full while writing {visible(path)}; nothing was lost, free some space and retry"
    if "disk I/O error" in msg:
        # What SQLite reports when it cannot even create its -shm/-wal files on a full disk.
        return f"disk I/O error on {visible(path)} (is the disk full or failing?); the library was not changed"
    return f"library error ({visible(path)}): {msg}"
