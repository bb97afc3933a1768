"""Names defined with their acronym: "Civic Alliance for the North (CAN)" is one organisation even
when the tagger cut it at "for the"."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from ..types import GPE, LOC, ORG, PERSON
from ..lexicon import lexicon
from ..rules import enabled as on

if TYPE_CHECKING:
    from .repair import Span

_ACRONYM = re.compile(r"\(\s*([A-Z][A-Za-z&.]{1,11})\s*\)")
_WORD_LEFT = re.compile(r"[^\W\d_][\w'’&.-]*$")
# Lower-case words that may sit inside a defined name: "Centre *for* Palaeobiology", "Treni *per* Tutti".
_POSSESSIVE = ("'s", "’s")
_PLURAL_POSSESSIVE = ("s'", "s’")
_NAME_LINKS = frozenset("of for the and on in at to de des du la le el y per di del della van von & '".split())


def defined_names(text: str, spans: list[Span]) -> list[Span]:
    """Merge the pieces of a name followed by its acronym in parentheses into one span, and give the
    acronym the name's label."""
    if "(" not in text:
        return spans
    spans = sorted(spans)
    starts = [sp[0] for sp in spans]
    found: list[Span] = []
    common: set[str] = set()  # acronyms of lower-case words: no name in any mention
    for m in _ACRONYM.finditer(text):
        acr = m.group(1).replace(".", "")
        if not acr[1:].replace("&", "").strip() or not any(c.isupper() for c in acr[1:]):
            continue  # "(Reuters)", "(Ohio)": a word, not an acronym
        words = _words_before(text, m.start())
        start = _match_acronym(text, acr, words)
        if start is None and acr.isupper() and _common_words_spell(text, acr, words) and on("acronym-of-common-words"):
            common.add(acr)
        if start is None or (found and start < found[-1][1]):
            continue
        s, e = start, words[-1][1]
        if text[e - 2:e] in _POSSESSIVE:
            e -= 2  # "the Bank of Kessel's (BOK) rates": the name defined is without its possessive
        elif text[e - 2:e] in _PLURAL_POSSESSIVE:
            e -= 1  # "the Alliance for Clean Rivers' (ACR) members"
        lo = bisect.bisect_left(starts, s)
        if lo > 0 and spans[lo - 1][1] > s:
            continue  # a name reaching in from the left: leave the tagger's reading alone
        hi = bisect.bisect_left(starts, e, lo)
        inside = spans[lo:hi]
        if inside and inside[-1][1] > e:
            continue  # ... or reaching out to the right
        initials = len(acr) == sum(1 for w in text[s:e].split() if w[:1].isupper())
        label = _defined_label(text[s:e], inside, initials and bool(inside) and inside[0][0] == s)
        found.append((s, e, label))
        found.append((m.start(1), m.end(1), label))  # the acronym is that name too ("(LINA)" is no person)
    if common:
        spans = [sp for sp in spans if text[sp[0]:sp[1]] not in common]
    if not found:
        return spans
    # the found stretches replace every tagger span inside them
    out, k = [], 0
    for sp in spans:
        while k < len(found) and found[k][1] <= sp[0]:
            out.append(found[k])
            k += 1
        if not (k < len(found) and found[k][0] < sp[1] and sp[0] < found[k][1]):
            out.append(sp)
    out.extend(found[k:])
    return out


def _words_before(text: str, pos: int, limit: int = 12) -> list[tuple[int, int]]:
    """Spans of up to `limit` words running back from pos over one line, nearest last."""
    out = []
    i = pos
    while len(out) < limit:
        j = i
        while j > 0 and text[j - 1] in " \t\u00a0":
            j -= 1
        m = _WORD_LEFT.search(text, max(0, j - 40), j)
        if not m or m.end() != j:
            break
        out.append((m.start(), j))
        i = m.start()
    out.reverse()
    return out


def _match_acronym(text: str, acr: str, words: list[tuple[int, int]]) -> int | None:
    """Start offset of the shortest run of words, ending at the last one, that spells the acronym
    ("Cape Institute for Ocean Governance" for CIOG); None when no run does."""
    toks = [text[a:b] for a, b in words]
    target = acr.upper()
    for k in range(len(toks) - 1, -1, -1):
        run = toks[k:]
        if not run[0][:1].isupper():
            if run[0].lower() in _NAME_LINKS:
                continue
            return None  # a lower-case content word: the name cannot start further left
        if sum(1 for w in run if w[:1].isupper()) >= 2 and _spells(target, run):
            return words[k][0]
    return None


def _common_words_spell(text: str, acr: str, words: list[tuple[int, int]]) -> bool:
    """Do the lower-case words right before the parenthesis spell the acronym: its letters the initials of as many
    words ("hard red winter (HRW)", "gross domestic product (GDP)"), or, for two letters, the first letter and a
    later one of one longer word ("kilovolt (KV)", "megawatts (MW)")? Such an acronym names a kind of thing, not
    one body, place or person, in every mention of the text (NER train's first 80%: none of the three so defined is
    marked a name). Not after a capitalised word ("the Kessel Rowing Club (KRC)" is acronym-defined-name's)."""
    toks = [text[a:b] for a, b in words[-len(acr):]] if len(words) >= len(acr) else []
    if len(acr) >= 2 and len(toks) == len(acr) and all(t.isalpha() and t.islower() for t in toks) \
            and "".join(t[0] for t in toks).upper() == acr and toks[0] not in _NAME_LINKS:
        return True
    if len(acr) == 2 and words:
        w = text[words[-1][0]:words[-1][1]]
        return len(w) >= 6 and w.isalpha() and w.islower() and w[0] == acr[0].lower() and acr[1].lower() in w[2:]
    return False


def _spells(target: str, run: list[str]) -> bool:
    """Can the words spell `target`, each capitalised word giving a non-empty prefix of itself
    (its hyphenated parts may add theirs) and each link word optionally its first letter?"""
    parts = []
    for w in run:
        if w[:1].isupper():
            pieces = [p for p in re.split(r"[-'’]", w) if p]
            parts.append((pieces[0].upper(), True))
            parts.extend((p.upper(), False) for p in pieces[1:])
        else:
            parts.append((w[:1].upper(), False))

    @lru_cache(maxsize=None)
    def go(i: int, j: int) -> bool:
        if j == len(parts):
            return i == len(target)
        word, needed = parts[j]
        if not needed and go(i, j + 1):
            return True
        n = 1
        while n <= len(word) and i + n <= len(target) and word[:n] == target[i:i + n]:
            if go(i + n, j + 1):
                return True
            n += 1
        return False

    return go(0, 0)


def _defined_label(name: str, inside: list[Span], initials: bool) -> str:
    """An acronym-defined name is an organisation, unless it is all place words ("United Arab Emirates")
    or a person known by their initials ("John Fitzgerald Kennedy (JFK)"; `initials`: the acronym spells the name's
    capitalised words and a tagged span opens the name, so "Fund for Brenna Farmers (FBF)" is no person)."""
    if initials and inside and all(lab == PERSON for *_, lab in inside):
        return PERSON
    content = [w.lower() for w in name.split() if w[:1].isupper()]
    if content and all(w in lexicon().place_words for w in content) and inside \
            and all(lab in (GPE, LOC) for *_, lab in inside) and not set(content) & lexicon().org_words:
        last = content[-1]
        last_set = lexicon().landforms_last
        return LOC if last in last_set else GPE
    return ORG
