"""What kind of thing a name is, read from the words right next to it.

The tagger learned from 1996 Reuters, where a capitalised word is nearly always a person, a place or a
company. These rules (named in rulebook.py) correct single spans:

* a name right after a word for a vehicle ("the space shuttle Atlantis", "the ferry Aurora") is that
  vehicle (PRODUCT), not a person or a place;
* a name ending in a newspaper word after "the" or a place ("the Edmonton Sun") is a newspaper (ORG);
* a name ending in "Street", "Road", "Lane" ... is a street (FAC, shown as a place), and so is one opening
  with "Rua", "Calle", "Via", "Piazza" ... (street-first: "Rua da Alegria", "Calle Mayor");
* a name ending in "Stadium", "Station", "Hall", "Tower" and the like is a building (FAC), not the
  company that owns it, nor a person after "the";
* a place-like word with an adjective ending, used as an adjective ("the Andean valleys"), is no place
  unless our place lists know it: MISC;
* a one-word name in the plural whose singular the text also writes capitalised ("the Polaroid
  camera" ... "his Polaroids") names things, not a person or a company: MISC.
"""

from __future__ import annotations

import re

from ..lexicon import entity_words, lexicon, verb_words
from ..rules import enabled as on
from ..types import FAC, GPE, LOC, ORG, PERSON, PRODUCT
from .name_starts import word_counts

# Last words that make a name a building or a structure (FAC, a place for the scorer).
# Not "palace" ("Harbour Palace", a club) nor "airport" (in business news, the operating company).
_BUILDINGS = entity_words().buildings
# Last words of a waterway's or a harbour's name that are nobody's surname ("Wyvern Canal", "Pelham Quay")
_PLACE_ENDS = entity_words().place_ends
_KIND_BEFORE = re.compile(r"\b([a-z]+)[ \t]+[*_]?$")
_KIND_BEFORE_LAST = (" ", "\t", "*", "_")  # the character a match of _KIND_BEFORE ends with
_BLANKS = (" ", "\t")  # ... and one of _STREET_BEFORE


def _last_before(text: str, s: int) -> str:
    """The character a pattern ending in `$`, searched in a window that ends at `s`, must end with: the one before `s`,
    or the one before that when `s` follows a line break (`$` also matches before a string's final newline). A name
    seldom follows a blank, so the window is searched only when this character is one such a pattern ends with."""
    last = text[s - 1:s] if s > 0 else ""
    return text[s - 2:s - 1] if last == "\n" and s > 1 else last
_ADJ_ENDINGS = ("ic", "ine", "ian", "ean", "ical")
_LOWER_WORD_AFTER = re.compile(r" [a-z]")
_THE_BEFORE = re.compile(r"\b[Tt]he $")
# Words before a street's name ("on Douglas Street", "the corner of Marsh Lane"): a person's name whose surname is a
# street word ("Barry Lane") stays a person after anything else.
_PLACE_BEFORE = re.compile(r"\b(?:on|in|at|along|down|up|off|near|from|to|into|onto|across|past|via|of|the)[ \t]+$",
                           re.IGNORECASE)


# Nouns of a business right before its name ("the firm Hollins", "the solicitors Ashby Marsh"); in NER train a name after
# firm, company, agency, insurer, retailer, carmaker, brokers or bankers is an organisation 33 times of 34 (a person
# once). A trade that is also a person's job names a firm only after "the" ("the solicitors Ashby Marsh"): without it
# a plural job can head a list of people ("publishers Ann Lowe of the Gazette and ..."; session 38 saw one in GUM dev,
# so that condition is not measured honestly there).
_FIRM_NOUNS = frozenset("firm company agency insurer insurers retailer retailers carmaker".split())
_TRADE_NOUNS = frozenset("""solicitors accountants auctioneers publishers jewellers caterers printers outfitters
    undertakers brewers distillers booksellers contractors builders brokers stockbrokers bankers""".split())
