"""The story view's lists stop at their ends (`j` on the last line wrapped to the first, `k` on the first to the last),
and the help is read in full: a copy's toast covered its keys at 80x24 for the 8 s it is shown."""

from __future__ import annotations

from pilot_steps import copied_over_ssh, covered_cells, open_first_story, settle
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.app.screens.help import HelpScreen


async def test_j_on_the_last_line_and_k_on_the_first_stay_there(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        listing = app.screen.query_one("#story-text")
        listing.focus()
        await pilot.press("G")
        await settle(pilot)
        last = listing.highlighted
        assert last is not None and last > 0
        await pilot.press("j")
        await settle(pilot)
        assert listing.highlighted == last  # it went to the first line
        await pilot.press("g")
        await settle(pilot)
        first = listing.highlighted
        assert first is not None and first < last
        await pilot.press("k")
        await settle(pilot)
        assert listing.highlighted == first  # it went to the last line
        await pilot.press("j")
        await settle(pilot)
        assert listing.highlighted > first  # between the ends it moves as ever


async def test_a_copy_toast_does_not_cover_the_help(library, make_app, monkeypatch):
    path, _ = library
    async with copied_over_ssh(make_app, path, monkeypatch) as (pilot, app):
        await pilot.press("question_mark")
        await settle(pilot)
        assert isinstance(app.screen, HelpScreen)
        assert covered_cells(app.screen, app.screen.query_one("#help-body")) == []
        await pilot.press("escape")
        await settle(pilot)
        assert app._notifications  # still due: shown again on the screen below
