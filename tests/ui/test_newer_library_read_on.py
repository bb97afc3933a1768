"""After another newsreader upgraded the library to a newer schema while the app runs, the views opened anew failed
one by one ("This story cannot be read: StoreError: … please upgrade", the article's analysis, the search): said
once now, and read as the library is (read-only, nothing written), whichever view meets it first (close-s34)."""

from __future__ import annotations

from pilot_steps import open_first_story, settle, upgraded_by_newer, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)

from tui.app.screens.main import MainScreen
from tui.app.screens.story import StoryScreen
from tui.store import Library
from tui.store import library as store_library
from tui.store.library import NewerLibrary
from tui.store.schema import SCHEMA_VERSION


def _said(app) -> list[str]:
    return [str(n.message) for n in app._notifications if "newer newsreader" in str(n.message)]


def _head(screen) -> str:
    return str(screen.query_one("#story-head").render())


async def test_a_story_opened_after_the_upgrade_is_read_and_it_is_said_once(stories, make_app):  # noqa: F811
    with Library(stories) as lib:
        read_before = lib.db.execute("SELECT count(*) FROM articles WHERE read = 1").fetchone()[0]
    app = make_app(stories)
    try:
        async with app.run_test(size=(120, 40), notifications=True) as pilot:
            await settle(pilot)
            main = app.screen
            await pilot.press("v")
            await settle(pilot)
            upgraded_by_newer(stories)
            await pilot.press("g", "enter")  # the story view reads the story anew (its Loader: the first to meet it)
            await settle(pilot)
            story = app.screen
            await wait_until(pilot, lambda: story.summary is not None or "cannot" in _head(story),
                             lambda: _head(story))
            assert isinstance(story, StoryScreen) and story.summary is not None, _head(story)  # (main: cannot be read)
            assert "articles" in _head(story).split("\n")[1], _head(story)
            assert len(_said(app)) <= 1, _said(app)
            await pilot.press("escape")  # back; a second story read anew: nothing more said
            await settle(pilot)
            await pilot.press("j", "enter")
            await settle(pilot)
            assert isinstance(app.screen, StoryScreen) and app.screen.summary is not None
            await pilot.press("escape")
            await settle(pilot)
            await pilot.press("v")
            await settle(pilot)
            main.set_focus(main.articles)
            await pilot.press("enter")  # an article: its analysis, read as the library is
            await wait_until(pilot, lambda: not main.analyser.analysing and main.article is not None,
                             "the analysis did not end")
            await settle(pilot)
            assert not main.analyser.error, main.analyser.error
            await pilot.press("slash", "h", "a", "r")  # a search: its worker opens the library anew too
            await settle(pilot)
            assert main.listing.search == "har" and main.articles.current is not None
            assert len(_said(app)) == 1 and main.unwritable, _said(app)
            assert not [n for n in app._notifications if "Error" in str(n.message)]
        with Library(stories, readonly=True) as lib:  # nothing written to it meanwhile
            assert lib.ahead == SCHEMA_VERSION + 1
            assert lib.db.execute("SELECT count(*) FROM articles WHERE read = 1").fetchone()[0] == read_before
    finally:
        getattr(store_library, "_AS_IS", set()).clear()  # (this process's register, for the next tests)
    try:
        Library(stories)
        raise AssertionError("a newer library opened for writing")
    except NewerLibrary:
        pass


async def test_the_tag_picker_first_to_meet_the_upgrade_lists_the_tags(library, make_app):
    """T read the tags in a worker of its own: "StoreError: … please upgrade" in the picker's place."""
    from pilot_steps import palette_names

    path, _ = library
    app = make_app(path)
    try:
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await settle(pilot)
            main = app.screen
            assert isinstance(main, MainScreen)
            upgraded_by_newer(path)
            await pilot.press("T")
            names = await palette_names(pilot, 3)
            assert "Farming" in names, names
            await settle(pilot)
            assert len(_said(app)) == 1 and main.unwritable, [str(n.message) for n in app._notifications]
    finally:
        getattr(store_library, "_AS_IS", set()).clear()


def test_the_summary_process_reads_an_upgraded_library_as_the_app_does(stories):  # noqa: F811
    """The read ahead's summary process (parts/summary_child) did not know the app's register: it answered
    "StoreError: … please upgrade" for every story, and the read ahead was lost (the view read the story itself when
    opened). Told by the app that it reads the library as it is, it reads it so too; nothing is written."""
    from tui.app.parts.summary_child import SummaryChild
    from tui.store.library import read_newer_as_is

    with Library(stories) as lib:
        story = lib.db.execute("SELECT id FROM stories ORDER BY size DESC, id LIMIT 1").fetchone()[0]
    upgraded_by_newer(stories)
    read_newer_as_is(stories)  # the app met the upgrade (parts/newer.py)
    child = SummaryChild()  # started after it: it opens the library anew
    try:
        for _ in (1, 2):
            what, payload = child.summarise(stories, story, (60, 40))
            assert what == "ok", payload
            assert payload[0].id == story and payload[1] is not None
        assert child.started == 1
        with Library(stories, readonly=True) as lib:
            assert lib.ahead == SCHEMA_VERSION + 1
    finally:
        child.stop()
        getattr(store_library, "_AS_IS", set()).clear()
