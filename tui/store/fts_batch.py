"""Index a transaction's new articles for search in one statement at its end (migration 16).

SQLite 3.40's FTS5 writes the terms it holds out to disk as a new segment at every statement savepoint, and
each article inserted through a trigger is such a statement: one tiny segment per article, merged again and
again afterwards. That was half of the store's CPU for an import or a feed refresh. A writer storing many
articles opens a batch instead: while it is open, the insert trigger only notes the new id in `fts_later`,
and `close_batch` indexes all of them from `articles_search` (the one definition of the indexed text) in one
INSERT ... SELECT, inside the same transaction, before COMMIT. So every article a finished `add` or `refresh`
stored is searchable, and a kill at any moment loses nothing: the transaction is rolled back whole.

The batch's flag row (`fts_batch`) is removed before the transaction commits, so no other connection ever
sees it; rows written by other programs are indexed by the triggers as before. Use it through
`Library.transaction(index_later=True)`, which opens the batch after BEGIN and closes it before COMMIT.
"""

from __future__ import annotations

import sqlite3


def open_batch(db: sqlite3.Connection) -> None:
    """Start deferring the search indexing of new articles (inside an open write transaction)."""
    db.execute("INSERT OR IGNORE INTO fts_batch (open) VALUES (1)")


def close_batch(db: sqlite3.Connection) -> int:
    """Index every article waiting in `fts_later` in one statement and stop deferring; returns how many.

    Also indexes ids left there by an earlier transaction that committed with its batch open (a bug
    elsewhere): they would otherwise never be found by search.
    """
    db.execute("DELETE FROM fts_batch")
    cur = db.execute("INSERT INTO articles_fts (rowid, title, body, meta)"
                     " SELECT s.id, s.title, s.body, s.meta FROM fts_later l JOIN articles_search s ON s.id = l.id")
    if cur.rowcount:
        db.execute("DELETE FROM fts_later")
    return max(cur.rowcount, 0)
