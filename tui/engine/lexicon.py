"""The engine's word lists, typed: one `Lexicon` read once from assets/models (and pycountry, sumy).

Every list the entity and quote stages use is a named field here, so a reader can see what exists,
a typo is an AttributeError rather than a silently empty set, and the files are read in one place.
All words are lower case. `lexicon()` loads lazily (the first analysis pays for it, not start-up).

To add a list: put the file (one entry a line, `#` starts a comment) in assets/models, add a field
and one line in `_build`.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import threading
from dataclasses import dataclass, fields, replace
from pathlib import Path

from tui.assets import asset

__all__ = ["EntityWords", "Lexicon", "QuoteWords", "entity_words", "lexicon", "quote_words", "read_list",
           "read_sections", "missing_sources", "name_words", "verb_words"]

# first_names.txt's opening comment was split one word a line until session 35, so these nine "entries" were given
# names to everything that read the list: the tagger's "first" feature made "Many Brenmoor residents ..." and "Given
# Harwell's record ..." persons. Everything now reads the list without them. The shipped tagger weights learned with
# them (LEARNED_UNDER is the fingerprint of the lists plus these words: `learned_fingerprint`) and bench/train_ner.py
# adds them by default to rebuild that file byte for byte. Read without them, the shipped weights score the same on
# every dev half (session 35: CoNLL dev 93.11, GUM 74.13, outside news unchanged); retrained without them (seeds 7-9,
# `--first-names clean`) they moved CoNLL dev 93.11 -> 92.97 (halves 94.19 / 91.89 -> 94.24 / 91.51) and GUM dev
# 74.13 -> 69.40 (74.06 / 74.27 -> 69.94 / 68.44: a few names flipping through whole documents, far past the seed
# band of +-1.5), so those weights were not shipped. Drop this set the next time the tagger is retrained for a gain.
LEARNED_FIRST_NAMES = frozenset({"common", "given", "names", "across", "many", "languages", "(our", "own", "list)."})
_NAME_STOP = frozenset("of the and de la le du del da di von van al el y city saint san santa".split())


def read_list(name: str) -> frozenset[str]:
    """Entries of one list in assets/models, lower case, comments and blank lines dropped."""
    try:
        text = asset("models", name).read_text(encoding="utf-8")
    except OSError:
        return frozenset()
    return frozenset(e for e in (ln.split("#", 1)[0].strip().lower() for ln in text.splitlines()) if e)


def name_words(names) -> frozenset[str]:
    """The content words (three letters or more) of multi-word names: "New South Wales" -> new, south, wales."""
    out = set()
    for name in names:
        for w in re.findall(r"[^\W\d_][\w'’.-]*", name):
            lw = w.lower()
            if len(lw) > 2 and lw not in _NAME_STOP:
                out.add(lw)
    return frozenset(out)


def _pycountry_names() -> tuple[set[str], set[str]]:
    """Country and subdivision names from pycountry (installed with sumy); empty sets when it is missing.

    Its JSON databases are read directly because importing pycountry costs about three times as long.
    """
    countries, subdivisions = set(), set()
    try:
        spec = importlib.util.find_spec("pycountry")
        if spec is None or not spec.submodule_search_locations:
            return countries, subdivisions
        db = Path(next(iter(spec.submodule_search_locations))) / "databases"
        for c in json.loads((db / "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]:
            countries.update(c[k] for k in ("name", "common_name", "official_name") if c.get(k))
        subdivisions.update(d["name"] for d in json.loads((db / "iso3166-2.json").read_text(encoding="utf-8"))["3166-2"])
    except Exception:  # noqa: BLE001 - a missing or changed pycountry only costs accuracy
        return set(), set()
    return countries, subdivisions


def _stop_words() -> frozenset[str]:
    """sumy's bundled English stop words, read without importing sumy (its utils pull in requests)."""
    try:
        spec = importlib.util.find_spec("sumy")
        folder = Path(next(iter(spec.submodule_search_locations)))
        return frozenset(folder.joinpath("data", "stopwords", "english.txt").read_text(encoding="utf-8").split())
    except Exception:  # noqa: BLE001 - without the list we only lose a precision filter
        return frozenset()


