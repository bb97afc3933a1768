"""The planned screen updates (tui/app/full_update.py, partial_update.py, update_plan.py) and a screen shown again without a restyle
(tui/app/screens/switch.py): what they draw is what Textual's own code draws, for less."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from pilot_steps import settle, started
from story_sample import make_story_library
from tui.app import full_update


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


def recorded_updates(app, kind: type | None = None) -> list:
    """The screen updates the app displays from now on (only those of `kind` when given), in order."""
    updates: list = []
    original = app._display

    def display(screen, update):
        if kind is None or isinstance(update, kind):
            updates.append(update)
        return original(screen, update)

    app._display = display
    return updates


async def open_first_story(pilot) -> None:
    """Story mode, then the first story's view, each shown and settled."""
    await pilot.press("v")
    await settle(pilot)
    await pilot.press("g", "enter")
    await settle(pilot)


def both_ways(app) -> tuple[str, str]:
    """The terminal bytes of a full update of the shown screen: this module's, then Textual's."""
    compositor = app.screen._compositor
    ours = full_update.render_full_update(compositor).render_segments(app.console)
    textuals = full_update._textual_render_full_update(compositor).render_segments(app.console)
    return ours, textuals


@pytest.mark.parametrize("size", [(200, 50), (80, 24)])
async def test_a_full_update_draws_what_textual_draws_on_every_screen(stories, make_app, size):
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        seen = []
        for keys in (("g",), ("enter",), ("tab",), ("escape", "v"), ("enter",), ("tab", "j"), ("escape",),
                     ("question_mark",), ("escape", "ctrl+p")):
            await pilot.press(*keys)
            await settle(pilot)
            await pilot.pause(0.05)
            ours, textuals = both_ways(app)
            assert ours == textuals, (keys, size, type(app.screen).__name__)
            seen.append(type(app.screen).__name__)
        # the main screen, the story view, the help and the palette (both drawn over the screen under them)
        assert {"MainScreen", "StoryScreen", "HelpScreen"} <= set(seen) and "Palette" in seen[-1], seen


async def test_a_full_update_does_not_draw_the_screen_hidden_behind_the_panes(cached_library, make_app):
    """Textual drew all 50 lines of the main screen's own background and cut them at every pane edge on
    each full update (esc back from a page, a story opened again), then threw them away."""
    path, _ = cached_library
    app = make_app(path)
    async with started(app, (200, 50), keys=("g", "enter")) as (pilot, screen):
        drawn: list[int] = []
        original = screen.render_lines
        screen.render_lines = lambda crop: (drawn.append(crop.height), original(crop))[1]
        app.screen._compositor.render_update(full=True)
        assert drawn == []  # the panes and the key bar cover it all
        body = []
        original_body = screen.body.render_lines
        screen.body.render_lines = lambda crop: (body.append(crop.height), original_body(crop))[1]
        app.screen._compositor.render_update(full=True)
        assert body == [screen.body.region.height]  # a widget that shows is drawn


class Short(Widget):
    """Draws fewer lines than it has, and the first one short: the widgets behind show through there."""

    def render_lines(self, crop):
        lines = [Strip([Segment("x" * 3)], 3)] + [Strip([Segment("y" * crop.width)], crop.width)] * 2
        return lines[: max(0, crop.height - 2)]


class Behind(App):
    CSS = "Screen { layers: below above; } #back { layer: below; height: 10; } Short { layer: above; height: 6; }"

    def compose(self):
        yield Static("b" * 400, id="back")
        yield Short()


async def test_a_widget_drawing_short_or_missing_lines_is_drawn_as_textual_draws_it():
    app = Behind()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        ours, textuals = both_ways(app)
        assert ours == textuals
        assert "xxxbbb" in ours.replace("\x1b", "").replace("[0m", "") or "bbb" in ours


async def test_a_list_looks_its_styles_up_once_a_drawing_not_once_a_line(cached_library, make_app):
    """Each line of the summary pane (and the story view's lists) looked its item styles up again: a walk up
    the widget's ancestors for its focus, hover and disabled state, ~20 µs a line, 50 lines a full update."""
    path, _ = cached_library
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        summary = app.screen.summary
        looked: list[tuple] = []
        original = summary.get_visual_style
        summary.get_visual_style = lambda *classes, **kw: (looked.append(classes), original(*classes, **kw))[1]
        summary._strips.clear()  # drawn again, not copied
        lines = summary.render_lines(summary.size.region)
        assert len(lines) == summary.size.height > 20
        assert len(looked) == len(set(looked)) <= 4  # each look once: item, cursor, heading, separator


async def test_a_story_opened_again_is_not_restyled_and_is_one_screen_update(stories, make_app):
    """The kept story view shown again (nothing changed meanwhile) keeps its styles: Textual's restyle of the
    whole screen repainted its lists' scrollbars in a second update after the first."""
    path, _ = stories
    app = make_app(path)
    updates = recorded_updates(app)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        await pilot.press("escape")
        await settle(pilot)
        restyled = []
        real = type(story).update_node_styles
        type(story).update_node_styles = lambda self, *a, **k: (restyled.append(self), real(self, *a, **k))[1]
        try:
            updates.clear()
            await pilot.press("enter")
            await settle(pilot)
            await pilot.pause(0.1)
        finally:
            type(story).update_node_styles = real
        assert app.screen is story and restyled == []
        assert len([u for u in updates if u is not None]) == 1


