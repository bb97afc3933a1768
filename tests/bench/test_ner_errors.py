"""The error sorter of the entity pass (bench/ner_errors.py): each wrong span counted once, in one kind and line."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.ner_errors import classify, line_kind  # noqa: E402

_TEXT = "HARBOUR BOARD MEETS IN VARNO\nVarno Rovers 3 Kessling 1\nMara Lind of the Varno Harbour Board said so.\n"


def _span(word: str, label: str) -> tuple[int, int, str]:
    start = _TEXT.index(word)
    return (start, start + len(word), label)


def test_each_error_is_one_kind():
    gold = {_span("Mara Lind", "PERSON"), _span("Varno Harbour Board", "ORG"), _span("Kessling", "ORG"),
            _span("Varno Rovers", "ORG")}
    pred = {_span("Mara Lind", "PERSON"), _span("Harbour Board", "ORG"), _span("Kessling", "LOC"),
            _span("HARBOUR", "ORG")}
    got = sorted((kind, _TEXT[s:e], lab) for kind, (s, e, lab), _ in classify(gold, pred))
    assert got == [("boundary", "Varno Harbour Board", "ORG"), ("missed", "Varno Rovers", "ORG"),
                   ("spurious", "HARBOUR", "ORG"), ("type", "Kessling", "ORG")]


def test_lines_are_capitals_tables_or_prose():
    assert line_kind(_TEXT, _TEXT.index("VARNO")) == "caps"
    assert line_kind(_TEXT, _TEXT.index("Kessling")) == "table"
    assert line_kind(_TEXT, _TEXT.index("Lind")) == "prose"
