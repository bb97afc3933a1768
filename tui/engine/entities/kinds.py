"""What kind of thing a name is, read from the words right next to it.

The tagger learned from 1996 Reuters, where a capitalised word is nearly always a person, a place or a
company. Modern news also names animals, products and styles. These rules correct single spans:

* a name right after a word for a kind of living thing ("the dinosaur Spinosaurus", "the orchid
  Vanda") is a taxon, not a place or a person: MISC;
* a name right after a word for a work ("the 1969 film Easy Rider", "her novel Kalevan Road") is a
  title: MISC;
* a name ending in "Stadium", "Station", "Hall", "Tower" and the like is a building (FAC), not
  the company that owns it, nor a person after "the" ("at the Varnsdorf Arena"; but "Stuart Hall");
* a place-like word with an adjective ending, used as an adjective ("the Alpine valleys", "Hellenic
  polytheism"), is no place unless our place lists know it: MISC;
* a person span never starts with "The" ("The Katherinator", a nickname, keeps only the name);
* a lone first name followed by a two-letter surname ("Regina Ip", "James To") is one person: the
  tagger, which has hardly seen such surnames, stops at the first name;
* letters after a person's name ("Mark Tedeschi, QC, said") are an honour, not an organisation;
* a one-word name in the plural whose singular the text also writes capitalised ("the Polaroid
  camera" ... "his Polaroids") names things, not a person or a company: MISC (but "the Springboks"
  after "a Springbok captain" is a team);
* a nationality right before a national body ("Greek" + "Orthodox Church") is part of its name;
* a body's name runs on over "for (the)" to the capitalised name of its cause ("Andy Warhol
  Foundation" + "for the" + "Visual Arts").
"""

from __future__ import annotations

import re

from ..types import FAC, GPE, LOC, ORG, PERSON
from ..lexicon import lexicon

Span = tuple[int, int, str]


# Nouns that introduce the name of a species or genus. Our own list of common ones.
_KIND_NOUNS = frozenset(
    """dinosaur dinosaurs species genus subspecies animal animals mammal mammals reptile reptiles bird birds
    fish insect insects beetle beetles moth moths butterfly butterflies spider spiders snake snakes lizard
    frog frogs shark sharks whale whales plant plants tree trees orchid orchids flower flowers fungus fungi
    bacterium bacteria virus microbe parasite pterosaur crocodile crocodiles turtle turtles fossil fossils
    worm worms ant ants bee bees wasp wasps coral corals alga algae fern ferns moss""".split())
# Last words that make a name a building or a structure (FAC, a place for the scorer).
# Not "palace" ("Crystal Palace", a club) nor "airport" (in business news, the operating company).
_BUILDINGS = frozenset("stadium arena station hall tower towers bridge memorial mosque cathedral".split())
# Nouns that introduce the title of a work (not "newspaper" or "magazine": those name companies;
# not "play" or "single": "to play Liechtenstein").
_WORKS = frozenset("book books novel novels film films movie movies documentary series sitcom album albums song "
                   "songs opera musical poem painting sculpture videogame".split())
_KIND_BEFORE = re.compile(r"\b([a-z]+)[ \t]+[*_]?$")
_ADJ_ENDINGS = ("ic", "ine", "ian", "ean", "ical")
# Letters written after a person's name: honours, ranks at the bar, degrees.
_POST_NOMINALS = frozenset("QC KC SC MP MEP MBE OBE CBE KBE DBE PhD MD".split())
_SURNAME = re.compile(r" ([A-Z][a-z])(?=$|[\s,.;:!?)'’\"”])")


def kind_of_name(text: str, s: int, e: int, label: str) -> str:
    """The label for span [s, e) once the words next to it are read (the label unchanged if no rule fits)."""
    word = text[s:e]
    m = _KIND_BEFORE.search(text, max(0, s - 30), s)
    if m and m.group(1) in _WORKS and label in (PERSON, ORG, GPE, LOC):
        return "MISC"  # "the 1969 film Easy Rider", "the album Blue Hour": a title
    if " " in word:
        words = word.split()
        if words[-1].lower() in _BUILDINGS and (label == ORG or label == PERSON and text[max(0, s - 4):s] in (
                "the ", "The ") and not any(w.lower() in lexicon().first_names for w in words[:-1])):
            return FAC  # "Fisht Stadium", "Constitution Hall": a building, not its owner nor a person
        return label
    m = _KIND_BEFORE.search(text, max(0, s - 30), s)
    if m and m.group(1) in _KIND_NOUNS:
        return "MISC"  # "the sail-backed dinosaur Spinosaurus"
    if label in (GPE, LOC) and word.lower().endswith(_ADJ_ENDINGS) and re.match(r" [a-z]", text[e:e + 2]):
        lw = word.lower()
        if lw not in lexicon().place_names and lw + "s" not in lexicon().place_names and lw not in lexicon().demonyms:
            return "MISC"  # "the Alpine valleys": an adjective, not a place ("Philippine" is, of "Philippines")
    return label


