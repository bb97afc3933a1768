"""`A` on the story view and the entity page marks every article of the page read, as in the library (it said it works
in the library only): the page's lines lose their ●, the library counts them read, a second A says there is nothing
left. `z` undoes it there, as in the library (it had no undo): on the page, or back in the library."""

from __future__ import annotations

from pilot_steps import open_first_story, open_person_from_story, settle, toasts_of
from test_page_marks_shown import article_lines, stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.store import Library


def _unread(path, ids) -> list[int]:
    with Library(path) as lib:
        return [i for i in ids if not lib.get(i).read]


async def _person_page_read_by_A(pilot, stories):
    """The sample story's person page of Bram Oduya, every article of it unread, then `A` there: (page, its lines)."""
    await open_first_story(pilot)
    page = await open_person_from_story(pilot, "Bram Oduya")
    lines = article_lines(page.query_one("#person-articles"))
    assert lines and _unread(stories, list(lines)) == list(lines)
    await pilot.press("A")
    await settle(pilot)
    assert _unread(stories, list(lines)) == []
    return page, lines


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
        assert said[-1] == "Marked 3 articles read — z undoes.", said  # the library's words (and its undo)
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
        page, lines = await _person_page_read_by_A(pilot, stories)
        assert said[-1] == f"Marked {len(lines)} articles read — z undoes.", said
        assert not any(x.startswith("●") for x in article_lines(page.query_one("#person-articles")).values())


async def test_z_on_the_story_view_undoes_its_A(stories, make_app, monkeypatch):  # noqa: F811
    """Only the articles the A marked read come back unread: one read before it stays read; the page's lines, the
    library's status and the stories list follow; a second z has nothing to undo."""
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        said = toasts_of(app, monkeypatch)
        await open_first_story(pilot)
        view = app.screen
        ids = list(view.summary.articles)
        with Library(stories) as lib:
            lib.set_read(ids[0], True)  # read before the A: z leaves it read
        await pilot.press("A")
        await settle(pilot)
        assert said[-1] == "Marked 2 articles read — z undoes.", said
        assert _unread(stories, ids) == []
        await pilot.press("z")
        await settle(pilot)
        assert app.screen is view
        assert _unread(stories, ids) == ids[1:]
        assert said[-1] == "Mark all read undone: 2 articles unread again.", said
        assert sum(x.startswith("●") for x in article_lines(view.query_one("#story-text")).values()) == 2
        await pilot.press("z")
        await settle(pilot)
        assert said[-1] == "Nothing to undo.", said
        assert _unread(stories, ids) == ids[1:]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.articles.source.row(0).unread == 2  # the stories list counts them unread again


async def test_z_undoes_the_entity_page_s_A_there_or_in_the_library(stories, make_app, monkeypatch):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(80, 24)) as pilot:
        said = toasts_of(app, monkeypatch)
        page, lines = await _person_page_read_by_A(pilot, stories)
        before = list(lines)  # every article of the page was unread before the A (_person_page_read_by_A)
        await pilot.press("z")
        await settle(pilot)
        assert _unread(stories, list(lines)) == before
        assert said[-1] == f"Mark all read undone: {len(before)} article{'s' if len(before) != 1 else ''} unread again."
        assert sum(x.startswith("●") for x in article_lines(page.query_one("#person-articles")).values()) == len(before)
        await pilot.press("A")  # again, then z back in the library
        await settle(pilot)
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert not hasattr(app.screen, "show_page_marks")  # the library
        await pilot.press("z")
        await settle(pilot)
        assert _unread(stories, list(lines)) == before, said
