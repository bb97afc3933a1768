"""Opening an article marks it read from a writer thread (parts/marks.py): the UI never waits for the write lock."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager

import pytest

from pilot_steps import opened_first, settle, started, wait_until

from ui_sample import HARBOUR, ORCHARD


@contextmanager
def write_lock_held(path):
    """Another connection holding the library's write lock (BEGIN IMMEDIATE) until the block ends."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.execute("COMMIT")
        other.close()


def _one(path, sql: str, article_id: int) -> int:
    """The first column of the first row of `sql` read by a connection of its own (0 when no row)."""
    con = sqlite3.connect(path, timeout=10)
    try:
        row = con.execute(sql, (article_id,)).fetchone()
        return row[0] if row else 0
    finally:
        con.close()


def _read(path, article_id: int) -> int:
    return _one(path, "SELECT read FROM articles WHERE id = ?", article_id)


@pytest.fixture
def write_threads(monkeypatch) -> list[tuple[str, bool]]:
    """Records (what, on the UI thread?) for every read mark and reading position written to the library.

    "The UI never waits for the write lock" is shown by where the writes run, not by a wall-clock bound: a
    write on the UI thread while another connection holds the lock waits for the busy timeout (10 s), and one
    on the writer thread cannot hold the UI up. (A 2 s bound here failed at load 10-15: the first analysis's
    engine import in a worker thread, 0.8 s of CPU, took 2.3-2.6 s of wall time with the UI thread using
    0.05 s of it.) The async tests run the app on the thread that calls the test: the UI thread."""
    from tui.store import Library, reader

    ui = threading.current_thread()
    seen: list[tuple[str, bool]] = []
    set_read, save_position = Library.set_read, reader.save_position

    def recording_set_read(self, article_id, read=True):
        seen.append(("read", threading.current_thread() is ui))
        return set_read(self, article_id, read)

    def recording_save_position(lib, article_id, line):
        seen.append(("position", threading.current_thread() is ui))
        return save_position(lib, article_id, line)

    monkeypatch.setattr(Library, "set_read", recording_set_read)
    monkeypatch.setattr(reader, "save_position", recording_save_position)
    return seen


async def test_open_while_another_writer_holds_the_lock_does_not_wait_and_the_mark_lands(cached_library, make_app,
                                                                                          write_threads):
    path, ids = cached_library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        before = screen.unread.count
        with write_lock_held(path) as other:  # e.g. the background analysis committing a batch
            screen.open_article(ids[HARBOUR.title])
            await pilot.pause()
            await pilot.pause()
            # The UI went on: the article is shown and counted read while its mark waits for the lock.
            assert _read(path, ids[HARBOUR.title]) == 0
            assert screen.article.id == ids[HARBOUR.title] and screen.article.read
            assert screen.unread.count == before - 1  # counted down at once
            other.execute("UPDATE articles SET starred = 1 WHERE id = ?", (ids[ORCHARD.title],))
        screen.marks.settle()
        assert _read(path, ids[HARBOUR.title]) == 1
        assert write_threads == [("read", False)]  # written by the writer thread (parts/marks.py)
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


def failing_write(monkeypatch, method: str) -> threading.Event:
    """Library.METHOD (set_read, set_starred) made to fail with "the library is locked by another program" once the
    test sets the event returned (it has looked at the row): a write giving up after the busy timeout."""
    from tui.store import Library, StoreError

    looked = threading.Event()

    def failing(self, article_id, value=True):
        looked.wait(30)
        raise StoreError("the library is locked by another program")

    monkeypatch.setattr(Library, method, failing)
    return looked


def _position(path, article_id: int) -> int:
    return _one(path, "SELECT line FROM positions WHERE article_id = ?", article_id)


