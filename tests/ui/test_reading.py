"""Pilot tests: open, search, summary method and length, entity toggles, jumps, filters (real engine)."""

from __future__ import annotations

import threading

import pytest

from pilot_steps import open_first, opened_first, settle, started, wait_until
from ui_sample import HARBOUR, HOSTILE, ORCHARD, ROBOTS

from tui.app.parts.analysis import method_names, method_title
from tui.store import Library


def titles(screen) -> list[str]:
    source = screen.articles.source
    return [source.row(i).title for i in range(len(source))]


def select_option(screen, option_id: str) -> None:
    summary = screen.summary
    summary.focus()
    summary.highlighted = summary.get_option_index(option_id)


async def test_library_lists_newest_first_with_count(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app) as (pilot, screen):
        assert titles(screen) == [HARBOUR.title, ORCHARD.title, ROBOTS.title, HOSTILE.title]
        assert "4 articles" in str(screen.query_one("#library-status").render())
        assert screen.articles.has_focus


async def test_open_marks_read_and_shows_analysis(library, make_app):
    path, ids = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        assert screen.article.title == HARBOUR.title
        assert screen.body.has_focus
        assert screen.body.line_text(0).startswith("Harbour town votes")
        assert "Coastline Gazette · Gazette Staff · 2026-01-14" in screen.body.line_text(2)
        with Library(path) as lib:
            assert lib.get(ids[HARBOUR.title]).read
        summary = screen.analysis.summary.sentences
        assert summary and all(HARBOUR.body[s.start:s.end] == s.text for s in summary)
        assert screen.summary.get_option("s:0").prompt.plain.startswith("1. ")
        # Quotes carry their speaker in the list.
        assert any("— " in screen.summary.get_option(f"q:{i}").prompt.plain for i in range(len(screen.analysis.quotes)))


async def test_search_as_you_type_and_escape_clears(library, make_app):
    path, _ = library
    app = make_app(path)
    async with started(app, keys=("slash", *"cider")) as (pilot, screen):
        assert titles(screen) == [ORCHARD.title]
        assert "search “cider”" in str(screen.query_one("#library-status").render())
        await pilot.press("escape")
        await settle(pilot)
        assert len(titles(screen)) == 4
        assert screen.articles.has_focus
        assert screen.query_one("#search").value == ""


async def test_method_cycles_with_indicator_while_running(library, make_app, monkeypatch):
    from tui.engine import analysis as engine

    gate = threading.Event()
    real = engine.analyze

    def gated(*args, **kwargs):
        gate.wait(10)  # hold the worker so the indicator can be seen; the engine itself is real
        return real(*args, **kwargs)

    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        gate.set()
        screen = await open_first(pilot)
        gate.clear()
        monkeypatch.setattr(engine, "analyze", gated)
        await pilot.press("s")
        await pilot.pause()
        expected = method_names()[1]
        assert screen.method == expected
        assert "analysing" in str(screen.query_one("#summary-status").render())
        gate.set()
        await settle(pilot)
        assert "analysing" not in str(screen.query_one("#summary-status").render())
        assert screen.analysis.summary.method == expected
        assert screen.summary.get_option_at_index(0).prompt.plain.startswith(f"Summary · {method_title(expected)}")


