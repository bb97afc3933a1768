"""d, m, f and o on an empty list (the starred view with nothing starred, a search that finds nothing) did nothing
and said nothing (walk38), where c said "Open an article first". Each now says there is no article to act on. Our
own made-up articles (ui_sample.py)."""

from __future__ import annotations

from pilot_steps import settle, started, toasts_of

from tui.store import Library


async def test_keys_on_an_empty_list_say_the_list_is_empty(library, make_app, monkeypatch):
    path, _ids = library
    app = make_app(path)
    said = toasts_of(app, monkeypatch)
    async with started(app, (80, 24)) as (pilot, main):
        await pilot.press("u", "u")  # all -> unread -> starred: none is starred
        await settle(pilot)
        assert main.articles.current is None
        for key, verb in (("d", "delete"), ("m", "mark"), ("f", "star"), ("o", "open")):
            said.clear()
            await pilot.press(key)
            await settle(pilot)
            assert said == [f"No article to {verb}: the list is empty."], (key, said)
    with Library(path) as lib:  # and nothing was changed
        assert lib.db.execute("SELECT count(*) FROM articles WHERE starred OR read").fetchone() == (0,)
