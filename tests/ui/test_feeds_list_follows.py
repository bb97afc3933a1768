"""The feeds list (`F`) follows what another program does to the feeds while it is open (`newsreader feed add`,
`watch add`, `refresh` in a second terminal): it stayed as it was opened until it was opened again. And its key line
says what `R` does where the cursor is: a feed refreshes that feed, anywhere else every feed and folder (it said
"R refresh it" on "All articles" too)."""

from __future__ import annotations

from pilot_steps import settle, wait_until
from test_feeds_list_layout import feeds_page_lines, shown

from tui.store import Library


def lines_of(app) -> list[str]:
    found = app.screen.query("#feeds-list")
    return shown(found.first()) if found else []


async def test_a_feed_and_a_folder_another_program_adds_show_while_the_list_is_open(library, make_app, tmp_path):
    from tui.store.feeds import add_feed, update_feed
    from tui.store.watch import add_watch

    path, _ids = library
    with Library(path) as lib:
        add_feed(lib, "http://127.0.0.1:9/ferry.xml", "Island Ferry News")
    folder = tmp_path / "harbour-clippings"
    folder.mkdir()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = await feeds_page_lines(pilot, "Island Ferry News")
        assert not any("Harbour Gazette" in x for x in lines), lines
        listing = app.screen.query_one("#feeds-list")
        listing.highlighted = listing.get_option_index("f:0")  # the cursor on the first feed
        await pilot.pause()
        with Library(path) as other:  # another program's connection, as `newsreader feed add` in a second terminal
            gazette, _ = add_feed(other, "http://127.0.0.1:9/gazette.xml", "Harbour Gazette")
        await wait_until(pilot, lambda: any("Harbour Gazette" in x for x in lines_of(app)),
                         lambda: f"the feed added elsewhere, in {lines_of(app)}")
        assert app.screen.feed_under_cursor().name == "Island Ferry News"  # the cursor stayed on its feed
        with Library(path) as other:  # `watch add`, then a refresh that failed (`refresh` elsewhere)
            add_watch(other, str(folder))
            update_feed(other, gazette, last_status="error", last_refresh="2026-12-05T09:00:00",
                        last_error="could not connect to the server")
        await wait_until(pilot, lambda: any("harbour-clippings" in x for x in lines_of(app))
                         and any("could not connect" in x for x in lines_of(app)),
                         lambda: f"the folder and the failed refresh, in {lines_of(app)}")


async def test_the_key_line_says_what_r_refreshes_where_the_cursor_is(library, make_app):
    from tui.store.feeds import add_feed

    path, _ids = library
    with Library(path) as lib:
        add_feed(lib, "http://127.0.0.1:9/ferry.xml", "Island Ferry News")
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await feeds_page_lines(pilot, "Island Ferry News")

        def hint() -> str:
            return str(app.screen.query_one("#page-hint").render())

        assert app.screen.feed_under_cursor() is None  # on "All articles": R refreshes every feed and folder
        assert "R refresh all" in hint(), hint()
        listing = app.screen.query_one("#feeds-list")
        listing.highlighted = listing.get_option_index("f:0")
        await pilot.pause()
        assert "R refresh this feed" in hint(), hint()
        assert app.screen.query_one("#page-hint").render().cell_len <= 80
        await pilot.press("k")  # back up to "All articles" (the heading is passed over)
        await settle(pilot)
        assert "R refresh all" in hint(), hint()
