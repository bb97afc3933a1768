"""`a` while a search, a filter or a view narrows the list (walk28, walk29): the toast said "Added: X" (or "Already in
the library: X") while the list did not show X, and nothing said why or how to see it. The toast now says what hides
it and the key that shows it; `esc` clears the search and the cursor is on X. An article the list shows is one row,
the cursor on it, as before. Our own made-up articles."""

from __future__ import annotations

import contextlib

from pilot_steps import settle, shown_toasts, started

from tui.store import Library

POND = ("Mill pond drained for repairs\n\nSource: Valley Farmer\n• Published May 2, 2019\n\n"
        "The mill pond at Ashby was drained on Monday so that masons can repair the sluice gate. "
        "The work will take six weeks, the parish council said.\n")
SCHOOL = ("---\ntitle: Harbour school teaches online during the storm wall works\nsource: Port Ellin News\n"
          "date: 2026-01-20\n---\nPORT ELLIN — The harbour school will teach online while the storm wall is rebuilt, "
          "its head said on Monday.\n\n\"We will not ask families to walk along the quay while the cranes work,\" "
          "she said.\n")


def titles(main) -> list[str]:
    rows = main.articles.source
    return [rows.row(i).title for i in range(len(rows))]


async def add(pilot, path) -> None:
    await pilot.press("a")
    pilot.app.screen.query_one("#add-path").value = str(path)
    await pilot.press("enter")
    await settle(pilot)


@contextlib.asynccontextmanager
async def added_under_a_search(library, make_app, tmp_path, query="cider", name="pond.txt", text=POND):
    """The app at 80x24 with the search `query` typed and then the file `name` holding `text` added (by default the
    pond article under "cider", which does not find it)."""
    (tmp_path / name).write_text(text, encoding="utf-8")
    app = make_app(library[0])
    async with started(app, (80, 24), keys=("/", *query, "enter")) as (pilot, main):
        await add(pilot, tmp_path / name)
        yield app, pilot, main


async def test_an_article_the_search_does_not_find_is_said_hidden_and_esc_puts_the_cursor_on_it(library, make_app,
                                                                                              tmp_path):
    async with added_under_a_search(library, make_app, tmp_path) as (app, pilot, main):
        said = shown_toasts(app)[-1]
        assert said == ("Added: Mill pond drained for repairs\nNot in this list: the search “cider” does not find it "
                        "(esc clears the search and shows it).")
        assert titles(main) == ["Cider makers count the cost of a wet spring"]  # the search's list, unchanged
        await pilot.press("escape")
        await settle(pilot)
        assert len(titles(main)) == 5 and main.articles.current.title == "Mill pond drained for repairs"
        await pilot.press("enter")
        await settle(pilot)
        assert main.article.title == "Mill pond drained for repairs"


async def test_an_article_already_in_the_library_that_the_search_hides_the_same(library, make_app, tmp_path):
    path, _ = library
    (tmp_path / "pond.txt").write_text(POND, encoding="utf-8")
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, main):
        await add(pilot, tmp_path / "pond.txt")
        assert shown_toasts(app)[-1] == "Added: Mill pond drained for repairs"  # the list shows it: nothing more
        await pilot.press("/", *"robot", "enter")
        await settle(pilot)
        await add(pilot, tmp_path / "pond.txt")
        assert shown_toasts(app)[-1] == ("Already in the library: Mill pond drained for repairs\nNot in this list: the "
                                         "search “robot” does not find it (esc clears the search and shows it).")
        await pilot.press("escape")
        await settle(pilot)
        assert main.articles.current.title == "Mill pond drained for repairs"


async def test_an_article_the_search_finds_is_one_row_with_the_cursor_on_it(library, make_app, tmp_path):
    async with added_under_a_search(library, make_app, tmp_path, "storm", "school.md", SCHOOL) as (app, pilot, main):
        assert shown_toasts(app)[-1] == "Added: Harbour school teaches online during the storm wall works"
        shown = titles(main)
        assert sorted(shown) == ["Harbour school teaches online during the storm wall works",
                                 "Harbour town votes to rebuild its storm wall before winter"]
        assert main.articles.current.title == "Harbour school teaches online during the storm wall works"
        status = str(main.query_one("#library-status").render())
        assert "2 articles" in status and "“storm”" in status


async def test_a_new_search_after_it_puts_the_cursor_on_its_best_match_not_on_the_hidden_article(library, make_app,
                                                                                                tmp_path):
    async with added_under_a_search(library, make_app, tmp_path) as (app, pilot, main):
        await pilot.press("/", *"the", "enter")  # finds the pond too, not first
        await settle(pilot)
        assert "Mill pond drained for repairs" in titles(main) and main.articles.cursor == 0
        first = titles(main)[0]
        await pilot.press("escape")
        await settle(pilot)
        assert main.articles.current.title == first != "Mill pond drained for repairs"


async def test_in_the_starred_view_the_toast_names_the_view_and_its_key(library, make_app, tmp_path):
    path, ids = library
    with Library(path) as lib:
        lib.set_starred(next(iter(ids.values())), True)
    (tmp_path / "pond.txt").write_text(POND, encoding="utf-8")
    app = make_app(path)
    async with started(app, (80, 24), keys=("u", "u")) as (pilot, main):
        await add(pilot, tmp_path / "pond.txt")
        assert shown_toasts(app)[-1] == ("Added: Mill pond drained for repairs\nNot in this list: it is not starred "
                                         "(u changes the view).")
