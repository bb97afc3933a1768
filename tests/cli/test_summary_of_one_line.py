"""`echo "a paragraph" | newsreader summary -`: one line of prose on stdin is the text to summarise, titled by its
first sentence. It was taken for a headline with no text under it: "-: no article text found (title only)", exit 1."""

from __future__ import annotations

import io
import sys

from tui.cli import main

PARA = ("The Fernwick ferry will stop running in March, the harbour trust said. Its one boat is forty years old. "
        "\"We cannot ask the crew to take it out again,\" said Ilsa Marrow.")  # under 200 characters: a line
# longer than that was read as prose already


def test_one_line_of_prose_on_stdin_is_summarised(lib, capsys, monkeypatch):
    assert len(PARA) < 200
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PARA.encode() + b"\n")))
    assert main(["summary", "-", "--sentences", "2"]) == 0
    captured = capsys.readouterr()
    assert "title only" not in captured.err
    assert "1. The Fernwick ferry will stop running in March" in captured.out


def test_add_keeps_the_line_whole_as_the_articles_text(lib, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PARA.encode() + b"\n")))
    assert main(["add", "-", "--json"]) == 0
    out = capsys.readouterr().out
    assert '"title": "The Fernwick ferry will stop running in March, the harbour trust said."' in out
    assert "Ilsa Marrow" in out
