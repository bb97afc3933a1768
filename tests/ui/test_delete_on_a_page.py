"""`d` on the story view or the entity page, whose lines are articles: the toast said "d (Delete the article) works in
the library and the article view, not on this page: esc goes back." (walk37: a reader on an article's line of a story
was told to go back, not how to delete it). It says how: open the article from its line, then d. The other pages
(the briefing, whose lines are stories) keep the words every key of no use there gets."""

from __future__ import annotations

from pilot_steps import open_first_story, open_person_from_story, settle, toasts_of

HOW = "To delete an article: enter on its line (a: the articles), then d."


async def test_d_on_the_story_view_and_the_entity_page_says_how_to_delete_an_article(cached_stories, make_app,
                                                                                       monkeypatch):
    app = make_app(cached_stories)
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_first_story(pilot)
        assert type(app.screen).__name__ == "StoryScreen"
        await pilot.press("d")
        await settle(pilot)
        assert said[-1:] == [HOW], said
        await open_person_from_story(pilot, "Agnes Trewin")
        assert type(app.screen).__name__ == "PersonScreen"
        await pilot.press("d")
        await settle(pilot)
        assert said[-1:] == [HOW], said
        assert sum(s == HOW for s in said) == 2
        shown = [str(n.message) for n in app._notifications]
        assert shown.count(HOW) == 1, shown  # the second took the first one's place


async def test_d_in_the_briefing_keeps_the_words_of_a_key_of_no_use_there(cached_stories, make_app, monkeypatch):
    app = make_app(cached_stories)
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("b")
        await settle(pilot)
        assert type(app.screen).__name__ == "BriefingScreen"
        await pilot.press("d")
        await settle(pilot)
        assert said[-1].startswith("d (Delete the article) works in the library"), said
