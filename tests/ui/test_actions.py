"""Pilot tests: copy keys, add, delete, read/star marks, resize, help, palette, config keymap and theme."""

from __future__ import annotations

from pathlib import Path

from pilot_steps import open_first, opened_first, settle, shown_toasts, started, toasts_stay, wait_until
from ui_sample import HARBOUR, ORCHARD, ROBOTS

from tui import clipboard
from tui.app import keymap
from tui.app.dialogs import AddDialog, ConfirmDialog
from tui.app.screens import HelpScreen, MainScreen
from tui.store import Library

FIXTURES = Path(__file__).parent / "fixtures"


async def test_copy_summary_quotes_and_markdown(library, make_app, copied):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        analysis = screen.analysis
        await pilot.press("c")
        await settle(pilot)
        assert copied[-1] == "\n".join(s.text for s in analysis.summary.sentences)
        assert app.clipboard == copied[-1]  # the OSC 52 route went through Textual too
        assert any("Copied summary to the system clipboard (and sent to the terminal as OSC 52)" in t for t in shown_toasts(app))

        await pilot.press("y")
        await settle(pilot)
        # One line per quotation: the mayor's second sentence after "said Mayor Agnes Trewin, who proposed
        # the plan." is a quotation of its own (pieces of different sentences are never joined: issue 10).
        assert copied[-1].splitlines() == [
            "“We cannot ask the fishing families to gamble on another winter” — Agnes Trewin",
            "“The wall is the town.” — Agnes Trewin",
            "“Port Ellin should not carry this alone” — Bram Oduya",
        ]
        assert len(analysis.quotes) == 3  # the engine keeps the pieces apart (each its own span)

        await pilot.press("Y")
        await settle(pilot)
        md = copied[-1]
        assert md.startswith(f"# {HARBOUR.title}\n\n*Coastline Gazette, Gazette Staff, 2026-01-14*")
        assert "## Summary\n\n- " in md and "## Key quotes\n\n> “" in md
        assert "[" not in md and "\x1b" not in md


async def test_copy_reports_when_no_route_works(library, make_app, monkeypatch):
    path, _ = library
    monkeypatch.setattr(clipboard, "copy_system", lambda text: "no system clipboard here (no display)")
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, _main):
        app.has_terminal = lambda: False  # as if there were no terminal to send OSC 52 to
        await pilot.press("c")
        await settle(pilot)
        assert not app.last_copy.ok
        message = shown_toasts(app)[-1]
        assert message.startswith("Could not copy summary") and "xclip" in message


async def test_copy_before_opening_says_what_to_do(library, make_app, copied):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("c")
        await settle(pilot)
        assert copied == []
        assert "Open an article first" in shown_toasts(app)[-1]


async def test_add_article_from_path(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("a")
        assert isinstance(app.screen, AddDialog)
        app.screen.query_one("#add-path").value = str(FIXTURES / "new-article.txt")  # typing it is slow
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen.articles.source) == 5
        assert app.screen.articles.source.row(0).title == "Glass eels return to the Ruddle river in record numbers"
        assert "Added: Glass eels return to the Ruddle river in record numbers" in shown_toasts(app)


OLD_NEWS = ("Mill pond drained for repairs\n\nSource: Valley Farmer\n• Published May 2, 2019\n\n"
            "The mill pond at Ashby was drained on Monday so that masons can repair the sluice gate. "
            "The work will take six weeks, the parish council said.\n")


async def test_an_article_added_with_a_its_title_said_and_the_cursor_on_it(library, make_app, tmp_path):
    """`a` said "Added 1 article" and left the cursor where it was: an old article sat where its date put it, pages
    down, and the reader had to look for it. The toast names it; the cursor is on it (enter opens it)."""
    path, _ = library
    (tmp_path / "pond.txt").write_text(OLD_NEWS, encoding="utf-8")
    app = make_app(path)
    async with started(app, (80, 24), keys=("j",)) as (pilot, main):
        cursor_before = main.articles.current.title
        await pilot.press("a")
        app.screen.query_one("#add-path").value = str(tmp_path / "pond.txt")
        await pilot.press("enter")
        await settle(pilot)
        assert "Added: Mill pond drained for repairs" in shown_toasts(app), shown_toasts(app)
        assert main.articles.current.title == "Mill pond drained for repairs" != cursor_before
        assert main.articles.cursor == len(main.articles.source) - 1  # the oldest: the list's last row
        await pilot.press("enter")
        await settle(pilot)
        assert main.article.title == "Mill pond drained for repairs"


