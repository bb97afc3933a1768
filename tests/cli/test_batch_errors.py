"""`summary|entities|quotes --batch FILE.jsonl`: a line the batch cannot read is answered {"id", "error"} (the batch
contract's keys), the error in words: which line, and what is wrong with it.

Before: Python's words, "JSONDecodeError: Expecting value: line 1 column 1 (char 0)" (every line of a binary file),
"AttributeError: 'list' object has no attribute 'get'", "KeyError: 'text'", "TypeError: '<' not supported between
instances of 'str' and 'int'" (a budget of "many"), "AttributeError: 'int' object has no attribute 'lower'" (a title of
5); a budget of 2.5 or true was taken."""

from __future__ import annotations

import json

import pytest

from tui.cli import main

GOOD = {"id": "g1", "text": "The harbour board met on Tuesday. It raised the dues by four percent. Fishing crews said "
                            "the rise would cost each boat about 300 pounds a year.", "budget_sentences": 1}
LINES = [  # (the line, the answer's id, its error)
    ('{"id": 1, "text": ', 1, "line 1 is not JSON: expecting value at column 19"),
    ("not json at all \x1b[31m", 2, "line 2 is not JSON: expecting value at column 1"),
    ("[1, 2, 3]", 3, 'line 3 is a JSON array, not an object {"id", "text"[, "title"][, "budget_sentences"]}'),
    ('"just a string"', 4, 'line 4 is a JSON string, not an object {"id", "text"[, "title"][, "budget_sentences"]}'),
    ('{"id": "a"}', "a", 'line 5 has no "text" (the article to read): {"id", "text"[, "title"][, "budget_sentences"]}'),
    ('{"id": "b", "text": 42}', "b", '"text" of line 6 is a number, not a string'),
    ('{"id": "c", "text": "Two. Words.", "title": 5}', "c", '"title" of line 7 is a number, not a string'),
    ('{"id": "d", "text": "Two. Words.", "budget_sentences": "many"}', "d",
     '"budget_sentences" of line 8 is "many", not a whole number from 1'),
    ('{"id": "e", "text": "Two. Words.", "budget_sentences": 2.5}', "e",
     '"budget_sentences" of line 9 is 2.5, not a whole number from 1'),
    ('{"text": "Two. Words.", "budget_sentences": -5}', 10, '"budget_sentences" of line 10 is -5, not a whole number from 1'),
    ("\x00\x01\x02 binary", 11, "line 11 is not JSON text (binary data)"),
]


def test_a_line_the_batch_cannot_read_is_said_in_words(tmp_path, capsys):
    batch = tmp_path / "batch.jsonl"
    batch.write_text("\n".join([line for line, _, _ in LINES] + [json.dumps(GOOD)]) + "\n", encoding="utf-8")
    assert main(["summary", "--batch", str(batch)]) == 1  # (a bad line: exit 1, the batch goes on)
    answers = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(a["id"], a.get("error")) for a in answers[:-1]] == [(ident, error) for _, ident, error in LINES]
    assert all(set(a) == {"id", "error"} for a in answers[:-1])
    assert answers[-1]["id"] == "g1" and len(answers[-1]["sentences"]) == 1


@pytest.mark.parametrize("command", ["entities", "quotes"])
def test_entities_and_quotes_read_no_budget(tmp_path, capsys, command):
    """The summary's sentence budget is not theirs: a line with a budget they do not read is answered."""
    batch = tmp_path / "batch.jsonl"
    batch.write_text(json.dumps({"id": 1, "text": GOOD["text"], "budget_sentences": "many"}) + "\n[1]\n",
                     encoding="utf-8")
    assert main([command, "--batch", str(batch)]) == 1
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["id"] == 1 and "error" not in first
    assert second == {"id": 2, "error": 'line 2 is a JSON array, not an object {"id", "text"[, "title"][, '
                                        '"budget_sentences"]}'}


def test_a_batch_file_that_is_no_file_is_one_line(tmp_path, lib_path, capsys):
    """`--batch /dev/zero` read one endless line until the memory ran out (a hang); /proc/self/status was read as lines
    of bad JSON; `summary 1 --batch FILE` read the batch and left the article unread, silently. /dev/null still has no
    lines (exit 0)."""
    import os
    import sys

    cases = [(["summary", "--batch", "/dev/zero"], 1, "newsreader: error: /dev/zero: a character device, not a file to "
                                                      "read\n"),
             (["quotes", "1", "--batch", str(tmp_path / "x.jsonl")], 2,
              "newsreader quotes: error: quotes reads one article (ID or PATH) or --batch FILE.jsonl, not both (see "
              "`newsreader quotes --help`)\n"),
             (["entities", "--batch", os.devnull], 0, f"no lines to read in {os.devnull}\n")]
    if sys.platform.startswith("linux") and os.path.exists("/proc/self/mountinfo"):
        cases.append((["summary", "--batch", "/proc/self/status"], 1,
                      "newsreader: error: /proc/self/status: a system file (proc file system), not a JSONL file\n"))
    for args, code, err in cases:
        assert main(args) == code, args
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err == err, (args, captured)
