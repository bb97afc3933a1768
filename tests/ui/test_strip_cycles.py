"""Drawn lines are freed when dropped, not left for the cyclic garbage collector (tui/app/textual_fixes.py)."""

from __future__ import annotations

import gc

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

import tui.app.app  # noqa: F401  (installs the fixes, as the app does)
from tui.app import textual_fixes


def _draw_and_drop(lines: int) -> None:
    for i in range(lines):
        strip = Strip([Segment("Harbour board votes "), Segment(str(i))])
        width = strip.cell_length
        # what the compositor asks of a line that already fits: each returns the strip itself
        assert strip.adjust_cell_length(width) is strip
        assert strip.divide([width]) == [strip]
        assert strip.crop_extend(0, width, None) is strip


def test_a_line_that_needs_no_change_is_freed_without_the_cyclic_collector():
    textual_fixes.install()  # idempotent
    gc.collect()
    gc.disable()
    try:
        _draw_and_drop(200)
        left = gc.collect()  # objects found only by the cyclic collector: Textual kept each strip in its own cache
    finally:
        gc.enable()
    assert left < 50, left  # 3,200 without the fix (16 a line)


def test_a_changed_line_is_still_cached_and_the_same_answer_comes_back():
    strip = Strip([Segment("Harbour board votes")])
    wider = strip.adjust_cell_length(strip.cell_length + 5)
    assert wider is not strip and wider.cell_length == strip.cell_length + 5
    assert strip.adjust_cell_length(strip.cell_length + 5) is wider  # from the cache, as before
    halves = strip.divide([7, strip.cell_length])
    assert [h.text for h in halves] == ["Harbour", " board votes"]
    assert strip.divide([7, strip.cell_length]) is halves
    assert strip.adjust_cell_length(strip.cell_length) is strip  # and the no-change answer is right


def test_a_line_makes_only_the_caches_it_uses():
    """Each Strip made its seven FIFOCaches when it was made: 38,668 of the 94,819 objects a full collection walked
    in the stories list at 100,000 articles (bench/gc_pauses.py). A cache is now made when the line first uses it."""
    from textual.cache import FIFOCache

    textual_fixes.install()

    def made(line: Strip) -> list[str]:
        """The caches a line holds, read through the slots' own descriptors (a plain read would make them)."""
        held = []
        for name in Strip.__slots__:
            try:
                value = getattr(Strip, name).__get__(line, Strip)
            except AttributeError:
                continue
            if type(value) is FIFOCache:
                held.append(name)
        return held

    lines = [Strip([Segment("Brackwater ferry "), Segment(str(i))]) for i in range(300)]
    assert all(made(line) == [] for line in lines)
    cropped = [line.crop(0, 8) for line in lines]
    assert all(c.text == "Brackwat" for c in cropped)
    assert all(line.crop(0, 8) is c for line, c in zip(lines, cropped))  # the crop cache answers, as before
    assert all(made(line) == ["_crop_cache"] for line in lines)  # seven each before
    styled = lines[0].apply_style(Style(bold=True))
    assert lines[0].apply_style(Style(bold=True)) is styled and styled.text == lines[0].text
    assert sorted(made(lines[0])) == ["_crop_cache", "_style_cache"]
    assert lines[0]._crop_cache._maxsize == 16 and lines[0]._divide_cache._maxsize == 4  # Textual's sizes
