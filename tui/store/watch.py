"""Watched folders and the state of the files seen in them (migration 4). No file reading here."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass

from tui.store.feeds import now_iso, update_article
from tui.store.library import Library, StoreError, _explain, digits, fits_row_id, insert_article
from tui.textsafe import visible


@dataclass
class Watched:
    """One watched folder and how many of its files have been seen."""

    id: int
    path: str
    added_at: str
    last_scan: str | None = None
    files: int = 0
    unread: int = 0  # rows of its files' articles, as the library list shows them (folder_counts)
    total: int = 0
    skipped: list[tuple[str, int]] | None = None  # (why, files) of its files that became no article (skipped_files)
    counted: object = None  # what its files became, adding up (a FolderFiles: folder_files)


@dataclass
class FileState:
    """A file as last imported: size, modification time and the article it became (if any); `gone`: when a scan
    found it missing (migration 31), None while it is there."""

    size: int
    mtime_ns: int
    article_id: int | None
    gone: str | None = None


def add_watch(lib: Library, path: str) -> tuple[int, bool]:
    """Watch a folder (stored as an absolute path); returns (id, True) or (existing id, False)."""
    path = os.path.abspath(os.path.expanduser(path))
    if path_key(path) != path:  # the folder's own path is kept to walk it again: it must be stored as it is
        raise StoreError(f"cannot watch {visible(path)}: its path is not UTF-8; rename the folder (or import it once"
                         " with `newsreader add`)")
    with lib.transaction() as db:
        row = db.execute("SELECT id FROM watched WHERE path = ?", (path,)).fetchone()
        if row:
            return row[0], False
        return db.execute("INSERT INTO watched (path, added_at) VALUES (?, ?)", (path, now_iso())).lastrowid, True


def list_watched(lib: Library) -> list[Watched]:
    """Every watched folder in the order added, with its count of files seen."""
    return [Watched(r[0], r[1], r[2], r[3], r[4]) for r in lib.db.execute(
        "SELECT w.id, w.path, w.added_at, w.last_scan, (SELECT count(*) FROM watched_files f WHERE f.watch_id = w.id)"
        " FROM watched w ORDER BY w.id")]


# A folder's rows as the library list shows them: every article its files became (watched_articles: all of a feed
# file's, migration 20), or the row that article is a near-duplicate of (articles.twin_of), once per folder:
# (watch_id, row id, read).
_ROWS = ("SELECT DISTINCT f.watch_id, s.id, s.read FROM watched_articles f JOIN articles a ON a.id = f.article_id"
         " JOIN articles s ON s.id = coalesce(a.twin_of, a.id)")


def folder_counts(lib: Library) -> dict[int, tuple[int, int]]:
    """watch id -> (unread, total) rows of the articles its files became (the feeds list shows them)."""
    return {r[0]: (int(r[1] or 0), int(r[2])) for r in lib.db.execute(
        f"SELECT watch_id, sum(read = 0), count(*) FROM ({_ROWS}) GROUP BY watch_id")}


def folder_article_ids(lib: Library, watch_id: int) -> list[int]:
    """The ids of a watched folder's articles in library order (newest first): what a folder filter shows (a
    near-duplicate as the row it is shown as, once, as feed_article_ids does)."""
    return [r[0] for r in lib.db.execute(
        "SELECT a.id FROM articles a WHERE a.id IN (SELECT coalesce(c.twin_of, c.id) FROM watched_articles f"
        " JOIN articles c ON c.id = f.article_id WHERE f.watch_id = ?) ORDER BY a.sort_key DESC, a.id DESC",
        (watch_id,))]


def remove_watch(lib: Library, path: str) -> bool:
    """Stop watching a folder (by path or id); its articles stay. False when it was not watched."""
    with lib.transaction() as db:
        if digits(path) and not os.path.exists(path):
            if not fits_row_id(int(path)):
                return False
            return db.execute("DELETE FROM watched WHERE id = ?", (int(path),)).rowcount > 0
        full = os.path.abspath(os.path.expanduser(path))
        return db.execute("DELETE FROM watched WHERE path IN (?, ?)", (full, path)).rowcount > 0


def path_key(path: str) -> str:
    """How a file's path is stored: itself; or, when the name holds bytes that are not UTF-8 (os.fsdecode's lone
    surrogates, which SQLite text cannot hold: the whole scan failed on one such file), with them as \\xNN."""
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def file_states(lib: Library, watch_id: int) -> dict[str, FileState]:
    """Path (`path_key`) -> state of every file seen in a watched folder."""
    return {r[0]: FileState(r[1], r[2], r[3], r[4]) for r in lib.db.execute(
        "SELECT path, size, mtime_ns, article_id, gone FROM watched_files WHERE watch_id = ?", (watch_id,))}


def store_files(lib: Library, watch_id: int, files: list[tuple]) -> tuple[int, int, int]:
    """Store imported files in one transaction: (path, size, mtime_ns, articles, previous state[, why skipped]);
    `why skipped`, for a file that became no article, is kept with it (skipped_files).

    A changed file that was one article updates that article in place; anything else is added (the same
    text twice is stored once). Files without articles are remembered too, so they are not re-read until
    they change. Returns (new, updated, duplicates) article counts: a duplicate is an article whose text the library
    held already (a copy of a file under another name), stored once.
    """
    now = now_iso()
    new = updated = duplicates = 0
    stored: list[int] = []  # (the articles read, for _moved)
    try:
        with lib.transaction(index_later=True) as db:
            for path, size, mtime_ns, articles, before, *why in files:
                ids: list[int] = []
                held = 0  # of the file's articles, those whose text the library held already
                if before is not None and before.article_id is not None and len(articles) == 1:
                    if update_article(db, before.article_id, articles[0]):
                        updated += 1
                    ids.append(before.article_id)
                else:
                    for a in articles:
                        article_id, added = insert_article(db, a, now)
                        new += int(added)
                        duplicates += int(not added)
                        held += int(article_id is not None and not added)
                        if article_id and article_id not in ids:
                            ids.append(article_id)
                key = path_key(path)
                skipped = None if ids else " ".join(visible(str(why[0] if why and why[0] else "no article")).split())
                db.execute("INSERT OR REPLACE INTO watched_files (watch_id, path, size, mtime_ns, article_id, skipped,"
                           " duplicate) VALUES (?,?,?,?,?,?,?)",
                           (watch_id, key, size, mtime_ns, ids[0] if ids else None, skipped[:200] if skipped else None,
                            int(bool(articles) and held == len(articles))))
                # every article the file holds now (a feed file's items), for the folder's counts and filter
                db.execute("DELETE FROM watched_articles WHERE watch_id = ? AND path = ?", (watch_id, key))
                db.executemany("INSERT OR IGNORE INTO watched_articles (watch_id, path, article_id) VALUES (?,?,?)",
                               [(watch_id, key, i) for i in ids])
                stored += ids
            _moved(db, stored)
            db.execute("UPDATE watched SET last_scan = ? WHERE id = ?", (now, watch_id))
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None
    return new, updated, duplicates


def _moved(db, ids: list[int]) -> None:
    """Articles just read from a file that a gone file held too (the file moved, or came back under another name):
    no longer the gone file's; a gone file that holds no article now is forgotten."""
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        found = db.execute("SELECT w.watch_id, w.path, w.article_id FROM watched_articles w JOIN watched_files f"
                           " ON f.watch_id = w.watch_id AND f.path = w.path WHERE f.gone IS NOT NULL"
                           f" AND w.article_id IN ({','.join('?' * len(part))})", part).fetchall()
        if not found:
            continue
        db.executemany("DELETE FROM watched_articles WHERE watch_id = ? AND path = ? AND article_id = ?", found)
        db.executemany("DELETE FROM watched_files WHERE watch_id = ? AND path = ? AND gone IS NOT NULL AND NOT EXISTS"
                       " (SELECT 1 FROM watched_articles w WHERE w.watch_id = ? AND w.path = ?)",
                       [(w, p, w, p) for w, p, _ in found])


