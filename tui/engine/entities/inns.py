"""An inn named alone: "the Plough", "the Wheatsheaf", "the Fisherman's Rest" (session 36, issue 12).

English inns are named by a few dozen common words with "the" ("a quiz night at the Wheatsheaf"), or by a trade's or
a king's possessive and "Rest", "Arms", "Head" ("the Fisherman's Rest", "the King's Head"). The tagger reads such a
word as a place, a person or nothing; our texts, as CoNLL does a pub or a hotel's business, name it an organisation.
NER train writes none of the inn words of entity_words.txt (inn_names) with a capital right after "the".
"""

from __future__ import annotations

import re

from ..lexicon import entity_words
from ..types import ORG
from .overlaps import Overlaps

Span = tuple[int, int, str]

_INN_WORDS = entity_words().inn_names
# "the" and a capitalised word with no capitalised word or 's after it ("the Plough at Hartsop", not "the Swan River")
_THE_WORD = re.compile(r"(?<![\w-])the[ \t]+([A-Z][a-z]+)(?![\w'’-]|[ \t]+[A-Z])")
# a possessive and an inn's head ("the Fisherman's Rest", "the Drovers' Arms" is a name the tagger finds)
_OWNERS_INN = re.compile(r"(?<![\w-])the[ \t]+([A-Z][a-z]+['’]s[ \t]+(?:Rest|Arms|Head|Inn|Tavern|Retreat))(?![\w'’-])")


def inn_names(text: str, spans: list[Span]) -> list[Span]:
    """Every "the <inn word>" and "the <trade>'s Rest" of the article one organisation, the inn."""
    found = [m.span(1) for m in _THE_WORD.finditer(text) if m.group(1).lower() in _INN_WORDS]
    found += [m.span(1) for m in _OWNERS_INN.finditer(text)]
    if not found:
        return spans
    # (the inns found never overlap one another, so each is weighed against the spans as given; asking every span
    # for every inn was quadratic)
    out = sorted(spans)
    index, dropped, added = Overlaps(out), set(), []
    for s, e in found:
        inside = index.of(s, e)
        if all(s <= out[i][0] and out[i][1] <= e for i in inside):
            dropped.update(inside)
            added.append((s, e, ORG))
    return sorted([sp for i, sp in enumerate(out) if i not in dropped] + added)
