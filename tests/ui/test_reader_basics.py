"""Reader basics (issue 10): o opens the link, n/N next/previous unread, A marks all shown read (asks above 20),
the unread count in the status line, delete undone with z."""

from __future__ import annotations

import os

from pilot_steps import (fake_browser, library_status, open_first, opened_first, press_o_for_link, settle,
                         shown_toasts, started, status_says, wait_until)
from ui_sample import HARBOUR, HOSTILE, ORCHARD, ROBOTS

from tui.app.dialogs import ConfirmDialog
from tui.models import Article
from tui.store import Library


async def test_unread_count_follows_opening_and_marks(library, make_app):
    path, _ = library
    async with started(make_app(path)) as (pilot, screen):
        await status_says(pilot, screen, "4 articles · 4 unread")
        await open_first(pilot)
        await pilot.pause()
        assert "3 unread" in library_status(screen)
        screen.articles.focus()
        await pilot.press("m")  # back to unread
        await settle(pilot)
        assert "4 unread" in library_status(screen)


async def test_n_and_shift_n_walk_the_unread_articles(library, make_app):
    path, ids = library
    with Library(path) as lib:
        lib.set_read(ids[ORCHARD.title], True)
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        assert screen.article.title == HARBOUR.title
        await pilot.press("n")
        await settle(pilot)
        assert screen.article.title == ROBOTS.title  # the read orchard article is skipped
        await pilot.press("n")
        await settle(pilot)
        assert screen.article.title == HOSTILE.title
        await pilot.press("N")  # everything above is read now (opening marks read)
        await pilot.pause()
        assert screen.article.title == HOSTILE.title and shown_toasts(app)[-1] == "No unread articles left in this list."
        with Library(path) as lib:
            lib.set_read(ids[ORCHARD.title], False)
        screen.articles.refresh_rows()
        screen.count_unread()
        await settle(pilot)
        await pilot.press("n")  # the last row: nothing below, one above (it said "No more unread articles below.")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "No more unread articles below: N looks above (1 unread in this list).", shown_toasts(app)
        await pilot.press("N")
        await settle(pilot)
        assert screen.article.title == ORCHARD.title


async def test_n_on_a_fresh_list_opens_the_unread_article_under_the_cursor(library, make_app):
    """The morning's first `n`, nothing open yet and the cursor on the newest unread article: it opened the second
    one and the newest was left behind unread. `n` opens the cursor's own article when it is unread and not open."""
    path, _ = library
    for size in ((80, 24), (160, 48)):
        async with started(make_app(path), size) as (pilot, screen):
            assert screen.article is None and screen.articles.cursor == 0
            await pilot.press("n")
            await settle(pilot)
            assert screen.article is not None and screen.article.title == HARBOUR.title, size
            await pilot.press("n")  # then on, as ever
            await settle(pilot)
            assert screen.article.title == ORCHARD.title and screen.articles.cursor == 1, size
        with Library(path) as lib:
            lib.db.execute("UPDATE articles SET read = 0")
            lib.db.commit()


async def test_mark_all_read_asks_above_twenty(tmp_path, make_app):
    path = tmp_path / "many.db"
    with Library(path) as lib:
        lib.add_many([Article(title=f"Story number {i}", body=f"Body text {i} about the town council. " * 5)
                      for i in range(25)])
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "25 unread")
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")
        await settle(pilot)
        assert "0 unread" in library_status(app.screen)
    with Library(path) as lib:
        assert lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0] == 0


async def test_mark_all_read_of_a_search_only(library, make_app):
    path, ids = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("slash", *"cider", "enter")
        await settle(pilot)
        await pilot.press("A")  # one article shown: no question
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
    with Library(path) as lib:
        unread = {row[0] for row in lib.db.execute("SELECT id FROM articles WHERE read = 0")}
    assert ids[ORCHARD.title] not in unread and ids[HARBOUR.title] in unread


async def test_delete_then_z_restores_it_whole(library, make_app):
    path, ids = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):  # analysed: the cache and mentions must come back too
        harbour = ids[HARBOUR.title]
        with Library(path) as lib:
            lib.set_starred(harbour, True)
            before = lib.db.execute("SELECT count(*) FROM analysis WHERE article_id = ?", (harbour,)).fetchone()[0]
            mentions = lib.db.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (harbour,)).fetchone()[0]
        assert before and mentions
        await pilot.press("d", "y")
        await settle(pilot)
        assert any(t.startswith("Deleted — z to undo") for t in shown_toasts(app))
        assert len(screen.articles.source) == 3
        await pilot.press("z")
        await settle(pilot)
        assert len(screen.articles.source) == 4
        with Library(path) as lib:
            back = lib.get(harbour)
            assert back is not None and back.title == HARBOUR.title and back.starred and back.read
            assert lib.db.execute("SELECT count(*) FROM analysis WHERE article_id = ?", (harbour,)).fetchone()[0] == before
            assert lib.db.execute("SELECT count(*) FROM mentions WHERE article_id = ?", (harbour,)).fetchone()[0] == mentions
            assert lib.ids(search="storm") == [harbour]  # back in the search index
        await pilot.press("z")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "Nothing to undo."


