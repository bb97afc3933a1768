"""Salient terms of an article for grouping, and a shingle sketch for near-duplicates.

Both are cheap (one regular-expression pass over the title and the lead, no tagger): they run for
every article as it is imported. Terms are lower-cased words weighted by tf x idf, where the idf comes
from a background table (`assets/models/story_idf.txt.gz`, rebuilt by `bench/build_story_idf.py` from
the unlabelled corpus) so that a term weighs the same whatever the library holds. A capitalised word
(a name, mostly) counts more: names tell events apart better than common words.
"""

from __future__ import annotations

import gzip
import heapq
import math
import re
import zlib
from collections import Counter
from functools import lru_cache
from itertools import accumulate
from operator import itemgetter

from tui.assets import asset

LEAD_CHARS = 6_000  # about the first 1,000 words: enough to know what an article is about
TOP_TERMS = 150
FEATURE_TERMS = 2 * TOP_TERMS  # kept per article (grouping.features_of): a batch's own idf counts them all
NAME_BONUS = 1.0
TITLE_BONUS = 2.0
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

    One lower-casing and one tokenising pass in C per text (this runs for every import).
    """
    idf, unseen = _weights()
    tf = Counter(words_of(_DATELINE.sub("", body[:LEAD_CHARS], count=1)))
    for w in words_of(_DATELINE.sub("", title or "", count=1)):
        tf[w] += TITLE_BONUS
    get, logs, weights = idf.get, _LOG_TF, {}
    for t, n in tf.items():
        i = get(t, unseen)
        if i is not None:  # None: a stop word
            weights[t] = (logs[n] if n.__class__ is int and n < 256 else 1.0 + math.log(n)) * i
    best = heapq.nlargest(top, weights.items(), key=itemgetter(1))
    norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
    return {t: v / norm for t, v in best}


# Letters and hyphens stay, every other byte of the ASCII-encoded lower-cased text becomes a space.
_KEEP = bytes(c if chr(c) in "abcdefghijklmnopqrstuvwxyz-" else 32 for c in range(256))
_SHORT = frozenset("abcdefghijklmnopqrstuvwxyz")  # what is left of a run that is too short


def words_of(text: str) -> list[str]:
    """Lower-case words of two letters or more (apostrophes split: "Laden's" -> "laden", "s" dropped): the matches
    of [a-z][a-z-]*[a-z] in the lower-cased text, found by C string methods (no regular expression: ~40 % fewer instructions).

    A word is a run of letters and hyphens with the hyphens at its ends taken off, if two letters or more are left
    (what the pattern matches in each such run)."""
    s = text.lower().encode("ascii", "replace").translate(_KEEP).decode("ascii")
    if "-" in s:  # hyphens that start or end a run go (repeatedly, for "--" and longer)
        s = f" {s} "
        while " -" in s:
            s = s.replace(" -", " ")
        while "- " in s:
            s = s.replace("- ", " ")
    words = s.split()
    if _SHORT.isdisjoint(words):
        return words
    return [w for w in words if len(w) > 1]


def sketch(body: str, size: int = SKETCH_SIZE) -> list[int]:
    """Bottom-k sketch of the 5-word shingles of the body's first SKETCH_WORDS words (CRC32, stable
    across processes unlike hash()): two texts are compared in O(k) without reading them again."""
    words = body[:_SKETCH_CHARS].lower().split(None, SKETCH_WORDS)  # the first SKETCH_WORDS, and the rest in one
    if len(words) <= SKETCH_WORDS and len(body) > _SKETCH_CHARS:  # long words: the prefix was too short
        words = body.lower().split(None, SKETCH_WORDS)
    words = words[:SKETCH_WORDS]
    if len(words) <= SHINGLE:
        return [zlib.crc32(" ".join(words).encode("utf-8", "surrogatepass"))] if words else []
    # the CRC of each shingle's UTF-8 text, sliced from one joined buffer; a word's length in it is its length in
    # characters when the text is ASCII
    joined = " ".join(words)
    text = joined.encode("utf-8", "surrogatepass")
    starts = [0, *accumulate(map((1).__add__, map(len, words if len(text) == len(joined) else text.split(b" "))))]
    crc = zlib.crc32
    hashes = {crc(text[starts[i]:starts[i + SHINGLE] - 1]) for i in range(len(words) - SHINGLE + 1)}
    return sorted(hashes)[:size]


def resemblance(a: list[int], b: list[int], size: int = SKETCH_SIZE) -> float:
    """Estimated Jaccard overlap of two texts' shingle sets from their bottom-k sketches."""
    if not a or not b:
        return 0.0
    union = sorted(set(a) | set(b))[:size]
    both = set(a) & set(b)
    return sum(1 for h in union if h in both) / len(union)
