"""Reader basics wired into the app (issue 10): views all / unread / starred (`u`), orders by date, title,
source and length (`O`), both remembered between runs; "Filter by tag…" (`T`); the reading position
remembered per article; the unread count in story mode. Keys in help and the palette."""

from __future__ import annotations

from pilot_steps import opened_first, palette_names, palette_options, palette_type, settle, started, wait_until
from story_sample import make_story_library
from ui_sample import HARBOUR, HOSTILE, ORCHARD, ROBOTS

from tui.app import keymap
from tui.store import Library


def titles(screen) -> list[str]:
    source = screen.articles.source
    return [source.row(i).title for i in range(len(source))]


def status(screen) -> str:
    return str(screen.query_one("#library-status").render())


async def test_u_cycles_the_views_and_the_view_is_remembered(library, make_app, tmp_path):
    path, ids = library
    with Library(path) as lib:
        lib.set_read(ids[ORCHARD.title], True)
        lib.set_starred(ids[ROBOTS.title], True)
    app = make_app(path)
    async with started(app) as (pilot, screen):
        assert len(titles(screen)) == 4
        await pilot.press("u")
        await settle(pilot)
        assert ORCHARD.title not in titles(screen) and len(titles(screen)) == 3
        assert status(screen).startswith("3 unread articles")
        await pilot.press("u")
        await settle(pilot)
        assert titles(screen) == [ROBOTS.title] and status(screen).startswith("1 starred article")
    assert 'view = "starred"' in (tmp_path / "config.toml").read_text()
    app = make_app(path)  # a new run starts in the saved view
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        assert titles(app.screen) == [ROBOTS.title]
        await pilot.press("u")  # starred -> all
        await settle(pilot)
        assert len(titles(app.screen)) == 4
        with Library(path) as lib:
            lib.set_starred(ids[ROBOTS.title], False)
        await pilot.press("u", "u")  # unread, starred: none now
        await settle(pilot)
        assert titles(app.screen) == []
        line = "".join(s.text for s in app.screen.articles.render_line(0))
        assert "No starred articles (u changes the view)" in line


async def test_O_orders_by_title_source_and_length_and_is_remembered(library, make_app, tmp_path):
    path, _ = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        assert titles(screen) == [HARBOUR.title, ORCHARD.title, ROBOTS.title, HOSTILE.title]  # newest first
        await pilot.press("O")
        await settle(pilot)
        assert titles(screen) == sorted(titles(screen), key=str.casefold) and "by title" in status(screen)
        await pilot.press("O")
        await settle(pilot)
        by_source = [a.title for a in sorted([HARBOUR, ORCHARD, ROBOTS, HOSTILE], key=lambda a: a.source.casefold())]
        assert titles(screen) == by_source
        await pilot.press("O")
        await settle(pilot)
        by_length = [a.title for a in sorted([HARBOUR, ORCHARD, ROBOTS, HOSTILE], key=lambda a: -len(a.body.split()))]
        assert titles(screen) == by_length and "longest first" in status(screen)
        # The palette has every view and order by name.
        commands = {c.title: c for c in app.get_system_commands(screen)}
        await commands["Sort: by title (A-Z)"].callback()
        await settle(pilot)
        assert titles(screen) == sorted(titles(screen), key=str.casefold)
        assert {"View: all articles", "View: unread articles", "View: starred articles",
                "Sort: newest first", "Sort: by source (A-Z)", "Sort: longest first"} <= set(commands)
    assert 'sort = "title"' in (tmp_path / "config.toml").read_text()


async def test_filter_by_tag_from_its_key_and_the_palette(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await pilot.press("T")
        await palette_names(pilot, 1)  # the tag picker (a palette over the library's tags)
        assert app.screen is not screen
        await palette_type(pilot, "farming")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen
        assert titles(screen) == [ORCHARD.title] and "tag Farming" in status(screen)
        await pilot.press("escape")  # esc clears the tag like a search
        await settle(pilot)
        assert len(titles(screen)) == 4 and "tag" not in status(screen)
        # From the command palette: "Filter by tag…" opens the same picker.
        commands = {c.title: c for c in app.get_system_commands(screen)}
        assert keymap.BY_ID["tag"].description in commands
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: app.screen is not screen, "the command palette")
        await palette_type(pilot, "filter by tag")
        await pilot.press("enter")
        await wait_until(pilot, lambda: "Weather" in palette_options(app), "the tag picker")
        await palette_type(pilot, "weather")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is screen and titles(screen) == [HARBOUR.title]


