"""bench/story_big_merges.py: the screen that cuts a dated stream into parts laid over each other (two articles of
different parts: two events by construction) and counts the pairs of articles in a story and those across parts; and
the big-story rule it fits (`big_rule`, not shipped): two stories of K+ articles merge only when each is the other's
best partner, or when the partner prefers another by R times or less; and (session 31, not shipped) its refusals kept
apart in later passes until the evidence changes."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_big_merges import big_rule, cut, rule_of, run  # noqa: E402
from tests.stories.big_town_samples import (QUAY, QUAY_LATE, QUAY_NEXT, STRIKE_FIRST, STRIKE_LATER,  # noqa: E402
                                            STRIKE_MORE, STRIKE_TALKS)
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


def test_run_counts_the_pairs_across_parts(tmp_path, monkeypatch):
    import os
    import tempfile

    from bench import quality_stories

    made = []
    real = quality_stories.scratch

    def seen():
        folder = real()
        made.append(Path(folder.name))
        return folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(quality_stories, "scratch", seen)
    rows = [(a.title, a.body, a.published, 0) for a in STRIKE_FIRST] + [(a.title, a.body, "2026-03-02", 1) for a in QUAY]
    done = run(sorted(rows, key=lambda r: r[2]), "once")
    # the town's strike and its quay repairs, the same day: one story of 6 articles, 15 pairs, 3 x 3 across the parts
    assert (done["pairs"], done["cross"]) == (15, 9)
    # its library in a scratch folder named with the run's process id (one a killed run leaves, quality_stories'
    # sweep_stale removes), gone at the end
    assert [p.name.startswith(f"{quality_stories.SCRATCH}{os.getpid()}-") for p in made] == [True]
    assert not made[0].exists() and list(tmp_path.iterdir()) == []


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


def test_rules_of_the_grid():
    assert rule_of("0:0") == (0, 0.0, None)
    assert rule_of("3:1.3:0.25:1.1") == (3, 1.3, (0.25, 1.1, False))
    assert rule_of("3:1.3:0.25:1.1:same") == (3, 1.3, (0.25, 1.1, True))
    with pytest.raises(ValueError):
        rule_of("3:1.3:0.25")


def _split_then_feed(lib, feed):
    """The strike's two parts and the quay repairs grouped at once (one story), split by hand into one story each
    (the strike's first part keeps the id), then the articles of `feed` grouped one `group_new` at a time, as a feed
    brings them: after each, the three parts' stories (sets of story ids) and the new article's story."""
    ids = [[i for _, i in lib.add_many(part)] for part in (STRIKE_FIRST, STRIKE_LATER, QUAY)]
    group_new(lib)
    first = story_of(lib, ids[0][0])
    assert all(story_of(lib, i) == first for part in ids for i in part)  # one story before the split (the premise)
    for part in ids[1:]:
        grouping.split(lib, first, part)
    steps = []
    for article in feed:
        (_, new), = lib.add_many([article])
        group_new(lib)
        steps.append(([{story_of(lib, i) for i in part} for part in ids], story_of(lib, new)))
    return steps


FEED = [QUAY_NEXT, STRIKE_MORE, STRIKE_TALKS, QUAY_LATE[0]]


def test_a_refusal_kept_apart_stays_refused_after_the_partner_took_its_own(lib):
    with big_rule(3, 1.3, (0.25, 1.1, False)):
        steps = _split_then_feed(lib, FEED[:3])
    (first, later, quay), new = steps[0]
    # the quay's story (4 with its next report) is the strike's later part's best partner; that part prefers the
    # first by about 1.6 times: turned down, and the pair remembered
    assert {new} == quay and not quay & (first | later)
    (first, later, quay), new = steps[1]
    # the strike's next report: its two parts merge (each the other's best); the pair now stands for the whole strike
    assert first == later == {new} and not quay & first
    (first, later, quay), new = steps[2]
    # the strike's report after (8 articles: grown by less than a quarter of 7), the quay's unchanged: still apart
    assert first == later == {new} and not quay & first


def test_without_the_memory_the_refusal_comes_back_a_pass_later(lib):
    with big_rule(3, 1.3):  # session 30's rule: nothing remembers a refusal
        steps = _split_then_feed(lib, FEED[:3])
    (first, later, quay), _ = steps[0]
    assert not quay & (first | later)  # turned down as with the memory
    (first, later, quay), _ = steps[1]
    assert first == later and not quay & first
    (first, later, quay), _ = steps[2]
    assert first == later == quay  # the whole strike's best partner is the quay, and the quay's is the strike


def test_the_pair_kept_apart_rejoins_when_a_side_grows_by_the_share(lib):
    with big_rule(3, 1.3, (0.25, 1.1, False)):
        steps = _split_then_feed(lib, FEED)
    (first, later, quay), _ = steps[2]
    assert not quay & first
    (first, later, quay), new = steps[3]
    # the quay's story grew from 4 to 5 (by a quarter): the pair is asked again by the rule, and the whole strike's
    # best partner is the quay, the quay's the strike: they merge
    assert first == later == quay == {new}


def test_a_pair_kept_apart_rejoins_sooner_at_a_smaller_share(lib):
    with big_rule(3, 1.3, (0.1, 1.1, False)):  # the strike's report after grows it by more than a tenth
        steps = _split_then_feed(lib, FEED[:3])
    (first, later, quay), _ = steps[2]
    assert first == later == quay
