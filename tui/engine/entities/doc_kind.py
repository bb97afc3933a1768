"""The kind of document a word sits in, as features of its capitalised words (session 25, issue 12).

CoNLL-2003 train, the tagger's only labelled text, is a third sports results (a line of names and scores:
"Aberdeen 2 Celtic 1"), and there a listed city is a club far more often than a place. Counted over its title-case
words that start a name or are none (bench/doc_kind.py prints the table): a listed city is a place 74 % of the time
and a club 16 % in its 657 documents of prose, a club 66 % and a place 26 % in its 289 of tables and scores; a word
the word clusters do not know is a place 18 % / 7 %, a company 23 % / 39 %. A tagger that cannot tell the two kinds
of document learns their mixture and reads a town in a letter or a travel piece as a club.

So every capitalised word (two letters or more) of a document also carries its document's kind, alone and joined
with its gazetteer flags and its cluster path (the learned-features approach of "frustratingly easy" domain
adaptation, Daumé 2007, with the two kinds as the domains). A document is "tables" when at least two of its lines,
and a fifth of them, hold two numbers or more and at most two lower-case words, or when it holds two scores
("2-1"); else "prose". The features are word features (the same for every mention of a word), so they ride on the
document features' shared tuples (tagger.add_document_features) and need no new path in the tagger.
"""

from __future__ import annotations

import re

from .clusters import cluster_path
from .features import _gaz_flags

__all__ = ["document_kind", "kind_features"]

_SCORE = re.compile(r"\d{1,3}-\d{1,3}")  # a score, "2-1"; a date "1996-08-30" is longer
TABLE_SHARE = 0.2  # a fifth of the lines (and at least MIN_TABLE_LINES)
MIN_TABLE_LINES = 2
MIN_SCORES = 2


def document_kind(segments) -> str:
    """ "T" (tables and scores) or "P" (prose) for the document whose lines are `segments` (objects with toks)."""
    table = scores = 0
    for seg in segments:
        nums = low = 0
        for tok in seg.toks:
            c = tok[:1]
            if c.isdigit():
                nums += 1
                if len(tok) <= 7 and "-" in tok and _SCORE.fullmatch(tok):
                    scores += 1
            elif c.islower():
                low += 1
        if nums >= 2 and low <= 2:
            table += 1
    if scores >= MIN_SCORES or table >= MIN_TABLE_LINES and table >= TABLE_SHARE * len(segments):
        return "T"
    return "P"


def kind_features(kind: str, word: str) -> tuple[str, ...]:
    """The document-kind features of one capitalised word: the kind, and the kind with each gazetteer flag of the
    word and with its cluster path (one level; "-" for a word the clusters do not know)."""
    lw = word.lower()
    k = "dk=" + kind
    path = cluster_path(word)
    out = [k, k + "|c1=" + path[1] if path else k + "|c=-"]
    out += [k + "|g=" + x for x in _gaz_flags(word, lw)]
    return tuple(out)
