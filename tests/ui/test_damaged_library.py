"""The app checks the library for damage after its first paint (issue 14) and then writes nothing, as the CLI.

The library has a zeroed interior page of the articles table holding its oldest rows: the newest rows,
which the first screen shows, read fine, so the app starts; `PRAGMA quick_check` finds the damage.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from pilot_steps import settle, wait_until

from damaged_pages import harbour_library as _library, zero_oldest_page as _zero_oldest_page

from tui.app.parts.health import check_library


def _marks(path: Path, article_id: int) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT read, starred FROM articles WHERE id = ?", (article_id,)).fetchone()
    finally:
        con.close()


async def _wait_checked(pilot, screen) -> None:
    await wait_until(pilot, screen.health.checked.is_set, "the damage check did not run")
    await settle(pilot)


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def test_check_library_finds_a_zeroed_page_and_passes_a_healthy_one(tmp_path):
    good, bad = tmp_path / "good.db", tmp_path / "bad.db"
    _library(good)
    _library(bad)
    _zero_oldest_page(bad)
    assert check_library(good) == ""
    problem = check_library(bad)
    assert problem and "ok" != problem


async def test_a_damaged_library_is_reported_after_the_first_paint_and_never_written(tmp_path, make_app):
    path = tmp_path / "damaged.db"
    _library(path)
    _zero_oldest_page(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen = app.screen
        # The first screen is drawn before the check has run (it waits for a timer, in a thread).
        assert not screen.health.checked.is_set() and screen.damaged == ""
        assert screen.articles.current is not None
        await _wait_checked(pilot, screen)
        assert screen.damaged
        warning = [n for n in app._notifications if "damaged" in str(n.message)]
        assert warning and warning[0].severity == "error"
        assert "doctor" in str(warning[0].message) and "nothing will be written" in str(warning[0].message)
        assert screen.lib.damaged  # the app's own connection refuses writes too

        row = screen.articles.current
        before = _marks(path, row.id)
        await pilot.press("m", "f")  # read mark and star: refused with a reason
        await settle(pilot)
        assert sum("Not marked" in m for m in _messages(app)) == 2
        assert _marks(path, row.id) == before

        await pilot.press("d")  # delete: refused before the confirmation is even asked
        await settle(pilot)
        assert app.screen is screen and "Not deleted" in _messages(app)[-1]
        await pilot.press("a")  # add: refused too
        await settle(pilot)
        assert app.screen is screen and "Not added" in _messages(app)[-1]

        await pilot.press("enter")  # reading still works; opening marks nothing read
        await settle(pilot)
        assert screen.article is not None and screen.article.id == row.id
        assert screen.analysis is not None  # analysed for the screen, not cached in the library
        assert _marks(path, row.id) == before
    con = sqlite3.connect(path)
    assert con.execute("SELECT count(*) FROM analysis WHERE article_id = ?", (row.id,)).fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM articles WHERE id = ?", (row.id,)).fetchone()[0] == 1
    con.close()


async def test_a_healthy_library_passes_the_check_and_is_written(tmp_path, make_app):
    path = tmp_path / "good.db"
    _library(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48), notifications=True) as pilot:
        screen = app.screen
        await _wait_checked(pilot, screen)
        assert screen.damaged == "" and not screen.lib.damaged
        assert not any("damaged" in m for m in _messages(app))
        row = screen.articles.current
        await pilot.press("f")
        await settle(pilot)
        assert _marks(path, row.id)[1] == 1


async def test_the_list_shows_the_readable_rows_of_a_page_that_meets_the_damage(tmp_path, make_app):
    """The page of a hundred rows that held the two unreadable ones was left empty: a hundred blank rows at the end of
    the list. It now shows the 98 that can be read (the status line says some cannot), as `newsreader list` does."""
    path = tmp_path / "damaged.db"
    _library(path)
    _zero_oldest_page(path)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        source = app.screen.articles.source
        assert len(source) == 300
        await pilot.press("G")
        await settle(pilot)
        titles = [row.title for row in (source.row(i) for i in range(200, 300)) if row is not None]
        assert len(titles) == 98 and titles[0] == "Harbour plan 99 goes to a vote", titles[:3]
        assert titles[-1] == "Harbour plan 2 goes to a vote"  # ids 1 and 2 (plans 0 and 1) were on the page
        assert "cannot be read" in source.error


async def test_the_entity_page_shows_what_is_readable_of_damaged_mentions(tmp_path, make_app):
    """The entity page said "This page cannot be built: database disk image is malformed" when a page of the mentions
    was damaged. It shows the articles, company and quotes that can be read and says how many articles it skipped."""
    from damaged_pages import people_library, zero_middle_page

    from tui.app.screens.person import PersonScreen

    path = tmp_path / "damaged.db"
    people_library(path)
    zero_middle_page(path, "mentions")
    app = make_app(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        page = PersonScreen(path, "Maria Silva")
        await app.push_screen(page)
        await wait_until(pilot, lambda: page.person is not None, lambda: str(page.query_one("#person-head").render()),
                         seconds=20)
        await settle(pilot)
        head = str(page.query_one("#person-head").render()).splitlines()
        shown, skipped = len(page.person.articles), len(page.person.skipped)
        assert 100 < shown < 150 and shown + skipped == 150, (shown, skipped)
        assert head[0] == "Maria Silva" and head[1].startswith(f"{shown} articles · 1 quote"), head
        assert head[2] == f"skipped {skipped} articles on damaged pages (`newsreader doctor` says how to recover)", head
        side = page.query_one("#person-quotes")
        company = [side.get_option_at_index(i).prompt.plain for i in range(side.option_count)]
        assert any(x.strip().startswith("Porto") for x in company), company[:8]