_TRADE_NOUNS_AFTER = {"agents": ("estate", "travel", "letting"), "directors": ("funeral",)}
_THE_WORD = re.compile(r"(?<![\w'’-])([Tt]he|[a-z]+)[ \t]+$")


def _firm_noun(text: str, m: re.Match) -> bool:
    """Is the lower-case word `m` matched right before a name a business's noun ("the firm", "the estate agents")?"""
    noun = m.group(1)
    if noun in _FIRM_NOUNS:
        return True
    w = _THE_WORD.search(text, max(0, m.start(1) - 12), m.start(1))
    if noun in _TRADE_NOUNS:
        return w is not None and w.group(1) in ("the", "The")
    before = _TRADE_NOUNS_AFTER.get(noun)
    if before is None or w is None or w.group(1) not in before:
        return False
    w = _THE_WORD.search(text, max(0, w.start(1) - 6), w.start(1))
    return w is not None and w.group(1) in ("the", "The")


def kind_of_name(text: str, s: int, e: int, label: str) -> str:
    """The label for span [s, e) once the words next to it are read (the label unchanged if no rule fits)."""
    word = text[s:e]
    m = _KIND_BEFORE.search(text, max(0, s - 30), s) if _last_before(text, s) in _KIND_BEFORE_LAST else None
    if m and m.group(1) in lexicon().vehicle_nouns and label in (PERSON, ORG, GPE, LOC) and on("vehicle-name"):
        return PRODUCT  # "the space shuttle Atlantis", "the ferry Aurora": a vehicle, not a person or a place
    if m and label in (PERSON, GPE, LOC, "MISC") and _firm_noun(text, m) and word.lower() not in lexicon().place_names \
            and word.split()[0].lower() not in lexicon().first_names and on("trade-noun-names-firm"):
        return ORG  # "the solicitors Ashby Marsh", "the estate agents Harrison & Daughters": a firm
    if " " in word:
        words = word.split()
        last = words[-1].lower()
        if " & " in word and label in (PERSON, GPE, LOC) and words[0] != "&" and words[-1] != "&" \
                and not any(w.lower() in lexicon().place_words for w in words) and on("ampersand-firm"):
            return ORG  # "Smit & Zonen", "Harrow & Finch": no person's name and no place's holds an ampersand
        if last in lexicon().newspaper_words and label in (PERSON, GPE, LOC, "MISC") and (
                text[max(0, s - 4):s] in ("the ", "The ") or words[0].lower() in lexicon().place_words) \
                and on("newspaper-name"):
            return ORG  # "the Edmonton Sun", "Harbour Star": a newspaper
        if words[0] == "Hotel" and label in (PERSON, GPE, LOC, "MISC") and all(w[:1].isupper() for w in words[1:]) \
                and on("hotel-opens-firm"):
            return ORG  # "the Hotel Kessvik": a hotel named so is a business, not a person or a region (session 32)
        if words[0].lower() in lexicon().street_first and label in (PERSON, ORG, GPE, LOC, "MISC") \
                and _street_first(text, s, words, label) and on("street-first"):
            return FAC  # "on Rua da Alegria", "Calle Mayor": a street or square named first-word-first
        if last in lexicon().street_words and label in (PERSON, ORG, GPE, LOC, "MISC") and on("street-name") \
                and not _surname_street(text, s, words, label):
            return FAC  # "on Douglas Street": a street, shown as a place
        if last in _PLACE_ENDS and label in (PERSON, ORG, "MISC") and all(w[:1].isupper() for w in words) \
                and not _surname_street(text, s, words, label) and on("place-end"):
            return LOC  # "the Wyvern Canal", "Pelham Quay": a waterway or a quay, not a firm nor a person
        if words[0] == "River" and words[1][:1].isupper() and (label in (PERSON, "MISC") or label == ORG and (
                _THE_BEFORE.search(text, max(0, s - 4), s))) and on("river-opens-place"):
            return LOC  # "River Tamble floods": a river, not a person ("River Plate beat ..." a club stays)
        if words[-1].lower() in _BUILDINGS and (label in (ORG, LOC) or label == PERSON and text[max(0, s - 4):s] in (
                "the ", "The ") and not any(w.lower() in lexicon().first_names for w in words[:-1])) \
                and on("building-head"):
            return FAC  # "Vela Stadium", "Unity Hall": a building, not its owner nor a person nor a region
        return label
    if (label in (GPE, LOC) or label == ORG and " " not in word and _before_a_noun(text, e)) \
            and word.lower().endswith(_ADJ_ENDINGS) and _LOWER_WORD_AFTER.match(text[e:e + 2]) and on("place-adjective"):
        lw = word.lower()
        if lw not in lexicon().place_names and lw + "s" not in lexicon().place_names and lw not in lexicon().demonyms:
            return "MISC"  # "the Alpine valleys": an adjective, not a place ("Philippine" is, of "Philippines")
    return label


