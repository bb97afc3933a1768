"""tui/cells.py: a title fitted to a column. Plain ASCII titles take a shortcut (one cell a character, session 26:
`add` cut 3,000 titles character by character); these pin what `clip` and `width` give, on both paths, so the shortcut
keeps the answers of the per-character reading: control characters take no cell, wide and combining characters
are measured, and the cut keeps `cells - 1` cells and ends with "…"."""

from __future__ import annotations

import pytest

from tui.cells import ELLIPSIS, char_width, clip, cut_title, width


@pytest.mark.parametrize("text, cells, expected", [
    ("Harbour ferry delayed by fog", 40, "Harbour ferry delayed by fog"),  # fits: unchanged
    ("Harbour ferry delayed by fog", 28, "Harbour ferry delayed by fog"),  # exactly the column
    ("Harbour ferry delayed by fog", 27, "Harbour ferry delayed by f…"),   # one cell too long
    ("Harbour ferry delayed by fog", 8, "Harbour…"),
    ("Harbour", 1, ELLIPSIS),
    ("Harbour", 0, ELLIPSIS),
    ("", 0, ""),
    ("", 5, ""),
    ("Tide\x07 tables", 11, "Tide\x07 tables"),  # the bell takes no cell: 11 cells of text fit in 11
    ("Tide\x07 tables", 10, "Tide\x07 tabl…"),
    ("Łódź trams", 10, "Łódź trams"),  # composed letters: one cell each
    ("港口渡轮延误", 7, "港口渡…"),  # two cells a character: 3 characters and "…" fill 7 cells
    ("Cafe\u0301 owners", 11, "Cafe\u0301 owners"),  # a combining accent takes no cell
])
def test_clip_keeps_what_fits_and_cuts_the_rest_to_the_column(text, cells, expected):
    assert clip(text, cells) == expected
    assert width(clip(text, cells)) <= max(cells, 1)


@pytest.mark.parametrize("text", ["Harbour ferry delayed by fog", "Tide\x07 tables\x1b", "", "港口 ferry", "e\u0301"])
def test_width_is_the_sum_of_each_characters_cells(text):
    assert width(text) == sum(char_width(ch) for ch in text)


def test_a_long_ascii_title_is_cut_to_the_list_column_with_an_ellipsis():
    title = "Council votes to rebuild the harbour wall " * 10  # 420 characters, one line
    cut = cut_title(title)
    assert len(cut) == 200 and cut.endswith(ELLIPSIS) and cut[:-1] == title[:199]
    assert cut_title("Short title") == "Short title"
