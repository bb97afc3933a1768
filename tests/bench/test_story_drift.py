"""bench/story_drift.py: a story's vocabulary drift (its time cut against random cuts), screened off the stories data."""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_drift import Story, auc, cross_means, judge  # noqa: E402

# two pairs of articles: 0 and 1 agree, 2 and 3 agree, nothing across
SIM = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0]]


def test_cross_means_are_the_mean_cosine_across_each_cut_of_two_or_more_a_side():
    assert cross_means(SIM, [0, 1, 2, 3]) == [(2, 0.0)]
    assert cross_means(SIM, [0, 2, 1, 3]) == [(2, 0.5)]  # early {0, 2}, late {1, 3}: two of four pairs agree
    five = [[0, 1, 1, 0, 0], [1, 0, 1, 0, 0], [1, 1, 0, 0, 0], [0, 0, 0, 0, 1], [0, 0, 0, 1, 0]]
    assert cross_means(five, [0, 1, 2, 3, 4]) == [(2, pytest.approx(2 / 6)), (3, 0.0)]


def test_a_story_of_two_events_told_one_after_the_other_drifts():
    vecs = [{"tide": 1.0}, {"tide": 1.0}, {"frost": 1.0}, {"frost": 1.0}]
    s = judge(vecs, [0, 0, 1, 1], [1, 2, 3, 4], random.Random(1))
    assert s.mixed and s.size == 4 and s.span == 3
    assert s.own == pytest.approx(2 / 6) and s.cut == 0.0 and s.null > 0  # a random cut often splits the pairs
    assert s.drift == 0.0 and s.below == 0.0 and s.separated == 1.0
    pure = judge(vecs, [0, 0, 0, 0], [1, 2, 3, 4], random.Random(1))
    assert not pure.mixed and math.isnan(pure.separated)


def test_auc_counts_mixed_stories_below_pure_ones():
    def story(mixed, drift):
        return Story(6, mixed, 0.2, drift, 1.0, 0.5, 3, 1.0)

    found = [story(True, 0.7), story(True, 0.9), story(False, 0.9), story(False, 1.1)]
    # pairs (mixed, pure): 0.7 < 0.9, 0.7 < 1.1, 0.9 = 0.9 (half), 0.9 < 1.1
    assert auc(found, lambda s: s.drift) == pytest.approx(3.5 / 4)
    assert math.isnan(auc(found[:2], lambda s: s.drift))
