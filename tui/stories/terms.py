"""Salient terms of an article for grouping, and a shingle sketch for near-duplicates.

Both are cheap (one regular-expression pass over the title and the lead, no tagger): they run for
every article as it is imported. Terms are lower-cased words weighted by tf x idf, where the idf comes
from a background table (`assets/models/story_idf.txt.gz`, rebuilt by `bench/build_story_idf.py` from
the unlabelled corpus) so that a term weighs the same whatever the library holds. A capitalised word
(a name, mostly) counts more: names tell events apart better than common words.
"""

from __future__ import annotations

import gzip
import math
import re
import zlib
from collections import _count_elements
from functools import lru_cache
from itertools import repeat
from operator import itemgetter, mul, truediv

from tui.assets import asset

LEAD_CHARS = 6_000  # about the first 1,000 words: enough to know what an article is about
TOP_TERMS = 150
FEATURE_TERMS = 2 * TOP_TERMS  # kept per article (grouping.features_of): a batch's own idf counts them all
NAME_BONUS = 1.0
TITLE_BONUS = 2  # a whole number: counts stay int (terms looks their 1 + log up in _LOG_TF)
SKETCH_SIZE = 64
SHINGLE = 5
SKETCH_WORDS = 200  # wire copies differ at the end (sign-offs, footers), not in their first 200 words
_SKETCH_CHARS = 4_000  # read this much to find them (more only when these hold fewer than SKETCH_WORDS + 1)

# A dateline ("MUNICH, Germany (AP) —", "LONDON -") names the wire, not the event.
_DATELINE = re.compile(r"^\s*[A-Z][A-Za-z.'’ ,/-]{0,60}?\((?:[A-Za-z .]{1,25})\)\s*[-–—:]*\s*|^\s*[A-Z][A-Z.'’ -]{2,30}"
                       r"(?:,\s*[A-Z][A-Za-z.'’ ]{1,30}){0,2}\s*[-–—]{1,2}\s+")


@lru_cache(maxsize=1)
def idf_table() -> tuple[dict[str, float], float]:
    """Word -> idf from the background corpus, and the idf of an unseen word."""
    path = asset("models", "story_idf.txt.gz")
    with gzip.open(path, "rt", encoding="utf-8") as f:
        total = int(f.readline())
        table = {}
        for line in f:
            word, df = line.split()
            table[word] = math.log((total + 1) / (int(df) + 1))
    return table, math.log(total + 1)


@lru_cache(maxsize=1)
def _weights() -> tuple[dict[str, float | None], float]:
    """Word -> idf with every stop word mapped to None (one dict look-up per word decides both)."""
    table, unseen = idf_table()
    out: dict[str, float | None] = dict(table)
    out.update(dict.fromkeys(_stops()))
    return out, unseen


_LOG_TF = [0.0] + [1.0 + math.log(n) for n in range(1, 256)]  # sublinear tf of the usual counts


@lru_cache(maxsize=1)
def _stops() -> frozenset[str]:
    from tui.engine.tokens import stop_words

    return stop_words() | frozenset(_REPORTING.split())


# Words of reporting and calendar that every article has, whatever the event.
_REPORTING = """said says told reported according spokesman spokeswoman officials official monday tuesday wednesday
thursday friday saturday sunday today yesterday week weeks month months january february march april may june july
august september october november december percent people time news associated press reuters afp ap upi nyt wire service"""


def terms(title: str, body: str, top: int = TOP_TERMS) -> dict[str, float]:
    """The article's `top` salient terms, weights L2-normalised (cosine = dot product).

    One lower-casing and one tokenising pass in C per text (this runs for every import); the counts, weights and
    order made by C calls (map, zip, a stable sort) rather than a loop per word.
    """
    idf, unseen = _weights()
    tf: dict[str, int] = {}
    _count_elements(tf, _words(_DATELINE.sub("", body[:LEAD_CHARS], count=1)))
    for w in _words(_DATELINE.sub("", title or "", count=1)):
        tf[w] = tf.get(w, 0) + TITLE_BONUS
    for w in _DROPPED().intersection(tf):  # stop words and single letters (what is left of "Laden's")
        del tf[w]
    counts = list(tf.values())
    if counts and max(counts) < len(_LOG_TF):
        tfs = map(_LOG_TF.__getitem__, counts)  # 1 + log(n), n whole (TITLE_BONUS is a whole number)
    else:
        tfs = [_LOG_TF[n] if n < len(_LOG_TF) else 1.0 + math.log(n) for n in counts]
    weights = list(zip(tf, map(mul, tfs, map(idf.get, tf, repeat(unseen)))))
    # the `top` strongest, ties in order (heapq.nlargest's answer: a stable sort is its documented equivalent)
    weights.sort(key=itemgetter(1), reverse=True)
    del weights[top:]
    values = list(map(itemgetter(1), weights))
    norm = math.sqrt(sum(map(mul, values, values))) or 1.0
    return dict(zip(map(itemgetter(0), weights), map(truediv, values, repeat(norm))))


