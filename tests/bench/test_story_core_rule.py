"""bench/story_big_merges.py's core-overlap rule (session 33, not shipped): a merge of two stories of 2+ articles, some
days apart, that passes only by the bridge is turned down when their cores (the terms half of a story's articles hold)
overlap enough: the same words after a gap as two of a kind. And `--bins`' record of such merges (the table the rule's
level is read from), and `--gaps`' of every merge (session 34). Since session 34 the shipped grouper keeps the second
strike apart in this small library by itself (METHOD 9), so the rule's tests group it as session 33 did
(`flat_bridge`)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_big_merges import core_overlap, core_rule, rule_of_grid, run  # noqa: E402
from tests.stories.big_town_samples import QUAY, STRIKE_AGAIN, STRIKE_FIRST, STRIKE_LATER  # noqa: E402


def test_core_overlap_counts_each_core_term_by_how_many_of_the_other_story_hold_it():
    a = [{"ferry": 0.6, "strike": 0.5, "gull": 0.1}, {"ferry": 0.5, "strike": 0.4, "tide": 0.1}]
    assert core_overlap(a, a) == pytest.approx(1.0)  # each core term in every article of the other
    b = [{"ferry": 0.5, "crane": 0.4}, {"crane": 0.6}, {"crane": 0.5, "quay": 0.2}, {"crane": 0.4}]
    # a's core is ferry (1.1) and strike (0.9), the two of them held by half its articles or more (gull and tide too:
    # half of two); b holds ferry in 1 of 4 articles (counted half), nothing else of it; b's core, crane, a lacks
    assert core_overlap(a, b) == 0.0
    assert core_overlap(b + b[1:], a) == 0.0
    c = [{"ferry": 0.5, "crane": 0.4}, {"ferry": 0.4, "crane": 0.6}, {"crane": 0.5}, {"crane": 0.4}]
    # c's core: ferry (2 of 4, 0.9), crane (1.9); a holds ferry in both articles, crane in none: 0.9 / 2.8; a's core
    # terms ferry 1.1 (c: 2 of 4, in full), strike 0.9, gull 0.1, tide 0.1 (none): 1.1 / 2.2
    assert core_overlap(a, c) == pytest.approx(min(0.9 / 2.8, 1.1 / 2.2))
    assert core_overlap([], a) == core_overlap(a, []) == 0.0


def test_the_grid_reads_core_rules():
    with rule_of_grid("core:0.6:2:8"):
        pass
    for bad in ("core", "core:0.6:2:8:1"):
        with pytest.raises(ValueError):
            rule_of_grid(bad)


@pytest.fixture
def flat_bridge():
    """A small library grouped as until session 34: its bridge flat at SMALL_JOIN whatever the days apart (its levels
    floored, not scaled), and no event's words kept from its own idf (`library_idf.cohesive`): the April strike
    bridged into the March one, the merge the rule is about."""
    from unittest import mock

    from tui.stories import grouping

    def flat(levels):
        return grouping.Levels(max(levels.join, grouping.SMALL_JOIN), levels.decay,
                               tuple((days, max(level, grouping.SMALL_JOIN)) for days, level in levels.bridge), None)

    with mock.patch.object(grouping, "_small", flat), mock.patch.object(grouping, "cohesive", lambda *a: set()):
        yield


ROWS = sorted([(a.title, a.body, a.published, 0) for a in STRIKE_FIRST + STRIKE_LATER + QUAY]
              + [(a.title, a.body, a.published, 1) for a in STRIKE_AGAIN], key=lambda r: r[2])


def test_as_shipped_the_second_strike_stays_apart():
    done = run(ROWS, "once", bins=True)
    # (session 34) each event is a story from the start, with no merge by the bridge: the March strike's reports keep
    # their shared words (library_idf.cohesive); the April strike, 42 days on, stays apart (the same words over weeks
    # are not kept, and a small library's bridge 42 days apart is twice its level a day apart)
    assert done["bridged"] == []
    assert (done["pairs"], done["cross"]) == (15 + 3 + 1, 0)  # the strike, the quay, the April strike


def test_with_the_flat_bridge_the_second_strike_bridges_into_the_first(flat_bridge):
    done = run(ROWS, "once", bins=True)
    # the April strike (2 reports, part 1) merges by the bridge, 42 days on, with the March strike's first part (3):
    # six pairs across the parts, and, after it, the strike's later part joins: 12 across in all
    (overlap, days, within, across), = done["bridged"]
    assert (days, within, across) == (42, 0, 6) and 0.3 < overlap < 0.6
    assert (done["pairs"], done["cross"]) == (31, 12)


def test_the_core_rule_keeps_the_second_strike_apart_and_the_first_one_whole(flat_bridge):
    with core_rule(0.3, 2, 8):
        done = run(ROWS, "once", bins=True)
    # the April strike turned down; the March strike's two parts, a day apart (under 8), merge by the bridge as shipped
    (overlap, days, within, across), = done["bridged"]
    assert (days, within, across) == (1, 9, 0) and overlap > 0.6
    assert (done["pairs"], done["cross"]) == (15 + 3 + 1, 0)  # the strike, the quay, the April strike


def test_the_core_rule_leaves_small_stories_and_near_ones_as_shipped(flat_bridge):
    for rule in ((0.3, 3, 8), (0.3, 2, 43), (0.6, 2, 8)):  # April's 2 reports under 3; 42 days under 43; overlap < 0.6
        with core_rule(*rule):
            done = run(ROWS, "once")
        assert (done["pairs"], done["cross"]) == (31, 12), rule


def test_without_days_the_core_rule_also_splits_one_event_told_on_two_days(flat_bridge):
    with core_rule(0.3):
        done = run(ROWS, "once")
    # the March strike's parts, a day apart, pass only by the bridge too, with the same words: kept apart
    assert (done["pairs"], done["cross"]) == (3 + 3 + 3 + 1, 0)


def test_the_gaps_record_every_merge_by_days_apart(flat_bridge, capsys):
    from bench.story_big_merges import print_gaps

    done = run(ROWS, "once", gaps=True)
    # (days apart, plain link, by the bridge only, the smaller side, pairs within a part, across): the April strike
    # bridged 42 days into the March strike's first part, then the two March parts, a day apart, by the join test
    (days, link, bridged, smaller, within, across), second = done["merged"]
    assert (days, bridged, smaller, within, across) == (42, True, 2, 0, 6) and 0.11 <= link < 0.19
    assert second[0] == 0 and not second[2] and second[4:] == (9, 6)
    print_gaps(done["merged"])
    out = capsys.readouterr().out
    assert "31-45 days: 1 merges, 0 / 6; 0.125+: 1 (1) 0 / 6" in out and "0-1 days: 1 merges, 9 / 6" in out
