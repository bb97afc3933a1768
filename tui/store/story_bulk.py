"""A whole regroup's store work in bulk (issue 13: regrouping 100,000 articles <= 60 s).

`stories --rebuild` forgets every membership and, once regrouped, gives the surviving stories their old ids. Row by
row, the membership triggers (migrations 4, 11, 12, 14) did that work once per article: on 100,000 articles ~4 s
of CPU to forget them and ~2.4 s to renumber. Here the same end state is written in a few statements: the tables
the triggers keep (story_stats, story_sources, articles.twin_of) are set as the triggers would leave them, and the
membership rows are deleted or renumbered with those triggers set aside inside the same transaction (dropped and
created again from their own stored SQL; other connections never see the library without them).

Only when the triggers are the ones this module knows (their SQL's digest): a library whose triggers changed (a
later migration) takes the row-by-row path, which is always right.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

# trigger -> digest of its SQL (whitespace collapsed): the definitions whose effect the bulk statements restate
_DELETE_TRIGGERS = {"story_articles_ad": "69e01087d32dd0db", "story_articles_stats_ad": "b3e4e53dd06c40fc",
                    "story_articles_twin_ad": "0d1edf669ba3a28c", "story_articles_grouped_ad": "732efa6898d5bce9"}
_RENUMBER_TRIGGERS = {"story_articles_stats_au": "907958027f3c652c"}
# set aside for a bulk insert; the copies' trigger (it fires only for a row with dup_of) stays, and must be the known one
_INSERT_TRIGGERS = {"story_articles_stats_ai": "5a0760403d716cf1", "story_left_ai": "9b66e1b1efb24b45",
                    "story_articles_grouped_ai": "3ee101ed96888f62"}
_INSERT_KEPT = {"story_articles_twin_ai": "0d5bc00e2b9e95d6"}
BULK_INSERT_FROM = 500  # memberships a save writes in bulk from (fewer: row by row, no schema change for other readers)
_INSERT = ("INSERT OR IGNORE INTO story_articles (article_id, story_id, day, terms, sketch, dup_of)"
           " SELECT ?,?,?,?,?,? WHERE EXISTS (SELECT 1 FROM articles WHERE id = ?)")


def _digest(sql: str) -> str:
    return hashlib.blake2b(" ".join(sql.split()).encode(), digest_size=8).hexdigest()


def _known(db: sqlite3.Connection, triggers: dict[str, str], kept: dict[str, str] | None = None) -> list[str] | None:
    """The stored SQL of `triggers` when each is there as known (and each of `kept` too) and no other trigger on
    story_articles fires on the same event, else None."""
    rows = dict(db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'story_articles'"))
    event = {id(_DELETE_TRIGGERS): "DELETE", id(_INSERT_TRIGGERS): "INSERT"}.get(id(triggers), "UPDATE")
    known = {**triggers, **(kept or {})}
    others = [n for n, sql in rows.items() if n not in known and event in (sql or "").upper().split("BEGIN")[0]]
    if others or any(_digest(rows.get(n) or "") != d for n, d in known.items()):
        return None
    return [rows[n] for n in triggers]


@contextmanager
def _set_aside(db: sqlite3.Connection, names, sqls: list[str]) -> Iterator[None]:
    for name in names:
        db.execute(f"DROP TRIGGER {name}")
    yield
    for sql in sqls:
        db.execute(sql)


def _grouped(db: sqlite3.Connection, change: int) -> None:
    """The grouped articles' count (counts row 'grouped', migration 23) moved by `change` rows, as its triggers
    would have moved it row by row."""
    db.execute("UPDATE counts SET value = value + ? WHERE name = 'grouped'", (change,))


def forget_memberships(db: sqlite3.Connection) -> bool:
    """Delete every membership row as the delete triggers would, in bulk (inside the caller's transaction). False
    (nothing done) when the triggers are not the known ones."""
    sqls = _known(db, _DELETE_TRIGGERS)
    if sqls is None:
        return False
    # story_articles_twin_ad: every grouped article and every copy of one is shown again (the counts follow by
    # articles_twin_au, row by row as before: only copies change)
    # (the copies through their index, each looked up among the memberships: the memberships walked and each looked
    # up among the articles took 0.7 s at 100,000, load 14)
    db.execute("UPDATE articles SET twin_of = NULL WHERE id IN (SELECT c.id FROM articles c INDEXED BY articles_twins"
               " WHERE c.twin_of IS NOT NULL AND (EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = c.id)"
               " OR EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = c.twin_of)))")
    # story_articles_stats_ad: the figures of every story that had members go with the last of them
    db.execute("DELETE FROM story_sources WHERE story_id IN (SELECT story_id FROM story_articles)")
    db.execute("DELETE FROM story_stats WHERE story_id IN (SELECT story_id FROM story_articles)")
    # story_articles_ad: the stories go (sizes down to 0), and repeats point nowhere (their rows go too)
    db.execute("DELETE FROM stories WHERE id IN (SELECT story_id FROM story_articles)")
    with _set_aside(db, _DELETE_TRIGGERS, sqls):
        gone = db.execute("DELETE FROM story_articles").rowcount
    # story_articles_grouped_ad: the grouped articles' count (migration 23) down by the rows deleted
    _grouped(db, -gone)
    return True


def renumber_memberships(db: sqlite3.Connection, pairs: list[tuple[int, int]]) -> bool:
    """Move the memberships and figures of story `old` to story `new` for each (new, old) pair, as the update
    trigger would row by row (inside the caller's transaction; every new id must be free). False (nothing done)
    when the trigger is not the known one."""
    sqls = _known(db, _RENUMBER_TRIGGERS)
    if sqls is None:
        return False
    # figures kept for a free id belong to no story: stale ones a hand edit left behind (a membership's source changed
    # in place, which its triggers do not follow: they took away nothing when it left its story), which the move would
    # meet ("UNIQUE constraint failed: story_sources"); none in a library as the triggers keep it
    free = [(new,) for new, _ in pairs]
    db.executemany("DELETE FROM story_stats WHERE story_id = ?1 AND NOT EXISTS"
                   " (SELECT 1 FROM story_articles WHERE story_id = ?1)", free)
    db.executemany("DELETE FROM story_sources WHERE story_id = ?1 AND NOT EXISTS"
                   " (SELECT 1 FROM story_articles WHERE story_id = ?1)", free)
    db.executemany("UPDATE story_stats SET story_id = ? WHERE story_id = ?", pairs)
    db.executemany("UPDATE story_sources SET story_id = ? WHERE story_id = ?", pairs)
    with _set_aside(db, _RENUMBER_TRIGGERS, sqls):
        db.executemany("UPDATE story_articles SET story_id = ? WHERE story_id = ?", pairs)
    return True


def insert_memberships(db: sqlite3.Connection, rows: list[tuple]) -> bool:
    """Insert new memberships (article_id, story_id, day, terms, sketch, dup_of) leaving the library as `INSERT OR
    IGNORE` row by row with the insert triggers does (inside the caller's transaction): the rows without dup_of with
    the triggers set aside, then their effect (each row's source and unread flag, the story figures, story_left)
    in a few statements per 500 rows; the copies (dup_of set, rare) after them, row by row with the triggers. The
    order does not change the end state: each trigger reads only its own row and its article. False (nothing
    done) when there are fewer than BULK_INSERT_FROM plain rows or the triggers are not the known ones."""
    plain = [r for r in rows if r[5] is None]
    if len(plain) < BULK_INSERT_FROM:
        return False
    sqls = _known(db, _INSERT_TRIGGERS, _INSERT_KEPT)
    if sqls is None:
        return False
    new: list[int] = []  # the rows INSERT OR IGNORE would write: the article exists and is in no story yet
    for i in range(0, len(plain), 500):
        ids = [r[0] for r in plain[i:i + 500]]
        marks = ",".join("?" * len(ids))
        found = {r[0] for r in db.execute(f"SELECT id FROM articles WHERE id IN ({marks}) AND NOT EXISTS"
                                          " (SELECT 1 FROM story_articles s WHERE s.article_id = articles.id)", ids)}
        new += [a for a in ids if a in found]
    with _set_aside(db, _INSERT_TRIGGERS, sqls):
        added = db.executemany(_INSERT, [(*r, r[0]) for r in plain]).rowcount
    _grouped(db, added)  # story_articles_grouped_ai, for the rows written (not those INSERT OR IGNORE left out)
    for i in range(0, len(new), 500):
        ids = new[i:i + 500]
        marks = ",".join("?" * len(ids))
        # story_articles_stats_ai, for each new row (figures added up per story: the same sums in any order)
        db.execute("UPDATE story_articles SET source = coalesce((SELECT a.source FROM articles a WHERE a.id ="
                   " story_articles.article_id), ''), unread = EXISTS (SELECT 1 FROM articles a INDEXED BY"
                   " articles_unread_ids WHERE a.id = story_articles.article_id AND a.read = 0), undated = EXISTS"
                   " (SELECT 1 FROM articles a WHERE a.id = story_articles.article_id AND coalesce(a.published, '')"
                   f" = '') WHERE article_id IN ({marks})", ids)
        db.execute("INSERT INTO story_stats (story_id, members, unread, undated) SELECT story_id, count(*),"
                   f" sum(unread), sum(undated) FROM story_articles WHERE article_id IN ({marks}) GROUP BY story_id"
                   " ON CONFLICT (story_id) DO UPDATE SET members = members + excluded.members,"
                   " unread = unread + excluded.unread, undated = undated + excluded.undated", ids)
        db.execute("INSERT INTO story_sources (story_id, source, n) SELECT story_id, source, count(*)"
                   f" FROM story_articles WHERE article_id IN ({marks}) AND source <> '' GROUP BY story_id, source"
                   " ON CONFLICT (story_id, source) DO UPDATE SET n = n + excluded.n", ids)
        db.execute("UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources x WHERE x.story_id ="
                   f" story_stats.story_id) WHERE story_id IN (SELECT story_id FROM story_articles WHERE article_id"
                   f" IN ({marks}))", ids)
        # story_left_ai
        db.execute(f"DELETE FROM story_left WHERE article_id IN ({marks})", ids)
    db.executemany(_INSERT, [(*r, r[0]) for r in rows if r[5] is not None])
    return True


def insert_all(db: sqlite3.Connection, select: str, args: tuple = ()) -> int | None:
    """Fill an empty story_articles with the rows of `select` (article_id, story_id, day, terms, sketch, dup_of, in
    that order), leaving the library as `insert_memberships` would (inside the caller's transaction): every row in
    one statement with its source and unread flag read as it goes, the insert triggers set aside (the copies' trigger
    stays: it fires for the rows with dup_of), then their effect over the whole table in a few statements. A row whose
    article does not exist is left out. Returns the rows written; None (nothing done) when story_articles is not
    empty or the triggers are not the known ones. (A rebuild's swap: `insert_memberships` 500 rows at a time took
    ~14 s of 22 at 100,000 articles, load 15.)"""
    if db.execute("SELECT 1 FROM story_articles LIMIT 1").fetchone() is not None:
        return None
    sqls = _known(db, _INSERT_TRIGGERS, _INSERT_KEPT)
    if sqls is None:
        return None
    with _set_aside(db, _INSERT_TRIGGERS, sqls):
        # source, unread and undated as story_articles_stats_ai sets them (its UPDATE after the insert: the same
        # values)
        added = db.execute(
            "INSERT OR IGNORE INTO story_articles (article_id, story_id, day, terms, sketch, dup_of, source, unread,"
            " undated) SELECT b.article_id, b.story_id, b.day, b.terms, b.sketch, b.dup_of, coalesce(a.source, ''),"
            " EXISTS (SELECT 1 FROM articles u INDEXED BY articles_unread_ids WHERE u.id = a.id AND u.read = 0),"
            f" coalesce(a.published, '') = '' FROM ({select}) b JOIN articles a ON a.id = b.article_id", args).rowcount
    _grouped(db, added)  # story_articles_grouped_ai
    # story_articles_stats_ai, for every row (the figures added up per story: the same sums)
    db.execute("INSERT INTO story_stats (story_id, members, unread, undated) SELECT story_id, count(*), sum(unread),"
               " sum(undated) FROM story_articles GROUP BY story_id ON CONFLICT (story_id) DO UPDATE SET"
               " members = members + excluded.members, unread = unread + excluded.unread,"
               " undated = undated + excluded.undated")
    db.execute("INSERT INTO story_sources (story_id, source, n) SELECT story_id, source, count(*) FROM story_articles"
               " WHERE source <> '' GROUP BY story_id, source ON CONFLICT (story_id, source) DO UPDATE SET"
               " n = n + excluded.n")
    db.execute("UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources x WHERE x.story_id ="
               " story_stats.story_id) WHERE story_id IN (SELECT story_id FROM story_articles)")
    # story_left_ai
    db.execute("DELETE FROM story_left WHERE article_id IN (SELECT article_id FROM story_articles)")
    return added
