"""A reading that finds nothing says so: `summary` of a text whose sentences are all too short to pick is a failure in
one line saying why and what to do (it printed "Summary of “Shopping” (news, 0 sentences)" and exited 0, with
`--quotes` the title alone); `quotes` and `entities` that find none say "no ... found" in text and Markdown and give
valid JSON with an empty list, exit 0."""

from __future__ import annotations

import json

import pytest

from tui.cli import main

SHORT = "Shopping\n\nBread. Milk. Two eggs. Some salt.\n\nTea bags. Jam. Butter, salted.\n"
QUIET = "Quiet day\n\nthe cat slept on the warm step all afternoon while the kettle ticked as it cooled.\n"


@pytest.fixture
def short(tmp_path, lib_path):
    path = tmp_path / "shopping.txt"
    path.write_text(SHORT, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "md", "json"])
def test_a_summary_of_sentences_too_short_to_pick_says_so(short, capsys, fmt):
    assert main(["summary", str(short), "--format", fmt]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"newsreader: error: {short}: nothing to summarise: every sentence is under 4 words, too "
                            "short for a summary to pick; read the file itself\n")


def test_a_stored_article_names_the_command_that_prints_it_whole(short, capsys):
    assert main(["add", "--force", str(short)]) == 0
    capsys.readouterr()
    for args in (["summary", "1"], ["summary", "1", "--method", "lead"], ["summary", "1", "--format", "md", "--quotes"]):
        assert main(args) == 1, args
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err == (
            "newsreader: error: article 1: nothing to summarise: every sentence is under 4 words, too short for a "
            "summary to pick; `newsreader show 1` prints it whole\n"), (args, captured)


@pytest.mark.parametrize("what", ["quotes", "entities"])
def test_quotes_and_entities_that_find_none_say_so_in_every_format(tmp_path, lib_path, capsys, what):
    path = tmp_path / "quiet.txt"
    path.write_text(QUIET, encoding="utf-8")
    assert main([what, str(path)]) == 0
    assert capsys.readouterr().out == f"no {what} found\n"
    assert main([what, str(path), "--format", "md"]) == 0
    heading = "Key quotes" if what == "quotes" else "Entities"
    assert capsys.readouterr().out == f"## {heading} in “Quiet day”\n\nno {what} found\n"
    assert main([what, str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"title": "Quiet day", what: []}


def test_a_text_without_full_stops_says_its_sentences_are_too_long(tmp_path, lib_path, capsys):
    """One "sentence" of 3,000 words (no full stop): it printed "(news, 0 sentences)" and "(ranked 0 of 1 sentences
    ...)", exit 0."""
    path = tmp_path / "run-on.txt"
    words = ["harbour", "wall", "council", "storm", "winter", "slipway", "pier", "lights"]
    path.write_text("Run on\n\n" + " ".join(words[i % 8] + ("s" if i % 3 else "") for i in range(3000)) + "\n")
    assert main(["summary", str(path)]) == 1
    assert capsys.readouterr().err == (f"newsreader: error: {path}: nothing to summarise: its sentences run over 20,000 "
                                       "characters (no full stops), too long to pick; read the file itself\n")
