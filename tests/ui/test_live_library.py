"""Articles added while the app runs appear without a restart (issue 10 item 9), and an idle library costs a poll."""

from __future__ import annotations

import time

from pilot_steps import settle, started, wait_until

from tui.models import Article
from tui.store import Library

NEW = Article(title="Ferry timetable doubles for the summer", published="2026-02-10",
              body="The island ferry will sail twice an hour from June, the operator said on Tuesday.")


async def _wait_for(pilot, condition, seconds: float = 3.0) -> float:
    """Let the app run until `condition()` holds; returns how long it took (fails after `seconds`)."""
    start = time.monotonic()
    await wait_until(pilot, condition, "the app did not notice in time", seconds)
    return time.monotonic() - start


async def test_an_article_added_by_another_process_appears_and_the_cursor_stays(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        before = len(screen.articles.source)
        await pilot.press("j", "j")
        on = screen.articles.current.id
        with Library(path) as other:  # e.g. `newsreader add` in another terminal
            new_id = other.add(NEW)[1]
        took = await _wait_for(pilot, lambda: len(screen.articles.source) == before + 1)
        await settle(pilot)
        assert took < 1.5
        assert screen.articles.source.row(0).id == new_id  # the newest, on top
        assert screen.articles.current.id == on            # the cursor stayed on the same article
        assert screen.articles.cursor == 3

        with Library(path) as other:
            other.remove(new_id)
        await _wait_for(pilot, lambda: len(screen.articles.source) == before)
        await settle(pilot)
        assert screen.articles.current.id == on and screen.articles.cursor == 2


async def test_a_search_in_progress_sees_new_matches(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app, keys=("/", *"ferry")) as (pilot, screen):
        assert len(screen.articles.source) == 0
        with Library(path) as other:
            other.add(NEW)
        await _wait_for(pilot, lambda: len(screen.articles.source) == 1)
        assert screen.articles.source.row(0).title == NEW.title


async def test_other_writes_and_an_idle_library_do_not_reload_the_list(library, make_app, monkeypatch):
    path, ids = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        reloads = []
        screen.changes.changed = lambda: reloads.append(1)
        assert screen.changes.check() is False  # nothing changed: one PRAGMA, no reload
        seen = screen.changes._version
        with Library(path) as other:  # the background pass caching an analysis, a mark from another window
            first = next(iter(ids.values()))
            other.put_analysis(first, "some-key", "{}", [("GPE", "Port Ellin", 2)])
            other.set_read(first, True)
        # the poll that saw the writes (data_version moved) and found the articles as they were
        await _wait_for(pilot, lambda: screen.changes._version != seen)
        assert reloads == []
        with Library(path) as other:
            other.add(NEW)
        await _wait_for(pilot, lambda: reloads == [1])
