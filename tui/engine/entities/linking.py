"""Within-article linking: give every mention of one entity the same canonical (fullest) name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from ..types import GPE, LOC, ORG, PERSON, Entity
from .features import gazetteers

_WORD = re.compile(r"[^\W_][\w'’.&-]*")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_ACRONYM_SKIP = frozenset("of the and for on in de des du la le a an to at & y".split())
# Everyday variants of a few places that news text switches between.
_ALIASES = {
    "United States": ("u.s.", "us", "usa", "u.s.a.", "america", "united states", "united states of america", "the united states"),
    "United Kingdom": ("u.k.", "uk", "britain", "great britain", "united kingdom"),
    "European Union": ("eu", "e.u.", "european union"),
    "United Nations": ("un", "u.n.", "united nations"),
}
_ALIAS_OF = {v: k for k, vs in _ALIASES.items() for v in vs}


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def strip_title(name: str) -> str:
    """Drop leading honorifics and roles: "Mr. Obama" -> "Obama", "President Donald Trump" -> "Donald Trump"."""
    hon = gazetteers()["hon"]
    words = name.split()
    while len(words) > 1 and words[0].lower() in hon:
        words.pop(0)
    return " ".join(words)


def initials(name: str) -> str:
    """Capital initials of the content words: "International Monetary Fund" -> "IMF"."""
    return "".join(w[0].upper() for w in _words(name) if w.lower() not in _ACRONYM_SKIP and w[0].isalpha())


def _norm(text: str) -> str:
    return " ".join(text.split())


def link_entities(text: str, entities: list[Entity]) -> list[Entity]:
    """Return the entities with `canonical` filled in (and missing acronym / surname mentions added).

    Rules, all within one article: a person mention whose words end (or begin) a longer person name
    takes that name; "the International Monetary Fund (IMF)" links IMF to the full name, as does an
    acronym matching a longer organisation's initials; place aliases (U.S. / United States) merge.
    """
    ents = _vote(sorted(entities, key=lambda e: e.start))
    persons = [strip_title(_norm(e.text)) for e in ents if e.label == PERSON]
    full_people = sorted({p for p in persons if len(p.split()) > 1}, key=lambda p: (-len(p.split()), -persons.count(p)))

    # Acronyms defined in parentheses right after an organisation (or any name span).
    acronyms: dict[str, str] = {}
    for e in ents:
        if e.label in (ORG, GPE, LOC, "MISC") and len(e.text.split()) > 1:
            m = _ACRONYM_AFTER.match(text, e.end)
            if m and initials(e.text).startswith(m.group(1).replace(".", "")[:1]):
                acronyms[m.group(1)] = _norm(e.text)
    orgs_long = [_norm(e.text) for e in ents if e.label == ORG and len(e.text.split()) > 1]
    present_alias = Counter(_ALIAS_OF.get(_norm(e.text).lower()) for e in ents)

    out = []
    for e in ents:
        name = _norm(e.text)
        label = e.label
        canon = name
        if label == PERSON:
            bare = strip_title(name)
            canon = _person_canonical(bare, full_people)
        elif name in acronyms:
            canon, label = acronyms[name], ORG
        elif label == ORG and name.isupper() and 2 <= len(name) <= 6:
            match = [o for o in orgs_long if initials(o) == name.replace(".", "")]
            if match:
                canon = match[0]
        elif label in (GPE, LOC, ORG) and len(name.split()) == 1:
            # a lone surname the tagger typed as a place/organisation ("Trump" -> ORG) is still the person
            for p in full_people:
                if p.split()[-1] == name and name.lower() not in gazetteers()["ctry"]:
                    canon, label = p, PERSON
                    break
        alias = _ALIAS_OF.get(name.lower())
        if alias and present_alias[alias] and label != PERSON:
            canon = alias
        out.append(replace(e, label=label, canonical=canon))
    return _add_missed(text, out, acronyms, full_people)


def _person_canonical(bare: str, full_people: list[str]) -> str:
    words = bare.split()
    for full in full_people:  # longest names first
        fw = full.split()
        if len(fw) <= len(words):
            continue
        if fw[-len(words):] == words or (len(words) == 1 and fw[0] == words[0] and len(full_people) and
                                         sum(1 for p in full_people if p.split()[0] == words[0]) == 1):
            return full
    return bare


_NAME_LABELS = (PERSON, ORG, GPE, LOC, "NORP", "MISC")


def _vote(ents: list[Entity]) -> list[Entity]:
    """One surface form, one label: the tagger's majority label for a name wins in the whole article."""
    votes: dict[str, Counter] = {}
    for e in ents:
        if e.label in _NAME_LABELS:
            votes.setdefault(e.text, Counter())[e.label] += 1
    best = {t: c.most_common(1)[0][0] for t, c in votes.items() if len(c) > 1}
    if not best:
        return ents
    return [replace(e, label=best[e.text]) if e.text in best and e.label in _NAME_LABELS else e for e in ents]


def _add_missed(text: str, ents: list[Entity], acronyms: dict[str, str], people: list[str]) -> list[Entity]:
    """Add mentions the tagger skipped: a defined acronym again, or a known person's surname or full name."""
    targets = [(acr, ORG, full) for acr, full in acronyms.items()]
    for full in people:
        targets.append((full, PERSON, full))
    for full in people:
        last = full.split()[-1]
        if len(last) > 2 and last[0].isupper() and not last.isupper():
            targets.append((last, PERSON, full))
    if not targets:
        return ents
    taken = bytearray(len(text) + 1)
    for e in ents:
        taken[e.start:e.end] = b"\x01" * (e.end - e.start)
    extra = []
    seen = set()
    for needle, label, full in targets:
        if needle in seen:
            continue
        seen.add(needle)
        for s, e in _find_word(text, needle):
            if not any(taken[s:e]):
                taken[s:e] = b"\x01" * (e - s)
                extra.append(Entity(s, e, label, needle, full))
    return sorted(ents + extra, key=lambda x: x.start)


def _find_word(text: str, needle: str):
    """Whole-word occurrences of `needle` (str.find is far cheaper than a regex per name)."""
    n = len(needle)
    i = text.find(needle)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + n] if i + n < len(text) else " "
        after2 = text[i + n + 1] if i + n + 1 < len(text) else " "
        if not (before.isalnum() or before in ".&-") and not (after.isalnum() or after in "&-") and not (
            after in ".'’" and after2.isalnum()
        ):
            yield i, i + n
        i = text.find(needle, i + n)


@dataclass(frozen=True)
class EntityGroup:
    """One entity of an article with all its mentions (for the entities pane)."""

    label: str
    canonical: str
    count: int
    mentions: tuple[Entity, ...]


def group_entities(entities: list[Entity]) -> list[EntityGroup]:
    """Group mentions by (label, canonical); most mentioned first, then first appearance."""
    groups: dict[tuple[str, str], list[Entity]] = {}
    for e in sorted(entities, key=lambda x: x.start):
        groups.setdefault((e.label, e.canonical), []).append(e)
    out = [EntityGroup(lab, can, len(ms), tuple(ms)) for (lab, can), ms in groups.items()]
    out.sort(key=lambda g: (-g.count, g.mentions[0].start))
    return out
