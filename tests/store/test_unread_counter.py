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
