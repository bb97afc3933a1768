"""The same article twice (issue 13) in the library list: one row with both outlets, driven with Pilot."""

from __future__ import annotations

import pytest

from pilot_steps import settle, started, wait_until
from story_sample import WIRE, make_twins_library

from tui.app.dialogs import ConfirmDialog
from tui.app.widgets.article_body import header_lines
from tui.store import Library
from tui.stories import story_of
from tui.store.stories import story_row


@pytest.fixture
def twins(tmp_path):
    """The story sample plus the WIRE report printed again by a second outlet (story_sample.COPY)."""
    path = tmp_path / "library.db"
    return (path, *make_twins_library(path, cached=True))


@pytest.fixture
def unread_twins(twins):
    """`twins` with the WIRE report and its copy unread."""
    path, ids, copy = twins
    with Library(path) as lib:
        lib.set_read(ids[WIRE.title], False)
        lib.set_read(copy, False)
    return twins


def row_of(source, article_id: int) -> int:
    """The index of an article's row in a list's rows."""
    return next(i for i in range(len(source)) if source.row(i).id == article_id)


def status(screen) -> str:
    return str(screen.query_one("#library-status").render())


async def test_two_outlets_of_one_text_are_one_row_with_both_and_marks_and_delete_follow(twins, make_app):
    path, ids, copy = twins
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, main):
        source = main.articles.source
        shown = [source.row(i) for i in range(len(source))]
        assert copy not in [r.id for r in shown] and len(shown) == len(ids)  # every other article still shows
        at = next(i for i, r in enumerate(shown) if r.id == ids[WIRE.title])
        assert shown[at].outlets == ("Shoreline Wire", "Harbour Radio") and shown[at].twins == (copy,)
        line = main.articles.render_line(at).text
        # the count always shows, the name cut before it (the column is as wide as the pane lets it: 13 cells)
        assert "Shoreline… +1 2026-01-14" in line and "Harbour" not in line, line
        assert f"{len(ids)} articles" in status(main)
        unread = main.unread.count
        await pilot.press("g", *["j"] * at)
        await pilot.press("m")  # read: the row and its twin
        await settle(pilot)
        with Library(path) as lib:
            assert lib.get(ids[WIRE.title]).read and lib.get(copy).read
        assert main.unread.count == unread - 1  # one row, one unread less
        await pilot.press("enter")
        await settle(pilot)
        assert ("Same text also in: Harbour Radio", "meta") in header_lines(main.article)
        await pilot.press("escape")
        await settle(pilot)
        main.articles.focus()
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and "Harbour Radio" in app.screen.detail
        assert "stays and is shown instead" in app.screen.detail
        await pilot.press("y")
        await settle(pilot)
        source = main.articles.source
        shown = [source.row(i) for i in range(len(source))]
        assert len(shown) == len(ids) and ids[WIRE.title] not in [r.id for r in shown]
        assert [r.shown_source for r in shown if r.id == copy] == ["Harbour Radio"]
    with Library(path) as lib:
        assert lib.get(ids[WIRE.title]) is None and lib.get(copy) is not None


async def test_a_copy_opened_from_the_story_view_shows_read_and_starred_in_both_lists(unread_twins, make_app):
    """The Harbour Radio record is a copy (not a row of its own): opening it from the story view marks it
    read, `f` stars it, and the library's row of that text and the story's row show both at once."""
    path, ids, copy = unread_twins
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, main):
        source = main.articles.source
        at = row_of(source, ids[WIRE.title])
        assert not source.row(at).read
        unread = main.unread.count
        await pilot.press("v")
        await settle(pilot)
        stories = main.articles.source
        with Library(path) as lib:
            sid = story_of(lib, ids[WIRE.title])
        s_at = next(i for i in range(len(stories)) if stories.row(i).id == sid)
        story_unread = stories.row(s_at).unread
        main.open_article(copy)  # what enter on the copy's line in the story view does (PageScreen.open_article)
        await settle(pilot)
        assert main.article.id == copy
        with Library(path) as lib:
            now = story_row(lib, sid).unread
        assert now < story_unread and main.articles.source.row(s_at).unread == now  # opening it read it
        await pilot.press("f")
        await settle(pilot)
        with Library(path) as lib:
            assert lib.get(ids[WIRE.title]).read and lib.get(ids[WIRE.title]).starred
        with Library(path) as lib:
            now = story_row(lib, sid).unread
        assert now < story_unread and main.articles.source.row(s_at).unread == now  # the story's row, at once
        await pilot.press("v")
        await settle(pilot)
        source = main.articles.source
        row = source.row(at)
        assert row.id == ids[WIRE.title] and row.read and row.starred
        assert main.unread.count == unread - 1


