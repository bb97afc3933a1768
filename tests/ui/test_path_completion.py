"""walk35: the add dialogs had no path completion (`tab` left the box) and a long path was typed by hand. `tab` now
completes the path as a shell does: the one match whole (a folder's with "/"), several extended to what they share and
listed under the box; `~` is the home folder; a folder that cannot be read or is too large says so in one line and the
screen goes on answering. With a URL in the feed dialog, `tab` still goes on to the full-text option."""

from __future__ import annotations

from pilot_steps import settle, started, wait_until


def _box(app):
    return app.screen.query_one("#add-path")


async def _tab(pilot, app, box, value: str) -> None:
    box.value = value
    box.cursor_position = len(value)
    await pilot.press("tab")
    await settle(pilot)


def _matches(app, box) -> str:
    lines = app.screen.query(f"#{box.id}-matches")
    return str(lines.first().render()) if lines and lines.first().display else ""


async def test_tab_completes_a_path_in_the_add_dialog(library, make_app, tmp_path, monkeypatch):
    news = tmp_path / "home" / "Clippings"
    (news / "winter").mkdir(parents=True)
    (news / "harbour-dredging.txt").write_text("Dredging starts.\n", encoding="utf-8")
    (news / "harbour-ferry.md").write_text("# Ferry\n\nThe ferry sails.\n", encoding="utf-8")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys="a") as (pilot, _dialog):
        box = _box(app)
        await _tab(pilot, app, box, str(news) + "/har")
        assert box.value == str(news) + "/harbour-", box.value  # what the two share
        assert _matches(app, box) == "harbour-dredging.txt  harbour-ferry.md", _matches(app, box)
        assert app.focused is box  # tab stayed in the box
        await pilot.press("f", "tab")
        await settle(pilot)
        assert box.value == str(news) + "/harbour-ferry.md" and box.cursor_position == len(box.value)
        assert _matches(app, box) == ""  # one match: nothing listed
        await _tab(pilot, app, box, "~/Cl")
        assert box.value == "~/Clippings/"  # `~` read as the home folder, kept as typed; a folder ends in "/"
        await _tab(pilot, app, box, "~/Clippings/w")
        assert box.value == "~/Clippings/winter/"
        await _tab(pilot, app, box, "~/Clippings/q")
        assert box.value == "~/Clippings/q" and _matches(app, box) == "no file or folder starts with 'q'"
        await _tab(pilot, app, box, "~/Clippings/harbour-ferry.md/x")
        assert _matches(app, box) == "~/Clippings/harbour-ferry.md is a file, not a folder", _matches(app, box)


async def test_a_folder_too_large_to_complete_says_so(library, make_app, tmp_path, monkeypatch):
    from tui.app.dialogs import path_input

    crowded = tmp_path / "crowded"
    crowded.mkdir()
    for n in range(30):
        (crowded / f"note-{n:02}.txt").write_text("x", encoding="utf-8")
    monkeypatch.setattr(path_input, "LIST_LIMIT", 20)  # (50,000 in the app)
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys="a") as (pilot, _dialog):
        box = _box(app)
        await _tab(pilot, app, box, str(crowded) + "/note-1")
        assert box.value == str(crowded) + "/note-1"
        assert _matches(app, box).endswith("holds more than 20 entries: type more of the path"), _matches(app, box)
        await pilot.press("escape")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "MainScreen", lambda: app.screen)


async def test_several_matches_list_a_few_and_count_the_rest(library, make_app, tmp_path):
    many = tmp_path / "many"
    many.mkdir()
    for n in range(11):
        (many / f"brief-{n:02}.txt").write_text("x", encoding="utf-8")
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys="a") as (pilot, _dialog):
        box = _box(app)
        await _tab(pilot, app, box, str(many) + "/b")
        assert box.value == str(many) + "/brief-"
        listed = _matches(app, box)
        assert listed.startswith("brief-00.txt  brief-01.txt") and listed.endswith("… and 3 more"), listed


async def test_the_feed_dialog_completes_a_path_and_tabs_on_after_a_url(library, make_app, tmp_path):
    (tmp_path / "subscriptions.opml").write_text("<opml/>", encoding="utf-8")
    path, _ = library
    app = make_app(path)
    async with started(app, (80, 24), keys="F") as (pilot, _page):
        await pilot.press("a")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "AddFeedDialog", lambda: app.screen)
        box = app.screen.query_one("#feed-url")
        await _tab(pilot, app, box, str(tmp_path) + "/subscr")
        assert box.value == str(tmp_path) + "/subscriptions.opml" and app.focused is box
        await _tab(pilot, app, box, "https://example.org/feed.xml")
        assert app.focused is app.screen.query_one("#feed-full-text")  # a URL: on to the option, as before


def test_complete_reads_links_hidden_names_and_bad_paths(tmp_path):
    from tui.app.dialogs.path_input import complete

    (tmp_path / "gone-link").symlink_to(tmp_path / "nowhere")
    (tmp_path / "odd\x1b[2Jname.txt").write_text("x", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text("x", encoding="utf-8")
    base = str(tmp_path) + "/"
    assert complete(base + "gone").value == base + "gone-link"  # a dangling link: a name, not a folder ("/")
    odd = complete(base + "odd")  # an escape in a name is never typed into the box: listed, spelled out
    assert odd.value == base + "odd" and odd.shown == ["odd\\x1b[2Jname.txt"]
    assert ".draft.txt" not in complete(base).shown and complete(base + ".d").value == base + ".draft.txt"
    assert complete(base + "a\x00b/c").note.startswith("cannot read ")  # one line, no traceback
