"""Delete that can be undone: an article's row and every row that hangs off it, saved before removal.

`remove_saving(lib, id)` deletes an article and returns what `restore(lib, saved)` needs to put it
back exactly (same id, read/star marks, cached analysis, entity mentions and whatever other tables
reference the article), so undoing a delete loses nothing and costs no re-analysis.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from tui.store.library import StoreError, _explain, forget_emptied, gone_files_of
from tui.store.stories import retitle


@dataclass
class Saved:
    """One deleted article: (table, columns, rows) in the order they go back in."""

    article_id: int
    tables: list[tuple[str, list[str], list[tuple]]] = field(default_factory=list)
    # (table, column, rowids) of the rows that outlive the delete with the article's id set to NULL (ON DELETE SET
    # NULL: the feed item or watched file it came from): pointed back at it on restore
    links: list[tuple[str, str, list[int]]] = field(default_factory=list)
    # where grouping had placed it: its story_articles row (columns, row), and the articles that repeated its text (their
    # memberships' dup_of, their twin_of), which the delete's triggers pointed at the oldest of them instead
    placement: tuple[list[str], tuple] | None = None
    copies: list[int] = field(default_factory=list)
    twins: list[int] = field(default_factory=list)


# Where grouping placed the article: saved on its own (Saved.placement) and put back only while its story exists, with
# the copies of its text pointed back at it, so the row comes back as it was (the same row, outlets and story). Grouped
# again instead, it became its own copy's twin: the list showed the other outlet's row where the reader's had been. When
# the story is gone, the article is grouped again as a new one is, the story's id offered back (story_left).
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
        _save_placement(db, saved)
        files = _save_gone_files(db, saved)
        db.execute("DELETE FROM articles WHERE id = ?", (article_id,))
        forget_emptied(db, files)
        retitle(db, [_placed_story(saved)])  # (its story's title may have been this article's)
    return saved


def _save_gone_files(db, saved: Saved) -> list[tuple[int, str]]:
    """The gone watched files that hold the article (forget_emptied forgets those it was the last article of, once it
    is deleted): those rows are saved whole, to be put back with it, not pointed back (Saved.links)."""
    files = gone_files_of(db, [saved.article_id])
    for watch_id, path in files:
        if db.execute("SELECT 1 FROM watched_articles WHERE watch_id = ? AND path = ? AND article_id != ? LIMIT 1",
                      (watch_id, path, saved.article_id)).fetchone():
            continue  # it holds other articles still: it stays
        cursor = db.execute("SELECT rowid, * FROM watched_files WHERE watch_id = ? AND path = ?", (watch_id, path))
        rows = cursor.fetchall()
        saved.tables.append(("watched_files", [d[0] for d in cursor.description][1:], [r[1:] for r in rows]))
        rowids = {r[0] for r in rows}
        saved.links = [(t, c, [i for i in ids if not (t == "watched_files" and i in rowids)])
                       for t, c, ids in saved.links]
    return files


def _save_placement(db, saved: Saved) -> None:
    try:
        cursor = db.execute("SELECT * FROM story_articles WHERE article_id = ?", (saved.article_id,))
    except sqlite3.OperationalError:  # a library without stories yet (an old schema): nothing to put back
        return
    row = cursor.fetchone()
    if row is None:
        return
    saved.placement = ([d[0] for d in cursor.description], tuple(row))
    saved.copies = [r[0] for r in db.execute("SELECT article_id FROM story_articles WHERE dup_of = ?", (saved.article_id,))]
    saved.twins = [r[0] for r in db.execute("SELECT id FROM articles WHERE twin_of = ?", (saved.article_id,))]


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
        if saved.placement is not None:
            _restore_placement(db, saved)
    return True


def _placed_story(saved: Saved) -> int | None:
    """The story the saved article was in (None: in none)."""
    if saved.placement is None:
        return None
    columns, row = saved.placement
    return dict(zip(columns, row)).get("story_id")


def _restore_placement(db, saved: Saved) -> None:
    """Its story membership back while the story exists, and the copies of its text pointing at it again (the triggers
    keep the story's figures, the list's counts and the copies' marks); else its story's id offered back to it."""
    columns, row = saved.placement
    values = dict(zip(columns, row))
    story = values.get("story_id")
    if not db.execute("SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone():
        db.execute("INSERT OR IGNORE INTO story_left (article_id, story_id) VALUES (?, ?)", (saved.article_id, story))
        return
    if values.get("dup_of") is not None and not db.execute(
            "SELECT 1 FROM story_articles WHERE article_id = ? AND story_id = ?", (values["dup_of"], story)).fetchone():
        values["dup_of"] = None  # the text it repeated left the story meanwhile
    names = ", ".join(f'"{c}"' for c in values)
    if not db.execute(f'INSERT OR IGNORE INTO story_articles ({names}) VALUES ({", ".join("?" * len(values))})',
                      tuple(values.values())).rowcount:
        return
    db.execute("UPDATE stories SET size = size + 1 WHERE id = ?", (story,))
    retitle(db, [story])  # (the title it had, when it was the latest)
    for chunk in range(0, len(saved.copies), 500):
        part = saved.copies[chunk:chunk + 500]
        db.execute(f"UPDATE story_articles SET dup_of = ? WHERE story_id = ? AND article_id IN ({','.join('?' * len(part))})"
                   " AND dup_of IS NOT ?", (saved.article_id, story, *part, saved.article_id))
    for chunk in range(0, len(saved.twins), 500):
        part = saved.twins[chunk:chunk + 500]
        db.execute(f"UPDATE articles SET twin_of = ? WHERE id IN ({','.join('?' * len(part))}) AND id IN"
                   " (SELECT article_id FROM story_articles WHERE story_id = ? AND dup_of = ?)",
                   (saved.article_id, *part, story, saved.article_id))
