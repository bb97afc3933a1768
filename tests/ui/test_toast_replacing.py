"""A toast saying what a key set replaces the earlier one of its kind: `s` pressed four times stacked four
"Summary method" toasts over half of an 80x24 screen (and `u` / `O`, `+` / `-` at their ends, `m` / `f` did the
same). Other toasts still stack."""

from __future__ import annotations

import pytest

from pilot_steps import open_first, opened_first, settle, toasts_stay


@pytest.fixture
def make_app(make_app, monkeypatch):
    """The app, its toasts staying until replaced or cleared (pilot_steps.toasts_stay): at load ~20 the briefing's
    2 s toast had gone by the time the test looked for it."""

    def make(path):
        app = make_app(path)
        toasts_stay(app, monkeypatch)
        return app

    return make


def shown(app, start: str) -> list[str]:
    return [str(n.message) for n in app._notifications if str(n.message).startswith(start)]


async def test_stepping_a_setting_shows_one_toast_of_it(library, make_app):
    path, _ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, _main):
        await settle(pilot)
        await pilot.press("s", "s", "s", "s")
        await settle(pilot)
        assert len(shown(app, "Summary method:")) == 1, shown(app, "Summary method:")
        await pilot.press("q", "u", "u", "O", "O")
        await settle(pilot)
        library_toasts = shown(app, "Library: ")
        assert len(library_toasts) == 1 and library_toasts[0].endswith("by source"), library_toasts
        app.notify("Something else happened.")
        app.notify("And another thing.")
        await settle(pilot)
        assert len(shown(app, "Something else")) == 1 and len(shown(app, "And another")) == 1


async def test_summary_methods_are_shown_by_their_names(library, make_app):
    """"Summary · lexrank", "Summary method: kl": the heading and the toast gave the summarisers' short names in
    lower case; they show LexRank, KL-Sum ... and the lead baseline "LEAD" (walk32: "lead" next to "LexRank"), as the
    README's quality table names them (ours "News": test_summary_heading_shown; the command line keeps the short
    ones)."""
    path, _ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, main):
        await settle(pilot)
        seen = []
        for _ in range(3):
            await pilot.press("s")
            await settle(pilot)
            seen.append(main.method_label().split(" · ")[0])
        assert seen == ["LEAD", "LexRank", "TextRank"], seen
        assert shown(app, "Summary method:") == ["Summary method: TextRank"]


async def test_undo_replaces_the_delete_toast(library, make_app):
    """d then z showed "Deleted — z to undo: …" and "Restored: …" together; two deletes showed two "z to undo"
    toasts though z brings back the last one only."""
    from ui_sample import ARTICLES

    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("g", "d", "y")
        await settle(pilot)
        await pilot.press("d", "y")
        await settle(pilot)
        assert len(shown(app, "Deleted — ")) == 1, shown(app, "Deleted — ")
        await pilot.press("z")
        await settle(pilot)
        assert shown(app, "Deleted — ") == [] and len(shown(app, "Restored: ")) == 1
        assert len(app.screen.articles.source) == len(ARTICLES) - 1


async def test_length_keys_with_no_article_open_say_the_length(library, make_app):
    """+ and - with nothing open changed the summary length silently (its heading is not on screen)."""
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert shown(app, "Summary length:") == ["Summary length: 5 sentences (for the articles you open)"]
        await pilot.press("minus")
        await settle(pilot)
        assert shown(app, "Summary length:") == ["Summary length: 4 sentences (for the articles you open)"]
        await pilot.press("g", "enter")
        await settle(pilot)
        assert app.screen.method_label().endswith("4 sentences"), app.screen.method_label()


async def test_highlight_keys_where_no_article_is_on_screen_say_what_they_set(library, make_app):
    """e and 1-6 at 80 columns in the library (the article and its legend hidden) changed the highlights silently: the
    next article opened with no highlights, or without its people, and nothing had said why. They say it, one toast
    at a time; in the reading view too (the legend's dimmed word was all that changed)."""
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert shown(app, "Entity highlights") == ["Entity highlights off (for the articles you open)"]
        await pilot.press("e", "1")
        await settle(pilot)
        assert shown(app, "Entity highlights") + shown(app, "Highlights: ") == [
            "Highlights: people off (for the articles you open)"]
        main = await open_first(pilot)
        await settle(pilot)
        await pilot.press("q")  # back to the library: the article stays open, off screen
        await settle(pilot)
        await pilot.press("3")
        await settle(pilot)
        assert shown(app, "Highlights: ") == ["Highlights: places off"], shown(app, "Highlights: ")
        assert main.hidden_types == {"person", "place"}
        app.clear_notifications()
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("3")  # the legend is on screen, and the key still says what it set (every key that sets does)
        await settle(pilot)
        assert shown(app, "Highlights: ") == ["Highlights: places on"] and main.hidden_types == {"person"}


async def test_length_keys_with_the_article_off_screen_say_the_length(library, make_app):
    """+ at 80 columns in the library, an article open behind it (its summary not on screen), changed that summary's
    length silently (seen in tmux): it says the length, as with nothing open."""
    path, _ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, main):
        await settle(pilot)
        before = len(main.analysis.summary.sentences)
        await pilot.press("q")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert shown(app, "Summary length:") == [f"Summary length: {before + 1} sentences"], shown(app, "Summary")
        await pilot.press("enter")
        await settle(pilot)
        assert main.method_label().endswith(f"{before + 1} sentences"), main.method_label()
        app.clear_notifications()
        await pilot.press("minus")  # on screen now: the heading says it, and so does a toast
        await settle(pilot)
        assert shown(app, "Summary length:") == [f"Summary length: {before} sentences"]


async def test_every_key_that_sets_something_says_what_it_set_in_the_stories_list_story_view_and_briefing(
        tmp_path, make_app):
    """`2` in the stories list with an article open beside it (wide) changed the highlights without a word (its legend's
    dimmed "2 Org" was all), and + / - in the story view and the briefing changed the length with no notice either
    (the briefing shows it nowhere but in its count of lines). Each says what it set now."""
    from pilot_steps import open_briefing
    from story_sample import make_story_library

    path = tmp_path / "library.db"
    make_story_library(path)  # analysed by the engine when opened
    app = make_app(path)
    async with opened_first(app, (200, 50)) as (pilot, main):
        await pilot.press("v")
        await settle(pilot)
        assert main.listing.stories and main.query_one("#article-pane").display
        await pilot.press("2")
        await settle(pilot)
        assert shown(app, "Highlights: ") == ["Highlights: organisations off"], shown(app, "Highlights")
        n = len(main.analysis.summary.sentences)
        await pilot.press("minus")
        await settle(pilot)
        assert n > 1 and shown(app, "Summary length: ") == [f"Summary length: {n - 1} sentence{'s' if n != 2 else ''}"]
        await pilot.press("g", "enter")  # the story view
        await settle(pilot)
        await settle(pilot)
        story = app.screen
        n = len(story.summary.sentences)
        await pilot.press("minus")
        await settle(pilot)
        assert shown(app, "Story summary length: ") == [f"Story summary length: {n - 1} sentences"], shown(app, "Story")
        await pilot.press("escape", "escape")
        await settle(pilot)
        briefing = await open_briefing(pilot)
        await pilot.press("minus")
        await settle(pilot)
        assert briefing.sentences == 2
        assert shown(app, "Briefing summaries: ") == ["Briefing summaries: 2 sentences a story"]
        await pilot.press("plus", "plus")
        await settle(pilot)
        assert shown(app, "Briefing summaries: ") == ["Briefing summaries: 4 sentences a story"]  # one at a time
