"""An article's grouping features (salient terms, shingle sketch) as stored bytes, and their version.

The store keeps them (tui/store/story_features.py) so that a rebuild reads them instead of computing them
from every body again. The encoding is exact (the weights as IEEE doubles, the terms in their order), so
grouping from stored features gives the same stories as grouping from the texts, and decoding is a few C
calls (no JSON): words one a line, weights and sketch as native machine arrays.

`version()` changes whenever what the features would be could change: the source of `tui.stories.terms`
(and of `grouping.features_of`), the background idf table, the stop words, and the machine's byte order
and sizes. Rows of another version are computed again, so a change of the term extraction needs no step.
"""

from __future__ import annotations

import hashlib
import sys
from array import array
from collections import Counter
from functools import lru_cache
from itertools import chain, islice
from sys import intern

FORMAT = 1  # the encoding below; a change of it changes version()
_SKETCH_TYPE = "I" if array("I").itemsize == 4 else "L"
_SKETCH_ITEM = array(_SKETCH_TYPE).itemsize


@lru_cache(maxsize=1)
def version() -> int:
    """A 63-bit stamp of everything the stored features depend on; 0 when it cannot be known (the source
    of the term extraction is not readable): then nothing is stored or read."""
    import inspect

    from tui.assets import asset
    from tui.stories import grouping, terms

    h = hashlib.blake2b(digest_size=8)
    try:
        h.update(inspect.getsource(terms).encode())
        h.update(inspect.getsource(grouping.features_of).encode())
        h.update(asset("models", "story_idf.txt.gz").read_bytes())
    except (OSError, TypeError):
        return 0
    h.update(" ".join(sorted(terms._stops())).encode())
    h.update(f"{FORMAT} {sys.byteorder} {array('d').itemsize} {_SKETCH_TYPE}".encode())
    return int.from_bytes(h.digest(), "big") >> 1 or 1


def encode(terms: dict[str, float], sketch: list[int]) -> tuple[str, bytes, bytes] | None:
    """(words, weights, sketch) as stored: exact, in the terms' order. None when a term holds a line break
    (then the features are not stored)."""
    words = "\n".join(terms)
    if words.count("\n") != max(0, len(terms) - 1):
        return None
    return words, array("d", terms.values()).tobytes(), array(_SKETCH_TYPE, sketch).tobytes()


def decode(words: str, weights: bytes, sketch: bytes) -> tuple[dict[str, float], list[int]]:
    """The (terms, sketch) that `encode` was given; the words interned (sys.intern: every article's copy of a word
    is then one string object, and the grouping's dict look-ups match it by identity, without comparing text)."""
    w = array("d")
    w.frombytes(weights)
    s = array(_SKETCH_TYPE)
    s.frombytes(sketch)
    return dict(zip(map(intern, words.split("\n")), w)), s.tolist()


def well_formed(words, weights, sketch) -> bool:
    """Whether a stored row is of the shape `decode` reads: text, and bytes of whole weights and sketch values. A row
    edited by hand or half-written may not be (`decode` failed on it: "bytes length not a multiple of item size");
    the grouping computes such an article's features again (grouping._rows). (Counts that disagree decode without
    an error; `reweighted_encoded` checks those.)"""
    return (type(words) is str and type(weights) is bytes and type(sketch) is bytes
            and not len(weights) % 8 and not len(sketch) % _SKETCH_ITEM)


def article_features(article) -> tuple[str, bytes, bytes] | None:
    """The encoded features of an article about to be stored (`add`'s parse workers): computed from the title and
    body as the store will hold them (an empty title is stored as "(untitled)"; tui.store.library)."""
    return encoded_features_of([(article.title or "(untitled)", article.body)])[0]


def preload() -> int:
    """Load what computing features needs (the idf table, stop words, numpy for the sketch) and return `version()`:
    a process that forks parse workers after this call gives them the tables (no load in each worker)."""
    import numpy  # noqa: F401 - terms.sketch uses it

    from tui.stories.terms import terms

    terms("", "")
    return version()


def encoded_features_of(texts: list[tuple[str, str]]) -> list[tuple[str, bytes, bytes] | None]:
    """`grouping.features_of`, encoded (what worker processes send back: a few bytes objects per article,
    cheap to pass between processes, and stored as they are)."""
    from tui.stories.grouping import features_of

    return [encode(t, s) for t, s in features_of(texts)]


