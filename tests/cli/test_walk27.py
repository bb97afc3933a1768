"""What a demanding user met walking the command line (cli27): every option and argument in `--help` says what it
is, a usage error names the command whose help has the answer, a number that is no number names no function of ours,
`summary` given nothing to read is a usage error (exit 2), `--db ""` does not open the default library, an empty
library's `export` says why it printed nothing, and a few bytes of binary on stdin are called binary."""

from __future__ import annotations

import argparse
import io
import sys

import pytest

from command import cli_error, command_parsers
from tui.cli import build_parser, main


def test_every_argument_in_help_says_what_it_is():
    """`show --help` listed "id" and "--json" with no word about either (also remove, who, story, feed list ...)."""
    bare = [f"{name} {action.option_strings[0] if action.option_strings else action.metavar or action.dest}"
            for name, parser in command_parsers(build_parser())
            for action in parser._actions
            if not isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)) and not action.help]
    assert bare == [], bare


@pytest.mark.parametrize("args, line", [
    (["list", "--bogus"], "newsreader list: error: unrecognized arguments: --bogus (see `newsreader list --help`)"),
    (["feed", "list", "--bogus"],
     "newsreader feed list: error: unrecognized arguments: --bogus (see `newsreader feed list --help`)"),
    (["show", "1", "2"], "newsreader show: error: unrecognized arguments: 2 (see `newsreader show --help`)"),
    (["list", "--limit", "x"], "newsreader list: error: argument --limit: 'x' is not a whole number (see `newsreader "
                               "list --help`)"),
    (["summary", "1", "--ratio", "x"], "newsreader summary: error: argument --ratio: 'x' is not a number (see "
                                       "`newsreader summary --help`)"),
    (["--db", "", "list"], "newsreader: error: argument --db: needs a library file's path (see `newsreader --help`)"),
])
def test_usage_errors_name_the_command_and_no_function(lib_path, capsys, args, line):
    """`list --bogus` pointed at `newsreader --help`, `list --limit x` said "invalid _count value: 'x'", and
    `--db ""` (an unset variable) listed the default library."""
    with pytest.raises(SystemExit) as exit_:
        main(args)
    assert exit_.value.code == 2
    assert capsys.readouterr().err == line + "\n"


@pytest.mark.parametrize("command", ["summary", "entities", "quotes"])
def test_an_engine_command_with_nothing_to_read_is_a_usage_error(lib_path, capsys, command):
    assert main([command]) == 2
    assert capsys.readouterr().err == (
        f"newsreader {command}: error: {command} needs an article ID, a file PATH (- for stdin), or --batch "
        f"FILE.jsonl (see `newsreader {command} --help`)\n")


def test_an_empty_librarys_export_says_why_it_printed_nothing(lib, capsys):
    for fmt in ("md", "json"):
        assert main(["export", "--format", fmt]) == 0
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err == "no articles to export: the library is empty\n"


def test_a_few_bytes_of_binary_on_stdin_are_binary(lib, capsys, monkeypatch):
    """Nine bytes with NULs on stdin said "-: no article text found (title only)" (the binary checks wanted more
    than 8 control bytes, whatever the length)."""
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\x00\x01\x02abc\x00\x00zz")))
    assert main(["summary", "-"]) == 1
    assert capsys.readouterr().err == "newsreader: error: -: binary file (binary data)\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(
        b"Ferry\n\nThe boat\tsails at noon today, the harbour board said on Tuesday.\n")))
    assert main(["summary", "-"]) == 0  # a tab is text
    assert "sails at noon" in capsys.readouterr().out


def test_watch_add_of_no_folder_and_feed_import_of_an_empty_file_say_what_they_are(lib, tmp_path, capsys):
    """`watch add` of a missing path said "not a folder", and `feed import` of an empty file "not valid XML (no
    element found: line 1, column 0)"."""
    empty = tmp_path / "subscriptions.opml"
    empty.write_bytes(b"")
    assert main(["watch", "add", str(tmp_path / "gone")]) == 1
    assert capsys.readouterr().err == f"newsreader: error: {tmp_path / 'gone'}: no such folder\n"
    assert main(["watch", "add", str(empty)]) == 1
    assert capsys.readouterr().err == cli_error(f"{empty}: not a folder (`newsreader add {empty}` imports a file "
                                                "once)") + "\n"
    assert main(["feed", "import", str(empty)]) == 1
    assert capsys.readouterr().err == f"newsreader: error: {empty}: empty file\n"


def test_batch_files_that_cannot_be_read_are_said_in_words(lib, tmp_path, capsys):
    """`summary --batch x.jsonl` said "[Errno 2] No such file or directory: 'x.jsonl'", of a folder "[Errno 21] Is a
    directory", and of an empty file nothing at all (exit 0)."""
    missing, empty = tmp_path / "x.jsonl", tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    assert main(["summary", "--batch", str(missing)]) == 1
    assert capsys.readouterr().err == f"newsreader: error: {missing}: no such file or directory\n"
    assert main(["entities", "--batch", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"newsreader: error: {tmp_path}: a folder, not a JSONL file\n"
    assert main(["summary", "--batch", str(empty)]) == 0
    assert capsys.readouterr().err == f"no lines to read in {empty}\n"


@pytest.mark.parametrize("args", [["summary", "1", "--quotes"], ["summary", "--batch", "x.jsonl", "--format", "md",
                                                                  "--quotes"]])
def test_quotes_without_markdown_or_with_batch_is_a_usage_error(lib, capsys, args):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("newsreader summary: error: --quotes ") and err.endswith(
        "(see `newsreader summary --help`)\n"), err


class _TypedStdin(io.TextIOWrapper):
    """Standard input that is a terminal, holding what the user types."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("command", ["add", "summary"])
def test_reading_stdin_from_a_terminal_says_how_to_end_it(lib, capsys, monkeypatch, command):
    """`add -` typed at a terminal waited in silence for the article."""
    monkeypatch.setattr(sys, "stdin", _TypedStdin(io.BytesIO(
        b"Ferry\n\nThe boat sails at noon today, the harbour board said on Tuesday.\n")))
    assert main([command, "-"]) == 0
    assert capsys.readouterr().err.splitlines()[0] == (
        "reading an article from the terminal: paste or type it, then ctrl-d on a line of its own")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Ferry\n\nThe boat sails at noon today.\n")))
    main([command, "-"])
    assert "reading an article" not in capsys.readouterr().err  # a pipe needs no word
