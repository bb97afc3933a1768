"""The words of an attribution window and what each one is.

Tokens with their offsets (`Tok`, `TokenIndex`), the `Mention` a speaker rule returns, and the tests
every rule asks of a token: capitalised, a pronoun, the end of a sentence, part of a capitalised name
run, a speech verb used as a verb.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from .cues import BASE_FORMS, BASE_LEAD, NOT_CUE_AFTER, NOUN_LEAD, PRONOUNS, SPEECH_VERBS, TITLE_ABBREV
from .. import rules
from .names import MONTH_ABBREVS, NOT_NAME, months_named
from ..lexicon import quote_words

_TOKEN = re.compile(r"\w[\w'’\-.&]*\w|\w|[^\w\s]")
ARTICLES = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "this", "these", "those"}  # "the report"
_DOTTED = re.compile(r"[A-Z](?:\.[A-Z])+|[DRI]-[A-Z][a-z]*")  # "U.S", "G.K", and "D-Mo" / "R-Ky" party labels
QUOTE_CHARS = set("\"“”«»„")


@dataclass(frozen=True)
class Mention:
    """A speaker mention found in the text: what kind it is and where."""

    start: int
    end: int
    text: str
    kind: str  # "name", "pronoun" or "nominal"


class Tok:
    """One token with its absolute offsets; `low` is precomputed because every rule reads it."""

    __slots__ = ("text", "start", "end", "low")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.start, self.end, self.low = text, start, end, text.lower()

    def __repr__(self) -> str:
        return f"Tok({self.text!r}, {self.start})"


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Tokens of text[start:end] with absolute offsets. A trailing dot is split off unless it is an initial."""
    out: list[Tok] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e, w = m.start(), m.end(), m.group()
        if w.endswith(".") and len(w) > 1:
            out.append(Tok(w[:-1], s, e - 1))
            out.append(Tok(".", e - 1, e))
        else:
            out.append(Tok(w, s, e))
    return out


class TokenIndex:
    """The whole text tokenized once; windows are cheap slices (keeps many-quote texts linear)."""

    def __init__(self, text: str) -> None:
        self.toks = tokenize(text, 0, len(text))
        self.starts = [t.start for t in self.toks]

    def window(self, start: int, end: int) -> list[Tok]:
        """Tokens lying wholly inside [start, end)."""
        i = bisect.bisect_left(self.starts, start)
        j = bisect.bisect_left(self.starts, end, i)
        while j > i and self.toks[j - 1].end > end:
            j -= 1
        return self.toks[i:j]


def ends_sentence(toks: list[Tok], i: int) -> bool:
    """Is token i a full stop / ? / ! that ends a sentence (not the dot of "Mr." or "J.")?"""
    t = toks[i].text
    if i + 1 < len(toks) and (toks[i + 1].text in ",;)" or toks[i + 1].text[:1].islower()):
        return False  # "R-Vt., said", "Sept. 11 ... etc. and"
    if t in ("?", "!"):
        return True
    if t != ".":
        return False
    if i == 0:
        return True
    prev = toks[i - 1]
    if prev.end != toks[i].start:
        return True
    return not abbrev(prev)


def is_cap(t: Tok) -> bool:
    """Does the token start with a capital letter?"""
    return t.text[:1].isupper()


def is_word(t: Tok) -> bool:
    """Does the token start with a letter or digit (not punctuation)?"""
    return t.text[:1].isalnum()


def abbrev_dot(toks: list[Tok], k: int) -> bool:
    """Is token k the dot of "Gov." / "J." (part of a name, not a sentence end)?"""
    return toks[k].text == "." and k > 0 and toks[k - 1].end == toks[k].start and abbrev(toks[k - 1])


def abbrev(t: Tok) -> bool:
    """A token whose following dot belongs to it: a title, an initial, "G.K"."""
    return t.low in TITLE_ABBREV or (len(t.text) == 1 and t.text.isupper()) or bool(_DOTTED.fullmatch(t.text))


def _shouting(toks: list[Tok], i: int, j: int) -> bool:
    """An all-capitals run of several words ("CONGRESS HAS INVESTIGATED HIM") is a heading, not a name."""
    words = [t.text for t in toks[i : j + 1] if is_word(t)]
    return len(words) >= 2 and all(len(w) > 1 and w.isupper() for w in words)


def no_name(toks: list[Tok], k: int) -> bool:
    """Is token k a word that is no part of a name: one of NOT_NAME, or a month's short form with a dot or a number
    after it ("Jun. 5", "Jun 5"; without, "columnist Ai Jun wrote", it may be a name)?"""
    low = toks[k].low
    if low in NOT_NAME:
        return True
    if low not in MONTH_ABBREVS:
        return False
    if not months_named():
        return True  # rule "month-short-form-may-be-a-name" off: a short form is never a name
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and (nxt.text == "." and nxt.start == toks[k].end or nxt.text[:1].isdigit())


