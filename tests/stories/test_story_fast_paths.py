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
