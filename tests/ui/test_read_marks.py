"""Opening an article marks it read from a writer thread (parts/marks.py): the UI never waits for the write lock."""

from __future__ import annotations

import sqlite3
import time

from pilot_steps import settle

from ui_sample import HARBOUR, ORCHARD


def _read(path, article_id: int) -> int:
    con = sqlite3.connect(path, timeout=10)
    try:
        return con.execute("SELECT read FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    finally:
        con.close()


async def test_open_while_another_writer_holds_the_lock_does_not_wait_and_the_mark_lands(cached_library, make_app):
    path, ids = cached_library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        screen = app.screen
        before = screen.unread.count
        other = sqlite3.connect(path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # e.g. the background analysis committing a batch
        try:
            start = time.monotonic()
            screen.open_article(ids[HARBOUR.title])
            await pilot.pause()
            await pilot.pause()
            # The UI went on at once (a write on the UI thread would wait up to the 10 s busy timeout).
            assert time.monotonic() - start < 2.0
            assert screen.article.id == ids[HARBOUR.title] and screen.article.read
            assert screen.unread.count == before - 1  # counted down at once
            other.execute("UPDATE articles SET starred = 1 WHERE id = ?", (ids[ORCHARD.title],))
        finally:
            other.execute("COMMIT")
            other.close()
        screen.marks.settle()
        assert _read(path, ids[HARBOUR.title]) == 1
        # A toggle right after the open sees the open's mark: m makes it unread again.
        await pilot.press("m")
        await settle(pilot)
        assert _read(path, ids[HARBOUR.title]) == 0
        screen.count_unread()
        await settle(pilot)
        assert screen.unread.count == before


async def test_marks_queued_at_quit_are_written(cached_library, make_app):
    path, ids = cached_library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        app.screen.open_article(ids[ORCHARD.title])
        await pilot.pause()
        await pilot.press("ctrl+q")
    assert _read(path, ids[ORCHARD.title]) == 1


async def test_the_whole_library_unread_count_needs_no_worker(library, make_app, monkeypatch):
    """Above SMALL articles the count was a worker walking the unread index after every list load;
    the whole library's count is one row now, in the first frame at any size."""
    from tui.app.parts import reader

    monkeypatch.setattr(reader, "SMALL", 2)  # the 4 sample articles count as a big library
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        assert screen.unread.count == 4
        assert not [w for w in app.workers if w.name == "unread"]
        await settle(pilot)
        assert screen.unread.count == 4