@dataclass
class FolderFiles:
    """What a watched folder's files became, adding up to its files: imported (articles of their own), duplicates (the
    library held their text already: stored once), skipped (no article; why: skipped_files), and files with no
    article now (theirs deleted, or skipped before migration 29, whose reason is not known)."""

    imported: int = 0
    duplicates: int = 0
    skipped: int = 0
    without: int = 0
    gone: int = 0  # files gone from the folder whose articles are kept (migration 31)

    @property
    def files(self) -> int:
        return self.imported + self.duplicates + self.skipped + self.without + self.gone


def folder_files(lib: Library) -> dict[int, FolderFiles]:
    """watch id -> FolderFiles of each folder that has files (one pass over the files' rows). A read-only library of
    an earlier schema (Library.behind) has no `gone` (31) to count, nor `duplicate` (30) or `skipped` (29): its files
    are imported or with no article."""
    for here, gone in (("gone IS NULL AND ", "sum(gone IS NOT NULL AND EXISTS (SELECT 1 FROM watched_articles w"
                                             " WHERE w.watch_id = f.watch_id AND w.path = f.path))"), ("", "0")):
        try:  # (without `gone`: a read-only library of schema 30)
            rows = lib.db.execute(
                f"SELECT watch_id, sum({here}article_id IS NOT NULL AND duplicate = 0), sum({here}article_id IS NOT"
                f" NULL AND duplicate <> 0), sum({here}article_id IS NULL AND skipped IS NOT NULL), sum({here}article_id"
                f" IS NULL AND skipped IS NULL), {gone} FROM watched_files f GROUP BY watch_id").fetchall()
            break
        except sqlite3.OperationalError as exc:
            if "no such column" not in str(exc):
                raise
    else:
        rows = lib.db.execute("SELECT watch_id, count(article_id), 0, 0, sum(article_id IS NULL), 0 FROM watched_files"
                              " GROUP BY watch_id").fetchall()
    return {r[0]: FolderFiles(*(int(n or 0) for n in r[1:])) for r in rows}