@dataclass(frozen=True)
class Lexicon:
    """Every word list of the engine (lower case)."""

    first_names: frozenset[str]  # first_names.txt: common given names
    org_words: frozenset[str]  # org_words.txt: words that head organisation names ("bank", "council")
    honorifics: frozenset[str]  # honorifics.txt: "mr.", "president", "gen."
    demonyms: frozenset[str]  # demonyms.txt: nationality words the tagger knows ("french", "kenyan")
    peoples: frozenset[str]  # demonyms + peoples.txt (plurals, people of cities): NORP after tagging
    city_words: frozenset[str]  # words of the names in places.txt
    time_words: frozenset[str]  # time_words.txt: month and day words
    known_orgs: frozenset[str]  # known_orgs.txt
    country_words: frozenset[str]  # words of country names (pycountry + countries_extra.txt)
    subdivision_words: frozenset[str]  # words of subdivision names not in a country's name
    place_words: frozenset[str]  # country_words | subdivision_words | city_words
    place_names: frozenset[str]  # whole place names: countries, subdivisions, places.txt, countries_extra.txt
    roles: frozenset[str]  # roles.txt plus the honorifics without their dots: words put before a person
    landforms_first: frozenset[str]  # landforms.txt entries ending in ':' ("loch", "mount")
    landforms_last: frozenset[str]  # the other landforms.txt entries ("ocean", "islands")
    stop_words: frozenset[str]  # sumy's English stop words (cased as in sumy's list)
    newspaper_words: frozenset[str]  # newspapers.txt: last words of newspaper names ("star", "herald")
    street_words: frozenset[str]  # streets.txt: last words of street names ("street", "lane", "straße")
    street_first: frozenset[str]  # streets.txt entries ending in ':' ("rua", "calle", "piazza"): first words
    vehicle_nouns: frozenset[str]  # vehicles.txt: nouns before a vehicle's name ("shuttle", "ferry")
    section_words: frozenset[str]  # section_words.txt: words of a site's section-tag line ("politics")
    publication_nouns: frozenset[str]  # publication_nouns.txt: "weekly", "platform" before a publication's name
    name_openers: frozenset[str]  # name_openers.txt (learned, bench/name_contexts.py): words news writes before a name

    def tagger_lists(self) -> tuple[tuple[str, frozenset[str]], ...]:
        """(feature name, words) of the lists the tagger sees as gazetteer features, in a fixed order. The "first"
        feature also reads LEARNED_FIRST_NAMES, the words the shipped weights learned as given names by mistake."""
        return (("first", self.first_names), ("orgw", self.org_words), ("hon", self.honorifics),
                ("dem", self.demonyms), ("city", self.city_words), ("time", self.time_words),
                ("korg", self.known_orgs), ("ctry", self.country_words), ("subd", self.subdivision_words))

    def fingerprint(self) -> str:
        """A short digest of every list, word by word: two processes whose lexicons differ (pycountry or sumy missing,
        or another version of them, in one) give the tagger different features, and weights learned in one score
        lower read in the other (bench/README.md: session 28's measuring fault)."""
        return _digest((field.name, getattr(self, field.name)) for field in fields(self))

    def learned_fingerprint(self) -> str:
        """`tagger_fingerprint` with LEARNED_FIRST_NAMES among the given names, as the shipped weights learned."""
        return replace(self, first_names=self.first_names | LEARNED_FIRST_NAMES).tagger_fingerprint()

    def tagger_fingerprint(self) -> str:
        """`fingerprint` of the lists the tagger's learned features read (its gazetteer flags, and the whole place
        names of its document features): weights match the lexicon they were learned under (tagger.LEARNED_UNDER)."""
        return _digest(self.tagger_lists() + (("place_names", self.place_names),))


