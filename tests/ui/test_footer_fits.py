"""The key hints line keeps the most needed keys when it is narrow: at 80 columns `a` (add) shows beside
enter, q, /, c, tab and ?; the less used hints (s, v, b) come back as the terminal widens; a rebound key
that is longer drops the least needed hint, never cuts the line."""

from __future__ import annotations

from rich.cells import cell_len

from pilot_steps import open_first

from tui.app.widgets.footer import fitting, ranked_hints


async def test_add_shows_at_80_columns_and_every_hint_at_200(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        line = str(app.screen.query_one("KeyBar").render())
        assert cell_len(line.rstrip()) <= 80 and "…" not in line
        for hint in (" ⏎ Open ", " q Back/Quit ", " / Search ", " a Add ", " c Copy ", " ? Help ", "^p palette"):
            assert hint in line, f"{hint!r} missing at 80 columns: {line!r}"
        await open_first(pilot)  # the reading view at 80 columns: the same line
        assert " a Add " in str(app.screen.query_one("KeyBar").render())
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        line = str(app.screen.query_one("KeyBar").render())
        for hint in (" s Method ", " a Add ", " v Stories ", " b Briefing ", " ? Help "):
            assert hint in line, f"{hint!r} missing at 200 columns: {line!r}"


def test_a_longer_rebound_key_drops_the_least_needed_hint():
    shown = ranked_hints({"copy_summary": "ctrl+shift+y"})
    kept = fitting(shown, 80 - 12)
    ids = [h[0] for h in kept]
    assert sum(cell_len(f" {h[1]} {h[2]} ") for h in kept) <= 68
    assert {"open", "back_or_quit", "search", "help", "add"} <= set(ids)
    assert "briefing" not in ids and "stories" not in ids
    assert ids == [h[0] for h in shown if h[0] in ids], "the kept hints changed order"
