"""The planned full screen update (tui/app/full_update.py) and a screen shown again without a restyle
(tui/app/screens/switch.py): what they draw is what Textual's own code draws, for less."""

from __future__ import annotations

import pytest
from rich.segment import Segment
from textual.app import App
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from pilot_steps import settle
from story_sample import make_story_library
from tui.app import full_update


@pytest.fixture
def stories(tmp_path):
    path = tmp_path / "library.db"
    return path, make_story_library(path, cached=True)


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
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("g", "enter")
        await settle(pilot)
        screen = app.screen
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
    updates = []
    original = app._display
    app._display = lambda screen, update: (updates.append(update), original(screen, update))[1]
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
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
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
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
    updates = []
    original = app._display
    app._display = lambda screen, update: (updates.append(update), original(screen, update))[1]
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.press("v")
        await settle(pilot)
        await pilot.press("g", "enter")
        await settle(pilot)
        main = app.screen.main_screen()
        status = main.query_one("#library-status")
        updates.clear()
        status.update("Analysing the library in the background: 12 of 40")
        await pilot.pause(0.1)
        assert [u for u in updates if u is not None] == []
        await pilot.press("escape")
        await settle(pilot)
        assert "12 of 40" in app.screen._compositor.render_update(full=True).render_segments(app.console)
