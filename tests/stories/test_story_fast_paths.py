"""What the story summary's fast paths must keep: library-wide names chosen as before, one BLAS thread only
while a summary is computed, the tf-idf matrix built once and shared by the summary and what's new."""

from __future__ import annotations

import numpy as np
import pytest

from tests.stories.samples import STRIKE
from tui.engine.types import GPE, PERSON
from tui.stories import story_of, story_summary
from tui.stories.articles import load_articles
from tui.stories import summary as story_text
from tui.stories.people import NameLinker
from tui.stories.story import one_blas_thread


def test_a_short_name_takes_the_most_mentioned_full_name_it_ends():
    linker = NameLinker([(PERSON, "Maria Elena Ruiz", 2), (PERSON, "Elena Ruiz", 5), (PERSON, "Tomas Ruiz", 1),
                         (PERSON, "Ruiz", 3), (PERSON, "President Anika Vos", 1), (PERSON, "Vos", 2),
                         (PERSON, "Okafor", 4), (GPE, "U.S.", 1)])
    assert linker.canonical(PERSON, "Ruiz") == "Elena Ruiz"            # 5 mentions beat 2 and 1
    assert linker.canonical(PERSON, "Elena  Ruiz") == "Maria Elena Ruiz"  # a longer name ends with it
    assert linker.canonical(PERSON, "Mr. Vos") == "Anika Vos"          # titles stripped on both sides
    assert linker.canonical(PERSON, "vos") == "Anika Vos"               # words compared case-folded
    assert linker.canonical(PERSON, "Okafor") == "Okafor"               # no full name ends with it
    assert linker.canonical(PERSON, "Anika Vos") == "Anika Vos"
    assert linker.canonical(PERSON, "Dr.") == "Dr."                    # a lone title is a name of its own
    assert linker.canonical(GPE, "Lisbon") == "Lisbon"                 # not a person: only place aliases apply


def test_equal_weights_keep_the_first_full_name_in_order():
    # two full names end with "Berg", mentioned as often: the longer (then alphabetical) one is kept
    linker = NameLinker([(PERSON, "Jan Berg", 2), (PERSON, "Anna Maria Berg", 2), (PERSON, "Carl Berg", 2)])
    assert linker.full[:1] == ["Anna Maria Berg"]
    assert linker.canonical(PERSON, "Berg") == "Anna Maria Berg"
    assert linker.canonical(PERSON, "Maria Berg") == "Anna Maria Berg"


def test_one_blas_thread_only_inside():
    threadpoolctl = pytest.importorskip("threadpoolctl")

    def blas_threads():
        return [p["num_threads"] for p in threadpoolctl.threadpool_info() if p["user_api"] == "blas"]

    np.ones((2, 2)) @ np.ones((2, 2))  # the BLAS library is loaded
    before = blas_threads()
    if not before:
        pytest.skip("numpy is built without a BLAS library threadpoolctl knows")
    with one_blas_thread():
        assert blas_threads() == [1] * len(before)
    assert blas_threads() == before


def test_the_matrix_is_built_once_per_summary(filled, monkeypatch):
    lib, ids = filled
    sid = story_of(lib, ids[STRIKE[0].title])
    calls = []
    real = story_text.matrix
    monkeypatch.setattr(story_text, "matrix", lambda cands: calls.append(len(cands)) or real(cands))
    monkeypatch.setattr("tui.stories.story.matrix", story_text.matrix)
    shared = story_summary(lib, sid, sentences=3)
    assert len(calls) == 1 and calls[0] > 3
    # the same summary and "what's new" as when each builds its own
    arts = load_articles(lib, sid)
    alone = story_text.summarise(arts, 3)
    assert [(x.article, x.index) for x in shared.sentences] == [(x.article, x.index) for x in alone]
    assert [(x.article, x.index) for x in shared.new] == [(x.article, x.index) for x in story_text.whats_new(arts)]


def _k_means_one_by_one(x, k: int, rounds: int = 6):
    """The diversity reward's k-means (summary._k_means) as it was written until session 25: each centre from a mask
    and a copy of its group's rows."""
    n = x.shape[0]
    k = min(k, n)
    centres = x[np.linspace(0, n - 1, k).astype(int)].copy()
    labels = np.zeros(n, dtype=int)
    for _ in range(rounds):
        labels = np.argmax(x @ centres.T, axis=1)
        for j in range(k):
            rows = x[labels == j]
            if len(rows):
                c = rows.sum(axis=0)
                centres[j] = c / (np.linalg.norm(c) or 1.0)
    return labels, centres


def _matrix_term_by_term(cands):
    """summary.matrix as it was written until session 25: each count added in its cell."""
    vocab: dict[str, int] = {}
    for c in cands:
        for t in c.terms:
            vocab.setdefault(t, len(vocab))
    m = np.zeros((len(cands), max(1, len(vocab))), dtype=np.float32)
    for r, c in enumerate(cands):
        for t in c.terms:
            m[r, vocab[t]] += 1.0
    df = (m > 0).sum(axis=0)
    m *= np.log((len(cands) + 1) / (df + 1)) + 1.0
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def _tf_idf_like(rng, n: int, width: int):
    """n rows of a few repeated terms each (some rows empty), weighted and normalised as summary.matrix does."""
    m = np.zeros((n, width), dtype=np.float32)
    for r in range(n):
        for t in rng.integers(0, width, rng.integers(0, 12)):
            m[r, t] += 1.0
    m *= np.log((n + 1) / ((m > 0).sum(axis=0) + 1)) + 1.0
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def test_the_matrix_and_the_groups_are_the_same_floats_as_built_one_by_one(filled):
    """summary.matrix (counts by np.bincount) and summary._k_means (every centre of a round at once) give the floats,
    the centres and the groups their one-by-one versions give, bit for bit: on the sample stories' candidates, and on
    made-up matrices of 2 to 300 rows with groups of every size (k from 1 to every row its own). (The groups alone
    would not tell: centres a rounding apart still group the rows alike.)"""
    lib, ids = filled
    rng = np.random.default_rng(25)
    xs = []
    for sid in sorted({story_of(lib, i) for i in ids.values()}):
        cands = story_text.candidates(load_articles(lib, sid, analyse=False))
        if cands:
            x = story_text.matrix(cands)
            assert x.dtype == np.float32 and np.array_equal(x.view(np.int32), _matrix_term_by_term(cands).view(np.int32))
            xs.append(x)
            for few in (1, 2, len(cands) // 2):
                assert np.array_equal(story_text.matrix(cands[:few]).view(np.int32),
                                      _matrix_term_by_term(cands[:few]).view(np.int32))
    assert len(xs) >= 3
    xs += [_tf_idf_like(rng, int(n), int(w)) for n, w in zip(rng.integers(2, 300, 16), rng.integers(1, 600, 16))]
    checked = 0
    with one_blas_thread():
        for x in xs:
            for k in {1, 2, max(2, x.shape[0] // 5), x.shape[0] // 2 or 1, x.shape[0]}:
                (labels, centres), (want, want_centres) = story_text._k_means(x, k), _k_means_one_by_one(x, k)
                assert np.array_equal(labels, want) and np.array_equal(story_text._groups(x, k), want), (x.shape, k)
                assert np.array_equal(centres.view(np.int32), want_centres.view(np.int32)), (x.shape, k)
                checked += 1
    assert checked > 60
