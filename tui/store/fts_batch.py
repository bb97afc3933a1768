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

The statement reads each row's text from `articles_folded` and spells it apart (`articles_search`'s lower() and
nested replace(), fold.APART) in Python, on the text's UTF-8 bytes: the same bytes the view gives (SQLite's lower()
and replace() work on those bytes, ASCII letters only), so the index holds what it held, and what the triggers and a
rebuild read from the view matches it (the index's pages are byte for byte those the view's SQL made). The view's 45
replace() calls over every text cost ~0.4 s of the ~1 s of indexing 3,000 generated articles; bytes.replace ~0.2 s:
the batches of a 3,000-file `add` 1.03 -> 0.89 s CPU (session 36). Only when the library's view is the one this code
makes (sqlite_master) and its text is UTF-8; else the statement reads the view.
"""

from __future__ import annotations

import sqlite3

from tui.store.fold import APART
from tui.store.schema import SEARCH_VIEWS


def open_batch(db: sqlite3.Connection) -> None:
    """Start deferring the search indexing of new articles (inside an open write transaction)."""
    db.execute("INSERT OR IGNORE INTO fts_batch (open) VALUES (1)")


def close_batch(db: sqlite3.Connection) -> int:
    """Index every article waiting in `fts_later` in one statement and stop deferring; returns how many.

    Also indexes ids left there by an earlier transaction that committed with its batch open (a bug
    elsewhere): they would otherwise never be found by search.
    """
    db.execute("DELETE FROM fts_batch")
    if _apart_ready(db):
        cur = db.execute(f"INSERT INTO articles_fts (rowid, title, body, meta) SELECT f.id, {_spelt('f.title')},"
                         f" {_spelt('f.body')}, {_spelt('f.meta')} FROM fts_later l JOIN articles_folded f ON f.id = l.id")
    else:
        cur = db.execute("INSERT INTO articles_fts (rowid, title, body, meta)"
                         " SELECT s.id, s.title, s.body, s.meta FROM fts_later l JOIN articles_search s ON s.id = l.id")
    if cur.rowcount:
        db.execute("DELETE FROM fts_later")
    return max(cur.rowcount, 0)


_APART_FN = "newsreader_apart_bytes"
# `articles_search` as SEARCH_VIEWS makes it (sqlite_master keeps a view's CREATE statement as it was written)
_OUR_VIEW = SEARCH_VIEWS[SEARCH_VIEWS.index("CREATE VIEW articles_search"):].rstrip().rstrip(";")
# SQLite's lower(): A-Z to a-z, every other byte (those of characters outside ASCII too) as it is
_LOWER = bytes(c + 32 if 65 <= c <= 90 else c for c in range(256))
_APART_BYTES = [(word.encode(), spelt.encode()) for word, spelt in APART.items()]


def _apart_groups(pairs: list[tuple[bytes, bytes]]) -> list[tuple[bytes | None, list[tuple[bytes, bytes]]]]:
    """APART's words in its order, those next to each other that begin alike (4 letters or more: "organiz", "organisa",
    "organise", "organising") in one group with what they share ("organi"), looked for once: when it is not in a text,
    none of them is, and their replace() calls (a scan of the text each) would change nothing. A word alone: None."""
    groups: list[tuple[bytes | None, list[tuple[bytes, bytes]]]] = []
    for word, spelt in pairs:
        if groups:
            before, last = groups[-1]
            shared = before if before is not None else last[0][0]  # (what every word of the group begins with)
            while not word.startswith(shared):
                shared = shared[:-1]
            if len(shared) >= 4:
                groups[-1] = (shared, [*last, (word, spelt)])
                continue
        groups.append((None, [(word, spelt)]))
    return groups


_APART_GROUPS = _apart_groups(_APART_BYTES)


def _apart_ready(db: sqlite3.Connection) -> bool:
    """Whether the library's `articles_search` is the view `_apart_bytes` computes, over UTF-8 text, with the function
    registered on this connection (once: SQLite refuses to register a function again while a statement of the
    connection is under way). False when any of it cannot be known (then the statement reads the view)."""
    try:
        row = db.execute("SELECT sql FROM sqlite_master WHERE type = 'view' AND name = 'articles_search'").fetchone()
        if row is None or row[0] != _OUR_VIEW or db.execute("PRAGMA encoding").fetchone()[0] != "UTF-8":
            return False
        if db.execute("SELECT 1 FROM pragma_function_list WHERE name = ?", (_APART_FN,)).fetchone() is None:
            db.create_function(_APART_FN, 1, _apart_bytes, deterministic=True)
        return True
    except sqlite3.Error:
        return False


def _spelt(column: str) -> str:
    """SQL giving the view's text of `column` (of articles_folded) as text: its bytes, spelt apart by `_apart_bytes`
    (NULL stays NULL; a number or a blob is read as the view's lower() reads it, as its text's bytes)."""
    return f"CAST({_APART_FN}(CAST({column} AS BLOB)) AS TEXT)"


def _apart_bytes(raw: bytes | None) -> bytes | None:
    """`apart_sql`'s lower() and replace() chain on a text's UTF-8 bytes (the view's SQL, in the same order)."""
    if raw is None:
        return None
    raw = raw.translate(_LOWER)
    for shared, pairs in _APART_GROUPS:
        if shared is None or shared in raw:
            for word, spelt in pairs:
                raw = raw.replace(word, spelt)
    return raw