def _digest(named_lists) -> str:
    """A short md5 of (name, words) pairs, each list's words sorted."""
    digest = hashlib.md5()
    for name, words in named_lists:
        digest.update(name.encode("utf-8") + b"\0")
        for word in sorted(words):
            digest.update(word.encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()[:12]


def missing_sources() -> list[str]:
    """The packages the lexicon reads lists from that this environment lacks ("pycountry": country and subdivision
    names, "sumy": stop words); the lists they give are then empty, and so are the tagger's features from them."""
    return [name for name, read in (("pycountry", lambda: _pycountry_names()[0]), ("sumy", _stop_words)) if not read()]


def _build() -> Lexicon:
    countries, subdivisions = _pycountry_names()
    extra = read_list("countries_extra.txt")
    places = read_list("places.txt")
    country_words = name_words(countries | extra)
    subdivision_words = name_words(subdivisions) - country_words
    city_words = name_words(places)
    honorifics = read_list("honorifics.txt")
    demonyms = read_list("demonyms.txt")
    land = read_list("landforms.txt")
    streets = read_list("streets.txt")
    return Lexicon(
        first_names=read_list("first_names.txt"),
        org_words=read_list("org_words.txt"),
        honorifics=honorifics,
        demonyms=demonyms,
        peoples=demonyms | read_list("peoples.txt"),
        city_words=city_words,
        time_words=read_list("time_words.txt"),
        known_orgs=read_list("known_orgs.txt"),
        country_words=country_words,
        subdivision_words=subdivision_words,
        place_words=country_words | subdivision_words | city_words,
        place_names=frozenset({n.lower() for n in countries | subdivisions} | places | extra),
        roles=frozenset({w.rstrip(".") for w in honorifics} | read_list("roles.txt")),
        landforms_first=frozenset(w[:-1] for w in land if w.endswith(":")),
        landforms_last=frozenset(w for w in land if not w.endswith(":")),
        stop_words=_stop_words(),
        newspaper_words=read_list("newspapers.txt"),
        street_words=frozenset(w for w in streets if not w.endswith(":")),
        street_first=frozenset(w[:-1] for w in streets if w.endswith(":")),
        vehicle_nouns=read_list("vehicles.txt"),
        section_words=read_list("section_words.txt"),
        publication_nouns=read_list("publication_nouns.txt"),
        name_openers=read_list("name_openers.txt"),
    )


_LEXICON: Lexicon | None = None
_LOCK = threading.Lock()


def lexicon() -> Lexicon:
    """The engine's word lists, read on first use and shared by every thread."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                _LEXICON = _build()
    return _LEXICON


@dataclass(frozen=True)
class QuoteWords:
    """The quote and speaker stage's word lists (assets/models/quote_words.txt, one section per field)."""

    speech_verb_bases: frozenset[str]  # regular speech verbs ("add", "argue"); their forms come from speech_verbs()
    speech_verb_forms: frozenset[str]  # forms the regular rule misses ("said", "quipped")
    irregular_bases: frozenset[str]  # base forms of the irregular speech verbs ("say", "tell")
    not_cue_after: frozenset[str]  # "called for", "read by": no speech cue before these
    pronouns: frozenset[str]  # subject pronouns
    person_pronouns: frozenset[str]  # "he", "she"
    determiners: frozenset[str]  # words that open a description
    skip_before_verb: frozenset[str]  # "Lind later said"
    skip_after_verb: frozenset[str]  # "said on Monday Lind"
    title_abbrev: frozenset[str]  # "mr", "sen": a dot after them ends no sentence
    transitive_bases: frozenset[str]  # verbs whose next noun is the listener or topic ("told Lind")
    clause_words: frozenset[str]  # words that cannot end a subject phrase
    base_lead: frozenset[str]  # "to state", "we report": a bare form used as a verb
    noun_lead: frozenset[str]  # "other reports": an -s form used as a plural noun
    progressive: frozenset[str]  # "is saying"
    titles: frozenset[str]  # titles before a name, dropped from canonical names
    not_name: frozenset[str]  # capitalised words that are never part of a person's name
    month_abbrevs: frozenset[str]  # "jun", "sept": a month when a dot or a number follows, else maybe a name
    name_org_words: frozenset[str]  # words that make a capitalised run an organisation or place
    surname_particles: frozenset[str]  # "de", "van"
    female_names: frozenset[str]  # first names of women
    male_names: frozenset[str]  # first names of men
    documents: frozenset[str]  # nouns for a written source ("statement", "report")
    bare_openers: frozenset[str]  # words that open a subject without a determiner ("only", "most")
    intro_words: frozenset[str]  # words that open an introductory phrase ("during", "following")
    modifier_words: frozenset[str]  # lower-case words between a capitalised modifier and a name ("candidate")
    person_titles: frozenset[str]  # titles that make a one-word name a person ("president")
    tag_tail: frozenset[str]  # words that may follow the speaker in a tag ("on", "later")
    ly_nouns: frozenset[str]  # nouns that end like -ly adverbs ("family", "rally")
    listener_words: frozenset[str]  # words before a name that make it the listener ("told", "asked")
    linked_adjectives: frozenset[str]  # "close to", "familiar with": a description goes on past the preposition
    region_abbrev: frozenset[str]  # "colo", "n.j": a state or province written after a city ("Aspen, Colo.,")
    back_verbs: frozenset[str]  # "shot", "fired": a retort when "back" follows them ("Holt shot back:")

    def speech_verbs(self) -> frozenset[str]:
        """Every form of every speech verb: the regular bases inflected, plus the listed forms."""
        out = set(self.speech_verb_forms)
        for b in self.speech_verb_bases:
            if b.endswith("y"):
                out |= {b, b[:-1] + "ies", b[:-1] + "ied", b + "ing"}
            else:
                stem = b[:-1] if b.endswith("e") else b
                out |= {b, b + "es" if b.endswith(("s", "sh", "ch", "x")) else b + "s",
                        b + "d" if b.endswith("e") else b + "ed", stem + "ing"}
        return frozenset(out)


def read_sections(name: str) -> dict[str, frozenset[str]]:
    """A sectioned list file ("[name]" headers, entries split by white space, `#` comments), lower case."""
    out: dict[str, set[str]] = {}
    current = None
    for line in asset("models", name).read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line.startswith("[") and line.endswith("]"):
            current = out.setdefault(line[1:-1].strip(), set())
        elif line and current is not None:
            current.update(line.split())
    return {k: frozenset(v) for k, v in out.items()}


_QUOTE_WORDS: QuoteWords | None = None


def quote_words() -> QuoteWords:
    """The quote stage's word lists, read on first use. A section missing from the file is an error."""
    global _QUOTE_WORDS
    if _QUOTE_WORDS is None:
        with _LOCK:
            if _QUOTE_WORDS is None:
                _QUOTE_WORDS = QuoteWords(**read_sections("quote_words.txt"))
    return _QUOTE_WORDS


@dataclass(frozen=True)
class EntityWords:
    """The entity rules' small word lists (assets/models/entity_words.txt, one section per field)."""

    misc_heads: frozenset[str]  # "accord", "cup": events and treaties
    institutions: frozenset[str]  # "museum", "library": a name runs on over "of" after them
    buildings: frozenset[str]  # "stadium", "bridge": a building (FAC)
    compass: frozenset[str]  # "north", "western"
    honorific_only: frozenset[str]  # "ambassador": a title before a bare surname
    foreign_links: frozenset[str]  # "per", "di": linking words inside organisation names
    body_nouns: frozenset[str]  # "union", "charity": an apposition with one of them says the name is a body
    state_heads: frozenset[str]  # "union", "federation": after a people's adjective alone, a state ("Soviet Union")
    name_prepositions: frozenset[str]  # "without", "against": capitalised mid-sentence, inside one name
    irregular_plurals: frozenset[str]  # "people", "children": plurals whose possessive is 's ("People's Party")
    org_only_heads: frozenset[str]  # "college", "ministry": a tagged place ending so is an organisation
    guild_heads: frozenset[str]  # "guild": a body of a trade's members, after a plural's possessive ("Workers' Guild")
    owner_heads: frozenset[str]  # "bakery", "mill": a business named after its owner with 's ("Tregenna's Bakery")
    saint_heads: frozenset[str]  # "church", "school": named after a saint with 's ("St Aidan's Church")
    trade_words: frozenset[str]  # "haulage", "ferries": the last word of a firm named after a family ("Keane Haulage")
    toponym_ends: frozenset[str]  # "end", "moss": common words that end an English place's name ("Harrowgate End")
    toponym_firsts: frozenset[str]  # "nether", "upper": words that open a village's name ("Nether Holcombe")
    place_ends: frozenset[str]  # "canal", "quay": last words of a waterway's or a harbour's name, nobody's surname
    holidays: frozenset[str]  # "christmas", "easter": feast days and holidays, a date ("every Christmas")
    kin_words: frozenset[str]  # "mum", "gran": what a family calls its own, no name ("Dear Mum and Dad")
    inn_names: frozenset[str]  # "plough", "wheatsheaf": an inn named with "the" ("the Plough"), an organisation


_ENTITY_WORDS: EntityWords | None = None


def entity_words() -> EntityWords:
    """The entity stage's small word lists, read on first use. A section missing from the file is an error."""
    global _ENTITY_WORDS
    if _ENTITY_WORDS is None:
        with _LOCK:
            if _ENTITY_WORDS is None:
                _ENTITY_WORDS = EntityWords(**read_sections("entity_words.txt"))
    return _ENTITY_WORDS


_VERB_WORDS: frozenset[str] | None = None


def verb_words() -> frozenset[str]:
    """Lower-case words news writes after a subject pronoun and not after a determiner ("refused", "put", "also"):
    verbs and adverbs, learned from unlabelled text by bench/build_verb_words.py (assets/models/verb_words.txt).
    Read on first use."""
    global _VERB_WORDS
    if _VERB_WORDS is None:
        with _LOCK:
            if _VERB_WORDS is None:
                _VERB_WORDS = read_list("verb_words.txt")
    return _VERB_WORDS
