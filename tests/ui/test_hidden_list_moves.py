"""The library list's cursor moving while the list is hidden (80x24: the reading view shows instead of it; `n`
opens the next unread article and takes the cursor along): back in the library (`l`), the list shows its rows,
not lines drawn before the move, and did not jump to put the cursor on its top row."""

from __future__ import annotations

from pilot_steps import settle, started

from tui.models import Article
from tui.store import Library


def _many(path, count: int = 40) -> None:
    with Library(path) as lib:
        lib.add_many([Article(title=f"Council report number {i} on the harbour wall", source="Harbour Courier",
                              published=f"2026-01-{1 + i % 28:02d}",
                              body=f"Report {i}. The council of Port Ellin met again about the harbour wall. " * 6)
                      for i in range(count)])


def _shown_titles(screen) -> list[str]:
    """The list's lines as the screen draws them now (what the terminal was sent when it was shown)."""
    strips = screen.articles.render_lines(screen.articles.size.region)
    return [strip.text for strip in strips]


def _true_titles(screen) -> list[str]:
    """The same lines drawn from scratch (no line kept from an earlier paint)."""
    screen.articles._styles_cache.clear()
    return _shown_titles(screen)


async def test_n_while_reading_then_back_to_the_library(tmp_path, make_app):
    path = tmp_path / "many.db"
    _many(path)
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g", "j", "j", "k", "k")  # the list's lines drawn
        await settle(pilot)
        screen = app.screen
        await pilot.press("enter")
        await settle(pilot)
        for _ in range(3):
            await pilot.press("n")
            await settle(pilot)
        assert screen.articles.cursor == 3
        await pilot.press("l")  # back to the library
        await settle(pilot)
        shown = _shown_titles(screen)
        assert shown == _true_titles(screen)
        assert screen.articles.scroll_y == 0  # row 3 was on screen: no jump


async def test_n_far_down_while_reading_then_back(tmp_path, make_app):
    """`n` to a row below the list's screen: the list scrolls while hidden and shows the new rows, not old lines."""
    path = tmp_path / "many.db"
    _many(path)
    with Library(path) as lib:
        newest = [row[0] for row in lib.db.execute("SELECT id FROM articles ORDER BY published DESC, id DESC")]
        for ident in newest[1:30]:
            lib.set_read(ident, True)
    app = make_app(path)
    async with started(app, (80, 24), keys="g") as (pilot, screen):
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert screen.articles.cursor >= 25
        await pilot.press("l")
        await settle(pilot)
        assert screen.articles.scroll_y > 0
        assert _shown_titles(screen) == _true_titles(screen)
