"""The drawing shortcuts (direct lines, panes, scrollbars) draw exactly what Textual would, and an
article prepared while the cursor rested opens exactly as one read on the spot."""

from __future__ import annotations

from textual.containers import Vertical
from textual.geometry import Region
from textual.scrollbar import ScrollBar
from textual.widget import Widget

from pilot_steps import opened_first, settle, wait_prepared
from ui_sample import HARBOUR, ORCHARD

from tui.store import Library


def as_terminal(app, strips) -> list[str]:
    """What the strips send to a terminal (text and every colour and attribute)."""
    return [strip.render(app.console) for strip in strips]


def textual_lines(widget, crop: Region) -> list[str]:
    """The widget's lines the way Textual draws them (its styles cache), as terminal text."""
    return as_terminal(widget.app, widget._styles_cache.render_widget(widget, crop))


def crops(widget) -> list[Region]:
    width, height = widget.region.size
    return [Region(0, 0, width, height), Region(0, 3, width, 5), Region(2, 1, width - 4, 2), Region(width - 1, 0, 1, height)]


async def rest_on_row(pilot, row: int) -> None:
    """Put the library cursor on `row` and wait until the screen has prepared that article."""
    await pilot.press("escape", "g", *["j"] * row)
    await wait_prepared(pilot)


