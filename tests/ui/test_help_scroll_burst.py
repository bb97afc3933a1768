"""j / k in the help screen scrolled after the next refresh, each from the place the help was at then: a burst of keys
handled between two refreshes (a held j, keys typed under load) scrolled one line in all (in tmux, ten j: one line)."""

from __future__ import annotations

from pilot_steps import open_help, settle, started


async def test_each_j_of_a_burst_scrolls_the_help_a_line(library, make_app):
    path, _ids = library
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, _main):
        await open_help(pilot, app)
        body = app.screen.query_one("#help-body")
        assert body.scroll_y == 0 and body.max_scroll_y > 10, body.max_scroll_y
        for _ in range(5):  # five j handled before the screen is drawn again
            app.screen.action_scroll(1)
        await settle(pilot)
        assert body.scroll_y == 5, body.scroll_y
        for _ in range(3):
            app.screen.action_scroll(-1)
        await settle(pilot)
        assert body.scroll_y == 2, body.scroll_y
