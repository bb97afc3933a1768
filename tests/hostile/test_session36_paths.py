"""Session 36's new paths against untrusted input (hostile36).

* An untitled feed post's lines a <br> ends are joined where they run on (5c3ffc6): a post of megabytes of
  "and<br>" lines was joined by adding each line to a growing string, quadratic: 4 MB took minutes of CPU, so a feed
  holding one such post timed out at every refresh. Bounded here by CPU time (a Python timer on ITIMER_PROF), not
  wall time: a busy machine does not stretch it, and the linear join needs a few seconds of it.
* `doctor --fill-headers` (24c9f36) dates a stored note from the header lines at the top of its text: a day decades
  ahead there ("Fenland Post 9999-12-31") dated it, where `add` of the same text leaves it undated (a day that far
  ahead is no date: it stood first in the list for ever). The fill now takes what `add` would store.
"""

from __future__ import annotations

import json
import signal
from contextlib import contextmanager

import pytest

from tui.cli import main
from tui.importers.htmltext import html_to_paragraphs
from tui.importers.text import header_of_stored
from tui.models import Article
from tui.sources.parse import parse_feed_bytes
from tui.store import Library


class _CpuSpent(Exception):
    pass


@contextmanager
def cpu_budget(seconds: float):
    """Raise _CpuSpent in the block once it has used `seconds` of CPU time."""
    def spent(_signum, _frame):
        raise _CpuSpent(f"more than {seconds} s of CPU")

    old = signal.signal(signal.SIGPROF, spent)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


LINES = 400_000  # "the ferry and<br>": 6.8 MB, every line running on into the next


def test_lines_of_an_untitled_post_are_joined_in_linear_time():
    html = "<p>" + "the ferry and<br>" * LINES + "the end.</p>"
    with cpu_budget(40):
        paras = html_to_paragraphs(html, join_lines=True)
    assert len(paras) == 1
    assert paras[0].startswith("the ferry and the ferry and") and paras[0].endswith("the ferry and the end.")
    assert paras[0].count("ferry") == LINES


def test_a_feed_of_one_huge_untitled_post_parses():
    item = {"id": "post-1", "url": "https://example.org/post-1",
            "content_html": "<p>Crossing notes from Wendlebury and<br>" + "the ferry and<br>" * LINES + "home.</p>"}
    body = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Wendlebury Notes",
                       "items": [item]}).encode()
    with cpu_budget(60):
        parsed = parse_feed_bytes(body, "https://example.org/feed.json", "application/feed+json")
    (entry,) = parsed.entries
    assert entry.article.title.startswith("Crossing notes from Wendlebury and the ferry")
    assert entry.article.body.count("ferry") == LINES


NOTE = "The ferry to Skerrvik was late again on Tuesday.\n\nIts crew blamed the tide at Wexcombe."


@pytest.mark.parametrize("top", ["Fenland Post 9999-12-31", "Fenland Post\n\n2100-01-01", "Outlet: Fenland Post Date: 2999-06-01"])
def test_a_header_day_decades_ahead_is_no_date(top):
    assert header_of_stored("Ferry late again", f"{top}\n\n{NOTE}") == ("Fenland Post", None)


def test_doctor_fill_headers_stores_no_day_add_would_not(lib_path, tmp_path, capsys):
    note = tmp_path / "ferry.txt"
    note.write_text(f"Ferry late again\n\nFenland Post\n9999-12-31\n\n{NOTE}\n", encoding="utf-8")
    assert main(["add", str(note)]) == 0
    with Library(lib_path) as lib:
        (status, old), = lib.add_many([Article(title="Weir gates ordered", body=f"Fenland Post 9999-12-31\n\n{NOTE}")])
    capsys.readouterr()
    assert main(["doctor", "--fill-headers"]) == 0
    assert "filled 1 outlet and 0 dates" in capsys.readouterr().out
    with Library(lib_path) as lib:
        rows = {r.title: (r.source, r.published) for r in lib.rows_by_id(lib.ids())}
    assert rows == {"Ferry late again": ("Fenland Post", None), "Weir gates ordered": ("Fenland Post", None)}