async def test_reading_position_is_remembered_per_article(library, make_app):
    path, ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        assert screen.article.title == HARBOUR.title
        await pilot.press("j", "j", "j", "j", "j", "j")
        await pilot.pause()
        left_at = int(screen.body.scroll_y)
        top_line = screen.body.line_text(left_at)
        assert left_at == 6
        await pilot.press("escape")  # back to the list (narrow), open the next article, then the first again
        await pilot.press("j", "enter")
        await settle(pilot)
        assert screen.article.title == ORCHARD.title and screen.body.scroll_y == 0
        await pilot.press("escape", "k", "enter")
        await settle(pilot)
        assert screen.article.title == HARBOUR.title
        assert screen.body.line_text(int(screen.body.scroll_y)) == top_line
    app = make_app(path)  # remembered between runs, also at another width
    async with opened_first(app, (100, 24)) as (pilot, screen):
        shown = screen.body.line_text(int(screen.body.scroll_y))
        assert screen.body.scroll_y > 0 and top_line[:12] in " ".join(
            screen.body.line_text(int(screen.body.scroll_y) + d) for d in range(-1, 2))
        assert shown
        await pilot.press("G")  # read to the end: the next open starts at the top
        await pilot.press("escape", "j", "enter")
        await settle(pilot)
    with Library(path) as lib:
        assert lib.db.execute("SELECT count(*) FROM positions WHERE article_id = ?",
                              (ids[HARBOUR.title],)).fetchone()[0] == 0


async def test_the_same_article_reopened_at_once_is_where_the_reader_left_it(library, make_app):
    """walk32: at 80x24, esc (or q) back to the list and enter on the same row opened the article at its top:
    the place was remembered only once the write queued after the next repaint had run, and the reopen came
    first. The place the reader leaves is remembered at once; its write still waits for the repaint."""
    path, ids = library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        assert screen.article.title == HARBOUR.title
        await pilot.press(*"jjjjjjj")
        await pilot.pause()
        top_line = screen.body.line_text(int(screen.body.scroll_y))
        assert int(screen.body.scroll_y) == 7
        await pilot.press("escape", "enter")  # back to the list and straight into the same article
        await settle(pilot)
        assert screen.article.title == HARBOUR.title
        assert screen.body.line_text(int(screen.body.scroll_y)) == top_line
        await pilot.press("q", "enter")  # q goes back too
        await settle(pilot)
        assert screen.body.line_text(int(screen.body.scroll_y)) == top_line


async def test_story_mode_shows_an_unread_count(tmp_path, make_app):
    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await settle(pilot)
        assert "4 stories · 1 with unread" in status(app.screen)  # only the harbour story is unread
        with Library(path) as lib:
            lib.db.execute("UPDATE articles SET read = 0")
            lib.db.commit()
        await pilot.press("v", "v")
        await settle(pilot)
        assert "4 stories · 4 with unread" in status(app.screen)


def test_new_keys_are_in_help_and_the_readme():
    from pathlib import Path

    from rich.console import Console

    from tui.app.screens.help import help_table

    console = Console(width=200, record=True)
    console.print(help_table({}))
    shown = console.export_text()
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    for key_id in ("view", "sort", "tag"):
        assert key_id in shown and keymap.BY_ID[key_id].description in shown
        assert f"`{keymap.BY_ID[key_id].keys}`" in readme.split("| key | does |")[1].split("\n\n")[0]


def test_config_view_and_sort_are_checked(tmp_path):
    from tui.config import load_config, save_setting

    path = tmp_path / "config.toml"
    path.write_text('view = "Unread"\nsort = "popularity"\n[keys]\ncopy_summary = "ctrl+y"\n')
    cfg = load_config(path)
    assert cfg.view == "unread" and cfg.sort == "date"
    assert any("sort must be one of date, title, source, length" in p for p in cfg.problems)
    assert save_setting("sort", "title", path) is None
    text = path.read_text()
    assert 'sort = "title"' in text and "popularity" not in text and 'copy_summary = "ctrl+y"' in text
    assert load_config(path).sort == "title"


async def test_a_run_in_a_saved_order_starts_on_its_first_row(library, make_app, tmp_path):
    path, _ = library
    (tmp_path / "config.toml").write_text('sort = "title"\n')
    app = make_app(path)  # the newest article (first in the start-up list) is not first by title
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await settle(pilot)
        screen = app.screen
        assert titles(screen) == sorted(titles(screen), key=str.casefold) and titles(screen)[0] != HARBOUR.title
        assert screen.articles.cursor == 0 and screen.articles.current.title == titles(screen)[0]
        await pilot.press("j")
        chosen = screen.articles.current.title
        await pilot.press("O")  # a later re-order (by source) keeps the cursor on its article, as before
        await settle(pilot)
        assert "by source" in status(screen) and screen.articles.current.title == chosen


async def test_sorted_by_source_the_articles_with_none_come_last(library, make_app):
    """`O` to "by source" put an article with no source (pasted text, a file with no "Source:" line) above every
    outlet's, first in the list: it comes after them."""
    from tui.models import Article

    path, _ = library
    with Library(path) as lib:
        lib.add(Article(title="Notes from the pier meeting", source="", published="2026-01-20",
                        body="The pier trust met on Thursday in the old customs house. About forty people came."))
    app = make_app(path)
    async with started(app, (80, 24), keys=("O", "O")) as (pilot, screen):
        assert "by source" in status(screen)
        by_source = [a.title for a in sorted([HARBOUR, ORCHARD, ROBOTS, HOSTILE], key=lambda a: a.source.casefold())]
        assert titles(screen) == [*by_source, "Notes from the pier meeting"]
        last = "".join(s.text for s in screen.articles.render_line(len(by_source)))
        assert "Notes from the pier meeting" in last  # drawn last too
