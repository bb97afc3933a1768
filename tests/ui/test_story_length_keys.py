"""`+` / `-` pressed several times in a row in the story view: each press counts (walk25). The length was worked out
from the summary on screen, so presses made before the changed summary was read asked for the same length again:
thirty presses of `+` at 80x24 gave 7 sentences, not the longest."""

from __future__ import annotations

import pytest

from pilot_steps import open_first_story, opened_first, settle
from story_sample import make_story_library


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


async def presses_while_the_story_is_read(pilot, story, *keys: str) -> list[int]:
    """Press `keys` while the story view's read is held back (a slow read: none of them is shown before the last),
    then let the last read go; returns the length each press asked for."""
    read, asked = story.loader.load, []

    def held(fn, story_id, sentences, *rest, **kwargs):
        asked.append((fn, story_id, sentences, *rest))
        story.loader.loading = True  # as Loader.load says of a read under way

    story.loader.load = held
    try:
        await pilot.press(*keys)
    finally:
        story.loader.load = read
    read(*asked[-1])
    await settle(pilot)
    await settle(pilot)
    return [call[2] for call in asked]


async def test_each_press_of_minus_and_plus_counts_before_the_summary_is_read_again(stories, make_app):
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert type(story).__name__ == "StoryScreen"
        shown = len(story.summary.sentences)  # (the sample story's every sentence that says something new: 3)
        assert shown >= 3, shown
        asked = await presses_while_the_story_is_read(pilot, story, "minus", "minus")
        assert asked == [shown - 1, shown - 2]
        assert len(story.summary.sentences) == shown - 2
        asked = await presses_while_the_story_is_read(pilot, story, "plus", "plus")
        assert asked == [shown - 1, shown]
        assert len(story.summary.sentences) == shown


async def test_each_press_counts_in_the_article_view_too(library, make_app):
    """The article's summary pane stepped from the summary shown as well: + pressed six times while the longer
    summary was being made gave one sentence more."""
    path, _ids = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, main):
        shown = len(main.analysis.summary.sentences)
        assert len(main.analysis.sentences) >= shown + 3
        request, asked = main.analyser.request, []

        def held(article, force=False, cached=None, ready=None):  # the analysis is made after the last press
            asked.append(main.analyser.sentences)
            main.analyser.analysing = True

        main.analyser.request = held
        try:
            await pilot.press("plus", "plus", "plus")
        finally:
            main.analyser.request = request
        assert asked == [shown + 1, shown + 2, shown + 3]
        main.analyse()
        await settle(pilot)
        assert len(main.analysis.summary.sentences) == shown + 3


async def test_the_longest_summary_toast_counts_the_articles_sentences_not_the_summary_shown(library, make_app,
                                                                                            monkeypatch):
    """+ pressed past the article's length while the longer summary was being made: the toast said "Longest summary:
    all 3 sentences of the article" (the summary on screen) above a heading that then said 5 (walk26, tmux 80x24)."""
    from pilot_steps import toasts_of

    path, _ids = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, main):
        total, shown = len(main.analysis.sentences), len(main.analysis.summary.sentences)
        assert total > shown
        request = main.analyser.request

        def held(article, force=False, cached=None, ready=None):  # the analysis is made after the last press
            main.analyser.analysing = True

        said = toasts_of(app, monkeypatch)
        main.analyser.request = held
        try:
            await pilot.press(*["plus"] * (total - shown + 2))
        finally:
            main.analyser.request = request
        assert said[-1] == f"Longest summary: all {total} sentences of the article.", said
