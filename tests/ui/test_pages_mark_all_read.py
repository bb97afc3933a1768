"""`A` on the story view and the entity page marks every article of the page read, as in the library (it said it works
in the library only): the page's lines lose their ●, the library counts them read, a second A says there is nothing
left."""

from __future__ import annotations

from pilot_steps import open_first_story, open_person_from_story, settle, toasts_of
from test_page_marks_shown import article_lines, stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.store import Library


def _unread(path, ids) -> list[int]:
    with Library(path) as lib:
        return [i for i in ids if not lib.get(i).read]


async def test_A_on_the_story_view_marks_the_story_read(stories, make_app, monkeypatch):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        said = toasts_of(app, monkeypatch)
        await open_first_story(pilot)
        view = app.screen
        ids = list(view.summary.articles)
        assert len(_unread(stories, ids)) == 3
        assert sum(x.startswith("●") for x in article_lines(view.query_one("#story-text")).values()) == 3
        await pilot.press("A")
        await settle(pilot)
        assert app.screen is view
        assert _unread(stories, ids) == []
        assert said[-1] == "Marked the 3 unread articles of this story read.", said
        assert not any(x.startswith("●") for x in article_lines(view.query_one("#story-text")).values())
        assert not any("works in" in x for x in said), said
        await pilot.press("A")
        await settle(pilot)
        assert said[-1] == "Every article of this story is read already.", said
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.articles.source.row(0).unread == 0  # the stories list counts them read


async def test_A_on_the_entity_page_marks_its_articles_read(stories, make_app, monkeypatch):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        said = toasts_of(app, monkeypatch)
        await open_first_story(pilot)
        page = await open_person_from_story(pilot, "Bram Oduya")
        lines = article_lines(page.query_one("#person-articles"))
        assert lines and _unread(stories, list(lines))
        await pilot.press("A")
        await settle(pilot)
        assert _unread(stories, list(lines)) == []
        assert said[-1].startswith("Marked the ") and said[-1].endswith(" on this page read."), said
        assert not any(x.startswith("●") for x in article_lines(page.query_one("#person-articles")).values())