async def test_a_position_saved_while_another_writer_holds_the_lock_does_not_wait_and_lands(cached_library, make_app,
                                                                                           write_threads):
    """Leaving an article the reader moved in saves its place: by the writer thread, not the UI thread."""
    path, ids = cached_library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        assert screen.article.id == ids[HARBOUR.title]
        screen.marks.settle()
        await pilot.press("j", "j", "j", "j", "j", "j")
        await pilot.pause()
        place = screen.body.place()
        assert place > 0
        with write_lock_held(path):  # another connection writing
            screen.open_article(ids[ORCHARD.title])  # leaves HARBOUR: its place is saved after this repaint
            await pilot.pause()
            await pilot.pause()
            assert screen.article.id == ids[ORCHARD.title]
            # Reopened before the write could land: the place queued this session is used.
            screen.open_article(ids[HARBOUR.title])
            await pilot.pause()
            assert screen.body.place() == place
            assert _position(path, ids[HARBOUR.title]) == 0  # still queued behind the other writer
        screen.marks.settle()
        assert _position(path, ids[HARBOUR.title]) == place
        positions = [on_ui for what, on_ui in write_threads if what == "position"]
        assert positions and not any(positions)  # written, and never by the UI thread (it would have waited)


@pytest.fixture
def settle_threads(monkeypatch) -> list[bool]:
    """Records, for every wait for the queued read marks, whether it ran on the UI thread."""
    from tui.app.parts.marks import ReadMarks

    ui = threading.current_thread()
    seen: list[bool] = []
    settle = ReadMarks.settle

    def recording_settle(self, *args, **kwargs):
        seen.append(threading.current_thread() is ui)
        return settle(self, *args, **kwargs)

    monkeypatch.setattr(ReadMarks, "settle", recording_settle)
    return seen


@pytest.mark.parametrize("wait", [None, 0.05])
async def test_the_unread_count_never_waits_for_the_write_lock_on_the_ui_thread(cached_library, make_app,
                                                                                 settle_threads, monkeypatch, wait):
    """The list reloads (articles added by another program, a view or search change) while an open's read mark
    waits for another writer's lock: the recount waited for the mark on the UI thread, up to 2 s of a frozen
    app, then counted without it. It now waits in the count's worker (again and again while the lock is held
    longer than one wait: `wait` makes one wait short), and the count with the mark in it shows once the lock
    is free."""
    from tui.app.parts import marks

    if wait is not None:
        monkeypatch.setattr(marks, "SETTLE_SECONDS", wait)
    path, ids = cached_library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        before = screen.unread.count
        with write_lock_held(path):  # another program writing (an import adding articles, say)
            screen.open_article(ids[HARBOUR.title])
            await pilot.pause()
            await pilot.pause()
            assert screen.marks.pending  # the mark waits for the lock
            listed = screen.articles.source
            screen.reload_list()  # what the library watch does when another program added articles
            await wait_until(pilot, lambda: screen.articles.source is not listed, "the list read again")
            await pilot.press("escape", "j")  # the app goes on meanwhile: back to the list, one row down
            await pilot.pause()
            assert screen.articles.has_focus and screen.articles.cursor == 1
            assert screen.unread.count == before - 1  # the open counted itself down; the recount waits
        await settle(pilot)
        assert _read(path, ids[HARBOUR.title]) == 1
        assert screen.unread.count == before - 1  # recounted once the mark was written
        assert f"{before - 1:,} unread" in str(screen.query_one("#library-status").render())
        assert settle_threads and not any(settle_threads)  # it waited for the marks, never on the UI thread
        if wait is not None:
            assert len(settle_threads) > 1  # gave up waiting while the lock was held, and waited again


async def test_back_from_story_mode_with_a_read_mark_waiting_shows_no_stories_count_as_unread(cached_library,
                                                                                             make_app):
    """Story mode's count is of stories with unread articles; back to the articles while an open's read mark waits
    for another writer's lock, that number stayed on the status line as "N unread" until the recount landed."""
    path, ids = cached_library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        before = screen.unread.count
        await pilot.press("v")
        await settle(pilot)
        assert screen.listing.stories
        with write_lock_held(path):
            screen.open_article(ids[HARBOUR.title])  # what enter on its line in the story view does
            await pilot.pause()
            await pilot.pause()
            assert screen.marks.pending
            screen.set_focus(screen.articles)
            await pilot.press("v")  # back to the articles (not `settle`: the count's worker waits for the lock)
            await wait_until(pilot, lambda: screen.articles.source.kind != "stories", "the articles list back")
            await pilot.pause()
            assert not screen.listing.stories and screen.articles.source.kind != "stories"
            assert screen.unread.count is None  # not the stories' figure
            assert "unread" not in str(screen.query_one("#library-status").render())
        await settle(pilot)
        assert screen.unread.count == before - 1
        assert f"{before - 1:,} unread" in str(screen.query_one("#library-status").render())


