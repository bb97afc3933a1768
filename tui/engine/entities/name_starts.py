"""Where a name starts and ends inside what the tagger marked.

Role words glued to the front of a person are cut off ("Soprano Ana Kosmač"); an Irish surname particle joins
the first name before it to the surname ("Seán Ó Briain", "Áine Ní Bhriain"). `sentence_initial` and `word_counts`
are shared helpers.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lexicon import entity_words, lexicon, quote_words, verb_words
from ..rules import enabled as on
from ..types import PERSON

_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’([—–-…")


def sentence_initial(text: str, s: int) -> bool:
    """Does offset s open a sentence or a line (quotation marks before it aside)?"""
    i = s
    while i > 0 and text[i - 1] in " \t\u00a0\"“‘'":
        i -= 1
    return i == 0 or text[i - 1] == "\n" or (text[i - 1] in _SENTENCE_OPENERS and i < s or text[i - 1] in ".!?")


_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_count_cache: list = [None, None]  # (text, Counter) of the last text: one count pass per article


def word_counts(text: str) -> Counter:
    """How often each word occurs in `text` (computed once per text, only when a rule needs it)."""
    cached_text, counts = _count_cache
    if cached_text is not text:
        counts = Counter(_WORDS.findall(text))
        _count_cache[:] = [text, counts]  # a race between threads only costs a recount
    return counts


@lru_cache(maxsize=1)
def _opening_speech_verbs() -> frozenset[str]:
    """Inflected speech verbs that can open a sentence before their speaker ("Added", "Insists", "Wrote"): a regular
    form ending in -ed or -s, never a bare one that is also a noun or a surname ("Post", "Note")."""
    w = quote_words()
    bases = w.speech_verb_bases | w.irregular_bases
    return frozenset(v for v in w.speech_verbs() if v not in bases and (v.endswith(("ed", "s")) or v == "wrote"))


def speech_verb_opener(text: str, s: int, e: int) -> int | None:
    """Start of the person in a 'person' whose first word is a speech verb opening the sentence before its speaker
    ("Added Holm: ...", "Explained Brandt, ..."): the verb is no part of the name. None when not so."""
    m = _TITLE_WORD.match(text, s, e)  # (what re.match of the pattern finds in text[s:e])
    if not m or m.group(1).lower() not in _opening_speech_verbs() or m.group(1).lower() in lexicon().first_names \
            or not sentence_initial(text, s):
        return None
    return m.end()


# Titles that are never a first name, so a bare surname after them is the whole person.
_HONORIFIC_ONLY = entity_words().honorific_only


@lru_cache(maxsize=1)
def _bare_verbs() -> frozenset[str]:
    """Bare verbs of the learned verb list (lexicon.verb_words) whose inflected forms are in it too ("ask": "asks",
    "asked"): a word that can open a sentence as an order ("Ask Marco at the desk"); titles ("Miss") left out."""
    vw = verb_words()
    hon = lexicon().honorifics
    return frozenset(w for w in vw if w not in hon and any(w + end in vw for end in ("s", "es", "d", "ed")))


def verb_opener(text: str, s: int, e: int) -> int | None:
    """Start of the name in a person or organisation whose first word is a bare verb opening the sentence ("Ask
    Marco at the front desk", "Thank Varno Rail for ..."): the verb is no part of the name. None when not so."""
    m = _TITLE_WORD.match(text, s, e)
    if not m or m.group(1).lower() not in _bare_verbs() or m.group(1).lower() in lexicon().first_names \
            or not sentence_initial(text, s):
        return None
    from .clusters import more_often_lower

    return s + len(m.group(0)) if more_often_lower(m.group(1)) else None


_TITLE_WORD = re.compile(r"([A-Z][a-z]+) +(?=[A-Z])")


def participle_opener(text: str, s: int, e: int) -> int | None:
    """Start of the person in a 'person' whose first word is a participle in -ed opening the sentence ("Named
    Fernhold, the ship ...", "Called Trundle, it has ..."): a word of five letters or more that news mostly writes in
    lower case and that is no listed first name ("Ahmed"), title or speech verb. None when not so."""
    m = _TITLE_WORD.match(text, s, e)
    if not m or len(m.group(1)) < 5 or not m.group(1).endswith("ed") or not sentence_initial(text, s):
        return None
    low = m.group(1).lower()
    if low in lexicon().first_names or low in lexicon().honorifics or low in _opening_speech_verbs():
        return None  # ("Added Holm: ..." is speech-verb-opens-person's)
    from .clusters import more_often_lower

    return m.end() if more_often_lower(m.group(1)) else None
_NON_SPACE = re.compile(r"\S+")


def trim_roles(text: str, s: int, e: int) -> int:
    """Start of the person's name once leading role words are cut ("Cellist Ines Madrona Varga")."""
    roles, first = lexicon().roles, lexicon().first_names
    while True:
        m = _NON_SPACE.match(text, s, e)
        rest = text[m.end():e].lstrip()
        w = m.group().lower().rstrip(".")
        if " " not in rest and rest[:1].isupper() and w in _HONORIFIC_ONLY and rest.isalpha():
            return e - len(rest)  # "Ambassador Ferrer": a title, then the surname alone
        if " " not in rest or not rest[:1].isupper():
            return s  # keep a full name of two words at least: "Dean Holt" may be a name, not a role
        if w in _TRADE_SURNAMES and len(rest.split()) == 2 and rest.replace(" ", "").isalpha() \
                and on("trade-surname-opens-person"):
            return e - len(rest)  # "Baker Marisol Quint": the trade, then a given name and a surname
        if w in first or w not in roles and not _job_compound(w):
            return s
        s = e - len(rest)


# trades that are common surnames too, so not in roles.txt ("Baker" alone is a person): one opens a person's name only
# when two more words, a given name and a surname, follow it ("Baker Marisol Quint", "Potter Ines Rudd")
_TRADE_SURNAMES = frozenset("""baker potter gardener shepherd farmer butcher weaver carpenter thatcher miller glazier
    plumber builder joiner brewer saddler cobbler fisherman blacksmith stonemason""".split())


# the ends of a compound job word no list holds ("Harbourmaster", "Lockkeeper", "Lengthsman")
_JOB_ENDS = ("master", "mistress", "keeper", "warden", "wright", "monger", "sman", "swoman")


def _job_compound(word: str) -> bool:
    """Is this lower-cased word a job made of a noun and a job's ending ("harbourmaster", "lockkeeper")? A person's
    name never opens with one in NER train (0 of its names); the ending needs a noun of 4 letters at least before it."""
    return word.isalpha() and any(word.endswith(end) and len(word) >= len(end) + 4 for end in _JOB_ENDS) \
        and on("job-word-opens-person")


def _lower_particle_name(text: str, s: int, e: int, lab: str) -> tuple[int, str]:
    """A one-word person after "<First> van", "<First> de la" ..., or a person "van Dalen" right after "<First>":
    the first name and particles belong to it (a capitalised word that is no function word and that news does
    not mostly write in lower case)."""
    if lab != PERSON or not on("surname-particle"):
        return s, lab
    particles = quote_words().surname_particles
    if " " in text[s:e]:  # "van Dalen" tagged alone, its first name left out: "Joost" + "van Dalen"
        words = text[s:e].split()
        if len(words) > 3 or not words[-1][:1].isupper() or not all(p in particles for p in words[:-1]):
            return s, lab
        m = _NAME_BEFORE.search(text, max(0, s - 40), s)
    else:
        m = _LOWER_PARTICLE_BEFORE.search(text, max(0, s - 60), s)
        if not m or not all(p in particles for p in m.group(2).split()):
            return _particles_named_before(text, s, e, particles), lab
    if not m:
        return s, lab
    from .clusters import more_often_lower

    first = m.group(1)
    if first.lower() in lexicon().stop_words or (first.lower() not in lexicon().first_names and more_often_lower(first)):
        return s, lab
    return m.start(1), lab


def _particles_named_before(text: str, s: int, e: int, particles) -> int:
    """Start of "van Houten" when the tagger found "Houten" after lower-case particles that the article also writes
    inside a longer name before it ("Marieke van Houten ... but van Houten did not"; session 15), else `s`."""
    for pattern in _PARTICLES_BEFORE:  # "de la Cruz" before "la Cruz"
        m = pattern.search(text, max(0, s - 20), s)
        if not m or not all(p in particles for p in m.group(1).split()):
            continue
        said = re.compile(r"[A-Z][^\W\d_]+\s+" + re.escape(" ".join(m.group(1).split())) + r"\s+"
                          + re.escape(text[s:e]) + r"(?![\w'’-])")
        if said.search(text, 0, m.start(1)):
            return m.start(1)
    return s


_PARTICLES_BEFORE = (re.compile(r"(?<![\w'’-])((?:[a-z]+\s+){2})$"), re.compile(r"(?<![\w'’-])([a-z]+\s+)$"))
_LOWER_PARTICLE_BEFORE = re.compile(r"([A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*)\s+((?:[a-z]+\s+){1,2})$")
_NAME_BEFORE = re.compile(r"([A-Z][^\W\d_]+(?:[-'’][^\W\d_]+)*)\s+$")
_IRISH = frozenset("Ó Ní Nic Uí Ua".split())  # particles only Irish surnames have: the name is a person
_PARTICLE_BEFORE = re.compile(r"([A-ZÁÉÍÓÚ][\w'’-]+)\s+(Ó|Ní|Nic|Uí|Ua)\s+$")


def particle_name(text: str, s: int, e: int, lab: str) -> tuple[int, str]:
    """Join a first name and an Irish particle to the surname after them ("Seán Ó" + "Briain"), or a first
    name and lower-case particles to a person's surname ("Marieke van" + "Houten")."""
    s, lab = _lower_particle_name(text, s, e, lab)
    if not on("irish-particle"):
        return s, lab
    words = text[s:e].split()
    if lab != PERSON and len(words) == 3 and words[1] in _IRISH and words[0][:1].isupper() and words[2][:1].isupper():
        return s, PERSON  # "Áine Ní Bhriain" read as one name of another kind
    if len(words) != 1:
        return s, lab
    m = _PARTICLE_BEFORE.search(text, max(0, s - 40), s)
    if m and not sentence_initial(text, m.start(2)):
        return m.start(1), PERSON
    return s, lab
