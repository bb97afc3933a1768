"""Odd arguments get one line and the README's exit code: 2 for a usage error (a negative count, a time that is not a
number of seconds, a --since that cannot be read: tests/cli/test_error_shape.py), 1 for an id that names nothing,
however large or however spelled.

Before: `list --limit -5` listed every row, `analyze --jobs -2` ran on every core, `refresh --timeout nan` was
taken, and an id past SQLite's integers ("OverflowError: Python int too
large to convert to SQLite INTEGER") or a digit int() cannot read ("²": "ValueError: invalid literal for int()")
was a Python error's text."""

from __future__ import annotations

import pytest

from tui.cli import main

HUGE = "9" * 23


@pytest.mark.parametrize("args, what", [
    (["list", "--limit", "-5"], "argument --limit: must be 0 or more"),
    (["analyze", "--jobs", "-2"], "argument --jobs: must be 0 or more"),
    (["refresh", "--jobs", "-1"], "argument --jobs: must be 0 or more"),
    (["refresh", "--timeout", "nan"], "argument --timeout: must be a number of seconds more than 0"),
    (["refresh", "--timeout", "inf"], "argument --timeout: must be a number of seconds more than 0"),
    (["feed", "add", "http://127.0.0.1:9/f.xml", "--timeout", "-0"], "argument --timeout: must be a number"),
])
def test_usage_errors_exit_2_with_the_reason(lib_path, capsys, args, what):
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    assert what in capsys.readouterr().err.splitlines()[-1]


@pytest.mark.parametrize("args", [
    ["summary", "1", "--sentences", "0"], ["summary", "1", "--format", "xml"], ["list", "--bogus"], ["show", "abc"],
    ["show"], ["export", "--format", "xml"], ["frobnicate"], ["quotes", "1", "--max-chars", "0"],
])
def test_a_bad_flag_or_argument_is_one_line_naming_the_help(lib_path, capsys, args):
    """A usage error printed argparse's usage block first (five lines for `summary`) and then the reason: one line
    now, the reason and where the usage is, exit code 2."""
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "usage:" not in err, err
    # (an unknown option is named by the command's parser too: `list --bogus` named `newsreader --help`)
    command = "newsreader" if args[0] == "frobnicate" else f"newsreader {args[0]}"
    assert err.startswith(f"{command}: error: ") and f"`{command} --help`" in err, err


@pytest.mark.parametrize("args, said", [
    (["show", HUGE], f"no article with id {HUGE}"),
    (["remove", HUGE], f"no article with id {HUGE}"),
    (["summary", HUGE], f"no article with id {HUGE}"),
    (["story", HUGE], f"no story with id {HUGE}"),
    (["feed", "remove", HUGE], f"no feed {HUGE}"),
    (["watch", "remove", HUGE], f"{HUGE} is not watched"),
    (["summary", "²"], "²: no such file or directory"),
    (["feed", "remove", "²"], "no feed ²"),
    (["watch", "remove", "²"], "² is not watched"),
])
def test_an_id_that_names_nothing_is_one_line_and_exit_1(lib, capsys, args, said):
    assert main(args) == 1
    err = capsys.readouterr().err.strip()
    assert err == f"newsreader: error: {said}" or (said in err and len(err.splitlines()) == 1), err
    assert "Error:" not in err


def test_large_counts_are_taken(lib, capsys):
    from tui.models import Article

    lib.add(Article(title="Harbour dues rise", source="Coast Weekly", published="2026-01-05",
                    body="The port board raised harbour dues by four percent on Monday, the first rise in ten years."))
    assert main(["list", "--limit", HUGE]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
    assert main(["brief", "--limit", HUGE]) == 0
    assert "Harbour dues rise" in capsys.readouterr().out


def test_a_retry_after_or_length_digit_int_cannot_read_is_ignored():
    """A server's Retry-After of "²" (a latin-1 header byte, a digit to str.isdigit) failed its feed's refresh with
    "ValueError: could not convert string to float"; it reads as no Retry-After."""
    from tui.sources.http import retry_after_seconds

    assert retry_after_seconds("²") is None
    assert retry_after_seconds(" 120 ") == 120.0


@pytest.mark.parametrize("args", [
    ["summary", "-5"], ["quotes", "-5"], ["entities", "+5"], ["summary", "5.0"], ["summary", "0"],
    ["summary", "1e3"], ["summary", "0x10"], ["show", "-5"], ["show", "+3"], ["show", "0"], ["remove", "-5"],
    ["story", "-5"], ["story", "0"], ["feed", "remove", "-5"], ["refresh", "-2"],
])
def test_a_number_that_cannot_be_an_id_is_a_usage_error(lib, capsys, args):
    """`summary -5` was read as a file named "-5" ("-5: no such file or directory", exit 1), `show -5` looked up
    article -5 and `show +3` showed article 3: a usage error now, one line naming the help, exit 2."""
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1, err
    assert f"{args[-1]!r} is not " in err and "whole numbers from 1" in err, err


def test_a_file_named_like_a_number_is_still_read(lib, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "-5").write_text("Winter ferry stays\n\nThe harbour board voted on Tuesday to keep the winter ferry running twice a day, "
                                 "after islanders said the late boat was the only way home from their shifts.\n")
    assert main(["summary", "-5"]) == 0
    assert "the late boat" in capsys.readouterr().out


@pytest.mark.parametrize("args, command, shown", [
    (["add", ""], "add", "PATH"), (["add", "-", ""], "add", "PATH"), (["watch", "add", ""], "watch add", "DIR"),
    (["watch", "remove", ""], "watch remove", "DIR"), (["feed", "import", ""], "feed import", "FILE.opml"),
    (["feed", "add", ""], "feed add", "URL"), (["feed", "remove", ""], "feed remove", "ID|URL"),
    (["refresh", ""], "refresh", "ID|URL"), (["feed", "export", "-o", ""], "feed export", "--output"),
])
def test_an_empty_name_is_a_usage_error_naming_the_argument(lib_path, capsys, args, command, shown):
    """`add "$FILE"` of a variable not set said "skipped : no such file or directory", `watch add ""` "newsreader:
    error: : no such folder", `feed remove ""` "no feed", exit 1; `feed export -o ""` wrote to the screen, exit 0."""
    with pytest.raises(SystemExit) as exit_:
        main(args)
    captured = capsys.readouterr()
    assert exit_.value.code == 2 and captured.out == ""
    assert captured.err == (f"newsreader {command}: error: argument {shown}: an empty name (a variable not set?) (see "
                            f"`newsreader {command} --help`)\n")


@pytest.mark.parametrize("command", ["summary", "entities", "quotes"])
def test_a_file_name_too_long_is_said_in_words(lib_path, capsys, command):
    """A name longer than the system takes: "newsreader: error: [Errno 36] File name too long: 'xxx…'"."""
    name = "n" * 300 + ".txt"
    assert main([command, name]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1, captured
    assert captured.err.startswith("newsreader: error: nnn") and captured.err.endswith(": file name too long\n"), captured
