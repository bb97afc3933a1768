"""A story view whose story goes while it is shown. Deleted by hand (the sqlite3 shell: neither the articles' nor the
stories' figures move), it was noticed only when the view was read again; gone (deleted, merged, regrouped), the view
said so and no more: its articles had gone into another story the view did not name (close-s34). Now the next
LibraryWatch tick says it is gone and where its articles are: in no story yet, in another story (enter opens it
there), or deleted too."""

from __future__ import annotations

from damaged_pages import run_sql
from pilot_steps import open_first_story, settle
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)

from tui.app.screens.main import MainScreen
from tui.app.screens.story import StoryScreen
from tui.store import Library
from tui.store.stories import renumber
from tui.stories import group_new


def _head(screen) -> str:
    return str(screen.query_one("#story-head").render())


def _options(screen) -> list[tuple[str | None, str]]:
    widget = screen.query_one("#story-text")
    return [(o.id, o.prompt.plain) for o in widget.options]


async def _tick(pilot) -> None:
    """One poll of the main screen's LibraryWatch (its timer's call), then the screen settled."""
    main = next(s for s in pilot.app.screen_stack if isinstance(s, MainScreen))
    main.changes.check()
    await settle(pilot)


async def test_a_story_deleted_by_hand_is_said_gone_at_the_next_tick_and_follows_its_articles(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        assert isinstance(story, StoryScreen) and not story.gone
        old = story.story_id
        articles = sorted(story.row.article_ids)
        assert len(articles) == 3
        run_sql(stories, [f"DELETE FROM stories WHERE id = {old}"])  # as the sqlite3 shell does it: keys off
        await _tick(pilot)
        assert _head(story).startswith("This story is no longer in the library"), _head(story)  # (main: as it was)
        assert "in no story yet" in _head(story), _head(story)
        assert [i for i, _ in _options(story) if i] == []  # nothing to open
        with Library(stories) as lib:  # another program groups them again (the app's own grouping, `stories`)
            group_new(lib)
            renumber(lib, {old: old + 100})  # (regrouped under another id: a rebuild, a merge)
            new = lib.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (articles[0],)).fetchone()[0]
        assert new == old + 100
        await _tick(pilot)
        assert "now in another story: enter opens it" in _head(story), _head(story)
        assert _options(story)[0][0] == f"g:{new}" and "(all its articles)" in _options(story)[0][1], _options(story)
        story.set_focus(story.query_one("#story-text"))
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is story and story.story_id == new and not story.gone
        assert sorted(story.row.article_ids) == articles
        assert _head(story).split("\n")[1].startswith("3 articles"), _head(story)


async def test_a_story_whose_articles_were_all_removed_says_they_went_too(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        articles = list(story.row.article_ids)
        with Library(stories) as lib:  # `newsreader remove` of each, in another process
            for article_id in articles:
                lib.remove(article_id)
        await _tick(pilot)
        assert _head(story).startswith("This story is no longer in the library"), _head(story)
        assert "Its articles were deleted too." in _head(story), _head(story)
        assert story.query_one("#story-text").option_count == 0


async def test_a_story_deleted_by_hand_and_grouped_again_under_its_id_is_shown_again(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        old, articles = story.story_id, sorted(story.row.article_ids)
        run_sql(stories, [f"DELETE FROM stories WHERE id = {old}"])
        await _tick(pilot)
        assert story.gone
        with Library(stories) as lib:  # the sqlite3 shell's delete left its id free: grouped again, it is the same
            group_new(lib)
            assert lib.db.execute("SELECT story_id FROM story_articles WHERE article_id = ?",
                                  (articles[0],)).fetchone()[0] == old
        await _tick(pilot)
        assert not story.gone and story.story_id == old and sorted(story.row.article_ids) == articles
        assert _head(story).split("\n")[1].startswith("3 articles"), _head(story)


def test_where_they_went_counts_each_article_once(stories):  # noqa: F811
    from tui.store.stories import story_rows, where_they_went

    with Library(stories) as lib:
        row = max(story_rows(lib), key=lambda r: len(r.article_ids))
        ids = sorted(row.article_ids)
        assert len(ids) == 3
        assert where_they_went(lib, ids) == ([(row.id, row.title, 3)], 0, 0)
    run_sql(stories, [f"DELETE FROM stories WHERE id = {row.id}"])
    with Library(stories) as lib:
        assert where_they_went(lib, ids) == ([], 3, 0)
        lib.remove(ids[0])
        group_new(lib)
        went = where_they_went(lib, ids + ids[1:])  # (an id twice counts once)
        assert went.deleted == 1 and went.ungrouped == 0
        assert [n for _id, _title, n in went.stories] == [2] and went.stories[0][1]


def test_where_they_went_counts_a_copy_with_the_text_it_repeats(tmp_path):
    """Session 37: the gone view's "(2 of its 5 articles)" counted a text two outlets printed twice, where the story's
    head, the stories list and the library count it once ("3 articles")."""
    import dataclasses

    from tests.stories.samples import STRIKE
    from tui.store.stories import story_rows, where_they_went

    copies = [dataclasses.replace(a, source="Harbour Wire", body=a.body + "\n\nHarbour Wire.") for a in STRIKE[:2]]
    path = tmp_path / "library.db"
    with Library(path) as lib:
        lib.add_many(STRIKE + copies)
        group_new(lib)
        row = max(story_rows(lib), key=lambda r: len(r.article_ids))
        ids = sorted(row.article_ids)
        assert len(ids) == len(STRIKE) + 2 and row.rows < len(ids)  # (the copies: no rows of their own)
        went = where_they_went(lib, ids)
        assert went == ([(row.id, row.title, row.rows)], 0, 0), went
    run_sql(path, [f"DELETE FROM stories WHERE id = {row.id}"])
    with Library(path) as lib:  # in no story, a copy is a row of the library's again: counted as it lists them
        shown = lib.db.execute(f"SELECT count(*) FROM articles WHERE twin_of IS NULL AND id IN ({','.join(map(str, ids))})"
                               ).fetchone()[0]
        assert where_they_went(lib, ids) == ([], shown, 0)
