"""The narrow screen update (tui/app/partial_update.py) and lines cut ahead (widgets/direct.py).

A terminal that only ever receives the app's updates must end up showing what a full redraw of the
screen shows, after opening, tabbing, moving, scrolling, at a wide and a narrow size.
"""

from __future__ import annotations

import pytest
from textual._compositor import ChopsUpdate, LayoutUpdate

from pilot_steps import settle, started, wait_prepared
from tui.app import partial_update


def _cells(strips) -> list[list[tuple]]:
    """One (character, style) per cell for each line."""
    lines = []
    for strip in strips:
        line = []
        for text, style, _control in strip:
            line.extend((ch, style) for ch in text)
        lines.append(line)
    return lines


class Terminal:
    """What a terminal shows after receiving every update the app displayed (headless skips writing)."""

    def __init__(self, app) -> None:
        self.app = app
        self.screen: list[list[tuple]] = []
        self.chops_updates = 0
        original = app._display

        def display(screen, renderable):
            original(screen, renderable)
            if isinstance(renderable, LayoutUpdate):
                x, y = renderable.region.x, renderable.region.y
                for dy, pieces in enumerate(renderable.strips):
                    self._put(y + dy, x, [piece for piece in pieces])
            elif isinstance(renderable, ChopsUpdate):
                self.chops_updates += 1
                self._apply(renderable)

        app._display = display

    def start(self) -> None:
        self.screen = _cells(self.app.screen._compositor.render_strips())

    def _put(self, y: int, x: int, strips) -> None:
        while len(self.screen) <= y:
            self.screen.append([])
        for cell in [cell for line in _cells(strips) for cell in line]:
            self._put_cell(y, x, cell)
            x += 1

    def _apply(self, update: ChopsUpdate) -> None:
        for y, x1, x2 in update.spans:
            for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items()):
                if strip is None or x >= x2 or end <= x1:
                    continue
                cells = _cells([strip])[0]
                for offset, cell in enumerate(cells):
                    if x1 <= x + offset < x2:
                        self._put_cell(y, x + offset, cell)

    def _put_cell(self, y: int, x: int, cell) -> None:
        line = self.screen[y]
        while len(line) <= x:
            line.append((" ", None))
        line[x] = cell

    def matches_full_redraw(self) -> list[int]:
        """The screen lines where what was received differs from a full redraw."""
        full = _cells(self.app.screen._compositor.render_strips())
        return [y for y, line in enumerate(full) if self.screen[y][: len(line)] != line]


KEYS = ["j", "enter", "tab", "j", "tab", "j", "tab", "tab", "pagedown", "escape", "j", "j", "enter",
        "tab", "shift+tab", "e", "e", "k"]


@pytest.mark.parametrize("size", [(160, 48), (80, 24)])
async def test_the_terminal_shows_what_a_full_redraw_shows(cached_library, make_app, size):
    path, _ = cached_library
    app = make_app(path)
    terminal = Terminal(app)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("g")
        await settle(pilot)
        terminal.start()
        for key in KEYS:
            await pilot.press(key)
            await settle(pilot)
            await pilot.pause(0.05)
            assert terminal.matches_full_redraw() == [], f"after {key!r} at {size}"
        assert terminal.chops_updates >= len(KEYS) // 2  # partial updates were really made


async def test_textuals_own_partial_update_gives_the_same_terminal(cached_library, make_app):
    """The comparison above holds for Textual's update too (the test itself can tell a stale screen)."""
    path, _ = cached_library
    app = make_app(path)
    terminal = Terminal(app)
    partial_update.uninstall()
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            terminal.start()
            await pilot.press("enter")
            await settle(pilot)
            await pilot.pause(0.05)
            assert terminal.matches_full_redraw() == []
            # A cell changed behind the terminal's back is seen as a difference.
            terminal.screen[3][5] = ("\x00", None)
            assert terminal.matches_full_redraw() == [3]
    finally:
        partial_update.install()


async def test_an_update_touching_two_far_edges_composes_only_them(cached_library, make_app):
    """Tab recolours two panes' borders: the summary/article text between them is not drawn again."""
    path, _ = cached_library
    app = make_app(path)
    async with started(app, keys=("g", "enter")) as (pilot, _):
        await pilot.pause(0.05)
        screen = app.screen
        drawn: list[int] = []
        body = screen.body
        original = type(body).render_lines

        def counting(self, crop):
            drawn.append(crop.height)
            return original(self, crop)

        type(body).render_lines = counting
        try:
            await pilot.press("tab")  # library -> article: only borders and the cursor row change
            await pilot.pause(0.1)
        finally:
            type(body).render_lines = original
        assert sum(drawn) == 0, drawn


async def test_a_prepared_article_has_its_lines_cut_and_rendered_ahead(cached_library, make_app):
    path, _ = cached_library
    app = make_app(path)
    updates: list[ChopsUpdate] = []
    original = app._display

    def display(screen, renderable):
        original(screen, renderable)
        if isinstance(renderable, ChopsUpdate):
            updates.append(renderable)

    app._display = display
    async with started(app) as (pilot, screen):
        await pilot.press("g", "enter", "escape", "j")  # panes laid out; rest on the second row
        await wait_prepared(pilot)
        ready = screen.ahead.ready
        finished = [line for _strip, line in screen.body._finished[1].values()]
        cut_ahead = {id(piece) for line in finished for pieces in line._divide_cache._cache.values()
                     for piece in pieces if piece._render_cache is not None}
        assert cut_ahead
        updates.clear()
        await pilot.press("enter")
        await settle(pilot)
        region = screen.body.region
        pieces = [strip for update in updates for y in range(region.y, region.bottom)
                  for x, strip in update.chops[y].items() if strip is not None and x == region.x]
        assert pieces
        # The open's body lines were cut and turned into bytes before enter.
        assert sum(id(piece) in cut_ahead for piece in pieces) >= len(ready.body.strips) - 1
