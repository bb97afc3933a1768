"""Help (`?`) at 80x24 covers the footer, and its "esc: close" is on its last page: a new reader at its first screen
saw no way out (walk35). Its head says it: "newsreader — keys · esc closes", on the screen as it opens."""

from __future__ import annotations

from pilot_steps import open_help, settle, started

from tui.app.screens.help import HelpScreen


async def test_the_help_s_first_screen_says_how_to_close_it(library, make_app):
    path, _ids = library
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, _main):
        await open_help(pilot, app)
        help_screen = app.screen
        shown = [str(w.render()) for w in help_screen.query("Static")
                 if w.region.height and 0 <= w.region.y < 24 and w.region.bottom <= 24]
        assert any("esc closes" in text for text in shown), shown
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, HelpScreen)
