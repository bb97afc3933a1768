"""How long `z` undoes is one figure, said alike by help (`?`, in the library and on the pages that answer `z`) and by
the README's key table: help said "for a few seconds" where the README said 8 s (close-s34). Both come from
keymap.UNDO_SECONDS, the figure parts/reader.py's undo keeps to."""

from __future__ import annotations

import re
from pathlib import Path

from rich.console import Console
from pilot_steps import settle

from tui.app import keymap
from tui.app.parts import reader
from tui.app.screens.briefing import BriefingScreen
from tui.app.screens.help import HelpScreen
from tui.app.screens.person import PersonScreen
from tui.app.screens.story import StoryScreen

README = Path(__file__).parents[2] / "README.md"


def _plain(table) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(table)
    return console.export_text()


def test_the_undo_keeps_the_figure_help_says():
    assert reader.UNDO_SECONDS == keymap.UNDO_SECONDS  # the undo's own clock (parts/reader.py) reads it there


async def test_help_says_how_long_z_undoes(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        text = _plain(app.screen.keys_table)
        z_row = next(row for row in text.splitlines() if row.strip().startswith("z "))
        assert f"for {keymap.UNDO_SECONDS:g} s" in z_row, z_row
        assert "few seconds" not in text


def test_the_pages_that_answer_z_say_the_same_figure():
    for page in (StoryScreen, PersonScreen, BriefingScreen):
        assert f"for {keymap.UNDO_SECONDS:g} s" in page.KEY_NAMES["undo"], page


def test_the_readme_key_table_says_the_same_figure():
    table = README.read_text(encoding="utf-8").split("| key | does |")[1].split("\n\n")[0]
    rows = [row for row in table.splitlines() if "`z`" in row]
    figures = [int(n) for row in rows for n in re.findall(r"(?:for |\()(\d+) s\b", row)]
    assert len(figures) >= 3, rows  # the m / A / z rows each say it
    assert set(figures) == {int(keymap.UNDO_SECONDS)}, figures
