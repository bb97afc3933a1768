"""Where a name starts.

A capitalised common word at a sentence start ("Samples are packed...", "Crucially, ...", “Tonight it
decided...”) is not a name; a role word glued to the front of a person ("Soprano Ana Kosmač", "Vice
Admiral Rajiv Menon") is cut off, as the titles are in news annotation, and one inside an organisation
span ("Boxing Association President Ramon Manzanares") splits it; a particle and a first name before a
surname join it ("Marieke van Houten").
"""

from __future__ import annotations

import re

from ..types import PERSON
from ..lexicon import lexicon

# --- sentence-initial common words -------------------------------------------------------------------

_PICTURES = frozenset("image images photo photos picture pictures video videos footage".split())
_TIME_WORDS = frozenset({"tonight", "noon", "midnight"})
_SENTENCE_OPENERS = frozenset(".!?:;\"“”‘’([—–-…")


def sentence_initial(text: str, s: int) -> bool:
    """Does offset s open a sentence or a line (quotation marks before it aside)?"""
    i = s
    while i > 0 and text[i - 1] in " \t\u00a0\"“‘'":
        i -= 1
    return i == 0 or text[i - 1] == "\n" or (text[i - 1] in _SENTENCE_OPENERS and i < s or text[i - 1] in ".!?")


_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def lower_words(text: str) -> set[str]:
    """Every word the text writes in lower case: the `low` set the rules here take."""
    return {w for w in _WORDS.findall(text) if w[:1].islower()}


def common_word(text: str, s: int, e: int, low: set[str]) -> bool:
    """Is a one-word span at a sentence start a capitalised common word rather than a name?"""
    word = text[s:e]
    if not word.isalpha() or word.isupper() or " " in word:
        return False
    lw = word.lower()
    if lw in lexicon().first_names:
        return False
    if lw in _PICTURES:
        return True  # "Images of the boy ...", "Photos released ..."
    if lw in lexicon().time_words or lw in _TIME_WORDS:
        return True  # “Tonight it decided ...”: the date and time rules take it
    if lw in low or _singular(lw) & low:
        return True  # "Samples are packed..." when the text also says "blood samples"
    if lw.endswith("ly") and text[e:e + 1] == ",":
        return True  # "Crucially, passengers ..."
    if text[e:e + 1] in ".!" and re.match(r"[.!][\"”’]? +[\"“]?[A-Z]", text[e:e + 5]) and word_counts(text)[word] == 1:
        return True  # “This is a national project. Fine. But ...”: a one-word sentence said once
    if lw.endswith(("ines", "ers", "ors", "ions", "ments", "ists", "ives", "ates", "oes")) \
            and re.match(r" (?:and|or|are|were|have|had|can|could|will|would|may|also) ", text[e:e + 8]) \
            and word_counts(text)[word] == 1:
        return True  # "Submarines and armed vessels are excluded": a plural noun opening the sentence
    if len(lw) >= 5 and lw.endswith("s") and not lw.endswith(("ss", "us", "is")) and lw not in lexicon().first_names \
            and re.match(r" (?:of|in|have|are|were) [a-z]", text[e:e + 10]) and word_counts(text)[word] == 1:
        return True  # "Lawsuits have been filed", "Names of participants": plural nouns, said once
    return lw in lexicon().stop_words


_count_cache: list = [None, None]  # (text, Counter) of the last text: one count pass per article


def word_counts(text: str):
    """How often each word occurs in `text` (computed once per text, only when a rule needs it)."""
    from collections import Counter

    cached_text, counts = _count_cache
    if cached_text is not text:
        counts = Counter(_WORDS.findall(text))
        _count_cache[:] = [text, counts]  # a race between threads only costs a recount
    return counts


def _singular(lw: str) -> set[str]:
    out = set()
    if lw.endswith("s") and len(lw) > 3:
        out.add(lw[:-1])
        if lw.endswith("es"):
            out.add(lw[:-2])
        if lw.endswith("ies"):
            out.add(lw[:-3] + "y")
    return out


