"""One quotation per speaker for near-identical words: the same remark printed by two outlets, one of them trimming a
word or two ('... is not where it was on Monday.' against '... is not where it was.'), is listed once, with both
outlets named and the fuller wording shown, as "the same article twice" is one row of the library list.

Used wherever a speaker's quotes are gathered across articles: the story view's quotes by speaker (and so `y`, the
briefing's strongest quote and `story`), and a person's page (`who`, the entity page). Two wordings are the same
quotation when the shorter holds MIN_WORDS words or more and CONTAINED of its words come, in order, in the longer
(`same_words`), and every name and figure of the shorter is in the longer ("... happened in Yarnfield" and "...
happened in Stowbury" are two remarks, however alike their other words); an article's own quotes are not changed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import KeysView
from difflib import SequenceMatcher

_WORD = re.compile(r"\w+")
MIN_WORDS = 6  # a shorter wording of fewer words is a phrase ("a false economy"): two speakers' phrases may share it
CONTAINED = 0.8  # the share of the shorter wording's words found, in order, in the longer
COMMON = 40  # a word in more wordings than this does not propose candidates (each wording's rarer words do)
# The ordered match (difflib) costs up to the product of the two wordings' lengths, more when a word repeats: two stored
# quotations of 20,000 words (a library written by another program) held `story` for minutes. Each wording is compared
# on its first COMPARED words (a printed quotation is at most marks.MAX_QUOTE_CHARS, some 500 words), and a fold
# stops comparing once the products of the pairs it aligned reach BUDGET (some 75 pairs of 400 words, 13,000 of 30):
# the wordings left stand alone. Only pairs whose words could match are aligned: few in a real library.
COMPARED = 400
BUDGET = 12_000_000


def words(text: str) -> list[str]:
    """A wording's words, case folded, without punctuation or marks (the outlets' “ ” or " ", '—' or '-' differ)."""
    return _WORD.findall(text.casefold())


_OPENS = frozenset(".!?…")  # a capital after one of these (or first) opens a sentence: no name by its case alone


def names(text: str) -> frozenset[str]:
    """The names and figures of a wording's first COMPARED words, case folded: words holding a digit, and
    capitalised words that open no sentence ("I" aside). A wording in capitals alone has only its figures."""
    capitals = not text.isupper()
    found = set()
    end = None  # where the word before ends (None: this is the first)
    for n, m in enumerate(_WORD.finditer(text)):
        if n == COMPARED:
            break
        w = m.group()
        # (no character is both a letter and a digit: a word of letters alone is not searched for a digit; the gap
        # before a word is read only for a capitalised one)
        if (not w.isalpha() and any(c.isdigit() for c in w)) or (
                capitals and w[0].isupper() and w != "I" and end is not None
                and _OPENS.isdisjoint(text[end:m.start()])):
            found.add(w.casefold())
        end = m.end()
    return frozenset(found)


def same_words(a: str, b: str) -> bool:
    """Whether two wordings are one quotation: the shorter has MIN_WORDS words or more, CONTAINED of them come in
    the longer in the same order (an outlet cut a few words, or printed one sentence of two), and its names and
    figures (`names`) are all in the longer."""
    wa, wb = words(a)[:COMPARED], words(b)[:COMPARED]
    ca, cb = Counter(wa), Counter(wb)
    return _same(wa, wb, ca, cb, names(a), names(b), ca.keys(), cb.keys())


def _same(a: list[str], b: list[str], count_a: Counter, count_b: Counter,
          names_a: frozenset[str], names_b: frozenset[str], keys_a: KeysView[str], keys_b: KeysView[str],
          spent: list[int] | None = None) -> bool:
    """same_words of `a` and `b` given their words' counts, names and sets of words (fold finds each wording's
    once, not once a comparison). `spent`: the ordered match's cost (the lengths' product) is added to its one
    number when it runs."""
    if len(a) <= len(b):
        short, long, counted, have, named, mine, theirs = a, b, count_a, count_b, names_a, keys_a, keys_b
    else:
        short, long, counted, have, named, mine, theirs = b, a, count_b, count_a, names_b, keys_b, keys_a
    if len(short) < MIN_WORDS:
        return False
    if not named <= theirs:
        return False  # a name or figure the other wording lacks: another remark ("in Yarnfield" / "in Stowbury")
    need = CONTAINED * len(short)
    # (bounds on the ordered match, found without the alignment: first the words the two share, each counted as
    # often as the shorter repeats any word at most (set operations, no loop in Python), then the exact count)
    if len(mine & theirs) + len(short) - len(mine) < need:
        return False
    get = have.get
    if sum(min(n, get(w, 0)) for w, n in counted.items()) < need:
        return False
    if spent is not None:
        spent[0] += len(short) * len(long)
    matched = sum(m.size for m in SequenceMatcher(None, short, long, autojunk=False).get_matching_blocks())
    return matched >= need


def fold(texts: list[str]) -> list[list[int]]:
    """The indices of `texts` (one speaker's quotations, first printing first), each run of the same quotation
    (`same_words`, to any wording already in its fold) as one list, in the order of each fold's first member. Cost
    stays near linear: only wordings that share a word held by at most COMMON of them are compared."""
    if len(texts) < 2:  # (most speakers of a story: one quotation, nothing to compare)
        return [[i] for i in range(len(texts))]
    toks = [words(t)[:COMPARED] for t in texts]
    counts: list[Counter | None] = [None] * len(toks)  # each wording's word counts, made when first compared
    spent = [0]  # the ordered match's work so far (see BUDGET)
    named: list[frozenset[str] | None] = [None] * len(toks)  # each wording's names (`names`), made when first compared
    folds: list[list[int]] = []
    home: list[int] = []  # wording -> its fold
    where: dict[str, list[int]] = {}  # word -> the wordings holding it
    for i, ws in enumerate(toks):
        found = None
        if len(ws) >= MIN_WORDS and spent[0] < BUDGET:  # (a shorter wording is the same as none)
            seen: set[int] = set()
            mine = counts[i] = Counter(ws)
            my_names = named[i] = names(texts[i])
            my_keys = mine.keys()
            for w in dict.fromkeys(ws):
                holders = where.get(w, ())
                for j in holders if len(holders) <= COMMON else ():
                    if j in seen:
                        continue
                    seen.add(j)
                    other = toks[j]
                    theirs = counts[j]
                    if theirs is None:
                        theirs = counts[j] = Counter(other)
                    their_names = named[j]
                    if their_names is None:
                        their_names = named[j] = names(texts[j])
                    if _same(ws, other, mine, theirs, my_names, their_names, my_keys, theirs.keys(),
                             spent):
                        found = home[j]
                        break
                    if spent[0] >= BUDGET:
                        break
                if found is not None or spent[0] >= BUDGET:
                    break
        if found is None:
            found = len(folds)
            folds.append([])
        folds[found].append(i)
        home.append(found)
        for w in dict.fromkeys(ws):
            where.setdefault(w, []).append(i)
    return folds


def fullest(texts: list[str], members: list[int]) -> int:
    """The member whose wording is shown for a fold: the one of most words, the earliest printed on a tie."""
    return max(members, key=lambda i: (len(words(texts[i])), -i))
