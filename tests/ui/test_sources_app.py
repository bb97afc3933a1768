"""Feeds and watched folders in the running app: `R`, the feeds list, the article header, offline errors,
refresh_on_start and folder scans. Feeds come from a real HTTP server on 127.0.0.1 started here."""

from __future__ import annotations

import pytest

from pilot_steps import open_briefing, settle, started, toasts_of, wait_until
from ui_sample import ORCHARD

from tests.sources.feedserver import Site
from tui.store import Library

WORDS = ("the ferry to the island will run twice a day from spring while the old pier is mended and the "
         "harbour master asks drivers to book a place a week ahead because the summer crossings filled early "
         "last year and many families waited on the quay for hours in the heat before the last boat left").split()


def story_body(seed: int) -> str:
    """About ninety words of our own, different for every seed (more than a teaser)."""
    return " ".join(WORDS[(seed + i) % len(WORDS)] for i in range(90)) + "."


def rss(base: str) -> bytes:
    items = "".join(
        f"<item><title>Ferry timetable news {n}</title><guid>ferry-{n}</guid><link>{base}/story/{n}</link>"
        f"<pubDate>Tue, 0{n} Dec 2026 08:00:00 GMT</pubDate><description>{story_body(n)}</description></item>"
        for n in (1, 2))
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Island Ferry News</title>'
            f"<link>{base}/</link><description>ferries</description>{items}</channel></rss>").encode()


def ferry_site() -> Site:
    """A local server (tests/sources/feedserver.py) serving /feed.xml: the two items of `rss`."""
    site = Site()
    site.routes["/feed.xml"] = lambda request: (200, {"Content-Type": "application/rss+xml"}, rss(site.base))
    return site


@pytest.fixture
def server():
    """Serves /feed.xml (two items) and /broken (500) until the test ends."""
    site = ferry_site()
    site.routes["/broken"] = (500, {"Content-Type": "text/plain"}, b"oops")
    yield site.base
    site.close()