async def test_a_story_opened_again_after_a_theme_change_has_the_new_theme(stories, make_app):
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_first_story(pilot)
        story = app.screen
        before = story.query_one("#story-text").rich_style
        await pilot.press("escape")
        await settle(pilot)
        app.theme = "textual-light" if app.theme != "textual-light" else "textual-dark"
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is story
        shown = story.query_one("#story-text").rich_style
        assert shown != before
        story.update_node_styles(animate=False)  # what a full restyle gives
        await pilot.pause()
        assert story.query_one("#story-text").rich_style == shown
        ours, textuals = both_ways(app)
        assert ours == textuals


async def test_a_change_under_the_story_view_does_not_repaint_it(stories, make_app):
    """Textual repainted the opaque story view wherever the main screen under it changed (the library's status
    line as the background pass's progress moves); the main screen shows the change when it is shown again."""
    path, _ = stories
    app = make_app(path)
    updates = recorded_updates(app)
    async with app.run_test(size=(200, 50)) as pilot:
        await open_first_story(pilot)
        main = app.screen.main_screen()
        status = main.query_one("#library-status")
        updates.clear()
        status.update("Analysing the library in the background: 12 of 40")
        await pilot.pause(0.1)
        assert [u for u in updates if u is not None] == []
        await pilot.press("escape")
        await settle(pilot)
        assert "12 of 40" in app.screen._compositor.render_update(full=True).render_segments(app.console)


async def test_a_tab_draws_only_the_widgets_showing_where_the_borders_changed(cached_library, make_app):
    """A tab recolours two panes' edges: the pane borders are drawn for it, not the screen behind them nor
    the widgets beside the edges (the partial update used to draw every widget whose area a change touched)."""
    path, _ = cached_library
    app = make_app(path)
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        await pilot.pause(0.05)
        screen = app.screen
        drawn: dict[str, int] = {}
        for widget in (screen, screen.query_one("#article-pane"), screen.query_one("#library-pane")):
            original = widget.render_lines
            widget.render_lines = (lambda original, name: lambda crop: (
                drawn.__setitem__(name, drawn.get(name, 0) + crop.height), original(crop))[1])(
                original, widget.id or "screen")
        await pilot.press("shift+tab")  # article -> library: both panes' borders change colour
        await pilot.pause(0.1)
        assert drawn.get("library-pane") and drawn.get("article-pane")
        assert "screen" not in drawn


async def test_a_partial_update_over_short_lines_is_textuals(monkeypatch):
    from textual._compositor import Compositor
    from textual.geometry import Region

    from tui.app import partial_update

    app = Behind()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        compositor = app.screen._compositor
        got = []
        for render in (partial_update.render_partial_update, partial_update._textual_render_partial_update):
            compositor._dirty_regions.add(Region(0, 0, 40, 12))
            got.append(render(compositor).render_segments(app.console))
        assert got[0] == got[1]


async def test_partial_updates_are_written_as_textual_writes_them(cached_library, make_app):
    """The partial updates' terminal bytes (cursor moves looked up, not built) are Textual's own."""
    from textual._compositor import ChopsUpdate

    from tui.app import partial_update

    path, _ = cached_library
    app = make_app(path)
    updates = recorded_updates(app, ChopsUpdate)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        for key in ("j", "enter", "tab", "tab", "j", "escape", "k"):
            await pilot.press(key)
            await settle(pilot)
        assert len(updates) >= 5
        for update in updates:
            assert partial_update.render_segments(update, app.console) == \
                partial_update._textual_render_segments(update, app.console)


@pytest.mark.parametrize("where", ["library", "summary", "story"])
async def test_a_cursor_move_redraws_the_rows_it_leaves_and_reaches(stories, make_app, where):
    """j in the library, the summary pane or the story view redrew the whole list (the cursor's reactive asked
    for a repaint of the widget besides the two rows its watcher redraws)."""
    from textual._compositor import ChopsUpdate

    path, _ = stories
    app = make_app(path)
    updates = recorded_updates(app)
    async with app.run_test(size=(200, 50)) as pilot:
        await settle(pilot)
        if where == "summary":
            await pilot.press("g", "enter")
            await settle(pilot)
            widget = app.screen.summary
            app.screen.set_focus(widget)
            await settle(pilot)
        elif where == "story":
            await pilot.press("v")
            await settle(pilot)
            await pilot.press("g", "enter")
            await settle(pilot)
            widget = app.screen.query_one("#story-text")
        else:
            widget = app.screen.articles
        await pilot.press("j")
        await settle(pilot)
        await pilot.pause(0.1)
        updates.clear()
        await pilot.press("j")
        await settle(pilot)
        await pilot.pause(0.1)
        region = widget.region
        rows = {y for u in updates if isinstance(u, ChopsUpdate) for y, x1, x2 in u.spans
                if region.y <= y < region.bottom and x1 < region.right and x2 > region.x}
        assert 1 <= len(rows) <= 6, sorted(rows)  # the two items' lines, not the whole list
        assert not any(u is not None and not isinstance(u, ChopsUpdate) for u in updates)


async def test_the_library_shown_again_after_a_resize_under_the_story_view_has_the_new_width_s_panes(stories, make_app):
    """The terminal widened while a story was open: Textual set the width classes only on the story view, so
    `esc` showed the library laid out for 80 columns (no article or summary pane) on a 160-column screen."""
    path, _ = stories
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_first_story(pilot)
        main = app.screen.main_screen()
        assert main.has_class("-narrow")
        await pilot.resize_terminal(160, 40)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is main
        assert main.has_class("-wider") and not main.has_class("-narrow")
        assert main.query_one("#article-pane").display and main.query_one("#summary-pane").display
        await pilot.resize_terminal(80, 24)  # and back: narrow again, the library alone
        await settle(pilot)
        assert main.has_class("-narrow") and not main.query_one("#article-pane").display