# Letters and hyphens stay, every other byte of the ASCII-encoded lower-cased text becomes a space.
_KEEP = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz-" else 32 for c in range(256))
_SHORT = frozenset("abcdefghijklmnopqrstuvwxyz")  # what is left of a run that is too short


def words_of(text: str) -> list[str]:
    """Lower-case words of two letters or more (apostrophes split: "Laden's" -> "laden", "s" dropped): the matches
    of [a-z][a-z-]*[a-z] in the lower-cased text, found by C string methods (no regular expression: ~40 % fewer instructions).

    A word is a run of letters and hyphens with the hyphens at its ends taken off, if two letters or more are left
    (what the pattern matches in each such run)."""
    words = _words(text)
    if _SHORT.isdisjoint(words):
        return words
    return [w for w in words if len(w) > 1]


# Letters, lower-cased, and hyphens stay; every other byte of the ASCII-encoded text becomes a space.
_LOWER_KEEP = bytes(_KEEP[c | 32] if 65 <= c <= 90 else _KEEP[c] for c in range(256))


def _words(text: str) -> list[str]:
    """`words_of` with the one-letter words left in. The text is lower-cased by the same table that keeps the
    letters (an ASCII letter's lower case is the ASCII one; every other character becomes a space either way),
    except where a character outside ASCII has an ASCII lower case (KELVIN SIGN -> k, I WITH DOT ABOVE -> i + a
    dot): then str.lower() first."""
    if "\u212a" in text or "\u0130" in text:
        text = text.lower()
    s = text.encode("ascii", "replace").translate(_LOWER_KEEP).decode("ascii")
    if "-" in s:  # hyphens that start or end a run go (repeatedly, for "--" and longer)
        s = f" {s} "
        while " -" in s:
            s = s.replace(" -", " ")
        while "- " in s:
            s = s.replace("- ", " ")
    return s.split()


@lru_cache(maxsize=1)
def _DROPPED() -> frozenset[str]:
    """What `terms` never keeps: the stop words and the one-letter words."""
    return _stops() | _SHORT


def sketch(body: str, size: int = SKETCH_SIZE) -> list[int]:
    """Bottom-k sketch of the 5-word shingles of the body's first SKETCH_WORDS words (CRC32, stable
    across processes unlike hash()): two texts are compared in O(k) without reading them again."""
    # the first SKETCH_WORDS words, and the rest in one; lower-cased after the split, only the words kept (lower()
    # maps no character to or from white space: the same words as splitting the lower-cased text)
    words = body[:_SKETCH_CHARS].split(None, SKETCH_WORDS)
    if len(words) <= SKETCH_WORDS and len(body) > _SKETCH_CHARS:  # long words: the prefix was too short
        words = body.split(None, SKETCH_WORDS)
    joined = " ".join(words[:SKETCH_WORDS]).lower()
    words = joined.split(" ") if joined else []
    if len(words) <= SHINGLE:
        return [zlib.crc32(joined.encode("utf-8", "surrogatepass"))] if words else []
    # the CRC of each shingle's UTF-8 text, sliced from one joined buffer: word i starts after the i-th space (the
    # spaces found in numpy: a split of the bytes made an object per word)
    import numpy as np

    text = joined.encode("utf-8", "surrogatepass")
    starts = [0, *(np.flatnonzero(np.frombuffer(text, dtype=np.uint8) == 32) + 1).tolist(), len(text) + 1]
    crc = zlib.crc32
    hashes = {crc(text[starts[i]:starts[i + SHINGLE] - 1]) for i in range(len(words) - SHINGLE + 1)}
    # the `size` smallest, ascending (sorted(hashes)[:size], sorted in numpy; CRC32s fit an int64)
    return np.sort(np.fromiter(hashes, dtype=np.int64, count=len(hashes)))[:size].tolist()


def resemblance(a: list[int], b: list[int], size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard overlap of two texts' shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:size]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)