async def test_plus_and_minus_change_summary_length(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        before = len(screen.analysis.summary.sentences)
        await pilot.press("plus")
        await settle(pilot)
        assert len(screen.analysis.summary.sentences) == before + 1
        assert f"{before + 1} sentences" in screen.method_label()
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert len(screen.analysis.summary.sentences) == before - 1


async def test_entity_highlights_toggle_all_and_by_type(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        kinds = {kind for kind, _ in screen.body.drawn}
        assert "person" in kinds and "place" in kinds
        await pilot.press("1")
        assert "person" not in {kind for kind, _ in screen.body.drawn}
        assert "place" in {kind for kind, _ in screen.body.drawn}
        await pilot.press("1", "e")
        assert screen.body.drawn == []
        assert "highlights off" in str(screen.query_one("#legend").render())
        await pilot.press("e")
        assert {kind for kind, _ in screen.body.drawn} == kinds


async def test_selecting_summary_sentence_and_quote_scrolls_article(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        last = len(screen.analysis.summary.sentences) - 1
        target = screen.analysis.summary.sentences[last]
        select_option(screen, f"s:{last}")
        await pilot.press("enter")
        await pilot.pause()
        assert screen.body.marked == (target.start, target.end)
        line = screen.body.line_of(target.start)
        assert screen.body.scroll_y <= line < screen.body.scroll_y + screen.body.scrollable_content_region.height
        quote = screen.analysis.quotes[-1]
        last_quote = len(screen.summary.quote_spans) - 1
        select_option(screen, f"q:{last_quote}")  # Oduya's, the last quote
        await pilot.press("enter")
        await pilot.pause()
        start, end = screen.body.marked
        assert start <= quote.start and end >= quote.end and HARBOUR.body[start:end].strip("\"“”") == quote.text
        line = screen.body.line_of(start)
        assert screen.body.scroll_y <= line < screen.body.scroll_y + screen.body.scrollable_content_region.height
        select_option(screen, "q:0")
        await pilot.press("enter")
        await pilot.pause()
        start, end = screen.body.marked
        # (Its two sentences either side of "said Mayor Agnes Trewin, who proposed the plan." are two quotes.)
        assert HARBOUR.body[start:end].startswith("\"We cannot ask") and HARBOUR.body[start:end].endswith("winter,\"")


async def test_selecting_entity_filters_library(cached_library, make_app):
    path, _ = cached_library
    app = make_app(path)
    async with opened_first(app, (160, 48)) as (pilot, screen):
        # An organisation filters the library (a person opens their page: test_stories.py).
        index = next(i for i, (_k, name) in enumerate(screen.summary.entity_names) if name == "Solent Marine Works")
        select_option(screen, f"e:{index}")
        await pilot.press("enter")
        await settle(pilot)
        assert titles(screen) == [HARBOUR.title]
        assert "mentions Solent Marine Works" in str(screen.query_one("#library-status").render())
        assert screen.articles.has_focus
        await pilot.press("escape")
        await settle(pilot)
        assert len(titles(screen)) == 4


async def test_untrusted_text_is_shown_literally(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.press("G", "enter")
        await settle(pilot)
        body = app.screen.body
        lines = [body.line_text(i) for i in range(12)]
        assert lines[0].startswith("[bold red]Not bold[/] title")
        assert any("[bold]square brackets[/bold]" in line for line in lines)
        assert not any(ch in line for line in lines for ch in "\x1b\x07")
        screenshot = app.export_screenshot()
        assert "\x1b" not in screenshot and "aGFjaw==" not in screenshot


async def test_fast_typing_after_slash_lands_in_the_search_box(library, make_app, copied):
    from textual import events

    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, screen):
        # All six keys queued at once, as a fast typist (or tmux send-keys) delivers them.
        for key, char in [("slash", "/"), ("c", "c"), ("i", "i"), ("d", "d"), ("e", "e"), ("r", "r")]:
            app.post_message(events.Key(key, char))
        await settle(pilot)
        assert screen.query_one("#search").value == "cider"
        # the list follows the search typed once its results come (settle can be over before that under load)
        await wait_until(pilot, lambda: titles(screen) == [ORCHARD.title], lambda: f"the list shows {titles(screen)}")
        assert copied == []  # "c" was text, not the copy key


async def test_empty_library_and_no_match_say_what_to_do(tmp_path, make_app):
    from tui.store import Library

    path = tmp_path / "empty.db"
    Library(path).close()
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "c")  # nothing to open or copy: no crash, a hint instead
        await settle(pilot)
        assert "a adds a file or folder" in app.screen.articles.render_line(0).text
        await pilot.press("slash", *"zzz")
        await settle(pilot)
        assert "Nothing matches" in app.screen.articles.render_line(0).text


@pytest.mark.parametrize("rows", [30, 20])  # 30: ORCHARD fits (a scrollbar comes and goes); 20: every article scrolls
async def test_scrollbars_follow_each_opened_article(library, make_app, rows):
    # Opening an article changes the panes' scroll sizes without a new layout of the screen:
    # the scrollbars and the scroll range must still follow each article.
    path, _ = library
    app = make_app(path)
    scrolled = []
    async with app.run_test(size=(100, rows)) as pilot:
        for row in (0, 1, 0):  # HARBOUR, ORCHARD, HARBOUR again
            await pilot.press("escape", "g", *["j"] * row, "enter")
            await settle(pilot)
            screen = app.screen
            body, summary = screen.body, screen.summary
            assert body.virtual_size.height == len(body._lines)
            await pilot.press("G")
            await pilot.pause()
            # The last line of this article is at the bottom (or it all fits): the scroll range is this article's.
            assert body.scroll_y == max(0, len(body._lines) - body.scrollable_content_region.height)
            scrolled.append(body.scroll_y)
            if body.show_vertical_scrollbar:
                assert body.vertical_scrollbar.window_virtual_size == len(body._lines)
            if summary.show_vertical_scrollbar:
                assert summary.vertical_scrollbar.window_virtual_size == summary.virtual_size.height
    assert scrolled[0] > 0 and scrolled[2] == scrolled[0]
    assert (scrolled[1] == 0) if rows == 30 else (0 < scrolled[1] != scrolled[0])
