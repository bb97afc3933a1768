"""An app window left open while another (newer) newsreader upgrades its library to a newer schema: every 30-s
folder scan opened the library anew and toasted "✗ StoreError: … was written by a newer newsreader (schema N);
please upgrade" (walk34). It is said once now, the passes that open the library anew stop, and what the window reads
through its own connection goes on."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from damaged_pages import harbour_library
from pilot_steps import settle, upgraded_by_newer, wait_until

from tui.store.schema import SCHEMA_VERSION


def _read(path: Path, article_id: int) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT read FROM articles WHERE id = ?", (article_id,)).fetchone()[0]
    finally:
        con.close()


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_a_library_upgraded_meanwhile_is_said_once_and_read_on(tmp_path, make_app):
    path = tmp_path / "library.db"
    harbour_library(path, 40)
    app = make_app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        row = screen.articles.current
        assert row is not None and not row.read
        await wait_until(pilot, screen.health.checked.is_set, "the damage check did not run")  # (found nothing)
        upgraded_by_newer(path)
        for _scan in range(3):  # the folder scans of a minute and a half (SourcesRefresh.start's SCAN_EVERY timer)
            screen.sources.run(None, True, False, False)
            await wait_until(pilot, lambda: not screen.sources.running, "the scan did not end")
            await settle(pilot)
        said = [m for m in _messages(app) if "newer newsreader" in m]
        assert len(said) == 1, _messages(app)  # (one a scan: "✗ StoreError: …")
        assert f"(schema {SCHEMA_VERSION + 1}); please upgrade" in said[0] and not said[0].startswith("✗")
        assert screen.unwritable and not screen.sources.running

        await pilot.press("m")  # a write: refused, with the reason
        await settle(pilot)
        assert any(m.startswith("Not marked") and "newer newsreader" in m for m in _messages(app)), _messages(app)
        await pilot.press("R")
        await settle(pilot)
        assert any(m.startswith("Not refreshed") for m in _messages(app)), _messages(app)
        assert not screen.sources.running

        await pilot.press("slash", "h", "a", "r")  # a search: its worker opens the library anew
        await settle(pilot)
        assert app.is_running and app.screen is screen  # (it stopped the app with a WorkerFailed traceback)
        assert sum("newer newsreader" in m and "please upgrade. " in m for m in _messages(app)) == 1, _messages(app)
        await pilot.press("escape")
        await settle(pilot)
        screen.set_focus(screen.articles)
        await pilot.press("enter")  # reading goes on through the window's own connection
        await settle(pilot)
        assert screen.article is not None and screen.article.id == row.id
        assert "Harbour plan" in screen.article.title
        assert _read(path, row.id) == 0  # nothing written
        assert sum("newer newsreader" in m and "please upgrade. " in m for m in _messages(app)) == 1


async def test_a_library_upgraded_before_the_damage_check_is_no_damaged_library(tmp_path, make_app):
    """The check after the first paint (parts/health.py) opens the library anew too: it said "… is damaged (… written
    by a newer newsreader …). Run `newsreader doctor` …", and refused every write as for a damaged file."""
    path = tmp_path / "library.db"
    harbour_library(path, 40)
    app = make_app(path)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = app.screen
        upgraded_by_newer(path)
        await wait_until(pilot, screen.health.checked.is_set, "the damage check did not run")
        await settle(pilot)
        assert screen.damaged == "" and not any("damaged" in m for m in _messages(app)), _messages(app)
        assert [m for m in _messages(app) if "newer newsreader" in m] and screen.unwritable
        screen.sources.run(None, True, False, False)  # a scan after it: not run, nothing more said
        await settle(pilot)
        assert len([m for m in _messages(app) if "newer newsreader" in m]) == 1, _messages(app)