async def test_direct_lines_match_textual_in_every_state(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            for focused in (screen.body, screen.summary):
                focused.focus()
                await pilot.pause()
                for widget in (screen.body, screen.summary):
                    assert widget._direct_ok()
                    for crop in crops(widget):
                        assert as_terminal(app, widget.render_lines(crop)) == textual_lines(widget, crop), (theme, widget, crop)
        # A widget given a rule the shortcut does not handle goes Textual's way.
        screen.summary.styles.border = ("round", "red")
        assert not screen.summary._direct_ok()
        crop = Region(0, 0, *screen.summary.region.size)
        assert as_terminal(app, screen.summary.render_lines(crop)) == textual_lines(screen.summary, crop)


async def test_panes_draw_like_plain_containers(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, _main):
        for selector in ("#library-pane", "#article-pane", "#summary-pane"):
            pane = app.screen.query_one(selector)
            for crop in crops(pane):
                ours = as_terminal(app, pane.render_lines(crop))
                assert ours == as_terminal(app, Vertical.render_lines(pane, crop)), (selector, crop)
                assert len(ours) == crop.height


async def test_a_pane_back_in_a_look_it_had_draws_nothing_and_draws_like_textual(library, make_app):
    """A tab or an open recolours two panes' borders; a pane going back to a look it had (focus colour, normal
    colour) drew its rows through Textual's styles pipeline each time (~0.7 ms a pane). Its kept rows are
    Textual's own for every look: focus here and there, another theme, another title, another size."""
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        drawn = []
        original = Vertical.render_lines
        Vertical.render_lines = lambda self, crop: (drawn.append(self.id), original(self, crop))[1]
        try:
            await pilot.press("tab", "tab", "tab")  # every pane has had both looks
            await pilot.pause()
            drawn.clear()
            for key in ("tab", "tab", "tab", "escape", "enter"):
                await pilot.press(key)
                await pilot.pause()
            assert drawn == []  # the panes' borders changed colour and nothing was drawn again

            def same_as_textual(why):
                for selector in ("#library-pane", "#article-pane", "#summary-pane"):
                    pane = screen.query_one(selector)
                    for crop in crops(pane):
                        assert as_terminal(app, pane.render_lines(crop)) == as_terminal(
                            app, pane._styles_cache.render_widget(pane, crop)), (why, selector, crop)

            same_as_textual("kept looks")
            app.theme = "textual-light"
            await pilot.pause()
            same_as_textual("theme")
            screen.query_one("#library-pane").border_title = "Another title"
            await pilot.pause()
            same_as_textual("title")
            await pilot.resize_terminal(130, 40)
            await pilot.pause()
            same_as_textual("size")
        finally:
            Vertical.render_lines = original


async def test_the_summary_list_restyled_for_focus_again_reuses_its_styles_and_looks_the_same(library, make_app):
    """Each tab into or out of the summary pane had the stylesheet match the list and its 7 component classes
    again (~1.5 ms), to the same result as the last time; now the kept result is used, and the list looks
    exactly as a fresh restyle makes it, focused and not, and after a theme change."""
    from textual.css.stylesheet import Stylesheet

    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        summary = screen.summary
        await pilot.press("tab", "tab", "tab")  # into the summary, out of it: both looks seen once
        await pilot.pause()
        applied = []
        original = Stylesheet.apply
        Stylesheet.apply = lambda self, node, **kw: (applied.append(node), original(self, node, **kw))[1]
        try:
            looks = {}
            for _ in range(2):
                for key in ("tab", "tab", "tab"):  # article -> summary -> library -> article
                    await pilot.press(key)
                    await pilot.pause()
                    looks.setdefault(summary.has_focus, []).append(
                        as_terminal(app, summary.render_lines(Region(0, 0, *summary.region.size))))
            assert not [node for node in applied if node is summary or node.parent is summary]
        finally:
            Stylesheet.apply = original
        assert set(looks) == {True, False} and looks[True][0] != looks[False][0]  # the focus tint shows

        async def fresh_look(focused):
            summary.focus() if focused else screen.body.focus()
            await pilot.pause()
            app.stylesheet.apply(summary)  # what Textual's own restyle gives
            await pilot.pause()
            return as_terminal(app, summary.render_lines(Region(0, 0, *summary.region.size)))

        for focused, seen in looks.items():
            assert all(lines == seen[0] for lines in seen)
            assert seen[0] == await fresh_look(focused), focused
        app.theme = "textual-light"
        await pilot.pause()
        for focused in (True, False, True):
            summary.focus() if focused else screen.body.focus()
            await pilot.pause()
            ours = as_terminal(app, summary.render_lines(Region(0, 0, *summary.region.size)))
            assert ours == await fresh_look(focused), ("light", focused)


async def test_quick_scrollbar_draws_like_textuals(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (100, 20)) as (pilot, _main):
        body = app.screen.body
        bar = body.vertical_scrollbar
        assert body.show_vertical_scrollbar and isinstance(bar, ScrollBar)
        for key in ("home", "pagedown", "end"):
            await pilot.press(key)
            await pilot.pause()
            crop = Region(0, 0, *bar.size)
            assert as_terminal(app, bar.render_lines(crop)) == as_terminal(app, Widget.render_lines(bar, crop)), key
            thumb = {line for line in as_terminal(app, bar.render_lines(crop))}
            assert len(thumb) > 1  # a track and a thumb, not one blank column


async def test_prepared_article_opens_exactly_like_one_read_on_the_spot(library, make_app):
    path, ids = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        await rest_on_row(pilot, 1)  # ORCHARD: not analysed yet, so open it once to cache the analysis
        await pilot.press("enter")
        await settle(pilot)
        await rest_on_row(pilot, 1)
        ready = screen.ahead.ready
        assert ready.article.title == ORCHARD.title and ready.cached is not None and ready.summary is not None
        laid_out = []  # the body lays an article out on the spot only when nothing fits
        rebuild = screen.body._rebuild
        screen.body._rebuild = lambda: (laid_out.append(1), rebuild())
        await pilot.press("enter")
        await settle(pilot)
        assert laid_out == [] and screen.ahead.ready is None  # the prepared layout was used
        prepared = ([screen.body.line_text(n) for n in range(len(screen.body._lines))],
                    [option.prompt.plain for option in screen.summary.options],
                    as_terminal(app, screen.summary.render_lines(Region(0, 0, *screen.summary.region.size))))
        # The same article again, with nothing prepared.
        await rest_on_row(pilot, 1)
        screen.forget_ready()
        await pilot.press("enter")
        await settle(pilot)
        assert laid_out == [1]
        read_now = ([screen.body.line_text(n) for n in range(len(screen.body._lines))],
                    [option.prompt.plain for option in screen.summary.options],
                    as_terminal(app, screen.summary.render_lines(Region(0, 0, *screen.summary.region.size))))
        assert prepared == read_now
        assert screen.body.drawn and screen.analysis.summary.sentences


async def test_prepared_article_is_not_used_once_stale(library, make_app):
    path, ids = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = app.screen
        await rest_on_row(pilot, 0)
        await pilot.press("enter")  # HARBOUR: read and analysed
        await settle(pilot)
        # Marked unread after it was prepared: opening it must mark it read again.
        await rest_on_row(pilot, 0)
        await pilot.press("m")
        await settle(pilot)
        with Library(path) as lib:
            assert not lib.get(ids[HARBOUR.title]).read
        await pilot.press("enter")
        await settle(pilot)
        with Library(path) as lib:
            assert lib.get(ids[HARBOUR.title]).read
        # Prepared for the default method, opened after switching method: the new method is shown.
        await rest_on_row(pilot, 0)
        screen.analyser.method = "lead"
        await pilot.press("enter")
        await settle(pilot)
        assert screen.summary.options[0].prompt.plain.startswith("Summary · LEAD")


async def test_long_articles_are_not_prepared_ahead(library, make_app, monkeypatch):
    from tui.app.parts import open_ahead

    monkeypatch.setattr(open_ahead, "PREPARE_LIMIT", 500)  # HARBOUR (~1,000 characters) counts as long
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await rest_on_row(pilot, 0)
        assert app.screen.ahead.ready.article is None  # read, found long, nothing laid out
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.article.title == HARBOUR.title
        assert app.screen.body.line_text(0).startswith("Harbour town votes")


async def test_hidden_reading_panes_know_the_width_they_will_have(library, make_app):
    # At 80x24 the article and summary panes are hidden until an article is opened; they are laid
    # out for the width they will have, so opening does not wrap them again a frame later.
    from tui.app.widgets.scroll_size import content_width

    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query_one("#article-pane").display
        expected = (content_width(screen.body), content_width(screen.summary))
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one("#article-pane").display and not screen.query_one("#library-pane").display
        assert (screen.body.scrollable_content_region.width, screen.summary.scrollable_content_region.width) == expected
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one("#library-pane").display and not screen.query_one("#summary-pane").display
