"""Delete that can be undone: an article's row and every row that hangs off it, saved before removal.

`remove_saving(lib, id)` deletes an article and returns what `restore(lib, saved)` needs to put it
back exactly (same id, read/star marks, cached analysis, entity mentions and whatever other tables
reference the article), so undoing a delete loses nothing and costs no re-analysis.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from tui.store.library import StoreError, _explain


@dataclass
class Saved:
    """One deleted article: (table, columns, rows) in the order they go back in."""

    article_id: int
    tables: list[tuple[str, list[str], list[tuple]]] = field(default_factory=list)
    # (table, column, rowids) of the rows that outlive the delete with the article's id set to NULL (ON DELETE SET
    # NULL: the feed item or watched file it came from): pointed back at it on restore
    links: list[tuple[str, str, list[int]]] = field(default_factory=list)


# Where grouping placed the article: not saved. A restored article waits to be grouped again, as a new one does, so it
# rejoins its story and becomes its copy's twin again (put back as it was, it sat in its story as a second shown row
# of the same text: the story's rows had moved on when it left).
PLACEMENT = frozenset({"story_articles", "story_left"})


def _dependents(db) -> list[tuple[str, str, bool]]:
    """(table, column, whether its rows are kept with the column set to NULL) of every table with a foreign key to
    articles(id), and of every table with an `article_id` column and no foreign key (reading positions: a trigger
    deletes them with the article), less the grouping's placement."""
    out = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"):
        if table in PLACEMENT:
            continue
        keys = db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()
        for row in keys:
            if row[2] == "articles":
                out.append((table, row[3], str(row[6]).upper() == "SET NULL"))
        if not keys and any(c[1] == "article_id" for c in db.execute(f'PRAGMA table_info("{table}")')):
            out.append((table, "article_id", False))
    return out


def _rows(db, table: str, column: str, article_id: int) -> tuple[str, list[str], list[tuple]]:
    cursor = db.execute(f'SELECT * FROM "{table}" WHERE "{column}" = ?', (article_id,))
    return table, [d[0] for d in cursor.description], cursor.fetchall()


def remove_saving(lib, article_id: int) -> Saved | None:
    """Delete an article and return everything needed to restore it (None if it was not there)."""
    try:
        return _remove_saving(lib, article_id)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None


def _remove_saving(lib, article_id: int) -> Saved | None:
    saved = Saved(article_id)
    with lib.transaction() as db:
        article = _rows(db, "articles", "id", article_id)
        if not article[2]:
            return None
        saved.tables.append(article)
        for table, column, kept in _dependents(db):
            if kept:  # the row stays (its article id NULL): it is pointed back on restore, not inserted again
                saved.links.append((table, column, [r[0] for r in db.execute(
                    f'SELECT rowid FROM "{table}" WHERE "{column}" = ?', (article_id,))]))
            else:
                saved.tables.append(_rows(db, table, column, article_id))
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
    return saved


def restore(lib, saved: Saved) -> bool:
    """Put a deleted article back with its id and dependent rows; False if its id or content came back meanwhile."""
    try:
        return _restore(lib, saved)
    except sqlite3.DatabaseError as exc:
        raise StoreError(_explain(exc, lib.path)) from None


def _restore(lib, saved: Saved) -> bool:
    with lib.transaction() as db:
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (saved.article_id,)).fetchone():
            return False
        hash_column = dict(zip(saved.tables[0][1], saved.tables[0][2][0])).get("hash")
        if hash_column and db.execute("SELECT 1 FROM articles WHERE hash = ?", (hash_column,)).fetchone():
            return False  # re-imported meanwhile
        for table, columns, rows in saved.tables:
            if not rows:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            db.executemany(f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES ({marks})', rows)
        # the feed item or watched file it came from, still there and pointing nowhere, points at it again (an undone
        # delete left the feed's count one short and the article out of the feed's filter; a refresh never relinked it)
        for table, column, rowids in saved.links:
            db.executemany(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ? AND "{column}" IS NULL',
                           [(saved.article_id, rowid) for rowid in rowids])
    return True
