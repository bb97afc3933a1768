"""`d` then `z` from the reading view puts the reader back where they were: the restored article open again,
at the line they had scrolled to. Deleted from the list, the restored article only gets the cursor back."""

from __future__ import annotations

from pilot_steps import opened_first, settle


async def _scrolled(pilot, screen) -> tuple[int, int]:
    """The open article scrolled a few lines down: its id and the reader's place in it."""
    await pilot.press(*"jjjjjjjj")
    await pilot.pause()
    place = screen.body.place()
    assert place > 0, "the sample article did not scroll at 80x24"
    return screen.article.id, place


async def test_undo_after_deleting_the_open_article_reopens_it_where_the_reader_was(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        article_id, place = await _scrolled(pilot, screen)
        await pilot.press("d", "y")
        await settle(pilot)
        assert screen.article is None and not screen.reading  # back in the library at 80 columns
        await pilot.press("z")
        await settle(pilot)
        assert screen.article is not None and screen.article.id == article_id, "the restored article is not open"
        assert screen.reading and screen.body.has_focus
        assert screen.body.place() == place, "not back at the reader's place"
        assert screen.articles.current.id == article_id
        await pilot.press("q")  # back to the library, as after any opening
        await pilot.pause()
        assert not screen.reading and screen.articles.current.id == article_id


async def test_undo_after_deleting_from_the_list_opens_nothing(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("g", "j")
        deleted = screen.articles.current.id
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert screen.article is None
        assert screen.articles.current.id == deleted


async def test_undo_of_the_open_article_deleted_from_the_narrow_list_stays_in_the_list(library, make_app):
    """walk32: at 80x24 the article read last stays open behind the list after `q` / `esc`; deleted from the list
    there and restored, `z` threw the reader out of the list into it. The list keeps the screen, the cursor on the
    restored row, and `enter` opens it where the reader had left it."""
    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        article_id, place = await _scrolled(pilot, screen)
        await pilot.press("escape")  # back to the list: the article stays open behind it
        await settle(pilot)
        assert not screen.reading and screen.articles.current.id == article_id
        await pilot.press("d", "y")
        await settle(pilot)
        await pilot.press("z")
        await settle(pilot)
        assert not screen.reading and screen.articles.has_focus, "z left the list for the article"
        assert screen.articles.current.id == article_id
        await pilot.press("enter")
        await settle(pilot)
        assert screen.reading and screen.article.id == article_id
        assert screen.body.place() == place, "not back at the reader's place"
