"""While an `A`'s or a `z`'s marks are written (a worker of their own: ~2 s of CPU at 100,000 articles, 10-14 s at
load), the rows showed the old marks until the write was done: the reader pressed A and saw every ● stay. The new
marks now show at once (the list's rows, the status line, a page's lines); a write that fails puts the library's marks
back and says so."""

from __future__ import annotations

import threading

from pilot_steps import (library_status, open_first_story, settle, shown_toasts, started, status_says, toasts_stay,
                         wait_until)
from test_page_marks_shown import article_lines, stories  # noqa: F401  (the fixture: the story sample, grouped)
from test_story_list_keys import _rows, _stories_list
from test_undo_mark_all import all_read, orchard_read_app, unread_titles

import tui.store.reader as store_reader
from tui.store import Library, StoreError


def dots(screen) -> int:
    """How many rows of the library list show the unread mark ●, as drawn."""
    articles = screen.articles
    return sum("●" in articles.render_line(y).text for y in range(len(articles.source)))


def held_write(monkeypatch, name: str, fail: bool = False):
    """store_reader.NAME held (in the worker) until the test lets it go; raising StoreError when `fail`."""
    entered, release = threading.Event(), threading.Event()
    real = getattr(store_reader, name)

    def held(*args, **kwargs):
        entered.set()
        assert release.wait(30)
        if fail:
            raise StoreError("database is locked")
        return real(*args, **kwargs)

    monkeypatch.setattr(store_reader, name, held)
    return entered, release


async def z_held(pilot, monkeypatch, fail: bool = False) -> threading.Event:
    """`z` pressed, its write held in the worker (held_write): the event that lets it go."""
    entered, release = held_write(monkeypatch, "mark_read", fail)
    await pilot.press("z")
    await wait_until(pilot, entered.is_set, "z's write never started")
    await pilot.pause()
    return release


async def test_A_shows_the_rows_read_at_once_while_its_marks_are_written(library, make_app, monkeypatch):
    entered, release = held_write(monkeypatch, "mark_all_read_saving")
    path, _ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "4 unread")
        assert dots(screen) == 4
        await pilot.press("A")
        await wait_until(pilot, entered.is_set, "A's write never started")
        await pilot.pause()
        assert len(unread_titles(path)) == 4  # not written yet
        assert dots(screen) == 0  # ... and shown read
        await status_says(pilot, screen, "0 unread")
        release.set()
        await settle(pilot)
        assert unread_titles(path) == set() and dots(screen) == 0
        await status_says(pilot, screen, "0 unread")


async def test_z_shows_the_rows_unread_again_at_once(library, make_app, monkeypatch):
    path, _ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await all_read(pilot, screen)
        assert dots(screen) == 0
        release = await z_held(pilot, monkeypatch)
        assert unread_titles(path) == set()
        assert dots(screen) == 4
        release.set()
        await settle(pilot)
        assert len(unread_titles(path)) == 4 and dots(screen) == 4
        await status_says(pilot, screen, "4 unread")


async def test_a_failed_write_puts_the_marks_back_and_says_so(library, make_app, monkeypatch):
    entered, release = held_write(monkeypatch, "mark_all_read_saving", fail=True)
    path, _ids = library
    app = make_app(path)
    toasts_stay(app, monkeypatch)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "4 unread")
        await pilot.press("A")
        await wait_until(pilot, entered.is_set, "A's write never started")
        await pilot.pause()
        assert dots(screen) == 0
        release.set()
        await settle(pilot)
        assert len(unread_titles(path)) == 4
        assert dots(screen) == 4
        await status_says(pilot, screen, "4 unread")
        said = shown_toasts(app)[-1]
        assert "database is locked" in said and "as they were" in said, said
        await pilot.press("z")  # the A was not done: nothing to undo
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Nothing to undo."


async def test_A_on_the_story_view_shows_its_lines_read_at_once(stories, make_app, monkeypatch):  # noqa: F811
    entered, release = held_write(monkeypatch, "mark_all_read_saving")
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        view = app.screen
        lines = view.query_one("#story-text")
        assert sum(x.startswith("●") for x in article_lines(lines).values()) == 3
        await pilot.press("A")
        await wait_until(pilot, entered.is_set, "A's write never started")
        await pilot.pause()
        assert not any(x.startswith("●") for x in article_lines(view.query_one("#story-text")).values())
        release.set()
        await settle(pilot)
        assert not any(x.startswith("●") for x in article_lines(view.query_one("#story-text")).values())


