"""`^p palette` stays on the key line at every width. The hints were fitted into the width less the palette's cells,
and the palette then drawn only when a cell was left over: at the widths where the hints filled that room exactly
(109, 118 and 129 columns in the library: b, F and R coming in) the palette was left off the line."""

from __future__ import annotations

from rich.cells import cell_len

from tui.app.widgets.footer import PALETTE, fitting, ranked_hints

PALETTE_CELLS = cell_len("▏" + f"{PALETTE[0]} {PALETTE[1]} ")


def widths_where_a_hint_comes_in(on_story: bool) -> list[int]:
    """The widths at which the line takes one more hint: its hints then fill their room to the last cell."""
    shown = ranked_hints({}, on_story=on_story)
    out = []
    for width in range(60, 201):
        if len(fitting(shown, width - PALETTE_CELLS)) > len(fitting(shown, width - 1 - PALETTE_CELLS)):
            out.append(width)
    return out


async def test_the_palette_shows_where_a_hint_just_fits(library, make_app):
    path, _ = library
    app = make_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        for on_story in (False, True):
            if on_story:
                await pilot.press("v")  # the stories list: `c Copy story`, six cells more
                await pilot.pause()
            widths = widths_where_a_hint_comes_in(on_story)
            assert len(widths) >= 3, widths
            for width in [80, *widths, 200]:
                await pilot.resize_terminal(width, 30)
                await pilot.pause()
                bar = app.screen.query_one("KeyBar")
                assert bar.story_shown == on_story
                line = str(bar.render())
                assert cell_len(line) <= width and "…" not in line, (width, line)
                assert line.endswith("▏^p palette "), f"no palette at {width} columns: {line!r}"
