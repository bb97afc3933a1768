"""The stories list opened on story tables another program left disagreeing (session 36, issue 13; app36's noticed):
the app mended them only on a quiet refresh round, so an app with no feeds or folders kept listing a hand-made story
with no articles ("5 art", from the figures it was given) until a `newsreader stories` ran elsewhere. Opening the
list now runs the same quick check as `stories` (store.stories_untrue) and mends the tables; a read-only library is
never written, and its list is counted from the articles instead."""

from __future__ import annotations

import hashlib
import sqlite3

from damaged_pages import run_sql
from pilot_steps import settle, wait_until
from test_page_marks_shown import stories  # noqa: F401  (stories: the fixture)

from tui.app.screens.main import MainScreen

GHOST = ["INSERT INTO stories (id, title, first, last, size) VALUES (99, 'Ghost quay', '2026-01-01', '2099-01-01', 5)",
         "INSERT INTO story_stats (story_id, members, unread, outlets) VALUES (99, 5, 5, 2)"]


def _rows(main) -> dict[int, int]:
    source = main.articles.source
    return {source.row(i).id: source.row(i).size for i in range(len(source))}


def _members(path) -> dict[int, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(con.execute("SELECT story_id, count(*) FROM story_articles GROUP BY story_id"))
    finally:
        con.close()


async def _story_list(app, pilot) -> MainScreen:
    await settle(pilot)
    main = app.screen
    assert isinstance(main, MainScreen)
    await pilot.press("v")
    await wait_until(pilot, lambda: main.articles.source is not None and main.articles.source.kind == "stories",
                     lambda: "the stories list was not shown")
    await settle(pilot)
    return main


async def test_a_hand_made_story_with_no_articles_is_mended_when_the_list_opens(stories, make_app):  # noqa: F811
    real = _members(stories)
    run_sql(stories, GHOST)
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await _story_list(app, pilot)
        await wait_until(pilot, lambda: 99 not in _rows(main), lambda: f"still listed: {_rows(main)}")
        assert set(_rows(main)) == set(real), _rows(main)
    con = sqlite3.connect(stories)
    assert con.execute("SELECT count(*) FROM stories WHERE id = 99").fetchone()[0] == 0  # mended in the file
    assert con.execute("SELECT count(*) FROM story_stats WHERE story_id = 99").fetchone()[0] == 0
    con.close()
    assert _members(stories) == real  # the real stories as they were


async def test_a_read_only_library_is_listed_as_counted_from_its_articles(stories, make_app, monkeypatch):  # noqa: F811
    from tui.store import library

    real = _members(stories)
    first = min(real)
    run_sql(stories, [*GHOST, f"UPDATE story_stats SET members = members + 7 WHERE story_id = {first}"])
    before = hashlib.sha256(stories.read_bytes()).hexdigest()
    monkeypatch.setattr(library, "why_read_only", lambda p: "on a read-only file system")
    app = make_app(stories)
    async with app.run_test(size=(120, 40)) as pilot:
        main = await _story_list(app, pilot)
        assert _rows(main) == real, (_rows(main), real)  # no ghost; the inflated figure counted from the articles
        assert len(main.articles.source) == len(real)
        main.changes.check()  # the tick: the count it compares is the counted one (no reading again at every tick)
        await settle(pilot)
        assert _rows(main) == real
    assert hashlib.sha256(stories.read_bytes()).hexdigest() == before  # never written