async def test_opening_a_copy_shows_its_row_read_in_the_article_list(unread_twins, make_app):
    path, ids, copy = unread_twins
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, main):
        source = main.articles.source
        at = row_of(source, ids[WIRE.title])
        unread = main.unread.count
        main.open_article(copy)  # from the story view, a person's page or the briefing: the copy's own record
        await settle(pilot)
        assert main.articles.source.row(at).read  # its row is the copy's text: read too
        assert "●" not in main.articles.render_line(at).text
        assert main.unread.count == unread - 1


async def test_a_copy_opened_from_the_story_view_underlines_its_text_s_row_as_the_open_one(twins, make_app):
    """The open article's row is underlined; a copy (opened from the story view, a person's page or the briefing)
    has no row of its own, so the row that stands for its text is the open one, and it stops being so when
    another article opens."""
    path, ids, copy = twins
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, main):
        source = main.articles.source
        at = row_of(source, ids[WIRE.title])
        assert copy in source.row(at).twins

        def underlined(index: int) -> bool:
            title = source.row(index).title[:12]
            return any(seg.style is not None and seg.style.underline
                       for seg in main.articles.render_line(index - int(main.articles.scroll_y))
                       if title in seg.text)

        assert not underlined(at)
        main.open_article(copy)  # what enter on a line of the copy in the story view does (PageScreen.open_article)
        await settle(pilot)
        assert underlined(at)
        other = next(i for i in range(len(source)) if i != at)
        main.open_article(source.row(other).id)
        await settle(pilot)
        assert underlined(other) and not underlined(at)


async def test_a_story_s_unread_figure_counts_rows_as_the_library_does_not_records(twins, make_app):
    """The harbour story holds three texts and a fourth record that is the same text as one of them from
    another outlet: the library shows three rows, so the story's unread figure is 3, not 4 (in the stories list,
    read from the stored figures, and in a story read with its members); reading the copy's row takes one off."""
    path, ids, copy = twins
    from tui.store.stories import story_rows

    with Library(path) as lib:
        sid = story_of(lib, copy)
        assert story_row(lib, sid).size == 4  # four records
        assert story_row(lib, sid).unread == 3
        assert next(r for r in story_rows(lib, members=False) if r.id == sid).unread == 3
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, main):
        unread_rows = main.unread.count
        await pilot.press("v")
        await settle(pilot)
        stories = main.articles.source
        at = next(i for i in range(len(stories)) if stories.row(i).id == sid)
        assert stories.row(at).unread == 3
        assert sum(stories.row(i).unread for i in range(len(stories))) == unread_rows  # as the library counts
        main.open_article(copy)  # from the story view: its row (and the copy) read
        # the read mark is written, then the list's page read again (ReadMarks.pending)
        await wait_until(pilot, lambda: main.articles.source.row(at).unread == 2, lambda: main.articles.source.row(at))


async def test_undoing_the_delete_of_a_shown_copy_makes_it_one_row_with_its_twin_again(twins, make_app):
    """`d` on the row of a text two outlets printed, then `z`: the article came back with its old place in its story
    (saved with it), where the story's rows had moved on without it, so the list showed the same text twice, as two
    rows, for good; then it was grouped again as a new article is, and came back as its own copy's twin (the other
    outlet's row where the reader's had been). Now it comes back as it was: its own row, its copy its twin again, in the
    same story, with its reading position back."""
    from tui.store import reader

    path, ids, copy = twins
    with Library(path) as lib:
        story = story_of(lib, ids[WIRE.title])
        reader.save_position(lib, ids[WIRE.title], 7)
    app = make_app(path)
    async with started(app, (200, 50)) as (pilot, main):
        at = row_of(main.articles.source, ids[WIRE.title])
        await pilot.press("g", *["j"] * at, "d", "y")
        await settle(pilot)
        await pilot.press("z")
        for _ in range(40):
            await settle(pilot)
            source = main.articles.source
            shown = {source.row(i).id for i in range(len(source))}
            if len(shown) == len(ids):
                break
        assert len(shown) == len(ids) and ids[WIRE.title] in shown and copy not in shown, shown  # the reader's row back
        assert main.articles.source.row(row_of(main.articles.source, ids[WIRE.title])).twins == (copy,)
    with Library(path) as lib:
        assert story_of(lib, ids[WIRE.title]) == story == story_of(lib, copy)
        assert reader.saved_position(lib, ids[WIRE.title]) == 7
