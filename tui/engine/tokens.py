"""Word tokens with character spans, stemming and English stop words.

Data-free on purpose: a regular expression instead of ``nltk.word_tokenize`` (which needs
the punkt_tab download), NLTK's Snowball stemmer (pure code) and sumy's bundled stop-word
list. Shared by the sentence splitter, the summarisers and the other engine passes.
"""

from __future__ import annotations

import importlib.util
import re
import string
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# A word is a run of letters/digits, optionally joined by an inner apostrophe, hyphen or
# period ("don't", "well-known", "U.S", "3.5"). Apostrophes may be straight or curly.
WORD_RE = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*", re.UNICODE)
_HAS_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def lower(self) -> str:
        return self.text.lower()


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Word tokens of ``text`` (punctuation dropped), spans shifted by ``offset``."""
    return [Token(m.start() + offset, m.end() + offset, m.group()) for m in WORD_RE.finditer(text)]


# Characters that are never part of a word (no letter or digit among them): `words` strips them off the ends of a
# run of non-space characters that is not all letters and digits.
_EDGES = string.punctuation + "“”‘’«»‹›„‚—–…•·¡¿"


def words(text: str) -> list[str]:
    """The words of ``text`` as plain strings, in order (no spans): `WORD_RE.findall(text)`, found faster.

    No word holds a space, so the words of the text are those of its runs of non-space characters in turn. A run
    of letters and digits only is one word; a run stripped of punctuation at both ends has the words it had (a word
    starts and ends with a letter or digit). Only the runs still holding another character ("U.S", "don't", "3.5")
    go through the pattern: ~35% fewer instructions than one `findall`, which allocates memory for every match
    (tests/engine/test_summarize_speed.py compares the two)."""
    runs = text.split()
    if all(map(str.isalnum, runs)):
        return runs
    out: list[str] = []
    append = out.append
    for run in runs:
        if run.isalnum():
            append(run)
            continue
        run = run.strip(_EDGES)
        if run.isalnum():
            append(run)
        elif run:
            out += WORD_RE.findall(run)
    return out


_NONZERO_DIGIT = re.compile("[1-9]")


def digit_key(text: str) -> str:
    """`text` with each ASCII digit 1-9 written 0 (the text itself when it has none): the same length, every character
    where it was. Texts that differ only in their digits share it. A computation that reads a digit only as a digit
    (`\\d`, `\\w`, `\\b`, `[^\\W_]`, str.isalnum / isdecimal / isdigit / isspace / split / lower, which treat 0-9 alike),
    never its value, gives the same answer on a text and on its key: the sentence splitter and the summary keep
    such answers per key (a page of numbered quotations has as many distinct lines as lines, but a handful of
    keys)."""
    return _NONZERO_DIGIT.sub("0", text)


def is_word(token: str) -> bool:
    """True when ``token`` contains at least one letter (numbers alone are not words)."""
    return _HAS_LETTER.search(token) is not None


_NLTK_LOCK = threading.Lock()
_nltk_loaded = False


def load_nltk() -> None:
    """Import NLTK (its package and the stemmer and Punkt modules we use) once, one thread at a time.

    Two threads importing NLTK at once (the story view's reader and the warm-up `v` starts, or an
    article's analysis) can be handed a partially initialised module: "ImportError: cannot import name
    'sent_tokenize' from partially initialized module 'nltk.tokenize'". Call this before importing from nltk.
    """
    global _nltk_loaded
    if _nltk_loaded:
        return
    with _NLTK_LOCK:
        if not _nltk_loaded:
            import nltk.stem.snowball  # noqa: F401  (lazy: keep `import tui` light)
            import nltk.tokenize.punkt  # noqa: F401

            _nltk_loaded = True


@lru_cache(maxsize=1)
def _stemmer():
    load_nltk()
    from nltk.stem.snowball import SnowballStemmer  # lazy: keep `import tui` light

    return SnowballStemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Lower-cased Snowball stem of ``word`` (cached: news reuses a small vocabulary)."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    return _stemmer().stem(w)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """English stop words (sumy's bundled list, plus a few news fillers), lower-case."""
    try:
        base = set(_sumy_stop_words())
    except Exception:  # noqa: BLE001 - sumy missing or broken: a small fallback keeps the engine working
        base = set(_FALLBACK_STOP.split())
    return frozenset(base | set(_NEWS_FILLERS.split()))


def _sumy_stop_words() -> frozenset[str]:
    """sumy's English list read from its data file, parsed as sumy.utils.get_stop_words("english") parses it.

    Importing sumy.utils would pull in requests and read pycountry's table of 7,900 languages (to spell
    "english"): about 13 MB of the app's resident memory for a 580-word list."""
    spec = importlib.util.find_spec("sumy")
    folder = Path(next(iter(spec.submodule_search_locations)))
    data = folder.joinpath("data", "stopwords", "english.txt").read_bytes().decode("utf-8")
    return frozenset(w.rstrip() for w in data.splitlines() if w)


# Words so frequent in news that they carry no topic ("said" is in most sentences).
_NEWS_FILLERS = "said says say told also would could one two new year years mr mrs ms just like"
_FALLBACK_STOP = (
    "a about above after again against all am an and any are as at be because been before being below between "
    "both but by can did do does doing down during each few for from further had has have having he her here "
    "hers herself him himself his how i if in into is it its itself me more most my myself no nor not of off on "
    "once only or other our ours ourselves out over own same she should so some such than that the their theirs "
    "them themselves then there these they this those through to too under until up very was we were what when "
    "where which while who whom why will with you your yours yourself yourselves"
)


def content_terms(text: str) -> list[str]:
    """Stems of the non-stop words of ``text`` that contain a letter, in order."""
    low = text.lower()
    if len(low) == len(text) and "Σ" not in text:
        # Every character lowers to one character, none by its context (only Σ does: final sigma), and lowering
        # never moves a character in or out of WORD_RE's letters and digits (tests/engine check every code
        # point): so the words of the lowered text are the lowered words, found in one pass.
        return [t for t in map(_content_term, WORD_RE.findall(low)) if t is not None]
    return content_terms_plain(text)


def content_terms_plain(text: str) -> list[str]:
    """`content_terms` word by word (the reference path, and the path for texts whose lowering is not 1:1)."""
    out = []
    for w in WORD_RE.findall(text):
        term = _content_term(w.lower())
        if term is not None:
            out.append(term)
    return out


def content_term_set(lowered_words: list[str]) -> set[str]:
    """The set of a text's `content_terms`, given its words (`WORD_RE.findall(text)`) lower-cased one by one: the
    words `content_terms_plain` reads."""
    terms = set(map(_content_term, lowered_words))
    terms.discard(None)
    return terms


@lru_cache(maxsize=200_000)
def _content_term(lw: str) -> str | None:
    """The stem of a lower-cased word, or None for a stop word, a single character or a number."""
    if lw in stop_words() or len(lw) < 2 or not _HAS_LETTER.search(lw):
        return None
    return stem(lw)
