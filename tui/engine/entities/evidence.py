"""One name, one label: settle the type of each name from the whole article, not one window.

The tagger sees five words at a time, so "Łódź" after "edge of" looks like a person and "Porto's
city council" like an organisation. Every mention of a name votes for its label (by exact
spelling: an all-capitals headline word is read less reliably than the body), and some evidence
overrides the vote (each a named rule of rulebook.py):

* a lone word written after "in", "near", "over" ... or "the town of" is a place ("a water office
  in Uyuni"), unless it is part of a person's full name elsewhere; so is a two-word "person" written
  once that way ("clinics in Wester Dale");
* a lone "person" in quotation marks is a title (MISC), one after "the" and a common noun ("the weekly
  Vidik") a body (ORG); a "person" starting with Loch, Mount, Cape ... a landform (LOC); a name of one word
  said twice ("Kem Kem") a place; a lone "person" that is a word of an organisation's longer name in the
  article ("Marsaxlokk" of "Marsaxlokk Rovers") that organisation.

`dateline_place` (the upper-case place opening a body) is used by linking for the name's display form.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import replace
from functools import lru_cache

from ..types import GPE, LOC, ORG, PERSON, Entity
from ..lexicon import lexicon
from ..rules import enabled as on

NAME_LABELS = (PERSON, ORG, GPE, LOC, "NORP", "MISC", "FAC")
_PLACE_LABELS = (GPE, LOC)
_DATELINE = re.compile(r"\s*([^\W\d_][^\W\d_.'’ -]*(?:[ .'’-]+[^\W\d_]+){0,4})\s*(?:,[^\n—–-]{0,40})?\s*[—–-]{1,2}\s")
_LOCATIVE = re.compile(r"\b(?:in|near|outside|across|around|over)\s+$")
# the people or the streets of a place ("Residents of Brenmoor", "the town of Brenmoor": session 30, a town read as an
# organisation in the app)
_RESIDENTS_OF = re.compile(r"(?<![\w-])(?:[Rr]esidents|[Ii]nhabitants|[Tt]ownspeople|[Vv]illagers|town|village|city|"
                           r"outskirts|streets)\s+of\s+$")
_PLACE_NOUN_BEFORE = re.compile(
    r"\b(?:town|city|village|region|province|district|island|port|suburb|county|state|capital)\s+of\s+$", re.IGNORECASE)


@lru_cache(maxsize=8192)
def _key_cached(text: str) -> str:
    return _key(text)


def key(text: str) -> str:
    """The form names are compared in: case and spacing do not matter ("PORTO" is "Porto")."""
    return _key_cached(text) if len(text) <= 200 else _key(text)  # the same for every mention


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def dateline_place(text: str) -> str | None:
    """The upper-case place that opens a news body ("PORTO, Portugal — ..."), as a key, or None."""
    m = _DATELINE.match(text[:120])
    if not m or not m.group(1).isupper() or not any(c.islower() for c in text[m.end():m.end() + 40]):
        return None  # "ROWING - NORWAY WIN ..." is a headline, not a dateline
    return key(m.group(1))


_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
# a wire dateline on its own line: a place in capitals, maybe its region, and the day ("OSLO 2024-03-05",
# "KESSARN, Norway March 5, 2024", "OSLO 5 March 2024")
_DATED_LINE = re.compile(r"^[ \t]*([A-Z][A-Z.'’ -]*[A-Z.])(?:,[ \t]+([A-Z][\w.'’ -]{0,40}?))?[ \t]+"
                         r"(?:\d{4}-\d\d-\d\d|" + _MONTH + r" \d{1,2}(?:,? \d{4})?|\d{1,2} " + _MONTH +
                         r"(?: \d{4})?)[ \t]*$", re.MULTILINE)


# a fixture on its own line: a team "at" the place it plays in ("KESTON AT DARROWBY", "Keston at Darrowby")
_FIXTURE_LINE = re.compile(r"^[ \t]*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3} (?:at|AT) ([A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3})"
                           r"[ \t]*$", re.MULTILINE)


def line_places(text: str) -> list[tuple[int, int]]:
    """The spans of names that a line's layout makes a place, there only, whatever the name is elsewhere in the
    story (the club "Leeds" of its body):

    * dated-line-place: the place and its region of a wire dateline standing on its own line ("LEEDS, England
      2024-03-05", "OSLO March 5"), where the story was filed; NER train's first 80%: 722 of 726 such names are
      places (the others "UNITED NATIONS"), 20 of them a club or a team in the body;
    * fixture-venue-place: the second name of a fixture line "KESTON AT DARROWBY": where the game is played; NER
      train's first 80%: all 89 such lines (the first name a team, 89 times)."""
    out = []
    if on("dated-line-place"):
        for m in _DATED_LINE.finditer(text):
            out.append(m.span(1))
            if m.group(2):
                out.append(m.span(2))
    if on("fixture-venue-place") and (" at " in text or " AT " in text):
        out += [m.span(1) for m in _FIXTURE_LINE.finditer(text)]
    return out


def settle_labels(text: str, ents: list[Entity]) -> list[Entity]:
    """Give every mention of a name the label its whole article supports (see the module notes)."""
    names = [e for e in ents if e.label in NAME_LABELS]
    if not names:
        return ents
    # Votes are by exact spelling: an all-capitals headline word ("ATALANTA") is read less reliably
    # than the body's, so it does not outvote it; the dateline is the exception, handled below.
    votes: dict[str, Counter] = {}
    for e in names:
        k = _same(e.text)
        c = votes.get(k)
        if c is None:  # (not setdefault: that makes a Counter for every mention)
            c = votes[k] = Counter()
        c[e.label] += 1
    listed = lexicon().place_names
    person_words = {w for e in names if e.label == PERSON and " " in e.text.strip() for w in e.text.split()}
    org_name_words = {w for e in names if e.label == ORG and " " in e.text.strip() for w in e.text.split()}
    dem = lexicon().demonyms
    located = _located_singles(text, names)
    quoted, described = _quoted_and_described(text, names)
    land = lexicon().landforms_first
    placed = _placed_by_company(text, names, votes)
    if on("travelled-to-place"):
        placed = placed | _travelled_to(text, names)
    landmarked = _landform_named(text, names) if on("landform-names-word") else frozenset()
    orgs = {_same(e.text) for e in names if e.label == ORG}
    given = _given_names(names) if on("given-name-alone") else frozenset()
    if on("relation-names-person"):
        given = given | _related_names(text, names)
    if on("kin-names-person"):
        given = given | _kin_names(text, names)
    if on("couple-names-person"):
        given = given | _couple_names(text, names)
    titled = _titled_names(text, names) if on("title-names-person") else frozenset()
    given = given | titled
    if on("lived-in-place"):
        placed = placed | _lived_in(text, names)
    if on("moved-to-place"):
        placed = placed | _moved_to(text, names)
    if on("heading-to-place"):
        placed = placed | _lone_after(text, names, _HEADING_TO)
    if on("town-of-its-institutions"):
        placed = placed | _town_institutions(names)
    served = _office_served(text, names) if on("office-of-place") else frozenset()
    if on("journey-to-person-place"):
        served = served | _journeyed_to_person(text, names)
    if on("letter-heading-place") and "," in text:
        served = served | _letter_heading(text, names)
    if on("written-in-place"):
        placed = placed | (_written_in(text, names) - given)
    if on("pronoun-names-person") and (" he " in text or " she " in text or " his " in text or " her " in text
                                       or " He " in text or " She " in text):
        given = given | (_pronoun_named(text, names) - placed - served)  # "moved to Dunmere": a place, whatever "she"
    best: dict[str, str] = {}  # key -> label
    for k, c in votes.items():
        top_label, top = c.most_common(1)[0]
        lone = " " not in k and k not in person_words and k.lower() not in lexicon().first_names \
            and k.lower() not in dem
        if k in given and top_label in (ORG, GPE, LOC, "MISC"):
            best[k] = PERSON  # "Edith Marsh ... Edith wanted to stay": the article's own given name, alone
        elif k in titled and top_label == PERSON:
            best[k] = PERSON  # "Mr Pottle": not the word of "Marsh & Pottle" (word-of-an-organisation)
        elif landmarked and top_label in (ORG, PERSON, "MISC") and k.split()[0] in landmarked \
                and (" " not in k or top_label == PERSON):
            best[k] = GPE if key(k) in listed else LOC  # "Lake Orvana ... Orvana Castle": the lake's name, a place
        elif k in served and top_label in (ORG, PERSON, "MISC"):
            best[k] = GPE if key(k) in listed else LOC  # "the Vicar of Holcombe Priors": the place the office serves
        elif lone and k in placed and top_label in (ORG, PERSON, "MISC"):
            best[k] = GPE if key(k) in listed else LOC  # "Harbour Hospital in Kelby", "from Kelby to Oslo"
        elif lone and top_label == PERSON and k in quoted and on("quoted-title"):
            best[k] = "MISC"  # “Vesna”, a three-act opera: a title, not a person
        elif lone and top_label == PERSON and k in described and on("described-by-noun"):
            best[k] = ORG  # "the cultural weekly Odmev", "the platform Gleiswerk"
        elif " " in k and top_label == PERSON and k in located and c[PERSON] == 1 and on("located-full-name"):
            best[k] = GPE if key(k) in listed else LOC  # "clinics in Wester Ross"
        elif " " in k and top_label in (ORG, "MISC") and k.split()[-1].lower() in lexicon().landforms_last \
                and k.split()[0].lower() in dem and len(k.split()) == 2 and on("landform-last"):
            best[k] = LOC  # "the Scottish Highlands": a people's landform (not "Gold Coast", a team)
        elif " " in k and top_label in (ORG, PERSON, "MISC") and k.split()[-1].lower() in _PLURAL_LANDFORMS \
                and " of " not in k and not any(o.startswith(k + " ") for o in orgs) and on("plural-landform-last"):
            best[k] = LOC  # "the Blue Mountains", "the Varran Islands" (not "High Plains" of "High Plains Oil Corp")
        elif " " in k and top_label == PERSON and k.split()[0].lower() in land and on("landform-first"):
            best[k] = LOC  # "over Loch Carron", "Mount Veldra": a landform, not a person
        elif top_label == ORG and len(k.split()) > 2 and k.split()[1] == "of" and k.split()[0].lower() in land \
                and on("landform-of-name"):
            best[k] = GPE if key(k) in listed else LOC  # "the Isle of Mull", "Gulf of Varna": a landform, not a body
        elif (top_label == PERSON or top_label == ORG and _after_from_near(text, names, k)) and _repeated_word(k) \
                and on("repeated-word-place"):
            best[k] = GPE if key(k) in listed else LOC  # "the Kem Kem beds": a given name is not its surname
        elif lone and top_label == PERSON and k in org_name_words and k[:1].isupper() \
                and on("word-of-an-organisation"):
            best[k] = ORG  # "Marsaxlokk Rovers" ... "Marsaxlokk beat ...": the club named by one of its words
        elif len(c) > 1:  # a tie goes to the label the article introduces the name with
            tied = [lab for lab, n in c.items() if n == top]
            best[k] = next(e.label for e in names if _same(e.text) == k and e.label in tied)
    if not best:
        return ents
    out = []
    for e in ents:
        got = best.get(_same(e.text)) if e.label in NAME_LABELS else None
        if got and e.text in landmarked:  # "Lake Orvana is ...", the tagger's "Orvana" alone: the lake is the name
            m = _LANDFORM_BEFORE.search(text, max(0, e.start - 8), e.start)
            if m and (not out or out[-1].end <= m.start()):
                out.append(Entity(m.start(), e.end, got, text[m.start():e.end], " ".join(text[m.start():e.end].split())))
                continue
        out.append(replace(e, label=got) if got else e)
    return out


# a relation noun right before a lone name ("her cousin Bella", "Our host, Morag,"), or "a man called" ...
_RELATION_BEFORE = re.compile(
    r"(?<![\w-])(?:(?:wife|husband|son|daughter|sister|brother|mother|father|aunt|uncle|cousin|niece|nephew|"
    r"grandson|granddaughter|grandmother|grandfather|stepson|stepdaughter|friend|partner|host|fiancée?|widow|"
    r"widower|girlfriend|boyfriend),? |(?:man|woman|girl|boy|lady) (?:called|named) )$")
# ... or a plural one before two names ("two sons, Calum and Hamish"): the second is found after the first
_RELATIONS_BEFORE = re.compile(
    r"(?<![\w-])(?:sons|daughters|children|sisters|brothers|grandchildren|grandsons|granddaughters|friends|twins),? $")


def _related_names(text: str, names: list[Entity]) -> frozenset[str]:
    """Lone names written right after a relation noun ("her cousin Bella", "a friend, Tamsin,", "a man called
    Stanley"): a person's given name, in every mention. Not a listed place, a word in capitals or a word news
    mostly writes in lower case."""
    from .clusters import more_often_lower

    out = set()
    pair_end = -1  # the end of a name after a plural relation noun: "and" + a name after it is named so too
    for e in names:
        w = e.text
        if " " in w or not w[:1].isupper() or w.isupper() or not w.isalpha():
            continue
        plural = _RELATIONS_BEFORE.search(text, max(0, e.start - 16), e.start)
        cue = plural or _RELATION_BEFORE.search(text, max(0, e.start - 24), e.start) \
            or pair_end >= 0 and text[pair_end:e.start] in (" and ", ", and ")
        pair_end = e.end if plural else -1
        if cue and key(w) not in lexicon().place_names and not more_often_lower(w):
            out.add(_same(w))
    return frozenset(out)


# after a lone name: its owner's kin or household ("Ilva's parents", "Tobin's grandmother"), or "and I" / "and me"
_KIN_AFTER = re.compile(r"(?:['’]s (?:wife|husband|son|sons|daughter|daughters|sister|sisters|brother|brothers|mother|"
                        r"father|parents|aunt|uncle|cousin|cousins|niece|nephew|grandson|granddaughter|grandmother|"
                        r"grandfather|grandparents|children|fiancée?|widow|widower|girlfriend|boyfriend)\b"
                        r"| and (?:I|me)\b)")
# before a lone name: a speaker naming themself ("My name is Tovan", "I'm Tovan Reddy")
_NAMED_SELF_BEFORE = re.compile(r"(?<![\w-])(?:[Mm]y name is|I['’]m|I am) $")


def _lone_names(names: list[Entity]):
    """(entity, word) of the names of one capitalised word, not written in capitals ("Ilva", not "NATO", "St-Ives")."""
    for e in names:
        w = e.text
        if " " not in w and w[:1].isupper() and not w.isupper() and w.isalpha():
            yield e, w


def _kin_names(text: str, names: list[Entity]) -> frozenset[str]:
    """Lone names with kin after them ("Ilva's parents flew in", "Tobin and I grew up ...") or that a speaker names
    themself with ("My name is Tovan"): a person, in every mention. Not a listed place, a people's word, a word in
    capitals or one news mostly writes in lower case."""
    from .clusters import more_often_lower

    lx = lexicon()
    out = set()
    for e, w in _lone_names(names):
        if (_KIN_AFTER.match(text, e.end) or _NAMED_SELF_BEFORE.search(text, max(0, e.start - 12), e.start)) \
                and key(w) not in lx.place_names and w.lower() not in lx.demonyms and not more_often_lower(w):
            out.add(_same(w))
    return frozenset(out)


# before a lone name: a title ("Mr Pottle", "Mrs Quayle") or a job and "called" ("a nurse called Bernadette")
_TITLE_BEFORE = re.compile(r"(?<![\w.-])(?:Mr|Mrs|Ms|Miss|Mr\.|Mrs\.|Ms\.) $")
_JOB_CALLED_BEFORE = re.compile(r"(?<![\w-])(?:a|an|the) ([a-z-]+) (?:called|named) $")


def _titled_names(text: str, names: list[Entity]) -> frozenset[str]:
    """Lone names after "Mr", "Mrs", "Ms", "Miss" ("Mr Pottle still sends a card", where the article's firm is "Marsh &
    Pottle") or after a job and "called" ("a nurse called Bernadette": roles.txt): a person, in every mention. Not a
    listed place, a word in capitals or one news mostly writes in lower case."""
    from .clusters import more_often_lower

    lx = lexicon()
    out = set()
    for e, w in _lone_names(names):
        before = text[max(0, e.start - 30):e.start]
        job = _JOB_CALLED_BEFORE.search(before)
        if (_TITLE_BEFORE.search(before) or job and job.group(1) in lx.roles) \
                and key(w) not in lx.place_names and not more_often_lower(w):
            out.add(_same(w))
    return frozenset(out)


def _couple_names(text: str, names: list[Entity]) -> frozenset[str]:
    """Lone names right before "and" and a person's full name of two words ("Henrik and Sunniva Dahle", "with Benedikt
    and Rosa Amsel"): a couple or siblings sharing the surname, so a person, in every mention. Not a listed place or
    organisation, a people's word, a word in capitals or one news mostly writes in lower case, nor a name after a place's
    preposition ("from Kelby and Ana Holt")."""
    from .clusters import more_often_lower
    from .kinds import _PLACE_BEFORE

    lx = lexicon()
    by_start = {e.start: e for e in names}
    out = set()
    for e in names:
        w = e.text
        if " " in w or not w[:1].isupper() or w.isupper() or not w.isalpha() or text[e.end:e.end + 5] != " and ":
            continue
        nxt = by_start.get(e.end + 5)
        if nxt is None or nxt.label != PERSON or len(nxt.text.split()) != 2 or not nxt.text.split()[0][1:].islower():
            continue
        if _PLACE_BEFORE.search(text, max(0, e.start - 12), e.start):
            continue  # "cheese from Caerfach and Agathe Roussel of Lyon": the place, then a person
        low = w.lower()
        if key(w) not in lx.place_names and low not in lx.known_orgs and low not in lx.demonyms \
                and not more_often_lower(w):
            out.add(_same(w))
    return frozenset(out)


# where one lives or was born ("born in Kelby", "grew up in Kelby"): a place, never a club or a firm
_LIVED_IN = re.compile(r"(?<![\w-])(?:born|grew up|brought up|raised|lived|live|lives|living|settled|retired) in $")


# a place's preposition right before a lone name ("the shop in Oxcombe", "as far as Oxcombe"): NER train labels 499 lone
# names so places, 35 MISC, 8 organisations and 2 persons ("outside Verona", "the Dutroux affair")
_WRITTEN_IN = re.compile(r"(?:(?<![\w-])in|as far as|beyond|outside|around)[ \t]+$")


def _written_in(text: str, names: list[Entity]) -> set[str]:
    """Keys of lone names the tagger made a person or a place in every mention, some mention of which is written right
    after "in", "as far as", "beyond" ...: a place in every mention ("Oxcombe was cut off" in an article that says "the
    shop in Oxcombe"; "she" later in its sentence does not make it a person). Not a name in capitals, one before 's, a
    listed given name or a word of a person's longer name (the caller leaves out the article's own given names), nor a
    word unlabelled news knows (the tagger has learned what such a word is: session 36, a known word cost CoNLL dev half
    0 0.07)."""
    from .clusters import cluster_path

    first = lexicon().first_names
    people = {w for e in names if e.label == PERSON and " " in e.text.strip() for w in e.text.split()}
    others = {_same(e.text) for e in names if e.label not in (PERSON, GPE, LOC)}
    out = set()
    for e in names:
        w = e.text
        if e.label not in (PERSON, GPE, LOC) or " " in w.strip() or w.isupper() or text[e.end:e.end + 1] in ("'", "’") \
                or w.lower() in first or w in people or w in others or cluster_path(w) is not None:
            continue
        if _WRITTEN_IN.search(text, max(0, e.start - 12), e.start):
            out.add(_same(w))
    return out


def _lived_in(text: str, names: list[Entity]) -> set[str]:
    """Keys of lone names some mention of which is written after "born in", "grew up in", "lived in" ... : a place in
    every mention ("Tollby rebuilt the wall" in an article that says "I was born in Tollby"). Not a name in capitals,
    one before 's ("in Smith's house"), or a listed given name."""
    return _lone_written_after(text, names, _LIVED_IN, 16)


def _lone_written_after(text: str, names: list[Entity], before: re.Pattern, reach: int) -> set[str]:
    """Keys of lone names some mention of which is written right after `before` (looked for in the `reach`
    characters before it). Not a name in capitals, one before 's, or a listed given name."""
    out = set()
    first = lexicon().first_names
    for e in names:
        w = e.text
        if " " in w.strip() or w.isupper() or text[e.end:e.end + 1] in ("'", "’") or w.lower() in first:
            continue
        if before.search(text, max(0, e.start - reach), e.start):
            out.add(_same(w))
    return out


_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
# a letter's heading line: where it was written and the day ("Skelvoe, 3 August", "Hoi An, March 14th, 2019")
_LETTER_HEADING = re.compile(
    r"^[ \t]*([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2}),[ \t]+(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+(?:" + _MONTHS + r")"
    r"|(?:" + _MONTHS + r")[ \t]+\d{1,2}(?:st|nd|rd|th)?)(?:,?[ \t]+\d{4})?[ \t]*$", re.MULTILINE)


def _letter_heading(text: str, names: list[Entity]) -> set[str]:
    """Keys of names that open a letter's heading line, the place it was written and the day ("Skelvoe, 3 August"
    alone on its line): a place in every mention. Not a listed given name alone."""
    starts = {m.start(1): m.end(1) for m in _LETTER_HEADING.finditer(text)}
    if not starts:
        return set()
    first = lexicon().first_names
    return {_same(e.text) for e in names if starts.get(e.start) == e.end and e.text.lower() not in first}


# a compass word or "over" before "to" ("went south to Aberdeen", "drives them over to Redruth")
_HEADING_TO = re.compile(r"(?<![\w-])(?:north|south|east|west|over|down)(?:wards)?,? to $")


def _lone_after(text: str, names: list[Entity], before: re.Pattern) -> set[str]:
    """Keys of lone names the tagger made an organisation or MISC in a mention written right after `before`: a place
    in every mention. Not a name in capitals, before 's, or a listed given name."""
    out = set()
    first = lexicon().first_names
    for e in names:
        w = e.text
        if e.label not in (ORG, "MISC") or " " in w.strip() or w.isupper() or text[e.end:e.end + 1] in ("'", "’") \
                or w.lower() in first:
            continue
        if before.search(text, max(0, e.start - 24), e.start):
            out.add(_same(w))
    return out


# a move of home before a lone name ("moved to Leeds", "retired to Scalloway", "went home to Swansea")
_MOVED_TO = re.compile(r"(?<![\w-])(?:moved|moving|retired|emigrated|relocated|(?:went|came|gone|going|returned|headed|"
                       r"drove|flew|travelled|traveled|back|then) home) to $")


def _moved_to(text: str, names: list[Entity]) -> set[str]:
    """Keys of lone names some mention of which is written after "moved to", "retired to", "went home to" ...: a place
    in every mention, though the tagger knows it as a football club ("home to Leeds"). Not a name in capitals, one
    before 's, or a listed given name."""
    return _lone_written_after(text, names, _MOVED_TO, 24)


# "the Vicar of ", "The Mayor of " right before a name, or opening its line (a signature's "Vicar of ..."; the role
# checked against roles.txt)
_OFFICE_BEFORE = re.compile(r"(?:\b[Tt]he |^)([A-Z][a-z]+) of $", re.MULTILINE)


def _office_served(text: str, names: list[Entity]) -> set[str]:
    """Keys of names some mention of which is the place an office serves ("the Vicar of Holcombe Priors", after
    office-of-place cut the office off): a place in every mention ("Holcombe Priors voted ..."). Not a listed given
    name alone."""
    out = set()
    roles, first = lexicon().roles, lexicon().first_names
    for e in names:
        if e.label not in (GPE, LOC) or e.text.lower() in first:
            continue
        m = _OFFICE_BEFORE.search(text, max(0, e.start - 24), e.start)
        if m and m.group(1).lower() in roles:
            out.add(_same(e.text))
    return out


# last words of the names a town gives its own institutions ("Dunmore Primary School", "Kelby Town Council")
_TOWN_HEADS = frozenset("council station school hospital library harbour parish surgery".split())


def _town_institutions(names: list[Entity]) -> set[str]:
    """Keys of lone names that open a longer name of the article ending in a town's institution ("Kelby Station",
    "Kelby Primary School", "Kelby Town Council"): the town, in every mention ("Kelby has hosted the fair since
    2009"). Not a clubs' words ("Kelby Rovers" makes "Kelby" the club) nor "Foundation", "Trust" (named after people)."""
    heads = {}
    for e in names:
        words = e.text.split()
        if len(words) >= 2 and words[-1].lower() in _TOWN_HEADS and words[0][:1].isupper() and not e.text.isupper():
            heads[words[0]] = True
    return {w for w in heads if w.lower() not in lexicon().first_names}


_VERB_AFTER = re.compile(r" ([a-z]+)\b")
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
_HE_SHE = re.compile(r"\b(?:he|she|his|her)\b")
# the next sentence opening with "He" or "She" (NER train: the 21 names of one or two words opening a sentence before a
# verb news writes after "he", the next sentence opening so with no name between, are all persons)
_HE_SHE_OPENS = re.compile(r"[ \t]+(?:He|She) ")


def _pronoun_named(text: str, names: list[Entity]) -> set[str]:
    """Keys of names of one or two words some mention of which opens its sentence before a verb news writes after "he"
    or "she" (verb_words.txt, learned), the sentence then saying "he", "she", "his" or "her" with no other name and no
    quotation mark between ("Sigrun had told us to sit on the left, and she was right", "Bartholomew Quist makes clogs
    behind his house"): a person in every mention, though the tagger read a company or a place. NER train: all 72 lone
    names and 22 two-word names opening a sentence so are persons (without the verb, a people's or a place's word
    before a noun, "Auckland police ... he"; without the quotation mark, '"Windows 95 is ...," he said'). Not a listed
    place, people or organisation, a word in capitals, or two words ending in a body's word ("Holt Brothers")."""
    from ..lexicon import verb_words
    from .name_starts import sentence_initial

    lx, verbs = lexicon(), verb_words()
    starts = sorted(e.start for e in names)
    out = set()
    for e in names:
        words = e.text.split()
        if e.label == PERSON or len(words) > 2 or not all(w.isalpha() and w[:1].isupper() and not w.isupper()
                                                          for w in words) \
                or key(e.text) in lx.place_names or e.text.lower() in lx.demonyms or e.text.lower() in lx.known_orgs \
                or len(words) == 2 and words[1].lower() in lx.org_words or not sentence_initial(text, e.start):
            continue
        m = _VERB_AFTER.match(text, e.end)
        if not m or m.group(1) not in verbs:
            continue
        stop = _SENTENCE_END.search(text, e.end)
        end = stop.start() if stop else len(text)
        p = _HE_SHE.search(text, e.end, end)
        if p is None and stop is not None and text[stop.start()] != "\n" and on("pronoun-next-sentence"):
            p = _HE_SHE_OPENS.match(text, stop.end())  # "Alaric Penhallow opened the shop in 1982. He still ..."
        # (no other name between: the first start after the name's end, by bisection; asking every start was
        # quadratic, 4 s of a 140 KB text of such sentences, hostile36)
        after = bisect_right(starts, e.end)
        if p and not (after < len(starts) and starts[after] < p.start()) \
                and not any(q in text[e.end:p.start()] for q in ('"', "“", "”")):
            out.add(_same(e.text))
    return out


def _given_names(names: list[Entity]) -> frozenset[str]:
    """First words of the article's people named in full ("Edith" of "Edith Marsh"), two or three words, each
    capitalised and alphabetic, the first no honorific: alone elsewhere in the article, the same person. Only a
    word that plain news writes before another name (name_openers.txt, learned) or that the word clusters do not
    know (a rare name), and news does not mostly write in lower case ("Ice" of "Ice Cube"), in neither case a listed
    place: a tagger's "person" "Biogen Idec" or "Lesotho Textile" gives no given name."""
    from .clusters import cluster_path, more_often_lower

    lx = lexicon()
    out = set()
    for e in names:
        words = e.text.split()
        if e.label == PERSON and 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
            first = words[0]
            low = first.lower()
            if len(first) > 2 and not first.isupper() and low not in lx.honorifics and low not in lx.place_names \
                    and (low in lx.name_openers and not more_often_lower(first) or cluster_path(first) is None):
                out.add(first)
    return frozenset(out)


_PLURAL_LANDFORMS = frozenset("mountains islands lowlands uplands plains valleys moors wetlands "
                               "marshes alps".split())
_LANDFORM_FIRST = r"(?:Lake|Loch|Lough|Mount|Mt\.|Cape|Isle)"  # not Gulf, Bay: NER train's "Gulf War", "Gulf McLaren"
_LANDFORM_NAME = re.compile(r"(?<![\w.-])" + _LANDFORM_FIRST + r" ([A-Z][^\W\d_]+)(?![\w'’-]| of\b)")
_LANDFORM_BEFORE = re.compile(r"(?<![\w.-])" + _LANDFORM_FIRST + r" $")


def _landform_named(text: str, names: list[Entity]) -> frozenset[str]:
    """Words the article writes right after Lake, Loch, Mount, Cape ... ("Lake Orvana", "Mount Kelvarra"): the name of a
    place, and so the first word of a longer name ("Orvana Castle") names that place too. Not a word news mostly
    writes in lower case ("Cape Town"), a listed first name, or the surname of a person named in full ("Mount
    Kelly ... Grace Kelly")."""
    from .clusters import more_often_lower

    got = {m.group(1) for m in _LANDFORM_NAME.finditer(text)}
    if not got:
        return frozenset()
    first = lexicon().first_names
    surnames = {e.text.split()[-1] for e in names if e.label == PERSON and " " in e.text.strip()
                and e.text.split()[0].lower() in first}
    return frozenset(w for w in got if w.lower() not in first and w not in surnames and not more_often_lower(w)
                     and w.lower() not in lexicon().stop_words)


_QUOTE_OPEN, _QUOTE_CLOSE = "\"“‘'", "\"”’'"
_AFTER_NAME = re.compile(r"[,.;:)!?]|$| (?:said|says|has|had|is|was|will|would|announced|reported)\b")
_THE_NOUN = re.compile(r"\b[Tt]he (?:[\w-]+ ){0,2}([a-z]+) $")


def _quoted_and_described(text: str, names: list[Entity]) -> tuple[set[str], set[str]]:
    """One-word names written as a title in quotation marks, and those after "the" and a noun for a
    publication or medium ("the weekly Vidik", "the platform Gleiswerk"; not "the striker Silva")."""
    quoted, described = set(), set()
    media = lexicon().publication_nouns
    for e in names:
        if " " in e.text:
            continue
        if e.start > 0 and text[e.start - 1:e.start] in _QUOTE_OPEN and text[e.end:e.end + 1] in _QUOTE_CLOSE:
            quoted.add(_same(e.text))
        m = _THE_NOUN.search(text, max(0, e.start - 50), e.start)
        if m and m.group(1) in media and _AFTER_NAME.match(text, e.end):  # (any common noun: lowered a train fold)
            described.add(_same(e.text))
    return quoted, described


def _placed_by_company(text: str, names: list[Entity], votes: dict[str, Counter]) -> set[str]:
    """Keys of lone names a place keeps company with: right after "<organisation> in" ("Harbour Hospital in
    Kelby"), or in "from X to <place>" either way. ("in <place> and X" was tried: it lowered a dev half.)"""
    out = set()
    by_start = {e.start: e for e in names}
    by_end = {e.end: e for e in names}

    def place(e: Entity | None) -> bool:
        c = votes.get(_same(e.text)) if e is not None else None
        return bool(c) and c.most_common(1)[0][0] in _PLACE_LABELS
    for e in names:
        if " " in e.text.strip():
            continue
        before = by_end.get(e.start - 4) if text[e.start - 4:e.start] == " in " else None
        if before is not None and before.label == ORG and " " in before.text and on("place-after-body-in"):
            out.add(_same(e.text))
        if e.label in (ORG, PERSON) and text.startswith("of ", e.start - 3) \
                and _RESIDENTS_OF.search(text, max(0, e.start - 30), e.start) \
                and text[e.end:e.end + 1] not in ("'", "’") and on("residents-of-place"):
            out.add(_same(e.text))  # "Residents of Brenmoor said ...": people live in a place, not in a company
        if text[max(0, e.start - 5):e.start] == "from ":
            nxt = by_start.get(e.end + 4) if text[e.end:e.end + 4] == " to " else None
            if place(nxt) and on("place-from-to"):
                out.add(_same(e.text))
        if text[e.start - 4:e.start] == " to ":
            first = by_end.get(e.start - 4)
            if first is not None and text[max(0, first.start - 5):first.start] == "from " and place(first) \
                and on("place-from-to"):
                out.add(_same(e.text))
    return out


# not "came", "moved", "returned", "went" or "back": a footballer comes, moves and goes back to a club (NER train's
# time split: "come to Aberdeen", the club, cost its first half 0.24)
_TRAVELLED_TO = re.compile(r"(?<![\w-])(?:travelled|traveled|drove|walked|sailed|flew|ferry|bus|train|road|trip|journey|"
                           r"crossing|across) to $")


def _travelled_to(text: str, names: list[Entity]) -> set[str]:
    """Keys of lone names the tagger made an organisation or MISC in a mention written after a journey's "to" ("the
    ferry to Fenna", "drove to Tollby"): one goes to a place. A name read as a person there is left alone."""
    out = set()
    for e in names:
        if e.label in (ORG, "MISC") and " " not in e.text.strip() and not e.text.isupper() \
                and _TRAVELLED_TO.search(text, max(0, e.start - 12), e.start):
            out.add(_same(e.text))
    return out


_JOURNEY_TO = re.compile(r"(?<![\w-])(?:travelled|traveled|drove|walked|sailed|flew|ferry|bus|train|road|trip|journey|"
                         r"crossing|across) (?:to|into) $")


def _journeyed_to_person(text: str, names: list[Entity]) -> set[str]:
    """Keys of names of one or two words the tagger made a person in a mention written after a journey's "to" or
    "into" ("flew into Da Nang", "across to Iona"): one goes to a place (NER train: 14 places there, no person). Not
    before 's ("drove to Ana Ruiz's farm"), not a name whose first word is a listed given name, nor one in capitals."""
    first = lexicon().first_names
    out = set()
    for e in names:
        words = e.text.split()
        if e.label == PERSON and len(words) <= 2 and not e.text.isupper() and words[0].lower() not in first \
                and text[e.end:e.end + 1] not in ("'", "’") and _JOURNEY_TO.search(text, max(0, e.start - 14), e.start):
            out.add(_same(e.text))
    return out


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


def _locative(text: str, start: int, end: int) -> bool:
    if text[end:end + 1] in ("'", "’"):
        return False  # "in Smith's view"
    before = text[max(0, start - 30):start]
    return bool(_LOCATIVE.search(before) or _PLACE_NOUN_BEFORE.search(before))


_FROM_NEAR_BEFORE = re.compile(r"(?<![\w-])(?:from|near) $")


def _after_from_near(text: str, names: list[Entity], k: str) -> bool:
    """Is some mention of the name written after "from" or "near", as places are ("Shares in ..." is no place)?"""
    return any(_same(e.text) == k and _FROM_NEAR_BEFORE.search(text, max(0, e.start - 6), e.start) for e in names)


def _repeated_word(k: str) -> bool:
    """A name of one word said twice ("Tal Tal"): a place or a band, hardly ever a person."""
    words = k.split()
    return len(words) == 2 and words[0] == words[1] and words[0].isalpha()


def _same(text: str) -> str:
    return " ".join(text.split())
