"""walk32: in the stories list, `u`, `T` (a tag picked) and `/` show the articles (the view, the tag and the search
are filters of articles), and nothing said so: `u`'s toast read "Library: unread articles, newest first" and the
stories were gone. Each now says it in its toast, with the key that brings the stories back; in the article list
their toasts are as before."""

from __future__ import annotations

import pytest

from pilot_steps import settle
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


async def in_stories(pilot):
    await settle(pilot)
    await pilot.press("v")
    await settle(pilot)
    main = pilot.app.screen
    assert main.listing.stories and main.articles.source.kind == "stories"
    return main


@pytest.mark.parametrize("how", ["u", "T", "/"])
async def test_a_key_that_leaves_the_stories_list_says_so(stories, make_app, monkeypatch, how):
    from pilot_steps import toasts_of

    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        main = await in_stories(pilot)
        said = toasts_of(app, monkeypatch)
        if how == "T":
            main.set_tag("Europe")  # what the tag picker calls with the tag picked
        else:
            await pilot.press(how)
        await settle(pilot)
        assert not main.listing.stories
        told = [s for s in said if "v for stories" in s]
        assert len(told) == 1, said
        expected = {"u": "Library: unread articles", "T": "Library: articles tagged Europe",
                    "/": "Search finds articles"}[how]
        assert told[0].startswith(expected), told


async def test_u_in_the_article_list_says_nothing_of_stories(stories, make_app, monkeypatch):
    from pilot_steps import toasts_of

    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        said = toasts_of(app, monkeypatch)
        await pilot.press("u")
        await settle(pilot)
        assert said and said[-1].startswith("Library: unread articles") and "stories" not in said[-1], said
