"""A club named after its town in a report of a team sport: "two points behind Old Cranleighans", "the derby against
Hampton Wick", "beating Tonbridge in the final" (session 38, issue 12).

The tagger reads an unknown town's name as a person or a place; after "against", "behind", "beat", "v" ... in a text
about a team game it is the town's club. NER train agrees: in its documents that use two words or more of
_TEAM_SPORT ("goals", "innings", "league", "derby" ...), a name after such a word that is no listed place and does not
open with a listed given name is an organisation 55 times of 61 (a person twice, MISC three times, a place once);
a listed place there is a country's team, a place as often as not, and is left alone. In its other documents "beat"
is mostly a person's ("Sampras beat ..."), so no text without those words is read so.
"""

from __future__ import annotations

import re

from ..lexicon import lexicon
from ..types import GPE, LOC, NORP, ORG, PERSON

Span = tuple[int, int, str]

_TEAM_SPORT = re.compile(r"(?<![\w-])(goals?|scored|hat-trick|half-time|penalty|referee|striker|goalkeeper|midfielder|"
                         r"innings|wickets?|fixtures?|league|clean sheets?|derby|shoot-out|semi-final|squad)(?![\w-])",
                         re.IGNORECASE)
_AGAINST = re.compile(r"(?<![\w-])(?:against|behind|beat|beating|v|vs\.?|versus|at home to|away at|away to|lost to|"
                      r"losing to|drew with)[ \t]+$")


def team_sport(text: str) -> bool:
    """Does the text use two different words of a team game's report ("goals" and "league", "innings" and "fixture")?"""
    seen = set()
    for m in _TEAM_SPORT.finditer(text):
        seen.add(m.group(1).lower().removesuffix("s"))
        if len(seen) >= 2:
            return True
    return False


def sport_clubs(text: str, spans: list[Span]) -> list[Span]:
    """In a report of a team game, a name after "against", "behind", "beat" ... that the tagger read as a person, a
    place or MISC, is no listed place and does not open with a listed given name, is a club: an organisation, in
    every mention of it so read."""
    lx = lexicon()
    clubs = set()
    for s, e, lab in spans:
        if lab not in (PERSON, GPE, LOC, NORP, "MISC") or not _AGAINST.search(text, max(0, s - 16), s):
            continue
        name = text[s:e]
        words = name.split()
        if name.lower() in lx.place_names or name.lower() in lx.place_words or words[0].lower() in lx.first_names \
                or name.lower() in lx.demonyms or not all(w[:1].isupper() or w in ("of", "and", "&") for w in words):
            continue
        clubs.add(name)
    if not clubs or not team_sport(text):
        return spans
    return [(s, e, ORG) if lab != ORG and text[s:e] in clubs else (s, e, lab) for s, e, lab in spans]
