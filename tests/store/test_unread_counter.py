"""The whole library's unread count comes from the counter the store keeps (tui.store.reader.unread_count)."""

from __future__ import annotations

from tui.models import Article
from tui.store import Library
from tui.store.reader import mark_all_read, unread_count


def _articles(n: int) -> list[Article]:
    return [Article(title=f"Ferry report {i}", body=f"The ferry sailed {i} times on Tuesday, the operator said.",
                    published=f"2026-03-{1 + i:02d}") for i in range(n)]


def _scanned(lib) -> int:
    return lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]


def test_the_counter_follows_adds_marks_and_deletes(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        ids = [i for _status, i in lib.add_many(_articles(6))]
        assert unread_count(lib) == _scanned(lib) == 6
        lib.set_read(ids[0], True)
        lib.set_read(ids[1], True)
        lib.set_read(ids[1], True)  # twice: counted once
        assert unread_count(lib) == _scanned(lib) == 4
        lib.set_read(ids[0], False)
        lib.remove(ids[2])
        assert unread_count(lib) == _scanned(lib) == 4
        assert unread_count(lib, ids[:2]) == 1  # a view's ids are still counted row by row
        mark_all_read(lib)
        assert unread_count(lib) == _scanned(lib) == 0


def test_the_whole_library_is_read_from_the_counter_not_counted(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        lib.add_many(_articles(3))
        # A counter set by hand shows it is the counter that answers (no walk over the articles).
        lib.db.execute("UPDATE counts SET value = 41 WHERE name = 'unread'")
        assert unread_count(lib) == 41


def test_a_views_count_reads_the_unread_ids_index_not_the_rows(tmp_path):
    """A view's count (ids given) is answered by the partial index on unread ids (migration 13): reading
    `read` from each row walked the body's overflow pages."""
    import sqlite3

    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add_many(_articles(8))
        ids = [r[0] for r in lib.db.execute("SELECT id FROM articles ORDER BY id")]
        for i in ids[:3]:
            lib.set_read(i)
        view = ids[1:6] + [max(ids) + 100]  # two read, three unread, one id that is not there
        scanned = lib.db.execute(f"SELECT count(*) FROM articles NOT INDEXED WHERE read = 0 AND id IN "
                                 f"({','.join('?' * len(view))})", view).fetchone()[0]
        assert unread_count(lib, view) == scanned == 3
        plan = " ".join(r[3] for r in lib.db.execute(
            "EXPLAIN QUERY PLAN SELECT count(*) FROM articles INDEXED BY articles_unread_ids"
            " WHERE read = 0 AND id IN (?, ?)", (1, 2)))
        assert "COVERING INDEX articles_unread_ids" in plan
    # A library from before migration 13 gets the index as it upgrades.
    db = sqlite3.connect(path)
    db.execute("DROP INDEX articles_unread_ids")
    db.execute("PRAGMA user_version = 12")  # before migration 13 (later ones run again: each is safe to)
    db.commit()
    db.close()
    with Library(path) as lib:
        assert lib.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'articles_unread_ids'").fetchone()
        assert unread_count(lib, view) == 3
        lib.set_read(ids[4])
        assert unread_count(lib, view) == 2


def test_next_unread_in_a_view_reads_the_unread_ids_index_not_the_rows(tmp_path):
    """`n` in a view (reader.next_unread) asks which of a chunk of ids are unread: from the index too."""
    from tui.store.reader import next_unread

    with Library(tmp_path / "lib.db") as lib:
        ids = [i for _status, i in lib.add_many(_articles(8))]
        for i in ids[1:5]:
            lib.set_read(i)
        statements: list[str] = []
        lib.db.set_trace_callback(statements.append)
        assert next_unread(lib, ids, 0) == 5 and next_unread(lib, ids, 5, forward=False) == 0
        assert next_unread(lib, ids[:5], 0) is None
        lib.db.set_trace_callback(None)
        asked = [s for s in statements if s.startswith("SELECT id FROM articles")]
        assert asked
        for sql in asked:
            plan = " ".join(r[3] for r in lib.db.execute(f"EXPLAIN QUERY PLAN {sql}"))
            assert "COVERING INDEX articles_unread_ids" in plan, plan
