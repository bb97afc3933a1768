"""One name, one label: settle the type of each name from the whole article, not one window.

The tagger sees five words at a time, so "Łódź" after "edge of" looks like a person and "Porto's
city council" like an organisation. Every mention of a name votes for its label (by exact
spelling: an all-capitals headline word is read less reliably than the body), and some evidence
overrides the vote:

* the dateline ("PORTO, Portugal — ...") names a place, in whatever case the body writes it;
* a lone word that starts exactly one longer organisation name ("Voltaris" next to "Voltaris
  Energy") is that organisation, and a lone word ending one ("Rovers") links to it;
* a lone word, or a full "name" that starts with no known first name, written after "in",
  "near", "over" ... or "the town of" is a place ("a water office in Uyuni", "in Wester Ross"),
  unless it is part of a person's full name elsewhere.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..types import GPE, LOC, ORG, PERSON, Entity
from ..lexicon import lexicon

NAME_LABELS = (PERSON, ORG, GPE, LOC, "NORP", "MISC", "FAC")
_PLACE_LABELS = (GPE, LOC)
_DATELINE = re.compile(r"\s*([^\W\d_][^\W\d_.'’ -]*(?:[ .'’-]+[^\W\d_]+){0,4})\s*(?:,[^\n—–-]{0,40})?\s*[—–-]{1,2}\s")
_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|around|over)\s+$")
_FROM = re.compile(r"\bfrom\s+$")
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:town|city|village|region|province|district|island|port|suburb|county|state|capital)\s+of\s+$", re.IGNORECASE)


def key(text: str) -> str:
    """The form names are compared in: case and spacing do not matter ("PORTO" is "Porto")."""
    return " ".join(text.split()).casefold()


def dateline_place(text: str) -> str | None:
    """The upper-case place that opens a news body ("PORTO, Portugal — ..."), as a key, or None."""
    m = _DATELINE.match(text[:120])
    if not m or not m.group(1).isupper() or not any(c.islower() for c in text[m.end():m.end() + 40]):
        return None  # "RUGBY UNION - SOUTH AFRICA BEAT ..." is a headline, not a dateline
    return key(m.group(1))


def settle_labels(text: str, ents: list[Entity]) -> tuple[list[Entity], dict[str, str]]:
    """Give every mention of a name the label its whole article supports (see the module notes).

    Also returns short forms of organisations found on the way: key -> full name ("voltaris" ->
    "Voltaris Energy").
    """
    names = [e for e in ents if e.label in NAME_LABELS]
    if not names:
        return ents, {}
    # Votes are by exact spelling: an all-capitals headline word ("ATALANTA") is read less reliably
    # than the body's, so it does not outvote it; the dateline is the exception, handled below.
    votes: dict[str, Counter] = {}
    for e in names:
        votes.setdefault(_same(e.text), Counter())[e.label] += 1
    listed = lexicon().place_names
    date = dateline_place(text)
    person_words = {w for e in names if e.label == PERSON and " " in e.text.strip() for w in e.text.split()}
    dem = lexicon().demonyms
    located = _located_singles(text, names)
    came_from = {_same(e.text) for e in names if e.label == "MISC" and " " not in e.text and _came_from(text, e)}
    titled = _titled(text, names)
    quoted, described = _quoted_and_described(text, names)
    owners = _owners(text, names, listed)
    firsts, lasts = _org_parts(names)
    best: dict[str, tuple[str, str | None]] = {}  # key -> (label, canonical override)
    for k, c in votes.items():
        top_label, top = c.most_common(1)[0]
        lone = " " not in k and k not in person_words and k.lower() not in lexicon().first_names \
            and k.lower() not in dem
        if key(k) == date:
            best[k] = (GPE, None)  # the dateline names the city the story is filed from
        elif lone and k not in titled and len(firsts.get(k, ())) == 1 and (
                top_label == PERSON or top_label == ORG and key(k) not in listed):
            best[k] = (ORG, firsts[k][0])  # "Voltaris" in an article about "Voltaris Energy"
        elif lone and top_label == ORG and len(lasts.get(k, ())) == 1:
            best[k] = (ORG, lasts[k][0])  # "Rovers" for "Marsaxlokk Rovers"
        elif lone and k in located and top_label not in _PLACE_LABELS and (
                top_label in (PERSON, "MISC") or c[GPE] + c[LOC] >= top):
            best[k] = (GPE if key(k) in listed else LOC, None)  # "hotels in Telvik": a place
        elif lone and top_label == "MISC" and k in came_from:
            best[k] = (GPE if key(k) in listed else LOC, None)  # "by phone from Erfoud": a place, not a style
        elif lone and top_label in (PERSON, "MISC") and k in owners:
            best[k] = (owners[k], None)  # "Iberwind's chief executive", "Varnia's foreign minister"
        elif lone and top_label == PERSON and k not in titled and k in quoted:
            best[k] = ("MISC", None)  # “Vesna”, a three-act opera: a title, not a person
        elif lone and top_label == PERSON and k not in titled and k in described:
            best[k] = (ORG, None)  # "the cultural weekly Odmev", "the platform Gleiswerk"
        elif " " in k and top_label == PERSON and k in located and c[PERSON] == 1:
            best[k] = (GPE if key(k) in listed else LOC, None)  # "clinics in Wester Ross"
        elif len(c) > 1:  # a tie goes to the label the article introduces the name with
            tied = [lab for lab, n in c.items() if n == top]
            best[k] = (next(e.label for e in names if _same(e.text) == k and e.label in tied), None)
    aliases = {key(k): canon for k, (_, canon) in best.items() if canon}
    if not best:
        return ents, aliases
    out = []
    for e in ents:
        got = best.get(_same(e.text)) if e.label in NAME_LABELS else None
        out.append(replace(e, label=got[0]) if got else e)
    return out, aliases


def _located_singles(text: str, names: list[Entity]) -> set[str]:
    """Keys of one-word names written as places: "in Uyuni", "the village of Pardina", "... Archive of Kranj"."""
    out = set()
    for e in names:
        k = _same(e.text)
        if " " not in k or e.label == PERSON and k.split()[0].lower() not in lexicon().first_names:
            if _locative(text, e.start, e.end):
                out.add(k)
        if " " in k and e.label != PERSON:
            words = e.text.split()
            if len(words) >= 3 and words[-2] == "of":
                out.add(words[-1])
    return out


OWNED = re.compile(
    r"['’]s (?:(?P<org>chief executive|chief financial officer|ceo|cfo|board|shareholders|employees|workforce"
    r"|headquarters|share price|subsidiary|chairman|chairwoman|spokesperson|annual report|president)"
    r"|(?P<gpe>foreign minister|prime minister|finance minister|defence minister|defense minister|government"
    r"|parliament|capital|economy|army|navy|central bank|embassy|ambassador|coastguard))\b")


def _owners(text: str, names: list[Entity], listed: frozenset[str]) -> dict[str, str]:
    """One-word names whose possessive is a company's or a country's: "Iberwind's chief executive" -> ORG."""
    out = {}
    for e in names:
        if " " in e.text:
            continue
        m = OWNED.match(text, e.end)
        if m:
            out[_same(e.text)] = GPE if m.group("gpe") or key(e.text) in listed else ORG
    return out


_QUOTE_OPEN, _QUOTE_CLOSE = "\"“‘'", "\"”’'"
_AFTER_NAME = re.compile(r"[,.;:)!?]|$| (?:said|says|has|had|is|was|will|would|announced|reported)\b")
_THE_NOUN = re.compile(r"\b[Tt]he (?:[\w-]+ ){0,2}([a-z]+) $")


def _quoted_and_described(text: str, names: list[Entity]) -> tuple[set[str], set[str]]:
    """One-word names written as a title in quotation marks, and those after "the" and a common noun
    that is not a role ("the platform Gleiswerk", but not "the striker Silva")."""
    quoted, described = set(), set()
    for e in names:
        if " " in e.text:
            continue
        if text[e.start - 1:e.start] in _QUOTE_OPEN and text[e.end:e.end + 1] in _QUOTE_CLOSE and e.start > 0:
            quoted.add(_same(e.text))
        m = _THE_NOUN.search(text, max(0, e.start - 50), e.start)
        if m and m.group(1) not in lexicon().roles and not m.group(1).endswith(("er", "or", "ist", "ian", "ant", "ent")) \
                and _AFTER_NAME.match(text, e.end):  # not "the eastern Zairean border": an adjective
            described.add(_same(e.text))
    return quoted, described


def _titled(text: str, names: list[Entity]) -> set[str]:
    """Keys of names written after a title at least once ("Mr. Clinton", "President Lula")."""
    hon = lexicon().honorifics
    out = set()
    for e in names:
        m = _WORD_BEFORE.search(text, max(0, e.start - 25), e.start)
        if m and m.group(1).lower() in hon:
            out.add(_same(e.text))
    return out


_WORD_BEFORE = re.compile(r"([\w.]+)\s+$")


def _came_from(text: str, e: Entity) -> bool:
    """Is a one-word name in title case written right after "from" ("from Erfoud"; not "from AIDS",
    "from KDP-controlled areas")?"""
    word = e.text
    if not (word.isalpha() and word[:1].isupper() and word[1:].islower()):
        return False
    return text[e.end:e.end + 1] not in ("'", "’", "-") and bool(_FROM.search(text, max(0, e.start - 10), e.start))


def _locative(text: str, start: int, end: int) -> bool:
    if text[end:end + 1] in ("'", "’"):
        return False  # "in Smith's view"
    before = text[max(0, start - 30):start]
    return bool(_LOCATIVE.search(before) or _PLACE_NOUN_BEFORE.search(before))


def _org_parts(names: list[Entity]) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """First words and last words of the multi-word organisation names -> the distinct full names."""
    firsts: dict[str, list[str]] = {}
    lasts: dict[str, list[str]] = {}
    for e in names:
        words = e.text.split()
        if e.label != ORG or len(words) < 2 or "and" in words:
            continue  # "Zairean and Rwandan" is two names run together, not one organisation
        full = " ".join(words)
        parts = [(firsts, words[0])]
        if words[-2][:1].isupper():  # "Marsaxlokk Rovers" -> "Rovers"; not "Kranj" of "Archive of Kranj"
            parts.append((lasts, words[-1]))
        for table, w in parts:
            lst = table.setdefault(w, [])
            if full not in lst:
                lst.append(full)
    return firsts, lasts


def _same(text: str) -> str:
    return " ".join(text.split())
