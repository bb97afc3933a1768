"""Wrapping with offsets and style runs: the pieces the article pane draws with."""

from __future__ import annotations

from rich.style import Style

from tui.app.widgets.article_body import safe_same_length
from tui.app.widgets.runs import StyleRuns
from tui.app.widgets.wrap import wrap_spans


def lines(text: str, width: int) -> list[str]:
    return [text[a:b] for a, b in wrap_spans(text, width)]


def test_wrap_keeps_words_whole_and_offsets_exact():
    text = "The old wall cracked in three places"
    assert lines(text, 12) == ["The old wall ", "cracked in ", "three places"]  # a trailing space may overhang
    assert "".join(lines(text, 12)) == text  # every character belongs to exactly one line


def test_wrap_cuts_only_words_longer_than_the_line():
    assert lines("a Donaudampfschifffahrt b", 8) == ["a ", "Donaudam", "pfschiff", "fahrt b"]


def test_wrap_counts_wide_characters_as_two_cells():
    assert lines("東京都の港区です", 6) == ["東京都", "の港区", "です"]


def test_wrap_empty():
    assert wrap_spans("", 10) == [(0, 0)]


def test_runs_first_of_overlapping_spans_wins_and_mark_stacks():
    bold, italic, under = Style(bold=True), Style(italic=True), Style(underline=True)
    runs = StyleRuns([(2, 5, bold), (3, 4, italic), (8, 10, italic)], mark=(4, 9), mark_style=under)
    got = [(seg.text, seg.style) for seg in runs.segments("abcdefghijkl", 0, 12)]
    assert got == [("ab", None), ("cd", bold), ("e", bold + under), ("fgh", under),
                   ("i", italic + under), ("j", italic), ("kl", None)]
    assert [seg.text for seg in runs.segments("abcdefghijkl", 3, 6)] == ["d", "e", "f"]


def test_unsafe_characters_become_spaces_keeping_offsets():
    raw = "a\x1b[31mred\x07 b"
    safe = safe_same_length(raw)
    assert len(safe) == len(raw) and "\x1b" not in safe and "\x07" not in safe
    assert safe.index("b") == raw.index(" b") + 1


def test_entity_types_use_the_engines_label_names():
    # entity_types.py spells the labels out (no engine import before the first paint): they must match.
    from tui.app.widgets.entity_types import TYPES, type_of
    from tui.engine import types as t

    engine = {t.PERSON, t.ORG, t.GPE, t.LOC, t.NORP, t.FAC, t.EVENT, t.PRODUCT,
              t.DATE, t.TIME, t.MONEY, t.PERCENT, t.QUANTITY, t.CARDINAL, t.MISC}
    for _key, _name, _heading, labels in TYPES:
        assert labels <= engine
    assert [type_of(x) for x in (t.PERSON, t.FAC, t.TIME, t.PERCENT, t.NORP)] == ["person", "place", "date", "number", "other"]


def test_default_method_is_the_engines():
    from tui.app.parts.analysis import FALLBACK_METHODS
    from tui.engine.analysis import DEFAULT_METHOD

    assert FALLBACK_METHODS[0] == DEFAULT_METHOD


def test_the_fast_wrap_for_plain_text_cuts_exactly_like_the_general_one():
    import random

    from tui.app.widgets.wrap import _wrap_general, _wrap_plain

    rng = random.Random(7)
    words = ["a", "to", "the", "news", "“wall”", "Łódź", "Donaudampfschifffahrt", "x" * 30, "€4.2", "—", ""]
    for _ in range(20000):
        text = "".join(rng.choice(words) + " " * rng.choice([0, 1, 1, 2, 3]) for _ in range(rng.randint(0, 12)))
        if rng.random() < 0.2:
            text = " " * rng.randint(1, 3) + text
        width = rng.randint(1, 25)
        assert _wrap_plain(text, width) == _wrap_general(text, width), (text, width)
    # Wide characters, tabs and other spaces take the general way.
    assert lines("東京都の港区です", 6) == ["東京都", "の港区", "です"]
    assert lines("a\u00a0b c", 3) == ["a\u00a0b ", "c"]


def test_characters_taken_as_one_cell_are_one_cell():
    import re

    from rich.cells import cell_len

    from tui.app.widgets.wrap import ONE_CELL

    one_cell = re.compile(f"[{ONE_CELL}]")
    for code in range(0x20, 0x3000):
        ch = chr(code)
        if one_cell.match(ch):
            assert cell_len(ch) == 1, hex(code)