def _surname_street(text: str, s: int, words: list[str], label: str) -> bool:
    """Is the two-word 'person' a first name and a surname that is also a street word ("Barry Lane shot 70")? Not
    after a place's preposition ("on Douglas Street") nor opening a sentence of running text ("... Douglas Street was
    closed"): there it is the street."""
    if label != PERSON or len(words) != 2 or words[0].lower() not in lexicon().first_names:
        return False
    before = text[max(0, s - 12):s]
    return not _PLACE_BEFORE.search(before) and not _SENTENCE_END_BEFORE.search(before)


_SENTENCE_END_BEFORE = re.compile(r"[.!?][\"”’']?[ \t]+$")
# Linking words after a street word that comes first ("Rua da Alegria", "Rue de l'Église", "Via dei Fori")
_STREET_LINKS = frozenset("da de del della delle dei degli di do dos das du des la le les los las el dels".split())
_STREET_LINK_GLUED = ("d'", "d’", "l'", "l’", "dell'", "dell’")
# "<Street word> [links] " right before a name the tagger found alone ("Via del " + "Corso")
_STREET_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][a-zç]+)[ \t]+((?:(?:[a-z]{1,5})[ \t]+){0,2})$")


def _street_first(text: str, s: int, words: list[str], label: str) -> bool:
    """Is the name opening with a street word ("Rua", "Calle", "Via") a street? Always when tagged a place or MISC; a
    'person' or 'organisation' ("Via Rail", "Rue McClanahan") only with a linking word after the street word ("Rue de
    Rivoli") or after a place's preposition ("on Calle Mayor")."""
    if label in (GPE, LOC, "MISC"):
        return True
    second = words[1].lower()
    if second in _STREET_LINKS or second.startswith(_STREET_LINK_GLUED):
        return True
    return bool(_PLACE_BEFORE.search(text[max(0, s - 12):s])) and not text[max(0, s - 4):s].lower() == "the "


_STREET_AFTER = re.compile(r"((?:[ \t]+[a-z]{1,5}){0,2})[ \t]+([A-Z][^\W\d_]+(?:[ \t]+[A-Z][^\W\d_]+)?)")


def street_end(text: str, s: int, e: int) -> int | None:
    """Where a street's name ends when the tagger found only its street word ("Calle" before "Mayor"): at most two
    linking words and one or two capitalised words after it; not when the word opens a sentence without a linking
    word ("Via Twitter, ..."). None when there is none."""
    m = _STREET_AFTER.match(text, e)
    if m is None or any(w not in _STREET_LINKS for w in m.group(1).split()):
        return None
    if not m.group(1) and (s == 0 or _SENTENCE_END_BEFORE.search(text[max(0, s - 4):s]) or text[s - 1] == "\n"):
        return None
    return m.end()


def street_pair(text: str, s: int, e: int) -> int | None:
    """Where " and " splits a name that is two streets ("Plaza Mayor and Piazza Navona"): both halves open with a
    street word and have a name after it. None when it is no such pair."""
    word = text[s:e]
    cut = word.find(" and ")
    if cut < 0:
        return None
    left, right = word[:cut].split(), word[cut + 5:].split()
    first = lexicon().street_first
    if len(left) > 1 and len(right) > 1 and left[0].lower() in first and right[0].lower() in first:
        return s + cut
    return None


