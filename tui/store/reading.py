"""Reading state over many articles: unread counts and "mark all read" (issue 10, reader basics)."""

from __future__ import annotations

CHUNK = 900  # ids per statement (SQLite allows 999 bound values in old builds)


def unread_count(lib, ids: list[int] | None = None) -> int:
    """Unread articles in the whole library, or among `ids` (a filtered view).

    The whole library's count is kept by triggers (schema migration 7): one row read, where counting
    walked the unread index (10-40 ms of CPU at 100,000 articles, 30-220 ms wall), after every list load.
    """
    if ids is None:
        row = lib.db.execute("SELECT value FROM counts WHERE name = 'unread'").fetchone()
        if row is not None:
            return row[0]
        return lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]
    total = 0
    for start in range(0, len(ids), CHUNK):
        part = ids[start:start + CHUNK]
        total += lib.db.execute(f"SELECT count(*) FROM articles WHERE read = 0 AND id IN ({','.join('?' * len(part))})",
                                part).fetchone()[0]
    return total


def mark_all_read(lib, ids: list[int] | None = None) -> int:
    """Mark every article (or those in `ids`) read in one transaction; returns how many changed."""
    changed = 0
    with lib.transaction() as db:
        if ids is None:
            return db.execute("UPDATE articles SET read = 1 WHERE read = 0").rowcount
        for start in range(0, len(ids), CHUNK):
            part = ids[start:start + CHUNK]
            changed += db.execute(f"UPDATE articles SET read = 1 WHERE read = 0 AND id IN ({','.join('?' * len(part))})",
                                  part).rowcount
    return changed
