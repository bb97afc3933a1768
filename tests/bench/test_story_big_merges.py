"""bench/story_big_merges.py: the screen that cuts a dated stream into parts laid over each other (two articles of
different parts: two events by construction) and counts the pairs of articles in a story and those across parts; and
the big-story rule it fits (`big_rule`, not shipped): two stories of K+ articles merge only when each is the other's
best partner, or when the partner prefers another by R times or less."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_big_merges import big_rule, cut, run  # noqa: E402
from tests.stories.big_town_samples import QUAY, QUAY_NEXT, STRIKE_FIRST, STRIKE_LATER  # noqa: E402
from tui.stories import group_new, grouping, story_of  # noqa: E402


def test_cut_lays_each_part_over_the_first():
    docs = [(f"t{d}", "b", f"2026-01-{d:02d}", "o") for d in range(1, 21)]  # one a day for 20 days
    over = cut(docs, 2, 1.0)
    assert [r[3] for r in over].count(0) == [r[3] for r in over].count(1) == 10
    assert {r[2] for r in over} == {f"2026-01-{d:02d}" for d in range(1, 11)}  # the second ten days moved back ten
    half = cut(docs, 2, 0.5)  # moved back half a part: the parts overlap by five days
    assert max(r[2] for r in half if r[3] == 1) == "2026-01-15" and min(r[2] for r in half if r[3] == 1) == "2026-01-06"
    four = cut(docs, 4, 1.0)
    assert {r[3] for r in four} == {0, 1, 2, 3} and max(r[2] for r in four) == "2026-01-05"


def test_run_counts_the_pairs_across_parts():
    rows = [(a.title, a.body, a.published, 0) for a in STRIKE_FIRST] + [(a.title, a.body, "2026-03-02", 1) for a in QUAY]
    done = run(sorted(rows, key=lambda r: r[2]), "once")
    # the town's strike and its quay repairs, the same day: one story of 6 articles, 15 pairs, 3 x 3 across the parts
    assert (done["pairs"], done["cross"]) == (15, 9)


def _stories_then_next(lib, parts) -> tuple[list[list[int]], int]:
    """Group the articles of `parts` at once, split them by hand into one story a part (the first part keeps the
    story), then feed QUAY_NEXT as a feed would: each part's stories, and the new report's."""
    ids = [[i for _, i in lib.add_many(part)] for part in parts]
    group_new(lib)
    first = story_of(lib, ids[0][0])
    assert all(story_of(lib, i) == first for part in ids for i in part)  # one story before the split (the premise)
    for part in ids[1:]:
        grouping.split(lib, first, part)
    (_, new), = lib.add_many([QUAY_NEXT])
    group_new(lib)
    return [[story_of(lib, i) for i in part] for part in ids], story_of(lib, new)


def test_big_rule_keeps_a_split_event_apart_when_its_partner_prefers_its_own(lib):
    # the quay's story (4 articles with its next report) finds the strike's later part its best partner, but that
    # part prefers the strike's first part by about 1.6 times
    with big_rule(3, 1.3):
        (first, later, quay), new = _stories_then_next(lib, [STRIKE_FIRST, STRIKE_LATER, QUAY])
    assert new == quay[0] and len(set(quay)) == 1
    assert quay[0] not in set(first) | set(later)


def test_as_shipped_the_split_event_merges_again(lib):
    (first, later, quay), new = _stories_then_next(lib, [STRIKE_FIRST, STRIKE_LATER, QUAY])
    assert set(later) == set(quay) == {new}


def test_big_rule_lets_a_merge_by_a_small_preference_or_of_small_stories_be(lib, tmp_path):
    from tui.store import Library

    with big_rule(3, 2.0):  # the later part prefers the first by less than 2 times
        (first, later, quay), new = _stories_then_next(lib, [STRIKE_FIRST, STRIKE_LATER, QUAY])
    assert set(later) == set(quay) == {new}
    other = Library(tmp_path / "small.db")
    try:
        with big_rule(4, 1.3):  # stories of 3 articles are small then: merged by the shipped test
            (first, later, quay), new = _stories_then_next(other, [STRIKE_FIRST, STRIKE_LATER, QUAY])
        assert set(later) == set(quay) == {new}
    finally:
        other.close()