def street_pairs(text: str, spans: list) -> list:
    """Two names the tagger found apart, joined by " and ", each opening with a street word and a name after it
    ("Plaza Mayor" and "Piazza Navona"), are two streets (FAC) whatever each was tagged (session 15)."""
    first = lexicon().street_first
    out = list(spans)
    for k in range(len(out) - 1):
        (s1, e1, l1), (s2, e2, l2) = out[k], out[k + 1]
        if text[e1:s2] != " and ":
            continue
        a, b = text[s1:e1].split(), text[s2:e2].split()
        if len(a) > 1 and len(b) > 1 and a[0].lower() in first and b[0].lower() in first and on("street-first"):
            out[k], out[k + 1] = (s1, e1, FAC), (s2, e2, FAC)
    return out


_UNTAGGED_STREET = re.compile(r"(?<![\w'’-])(?:on|in|at|along|down|off|near|from|to|into|onto|across|past|of)[ \t]+"
                              r"([A-Z][a-zçã]+)[ \t]+((?:(?:[a-z]{1,5})[ \t]+){0,2}[A-Z][^\W\d_]+)(?![\w'’-])")


def untagged_streets(text: str, spans: list) -> list:
    """A street named street word first after a place's preposition ("on Calle Mayor") that the tagger left untagged
    is a street (FAC): the street word, at most two linking words and a capitalised word (session 15)."""
    first = lexicon().street_first
    found = []
    for m in _UNTAGGED_STREET.finditer(text):
        if m.group(1).lower() not in first or any(w not in _STREET_LINKS for w in m.group(2).split()[:-1]):
            continue
        s, e = m.start(1), m.end(2)
        if any(a < e and s < b for a, b, _ in spans) or not on("street-first"):
            continue
        found.append((s, e, FAC))
    return sorted(spans + found) if found else spans


def street_start(text: str, s: int) -> int | None:
    """Where a street's name starts when the tagger found only its last part ("Via del " before "Corso"): the street
    word, capitalised inside a sentence, and at most two linking words between; None when there is none."""
    m = _STREET_BEFORE.search(text, max(0, s - 30), s) if _last_before(text, s) in _BLANKS else None
    if m is None or m.group(1).lower() not in lexicon().street_first:
        return None
    links = m.group(2).split()
    if any(w not in _STREET_LINKS for w in links):
        return None
    if not links and not _PLACE_BEFORE.search(text[max(0, m.start() - 12):m.start()]):
        return None  # "Via Twitter": a street word and a name right after it only after "on", "in" ...
    before = text[max(0, m.start() - 3):m.start()]
    if not before.strip() or _SENTENCE_END_BEFORE.search(text[max(0, m.start() - 4):m.start()]):
        return None  # opening a line or a sentence ("Via the harbour ...", a heading): not read as a street
    return m.start()
_NEXT_WORD = re.compile(r" ([a-z]+)")


def _before_a_noun(text: str, e: int) -> bool:
    """Is the word after position e a lower-case word that is no verb ("the Alpine valleys", not "Atlantic said")?"""
    m = _NEXT_WORD.match(text, e)
    return bool(m) and m.group(1) not in verb_words()


def plural_of_a_name(text: str, s: int, e: int) -> bool:
    """Is the one-word span a plural whose singular the text also writes capitalised ("Polaroids")?"""
    word = text[s:e]
    if len(word) < 5 or not word.isalpha() or not word.endswith("s") or word.endswith(("ss", "us", "is")) \
            or not word[:1].isupper() or word.isupper():
        return False
    if word[:-1].lower() in lexicon().first_names:
        return False  # "Williams" next to "William": a surname
    if _THE_BEFORE.search(text[max(0, s - 4):s]):
        return False  # "the Kestrels" (a "Kestrel captain"): a team goes by its plural
    return word_counts(text)[word[:-1]] > 0  # the singular as a word of its own (one count pass per text)
