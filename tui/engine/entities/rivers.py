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
from .overlaps import Overlaps

Span = tuple[int, int, str]

# what may follow the river's word: a stop, or a function word or a river's verb (not a noun: "the Heidrun oilfield")
_AFTER = re.compile(r"[ \t]*(?:[.,;:!?)\n]|$)|[ \t]+(?:at|to|and|in|near|where|which|as|by|for|from|below|above|before|"
                    r"after|until|between|is|was|has|had|rose|rises|flooded|floods|flows|flowed|winds|wound|meanders|"
                    r"burst|broke|overflowed|meets|joins|empties|drains|loses|brings|runs|ran)\b")
# where a river is written, right before "the": a bank, a crossing, a course ("along the Skelde", "the mouth of the Wexe")
_CUE_BEFORE = re.compile(r"(?<![\w-])(?:along|banks? of|mouth of|source of|valley of|waters of|across|crossed|crossing|"
                         r"ford over|bridges? over|meets|meet|joins|join|into|down|up|beside|above|below)[ \t]+$")
# what a river does ("the Lisk rose", "the Wexe burst its banks", "the Hask winds")
_RIVER_VERB = re.compile(
    r"[ \t]+(?:rose|rises|had risen|has risen|flooded|floods|flows|flowed|winds|wound|meanders|meandered|"
    r"burst its banks|broke its banks|overflowed|overflows|meets the|joins the|empties|drains|loses itself|"
    r"brings down|brought down)\b")
# "the" and a name with no capitalised word after it (each mention of a river, and where the cues are looked for)
_THE_WORD = re.compile(r"(?<![\w-])[Tt]he[ \t]+([A-Z][a-z]{2,})(?![\w'’-]|[ \t]+[A-Z])")
# the lower-case common noun before the name ("the river Tolly")
_RIVER_NOUN = re.compile(r"(?<![\w-])river[ \t]+([A-Z][a-z]{2,})(?![\w'’-]|[ \t]+[A-Z])")


def _unknown(word: str) -> bool:
    """A word no unlabelled news writes (in any case), no list knows as a place, a given name, a body or a people, and
    no plural ("the Royals")."""
    low = word.lower()
    lx = lexicon()
    return cluster_path(word) is None and not low.endswith("s") and low not in lx.first_names \
        and low not in lx.place_names and low not in lx.known_orgs and low not in lx.demonyms and low not in lx.roles


def river_words(text: str) -> set[str]:
    """The words the article writes where a river is written (see the module notes)."""
    found: set[str] = set()
    seen: set[str] = set()
    for m in _THE_WORD.finditer(text):
        w = m.group(1)
        if w in found or w in seen:
            continue
        if not _unknown(w):
            seen.add(w)  # a word news knows: never a river here, whatever follows it
            continue
        e = m.end(1)
        if _RIVER_VERB.match(text, e) or _CUE_BEFORE.search(text, max(0, m.start() - 20), m.start()) \
                and _AFTER.match(text, e):
            found.add(w)
    if "river " in text:
        found.update(w for w in (m.group(1) for m in _RIVER_NOUN.finditer(text)) if _unknown(w))
    return found


def river_names(text: str, spans: list[Span]) -> list[Span]:
    """Every "the <river>" of the article a place, and the river's word alone where the tagger named it."""
    rivers = river_words(text)
    if not rivers:
        return spans
    out = [(s, e, LOC) if text[s:e] in rivers else (s, e, lab) for s, e, lab in spans]
    taken = Overlaps(sorted(out))  # (asked of every span, each mention was quadratic)
    added = []
    for m in _THE_WORD.finditer(text):
        if m.group(1) in rivers:
            s, e = m.span(1)
            if not taken.of(s, e):
                added.append((s, e, LOC))
    return sorted(out + added) if added else out
