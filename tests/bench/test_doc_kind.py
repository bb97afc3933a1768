"""bench/doc_kind.py: a document of tables and scores told from one of prose (our own texts)."""

from __future__ import annotations

from bench.doc_kind import document_kind
from tui.engine.entities.tagger import prepare

_TABLE = """SOCCER - VARNO LEAGUE RESULTS.
VARNO 1996-09-14
Results of Varno league matches on Saturday:
Orvik 2 Tallen 1
Brenmouth 0 Kessholm 3
Dunmere 1 Halsey 1
"""

_SCORES = "Orvik beat Tallen 2-1 at home, then drew 1-1 with Kessholm on a wet Tuesday night.\n"

_LETTER = """Dear Maren,

The ferry from Orvik was late again, so I missed the bus to Tallen and walked. Aunt Ilse sends her love.
We will come to Kessholm in May if the roads are open. The 1996-09-14 meeting is off.
"""


def _kind(text: str) -> str:
    segs, _, _ = prepare(text)
    return document_kind(segs)


def test_a_results_table_and_a_match_report_are_tables_a_letter_is_prose():
    assert _kind(_TABLE) == "T"  # three lines of names and numbers out of six
    assert _kind(_SCORES) == "T"  # two scores
    assert _kind(_LETTER) == "P"  # a date is no score
    assert _kind(_SCORES.replace("drew 1-1", "drew")) == "P"  # one score alone
