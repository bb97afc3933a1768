"""`feed list`, `watch list`, `stories` and `who` fit each row to the terminal as `list` does (21cce79): at 80
columns every `feed list` row wrapped (98 cells before its URL), and a long title wrapped `stories` and `who` rows
under the next row's id. Into a pipe rows stay whole, as before."""

from __future__ import annotations

import subprocess

import pytest
from command import newsreader_cmd, on_a_terminal

from tui.cells import width
from tui.models import Article
from tui.store import Library

LONG = "Ferry line to the islands wins an award after a long winter of arguments in the council chamber and on the streets"
FEED_URL = "https://www.kessbycourier.example/feeds/news/harbour-and-islands/the-whole-of-it/rss.xml"
FEED_TITLE = "The Kessby Courier — Harbour and Islands news, all of it, every day of the week"


def _piped(args: list[str]) -> list[str]:
    r = subprocess.run(newsreader_cmd() + args, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


@pytest.fixture
def library(lib_path, tmp_path):
    from tui.store.feeds import add_feed, update_feed
    from tui.store.watch import add_watch

    folder = tmp_path / "clippings from the harbour office" / "every week of the winter of twenty twenty six"
    folder.mkdir(parents=True)
    with Library(lib_path) as lib:
        for outlet, day in (("Harbour Gazette", "2026-03-04"), ("Coast Weekly", "2026-03-05")):
            lib.add(Article(title=LONG, source=outlet, published=day, body=(
                f"The ferry line to the islands won the regional transport award on Tuesday, {outlet} reported. "
                "Marta Quillon, who runs the line, said the crews had earned it over a hard winter of storms.")))
        feed, _ = add_feed(lib, FEED_URL, FEED_TITLE)
        update_feed(lib, feed, last_status="ok", last_refresh="2026-12-06T07:41:21Z")
        add_watch(lib, str(folder))
    return folder


@pytest.mark.parametrize("args", [["feed", "list"], ["watch", "list"], ["stories"], ["who", "Marta Quillon"]],
                         ids=["feed-list", "watch-list", "stories", "who"])
def test_rows_fit_the_terminal_and_stay_whole_in_a_pipe(library, args):
    piped = _piped(args)
    whole = {"feed": FEED_URL, "watch": library.name, "stories": LONG, "who": LONG}[args[0]]
    assert any(line.endswith(whole) or line.split("  (")[0].endswith(whole) for line in piped), piped
    for columns in (80, 200):
        lines = on_a_terminal(args, columns)
        rows = [line for line in lines if LONG[:12] in line or FEED_TITLE[:12] in line or library.name[-12:] in line
                or line.lstrip().startswith("id  title")]  # (who's quotes and "Appears with" are text, they wrap)
        assert rows and all(width(line) <= columns for line in rows), (columns, lines)
        if columns == 80:
            assert all(line.endswith("…") or "…" in line for line in rows if "id  title" not in line), lines
        else:
            assert any(whole in line for line in rows), lines
