"""The key that opens a page, pressed on that page (`b` in the briefing, `F` in the feeds list), says the reader is
there already; it said "b (Briefing: the unread stories, ranked) works in the library and the article view, not on
this page: esc goes back." And the page's palette does not offer the page itself, as a library key that "goes back
to it" (walk28, at 80x24)."""

from __future__ import annotations

import pytest

from pilot_steps import palette_names, settle, started, toasts_of, wait_until


@pytest.mark.parametrize("key, page, name", [("b", "BriefingScreen", "the briefing"),
                                             ("F", "FeedsScreen", "the feeds list")])
async def test_the_pages_own_key_says_you_are_there(library, make_app, monkeypatch, key, page, name):
    path, _ids = library
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), keys=key) as (pilot, screen):
        await settle(pilot)
        assert type(app.screen).__name__ == page
        await pilot.press(key)
        await settle(pilot)
        assert type(app.screen).__name__ == page  # still there
        assert toasts and toasts[-1] == f"This is {name} already: esc goes back to the library.", toasts
        assert "works in" not in toasts[-1]
        await pilot.press("ctrl+p")
        names = await palette_names(pilot, 10)
        opener = {"b": "Briefing: the unread stories, ranked", "F": "Feeds: unread counts, filter the library"}[key]
        assert opener not in names, names
        assert "Search" in names  # the library's other keys are still offered (they go back to it)
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(app.screen).__name__ == page, "the palette closed")
