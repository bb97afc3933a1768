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


@pytest.mark.parametrize("tag", ["Harbour [/] news", "Quay [@click=app.quit]x[/]"])
async def test_the_tag_picker_lists_and_finds_a_tag_with_markup(library, make_app, tag):
    """A tag (a feed's category, a file's front matter) is untrusted: the tag picker (Textual's command palette) read
    its name as markup, "[/]" stopping the app with a MarkupError as the picker listed or searched it."""
    from pilot_steps import palette_names, palette_type

    from tui.models import Article

    path, _ = library
    with Library(path) as lib:
        lib.add(Article(title="Trawler quotas cut again", tags=[tag],
                        body="The fisheries board of Wexmoor cut the trawler quotas for the third year running."))
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("T")
        names = await palette_names(pilot, 3)
        assert app.is_running and tag in names, names
        await palette_type(pilot, tag.split()[0].lower())
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running and len(app.screen.articles.source) == 1
        assert tag in str(app.screen.query_one("#library-status").render())


async def test_a_person_page_named_with_markup(library, make_app):
    """The person page's border named the person as markup: a name "[/]" (a library written by another program)
    stopped the app."""
    from tui.app.screens.person import PersonScreen

    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        name = "Agnes [/] Trewin"
        app.push_screen(PersonScreen(path, name))
        await settle(pilot)
        assert app.is_running and isinstance(app.screen, PersonScreen)
        shown = app.export_screenshot().replace("&#160;", " ")
        assert f"Person · {name}" in shown


async def test_ctrl_c_says_which_key_quits_in_plain_words(library, make_app):
    """ctrl+c does not quit: Textual's toast saying which key does is written in markup, and since every toast is
    plain text it showed "Press [b]ctrl+q[/b] to quit the app" (tmux, 80x24)."""
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await wait_until(pilot, lambda: "quit the app" in _toast_text(app), lambda: shown_toasts(app))
        assert app.is_running
        shown = _toast_text(app)
        assert "Press ctrl+q to quit the app" in shown and "[b]" not in shown, shown


async def test_the_palettes_screenshot_names_its_file_in_plain_words(library, make_app, tmp_path):
    """The palette's Screenshot (Textual's) toasted "Saved screenshot to [$text-success]'…/newsreader_….svg'": its
    markup shown as typed. It names the file, and the file is there."""
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await settle(pilot)
        app.deliver_screenshot(filename="shot.svg", path=str(tmp_path))
        await wait_until(pilot, lambda: any("screenshot" in t for t in shown_toasts(app)), lambda: shown_toasts(app))
        await pilot.pause()
        assert (tmp_path / "shot.svg").is_file()
        toasts = shown_toasts(app)
        assert toasts == [f"Saved screenshot to {tmp_path / 'shot.svg'}"], toasts
