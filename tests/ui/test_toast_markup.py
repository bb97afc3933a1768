"""Toasts show their text as it is. Textual reads a toast's message as markup unless told not to, and a screen's or a
widget's `notify` tells it to: an untrusted name in one (a feed's title, from its server: "Refreshing … in the
background…") was read so, "[/]" in it stopping the app with a MarkupError traceback, "[@click=app.quit]" making a
click on the toast quit it, "[b]" making the rest bold. NewsreaderApp.notify now always shows plain text."""

from __future__ import annotations

import re

import pytest
from pilot_steps import settle, shown_toasts, wait_until

from tui.store import Library

NAMES = ["Harbour [/] Notes", "Pier [@click=app.quit]Notes[/]", "Quay [b]Notes"]


def _toast_text(app) -> str:
    """The words the toasts on screen show (their cells, as a terminal would)."""
    from textual.widgets._toast import Toast

    return " ".join(" ".join(str(toast.render()).split()) for toast in app.screen.query(Toast))


@pytest.mark.parametrize("name", NAMES)
async def test_a_feed_named_with_markup_is_named_as_it_is(library, make_app, site, name):
    from tui.store.feeds import add_feed

    site.close()  # nobody answers: the refresh fails at once
    path, _ = library
    with Library(path) as lib:
        add_feed(lib, site.url("/feed.xml"), name)
    app = make_app(path)
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("F")
        await settle(pilot)
        options = app.screen.query_one("#feeds-list")
        options.highlighted = options.get_option_index("f:0")
        await pilot.press("R")
        await wait_until(pilot, lambda: any(t.startswith("Feeds: ") for t in shown_toasts(app)),
                         lambda: shown_toasts(app))
        await pilot.pause()
        assert app.is_running
        shown = _toast_text(app)
        assert f"✗ {name}: " in shown, shown  # (its "Refreshing …" toast, replaced by it, stopped the app)


async def test_a_screens_toast_with_markup_shows_it_as_typed(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        for text in NAMES:
            app.screen.notify(text, timeout=30)
        await pilot.pause()
        assert app.is_running
        shown = _toast_text(app)
        assert all(re.sub(r"\s+", " ", text) in shown for text in NAMES), shown