async def test_an_article_added_that_the_search_does_not_show_leaves_the_cursor_where_it_was(library, make_app,
                                                                                            tmp_path):
    path, _ = library
    (tmp_path / "pond.txt").write_text(OLD_NEWS, encoding="utf-8")
    app = make_app(path)
    async with started(app, (80, 24), keys=("/", *"cider", "enter")) as (pilot, main):
        shown = main.articles.current.title
        await pilot.press("a")
        app.screen.query_one("#add-path").value = str(tmp_path / "pond.txt")
        await pilot.press("enter")
        await settle(pilot)  # (the toast says why it is not shown: tests/ui/test_added_while_filtered.py)
        assert shown_toasts(app)[-1].startswith("Added: Mill pond drained for repairs\nNot in this list")
        assert main.articles.current.title == shown == "Cider makers count the cost of a wet spring"


async def test_add_bad_path_shows_the_error(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app, keys=("a", *"/no/such", "/", "f", "enter")) as (pilot, dialog):
        assert isinstance(dialog, AddDialog)  # asked again, with the reason
        error = str(dialog.query_one("#add-error").render())
        assert "/no/such/f" in error and "no such file" in error
        assert not any("no such file" in t for t in shown_toasts(app)), shown_toasts(app)  # said once, in the dialog
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen.articles.source) == 4


async def test_delete_asks_first(library, make_app):
    path, ids = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("g", "j", "j", "d")  # ROBOTS is third
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert len(app.screen.articles.source) == 4
        await pilot.press("d", "y")
        await settle(pilot)
        with Library(path) as lib:
            assert lib.get(ids[ROBOTS.title]) is None
        assert ROBOTS.title not in [app.screen.articles.source.row(i).title for i in range(3)]


async def test_delete_keeps_the_cursor_on_the_row_that_takes_the_deleted_ones_place(library, make_app):
    # walk36: `d` on the third row put the cursor back on the first one, and a reader going down the list
    # deleting what they did not want lost their place each time
    path, ids = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        articles = app.screen.articles
        titles = [articles.source.row(i).title for i in range(len(articles.source))]
        assert titles[2] == ROBOTS.title and len(titles) == 4
        await pilot.press("g", "j", "j", "d", "y")
        await settle(pilot)
        assert len(articles.source) == 3
        assert articles.cursor == 2 and articles.current.title == titles[3]  # the next row, now third
        await pilot.press("d", "y")  # the last row: the cursor on the new last one
        await settle(pilot)
        assert len(articles.source) == 2
        assert articles.cursor == 1 and articles.current.title == titles[1]
        await pilot.press("z")  # undo: the cursor on the article put back, as before
        await settle(pilot)
        assert articles.current.title == titles[3]
        with Library(path) as lib:
            assert lib.get(ids[ROBOTS.title]) is None


async def test_read_and_star_marks(library, make_app):
    path, ids = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("j", "f", "m")  # ORCHARD: star it, mark it read
        await settle(pilot)
        with Library(path) as lib:
            orchard = lib.get(ids[ORCHARD.title])
            assert orchard.starred and orchard.read
        row = app.screen.articles.current
        assert row.starred and row.read
        await pilot.press("f", "m")
        await settle(pilot)  # the marks are written by parts/marks.py's thread
        with Library(path) as lib:
            orchard = lib.get(ids[ORCHARD.title])
            assert not orchard.starred and not orchard.read


