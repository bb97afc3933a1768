"""The command palette's "Keys" (Textual's keys panel, docked at the screen's right) closes on `esc`: only the
palette's "Keys" again closed it (close-s34). With no panel shown, `esc` does what it did (it leaves the search box,
goes back from a page)."""

from __future__ import annotations

from pilot_steps import open_first_story, palette_type, settle, wait_until
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.app.screens.main import MainScreen
from tui.app.screens.story import StoryScreen


async def _keys_panel(pilot) -> None:
    """ctrl+p, "Keys", enter: the panel shown on the screen below the palette."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    await palette_type(pilot, "keys")
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen.query("HelpPanel"), "the keys panel did not open")
    await settle(pilot)


async def test_esc_closes_the_keys_panel_and_then_clears_the_search(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        await pilot.press("slash", "h", "a", "r")
        await settle(pilot)
        await _keys_panel(pilot)
        assert app.screen is screen
        await pilot.press("escape")
        await settle(pilot)
        assert not screen.query("HelpPanel")
        assert screen.query_one("#search").value == "har"  # that esc closed the panel only
        await pilot.press("escape")  # the next one clears the search, as ever
        await settle(pilot)
        assert screen.query_one("#search").value == ""
        await pilot.press("escape")  # with no panel, the app's binding lets esc through (no error, nothing shown)
        await settle(pilot)
        assert app.is_running and not screen.query("HelpPanel")


async def test_esc_closes_the_keys_panel_on_the_story_view_before_going_back(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert isinstance(story, StoryScreen)
        await _keys_panel(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is story and not story.query("HelpPanel")
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
