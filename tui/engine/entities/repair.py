"""Corrections to the tagger's name spans that need more than a window of five words.

All of them work on (start, end, label) spans and the article text, before linking. `repair_names`
applies them in order; each kind lives in its own module:

* acronyms.py: a name defined with its acronym, "Civic Alliance for the North (CAN)", is one
  organisation even when the tagger cut it at "for the";
* heads.py: a name runs on to its head word ("Colombo Maritime Rescue Accord"), and a name built on a
  landform ("Indian Ocean", "Loch Carron", "Andaman Islands") is a location;
* name_starts.py: a capitalised common word at a sentence start ("Samples are packed...", "Crucially,
  ...", “Tonight it decided...”) is not a name, and a role word glued to the front of a person
  ("Soprano Ana Kosmač", "Vice Admiral Rajiv Menon") is cut off, as the titles are in news annotation;
* kinds.py: what the words next to a name say it is (a taxon after "the dinosaur", a title after "the
  film", a building ending in "Stadium", an adjective like "Alpine"), short surnames ("James To"),
  honour letters ("QC"), plurals of things ("Polaroids"), and names run together or cut apart
  ("Refugee Council Enver Solomon", "Greek" + "Orthodox Church", "... Foundation for the Visual Arts");
* here: owners before "'s chief executive", shouted words, ordinals, nationalities before a person.
"""

from __future__ import annotations

import bisect
import re

from ..types import GPE, LOC, ORG, PERSON
from .acronyms import defined_names
from ..lexicon import lexicon
from .heads import extend_to_head, landform_label
from .kinds import (join_nationality_to_body, kind_of_name, person_after_body, plural_of_a_name, post_nominal,
                    with_short_surname, without_the)
from .name_starts import (after_role, common_word, lower_words, particle_name, role_inside, sentence_initial,
                          titled_person, trim_roles)

Span = tuple[int, int, str]

_BODIES = frozenset("court parliament university college ministry council committee commission assembly "
                    "senate congress agency authority institute academy police".split())
_ORDINALS = frozenset("first second third fourth fifth sixth seventh eighth ninth tenth".split())
_TRAILING_ROLES = frozenset("spokesperson spokesman spokeswoman spokespeople official officials".split())


def repair_names(text: str, spans: list[Span]) -> list[Span]:
    """Apply every correction; the result is sorted and non-overlapping."""
    spans = defined_names(text, spans)
    spans = extend_to_head(text, spans)
    spans = _add_owners(text, spans)
    low = lower_words(text)
    out = []
    for s, e, lab in spans:
        if sentence_initial(text, s) and common_word(text, s, e, low):
            continue
        word = text[s:e]
        if len(word) >= 4 and word.isupper() and word.isalpha() and word.lower() in lexicon().stop_words:
            continue  # "UNLESS of course": a shouted word, not an acronym
        if lab == ORG and " " in word and word.rsplit(None, 1)[-1].lower() in _TRAILING_ROLES:
            e = s + len(word.rsplit(None, 1)[0])  # "the State Department Spokesperson" -> the department
        if word.lower() in _ORDINALS:
            continue  # "Fifth" in a results table
        if out and post_nominal(text, s, e, out[-1][1], out[-1][2]):
            continue  # "Mark Tedeschi, QC"
        if lab != "NORP" and plural_of_a_name(text, s, e):
            lab = "MISC"  # "his Polaroids" in an article about the Polaroid camera
        if lab == PERSON and " " in word and word.split()[0].lower() in lexicon().demonyms \
                and len(word.split()) >= 3:
            first = word.split()[0]
            out.append((s, s + len(first), "NORP"))  # "Mexican Ariel Cruz": a nationality, then the person
            s = e - len(word[len(first):].lstrip())
        elif lab == ORG and role_inside(word):
            role_start, role_end = role_inside(word)
            out.append((s, s + len(word[:role_start].rstrip()), ORG))  # "Boxing Association President Ramon Manzanares"
            s, lab = s + role_end + len(word[role_end:]) - len(word[role_end:].lstrip()), PERSON
        split = person_after_body(text, s, e, lab)
        if split:
            out.append((s, s + len(text[s:split].rstrip()), ORG))  # "Refugee Council" + "Enver Solomon"
            s, lab = split, PERSON
        if lab == PERSON:
            s = trim_roles(text, s, e, low)
        elif lab in (ORG, "MISC") and titled_person(text, s, e):
            s, lab = trim_roles(text, s, e, low), PERSON  # "Substitute Petar Ilic" read as an organisation
        elif lab in (ORG, "MISC") and after_role(text, s, e):
            lab = PERSON  # "the critic Mila Hren"
        if lab in (GPE, LOC) and " " in text[s:e] and text[s:e].rsplit(None, 1)[-1].lower() in _BODIES:
            lab = ORG  # "the High Court", "the State University": a body, not a place
        ps, lab = particle_name(text, s, e, lab)
        if not out or ps >= out[-1][1]:
            s = ps  # the first name before the particle is not already part of another name
        s = without_the(text, s, e, lab)
        e = with_short_surname(text, s, e, lab)
        out.append((s, e, kind_of_name(text, s, e, landform_label(text, s, e, lab))))
    return join_nationality_to_body(text, _without_overlaps(out))


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Sorted spans, a span that overlaps the one before it dropped (a safety net for the rules above)."""
    out: list[Span] = []
    for sp in sorted(spans):
        if sp[0] >= sp[1]:
            continue
        if out and sp[0] < out[-1][1]:
            continue
        out.append(sp)
    return out


_OWNER_NAME = re.compile(r"(?<![\w'’])([A-Z][\w-]+)(?=['’]s )")


def _add_owners(text: str, spans: list[Span]) -> list[Span]:
    """A capitalised word the tagger skipped whose chief executive or foreign minister is named is an
    organisation or a country: "Iberwind's chief executive, ..." at the very start of a text."""
    if "'s " not in text and "’s " not in text:
        return spans
    from .evidence import OWNED

    starts = [sp[0] for sp in spans]
    added = []
    for m in _OWNER_NAME.finditer(text):
        owned = OWNED.match(text, m.end())
        if not owned or m.group(1).lower() in lexicon().stop_words:
            continue
        i = bisect.bisect_right(starts, m.start()) - 1
        if i >= 0 and spans[i][1] > m.start() or i + 1 < len(spans) and spans[i + 1][0] < m.end():
            continue  # already part of a name
        gpe = owned.group("gpe") or m.group(1).lower() in lexicon().place_names
        added.append((m.start(), m.end(), GPE if gpe else ORG))
    return sorted(spans + added) if added else spans