def reweighted_encoded(rows: list[tuple], top: int, base=None,
                       counted: list | None = None) -> tuple[list[dict[str, float]], list[list[int]]] | None:
    """`library_idf.reweighted([decode(*r)[0] for r in rows], top, base)` and the rows' decoded sketches, made for
    the whole batch at once in numpy from the encoded rows (a rebuild's batch: its stored features, or the workers'):
    the same floats in the same order (each weight times its term's factor, a stable sort by weight, the first `top`,
    their squares summed one after the other, each divided by the root; tests/stories/test_batch_features.py
    compares). None when a row is not encoded (a 2-tuple: features computed here that could not be) or not as
    `encode` writes it (a damaged row: a word twice, counts that disagree, a weight that is not a finite number):
    then the caller decodes row by row. `counted`, when given, gets the batch's own (articles, document frequencies)
    appended, as regroup_window.window_df counts them from the stored words (a row without words counts "")."""
    import math

    import numpy as np

    from tui.stories.library_idf import factor_of

    if not rows or any(len(r) != 3 for r in rows):
        return None
    item = array(_SKETCH_TYPE).itemsize
    if any(len(r[1]) % 8 or len(r[2]) % item for r in rows):
        return None
    lists = [words.split("\n") if words else [] for words, _, _ in rows]
    counts = [len(r[1]) // 8 for r in rows]
    if list(map(len, lists)) != counts:
        return None  # counts that disagree
    flat = list(chain.from_iterable(lists))
    keys = list(map(intern, dict.fromkeys(flat)))  # the batch's words, first seen first, interned as decode's
    index = dict(zip(keys, range(len(keys))))
    ids = np.fromiter(map(index.__getitem__, flat), dtype=np.intp, count=len(flat))
    n_rows = len(rows)
    art = np.repeat(np.arange(n_rows), counts)
    if _repeats(lists, counts, art, ids, len(keys)):
        return None  # a word twice in a row (decode's dict keeps one)
    weights = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float64)
    if not np.isfinite(weights).all():
        return None
    df = np.bincount(ids, minlength=len(keys)).tolist()  # a row's words are distinct: articles per word
    if counted is not None:
        made = Counter(dict(zip(keys, df)))
        if not all(counts):
            made[""] += counts.count(0)  # ("".split("\n") is [""])
        counted.append((len(rows), made))
    n = len(rows) + (base[0] if base is not None else 0)
    extra = base[1] if base is not None else {}
    keep = base[2] if base is not None and len(base) > 2 and base[2] else ()  # a small library's event terms
    factors = np.array([1.0 if t in keep else factor_of(t, k + extra.get(t, 0), n) for t, k in zip(keys, df)]
                       or [0.0])
    f = factors[ids]
    # one row of the matrix per article, its terms in order: the key is minus the weight times its factor (x * f,
    # as reweighted), +inf for a dropped term (factor 0 or less) and for the padding, so that a stable sort of each
    # row puts the kept terms first, strongest first, ties in order (as Python's sort(reverse=True) does)
    width = max(counts)
    col = np.arange(len(flat)) - np.repeat(np.cumsum([0] + counts[:-1]), counts)
    key = np.full((n_rows, max(1, width)), np.inf)
    key[art, col] = np.where(f > 0, -(weights * f), np.inf)
    word = np.zeros((n_rows, max(1, width)), dtype=np.intp)
    word[art, col] = ids
    cut = min(top, max(1, width))
    order = np.argsort(key, axis=1, kind="stable")[:, :cut]
    kept = np.take_along_axis(key, order, axis=1)
    valid = kept < np.inf
    value = np.where(valid, -kept, 0.0)
    # each row's squares summed one after the other (cumsum is a running sum, as CPython 3.11's sum() of floats;
    # the zeros after a row's terms add nothing), the correctly rounded root (math.sqrt's) or 1.0
    norms = [math.sqrt(x) or 1.0 for x in np.cumsum(value * value, axis=1)[:, -1].tolist()]
    values = (value / np.array(norms)[:, None])[valid].tolist()
    words = np.array(keys, dtype=object)[np.take_along_axis(word, order, axis=1)[valid]].tolist()
    pairs = zip(words, values)
    vecs = [dict(islice(pairs, k)) for k in valid.sum(axis=1).tolist()]
    sketches = []
    for _, _, sk in rows:
        s = array(_SKETCH_TYPE)
        s.frombytes(sk)
        sketches.append(s.tolist())
    return vecs, sketches


REPEAT_CELLS = 16_000_000  # `_repeats` marks (row, word) cells in an array of this many bytes at most


def _repeats(lists: list[list[str]], counts: list[int], art, ids, words: int) -> bool:
    """Whether a row holds a word twice: one mark per (row, word id) in a boolean array of rows x words (a rebuild's
    batch of 2,000 rows over ~830 words: ~1 ms, a set of each row's words ~12 ms), fewer marks than words when one
    is; with more cells than REPEAT_CELLS (a batch of real news: tens of thousands of words), a set of each row's."""
    import numpy as np

    cells = len(counts) * words
    if cells > REPEAT_CELLS:
        return list(map(len, map(set, lists))) != counts
    seen = np.zeros(cells, dtype=bool)
    seen[art * words + ids] = True
    return int(np.count_nonzero(seen)) != len(ids)


def rounded4(values: list[float]) -> list[float]:
    """`[round(v, 4) for v in values]`, for many values at once (the terms a regroup stores for each article): the
    nearest integer to v x 10,000 in numpy, divided by 10,000. That is round()'s answer (the double nearest the
    decimal rounded to 4 places: k / 10000.0 is the correctly rounded quotient of two exact integers) wherever
    v x 10,000 is not within 1e-6 of a half: those (and values too big for the product to be that close, or not
    numbers) are rounded by round() itself."""
    import numpy as np

    x = np.array(values, dtype=np.float64)
    if not len(x):
        return []
    if not (np.abs(x) < 1e5).all():  # (a NaN fails too): v x 10,000 then has a spacing over 1e-6
        return [round(v, 4) for v in values]
    scaled = x * 10000.0
    out = (np.rint(scaled) / 10000.0).tolist()
    for i in np.flatnonzero(np.abs(np.abs(scaled - np.trunc(scaled)) - 0.5) < 1e-6).tolist():
        out[i] = round(values[i], 4)  # near a half: the product's rounding could decide it
    return out