def closed_port() -> int:
    """A port on 127.0.0.1 nobody listens on (bound, then closed)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def titles(screen) -> list[str]:
    source = screen.articles.source
    return [source.row(i).title for i in range(len(source))]


async def test_R_refreshes_then_the_feeds_list_filters_and_the_header_shows_the_feed(library, make_app, server,
                                                                                      monkeypatch):
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"{server}/feed.xml")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        before = len(titles(main))
        await pilot.press("R")
        await pilot.pause()
        await settle(pilot)
        await settle(pilot)
        assert any("Feeds: 2 new, 0 updated · 1/1 ok" in t for t in toasts), toasts
        assert {"Ferry timetable news 1", "Ferry timetable news 2"} <= set(titles(main))
        assert len(titles(main)) == before + 2 and main.sources.progress == ""
        # The feeds list: unread counts; enter narrows the library to the feed.
        await pilot.press("F")
        await settle(pilot)
        page = app.screen
        assert type(page).__name__ == "FeedsScreen"
        listed = [str(page.query_one("#feeds-list").get_option_at_index(i).prompt)
                  for i in range(page.query_one("#feeds-list").option_count)]
        # the library's figures on its line too, as its status line counts them (the line had none)
        shown, unread = main.lib.count(), main.unread.count
        assert listed[0] == f"{unread:,} All articles  (the whole library: {shown:,} articles)", listed
        assert any(s.lstrip().startswith("2 Island Ferry News  2 articles") for s in listed), listed
        page.query_one("#feeds-list").highlighted = next(i for i, s in enumerate(listed) if "Island Ferry" in s)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main and sorted(titles(main)) == ["Ferry timetable news 1", "Ferry timetable news 2"]
        assert "feed Island Ferry News" in str(main.query_one("#library-status").render())
        await pilot.press("g", "enter")
        await settle(pilot)
        header = [main.body.line_text(i) for i in range(6)]
        # (one line, or wrapped after the feed's name in a narrower article pane)
        assert "Feed: Island Ferry News · http://127.0.0.1:" in " ".join(header), header
        # esc (in the list) lifts the feed filter.
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert len(titles(main)) == before + 2


async def test_refresh_offline_says_per_feed_in_one_line_why(library, make_app, server, monkeypatch):
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"http://127.0.0.1:{closed_port()}/feed.xml", "Nobody Home")
        add_feed(lib, f"{server}/broken", "Broken Server")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("R")
        await settle(pilot)
        await settle(pilot)
        toast = next(t for t in toasts if t.startswith("Feeds:"))
        lines = toast.splitlines()
        assert lines[0] == "Feeds: 0 new, 0 updated · 0/2 ok"
        failed = {line.split(":")[0] for line in lines[1:]}
        assert failed == {"✗ Nobody Home", "✗ Broken Server"}, lines
        assert all("Traceback" not in line and len(line) < 240 for line in lines)
        # Still usable: the list moves, an article opens.
        await pilot.press("j", "enter")
        await settle(pilot)
        assert app.screen.article is not None


async def test_refresh_on_start_and_watched_folders_bring_articles_in_while_the_app_runs(
        library, make_app, server, tmp_path, monkeypatch):
    from tui.app.parts import sources
    from tui.store.feeds import add_feed
    from tui.store.watch import add_watch

    monkeypatch.setattr(sources, "START_DELAY", 0.05)
    monkeypatch.setattr(sources, "SCAN_EVERY", 0.3)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "first.txt").write_text(ORCHARD.body.replace("Apple", "Pear") + "\n")
    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"{server}/feed.xml")
        add_watch(lib, str(folder))
    (tmp_path / "config.toml").write_text('refresh_on_start = true\nrefresh_every = "30m"\n')
    app = make_app(path)
    assert app.config.refresh_on_start and app.config.refresh_every == 1800
    app.sources = True  # the tests' environment turns the timers off
    toasts = toasts_of(app, monkeypatch)
    scans = []
    scan = sources.SourcesRefresh._scan
    monkeypatch.setattr(sources.SourcesRefresh, "_scan", lambda self, *a: (scans.append(1), scan(self, *a))[1])
    async with app.run_test(size=(160, 48)) as pilot:
        main = app.screen
        await wait_until(pilot, lambda: "Ferry timetable news 1" in titles(main) and len(titles(main)) >= 7,
                         lambda: (titles(main), toasts))  # refreshed at start, no key pressed
        assert len(titles(main)) == 4 + 2 + 1  # the sample, the feed's two, the dropped file
        # More files land while the app runs: the next scan brings each in once.
        for n in range(3):
            (folder / f"more-{n}.md").write_text(f"# Quay notes {n}\n\n{story_body(n + 10)}\n")
        await wait_until(pilot, lambda: len(titles(main)) >= 10, lambda: titles(main))
        after = len(scans)
        await wait_until(pilot, lambda: len(scans) >= after + 2, "two more folder scans")  # nothing doubles
        await settle(pilot)
        assert len(titles(main)) == 10 and sum(t.startswith("Quay notes") for t in titles(main)) == 3


async def test_R_in_the_feeds_list_refreshes_the_feed_under_the_cursor(library, make_app, server, monkeypatch):
    from tui.store.feeds import add_feed, get_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"{server}/feed.xml", "Island Ferry News")
        broken, _ = add_feed(lib, f"{server}/broken", "Broken Gazette")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, keys="F") as (pilot, page):
        options = page.query_one("#feeds-list")
        listed = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        options.highlighted = next(i for i, s in enumerate(listed) if "Island Ferry" in s)
        await pilot.press("R")
        await pilot.pause()
        await settle(pilot)
        await settle(pilot)
        assert any("Refreshing Island Ferry News" in t for t in toasts), toasts
        assert any("Feeds: 2 new, 0 updated · 1/1 ok" in t for t in toasts), toasts  # that feed only
    with Library(path) as lib:
        assert get_feed(lib, broken).last_status is None  # the other feed was not asked


async def test_the_feeds_list_shows_a_refresh_it_started_with_the_cursor_kept(library, make_app, server, monkeypatch):
    """R in the feeds list: the toast said "Feeds: 2 new" while the list went on showing the counts it opened with
    ("0 Island Ferry News  0 articles", never refreshed). It is read again when the refresh ends, the cursor on the
    row it was on."""
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"{server}/broken", "Broken Gazette")
        add_feed(lib, f"{server}/feed.xml", "Island Ferry News")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with started(app, keys="F") as (pilot, page):
        options = page.query_one("#feeds-list")

        def row(name: str) -> str:
            return next(str(options.get_option_at_index(i).prompt) for i in range(options.option_count)
                        if name in str(options.get_option_at_index(i).prompt))

        assert row("Island Ferry").startswith("0 Island Ferry News  0 articles"), row("Island Ferry")
        options.highlighted = options.get_option_index("f:1")  # Island Ferry News
        await pilot.press("R")
        await wait_until(pilot, lambda: any("Feeds: 2 new" in t for t in toasts) and "2 articles" in row("Island Ferry"),
                         lambda: (toasts, row("Island Ferry")))
        await settle(pilot)
        assert row("Island Ferry").startswith("2 Island Ferry News  2 articles · refreshed "), row("Island Ferry")
        assert "2 unread" in str(page.query_one("#feeds-head").render())
        assert options.highlighted == options.get_option_index("f:1")


async def test_R_in_the_briefing_brings_the_new_stories_in(library, make_app, server, monkeypatch):
    """Everything read, the briefing says R fetches news; R pressed there fetched two articles and the briefing went
    on saying "No unread stories" until it was closed and opened again."""
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        lib.db.execute("UPDATE articles SET read = 1")
        lib.db.commit()
        add_feed(lib, f"{server}/feed.xml", "Island Ferry News")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(120, 30)) as pilot:
        page = await open_briefing(pilot)
        assert str(page.query_one("#briefing-head").render()) == "0 unread stories"
        await pilot.press("R")

        def listed() -> str:
            options = page.query_one("#briefing-list")
            return " ".join(str(options.get_option_at_index(i).prompt) for i in range(options.option_count))

        await wait_until(pilot, lambda: "Ferry timetable news" in listed(), listed)
        await settle(pilot)
        assert any("Feeds: 2 new" in t for t in toasts), toasts
        assert app.screen is page and "Ferry timetable news" in listed(), listed()
        assert str(page.query_one("#briefing-head").render()) != "0 unread stories"


async def test_R_with_no_feed_says_how_to_subscribe_in_the_app(library, make_app, monkeypatch):
    """R with no feed subscribed said "No feeds yet: add one with `newsreader feed add URL`" (seen in tmux): the app's
    own way (F, then a) was not named, as the empty library's hint names it."""
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        said = toasts_of(app, monkeypatch)
        await settle(pilot)
        await pilot.press("R")
        await settle(pilot)
        await settle(pilot)
        assert any("No feeds yet: F, then a, subscribes to one (or `newsreader feed add URL`)" in t for t in said), said
        await pilot.press("R")  # again: the same toast replaces itself (two stacked over the list at 80x24)
        await settle(pilot)
        await settle(pilot)
        assert [str(n.message) for n in app._notifications].count(said[-1]) == 1, list(app._notifications)


