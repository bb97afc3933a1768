"""Each article's grouping features, stored once (migration 17; issue 13's regroup budget).

Grouping compares articles by their salient terms and shingle sketch (`tui.stories.terms`), which cost far
more to compute than to compare. They are stored here when an article is first grouped, so a rebuild
(`stories --rebuild`, after a change of the grouping's decisions) reads them instead of reading every body
again. Rows are opaque to the store: `tui.stories.features` encodes and decodes them, and stamps each row
with the version of the code that computed it (a row of another version is computed again). An article's
row goes when its title or body changes in place, or when it is deleted.
"""

from __future__ import annotations

import sqlite3

from tui.store.library import Library, StoreError, _explain


def has_features_table(lib: Library) -> bool:
    """Whether the library has the table (a library opened at an earlier version, read-only, has not)."""
    return lib.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'story_features'").fetchone() is not None


def ungrouped_with_features(lib: Library, limit: int, after: tuple[str, int], version: int,
                            dated=lambda sort_key: False, bodies: bool = True,
                            waiting: int | None = None) -> list[tuple]:
    """Up to `limit` articles in no story, in date order after `after` = (sort_key, id):
    (id, title, body, sort_key, added_at, words, weights, sketch). The stored features are given when a
    row of `version` exists, and then the body is not read (None); otherwise the three features are None.
    `added_at` is read only for a sort key that `dated` does not accept ('' otherwise): the row's columns
    after the body (sort_key, added_at, read) cost a walk over the body's overflow pages, so the sort key
    comes from the list's index and the features' rows never touch the body. `bodies` False: the body of a row
    without features is not read either (None; `article_texts` reads it where the features are computed). `waiting`:
    ungrouped_keys' count, when made just before."""
    from tui.store.stories import ungrouped_keys

    keys = ungrouped_keys(lib, limit, after, waiting)
    if not keys:
        return []
    ids = [k[0] for k in keys]
    marks = ",".join("?" * len(ids))
    rows = {r[0]: r for r in lib.db.execute(
        "SELECT a.id, a.title, NULL, f.words, f.weights, f.sketch FROM articles a"
        f" JOIN story_features f ON f.article_id = a.id AND f.version = ? WHERE a.id IN ({marks})", [version, *ids])}
    missing = [i for i in ids if i not in rows]
    if missing:
        rows.update((r[0], r) for r in lib.db.execute(
            f"SELECT id, title, {'body' if bodies else 'NULL'}, NULL, NULL, NULL FROM articles"
            f" WHERE id IN ({','.join('?' * len(missing))})",
            missing))
    undated = [k[0] for k in keys if not dated(k[1])]
    added = dict(lib.db.execute(f"SELECT id, added_at FROM articles WHERE id IN ({','.join('?' * len(undated))})",
                                undated).fetchall()) if undated else {}
    return [(r[0], r[1], r[2], key, added.get(i, ""), r[3], r[4], r[5]) for i, key in keys if (r := rows.get(i))]


def save_features(lib: Library, rows: list[tuple]) -> None:
    """Store (article_id, version, words, weights, sketch) rows (replacing older ones) in one transaction;
    an article deleted meanwhile is skipped."""
    if not rows:
        return
    try:
        with lib.transaction() as db:
            write_features(db, rows)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None


def write_features(db: sqlite3.Connection, rows: list[tuple]) -> None:
    """save_features' writes, inside the caller's transaction."""
    db.executemany("INSERT OR REPLACE INTO story_features (article_id, version, words, weights, sketch)"
                   " SELECT ?,?,?,?,? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)", [(*r, r[0]) for r in rows])


def stored_feature_count(lib: Library, version: int | None = None) -> int:
    """How many articles have stored features (of `version`, when given)."""
    if version is None:
        return lib.db.execute("SELECT count(*) FROM story_features").fetchone()[0]
    return lib.db.execute("SELECT count(*) FROM story_features WHERE version = ?", (version,)).fetchone()[0]


def article_texts(db: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, str]]:
    """Article id -> (title, body) of the `ids` that exist (read in chunks of 500)."""
    out: dict[int, tuple[str, str]] = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update((r[0], (r[1], r[2])) for r in db.execute(
            f"SELECT id, title, body FROM articles WHERE id IN ({','.join('?' * len(part))})", part))
    return out


_READERS: dict[tuple[int, str], sqlite3.Connection] = {}


def reader(path: str) -> sqlite3.Connection:
    """A read-only connection to the library at `path` of this process (a worker process's own: never one
    inherited from the process that forked it), opened once."""
    import os
    from pathlib import Path

    key = (os.getpid(), path)
    if key not in _READERS:
        _READERS[key] = sqlite3.connect(Path(path).resolve().as_uri() + "?mode=ro", uri=True, timeout=30,
                                        check_same_thread=False)
    return _READERS[key]
