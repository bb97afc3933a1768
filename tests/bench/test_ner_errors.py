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


_DOC = ("Tavi Asante scored twice for Asante Kotoko.\nAsante said Kotoko had trained hard.\n"
        "Velmora Bank rose. Velmora Bank fell. Ines Roe of Harlo spoke. Roe left Harlo.\n")


def _at(word: str, label: str, nth: int = 0) -> tuple[int, int, str]:
    start = -1
    for _ in range(nth + 1):
        start = _DOC.index(word, start + 1)
    return (start, start + len(word), label)


def test_document_kinds_sort_names_read_wrongly_everywhere_partly_or_from_another_name():
    from bench.ner_errors import doc_kinds

    gold = {_at("Tavi Asante", "PERSON"), _at("Asante Kotoko", "ORG"), _at("Asante", "PERSON", 2),
            _at("Kotoko", "ORG", 1), _at("Velmora Bank", "ORG"), _at("Velmora Bank", "ORG", 1),
            _at("Ines Roe", "PERSON"), _at("Harlo", "LOC"), _at("Roe", "PERSON", 1), _at("Harlo", "LOC", 1)}
    # the club read as a person like the player; the bank a place in both mentions; Harlo right once
    pred = (gold - {_at("Asante Kotoko", "ORG"), _at("Velmora Bank", "ORG"), _at("Velmora Bank", "ORG", 1),
                    _at("Harlo", "LOC", 1)}) | {_at("Asante Kotoko", "PERSON"), _at("Velmora Bank", "LOC"),
                                                _at("Velmora Bank", "LOC", 1), _at("Harlo", "ORG", 1)}
    one_pass = (pred - {_at("Roe", "PERSON", 1)}) | {_at("Roe", "ORG", 1)}
    got = doc_kinds(_DOC, gold, pred, one_pass)
    assert [[_DOC[s:e] for s, e, _ in spans] for spans in got["names"]] == [["Velmora Bank", "Velmora Bank"],
                                                                            ["Harlo", "Harlo"]]
    assert got["flipped"] == [[_at("Velmora Bank", "ORG"), _at("Velmora Bank", "ORG", 1)]]
    assert got["mixed"] == [[_at("Harlo", "LOC"), _at("Harlo", "LOC", 1)]]
    # "Asante Kotoko" PERSON shares "Asante" with the player; the bank and the wrong Harlo share a word with no
    # other name of their label
    assert [(_DOC[p[0]:p[1]], _DOC[q[0]:q[1]]) for p, q in got["borrowed"]] == [("Asante Kotoko", "Tavi Asante")]
    assert got["gains"] == [_at("Roe", "PERSON", 1)] and got["losses"] == []