def name_left(toks: list[Tok], j: int) -> tuple[int, int] | None:
    """The capitalised run that ends at token j (inclusive), as token indexes, or None."""
    if j < 0 or not is_cap(toks[j]) or no_name(toks, j) or pronoun(toks[j]):
        return None
    i = j
    while i - 1 >= 0:
        p = toks[i - 1]
        if is_cap(p) and not no_name(toks, i - 1):
            i -= 1
        elif p.text == "." and i - 2 >= 0 and abbrev(toks[i - 2]):
            i -= 2 if is_cap(toks[i - 2]) else 1
        elif p.low in ("de", "van", "von", "bin", "al", "da", "del") and i - 2 >= 0 and is_cap(toks[i - 2]):
            i -= 1
        else:
            break
    return None if _shouting(toks, i, j) else (i, j)


def name_right(toks: list[Tok], i: int) -> tuple[int, int] | None:
    """The capitalised run that starts at token i, as token indexes (inclusive), or None."""
    if i >= len(toks) or not is_cap(toks[i]) or no_name(toks, i) or pronoun(toks[i]):
        return None
    j = i
    while j + 1 < len(toks):
        n = toks[j + 1]
        if n.text == "." and abbrev(toks[j]):
            j += 1
        elif is_cap(n) and (not no_name(toks, j + 1) or len(n.text) == 1 and j + 2 < len(toks) and toks[j + 2].text == "."):
            j += 1
        else:
            break
    while j > i and toks[j].text == ".":
        j -= 1
    return None if _shouting(toks, i, j) else (i, j)


def mention(text: str, toks: list[Tok], i: int, j: int, kind: str) -> Mention:
    """The mention covering tokens i to j (inclusive). A lone nationality word after "the" ("said the
    American", "the Germans said") is a description with its article, not a person's name (rule
    "the-nationality-is-a-description")."""
    if kind == "name" and i == j and i > 0 and toks[i - 1].low == "the" and _nationality(toks[i].low) \
            and rules.enabled("the-nationality-is-a-description"):
        i, kind = i - 1, "nominal"
    s, e = toks[i].start, toks[j].end
    return Mention(s, e, text[s:e], kind)


def _nationality(low: str) -> bool:
    """Is the word a nationality or a people ("american", "germans"; lexicon demonyms and peoples)?"""
    from ..lexicon import lexicon
    return low in lexicon().peoples


def pronoun(t: Tok) -> str | None:
    """'he', or 'he' of "He’s" / "she'd"; None for other tokens."""
    low = t.low.replace("’", "'")
    base = low.split("'")[0]
    return base if base in PRONOUNS else None


def possessive(t: Tok) -> bool:
    """Does the token end in 's ("Acme's")?"""
    return t.low.endswith(("'s", "’s"))


# verbs that report a retort when "back" follows them: "Holt shot back:", "Lind fired back, ..."
_BACK_VERBS = quote_words().back_verbs


def _answers_back(toks: list[Tok], i: int) -> bool:
    """Is token i (one of lexicon.back_verbs) a retort's verb: "back" after it, a subject before it ("Holt shot
    back:", not "a hit back" or "Lind's shot back")?"""
    return 0 < i < len(toks) - 1 and toks[i + 1].low == "back" and not is_cap(toks[i]) \
        and not (toks[i - 1].low in ARTICLES or possessive(toks[i - 1])) and rules.enabled("answer-back-verb")


def is_verb(toks: list[Tok], i: int) -> bool:
    """Is token i a speech verb used as a verb (not "the report", "his claims", "the state")?"""
    t = toks[i]
    low = t.low
    if low not in SPEECH_VERBS:
        return low in _BACK_VERBS and _answers_back(toks, i)
    if is_cap(t) and i > 0 and not ends_sentence(toks, i - 1):
        return False
    nxt = toks[i + 1].low if i + 1 < len(toks) else ""
    if nxt in NOT_CUE_AFTER:
        return False
    if low == "put" and nxt == "it":
        return True  # "as Smith put it", "as one aide put it"
    if low == "read" and i > 0 and nxt in ("", ".", ",", ";") and toks[i - 1].text[:1].islower() \
            and toks[i - 1].low not in BASE_LEAD and not pronoun(toks[i - 1]):
        return True  # '“...,” the statement read.': past tense closing a tag
    prev = toks[i - 1] if i > 0 else None
    if prev is None:  # right after a closing mark: '” said Smith', '” recalled Smith'
        return low not in BASE_FORMS
    p = prev.low
    if pronoun(prev):
        return True  # "he said", "He’s claiming"
    if p in ARTICLES or p.endswith(("'s", "’s")) and low not in ("said", "says"):
        return False
    if low in BASE_FORMS and low not in ("said",):
        return p in BASE_LEAD
    if low.endswith("s") and (low[:-1] in BASE_FORMS or low[:-2] in BASE_FORMS) and p in NOUN_LEAD:
        return False
    return True


# nouns that end like adverbs: "Lind's family has called", "the rally organisers said"
_LY_NOUNS = quote_words().ly_nouns


def adverb(t: Tok) -> bool:
    """A lower-case -ly word that can sit between a subject and its verb ("Lind repeatedly said")."""
    return t.low.endswith("ly") and not is_cap(t) and t.low not in _LY_NOUNS


def according_to(toks: list[Tok], i: int) -> bool:
    """Is token i the "according" of "according to"?"""
    return toks[i].low == "according" and i + 1 < len(toks) and toks[i + 1].low == "to"


def find_verbs(toks: list[Tok]) -> list[int]:
    """Indexes of speech verbs (and of "according" in "according to")."""
    return [i for i in range(len(toks)) if according_to(toks, i) or is_verb(toks, i)]