async def test_o_opens_the_link_with_browser(library, make_app, tmp_path, monkeypatch):
    path, ids = library
    with Library(path) as lib:
        lib.db.execute("UPDATE articles SET url = 'https://example.org/harbour' WHERE id = ?", (ids[HARBOUR.title],))
    got = fake_browser(tmp_path, monkeypatch)
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        assert any("https://example.org/harbour" in screen.body.line_text(i) for i in range(6))  # in the header
        assert await press_o_for_link(pilot, got) == "https://example.org/harbour"
    assert os.environ["BROWSER"] == str(tmp_path / "fake-browser")


async def test_o_does_not_hand_a_link_that_is_not_http_to_the_browser(library, make_app, tmp_path, monkeypatch):
    """A link from a JSON record or a feed reached $BROWSER as it was: "--renderer-cmd-prefix=…" is an option of
    Chromium's that runs a program. `o` says it does not open it, and the browser is never started."""
    path, ids = library
    with Library(path) as lib:
        lib.db.execute("UPDATE articles SET url = '--renderer-cmd-prefix=xcalc' WHERE id = ?", (ids[HARBOUR.title],))
    got = fake_browser(tmp_path, monkeypatch)
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, _main):
        await pilot.press("o")
        await settle(pilot)
        said = "not opened: only http(s) links are opened, and this one is --renderer-cmd-prefix=xcalc"
        await wait_until(pilot, lambda: shown_toasts(app)[-1:] == [said], lambda: shown_toasts(app))
    assert not got.exists()


async def test_o_without_a_link_says_so(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, _main):
        await pilot.press("o")
        await pilot.pause()
        assert shown_toasts(app)[-1] == "This article has no link."


async def test_mark_all_read_asks_by_the_unread_it_changes(tmp_path, make_app):
    """25 articles shown, 3 of them unread: A marks the 3 without asking (it asked "Mark all 25 articles shown
    read?"); with none unread it says so; the question names the unread articles it marks."""
    path = tmp_path / "many.db"
    with Library(path) as lib:
        ids = [ident for _status, ident in lib.add_many([
            Article(title=f"Story number {i}", body=f"Body text {i} about the town council. " * 5) for i in range(25)])]
        for ident in ids[3:]:
            lib.set_read(ident, True)
    app = make_app(path)
    async with started(app) as (pilot, screen):
        await status_says(pilot, screen, "3 unread")
        await pilot.press("A")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog)
        assert "0 unread" in library_status(app.screen) and shown_toasts(app)[-1] == "Marked 3 articles read — z undoes."
        await pilot.press("A")
        await settle(pilot)
        assert not isinstance(app.screen, ConfirmDialog) and shown_toasts(app)[-1] == "Every article shown is read already."
        with Library(path) as lib:
            for ident in ids:
                lib.set_read(ident, False)
        await pilot.press("u", "u", "u")  # the view comes round to "all" again: the list and its count read anew
        await settle(pilot)
        await pilot.press("A")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert app.screen.question == "Mark the 25 unread articles shown read?"


async def test_z_puts_the_cursor_back_on_the_article_it_restores(library, make_app):
    """After `d` the cursor moves to the next row; `z` put the article back but left the cursor there, so `enter`
    opened the wrong article (walk26): the cursor is on the restored one, as `a` puts it on an article added."""
    path, ids = library
    app = make_app(path)
    async with started(app, (80, 24), keys=("g", "j")) as (pilot, screen):
        deleted = screen.articles.current
        await pilot.press("d", "y")
        await settle(pilot)
        assert screen.articles.current.id != deleted.id
        await pilot.press("z")
        await settle(pilot)
        assert screen.articles.current.id == deleted.id


async def test_n_at_the_end_of_a_search_says_esc_finds_the_other_unread_articles(library, make_app):
    """n after the last unread article a search shows said "No unread articles left in this list." and nothing of
    the library's other unread articles, nor of the key that shows them (walk29)."""
    path, _ids = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await settle(pilot)
        await pilot.press("/", *"storm", "enter", "enter")
        await settle(pilot)
        assert app.screen.article.title == HARBOUR.title
        await pilot.press("n")
        await settle(pilot)
        assert shown_toasts(app)[-1] == ("No unread articles left in this list: esc clears the search; other articles "
                                         "of the library are unread.")
