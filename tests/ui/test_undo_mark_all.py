"""z undoes the last `A` (mark all read) for the 8 s it undoes a delete, whichever of the two came last: the articles
that were unread before it are unread again (only those), in the library, its list and status line, and the stories'
unread figures. A mark given after the `A` stays as given."""

from __future__ import annotations

import time

from pilot_steps import open_first, settle, shown_toasts, started, status_says, toasts_of, wait_until
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)
from test_story_list_keys import _rows, _stories_list
from ui_sample import HARBOUR, HOSTILE, ORCHARD, ROBOTS

import tui.app.parts.reader as reader_part
from tui.app.dialogs import ConfirmDialog
from tui.store import Library


def unread_titles(path) -> set[str]:
    with Library(path) as lib:
        return {title for (title,) in lib.db.execute("SELECT title FROM articles WHERE read = 0")}


async def all_read(pilot, screen) -> None:
    """The sample library's four unread articles, as the status line says, marked read by `A`."""
    await status_says(pilot, screen, "4 unread")
    await pilot.press("A")
    await settle(pilot)


def orchard_read_app(library, make_app):
    """The sample library with its orchard article read before the `A` (a `z` must leave it read), and an app on it:
    (its path, the app)."""
    path, ids = library
    with Library(path) as lib:
        lib.set_read(ids[ORCHARD.title], True)
    return path, make_app(path)


async def test_z_after_A_marks_unread_again_only_the_articles_that_were_unread(library, make_app):
    path, app = orchard_read_app(library, make_app)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "4 articles · 3 unread")
        await pilot.press("A")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert shown_toasts(app)[-1] == "Marked 3 articles read — z undoes."
        assert unread_titles(path) == set()
        await status_says(pilot, screen, "0 unread")
        await pilot.press("z")
        await settle(pilot)
        assert unread_titles(path) == {HARBOUR.title, HOSTILE.title, ROBOTS.title}
        await status_says(pilot, screen, "3 unread")
        assert shown_toasts(app)[-1] == "Mark all read undone: 3 articles unread again."
        assert not any(t.startswith("Marked 3 articles read") for t in shown_toasts(app))  # replaced by z's toast
        rows = {screen.articles.source.row(i).title: not screen.articles.source.row(i).read for i in range(4)}
        assert rows == {HARBOUR.title: True, HOSTILE.title: True, ROBOTS.title: True, ORCHARD.title: False}
        await pilot.press("z")  # once only
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Nothing to undo."
        assert unread_titles(path) == {HARBOUR.title, HOSTILE.title, ROBOTS.title}


async def test_a_mark_given_after_A_is_not_undone_by_z(library, make_app):
    path, app = orchard_read_app(library, make_app)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "3 unread")
        await pilot.press("A")
        await settle(pilot)
        await open_first(pilot)  # opening it marks it read: given after the A, it stays read
        await settle(pilot)
        assert screen.article.title == HARBOUR.title
        screen.articles.focus()
        screen.articles.cursor = [screen.articles.source.row(i).title for i in range(4)].index(ORCHARD.title)
        await pilot.press("m")  # read before the A, marked unread after it: stays unread
        await settle(pilot)
        assert unread_titles(path) == {ORCHARD.title}
        await pilot.press("z")
        await settle(pilot)
        assert unread_titles(path) == {ORCHARD.title, HOSTILE.title, ROBOTS.title}
        assert shown_toasts(app)[-1] == "Mark all read undone: 2 articles unread again."
        await status_says(pilot, screen, "3 unread")


async def test_z_after_the_window_has_nothing_to_undo(library, make_app, monkeypatch):
    path, _ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await all_read(pilot, screen)
        assert unread_titles(path) == set()

        class Later:  # the clock of parts/reader.py, UNDO_SECONDS and a second on
            @staticmethod
            def monotonic() -> float:
                return time.monotonic() + reader_part.UNDO_SECONDS + 1

        monkeypatch.setattr(reader_part, "time", Later)
        await pilot.press("z")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Nothing to undo."
        assert unread_titles(path) == set()


async def test_z_undoes_whichever_of_a_delete_and_an_A_came_last(library, make_app):
    path, ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "4 unread")
        await pilot.press("d", "y")  # a delete, then an A: z undoes the A, and the delete stays
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert len(unread_titles(path)) == 3 and len(screen.articles.source) == 3
        await pilot.press("z")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Nothing to undo."
        await pilot.press("A")  # an A, then a delete: z puts the article back, and the rest stay read
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert len(screen.articles.source) == 3 and unread_titles(path) == set()
        assert shown_toasts(app)[-1].startswith("Restored: ")


async def test_z_after_A_in_the_stories_list_gives_the_stories_their_unread_articles_back(stories, make_app,  # noqa: F811
                                                                                          monkeypatch):
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        await _stories_list(pilot, main, stories, (0, 2))
        with Library(stories) as lib:
            lib.db.execute("UPDATE articles SET read = 1 WHERE id = (SELECT min(article_id) FROM story_articles"
                           " WHERE story_id = ?)", (_rows(main)[0].id,))  # one read article in an unread story
            before = {a for (a,) in lib.db.execute("SELECT id FROM articles WHERE read = 0")}
        main.reload_list()
        await settle(pilot)
        figures = [r.unread for r in _rows(main)]
        assert figures[0] and figures[2] and not figures[1] and not figures[3]
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert not any(r.unread for r in _rows(main))
        assert any(s.endswith("read — z undoes.") for s in said), said
        await pilot.press("z")
        await settle(pilot)
        with Library(stories) as lib:
            assert {a for (a,) in lib.db.execute("SELECT id FROM articles WHERE read = 0")} == before
        assert [r.unread for r in _rows(main)] == figures