async def test_resize_narrow_and_back(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        panes = [screen.query_one(f"#{name}-pane") for name in ("library", "article", "summary")]
        assert all(p.region.width > 20 for p in panes)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert screen.has_class("-narrow")
        library_pane, article_pane, summary_pane = panes
        assert library_pane.region.width == 0  # hidden while reading
        assert article_pane.region.width == 80 and summary_pane.region.height >= 6
        await pilot.press("l")
        await pilot.pause()
        assert library_pane.region.width == 80 and article_pane.region.width == 0
        assert screen.articles.has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert article_pane.region.width == 80
        await pilot.press("escape")
        await pilot.pause()
        assert library_pane.region.width == 80
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert all(p.region.width > 20 for p in panes)


async def test_help_lists_every_binding(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(120, 80)) as pilot:  # tall enough for every key without scrolling
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = app.export_screenshot()
        for spec in keymap.KEYS:
            assert spec.id in text, spec.id
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


async def test_palette_offers_every_action(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)):
        offered = {command.title for command in app.get_system_commands(app.screen)}
        # Removing a feed needs a feed under the cursor: the feeds list's palette offers it (test_feed_add_app). The
        # story view's and entity page's own `a` (to their articles) is theirs: their palettes offer it
        # (test_story_mode_keys), the library's has no articles below it to go to.
        wanted = {spec.description for spec in keymap.KEYS if spec.palette and spec.id not in ("quit", "remove_feed")
                  and keymap.ARTICLE_PAGES not in spec.scopes}
        assert wanted <= offered
        assert keymap.BY_ID["to_articles"].description not in offered


async def test_config_rebinds_keys_and_reports_bad_ones(library, make_app, copied, tmp_path):
    (tmp_path / "config.toml").write_text('[keys]\ncopy_summary = "x"\nnot_a_thing = "z"\nquit = "ctrl+nonsense"\n')
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        messages = " | ".join(shown_toasts(app))
        assert "'not_a_thing' is not an action id" in messages
        assert "quit = 'ctrl+nonsense': not a key name" in messages
        screen = await open_first(pilot)
        assert "x copy" in str(screen.query_one("#summary-status").render())  # hints follow the user's keys
        hints = str(screen.query_one("KeyBar").render())
        assert " x Copy " in hints and " c Copy " not in hints
        assert hints.startswith(" ⏎ Open  tab Pane ") and hints.rstrip().endswith("^p palette")
        await pilot.press("c")
        await settle(pilot)
        assert copied == []
        await pilot.press("x")
        await settle(pilot)
        assert len(copied) == 1


async def test_theme_is_remembered(library, make_app, tmp_path):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert 'theme = "nord"' in (tmp_path / "config.toml").read_text()
    again = make_app(path)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_movement_keys_in_each_pane(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = app.screen
        articles = screen.articles
        await pilot.press("j", "j")
        assert articles.cursor == 2
        await pilot.press("k")
        assert articles.cursor == 1
        await pilot.press("G")
        assert articles.cursor == 3
        await pilot.press("g")
        assert articles.cursor == 0
        await pilot.press("pagedown")
        assert articles.cursor == 3  # only four rows: a page down reaches the last
        await pilot.press("pageup", "enter")
        await settle(pilot)
        body = screen.body
        assert body.has_focus and body.scroll_y == 0
        await pilot.press("j", "j")
        assert body.scroll_y == 2
        await pilot.press("G")
        assert body.scroll_y == body.max_scroll_y > 2
        await pilot.press("g")
        assert body.scroll_y == 0
        await pilot.press("tab")
        assert screen.summary.has_focus
        await pilot.press("j")
        assert screen.summary.highlighted is not None
        await pilot.press("shift+tab")
        assert body.has_focus


async def test_reanalyse_runs_the_engine_again(library, make_app, monkeypatch):
    from tui.engine import analysis as engine

    calls = []
    real = engine.analyze

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(engine, "analyze", counting)
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        assert len(calls) == 1
        await pilot.press("escape", "enter")  # opening again comes from the cache
        await settle(pilot)
        assert len(calls) == 1
        await pilot.press("r")
        await settle(pilot)
        assert len(calls) == 2 and screen.analysis is not None and not screen.analysing


async def test_palette_runs_an_action(library, make_app, copied):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, _main):
        await pilot.press("ctrl+p", *"copy summary")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, MainScreen)
        assert copied and copied[-1] == "\n".join(s.text for s in app.screen.analysis.summary.sentences)


