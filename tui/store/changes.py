"""Noticing that another process changed the library, cheaply, and where an article sits in the list.

The app polls `data_version` on a timer: SQLite bumps it when another connection commits, and reading it
costs microseconds, so an idle library costs nothing. Only when it moved does the app read `articles_state`
(two index lookups) to tell new or removed articles from other writes (the analysis cache, feeds state).
"""

from __future__ import annotations


def data_version(lib) -> int:
    """SQLite's `PRAGMA data_version` of this connection: changes when another connection commits."""
    return lib.db.execute("PRAGMA data_version").fetchone()[0]


def articles_state(lib) -> tuple[int, int]:
    """(number of rows the list shows, highest id): differs after any article was added or removed, or
    joined another as its near-duplicate (grouping hides a row: migration 12, tui/store/twins.py).

    The count is kept by triggers (schema migrations 3, 12) and the highest id is the end of the rowid index.
    """
    row = lib.db.execute("SELECT coalesce((SELECT value FROM counts WHERE name = 'shown'),"
                         " (SELECT value FROM counts WHERE name = 'articles')),"
                         " (SELECT max(id) FROM articles)").fetchone()
    return (row[0] or 0, row[1] or 0)


def stories_state(lib) -> int:
    """The story generation (counts row 'story_gen', migration 22): it moves whenever stories are written, merged,
    split or regrouped, in any process, and when an article leaves its story; 0 in a library without it. One primary-
    key read: the app reads it, beside `articles_state`, only after `data_version` moved."""
    row = lib.db.execute("SELECT value FROM counts WHERE name = 'story_gen'").fetchone()
    return row[0] if row and type(row[0]) is int else 0


def sources_state(lib) -> tuple:
    """The feeds' and watched folders' state: each one's id, name and last refresh or scan. It differs after a feed or
    folder was added, removed, renamed, refreshed or scanned (the feeds list reads itself again then). Two small
    tables, read whole: a library has tens of feeds, not thousands."""
    feeds = lib.db.execute("SELECT id, title, last_refresh, last_status FROM feeds ORDER BY id").fetchall()
    folders = lib.db.execute("SELECT id, path, last_scan FROM watched ORDER BY id").fetchall()
    return tuple(feeds), tuple(folders)


def list_position(lib, article_id: int) -> int | None:
    """Where `article_id` sits in the whole library's list (newest first, as `Library.rows`), or None.

    Counts the rows before it along the list's index: ~1 ms per 10,000 rows above it.
    """
    row = lib.db.execute("SELECT sort_key FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    return lib.db.execute("SELECT count(*) FROM articles WHERE (sort_key, id) > (?, ?) AND twin_of IS NULL",
                          (row[0], article_id)).fetchone()[0]
