"""`newsreader list` on a terminal fits each row to its width: a long title wrapped at 80 columns under the next
row's id, the columns broken (walk26, tmux 80x24). Into a pipe the title stays whole up to TITLE_CELLS, as before."""

from __future__ import annotations

import subprocess

from command import newsreader_cmd, on_a_terminal

from tui.cells import width
from tui.models import Article
from tui.store import Library

LONG = "Ferry line to the islands wins an award after a long winter of arguments in the council chamber and on the streets"


def test_list_rows_fit_the_terminal_and_stay_whole_in_a_pipe(lib_path):
    with Library(lib_path) as lib:
        lib.add(Article(title=LONG, source="Harbour Gazette", published="2026-03-04",
                        body="The ferry line to the islands won the regional transport award on Tuesday."))
        lib.add(Article(title="Pier lights switched on early", source="Coast Weekly", published="2026-03-03",
                        body="The pier lights were switched on a week early because of the fog."))
    for columns in (80, 60, 200):
        lines = on_a_terminal(["list"], columns, timeout=120)
        assert len(lines) == 2, lines
        assert all(width(line) <= columns for line in lines), (columns, lines)
        assert lines[1].endswith("Pier lights switched on early" if columns >= 80 else "…"), lines
        if columns < 160:
            assert lines[0].endswith("…") and LONG[:15] in lines[0], lines
        else:
            assert lines[0].endswith(LONG), lines
    piped = subprocess.run(newsreader_cmd() + ["list"], capture_output=True, text=True, timeout=120).stdout
    assert piped.splitlines()[0].endswith(LONG)
