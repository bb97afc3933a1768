"""The stories' figures tables (story_stats, story_sources) dropped by another program, before newsreader opens the
library or while the app runs: the next open makes them again, counted from the stories (the library was refused as
damaged, `stories --rebuild` too, and every write that touched a story failed); the briefing of an app that reads
them gone says so in one line and counts its stories from their articles (it said "10 unread stories" of 12 and
nothing of the damage)."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from hostile_helpers import make_app, run_cli, run_sql, workers_done

HARBOUR = "Skerrow ferry vote {n}\n\nThe council of Skerrow met on Monday and voted to keep the ferry. Note {n}.\n"
OTHERS = ["Velmoth quarry closes\n\nBlasting at Velmoth ends after ninety years; the pits will flood by spring.",
          "Orrin cyclists cheer\n\nA painted lane now links Orrin station with its hospital, riders reported.",
          "Brackwater reading room\n\nLibrarians in Brackwater will lend tools, seeds and telescopes from April.",
          "Tamsby lighthouse\n\nVolunteers scraped rust from Tamsby's lamp tower before gales arrived.",
          "Ulverholt choir\n\nSixty singers from Ulverholt took first prize for a hymn sung unaccompanied.",
          "Kestrin toll\n\nDrivers crossing Kestrin gorge pay nothing from June, ministers confirmed.",
          "Dunmarrow pupils\n\nRain poured through Dunmarrow academy's gym ceiling until roofers came.",
          "Pellock stalls\n\nFishmongers and cheese sellers of Pellock trade under glass this winter.",
          "Wystan buses\n\nEvening buses through Wystan run hourly after complaints from nurses.",
          "Ashcombe bread\n\nLoaves are baked again on Ashcombe high street, months after flames gutted the oven.",
          "Gorran turbines\n\nPlanners let eight turbines rise above Gorran moor despite objections from walkers."]


def _library(tmp_path: Path) -> Path:
    """Six articles of one story and eleven stories of one article each (sources named), grouped."""
    src = tmp_path / "src"
    src.mkdir()
    for n in range(1, 7):
        (src / f"h{n}.md").write_text(f"---\nsource: Skerrow Post {n % 2}\n---\n" + HARBOUR.format(n=n))
    for n, text in enumerate(OTHERS):
        (src / f"o{n}.txt").write_text(text + "\n")
    db = tmp_path / "lib.db"
    for args in (["add", str(src)], ["stories", "--rebuild"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 0, (args, r.stderr)
    return db


def _figures(db: Path) -> list:
    con = sqlite3.connect(db)
    try:
        return [con.execute("SELECT * FROM story_stats ORDER BY story_id").fetchall(),
                con.execute("SELECT * FROM story_sources ORDER BY story_id, source").fetchall()]
    finally:
        con.close()


@pytest.mark.parametrize("dropped", [["story_stats"], ["story_sources"], ["story_stats", "story_sources"]])
def test_figures_dropped_are_made_again_when_the_library_opens(tmp_path, dropped):
    db = _library(tmp_path)
    before = _figures(db)
    assert len(before[0]) == 12 and [6, 6, 2] in [list(r[1:4]) for r in before[0]]
    run_sql(db, [f"DROP TABLE {name}" for name in dropped])
    r = run_cli("stories", db=db)
    assert r.returncode == 0, r.stderr
    said = r.stderr.decode()
    assert "damaged" not in said and "counted again from the stories" in said, said  # (one line, said once)
    assert len(said.strip().splitlines()) == 1
    assert _figures(db) == before
    assert "6 art  2 src" in r.stdout.decode()
    for args in (["brief"], ["stories", "--rebuild"], ["doctor"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 0 and b"damaged" not in r.stderr and b"missing" not in r.stderr, (args, r.stderr)
    assert "10 of 12 unread stories" in run_cli("brief", db=db).stdout.decode()
    assert "integrity ok" in run_cli("doctor", db=db).stdout.decode()


def test_the_statements_are_migration_11s():
    from tui.store.library import _statements
    from tui.store.schema import MIGRATIONS, STORY_FIGURES

    eleven = [" ".join(s.split()) for s in _statements(MIGRATIONS[10])]
    for statement in _statements(STORY_FIGURES):
        assert " ".join(statement.split()) in eleven, statement


def _briefing_after(tmp_path, monkeypatch, sql: list[str], check) -> Path:
    """The app on our library; `sql` run by another program while it runs; `b`; then check(app, the briefing's head).
    Every Library the app opens meanwhile (a screen's loader) would make the tables again: not here, as in a library
    that cannot be written (root writes any file)."""
    from tui.store.library import Library

    db = _library(tmp_path)
    monkeypatch.setattr(Library, "_remake_story_figures", lambda self: None, raising=False)

    async def run() -> None:
        app = make_app(db)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            run_sql(db, sql)
            await pilot.press("b")
            await workers_done(app, 60)
            await pilot.pause()
            check(app, str(app.screen.query_one("#briefing-head").render()))

    asyncio.run(run())
    return db


def test_the_briefing_says_the_figures_could_not_be_read(tmp_path, app_env, monkeypatch):
    def check(app, head: str) -> None:
        assert "The stories could not be read (no such table" in head, head
        assert "restart newsreader to count them again" in head, head
        assert "10 unread stories" in head and "of" not in head.split("·")[0], head  # (not "10 of 0")
        shown = app.export_screenshot().replace("&#160;", " ")
        assert "Skerrow ferry vote" in shown and "everything is read" not in shown

    db = _briefing_after(tmp_path, monkeypatch, ["DROP TABLE story_stats"], check)  # another program, while it runs
    # restarted: made again, counted
    assert "10 of 12 unread stories" in run_cli("brief", db=db).stdout.decode()


def test_the_briefing_reads_the_stories_with_their_order_index_dropped_too(tmp_path, app_env, monkeypatch):
    def check(app, head: str) -> None:
        assert head.startswith("10 unread stories") and "The stories could not be read" in head, head
        assert app.screen.items[0].story.title == "Skerrow ferry vote 6"

    # Before: "The briefing cannot be made: OperationalError: no such index: stories_order"
    _briefing_after(tmp_path, monkeypatch, ["DROP TABLE story_stats", "DROP INDEX stories_order"], check)


def test_brief_says_the_figures_could_not_be_read(tmp_path, monkeypatch, capsys):
    # A library that cannot be written (read-only: nothing is made again) whose figures another program dropped.
    # Before: "10 unread stories" (of 12), and not a word of it.
    from tui.cli import main
    from tui.store.library import Library

    db = _library(tmp_path)
    run_sql(db, ["DROP TABLE story_stats"])
    monkeypatch.setattr(Library, "_remake_story_figures", lambda self: None, raising=False)
    monkeypatch.setattr(Library, "verify", lambda self, budget=1.0: None)  # (as a read-only library behind it is)
    monkeypatch.setenv("NEWSREADER_NO_SEED", "1")
    assert main(["--db", str(db), "brief"]) == 0
    said = capsys.readouterr()
    assert said.err == ("warning: The stories could not be read (no such table: story_stats): counted from their "
                        "articles; restart newsreader to count them again.\n"), said.err
    assert "\n10 unread stories · ranked" in said.out and "Skerrow ferry vote 6" in said.out