async def test_m_while_A_s_marks_are_written_says_so_and_changes_nothing(library, make_app, monkeypatch):
    """m given while A's write was under way was written by the marks' thread before (or after) it: before, the A's
    write then marked that article read again, after the row had shown it unread. m now says the marks are still
    being written, as a second A or z does."""
    entered, release = held_write(monkeypatch, "mark_all_read_saving")
    path, _ids = library
    app = make_app(path)
    toasts_stay(app, monkeypatch)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "4 unread")
        screen.articles.focus()
        screen.articles.cursor = 0
        await pilot.press("A")
        await wait_until(pilot, entered.is_set, "A's write never started")
        await pilot.press("m")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Still marking 4 articles read…"
        assert dots(screen) == 0
        release.set()
        await settle(pilot)
        assert unread_titles(path) == set() and dots(screen) == 0


def story_figures(main) -> list[int]:
    """Each story row's unread figure as drawn ("●3" before the title; none: 0)."""
    articles, figures = main.articles, []
    for y in range(len(articles.source)):
        head = articles.render_line(y).text[:5].strip()
        figures.append(int(head[1:]) if head.startswith("●") else 0)
    return figures


async def A_in_the_stories_list(pilot, main, path) -> list[int]:
    """The stories list with two stories unread (one of them in part), then A (and y): their figures before it."""
    await _stories_list(pilot, main, path, (0, 2))
    with Library(path) as lib:
        lib.db.execute("UPDATE articles SET read = 1 WHERE id = (SELECT min(article_id) FROM story_articles"
                       " WHERE story_id = ?)", (_rows(main)[0].id,))
    main.reload_list()
    await settle(pilot)
    figures = story_figures(main)
    assert figures[0] and figures[2] and not figures[1] and not figures[3], figures
    await status_says(pilot, main, "2 with unread")
    await pilot.press("A")
    await settle(pilot)
    await pilot.press("y")
    await settle(pilot)
    assert not any(story_figures(main))
    await status_says(pilot, main, "0 with unread")
    return figures


async def test_z_in_the_stories_list_shows_the_stories_figures_and_count_at_once(stories, make_app,  # noqa: F811
                                                                                   monkeypatch):
    """z after A in the stories list: the stories' unread figures and the status line's "N with unread" waited for the
    write (the hold covered articles, and a story row's figure is the stored one); they show at once now."""
    app = make_app(stories)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        figures = await A_in_the_stories_list(pilot, main, stories)
        release = await z_held(pilot, monkeypatch)
        assert unread_titles(stories) == set()  # not written yet
        assert story_figures(main) == figures  # ... and shown
        assert "2 with unread" in library_status(main), library_status(main)
        main.articles.focus()
        await pilot.press("j")  # a row drawn again meanwhile keeps the figure
        await pilot.pause()
        assert story_figures(main) == figures
        release.set()
        await settle(pilot)
        assert unread_titles(stories) and story_figures(main) == figures
        await status_says(pilot, main, "2 with unread")


async def test_a_failed_z_in_the_stories_list_puts_the_figures_back(stories, make_app, monkeypatch):  # noqa: F811
    app = make_app(stories)
    toasts_stay(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        figures = await A_in_the_stories_list(pilot, main, stories)
        release = await z_held(pilot, monkeypatch, fail=True)
        assert story_figures(main) == figures
        release.set()
        await settle(pilot)
        assert unread_titles(stories) == set()
        assert not any(story_figures(main))
        await status_says(pilot, main, "0 with unread")
        said = shown_toasts(app)[-1]
        assert "database is locked" in said and "as they were" in said, said


async def test_z_in_the_library_shows_the_unread_count_at_once(library, make_app, monkeypatch):
    """z after A in the library: the rows showed their ● at once, the status line said "0 unread" until the write
    was done."""
    path, app = orchard_read_app(library, make_app)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "3 unread")
        await pilot.press("A")
        await settle(pilot)
        await status_says(pilot, screen, "0 unread")
        release = await z_held(pilot, monkeypatch)
        assert unread_titles(path) == set()
        assert dots(screen) == 3
        assert "3 unread" in library_status(screen), library_status(screen)
        release.set()
        await settle(pilot)
        assert len(unread_titles(path)) == 3
        await status_says(pilot, screen, "3 unread")
