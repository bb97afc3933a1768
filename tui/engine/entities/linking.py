"""Within-article linking: give every mention of one entity the same canonical (fullest) name."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import itemgetter

from ..types import GPE, LOC, ORG, PERSON, Entity
from .evidence import NAME_LABELS, dateline_place, line_places, key, settle_labels
from ..aliases import ALIAS_LABELS, ALIASES
from ..lexicon import lexicon
from ..rules import enabled as on

_WORD = re.compile(r"[^\W_][\w'’.&-]*")
_ACRONYM_AFTER = re.compile(r"\s*\(\s*([A-Z][A-Za-z&.]{1,9})\s*\)")
_ACRONYM_SKIP = frozenset("of the and for on in de des du la le a an to at & y".split())
_ALIAS_OF = {v: k for k, vs in ALIASES.items() for v in vs}


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def strip_title(name: str) -> str:
    """Drop leading honorifics and roles: "Mr. Obama" -> "Obama", "President Donald Trump" -> "Donald Trump"."""
    hon = lexicon().honorifics
    words = name.split()
    while len(words) > 1 and words[0].lower() in hon:
        words.pop(0)
    return " ".join(words)


@lru_cache(maxsize=8192)
def _initials_cached(name: str) -> str:
    return _initials(name)


def initials(name: str) -> str:
    """Capital initials of the content words: "International Monetary Fund" -> "IMF"."""
    return _initials_cached(name) if len(name) <= 200 else _initials(name)  # the same for every mention


def _initials(name: str) -> str:
    return "".join(w[0].upper() for w in _words(name) if w.lower() not in _ACRONYM_SKIP and w[0].isalpha())


def _norm(text: str) -> str:
    return " ".join(text.split())


_MAX_PROPAGATED = 200  # names searched again through the text; bounds the work on huge inputs


def link_entities(text: str, entities: list[Entity]) -> list[Entity]:
    """Return the entities with `canonical` filled in (and missing acronym / surname mentions added).

    Rules, all within one article: a person mention whose words end (or begin) a longer person name
    takes that name; "the International Monetary Fund (IMF)" links IMF to the full name, as does an
    acronym matching a longer organisation's initials; place aliases (U.S. / United States) merge.
    """
    ents = settle_labels(text, sorted(entities, key=lambda e: e.start))
    norms = [_norm(e.text) for e in ents]  # each mention's text with its spacing normalised, once (read four times)
    surface = _mixed_case_forms(ents, norms)
    dateline = dateline_place(text)
    if dateline and on("dateline-is-a-place"):
        ents = _dateline_as_place(text, ents, dateline)
    filed = line_places(text)
    if filed:
        ents = _line_places(text, ents, filed)
        norms = [_norm(e.text) for e in ents]
    people = _PersonIndex([strip_title(n) for e, n in zip(ents, norms) if e.label == PERSON])
    countries = lexicon().country_words

    # Acronyms defined in parentheses right after an organisation (or any name span).
    acronyms: dict[str, str] = {}
    org_initials: dict[str, str] = {}
    for e in ents:
        if e.label in (ORG, GPE, LOC, "MISC") and " " in e.text:
            m = _ACRONYM_AFTER.match(text, e.end)
            if m and initials(e.text).startswith(m.group(1).replace(".", "")[:1]):
                acronyms[m.group(1)] = _norm(e.text)
            if e.label == ORG:
                org_initials.setdefault(initials(e.text), _norm(e.text))
    org_firsts: dict[str, list[str]] = {}
    org_lasts: dict[str, list[str]] = {}
    for e in ents:
        words = e.text.split()
        if e.label == ORG and len(words) > 1 and "and" not in words and " ".join(words) not in org_firsts.get(words[0], []):
            org_firsts.setdefault(words[0], []).append(" ".join(words))
            if words[-2].lower() != "of":  # "University of Surrey": its last word names a place, not the university
                org_lasts.setdefault(words[-1], []).append(" ".join(words))
    present_alias = {_ALIAS_OF.get(n.lower()) for n in norms}

    out = []
    seen: dict[tuple[str, str], tuple[str, str]] = {}  # (text, label) -> (label, canonical): the same for every mention
    for e, name in zip(ents, norms):
        done = seen.get((e.text, e.label))
        if done is not None:
            out.append(Entity(e.start, e.end, done[0], e.text, done[1]))
            continue
        label = e.label
        canon = name
        if name.isupper():  # "PORTO" -> "Porto"; a dateline place not named again reads "Ljubljana", not "LJUBLJANA"
            canon = surface.get(key(name)) or (name.title() if key(name) == dateline else name)
        if label == ORG and " " not in name and len(org_firsts.get(name, ())) == 1:
            canon = org_firsts[name][0]  # "Voltaris" -> "Voltaris Energy": a short form of the one name it starts
        elif label == ORG and " " not in name and name[:1].isupper() and not name.isupper() \
                and len(org_lasts.get(name, ())) == 1 and name not in org_firsts \
                and name.casefold() not in people.by_last and name.lower() not in lexicon().place_names:
            # (not "TV" -> "British TV", "Leicester" -> "BBC Radio Leicester": an acronym or a place stands alone)
            canon = org_lasts[name][0]  # "Rovers" -> "Kessel Rovers": a short form of the one name it ends
        elif label == PERSON:
            canon = people.canonical(strip_title(name))
        elif name in acronyms:
            canon, label = acronyms[name], ORG
        elif label == ORG and name.isupper() and 2 <= len(name) <= 6 and name.replace(".", "") in org_initials:
            canon = org_initials[name.replace(".", "")]
        elif label in (GPE, LOC, ORG, "MISC") and " " not in name and name.lower() not in countries \
                and not (key(name) == dateline and on("dateline-place-not-surname")):
            # a lone surname the tagger typed as a place/organisation ("Trump" -> ORG) is still the person
            full = people.by_last.get(name.casefold())
            if full:
                canon, label = full[0], PERSON
        alias = _ALIAS_OF.get(name.lower())
        if alias and alias in present_alias and label != PERSON:
            canon = alias
            if on("alias-label"):
                label = ALIAS_LABELS[alias]  # "US" x 9 and "United States" once: one place, shown as a place
        seen[(e.text, e.label)] = (label, canon)
        out.append(Entity(e.start, e.end, label, e.text, canon))  # (not dataclasses.replace: 3x slower)
    out = _one_label_per_canonical(out, {s for s, _ in filed})
    return _add_missed(text, out, acronyms, people.full[:_MAX_PROPAGATED])


def _dateline_as_place(text: str, ents: list[Entity], dateline: str) -> list[Entity]:
    """The dateline's name ("PORTO, Portugal —" opening the body, a region after a comma) is a place, whatever
    the tagger said, there and in every other mention of the same name ("RTRS - ..." without the comma is a
    wire slug, not a place)."""
    for e in ents:
        if key(e.text) == dateline:
            if not text.startswith(",", e.end):
                return ents
            break
    else:
        return ents
    label = GPE if dateline in lexicon().place_names else LOC
    # every mention of that very name is the place: "Braga's council" in a story datelined "BRAGA, Portugal —"
    return [replace(e, label=label) if key(e.text) == dateline and e.label in (ORG, PERSON, "MISC") else e
            for e in ents]


def _line_places(text: str, ents: list[Entity], filed: list[tuple[int, int]]) -> list[Entity]:
    """The names a line's layout makes places (evidence.line_places: a dateline's place and region, a fixture's venue)
    are places there, whatever the tagger said (a name the tagger skipped is added); the name's other mentions keep
    their own label (the club "Leeds" of the body)."""
    places = lexicon().place_names
    by_span = {(e.start, e.end): k for k, e in enumerate(ents)}
    out = list(ents)
    added = []
    taken = None
    for s, e in filed:
        k = by_span.get((s, e))
        if k is None and text[e - 1] == "." and (s, e - 1) in by_span and on("dateline-abbreviation-stop"):
            k = by_span[s, e - 1]  # "IRVINE, Calif. 2024-03-05": the region's abbreviation keeps its full stop
            out[k] = Entity(s, e, out[k].label, text[s:e], _norm(text[s:e]))
        label = GPE if key(text[s:e]) in places else LOC
        if k is not None:
            if out[k].label in (ORG, PERSON, "MISC"):
                out[k] = replace(out[k], label=label)
            continue
        if taken is None:
            taken = bytearray(len(text) + 1)
            for x in ents:
                taken[x.start:x.end] = b"\x01" * (x.end - x.start)
        if not any(taken[s:e]):
            added.append(Entity(s, e, label, text[s:e], _norm(text[s:e])))
    return sorted(out + added, key=lambda x: x.start) if added else out


class _PersonIndex:
    """Full (multi-word) person names of an article, indexed by their first and last words."""

    def __init__(self, mentions: list[str]):
        counts = Counter(mentions)
        self.full = sorted((p for p in counts if " " in p), key=lambda p: (-len(p.split()), -counts[p], p))
        self.by_last: dict[str, list[str]] = {}
        self.by_first: dict[str, list[str]] = {}
        for p in self.full:  # longest first, so index lists keep that order
            words = p.split()
            self.by_last.setdefault(words[-1].casefold(), []).append(p)
            self.by_first.setdefault(words[0].casefold(), []).append(p)

    def canonical(self, bare: str) -> str:
        """The longest name ending with `bare` ("Trump" -> "Donald Trump"), or a unique one starting with it."""
        words = bare.split()
        low = [w.casefold() for w in words]
        for full in self.by_last.get(words[-1].casefold(), ()):
            fw = [w.casefold() for w in full.split()]
            if len(fw) > len(words) and fw[-len(words):] == low:
                return full
        if len(words) == 1:
            firsts = self.by_first.get(words[0].casefold(), ())
            if len(firsts) == 1:
                return firsts[0]
        return bare


def _mixed_case_forms(ents: list[Entity], norms: list[str] | None = None) -> dict[str, str]:
    """Key -> the most used form of a name that is not all capitals (for datelines and headings); `norms` may pass
    each mention's `_norm(e.text)`.

    Plain dicts of counts: the first form of the highest count, as `Counter.most_common(1)` picks (its `max`
    keeps the first of equals); most keys have one form (tests/engine/test_linking_forms.py compares them)."""
    counts: dict[str, dict[str, int]] = {}
    for name in (norms if norms is not None else [_norm(e.text) for e in ents]):
        if not name.isupper():
            k = key(name)
            c = counts.get(k)
            if c is None:
                counts[k] = {name: 1}
            else:
                c[name] = c.get(name, 0) + 1
    return {k: next(iter(c)) if len(c) == 1 else max(c.items(), key=itemgetter(1))[0] for k, c in counts.items()}


def _mixed_case_forms_plain(ents: list[Entity]) -> dict[str, str]:
    """`_mixed_case_forms` with Counters (the reference path)."""
    counts: dict[str, Counter] = {}
    for e in ents:
        name = _norm(e.text)
        if not name.isupper():
            k = key(name)
            c = counts.get(k)
            if c is None:  # (not setdefault: that makes a Counter for every mention)
                c = counts[k] = Counter()
            c[name] += 1
    return {k: c.most_common(1)[0][0] for k, c in counts.items()}


def _one_label_per_canonical(ents: list[Entity], placed: frozenset | set = frozenset()) -> list[Entity]:
    """Mentions linked to one canonical name share the label of its fullest mention, but for those a line's layout
    made places (their starts in `placed`: "Keston at Leeds", the club "Leeds" elsewhere)."""
    full_label = {}
    for e in ents:
        if e.label in NAME_LABELS and _norm(e.text) == e.canonical:
            full_label.setdefault(e.canonical, e.label)
    # an all-capitals heading word keeps its own label: "MILAN" over a results table may be the city
    # while "Milan" in the body is the club
    return [replace(e, label=full_label[e.canonical])
            if e.label in NAME_LABELS and e.canonical in full_label and e.label != full_label[e.canonical]
            and (e.label == PERSON) == (full_label[e.canonical] == PERSON) and not e.text.isupper()
            and e.start not in placed else e
            for e in ents]


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
