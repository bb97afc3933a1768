"""While an `A`'s or a `z`'s marks are written (a worker of their own, seconds at 100,000 articles), the rows show the
new marks at once and so did the status line's count, until the list was read again meanwhile (a refresh landing, a
search): the recount then showed the library's stored count, the old one, until the write was done. And an `A` of a
filtered view, then `v`: the stories list showed the stories' stored figures (●3 on a story just marked read)."""

from __future__ import annotations

from pilot_steps import library_status, settle, started, status_says, wait_until
from test_marks_shown_while_written import dots, held_write, story_figures, z_held
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)
from test_undo_mark_all import orchard_read_app, unread_titles

from tui.store import Library


def only_the_write_runs(app) -> bool:
    """Every worker is done but the marks' own write (held by the test)."""
    return all(w.name == "write_marks" or w.is_finished for w in app.workers)


async def read_again(pilot, main) -> None:
    """The list read again, as a refresh that lands or an article added does, and its count made."""
    main.reload_list()
    await pilot.pause()
    await wait_until(pilot, lambda: not main.listing.loading and only_the_write_runs(pilot.app),
                     "the list read again and counted")
    await pilot.pause()


async def test_the_count_during_z_stays_when_the_list_is_read_again(library, make_app, monkeypatch):
    path, app = orchard_read_app(library, make_app)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "3 unread")
        await pilot.press("A")
        await settle(pilot)
        release = await z_held(pilot, monkeypatch)
        assert "3 unread" in library_status(screen), library_status(screen)
        await read_again(pilot, screen)
        assert unread_titles(path) == set()  # not written yet
        assert dots(screen) == 3
        assert "3 unread" in library_status(screen), library_status(screen)
        await pilot.press("/", *"harbour", "enter")  # another view read meanwhile: its count with the marks held
        await wait_until(pilot, lambda: len(screen.articles.source) == 1 and only_the_write_runs(app),
                         "the search's list")
        await pilot.pause()
        assert screen.unread.text == "1 unread", library_status(screen)  # (the status line is cut at this width)
        release.set()
        await settle(pilot)
        assert screen.unread.text == "1 unread"
        assert len(unread_titles(path)) == 3


async def test_the_count_during_A_stays_when_the_list_is_read_again(library, make_app, monkeypatch):
    entered, release = held_write(monkeypatch, "mark_all_read_saving")
    path, _ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "4 unread")
        await pilot.press("A")
        await wait_until(pilot, entered.is_set, "A's write never started")
        await pilot.pause()
        await read_again(pilot, screen)
        assert len(unread_titles(path)) == 4  # not written yet
        assert dots(screen) == 0
        assert "0 unread" in library_status(screen), library_status(screen)
        release.set()
        await settle(pilot)
        await status_says(pilot, screen, "0 unread")


async def test_A_of_a_filtered_view_then_v_shows_the_stories_figures_at_once(stories, make_app,  # noqa: F811
                                                                             monkeypatch):
    with Library(stories) as lib:
        lib.db.execute("UPDATE articles SET read = 0")
    app = make_app(stories)
    async with started(app, (80, 24)) as (pilot, main):
        await pilot.press("v")
        await settle(pilot)
        before = story_figures(main)
        assert sorted(before) == [1, 1, 1, 3], before
        await status_says(pilot, main, "4 with unread")
        await pilot.press("v", "/", *"storm wall", "enter")
        await settle(pilot)
        assert len(main.articles.source) == 3  # the three reports of the storm-wall vote
        entered, release = held_write(monkeypatch, "mark_all_read_saving")
        main.articles.focus()
        await pilot.press("A")
        await wait_until(pilot, entered.is_set, "A's write never started")
        await pilot.pause()
        await pilot.press("v")
        await wait_until(pilot, lambda: main.articles.source.kind == "stories" and only_the_write_runs(app),
                         "the stories list")
        await pilot.pause()
        assert sorted(story_figures(main)) == [0, 1, 1, 1], story_figures(main)
        assert "3 with unread" in library_status(main), library_status(main)
        release.set()
        await settle(pilot)
        assert sorted(story_figures(main)) == [0, 1, 1, 1], story_figures(main)
        await status_says(pilot, main, "3 with unread")
