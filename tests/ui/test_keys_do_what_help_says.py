"""Keys do what help says (issue 10, items 6 and 8): q goes back then quits, Q quits, l at every width,
r shows progress and a result, the footer shows enter and tab, help has no empty heading, clashing keys
in config.toml are reported at start."""

from __future__ import annotations

import os

from rich.console import Console

from pilot_steps import opened_first, settle, shown_toasts

from tui.app import keymap
from tui.app.screens.help import help_table
from tui.app.widgets.footer import hints


async def test_q_goes_back_at_narrow_widths_then_quits(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        assert screen.reading and not screen.query_one("#library-pane").display
        await pilot.press("q")
        await pilot.pause()
        assert app.is_running and not app._exit, "q quit from the reading view"
        assert screen.query_one("#library-pane").display and screen.articles.has_focus
        await pilot.press("q")
        await pilot.pause()
        assert app._exit, "q did not quit from the library"


async def test_q_in_the_article_at_a_wide_screen_goes_back_to_the_list_then_quits(library, make_app):
    """Session 37: at a wide screen `q` with the cursor in the article (or its summary) quit the app without asking,
    while the same reading at 80x24 went back to the library. It puts the cursor back in the list (the list shown
    again when `l` hid it) and quits from there only."""
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        for pane in ("#article-pane", "#summary-pane"):
            screen.set_focus(next(w for w in screen.query_one(pane).query("*") if w.focusable))
            await pilot.pause()
            await pilot.press("q")
            await pilot.pause()
            assert app.is_running and not app._exit, f"q quit from {pane}"
            assert screen.articles.has_focus and screen.article is not None
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("l")  # the list hidden, the article alone
        await pilot.pause()
        assert not screen.query_one("#library-pane").display and not screen.articles.has_focus
        await pilot.press("q")
        await pilot.pause()
        assert not app._exit and screen.query_one("#library-pane").display and screen.articles.has_focus
        await pilot.press("q")
        await pilot.pause()
        assert app._exit, "q did not quit from the library"


async def test_capital_q_quits_from_the_reading_view(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, _main):
        await pilot.press("Q")
        await pilot.pause()
        assert app._exit


async def test_q_is_configurable(library, make_app, tmp_path):
    (tmp_path / "config.toml").write_text('[keys]\nback_or_quit = "x"\n')
    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, _main):
        await pilot.press("x")
        await pilot.pause()
        assert app.is_running and app.screen.articles.has_focus


async def test_l_hides_and_shows_the_library_at_every_width(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        pane = screen.query_one("#library-pane")
        article_width = screen.query_one("#article-pane").size.width
        assert pane.display
        await pilot.press("l")
        await pilot.pause()
        assert not pane.display and screen.body.has_focus
        assert screen.query_one("#article-pane").size.width > article_width  # the article took the room
        await pilot.press("l")
        await pilot.pause()
        assert pane.display and screen.articles.has_focus
        await pilot.resize_terminal(80, 24)
        await pilot.press("enter")
        await settle(pilot)
        assert not pane.display
        await pilot.press("l")
        await pilot.pause()
        assert pane.display


async def test_r_shows_progress_and_a_result(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, _main):
        await pilot.press("r")
        assert any(t.startswith("Re-analysing") for t in shown_toasts(app))
        await settle(pilot)
        done = [t for t in shown_toasts(app) if t.startswith("Re-analysed in")]
        assert done and "entities" in done[-1] and "quotes" in done[-1]


def test_footer_shows_enter_and_tab_first_and_every_hint_has_an_action():
    shown = hints({})
    assert [key for key, _, _ in shown[:2]] == ["⏎", "tab"]  # enter, as Textual names it for people
    assert all(action.split(".")[0] in ("app", "screen", "focused") for _, _, action in shown)
    assert ("q", "Back/Quit", "screen.back_or_quit") in shown


def test_help_has_no_empty_heading():
    console = Console(width=120, record=True, file=open(os.devnull, "w"))
    console.print(help_table({}))
    lines = [line.strip() for line in console.export_text().splitlines()]
    headings = [i for i, line in enumerate(lines) if line in keymap.SCOPE_TITLES.values()]
    assert headings
    for i in headings:
        assert i + 1 < len(lines) and lines[i + 1], f"heading {lines[i]!r} has no keys under it"


def test_default_keys_do_not_clash():
    assert keymap.clashes({}) == []


async def test_a_key_bound_to_two_actions_is_reported_at_start(library, make_app, tmp_path):
    (tmp_path / "config.toml").write_text('[keys]\nstar = "d"\n')
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        assert any("d is bound to both 'star' and 'delete'" in t for t in shown_toasts(app)), shown_toasts(app)


async def test_library_rows_keep_the_year_and_cut_sources_with_an_ellipsis(library, make_app):
    """Issue 10 item 7: dates show the year at every width that shows a date; a cut source ends in '…'."""
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        row = "".join(seg.text for seg in app.screen.articles.render_line(0))
        assert "Coastline Gazet… 2026-01-14" in row, row
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        row = "".join(seg.text for seg in app.screen.articles.render_line(0))
        assert "2026-01-14" in row and row.rstrip().endswith("2026-01-14"), row
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        row = "".join(seg.text for seg in app.screen.articles.render_line(0))
        assert "26-01-14" in row, row