def without_the(text: str, s: int, e: int, label: str) -> int:
    """The start of a person span once a leading "The " is dropped."""
    if label == PERSON and text.startswith("The ", s) and e - s > 4:
        return s + 4
    return s


def with_short_surname(text: str, s: int, e: int, label: str) -> int:
    """The end of a one-word person span that is a known first name followed by a two-letter surname."""
    if label != PERSON or " " in text[s:e] or text[s:e].lower() not in lexicon().first_names:
        return e
    m = _SURNAME.match(text, e)
    if not m:
        return e
    nxt = text[m.end():m.end() + 2]
    if nxt[:1] == " " and nxt[1:2].isupper():
        return e  # headline case ("Anna To Lead Team"): no surname to trust
    return m.end()


def post_nominal(text: str, s: int, e: int, prev_end: int | None, prev_label: str | None) -> bool:
    """Is span [s, e) honour letters right after a person's name ("Mark Tedeschi, QC")?"""
    return prev_label == PERSON and text[s:e] in _POST_NOMINALS and prev_end is not None \
        and text[prev_end:s] in (", ", " ")


def plural_of_a_name(text: str, s: int, e: int) -> bool:
    """Is the one-word span a plural whose singular the text also writes capitalised ("Polaroids")?"""
    word = text[s:e]
    if len(word) < 5 or not word.isalpha() or not word.endswith("s") or word.endswith(("ss", "us", "is")) \
            or not word[:1].isupper() or word.isupper():
        return False
    if word[:-1].lower() in lexicon().first_names:
        return False  # "Williams" next to "William": a surname
    if re.search(r"\b[Tt]he $", text[max(0, s - 4):s]):
        return False  # "the Springboks" (a "Springbok captain"): a team goes by its plural
    from .name_starts import word_counts

    return word_counts(text)[word[:-1]] > 0  # the singular as a word of its own (one count pass per text)


# Not "ministry": news annotation keeps "German" apart from "Foreign Ministry".
_BODY_HEADS = frozenset("church conference navy army council party assembly parliament senate".split())


_CAUSE_HEADS = frozenset("foundation fund council centre center institute society trust association commission "
                         "committee alliance campaign coalition league".split())
_FOR = re.compile(r" for (?:the )?")


def join_nationality_to_body(text: str, spans: list[Span]) -> list[Span]:
    """A nationality right before a national body is part of its name: "Greek" + "Orthodox Church";
    so is the cause after "for (the)" of a foundation, fund or council: "... Foundation for the Visual Arts"."""
    out: list[Span] = []
    for sp in spans:
        if out and out[-1][2] == "ORG" and sp[2] in ("ORG", "MISC", GPE, LOC, PERSON) and _FOR.fullmatch(text, out[-1][1], sp[0]) \
                and text[out[-1][0]:out[-1][1]].rsplit(None, 1)[-1].lower() in _CAUSE_HEADS \
                and all(w[:1].isupper() for w in text[sp[0]:sp[1]].split()):
            out[-1] = (out[-1][0], sp[1], "ORG")
            continue
        if out and out[-1][2] == "NORP" and sp[2] in ("ORG", "MISC") and text[out[-1][1]:sp[0]] == " " \
                and text[sp[0]:sp[1]].rsplit(None, 1)[-1].lower() in _BODY_HEADS:
            out[-1] = (out[-1][0], sp[1], "ORG")
            continue
        out.append(sp)
    return out


def person_after_body(text: str, s: int, e: int, label: str) -> int | None:
    """Where a person starts inside an organisation span that runs on into a full name ("Refugee
    Council Enver Solomon" -> "Refugee Council" + "Enver Solomon"), or None."""
    if label != ORG:
        return None
    words = list(re.finditer(r"\S+", text[s:e]))
    if len(words) < 4:
        return None
    head, first, last = (w.group() for w in words[-3:])
    g = lexicon()
    if len(head) < 4 or head.lower() not in g.org_words and head.lower() not in _CAUSE_HEADS:
        return None  # not "Co", "Inc": "Bay Co Bldg Auth" is one abbreviated name
    for w in (first, last):
        if not (w.isalpha() and w[:1].isupper() and w[1:].islower()) or w.lower() in g.org_words \
                or w.lower() in lexicon().place_names:
            return None
    return s + words[-2].start()