async def test_a_reading_position_waiting_for_the_lock_does_not_delay_the_count(cached_library, make_app):
    """Only read marks change the count: with just a reading position queued, the count is made at once."""
    path, ids = cached_library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        before = screen.unread.count
        with write_lock_held(path):
            screen.marks.save_position(ids[HARBOUR.title], 3)
            assert screen.marks.pending
            screen.count_unread()
            assert not [w for w in app.workers if w.name == "unread"]  # counted at once, on the UI thread
            assert screen.unread.count == before
        screen.marks.settle()


@pytest.fixture
def mark_threads(monkeypatch) -> list[tuple[str, bool]]:
    """Records (what, on the UI thread?) for every read/star write and every wait for the queued marks."""
    from tui.app.parts.marks import ReadMarks
    from tui.store import Library

    ui = threading.current_thread()
    seen: list[tuple[str, bool]] = []

    def recording(name, real):
        def call(*args, **kwargs):
            seen.append((name, threading.current_thread() is ui))
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(Library, "set_read", recording("read", Library.set_read))
    monkeypatch.setattr(Library, "set_starred", recording("starred", Library.set_starred))
    monkeypatch.setattr(ReadMarks, "settle", recording("settle", ReadMarks.settle))
    return seen


def _starred(path, article_id: int) -> int:
    return _one(path, "SELECT starred FROM articles WHERE id = ?", article_id)


def _row_marks(screen, article_id: int) -> str:
    """The marks the library list draws on the article's row: ● unread, ★ starred."""
    articles = screen.articles
    index = articles.source.index_of(article_id)
    text = "".join(segment.text for segment in articles.render_line(index - int(articles.scroll_y)))
    return ("●" if "●" in text else "") + ("★" if "★" in text else "")


def _status(screen) -> str:
    return str(screen.query_one("#library-status").render())


async def test_m_and_f_after_an_open_while_another_writer_holds_the_lock_do_not_wait_and_land(cached_library,
                                                                                              make_app, mark_threads):
    """`m`/`f` right after an open waited on the UI thread for the open's mark (up to 2 s) and then for the write
    lock (busy timeout plus retries, ~15 s) while another program wrote. They are queued behind the open's mark
    now: the row and the count show them at once, the library has them once the lock is free."""
    path, ids = cached_library
    harbour = ids[HARBOUR.title]
    app = make_app(path)
    async with started(app) as (pilot, screen):
        before = screen.unread.count
        assert _row_marks(screen, harbour) == "●"
        with write_lock_held(path):  # another program writing
            screen.open_article(harbour)
            await pilot.pause()
            await pilot.pause()
            assert _row_marks(screen, harbour) == "" and screen.unread.count == before - 1
            await pilot.press("m")  # the open's mark still waits: m makes it unread again
            assert _row_marks(screen, harbour) == "●"
            assert screen.unread.count == before and f"{before:,} unread" in _status(screen)
            assert not screen.article.read
            await pilot.press("f")
            assert _row_marks(screen, harbour) == "●★" and screen.article.starred
            assert (_read(path, harbour), _starred(path, harbour)) == (0, 0)  # all still queued
            assert not [on_ui for _, on_ui in mark_threads if on_ui]  # nothing waited on the UI thread
            messages = [str(n.message) for n in app._notifications]
            assert any(m.startswith("Marked unread") for m in messages)
            assert any(m.startswith("Marked starred") for m in messages)
        await settle(pilot)
        assert (_read(path, harbour), _starred(path, harbour)) == (0, 1)
        assert _row_marks(screen, harbour) == "●★"  # as the library has them, read again after the writes
        assert screen.unread.count == before
        assert [what for what, on_ui in mark_threads if not on_ui and what != "settle"] == ["read", "read", "starred"]
        assert not [what for what, on_ui in mark_threads if on_ui]