def files_line(files: FolderFiles, total: bool = True) -> str:
    """"5 files: 2 imported, 1 duplicate, 2 skipped" (imported always, the other parts when not 0; without the `total`
    of files: "2 imported, 1 duplicate, 2 skipped")."""
    parts = [f"{files.imported:,} imported"]
    if files.duplicates:
        parts.append(f"{files.duplicates:,} duplicate{'s' if files.duplicates != 1 else ''}")
    if files.skipped:
        parts.append(f"{files.skipped:,} skipped")
    if files.without:
        parts.append(f"{files.without:,} with no article")
    if files.gone:
        parts.append(f"{files.gone:,} gone (article{'s' if files.gone != 1 else ''} kept)")
    said = ", ".join(parts)
    return f"{files.files:,} file{'s' if files.files != 1 else ''}: {said}" if total else said


def reasons_line(skipped: list[tuple[str, int]], tidy=None) -> str:
    """Why a folder's files were skipped (skipped_files' list), the commonest first: "binary file (PNG image) ×2; not a
    feed" (the count beside a reason when it is more than one file and not every one). `tidy` makes a stored reason
    one clean line (the database is untrusted; the app's own removes what terminals measure differently too)."""
    tidy = tidy or (lambda why: " ".join(visible(why).split()))
    files = sum(count for _why, count in skipped)
    return "; ".join(tidy(why)[:120] + (f" ×{count}" if 1 < count < files else "") for why, count in skipped[:8])


def skipped_files(lib: Library) -> dict[int, list[tuple[str, int]]]:
    """watch id -> [(why, files)] of the files of each folder that became no article, the commonest reason first
    (files skipped before migration 29 are not known: see there)."""
    out: dict[int, list[tuple[str, int]]] = {}
    try:
        rows = lib.db.execute(
            "SELECT watch_id, skipped, count(*) FROM watched_files WHERE skipped IS NOT NULL AND article_id IS NULL"
            " GROUP BY watch_id, skipped ORDER BY watch_id, count(*) DESC, skipped").fetchall()
    except sqlite3.OperationalError as exc:  # a read-only library of a schema before 29 (Library.behind): not known
        if "no such column" not in str(exc):
            raise
        rows = []
    for watch_id, why, files in rows:
        out.setdefault(watch_id, []).append((str(why), int(files)))
    return out


def files_gone(lib: Library, watch_id: int, paths: list[str]) -> None:
    """Files a scan found missing: one that became articles is kept, said gone since now (its articles stay in the
    library and in the folder: migration 31); one that became none is forgotten, as is a gone one whose articles were
    all deleted since."""
    now = now_iso()
    with lib.transaction() as db:
        pairs = [(watch_id, path_key(p)) for p in paths]
        db.executemany("UPDATE watched_files SET gone = coalesce(gone, ?) WHERE watch_id = ? AND path = ?",
                       [(now, *pair) for pair in pairs])
        empty = [pair for pair in pairs if db.execute(
            "SELECT 1 FROM watched_articles WHERE watch_id = ? AND path = ? LIMIT 1", pair).fetchone() is None]
        db.executemany("DELETE FROM watched_files WHERE watch_id = ? AND path = ?", empty)
        db.executemany("DELETE FROM watched_articles WHERE watch_id = ? AND path = ?", empty)


def files_back(lib: Library, watch_id: int, paths: list[str]) -> None:
    """Gone files found again as they were (size and time): no longer gone, the same articles."""
    with lib.transaction() as db:
        db.executemany("UPDATE watched_files SET gone = NULL WHERE watch_id = ? AND path = ?",
                       [(watch_id, path_key(p)) for p in paths])


def gone_file(lib: Library, article_id: int) -> tuple[str, str] | None:
    """(path, since when: UTC) of the watched file an article came from when that file is gone and no other watched
    file holds the article, else None (one indexed query: cheap enough for every article opened). The database is
    untrusted: a path is made visible; a library without migration 31 (read-only, behind) has none gone."""
    try:
        rows = lib.db.execute("SELECT f.path, f.gone FROM watched_articles w JOIN watched_files f ON f.watch_id ="
                              " w.watch_id AND f.path = w.path WHERE w.article_id = ?", (article_id,)).fetchall()
    except sqlite3.OperationalError as exc:
        if "no such column" not in str(exc):
            raise
        return None
    if not rows or any(gone is None for _path, gone in rows):
        return None
    path, since = max(rows, key=lambda row: str(row[1]))
    return visible(str(path)), str(since)
