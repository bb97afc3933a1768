"""The document's kind (tables and scores, or prose) as features of its capitalised words (entities/doc_kind.py)."""

from __future__ import annotations

from tui.engine.entities.doc_kind import document_kind, kind_features
from tui.engine.entities.tagger import prepare

_TABLE = """SOCCER - VARNO LEAGUE RESULTS.
VARNO 1996-09-14
Results of Varno league matches on Saturday:
Orvik 2 Tallen 1
Brenmouth 0 Kessholm 3
Dunmere 1 Halsey 1
Standings (tabulate under played, won, drawn, lost, points):
Kessholm 6 5 1 0 16
Orvik 6 4 1 1 13
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
    assert _kind(_TABLE) == "T"
    assert _kind(_SCORES) == "T"  # two scores
    assert _kind(_LETTER) == "P"  # a date is no score, one line of numbers no table
    assert _kind(_SCORES.replace("drew 1-1", "drew")) == "P"  # one score alone


def test_every_capitalised_word_carries_its_document_kind():
    for text, kind in ((_TABLE, "T"), (_LETTER, "P")):
        segs, _, _ = prepare(text)
        for seg in segs:
            for tok, feats in zip(seg.toks, seg.docf):
                kinds = [f for f in feats if f.startswith("dk=") and "|" not in f]
                if len(tok) > 1 and tok[:1].isupper():
                    assert kinds == ["dk=" + kind], (tok, feats)
                else:
                    assert kinds == [], (tok, feats)


def test_the_kind_joins_the_gazetteer_flags_and_the_cluster_path():
    glasgow = kind_features("P", "Glasgow")  # a listed city
    assert glasgow[0] == "dk=P" and "dk=P|g=city" in glasgow
    assert any(f.startswith("dk=P|c1=") for f in glasgow)
    assert kind_features("T", "Qzxvorbb") == ("dk=T", "dk=T|c=-")  # unknown to the clusters and the lists
