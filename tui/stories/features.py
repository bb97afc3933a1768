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
from sys import intern
from functools import lru_cache

FORMAT = 1  # the encoding below; a change of it changes version()
_SKETCH_TYPE = "I" if array("I").itemsize == 4 else "L"


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


def article_features(article) -> tuple[str, bytes, bytes] | None:
    """The encoded features of an article about to be stored (`add`'s parse workers): computed from the title and
    body as the store will hold them (an empty title is stored as "(untitled)"; tui.store.library)."""
    return encoded_features_of([(article.title or "(untitled)", article.body)])[0]


def preload() -> int:
    """Load what computing features needs (the idf table, stop words) and return `version()`: a process that
    forks parse workers after this call gives them the tables (no load in each worker)."""
    from tui.stories.terms import terms

    terms("", "")
    return version()


def encoded_features_of(texts: list[tuple[str, str]]) -> list[tuple[str, bytes, bytes] | None]:
    """`grouping.features_of`, encoded (what worker processes send back: a few bytes objects per article,
    cheap to pass between processes, and stored as they are)."""
    from tui.stories.grouping import features_of

    return [encode(t, s) for t, s in features_of(texts)]
