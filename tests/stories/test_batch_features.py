"""A rebuild's batch of encoded features, decoded and reweighted at once (features.reweighted_encoded): the same
terms, in the same order, with the same floats as decoding row by row and `library_idf.reweighted`."""

from __future__ import annotations

import math
import sys
from collections import Counter

import pytest

from tests.stories.samples import ALL
from tests.stories.test_library_idf import PREMIER, _articles
from tui.stories.features import decode, encode, encoded_features_of, reweighted_encoded
from tui.stories.library_idf import reweighted


def _texts(premier: bool = True) -> list[tuple[str, str]]:
    arts = list(ALL) + _articles()
    return [(a.title, a.body if premier else a.body.replace(PREMIER, "")) for a in arts]


def _plain(rows, top, base=None):
    feats = [decode(*r) for r in rows]
    return [list(v.items()) for v in reweighted([v for v, _ in feats], top, base)], [s for _, s in feats]


def _batch(rows, top, base=None):
    vecs, sketches = reweighted_encoded(rows, top, base)
    return [list(v.items()) for v in vecs], sketches


@pytest.mark.parametrize("premier", [True, False])  # with a word in every article of the batch (dropped), without
@pytest.mark.parametrize("top", [1, 5, 40, 150])
def test_the_batch_gives_the_row_by_row_answer_exactly(premier, top):
    rows = encoded_features_of(_texts(premier))
    assert _batch(rows, top) == _plain(rows, top)
    for part in (rows[:1], rows[:3], rows[5:9]):
        assert _batch(part, top) == _plain(part, top)
    # the words are interned as decode's (the grouping's look-ups match them by identity)
    assert all(w is sys.intern(w) for v in reweighted_encoded(rows, top)[0] for w in v)


def test_ties_keep_their_order():
    """Equal weights (the same count of words the background never saw) stay in the row's order."""
    words = [f"zqxw{i}" for i in range(40)]
    rows = [encode({w: 1.0 / math.sqrt(40) for w in words[k:] + words[:k]}, [k]) for k in range(6)]
    rows += [encode({w: 0.5 for w in ("a1", "b2", "c3", "d4")}, [])]
    assert _batch(rows, 25) == _plain(rows, 25)
    assert [t for t, _ in _batch(rows, 25)[0][2]] == (words[2:] + words[:2])[:25]


def test_with_the_articles_grouped_before_as_a_base():
    rows = encoded_features_of(_texts())
    base = (120, Counter({t: 7 for t in decode(*rows[0])[0]}) + Counter({"harbour": 90, "unknownword": 3}))
    assert _batch(rows[1:], 12, base) == _plain(rows[1:], 12, base)
    assert _batch(rows[1:], 12, base) != _batch(rows[1:], 12)
    # a small library's words of one event keep their background weight (library_idf.cohesive), a word of the base
    # and one the batch holds in many rows among them: the same floats both ways, and not those without them
    many = Counter(t for r in rows[1:] for t in decode(*r)[0]).most_common(1)[0][0]
    kept = (*base, {"harbour", many, "wordnooneholds"})
    assert _batch(rows[1:], 12, kept) == _plain(rows[1:], 12, kept)
    assert _batch(rows[1:], 12, kept) != _batch(rows[1:], 12, base)


@pytest.mark.parametrize("cells", [None, 0])  # a word twice found by the marks of rows x words, or by sets (wider)
def test_empty_rows_and_rows_the_encoder_did_not_write_are_left_to_the_row_by_row_path(cells, monkeypatch):
    from tui.stories import features

    if cells is not None:
        monkeypatch.setattr(features, "REPEAT_CELLS", cells)
    rows = encoded_features_of(_texts())[:4]
    empty = encode({}, [])
    assert _batch(rows + [empty], 150) == _plain(rows + [empty], 150)
    words, weights, sketch = rows[1]
    for bad in [(words + "\n" + words.split("\n")[0], weights + weights[:8], sketch),  # a word twice
                (words, weights[:-8], sketch),                                      # counts disagree
                (words, weights[:-3], sketch), (words, weights, sketch[:-1]),       # cut bytes
                (words, weights[:-8] + b"\x00\x00\x00\x00\x00\x00\xf8\x7f", sketch)]:  # a NaN weight
        assert reweighted_encoded([rows[0], bad, rows[2]], 150) is None
    assert reweighted_encoded([rows[0], ({"x": 1.0}, [])], 150) is None  # features not encodable
    assert reweighted_encoded([], 150) is None


def test_rounded4_is_round_to_four_places_value_for_value():
    import random

    from tui.stories.features import rounded4

    rng = random.Random(7)
    values = [rng.random() for _ in range(20_000)] + [rng.random() / 1000 for _ in range(2_000)]
    values += [(k + 0.5) / 10_000 for k in range(10_000)]  # halves (as near as doubles get): round() decides them
    values += [0.0, -0.0, 1.0, -0.00004, -0.00006, -0.7312345, 0.99995, 99_999.99995, 12.34565]
    got, want = rounded4(values), [round(v, 4) for v in values]
    assert [v.hex() for v in got] == [v.hex() for v in want]  # the same doubles (and the sign of a zero)
    for odd in ([1e5, 0.5], [float("nan"), 0.1], [float("inf")], [-3e7, 0.12345]):  # round() itself
        assert repr(rounded4(odd)) == repr([round(v, 4) for v in odd])
    assert rounded4([]) == []


def test_a_regroup_stores_the_terms_save_groups_rounds(filled, monkeypatch):
    """flush hands save_groups each member's terms rounded already (rounded4); they are the rows it wrote itself."""
    from tests.stories.test_stored_features import _grouping
    from tui.store import stories as store
    from tui.stories import grouping, rebuild

    lib, _ = filled
    rebuild(lib)
    fast = _grouping(lib)
    real = store.save_groups
    monkeypatch.setattr(store, "save_groups", lambda *a, rounded=None, **k: real(*a, **k))  # rounds them itself
    rebuild(lib)
    assert _grouping(lib) == fast


def test_story_rows_encoded_together_are_encoded_one_by_one():
    """save_groups encodes a batch's member terms and sketches in one call and cuts the text between objects; the
    same strings as one call each, also where a key holds the cut ('},{') or a list nests (then one by one)."""
    from tui.store.stories import _compact, _compact_each

    dicts = [[{"port": 0.5, "calderon": -0.0, "x-ray": 1e-05}, {}, {"strike": 0.25}], [{}, {}], [{"a},{b": 1.0}, {"c": 2.0}],
             [{'q"},{"': 0.1}, {}], [{"\u00e9\\": 3.0, "n": float("nan")}, {"b": 1}], [{"only": 1.0}], []]
    lists = [[[1, 2, 3], [], [4294967295]], [[], []], [[[1], [2]], [3]], [[1], [[2], [3]], []], [[7]], []]
    for objs in dicts:
        assert _compact_each(objs, "}", "{") == [_compact(o) for o in objs], objs
    for objs in lists:
        assert _compact_each(objs, "]", "[") == [_compact(o) for o in objs], objs
