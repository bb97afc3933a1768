"""`n` / `N` and `A` in the stories list (`v`) work there: n / N put the cursor on the next / previous story with
unread articles (enter opens it), A marks every story's articles read after a question that says how many. They
only said "In the stories list this key does nothing"."""

from __future__ import annotations

from pilot_steps import settle, started, toasts_of
from test_page_marks_shown import stories  # noqa: F401  (the fixture: the story sample, grouped)

from tui.app.dialogs import ConfirmDialog
from tui.store import Library


def _rows(main) -> list:
    source = main.articles.source
    return [source.row(i) for i in range(len(source))]


async def _stories_list(pilot, main, path, unread_at: tuple[int, ...]):
    """The stories list (`started(..., stories=True)`) with the stories at `unread_at` (list places) the only ones with
    unread articles."""
    rows = _rows(main)
    assert len(rows) >= 4, [r.title for r in rows]
    with Library(path) as lib:
        for at, row in enumerate(rows):
            for (article_id,) in lib.db.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (row.id,)):
                lib.set_read(article_id, at not in unread_at)
    main.reload_list()
    await settle(pilot)
    assert [at for at, r in enumerate(_rows(main)) if r.unread] == list(unread_at)
    return main


async def test_n_and_N_move_to_the_next_and_previous_story_with_unread_articles(stories, make_app, monkeypatch):  # noqa: F811
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        await _stories_list(pilot, main, stories, (1, 3))
        await pilot.press("g", "n")
        await settle(pilot)
        assert main.articles.cursor == 1 and app.screen is main and main.listing.stories  # moved, nothing opened
        await pilot.press("n")
        await settle(pilot)
        assert main.articles.cursor == 3
        said.clear()
        await pilot.press("n")  # none below: says so, and which key looks above
        await settle(pilot)
        assert main.articles.cursor == 3
        assert any(s.startswith("No more stories with unread articles below: N looks above") for s in said), said
        await pilot.press("N")
        await settle(pilot)
        assert main.articles.cursor == 1
        await pilot.press("enter")  # the story the cursor is on opens
        await settle(pilot)
        assert type(app.screen).__name__ == "StoryScreen" and app.screen.story_id == _rows(main)[1].id


async def test_A_marks_every_story_s_articles_read_after_saying_how_many(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        await _stories_list(pilot, main, stories, (0, 2))
        with Library(stories) as lib:
            unread = sum(1 for r in _rows(main) for (a,) in lib.db.execute(
                "SELECT article_id FROM story_articles WHERE story_id = ?", (r.id,)) if not lib.get(a).read)
        await pilot.press("A")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == f"Mark the {unread} unread articles of 2 stories read?", app.screen.question
        await pilot.press("n")  # no: nothing changes
        await settle(pilot)
        assert app.screen is main and [at for at, r in enumerate(_rows(main)) if r.unread] == [0, 2]
        await pilot.press("A")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        assert app.screen is main and not any(r.unread for r in _rows(main))
        with Library(stories) as lib:
            assert not lib.db.execute("SELECT count(*) FROM story_articles s JOIN articles a ON a.id = s.article_id"
                                      " WHERE a.read = 0").fetchone()[0]
