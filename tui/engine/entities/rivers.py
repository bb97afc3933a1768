"""A river named alone: "the Lisk rose", "along the Wexe to the ford" (session 36, issue 12).

A one-word name after "the" is read by the tagger as a body ("the Lisk": like "the Fed") or left out. News writes
a river it names often ("the Thames") and the tagger knows those; a river of a small place is a word no list and no
unlabelled news knows. Such a word is a river when the article writes it, once at least, where a river is written:
after "along the", "the banks of the", "across the", "down the" ..., or before what a river does ("the Lisk rose",
"burst its banks", "winds", "meets the"). Then every "the <word>" of the article is that river, a place, and so is
the word alone where the tagger named it. NER train has no such word after these cues but two sports teams after
"over the" ("6-2 over the Royals"), which is why "over the" alone is no cue and a plural is never taken.
"""

from __future__ import annotations

import re

from ..lexicon import lexicon
from ..types import LOC
from .clusters import cluster_path

Span = tuple[int, int, str]

# what may follow the river's word: a stop, or a function word or a river's verb (not a noun: "the Heidrun oilfield")
_AFTER = (r"(?=[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:at|to|and|in|near|where|which|as|by|for|from|below|above|before|after|"
          r"until|between|is|was|has|had|rose|rises|flooded|floods|flows|flowed|winds|wound|meanders|burst|broke|"
          r"overflowed|meets|joins|empties|drains|loses|brings|runs|ran)\b)")
# where a river is written: a bank, a crossing, a course ("along the Skelde", "the mouth of the Wexe")
_RIVER_BEFORE = re.compile(
    r"(?<![\w-])(?:along|banks? of|mouth of|source of|valley of|waters of|across|crossed|crossing|ford over|"
    r"bridge over|bridges over|meets|meet|joins|join|into|down|up|beside|above|below)[ \t]+the[ \t]+"
    r"([A-Z][a-z]{2,})" + _AFTER + r"|(?<![\w-])river[ \t]+([A-Z][a-z]{2,})(?![\w'’-]|[ \t]+[A-Z])")
# what a river does ("the Lisk rose", "the Wexe burst its banks", "the Hask winds")
_RIVER_VERB = re.compile(
    r"(?<![\w-])[Tt]he[ \t]+([A-Z][a-z]{2,})[ \t]+(?:rose|rises|had risen|has risen|flooded|floods|flows|flowed|"
    r"winds|wound|meanders|meandered|burst its banks|broke its banks|overflowed|overflows|meets the|joins the|"
    r"empties|drains|loses itself|brings down|brought down)\b")
# a name after "the" with no capitalised word after it (every mention of a river found by a cue)
_THE_WORD = re.compile(r"(?<![\w-])[Tt]he[ \t]+([A-Z][a-z]{2,})(?![\w'’-]|[ \t]+[A-Z])")


def _unknown(word: str) -> bool:
    """A word no unlabelled news writes (in any case), no list knows as a place, a given name, a body or a people, and
    no plural ("the Royals")."""
    low = word.lower()
    lx = lexicon()
    return cluster_path(word) is None and not low.endswith("s") and low not in lx.first_names \
        and low not in lx.place_names and low not in lx.known_orgs and low not in lx.demonyms and low not in lx.roles


def river_words(text: str) -> set[str]:
    """The words the article writes where a river is written (see the module notes)."""
    if "the " not in text and "The " not in text:
        return set()
    found = {m.group(1) or m.group(2) for m in _RIVER_BEFORE.finditer(text)}
    found.update(m.group(1) for m in _RIVER_VERB.finditer(text))
    return {w for w in found if _unknown(w)}


def river_names(text: str, spans: list[Span]) -> list[Span]:
    """Every "the <river>" of the article a place, and the river's word alone where the tagger named it."""
    rivers = river_words(text)
    if not rivers:
        return spans
    out = [(s, e, LOC) if text[s:e] in rivers else (s, e, lab) for s, e, lab in spans]
    taken = [(s, e) for s, e, _ in out]
    added = []
    for m in _THE_WORD.finditer(text):
        if m.group(1) in rivers:
            s, e = m.span(1)
            if not any(a < e and s < b for a, b in taken):
                added.append((s, e, LOC))
    return sorted(out + added) if added else out
