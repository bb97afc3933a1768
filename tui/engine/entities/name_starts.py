"""Where a name starts and ends inside what the tagger marked.

Role words glued to the front of a person are cut off ("Soprano Ana Kosmač"); a role word inside an
organisation span ("Boxing Association President Ramon Vell") splits it into the
body and the person; an Irish surname particle joins the first name before it to the surname ("Seán Ó
Briain", "Áine Ní Bhriain"). `sentence_initial` and `word_counts` are shared helpers.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ..lexicon import entity_words, lexicon, quote_words
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


_INNER_ROLES = entity_words().inner_roles


@lru_cache(maxsize=8192)
def _role_inside_cached(name: str) -> tuple[int, int] | None:
    return _role_inside(name)


def role_inside(name: str) -> tuple[int, int] | None:
    """(start, end) of a role word inside an organisation span when a two-word name follows it, else None.

    Only the third word from the end can be that role (a two-word name must follow it), so this is
    linear in the span's length however long a run of capitalised words the tagger joined.
    """
    return _role_inside_cached(name) if len(name) <= 200 else _role_inside(name)  # the same for every mention


def _role_inside(name: str) -> tuple[int, int] | None:
    off = max(0, len(name) - 200)
    tail = list(re.finditer(r"\S+", name[off:]))[-4:]
    if len(tail) < 4:
        return None
    role, rest = tail[-3], [w.group() for w in tail[-2:]]
    if role.group().lower() in _INNER_ROLES and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in rest):
        return role.start() + off, role.end() + off
    return None


def role_opens_person(text: str, s: int, e: int) -> int | None:
    """Start of the person in an 'organisation' that is a role word opening a sentence and a two-word name
    ("Substitute Kurt Azzopardi came on ..."): the role is capitalised only because it opens the sentence."""
    words = text[s:e].split()
    if len(words) != 3 or not sentence_initial(text, s):
        return None
    role, rest = words[0].lower(), words[1:]
    lex = lexicon()
    if role not in lex.roles or role in lex.first_names or rest[-1].lower() in lex.org_words:
        return None
    if not all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in rest):
        return None
    return e - len(" ".join(rest)) if text[s:e].endswith(" ".join(rest)) else None


_TWO_NAMES_AFTER = re.compile(r" ([A-Z][a-z]+ [A-Z][a-z]+)\b(?! [A-Z])")


def role_before_name(text: str, s: int, e: int, nxt: tuple[int, int, str] | None) -> tuple[int, int] | None:
    """The person after a lone role word opening a sentence that the tagger called an organisation and a two-word
    name left untagged, or whose surname alone it called a person ("Reporter Jan Holt wrote ...": the name's first
    word read as a month); `nxt` is the tagger's next span. None when not so."""
    word = text[s:e]
    lex = lexicon()
    if " " in word or not word.isalpha() or word.isupper() or word.lower() not in lex.roles \
            or word.lower() in lex.first_names or not sentence_initial(text, s):
        return None
    m = _TWO_NAMES_AFTER.match(text, e)
    if not m or m.group(1).rsplit(None, 1)[-1].lower() in lex.org_words:
        return None
    surname = m.end(1) - len(m.group(1).rsplit(None, 1)[-1])
    if nxt is not None and nxt[0] < m.end() and nxt[:3] != (surname, m.end(1), PERSON):
        return None  # the tagger put another name there (only the surname tagged a person joins the first name)
    return m.start(1), m.end(1)


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
    m = re.match(r"([A-Z][a-z]+) +(?=[A-Z])", text[s:e])
    if not m or m.group(1).lower() not in _opening_speech_verbs() or m.group(1).lower() in lexicon().first_names \
            or not sentence_initial(text, s):
        return None
    return s + m.end()


# Titles that are never a first name, so a bare surname after them is the whole person.
_HONORIFIC_ONLY = entity_words().honorific_only


def trim_roles(text: str, s: int, e: int) -> int:
    """Start of the person's name once leading role words are cut ("Cellist Ines Madrona Varga")."""
    roles, first = lexicon().roles, lexicon().first_names
    while True:
        m = re.match(r"\S+", text[s:e])
        rest = text[s + m.end():e].lstrip()
        w = m.group().lower().rstrip(".")
        if " " not in rest and rest[:1].isupper() and w in _HONORIFIC_ONLY and rest.isalpha():
            return e - len(rest)  # "Ambassador Ferrer": a title, then the surname alone
        if " " not in rest or not rest[:1].isupper():
            return s  # keep a full name of two words at least: "Dean Holt" may be a name, not a role
        if w in first or w not in roles:
            return s
        s = e - len(rest)


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
            return s, lab
    if not m:
        return s, lab
    from .clusters import more_often_lower

    first = m.group(1)
    if first.lower() in lexicon().stop_words or (first.lower() not in lexicon().first_names and more_often_lower(first)):
        return s, lab
    return m.start(1), lab


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
