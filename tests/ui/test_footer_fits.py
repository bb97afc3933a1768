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


async def test_the_feeds_and_refresh_keys_show_where_the_line_has_room(library, make_app):
    """F (the feeds list) and R (refresh) were in no footer, at any width: at 200 columns its hints ended at cell 97,
    ~90 cells empty, and a reader keeping up with feeds found them only in help (walk28). They come after the others
    and go first as the line narrows: every hint at 80 and 110 columns is as before."""
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()

        def line() -> str:
            return str(app.screen.query_one("KeyBar").render())

        assert " F Feeds " in line() and " R Refresh " in line(), line()
        assert line().index(" b Briefing ") < line().index(" F Feeds ") < line().index(" R Refresh ")
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert " F Feeds " in line() and " R Refresh " not in line() and " b Briefing " in line(), line()
        await pilot.resize_terminal(110, 40)
        await pilot.pause()
        assert " F Feeds " not in line() and " b Briefing " in line(), line()
