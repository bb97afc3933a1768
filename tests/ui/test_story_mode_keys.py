"""Keys of the articles list pressed in the stories list (`v`) say why they do nothing there: `n` / `N` (next /
previous unread article) and `A` (mark the articles shown read) did nothing at all, without a word; `m`, `f`, `d`
already said so."""

from __future__ import annotations

import pytest

from pilot_steps import settle
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


async def test_n_N_and_A_in_the_stories_list_say_why_they_do_nothing(stories, make_app, monkeypatch):
    app = make_app(stories)
    said: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (said.append(message), notify(message, **kw)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        main = app.screen
        assert main.listing.stories
        for key, what in (("n", "opens the next unread article"), ("N", "opens the next unread article"),
                          ("A", "marks the articles shown read")):
            said.clear()
            await pilot.press(key)
            await settle(pilot)
            assert app.screen is main and main.article is None
            assert any("In the stories list" in s and what in s and "v shows the articles" in s for s in said), said
