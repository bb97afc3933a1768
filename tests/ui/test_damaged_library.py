"""The app checks the library for damage after its first paint (issue 14) and then writes nothing, as the CLI.

The library has a zeroed interior page of the articles table holding its oldest rows: the newest rows,
which the first screen shows, read fine, so the app starts; `PRAGMA quick_check` finds the damage.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from pilot_steps import settle

from tui.app.parts.health import check_library
from tui.models import Article
from tui.store import Library

SENTENCE = "The harbour council met on {day} to weigh plan {n}, and the vote on its budget was close. "


def _library(path: Path, n: int = 300) -> None:
    articles = [Article(title=f"Harbour plan {i} goes to a vote", source="Coast Daily",
                        published=f"2026-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}",
                        body="".join(SENTENCE.format(day=day, n=i) for day in ("Monday", "Tuesday") * 7))
                for i in range(n)]
    with Library(path) as lib:
        lib.add_many(articles)


def _zero_oldest_page(path: Path) -> None:
    """Zero the articles table's first leaf page (its lowest ids, the oldest articles: the end of the list)."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    leaves = [p for (p,) in con.execute(
        "SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf' ORDER BY path")]
    con.close()
    assert len(leaves) > 20, "the library should span many pages"
    with open(path, "r+b") as f:
        f.seek((leaves[0] - 1) * page_size)
        f.write(bytes(page_size))


def _marks(path: Path, article_id: int) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT read, starred FROM articles WHERE id = ?", (article_id,)).fetchone()
    finally:
        con.close()


async def _wait_checked(pilot, screen, seconds: float = 10.0) -> None:
    start = time.monotonic()
    while not screen.health.checked.is_set():
        assert time.monotonic() - start < seconds, "the damage check did not run"
        await pilot.pause(0.05)
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
