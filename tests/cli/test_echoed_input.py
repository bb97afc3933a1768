"""What a user typed is echoed back in one short line: a 100 KB search in `list --search` ("no articles match ..."),
(the app's dialogs: tests/ui/test_echoed_input_ui.py). It was repeated whole: 100,000 characters on stderr."""

from __future__ import annotations

from tui.cells import echoed, width
from tui.cli import main
from tui.models import Article
from tui.store import Library

HUGE_SEARCH = "quayside lantern " * 6000  # ~100 KB, one line
HUGE_PATH = "archive/" + "wexmoor-harbour/" * 400 + "pier.txt"  # 6,416 characters: "File name too long"


def test_echoed_keeps_short_input_and_cuts_long_input_in_one_line():
    assert echoed("ferry  crash\n") == "ferry crash"
    line = echoed(HUGE_PATH)
    assert width(line) == 80 and line.count("…") == 1
    assert line.startswith("archive/wexmoor-harbour/") and line.endswith("/pier.txt")  # the start and the file name
    assert "\n" not in echoed("a\n" * 50_000) and width(echoed("a\n" * 50_000)) <= 80
    assert width(echoed("渡し船" * 1000)) <= 80  # wide characters count two cells


def test_list_search_with_no_match_echoes_a_short_line(lib_path, capsys):
    with Library(lib_path) as lib:
        lib.add_many([Article(title="Ferry pier to reopen", body="The pier in Wexmoor reopens in April.")])
    assert main(["list", "--search", HUGE_SEARCH]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    err = captured.err.strip()
    assert err.startswith("no articles match 'quayside lantern") and "…" in err
    assert "\n" not in err and len(err) < 120, len(err)


HUGE_ARG = "q" * 100_000


def _one_short_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert lines and all(len(line) <= 400 for line in lines), [len(line) for line in lines]
    return lines[-1]


def test_errors_that_echo_a_huge_argument_are_short(lib_path, capsys):
    # a CliError ("no entity named '...'"), argparse's own error, a path too long to open, a web address
    assert main(["who", HUGE_ARG]) == 1
    assert "…" in _one_short_line(capsys.readouterr().err)
    try:
        main(["show", HUGE_ARG])
    except SystemExit as exit:
        assert exit.code == 2
    assert "is not an id" in _one_short_line(capsys.readouterr().err)
    assert main(["add", "archive/" + HUGE_ARG]) == 1
    err = capsys.readouterr().err
    assert ": file name too long\n" in err and len(err) < 1000
    assert main(["feed", "add", HUGE_ARG + "://example.org/feed.xml"]) == 1
    err = capsys.readouterr().err
    assert "…" in err and len(err) < 1000, len(err)