async def test_m_twice_while_the_marks_wait_flips_twice(cached_library, make_app, mark_threads):
    """The value a toggle flips is the queued one: m, m on an unread row (and m, m right after an open) while
    the first marks wait for the lock end where they started."""
    path, ids = cached_library
    orchard, harbour = ids[ORCHARD.title], ids[HARBOUR.title]
    app = make_app(path)
    async with started(app) as (pilot, screen):
        before = screen.unread.count
        with write_lock_held(path):
            screen.set_focus(screen.articles)
            screen.articles.cursor = screen.articles.source.index_of(orchard)
            await pilot.press("m")
            assert _row_marks(screen, orchard) == "" and screen.unread.count == before - 1
            await pilot.press("m")
            assert _row_marks(screen, orchard) == "●" and screen.unread.count == before
            screen.open_article(harbour)
            await pilot.pause()
            await pilot.pause()
            await pilot.press("m", "m")  # unread, then read again
            assert _row_marks(screen, harbour) == "" and screen.article.read
            assert screen.unread.count == before - 1
            assert not [on_ui for _, on_ui in mark_threads if on_ui]
        await settle(pilot)
        assert _read(path, orchard) == 0 and _read(path, harbour) == 1
        assert _row_marks(screen, orchard) == "●" and _row_marks(screen, harbour) == ""
        assert screen.unread.count == before - 1
        assert not [what for what, on_ui in mark_threads if on_ui]


async def test_a_toggle_that_cannot_be_written_says_so_once_and_the_row_shows_the_stored_mark(cached_library,
                                                                                              make_app, monkeypatch):
    """A write that finally fails (the lock never freed, a damaged library): one toast, no traceback, and the
    row and the open article show the mark the library has."""
    looked = failing_write(monkeypatch, "set_starred")
    path, ids = cached_library
    harbour = ids[HARBOUR.title]
    app = make_app(path)
    async with started(app) as (pilot, screen):
        screen.open_article(harbour)
        await settle(pilot)
        try:
            await pilot.press("f")
            assert _row_marks(screen, harbour) == "★" and screen.article.starred  # shown at once
        finally:
            looked.set()
        await settle(pilot)
        messages = [str(n.message) for n in app._notifications]
        assert [m for m in messages if m.startswith("Could not mark")] == [
            "Could not mark the article starred: the library is locked by another program"]
        # one honest toast: "Marked starred: …" is taken back by it (both showed, one over the other)
        assert not [m for m in messages if m.startswith("Marked")], messages
        assert _row_marks(screen, harbour) == "" and not screen.article.starred
        assert _starred(path, harbour) == 0 and _read(path, harbour) == 1
        assert app.is_running


async def test_m_and_f_in_the_story_view_while_another_writer_holds_the_lock(tmp_path, make_app, mark_threads):
    """The story view's m/f (screens/story.py) wrote on the UI thread too: queued now, shown at once on the line
    and in the library's list, in the library once the lock is free."""
    from story_sample import make_story_library

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    mark_threads.clear()  # the sample's own marks, written by the test
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        await settle(pilot)
        story = app.screen
        main = story.main_screen()
        text = story.query_one("#story-text")
        at = next(i for i in range(text.option_count) if (text.get_option_at_index(i).id or "").startswith("a:"))
        article_id = int(text.get_option_at_index(at).id[2:])
        text.highlighted = at
        was = (_read(path, article_id), _starred(path, article_id))
        with write_lock_held(path):
            await pilot.press("f")
            await pilot.press("m")
            await pilot.pause()
            line = str(text.get_option_at_index(at).prompt)
            assert ("★" in line) != bool(was[1]) and line.startswith(" " if not was[0] else "●")
            assert main.marks.value(article_id, "read") == (not was[0])
            assert (_read(path, article_id), _starred(path, article_id)) == was  # still queued
            assert not [what for what, on_ui in mark_threads if on_ui]
        await settle(pilot)
        assert (_read(path, article_id), _starred(path, article_id)) == (int(not was[0]), int(not was[1]))
        line = str(text.get_option_at_index(at).prompt)
        assert ("★" in line) != bool(was[1]) and line.startswith(" " if not was[0] else "●")
        assert not [what for what, on_ui in mark_threads if on_ui]
