"""Typing a search: the cursor is on the best match (it stayed on the article it was on, the second row here),
`down` / `up` in the search box move it through the results while the box keeps the focus (they did nothing),
and `enter` then opens the article under it; `enter` without them goes to the results, as before, and the status line
says that `enter` opens the one under the cursor (walk28/29: at 80x24 only a highlight's colour changed, and a new
reader pressed enter again not knowing what the first one had done); typed fast, `enter` acts on the results typed."""

from __future__ import annotations

import contextlib

from pilot_steps import settle, started

from tui.app.widgets.search_box import SearchBox


@contextlib.asynccontextmanager
async def at_80x24(library, make_app):
    app = make_app(library[0])
    async with started(app, (80, 24)) as (pilot, main):
        yield app, pilot, main


async def press(pilot, *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


async def search(pilot, text: str) -> None:
    await pilot.press("/", *text)
    await settle(pilot)


async def test_down_and_up_in_the_search_box_pick_a_result_and_enter_opens_it(library, make_app):
    async with at_80x24(library, make_app) as (app, pilot, main):
        await pilot.press("G")  # the cursor on the oldest article, which the search also finds
        await search(pilot, "the")
        rows = main.articles.source
        assert len(rows) >= 3 and isinstance(app.focused, SearchBox)
        assert main.articles.cursor == 0  # the best match, not the article the cursor was on
        await pilot.press("down", "down")
        await settle(pilot)
        assert isinstance(app.focused, SearchBox) and main.articles.cursor == 2
        await pilot.press("up")
        await settle(pilot)
        assert main.articles.cursor == 1
        await press(pilot, "enter")
        assert main.article is not None and main.article.id == rows.row(1).id
        assert main.reading


async def test_enter_in_the_search_box_without_picking_goes_to_the_list(library, make_app):
    async with at_80x24(library, make_app) as (app, pilot, main):
        await search(pilot, "the")
        await press(pilot, "enter")
        assert app.focused is main.articles and main.article is None


async def test_a_slash_typed_in_the_search_box_is_part_of_the_search(library, make_app):
    """`/` is the search key; typed in the search box it was the key again and the box lost what was typed before it:
    "and/or" searched "or", a pasted "24/7" or path its last piece. In the box it is a character."""
    async with at_80x24(library, make_app) as (app, pilot, main):
        await search(pilot, "storm/wall")
        box = main.query_one("#search", SearchBox)
        assert box.value == "storm/wall" and isinstance(app.focused, SearchBox)
        assert main.listing.search == "storm/wall"
        await pilot.press("escape", "escape", "/", *"wall")  # `/` from the list still starts a search
        await settle(pilot)
        assert isinstance(app.focused, SearchBox) and box.value == "wall"


def status(main) -> str:
    return str(main.query_one("#library-status").render())


async def test_enter_in_the_search_box_says_on_the_status_line_that_enter_opens_and_enter_again_does(library,
                                                                                                    make_app):
    async with at_80x24(library, make_app) as (app, pilot, main):
        await search(pilot, "storm")
        assert "enter opens" not in status(main)  # (in the box enter does not open)
        await press(pilot, "enter")
        assert app.focused is main.articles and main.article is None
        assert status(main) == "search “storm” · esc clears · 1 article · enter opens · 1 unread"
        best = main.articles.current.id
        await press(pilot, "enter")
        assert main.article is not None and main.article.id == best
        await pilot.press("q")  # back to the results (narrow): the hint has done its work
        await settle(pilot)
        assert "enter opens" not in status(main) and "“storm”" in status(main)


async def test_the_hint_goes_when_the_search_is_typed_again(library, make_app):
    async with at_80x24(library, make_app) as (app, pilot, main):
        await search(pilot, "storm")
        await press(pilot, "enter")
        assert "enter opens" in status(main)
        await pilot.press("/")
        await settle(pilot)
        assert isinstance(app.focused, SearchBox) and "enter opens" not in status(main)


async def test_enter_on_a_search_that_found_nothing_goes_to_the_list_and_says_nothing_of_opening(library, make_app):
    """The list's line names the keys that work there ("u changes the view; esc clears"): enter goes to it, as
    before (tests/ui/test_empty_library_hint.py presses u there), and no "enter opens" is said of no article."""
    async with at_80x24(library, make_app) as (app, pilot, main):
        await search(pilot, "stormz")
        assert len(main.articles.source) == 0
        await press(pilot, "enter")
        assert app.focused is main.articles and "enter opens" not in status(main)


async def test_enter_typed_before_the_results_came_acts_on_them_when_they_come(library, make_app, monkeypatch):
    """Typed fast, `enter` came while the list still showed the results of an earlier search (here none): it acted
    on those. It waits for the results typed, then goes to them."""
    import threading

    from tui.app.parts import library_query

    release = threading.Event()
    source = library_query._source

    def held(lib, search, *args):
        if search == "storm":
            release.wait(30)
        return source(lib, search, *args)

    monkeypatch.setattr(library_query, "_source", held)
    async with at_80x24(library, make_app) as (app, pilot, main):
        await search(pilot, "stormz")
        assert len(main.articles.source) == 0
        await pilot.press("backspace", "enter")  # "storm": its results are being read
        assert isinstance(app.focused, SearchBox) and main.listing.loading
        release.set()
        await settle(pilot)
        assert app.focused is main.articles and main.articles.current.title.startswith("Harbour town votes")
        assert "enter opens" in status(main)


async def test_two_enters_typed_before_the_results_came_open_the_best_match(library, make_app, monkeypatch):
    """"/storm⏎⏎" typed at once: the second enter was lost while the results were read (the reader saw the list,
    not the article). Both count: to the results, then the best match opened."""
    import threading

    from tui.app.parts import library_query

    release = threading.Event()
    source = library_query._source
    monkeypatch.setattr(library_query, "_source",
                        lambda lib, search, *args: (search != "storm" or release.wait(30)) and source(lib, search, *args))
    async with at_80x24(library, make_app) as (app, pilot, main):
        await pilot.press("/", *"storm", "enter", "enter")
        assert main.article is None
        release.set()
        await settle(pilot)
        assert main.article is not None and main.article.title.startswith("Harbour town votes")
