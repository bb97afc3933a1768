"""Help (`?`) on the story view and on the person page named `A` in the keymap's words, for every place at once ("Mark
every article shown read (asks above 20; stories list: every story's, asks; story view, entity page: the story's, the
page's)"), where their other keys say what they do there. It says what `A` does on that page now, and the palette
offers it in those words; the library's palette in its own (two lines of it at 80 columns), the stories list's in
the stories list's."""

from __future__ import annotations

from pilot_steps import (open_first_story, open_person_from_story, palette_names, palette_options, palette_type, settle,
                         wait_until)
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.app.screens.help import HelpScreen


def help_rows(app) -> dict[str, str]:
    """The help screen's rows, {key id: what it does}, as shown."""
    _keys, what, ids = (list(c.cells) for c in app.screen.keys_table.columns)
    return {str(i): str(w) for i, w in zip(ids, what) if str(i)}


async def help_on(pilot) -> dict[str, str]:
    app = pilot.app
    await pilot.press("question_mark")
    await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen) and hasattr(app.screen, "keys_table"),
                     lambda: app.screen)
    rows = help_rows(app)
    await pilot.press("escape")
    await wait_until(pilot, lambda: not isinstance(app.screen, HelpScreen), lambda: app.screen)
    return rows


async def test_help_says_what_A_does_on_the_story_view_and_the_person_page(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        assert (await help_on(pilot))["mark_all_read"] == "Mark every article of the story read (asks above 20)"
        assert await palette_first(pilot, "mark every") == "Mark every article of the story read (asks above 20)"
        await open_person_from_story(pilot, "Bram Oduya")
        assert (await help_on(pilot))["mark_all_read"] == "Mark every article on this page read (asks above 20)"
        await pilot.press("escape", "escape")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MainScreen", lambda: app.screen)
        library = await help_on(pilot)  # the library (the articles list and the stories list): the keymap's words
        assert library["mark_all_read"] == "Mark every article shown read (asks above 20; stories list: every story's)"
        assert app.screen.listing.stories  # (back to the stories list the story was opened from)
        assert await palette_first(pilot, "mark every") == "Mark every story's articles read (asks first)"
        await pilot.press("v")
        await settle(pilot)
        assert await palette_first(pilot, "mark every") == library["mark_all_read"]


async def palette_first(pilot, words: str) -> str:
    """The first command the palette offers for `words` (the palette closed again)."""
    await pilot.press("ctrl+p")
    await palette_names(pilot, 5)
    await palette_type(pilot, words)
    first = palette_options(pilot.app)[0]
    await pilot.press("escape")
    await settle(pilot)
    return first
