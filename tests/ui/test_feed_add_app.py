"""Adding and removing a feed from inside the app (issue 11, "In the app"): `a` in the feeds list and
"Add feed…" in the palette ask for a URL and fetch it in the background; `d` removes a feed after asking
whether its articles go too. Feeds come from a real HTTP server on 127.0.0.1 started here; no internet."""

from __future__ import annotations

import threading

import pytest

from pilot_steps import palette_type, settle, started, toasts_of, wait_until
from test_sources_app import closed_port, ferry_site, titles

from tui.store import Library


@pytest.fixture
def held():
    """Serves /feed.xml (two items); /held.xml answers only once the test sets the event it yields."""
    release = threading.Event()
    site = ferry_site()
    feed = site.routes["/feed.xml"]
    site.routes["/held.xml"] = lambda request: (release.wait(20), feed(request))[1]
    yield site.base, release
    release.set()
    site.close()


def listed(page) -> list[str]:
    options = page.query_one("#feeds-list")
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def type_url(pilot, url: str) -> None:
    await pilot.press(*url)


async def test_a_in_the_feeds_list_adds_a_feed_in_the_background_and_the_app_stays_usable(
        library, make_app, held, monkeypatch):
    base, release = held
    path, _ = library
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        before = len(titles(main))
        await pilot.press("F")
        await settle(pilot)
        page = app.screen
        assert "a adds one" in str(page.query_one("#feeds-head").render())
        assert "a add · d remove" in str(page.query_one("#page-hint").render())
        await pilot.press("a")
        await pilot.pause()
        assert type(app.screen).__name__ == "AddFeedDialog"
        await type_url(pilot, f"{base}/held.xml")
        await pilot.press("enter")
        await pilot.pause()
        # The server holds its answer: the app is back on the feeds list and answers keys meanwhile.
        assert app.screen is page and main.feed_changes.pending == 1
        assert any(t.startswith("Adding http://127.0.0.1:") for t in toasts), toasts
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is main
        assert "adding a feed…" in str(main.query_one("#library-status").render())
        cursor = main.articles.cursor
        await pilot.press("j")
        await pilot.pause()
        assert main.articles.cursor == cursor + 1  # moved while the fetch waits
        release.set()
        await wait_until(pilot, lambda: any(t.startswith("Feed added") for t in toasts))
        await settle(pilot)
        assert "Feed added: Island Ferry News · 2 items" in toasts, toasts
        assert {"Ferry timetable news 1", "Ferry timetable news 2"} <= set(titles(main))
        assert len(titles(main)) == before + 2 and main.feed_changes.pending == 0
        assert "adding" not in str(main.query_one("#library-status").render())
        # The feeds list shows it now.
        await pilot.press("F")
        await settle(pilot)
        assert any(s.startswith("2 Island Ferry News  2 articles") for s in listed(app.screen)), listed(app.screen)


async def test_the_feeds_list_open_while_a_feed_lands_shows_it_with_the_cursor_on_it(library, make_app, held):
    base, _ = held
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys="F") as (pilot, page):
        await pilot.press("a")
        await pilot.pause()
        await type_url(pilot, f"{base}/feed.xml")
        await pilot.press("enter")
        await wait_until(pilot, lambda: len(page.feeds) == 1)
        await settle(pilot)
        assert page.feeds[0].name == "Island Ferry News" and page.feeds[0].total == 2
        assert "Island Ferry News" in listed(page)[page.query_one("#feeds-list").highlighted]
        assert str(page.query_one("#feeds-head").render()).startswith("1 feed · 2 unread")


