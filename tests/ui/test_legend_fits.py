"""The article pane's legend says which colour is which type, and which types are toggled off, on one line:
at 120x30 the pane is 44 columns and the full "1 Person  2 Org ... 6 Other" wrapped "6 Other" onto a second
line (and with highlights off it wrapped at 200x50 too)."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from pilot_steps import opened_first, settle


def legend_lines(main) -> list[str]:
    legend = main.query_one("#legend")
    strips = legend.render_lines(Region(0, 0, legend.size.width, legend.size.height))
    return ["".join(seg.text for seg in strip).strip() for strip in strips]


def chip_styles(main) -> set:
    legend = main.query_one("#legend")
    strips = legend.render_lines(Region(0, 0, legend.size.width, legend.size.height))
    return {(seg.text.strip(), bool(seg.style and seg.style.strike)) for strip in strips for seg in strip
            if seg.text.strip()}


@pytest.mark.parametrize("size", [(80, 24), (120, 30), (200, 50)])
async def test_the_legend_is_one_line_and_says_what_is_off(library, make_app, size):
    path, _ = library
    app = make_app(path)
    async with opened_first(app, size) as (pilot, main):
        lines = legend_lines(main)
        assert len(lines) == 1, lines
        for name in ("Person", "Org", "Place", "Date", "Number", "Other"):
            assert name in lines[0], lines
        await pilot.press("5")  # Number off: its name is struck through, the others are not
        await settle(pilot)
        lines = legend_lines(main)
        assert len(lines) == 1, lines
        struck = {text for text, strike in chip_styles(main) if strike}
        assert struck == {"Number"}, chip_styles(main)
        await pilot.press("e")  # all off: said in words, on one line
        await settle(pilot)
        lines = legend_lines(main)
        assert len(lines) == 1 and "highlights off" in lines[0], lines
        assert main.query_one("#legend").size.height == 1


async def test_the_full_legend_where_it_fits(library, make_app):
    path, _ = library
    app = make_app(path)
    async with opened_first(app) as (pilot, main):
        assert legend_lines(main) == ["1 Person  2 Org  3 Place  4 Date  5 Number  6 Other"]
