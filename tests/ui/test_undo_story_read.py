"""walk33: `m` on a story in the briefing marks all its articles read and the story leaves the briefing; `z` there said
it works only in the library, the story view and the entity page, and in the stories list "Nothing to undo.": a slip of
`m` lost a whole story's unread marks, with the story gone from the screen. Its toast counted every article of the
story ("Marked read: 3 articles") where `A` counts those it changed. Now `z` undoes it (for a few seconds, as after
`A`): the articles it marked read are unread again, a mark given since stays, and the story is back in the briefing."""

from __future__ import annotations

from pilot_steps import open_briefing, settle, started, toasts_of, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)


def story_marks(path, story_id: int) -> dict[int, int]:
    from tui.store import Library

    with Library(path) as lib:
        return dict(lib.db.execute("SELECT a.id, a.read FROM story_articles s JOIN articles a ON a.id = s.article_id"
                                   " WHERE s.story_id = ?", (story_id,)).fetchall())


def read_one(path, story_id: int) -> int:
    """One of the story's articles read before the app starts; its id."""
    from tui.store import Library

    first = min(story_marks(path, story_id))
    with Library(path) as lib:
        lib.set_read(first, True)
    return first


def the_story(path) -> int:
    from tui.store import Library

    with Library(path) as lib:
        return lib.db.execute("SELECT story_id FROM story_articles GROUP BY story_id ORDER BY count(*) DESC").fetchone()[0]


async def test_z_in_the_briefing_undoes_m_and_the_story_comes_back(stories, make_app, monkeypatch):  # noqa: F811
    story_id = the_story(stories)
    already = read_one(stories, story_id)
    assert sorted(story_marks(stories, story_id).values()) == [0, 0, 1]
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        briefing = await open_briefing(pilot)
        assert [i.story.id for i in briefing.items] == [story_id]
        await pilot.press("m")
        await settle(pilot)
        assert briefing.main_screen().marks.settle(30)
        await wait_until(pilot, lambda: not briefing.items, lambda: [i.story.title for i in briefing.items])
        assert any(s.startswith("Marked read: 2 articles of") and s.endswith("z undoes.") for s in said), said
        assert set(story_marks(stories, story_id).values()) == {1}
        said.clear()
        await pilot.press("z")
        await settle(pilot)
        await wait_until(pilot, lambda: [i.story.id for i in briefing.items] == [story_id],
                         lambda: ([i.story.title for i in briefing.items], said))
        assert app.screen is briefing
        assert any("2 articles unread again" in s for s in said), said
        marks = story_marks(stories, story_id)
        assert marks[already] == 1 and sorted(marks.values()) == [0, 0, 1], marks  # the one read before stays read


async def test_z_in_the_stories_list_undoes_m_on_a_story(stories, make_app, monkeypatch):  # noqa: F811
    app = make_app(stories)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24), stories=True) as (pilot, main):
        row = main.articles.current
        assert row.unread == 3, row
        await pilot.press("m")
        await settle(pilot)
        assert main.marks.settle(30)
        await settle(pilot)
        assert main.articles.current.unread == 0
        await pilot.press("z")
        await settle(pilot)
        await wait_until(pilot, lambda: main.articles.current.unread == 3, lambda: (main.articles.current, said))
        assert set(story_marks(stories, row.id).values()) == {0}
        said.clear()
        await pilot.press("m", "m")  # marked read, then unread again by m itself: nothing left for z to undo
        await settle(pilot)
        assert main.marks.settle(30)
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert "Nothing to undo." in said, said
        assert set(story_marks(stories, row.id).values()) == {0}