async def test_add_feed_from_the_palette_with_full_text_and_a_known_feed(library, make_app, held, monkeypatch):
    from tui.store.feeds import list_feeds

    base, _ = held
    path, _ = library
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await palette_type(pilot, "Add feed")
        await pilot.press("enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "AddFeedDialog")
        assert type(app.screen).__name__ == "AddFeedDialog"
        await type_url(pilot, f"{base}/feed.xml")
        await pilot.press("tab", "space")  # the full-text option on
        assert app.screen.query_one("#feed-full-text").value
        await pilot.press("enter")  # on the option: adds (it does not turn the option off again)
        await wait_until(pilot, lambda: any(t.startswith("Feed added") for t in toasts))
        await settle(pilot)
        # the items' pages are not served (404): said under the count, their text the feed's (walk36: it was not said)
        assert ("Feed added: Island Ferry News · 2 items\n2 item pages could not be read (HTTP 404 Not Found): "
                "their text is the feed's") in toasts, toasts
        # The same URL again: said, nothing doubles.
        app.screen.action_add_feed()
        await pilot.pause()
        await type_url(pilot, f"{base}/feed.xml")
        await pilot.press("enter")
        await wait_until(pilot, lambda: any(t.startswith("Already subscribed") for t in toasts))
        assert "Already subscribed: Island Ferry News" in toasts, toasts
    with Library(path) as lib:
        feeds = list_feeds(lib)
        assert [(f.name, f.full_text, f.total) for f in feeds] == [("Island Ferry News", True, 2)]


async def test_the_full_text_box_shows_an_x_only_when_on(library, make_app):
    # walk36: Textual's checkbox shows an X on and off alike (its colour alone differs): an option left off read as on
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.action_add_feed()
        await wait_until(pilot, lambda: type(app.screen).__name__ == "AddFeedDialog" and app.screen.query("#feed-keys"))
        box = app.screen.query_one("#feed-full-text")
        await type_url(pilot, "http://127.0.0.1:9/feed.xml")
        await pilot.press("tab")  # on the option: still off
        await pilot.pause()
        shown = str(box.render())
        assert not box.value and "X" not in shown, shown
        assert shown.rstrip().endswith("Fetch each item's page for its full text"), shown
        await pilot.press("space")
        await pilot.pause()
        assert box.value and "X" in str(box.render())
        await pilot.press("space")
        await pilot.pause()
        assert not box.value and "X" not in str(box.render())


async def test_offline_a_bad_url_and_a_page_with_no_feed_say_why_in_one_line(library, make_app, held, monkeypatch):
    from tui.store.feeds import list_feeds

    base, _ = held
    path, _ = library
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        before = len(titles(main))
        # Not http(s): said in the prompt, which stays open.
        main.action_add_feed()
        await pilot.pause()
        await type_url(pilot, "ftp://127.0.0.1/feed.xml")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert type(dialog).__name__ == "AddFeedDialog"
        assert "only http and https" in str(dialog.query_one("#feed-error").render())
        await pilot.press("escape")
        await pilot.pause()
        # Nobody listening (offline): one line in a toast, no traceback.
        for url in (f"http://127.0.0.1:{closed_port()}/feed.xml", f"{base}/missing"):
            main.action_add_feed()
            await pilot.pause()
            await type_url(pilot, url)
            await pilot.press("enter")
            await wait_until(pilot, lambda: sum(t.startswith("Feed not added") for t in toasts) >= 1 + (url.endswith("missing")))
        failed = [t for t in toasts if t.startswith("Feed not added")]
        assert len(failed) == 2, toasts
        assert all("\n" not in t and "Traceback" not in t and len(t) < 300 for t in failed), failed
        assert "404" in failed[1], failed
        # the answer replaces the "Adding … in the background…" toast, which stayed on screen beside it
        shown = [str(n.message) for n in app._notifications]
        assert not any(t.startswith("Adding ") for t in shown) and shown[-1] == failed[1], shown
        await pilot.press("j")
        await pilot.pause()
        assert len(titles(main)) == before
    with Library(path) as lib:
        assert list_feeds(lib) == []


async def test_d_removes_a_feed_keeping_or_deleting_its_articles(library, make_app, held, monkeypatch):
    from tui.sources import subscribe
    from tui.store.feeds import list_feeds

    base, _ = held
    path, _ = library
    with Library(path) as lib:
        subscribe(lib, f"{base}/feed.xml")
        subscribe(lib, f"{base}/feed.xml?again", title="Second Copy")  # another URL, the same items
        total = lib.count()
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        main = app.screen
        await pilot.press("F")
        await settle(pilot)
        page = app.screen
        options = page.query_one("#feeds-list")
        options.highlighted = next(i for i, s in enumerate(listed(page)) if "Island Ferry" in s)
        # n: nothing happens.
        await pilot.press("d")
        await pilot.pause()
        assert type(app.screen).__name__ == "RemoveFeedDialog"
        await pilot.press("n")
        await settle(pilot)
        assert len(page.feeds) == 2
        # k: the feed goes, its articles stay.
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("k")
        await wait_until(pilot, lambda: len(page.feeds) == 1)
        await settle(pilot)
        assert "Feed removed: Island Ferry News (its articles kept)" in toasts, toasts
        assert [f.name for f in page.feeds] == ["Second Copy"]
        # Narrow the library to the other feed, then remove it with its articles: the filter goes too.
        options.highlighted = next(i for i, s in enumerate(listed(page)) if "Second Copy" in s)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main and main.listing.feed is not None
        await pilot.press("F")
        await settle(pilot)
        page = app.screen
        page.query_one("#feeds-list").highlighted = next(i for i, s in enumerate(listed(page)) if "Second Copy" in s)
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await wait_until(pilot, lambda: not page.feeds)
        await settle(pilot)
        assert "Feed removed: Second Copy (2 articles deleted)" in toasts, toasts
        assert main.listing.feed is None and len(titles(main)) == total - 2
    with Library(path) as lib:
        assert list_feeds(lib) == [] and lib.count() == total - 2


async def test_the_palette_offers_add_everywhere_and_remove_in_the_feeds_list(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        offered = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert offered["Add feed…"] == "key: a in the feeds list" and not any(t.startswith("Remove the feed") for t in offered)
        await pilot.press("F")
        await settle(pilot)
        offered = {c.title: c.help for c in app.get_system_commands(app.screen)}
        assert {"Add feed…", "Remove the feed (asks: keep its articles or not)"} <= set(offered)
        # in the feeds list its keys are this page's: "key: a", as the page's other keys (not "a in the feeds list")
        assert offered["Add feed…"] == "key: a" and offered["Remove the feed (asks: keep its articles or not)"] == "key: d"


def test_a_feeds_list_key_rebound_onto_a_page_key_is_reported():
    from tui.app import keymap

    assert keymap.clashes({}) == []
    assert any("'add_feed'" in p and "'refresh'" in p for p in keymap.clashes({"add_feed": "R"}))
    assert keymap.clashes({"add_feed": "x"}) == []


async def test_help_and_readme_list_the_feed_keys(library, make_app):
    from pathlib import Path

    from tui.app.screens.help import help_table

    from rich.console import Console

    console = Console(width=120, record=True)
    console.print(help_table({}))
    shown = console.export_text()
    assert "Feeds list (F)" in shown and "Add feed…" in shown and "Remove the feed" in shown
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    assert "`a`, `d` in the feeds list" in readme and "Add feed…" in readme


def test_quitting_while_a_feed_is_being_added_does_not_wait_for_the_server(library, make_app):
    """A server that accepts and never answers: `q` ends the app at once, not after the read timeout (20 s);
    the fetch is still waiting on its socket when the app has gone (before, the app waited it out)."""
    import asyncio
    import select

    from pilot_steps import connection_still_open, silent_server

    path, _ = library
    listener = silent_server()
    port = listener.getsockname()[1]

    async def run() -> None:
        app = make_app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            app.screen.feed_changes.add(f"http://127.0.0.1:{port}/feed.xml")
            await wait_until(pilot, lambda: select.select([listener], [], [], 0)[0], "the fetch's connection")
            await pilot.press("Q")

    try:
        asyncio.run(run())
        assert connection_still_open(listener)  # the fetch still waiting on its socket when the app had gone
    finally:
        listener.close()


async def _add_prompt(pilot) -> None:
    await settle(pilot)
    await pilot.press("F")
    await settle(pilot)
    await pilot.press("a")
    await pilot.pause()
    pilot.app.screen.query_one("#feed-url").cursor_blink = False
    await pilot.press(*"https://example.org/feed.xml")
    await wait_until(pilot, lambda: pilot.app.screen.query_one("#feed-url").value == "https://example.org/feed.xml")
    await pilot.pause()


async def _remove_question(pilot) -> None:
    await settle(pilot)
    await pilot.press("F")
    await settle(pilot)
    await pilot.press("j", "d")
    await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "RemoveFeedDialog",
                     lambda: pilot.app.screen)
    await pilot.pause()


@pytest.fixture
def one_feed(cached_library):
    from tui.store.feeds import add_feed

    path, _ = cached_library
    with Library(path) as lib:
        add_feed(lib, "https://example.org/ferry.xml", "Island Ferry News")
    return path


@pytest.mark.parametrize("step", [_add_prompt, _remove_question], ids=["add", "remove"])
def test_feed_dialogs_at_80x24(one_feed, make_app, snap_compare, step):
    assert snap_compare(make_app(one_feed), terminal_size=(80, 24), run_before=step)