async def test_tab_never_lands_in_the_search_box_so_q_still_quits(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, _main):
        for _ in range(6):
            await pilot.press("tab")
            assert app.focused.id != "search"
        await pilot.press("q")  # (from the article or summary pane: back to the list first)
        await pilot.pause()
        if app.is_running and not app._exit:
            assert app.screen.articles.has_focus
            await pilot.press("q")
            await pilot.pause()
    assert app.return_code == 0 and not app.is_running


async def test_toasts_are_compact_at_80x24(cached_library, make_app, monkeypatch):
    from textual.widgets._toast import Toast

    path, _ = cached_library
    app = make_app(path)
    toasts_stay(app, monkeypatch)
    async with opened_first(app, notifications=True) as (pilot, _main):
        app.notify("Copied the summary (3 lines) by OSC 52 and xclip", title="Clipboard")
        # laid out (a pause was not always enough at load ~20: a region of 0 x 0)
        await wait_until(pilot, lambda: (shown := app.screen.query(Toast)) and all(t.region.height for t in shown),
                         "the toast laid out")
        (toast,) = app.screen.query(Toast)
        # Title + the message in two lines, no blank padding rows: less than a third of the summary pane.
        assert toast.region.height == 3
        assert toast.region.width <= 42
        summary = app.screen.query_one("#summary-pane").region
        assert toast.region.height * 3 < summary.height


async def test_the_focused_pane_has_the_accent_border_in_every_theme(cached_library, make_app):
    from textual.color import Color

    path, _ = cached_library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):

        def borders() -> dict[str, Color]:
            return {pane: screen.query_one(f"#{pane}").styles.border_top[1]
                    for pane in ("library-pane", "article-pane", "summary-pane")}

        for theme in ("textual-dark", "nord"):
            app.theme = theme
            await pilot.pause()
            accent = Color.parse(app.get_css_variables()["accent"])
            normal = Color.parse(app.get_css_variables()["panel-lighten-1"])
            assert borders() == {"library-pane": normal, "article-pane": accent, "summary-pane": normal}
            await pilot.press("tab")  # article -> summary
            await pilot.pause()
            assert borders() == {"library-pane": normal, "article-pane": normal, "summary-pane": accent}
            await pilot.press("shift+tab")
            await pilot.pause()


async def test_clicking_a_key_hint_runs_its_action(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("KeyBar")
        hints = str(bar.render())
        await pilot.click("KeyBar", offset=(hints.index("Help") + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("KeyBar", offset=(hints.index("Search"), 0))
        await pilot.pause()
        assert app.screen.query_one("#search").has_focus


async def test_adding_what_is_there_already_says_so_and_puts_the_cursor_on_it(library, make_app, tmp_path):
    """`a` of a file or folder already imported said "Added 0 articles, 1 already in the library" (walk26): now
    the one article is named and the cursor is on it; several are counted as nothing new."""
    path, _ = library
    (tmp_path / "pond.txt").write_text(OLD_NEWS, encoding="utf-8")
    with Library(path) as lib:
        from tui.importers import parse_text

        lib.add(parse_text(OLD_NEWS))
    app = make_app(path)
    async with started(app, (80, 24)) as (pilot, main):
        assert main.articles.cursor == 0
        for value, said in ((str(tmp_path / "pond.txt"), "Already in the library: Mill pond drained for repairs"),
                            (str(FIXTURES / "new-article.txt"), "Added: Glass eels return to the Ruddle river in "
                                                                "record numbers")):
            await pilot.press("a")
            app.screen.query_one("#add-path").value = value
            await pilot.press("enter")
            await settle(pilot)
            assert said in shown_toasts(app), shown_toasts(app)
            assert main.articles.current.title == said.split(": ", 1)[1]
        (tmp_path / "both").mkdir()
        (tmp_path / "both" / "pond.txt").write_text(OLD_NEWS, encoding="utf-8")
        (tmp_path / "both" / "eels.txt").write_text((FIXTURES / "new-article.txt").read_text(encoding="utf-8"),
                                                    encoding="utf-8")
        await pilot.press("a")
        app.screen.query_one("#add-path").value = str(tmp_path / "both")
        await pilot.press("enter")
        await settle(pilot)
        assert "Nothing new: 2 articles already in the library" in shown_toasts(app), shown_toasts(app)
        assert main.articles.current.title in ("Mill pond drained for repairs",
                                               "Glass eels return to the Ruddle river in record numbers")
