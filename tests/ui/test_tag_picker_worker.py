"""The tag picker (`T`) shows at once and reads the library's tags in a worker thread, not on the UI
thread (all_tags is a whole-table query: 23 ms at 100,000 articles); the second time it shows the tags
read before at once."""

from __future__ import annotations

import threading

from pilot_steps import palette_names, palette_type, settle, started, wait_until
from ui_sample import ORCHARD


def status(screen) -> str:
    return str(screen.query_one("#library-status").render())


async def test_the_tag_picker_shows_at_once_and_reads_the_tags_in_a_worker(library, make_app, monkeypatch):
    from textual.command import CommandInput, CommandPalette

    import tui.store.reader as reader

    real = reader.all_tags
    release, threads = threading.Event(), []

    def slow_tags(lib):
        threads.append(threading.current_thread() is threading.main_thread())
        release.wait(10)  # a big library: the reading takes a while
        return real(lib)

    monkeypatch.setattr(reader, "all_tags", slow_tags)
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, main):
        await pilot.press("T")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), lambda: app.screen)
        # Open while the tags are still being read, saying so; read off the UI thread.
        assert isinstance(app.screen, CommandPalette) and threads == [False]
        assert "loading" in app.screen.query_one(CommandInput).placeholder
        release.set()
        names = await palette_names(pilot, 3)
        assert "Farming" in names and app.screen.query_one(CommandInput).placeholder == "Filter by tag…"
        await palette_type(pilot, "farming")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is main and "tag Farming" in status(main)
        # The second time: the tags read before show at once, while they are read again for next time.
        release.clear()
        await pilot.press("T")
        names = await palette_names(pilot, 3, seconds=5)  # the slow read waits 10 s
        assert names[0] == "All tags" and "Farming" in names and len(threads) == 2
        release.set()
        await palette_type(pilot, "all tags")
        await pilot.press("enter")
        await settle(pilot)
        assert "tag" not in status(main) and len(main.articles.source) == 4


async def test_a_library_without_tags_says_so_and_closes_the_picker(library, make_app, monkeypatch):
    from textual.command import CommandPalette

    import tui.store.reader as reader

    monkeypatch.setattr(reader, "all_tags", lambda lib: [])
    path, _ = library
    app = make_app(path)
    toasts: list[str] = []
    notify = app.notify
    monkeypatch.setattr(app, "notify", lambda message, **kw: (toasts.append(message), notify(message, **kw)))
    async with started(app, (80, 24)) as (pilot, main):
        await pilot.press("T")
        await settle(pilot)
        await pilot.pause(0.1)
        assert app.screen is main and not isinstance(app.screen, CommandPalette)
        assert "No article in the library has tags." in toasts
        assert ORCHARD.title in [main.articles.source.row(i).title for i in range(len(main.articles.source))]


async def test_tags_that_arrive_with_new_articles_are_in_the_next_picker(library, make_app):
    """The picker showed the tags read the time before: after a refresh (or an add) brought a new tag in, the next T
    listed the old tags and counts, without the new one."""
    from tui.models import Article
    from tui.store import Library

    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        names = await palette_names(pilot, 3)
        assert "Fisheries" not in names
        await pilot.press("escape")
        await settle(pilot)
        with Library(path) as lib:
            lib.add(Article(title="Trawler quotas cut again", tags=["Fisheries"],
                            body="The fisheries board cut the trawler quotas for the third year running."))
        app.screen.reload_list()  # as after a refresh, an add or a folder scan
        await settle(pilot)
        await pilot.press("T")
        names = await palette_names(pilot, 3)
        assert "Fisheries" in names, names
