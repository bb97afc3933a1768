"""`o`'s toast names the link it opens on lines broken between the link's parts (after a "/", before a "?" or "&",
after a "-"): at 80 columns it broke a long link wherever the toast's line ended, mid-word ("…/ice-breaker-arrives-ea"
/ "rly-in-port-ellin"). A link too long for three lines leaves folders of its path out, not parts of words."""

from __future__ import annotations

import re

import pytest
from pilot_steps import fake_browser, opened_first, press_o_for_link, wait_until
from ui_sample import HARBOUR

from tui.store import Library

LINK = ("https://www.harbour-gazette.example.org/news/2026/12/05/coastal/ice-breaker-arrives-early-in-port-ellin"
        "?ref=rss&utm_source=feed")


def toast_lines(app) -> list[str]:
    """The lines the newest toast on screen shows, as drawn (its border and padding stripped)."""
    toasts = app.screen.query("Toast")
    if not toasts:
        return []
    toast = toasts.last()
    lines = ["".join(s.text for s in toast.render_line(y)) for y in range(toast.size.height)]
    return [x.strip(" ▌▐") for x in lines if x.strip(" ▌▐")]


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
async def test_the_link_in_o_s_toast_breaks_between_its_parts(library, make_app, tmp_path, monkeypatch, size):
    path, ids = library
    with Library(path) as lib:
        lib.db.execute("UPDATE articles SET url = ? WHERE id = ?", (LINK, ids[HARBOUR.title]))
    got = fake_browser(tmp_path, monkeypatch)
    app = make_app(path)
    async with opened_first(app, size, notifications=True) as (pilot, _main):
        assert await press_o_for_link(pilot, got) == LINK  # the whole link to the browser
        await wait_until(pilot, lambda: len(toast_lines(app)) > 1, lambda: toast_lines(app))
        lines = toast_lines(app)
        assert lines[0].startswith("Opening"), lines
        link = lines[1:] if lines[0] == "Opening" else [lines[0].removeprefix("Opening "), *lines[1:]]
        assert len(link) <= 3, lines
        # every word of the link whole on one line: broken only between its parts
        for word in ("www", "harbour", "gazette", "example", "ice", "breaker", "arrives", "early", "in", "port",
                     "ellin", "ref=rss", "utm_source=feed"):
            assert any(word in re.split(r"[-/:.?&]", x) for x in link), (word, lines)
        for x in link[:-1]:  # each line ends where the link has a break
            assert x[-1] in "/-." or link[link.index(x) + 1][0] in "?&", lines
        shown = "".join(link)
        assert shown.startswith("https://www.harbour-gazette.example.org/"), lines
        assert shown.endswith("/ice-breaker-arrives-early-in-port-ellin?ref=rss&utm_source=feed"), lines
        assert shown == LINK or "/…/" in shown, lines  # folders left out in the middle, if any


def test_link_lines_break_between_parts_and_leave_folders_out():
    from tui.cells import link_lines, width

    assert link_lines("https://example.org/harbour", 39) == ["https://example.org/harbour"]
    lines = link_lines(LINK, 57)  # fits in three lines whole
    assert "".join(lines) == LINK and len(lines) <= 3
    assert all(width(x) <= 57 for x in lines)
    lines = link_lines(LINK, 39)  # it does not: folders of the path left out, from the first
    assert len(lines) <= 3 and all(width(x) <= 39 for x in lines), lines
    assert "".join(lines).startswith("https://www.harbour-gazette.example.org/…/"), lines
    assert "".join(lines).endswith("port-ellin?ref=rss&utm_source=feed"), lines
    # one giant name, no break point near: its start and end, cut with "…", within the lines
    lines = link_lines("https://example.org/" + "x" * 300, 39)
    assert len(lines) == 3 and all(width(x) <= 39 for x in lines) and "…" in "".join(lines), lines
    # wide characters count two cells; escape sequences never reach the toast
    lines = link_lines("https://例え.jp/ニュース/港の新しい防波堤が完成しました/記事", 20)
    assert all(width(x) <= 20 for x in lines), lines
    assert "\x1b" not in "".join(link_lines("https://example.org/\x1b[2Jharbour", 39))


def test_path_lines_break_after_a_slash_and_leave_folders_out():
    """The app's log path in a toast (the grouping failure's "Details:"): broken after a "/", not wherever the line
    ended; a path too long for its lines loses folders from its middle, its file name kept whole."""
    from tui.cells import path_lines, width

    assert path_lines("~/.local/state/newsreader/log/newsreader.log", 37) == ["~/.local/state/newsreader/log/",
                                                                              "newsreader.log"]
    assert path_lines("~/.local/state/newsreader/log/newsreader.log", 57) == [
        "~/.local/state/newsreader/log/newsreader.log"]
    deep = "/home/someone/scratch/runs-1234/test_a_failed_grouping_s_traceback0/state/log/newsreader.log"
    lines = path_lines(deep, 37)
    assert len(lines) <= 2 and all(width(x) <= 37 for x in lines), lines
    assert "".join(lines).startswith("/…/") and lines[-1].endswith("/log/newsreader.log"), lines
    lines = path_lines("/" + "x" * 200 + ".log", 37)  # one giant name: its start and end, within the lines
    assert len(lines) == 2 and all(width(x) <= 37 for x in lines) and lines[-1].endswith("x.log"), lines
