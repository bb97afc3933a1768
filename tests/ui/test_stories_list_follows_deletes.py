"""The stories list and a story deleted by hand (the sqlite3 shell; neither the articles' nor the stories' figures
move): an open story view said it gone at the next LibraryWatch tick, the list kept its row until something moved
the figures (a grouping). The row now goes at the tick, and `enter` on a row whose story went before the list was
read again says so in one line (app35, close-s35)."""

from __future__ import annotations

from damaged_pages import run_sql
from pilot_steps import settle, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)

from tui.app.screens.main import MainScreen
from tui.app.screens.story import StoryScreen


def _listed(main) -> list[int]:
    source = main.articles.source
    return [source.row(i).id for i in range(len(source))]


async def test_a_story_deleted_by_hand_leaves_the_stories_list_at_the_tick(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        main = app.screen
        assert isinstance(main, MainScreen)
        await pilot.press("v")
        await settle(pilot)
        before = _listed(main)
        assert len(before) >= 2, before
        gone = before[1]
        run_sql(stories, ["PRAGMA foreign_keys = ON", f"DELETE FROM stories WHERE id = {gone}"])
        main.changes.check()  # the tick (its timer's call)
        await wait_until(pilot, lambda: gone not in _listed(main), lambda: f"still listed: {_listed(main)}")
        after = _listed(main)
        # the other stories stay, in their order; the gone story's articles (their memberships kept by a delete with
        # the keys on) are grouped again when the list is read (it mends the tables as `stories` does): a new story
        assert [i for i in after if i in before] == [i for i in before if i != gone], (before, after)
        assert set(after) - set(before) <= {max(after)}, (before, after)


async def test_enter_on_a_story_gone_before_the_list_was_read_says_so_in_one_line(stories, make_app):  # noqa: F811
    app = make_app(stories)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await settle(pilot)
        main = app.screen
        await pilot.press("v")
        await settle(pilot)
        main.changes.stop()  # no tick between the delete and the enter
        before = _listed(main)
        gone = before[0]
        main.articles.cursor = 0
        main.set_focus(main.articles)
        run_sql(stories, [f"DELETE FROM stories WHERE id = {gone}"])  # keys off: its articles back to grouping
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, StoryScreen)
        said = [str(n.message) for n in app._notifications]
        assert "That story is no longer in the library." in said, said
        assert all("\n" not in x and "Traceback" not in x for x in said), said
        await wait_until(pilot, lambda: gone not in _listed(main), lambda: f"still listed: {_listed(main)}")