async def test_a_folder_scan_nobody_asked_for_is_titled_by_its_folders(library, make_app, tmp_path, monkeypatch):
    """A file the timer's folder scan skipped (one word: no article) was toasted under the title "Refresh" though the
    reader had refreshed nothing (walk27); a scan of the watched folders alone says "Watched folders"."""
    from tui.app.parts import sources
    from tui.store.watch import add_watch

    monkeypatch.setattr(sources, "START_DELAY", 0.05)
    monkeypatch.setattr(sources, "SCAN_EVERY", 0.3)
    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "tiny.txt").write_text("x")
    path, _ = library
    with Library(path) as lib:
        add_watch(lib, str(folder))
    app = make_app(path)
    app.sources = True  # the tests' environment turns the timers off
    titled: list[tuple[str, str]] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (titled.append((kw.get("title", ""), message)),
                                                              notify(message, **kw)))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: any("tiny.txt" in message for _t, message in titled), lambda: titled)
        assert [t for t, message in titled if "tiny.txt" in message] == ["Watched folders"], titled


async def test_R_says_how_many_new_items_were_already_in_the_library(library, make_app, server, monkeypatch):
    """A second feed carrying the same two stories (a syndicated copy): R stored no new article and the toast said
    "Feeds: 0 new, 0 updated · 2/2 ok", while `newsreader refresh` says "2 already in the library" and the feeds list
    counts the two under the second feed: the app's toast names them too."""
    from tui.store.feeds import add_feed

    path, _ = library
    with Library(path) as lib:
        add_feed(lib, f"{server}/feed.xml", "Island Ferry News")
    app = make_app(path)
    toasts = toasts_of(app, monkeypatch)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("R")
        await wait_until(pilot, lambda: any(t.startswith("Feeds: ") for t in toasts), toasts)
        assert any(t.startswith("Feeds: 2 new, 0 updated · 1/1 ok") for t in toasts), toasts
        with Library(path) as lib:
            add_feed(lib, f"{server}/feed.xml?copy=1", "Ferry Copy")
        toasts.clear()
        await pilot.press("R")
        await wait_until(pilot, lambda: any(t.startswith("Feeds: ") for t in toasts), toasts)
        assert any(t.startswith("Feeds: 0 new, 2 already in the library, 0 updated · 2/2 ok") for t in toasts), toasts
