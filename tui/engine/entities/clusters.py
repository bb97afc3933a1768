"""Word clusters learned from unlabelled news (bench/build_clusters.py): a tagger feature that generalises.

Each frequent word has a path of four cluster ids, fine to coarse (512, 128, 32 and 8 clusters); words
used alike ("Tuesday"/"Friday", "Reuters"/"AFP", "Mr"/"Mrs") share clusters, so a name never seen in the
labelled training text still looks like the names it resembles.
"""

from __future__ import annotations

import gzip
import threading

from tui.assets import asset

CLUSTERS_FILE = "word_clusters.txt.gz"
LEVELS = (512, 128, 32, 8)

_table: dict[str, tuple[str, ...]] | None = None
_rank: dict[str, int] = {}  # the file lists words most frequent first
_lock = threading.Lock()


def _load(path=None) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    paths: dict[str, tuple[str, ...]] = {}  # one tuple per distinct path (at most 512), shared by its words
    _rank.clear()
    try:
        with gzip.open(path or asset("models", CLUSTERS_FILE), "rt", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("#"):
                    continue
                word, _, path = line.rstrip("\n").partition("\t")
                if path:
                    got = paths.get(path)
                    if got is None:
                        got = paths[path] = tuple(path.split())
                    table[word] = got
                    _rank[word] = len(_rank)
    except OSError:  # a missing file only costs accuracy
        return {}
    return table


def _loaded() -> dict[str, tuple[str, ...]]:
    global _table
    if _table is None:
        with _lock:
            if _table is None:
                _table = _load()
    return _table


def use_file(path) -> None:
    """Read the clusters from another file from now on (bench/crossval_ner.py --clusters: a proxy's own)."""
    global _table
    with _lock:
        _table = _load(path)


def cluster_path(word: str) -> tuple[str, ...] | None:
    """The word's cluster ids (fine to coarse), trying its own spelling, then lower case, then title case."""
    t = _loaded()
    return t.get(word) or t.get(word.lower()) or t.get(word.capitalize())


def more_often_lower(word: str) -> bool:
    """Does unlabelled news write this capitalised word more often in lower case ("Traffic" -> "traffic")?"""
    _loaded()
    low = _rank.get(word.lower())
    return low is not None and low < _rank.get(word, 10**9)


def lower_form_known(word: str) -> bool:
    """For a capitalised word unlabelled news never wrote, is its base a lower-case word news knows?
    "Crucially" -> "crucial", "Soils" -> "soil" (an adverb or a plural of a common word, not a name)."""
    _loaded()
    low = word.lower()
    if word in _rank or low in _rank or len(low) < 5:
        return False
    bases = [low[:-2]] if low.endswith("ly") else [low[:-1], low[:-2]] if low.endswith("s") else []
    return any(b in _rank and _rank[b] < _rank.get(b.capitalize(), 10**9) for b in bases if len(b) > 3)


def lower_word(word: str) -> bool:
    """Does unlabelled news write this lower-case word (at all, in lower case)?"""
    _loaded()
    return len(word) > 2 and word in _rank


def common_plural(word: str) -> bool:
    """Is a capitalised word ending in -s a plural that news also writes in lower case ("Angels": "angels")?"""
    _loaded()
    if not word.endswith("s") or len(word) < 5:
        return False
    low = word.lower()
    return any(b in _rank for b in (low, low[:-1], low[:-2]))
