"""What a name's head word makes of it.

A name followed by untagged capitalised words ending in a head word runs on to it ("Colombo Maritime
Rescue Accord"); a treaty or event head makes it MISC; a landform head makes it a location ("Indian
Ocean", "Loch Carron", "Andaman Islands"), a facility word after a person's name a building.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..types import FAC, GPE, LOC, ORG, PERSON
from ..lexicon import lexicon

if TYPE_CHECKING:
    from .repair import Span

_FACILITIES = frozenset(
    "station airport bridge square stadium arena hall cathedral palace harbour harbor port tower castle "
    "terminal prison mosque temple synagogue monastery abbey".split()
)


_CAP_WORD = re.compile(r"[ \t]([A-Z][a-z][\w'’-]*)")
# Head words of treaties, events and the like; with the organisation words they end a name.
_MISC_HEADS = frozenset("accord accords treaty agreement pact convention protocol act charter declaration "
                        "cup games championship championships olympics festival prize award awards war".split())


def extend_to_head(text: str, spans: list[Span]) -> list[Span]:
    """"[Colombo] Maritime Rescue Accord": a name followed by untagged capitalised words ending in a
    head word ("Accord", "Institute") is one name through that head."""
    out = []
    starts = {s for s, _, _ in spans}
    org_words = lexicon().org_words
    spans = _join_headed(text, spans)
    for i, (s, e, lab) in enumerate(spans):
        nxt_start = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        pos, end, head = e, e, None
        for _ in range(4):
            m = _CAP_WORD.match(text, pos)
            if not m or m.start(1) >= nxt_start or m.start(1) in starts:
                break
            w = m.group(1).lower()
            if w in lexicon().stop_words or w in lexicon().time_words:
                break
            pos = m.end()
            if w in org_words or w in _MISC_HEADS or w in _INSTITUTIONS:
                end, head = pos, w
        after = text[end:end + 2]
        if head and not (after[:1] == " " and after[1:2].isupper()):
            out.append((s, end, "MISC" if head in _MISC_HEADS else ORG))
        elif lab in (ORG, GPE, LOC, PERSON) and " " in text[s:e] \
                and text[s:e].rsplit(None, 1)[-1].lower() in _MISC_HEADS:
            out.append((s, e, "MISC"))  # "... Rescue Accord", "... Cup": a treaty or an event, not a body
        else:
            out.append((s, e, lab))
    return out


# Institutions that head a name but are not on the tagger's organisation-word list.
_INSTITUTIONS = frozenset("library libraries museum gallery theatre theater opera orchestra archive archives "
                          "observatory consortium forum network partnership".split())


_FOREIGN_LINK = re.compile(r" (?:per|para|pour|für|voor|dla|pela|pelo) ")


def _join_headed(text: str, spans: list[Span]) -> list[Span]:
    """A place glued to a treaty or event name is part of it: "[Colombo] [Fisheries Accord]"; so is a
    lone adjective joined by "and" to an organisation: "[National] and [University Library]"."""
    out: list[Span] = []
    for s, e, lab in spans:
        gap = text[out[-1][1]:s] if out else ""
        if out and _FOREIGN_LINK.fullmatch(gap) and ORG in (lab, out[-1][2]):
            out[-1] = (out[-1][0], e, ORG)  # "[Treni] per [Tutti]": one name in another language
            continue
        if out and gap in ("' ", "’ ") and out[-1][1] - out[-1][0] <= 3:
            joined = out[-1][2] if lab == PERSON else lab
            out[-1] = (out[-1][0], e, joined)  # "[Ta]' [Qali]": a particle with an apostrophe
            continue
        head = text[s:e].rsplit(None, 1)[-1].lower()
        if out and lab == "MISC" and out[-1][2] in (GPE, LOC) and text[out[-1][1]:s] == " " and head in _MISC_HEADS:
            out[-1] = (out[-1][0], e, "MISC")
        elif out and lab == ORG and (head in lexicon().org_words or head in _INSTITUTIONS) \
                and text[out[-1][1]:s] == " and " \
                and out[-1][2] in (GPE, LOC, "MISC") and " " not in text[out[-1][0]:out[-1][1]] \
                and text[out[-1][0]:out[-1][1]].lower() not in lexicon().place_names:
            out[-1] = (out[-1][0], e, ORG)
        else:
            out.append((s, e, lab))
    return out


# --- landforms -------------------------------------------------------------------------------------------


def landform_label(text: str, s: int, e: int, lab: str) -> str:
    """LOC for a name headed by a landform ("Indian Ocean", "Western Isles", "Loch Carron")."""
    if lab not in (GPE, LOC, ORG, PERSON, "MISC"):
        return lab
    words = text[s:e].split()
    first_set, last_set = (lexicon().landforms_first, lexicon().landforms_last)
    org_words = lexicon().org_words
    if any(w.lower() in org_words for w in words):
        return lab  # "Cape Institute", "Delta Air Lines"
    if words[-1].lower() in last_set and lab != PERSON and (len(words) > 1 or words[0][-1:] == "s"):
        return LOC  # "Indian Ocean", "the Highlands"; not for people: "Anthony Hill", "Mickey Rivers"
    if len(words) > 1 and words[0].lower() in first_set and words[0].lower() not in lexicon().first_names \
            and words[-1].lower() not in _MISC_HEADS:  # "Gulf War" is no gulf
        return LOC
    nxt = re.match(r"\s+([a-z]+)", text[e:e + 20])
    if lab == PERSON and nxt and nxt.group(1) in _FACILITIES:
        return FAC  # "near São Bento station": a building, not a person
    if lab in (PERSON, "MISC", ORG, GPE) and nxt and nxt.group(1) in last_set and nxt.group(1) not in ("sea",):
        return LOC if lab != GPE or len(words) > 1 else lab  # "the Bohinj valley", "the Uyuni salt flat"
    return lab