async def test_an_article_read_after_A_stays_read_with_its_copy_from_another_outlet(tmp_path, make_app):
    """The library keeps the marks of one text's records together: z marking the copy unread took the article read
    since the A with it."""
    from story_sample import WIRE, make_twins_library

    path = tmp_path / "library.db"
    ids, copy = make_twins_library(path)
    wire = ids[WIRE.title]
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await pilot.press("A")
        await settle(pilot)
        if isinstance(app.screen, ConfirmDialog):
            await pilot.press("y")
            await settle(pilot)
        with Library(path) as lib:
            assert not lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]
        screen.articles.focus()
        screen.articles.cursor = [screen.articles.source.row(i).id for i in range(len(screen.articles.source))
                                  ].index(wire)
        await pilot.press("enter")  # read since the A
        await settle(pilot)
        assert screen.article.id == wire
        await pilot.press("z")
        await settle(pilot)
        with Library(path) as lib:
            unread = {a for (a,) in lib.db.execute("SELECT id FROM articles WHERE read = 0")}
        assert wire not in unread and copy not in unread
        assert unread == set(ids.values()) - {wire}


async def test_z_writes_its_marks_off_the_ui_thread_and_keys_work_meanwhile(library, make_app, monkeypatch):
    """z after an A of a big library held the screen while it wrote (~2 s of CPU at 100,000 articles, 10-14 s at load
    15): the marks are now written by a worker on its own connection. Here the write is held until the test has pressed
    keys: `j` moves the cursor, a second z says the undo is under way (it is not a second undo); then the marks, the
    status line and z's toast follow."""
    import threading

    import tui.app.screens.main as main_screen
    import tui.store.reader as store_reader

    entered, release, writers = threading.Event(), threading.Event(), []
    mark_read = store_reader.mark_read

    def held(lib, ids, read=True):
        if read is False:
            writers.append(threading.get_ident())
            entered.set()
            assert release.wait(30)
        return mark_read(lib, ids, read)

    monkeypatch.setattr(store_reader, "mark_read", held)
    monkeypatch.setattr(main_screen, "UNDO_SAY_ABOVE", 2)  # the under-way toast (2,000 articles and more)
    path, _ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await all_read(pilot, screen)
        assert unread_titles(path) == set()
        screen.articles.focus()
        screen.articles.cursor = 0
        await pilot.press("z")
        await wait_until(pilot, entered.is_set, "z's write never started")
        assert shown_toasts(app)[-1] == "Marking 4 articles unread again…"
        await pilot.press("j")  # the UI thread is free while the marks are written
        await wait_until(pilot, lambda: screen.articles.cursor == 1, "j did not move the cursor")
        await pilot.press("z")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Still marking 4 articles unread again…"
        assert unread_titles(path) == set()
        release.set()
        await settle(pilot)
        assert writers and writers[0] != threading.get_ident()  # (the test runs on the app's UI thread)
        assert len(unread_titles(path)) == 4
        await status_says(pilot, screen, "4 unread")
        assert shown_toasts(app)[-1] == "Mark all read undone: 4 articles unread again."
        assert not any(t.startswith(("Marking ", "Still marking ")) for t in shown_toasts(app))  # replaced
        await pilot.press("z")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Nothing to undo."


async def test_A_writes_its_marks_off_the_ui_thread_too(library, make_app, monkeypatch):
    """A of a big library held the screen as z did (the same ~2 s of CPU at 100,000 articles): its marks are written by
    a worker too. While they are: `j` moves, another A and a z say the marks are still being written (a z then would
    have undone the A before this one); then the rows, the status line and A's toast, and z undoes it."""
    import threading

    import tui.app.screens.main as main_screen
    import tui.store.reader as store_reader

    entered, release = threading.Event(), threading.Event()
    saving = store_reader.mark_all_read_saving

    def held(lib, ids=None):
        entered.set()
        assert release.wait(30)
        return saving(lib, ids)

    monkeypatch.setattr(store_reader, "mark_all_read_saving", held)
    monkeypatch.setattr(main_screen, "UNDO_SAY_ABOVE", 2)
    path, _ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "4 unread")
        screen.articles.focus()
        screen.articles.cursor = 0
        await pilot.press("A")
        await wait_until(pilot, entered.is_set, "A's write never started")
        assert shown_toasts(app)[-1] == "Marking 4 articles read…"
        await pilot.press("j")
        await wait_until(pilot, lambda: screen.articles.cursor == 1, "j did not move the cursor")
        for key in ("A", "z"):
            await pilot.press(key)
            await pilot.pause()
            assert shown_toasts(app)[-1] == "Still marking 4 articles read…", key
        assert len(unread_titles(path)) == 4
        release.set()
        await settle(pilot)
        assert unread_titles(path) == set()
        await status_says(pilot, screen, "0 unread")
        assert shown_toasts(app)[-1] == "Marked 4 articles read — z undoes."
        assert not any(t.startswith(("Marking ", "Still marking ")) for t in shown_toasts(app))  # replaced
        await pilot.press("z")
        await settle(pilot)
        assert len(unread_titles(path)) == 4
        assert shown_toasts(app)[-1] == "Mark all read undone: 4 articles unread again."