# --- roles in front of a person ------------------------------------------------------------------------


_INNER_ROLES = frozenset("president chairman chairwoman chief coach manager spokesman spokeswoman director "
                         "secretary minister leader captain".split())


def role_inside(name: str) -> tuple[int, int] | None:
    """(start, end) of a role word inside an organisation span when a two-word name follows it, else None.

    Only the third word from the end can be that role (a two-word name must follow it), so this is
    linear in the span's length however long a run of capitalised words the tagger joined.
    """
    tail = list(re.finditer(r"\S+", name[-200:] if len(name) > 200 else name))[-4:]
    if len(tail) < 4:
        return None
    role, rest = tail[-3], [w.group() for w in tail[-2:]]
    if role.group().lower() in _INNER_ROLES and all(w[:1].isupper() and w.isalpha() and not w.isupper() for w in rest):
        off = len(name) - 200 if len(name) > 200 else 0
        return role.start() + off, role.end() + off
    return None


# Titles that are never a first name, so a bare surname after them is the whole person.
_HONORIFIC_ONLY = frozenset("ambassador president senator governor minister chancellor premier mayor "
                            "judge bishop cardinal sheikh".split())


def trim_roles(text: str, s: int, e: int, low: set[str]) -> int:
    """Start of the person's name once leading role words are cut ("Substitute Kurt Azzopardi")."""
    roles = lexicon().roles
    first = lexicon().first_names
    while True:
        m = re.match(r"\S+", text[s:e])
        rest = text[s + m.end():e].lstrip()
        w = m.group().lower().rstrip(".")
        if " " not in rest and rest[:1].isupper() and w in _HONORIFIC_ONLY and rest.isalpha():
            return e - len(rest)  # "Ambassador Mohib": a title, then the surname alone
        if " " not in rest or not rest[:1].isupper():
            return s  # keep a full name of two words at least: "Dean Jones" may be a name, not a role
        if w in first or not (w in roles or (w in low and sentence_initial(text, s))):
            return s
        s = e - len(rest)


def titled_person(text: str, s: int, e: int) -> bool:
    """A role word then two or three plain capitalised words: a person the tagger took for an organisation."""
    words = text[s:e].split()
    if len(words) < 3 or words[0].lower().rstrip(".") not in lexicon().roles:
        return False
    rest = words[1:]
    while rest and rest[0].lower().rstrip(".") in lexicon().roles:
        rest = rest[1:]
    g = lexicon()
    return 2 <= len(rest) <= 3 and all(
        w[:1].isupper() and w.isalpha() and not w.isupper()
        and w.lower() not in g.org_words and w.lower() not in lexicon().place_words for w in rest)


_ROLE_BEFORE = re.compile(r"\b([a-z][a-z-]+) $")


def after_role(text: str, s: int, e: int) -> bool:
    """Two plain capitalised words right after a lower-case role word: "the critic Mila Hren"."""
    m = _ROLE_BEFORE.search(text, max(0, s - 30), s)
    words = text[s:e].split()
    if not m or m.group(1) not in lexicon().roles or len(words) != 2:
        return False
    g = lexicon()
    return " ".join(words).lower() not in lexicon().place_names and all(
        w[:1].isupper() and w.isalpha() and not w.isupper() and w.lower() not in g.org_words for w in words)


_PARTICLE_BEFORE = re.compile(r"([A-Z][\w'’-]+)\s+(van|von|de|der|den|del|della|di|da|du|le|la|bin|ibn|al|ten|ter)\s+$")


def particle_name(text: str, s: int, e: int, lab: str) -> tuple[int, str]:
    """Extend a person's surname left over a particle and a first name ("Marieke van" + "Houten")."""
    if lab != PERSON:
        return s, lab
    m = _PARTICLE_BEFORE.search(text, max(0, s - 40), s)
    if m and not sentence_initial(text, m.start(2)) and m.group(1).lower() not in lexicon().stop_words:
        return m.start(1), lab
    return s, lab
