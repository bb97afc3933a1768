"""bench/quality_stories.py's error breakdown (`--errors`): which events split, which stories mix events or hold
distractors, and the precision each cause costs."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.quality_stories import bcubed, errors, repaired  # noqa: E402

# Two invented events: a harbour strike (four articles) and a mountain rescue (two), and one distractor of the
# corpus kind. The strike is split 3 + 1, its part of three shares a story with the rescue's two and the distractor.
GOLD = {"strike1": frozenset({"strike"}), "strike2": frozenset({"strike"}), "strike3": frozenset({"strike"}),
        "strike4": frozenset({"strike"}), "rescue1": frozenset({"rescue"}), "rescue2": frozenset({"rescue"})}
PRED = {"strike1": 7, "strike2": 7, "strike3": 7, "strike4": 12, "rescue1": 7, "rescue2": 7, "corpus:3": 7}
DAYS = {"strike1": "1998-10-02", "strike2": "1998-10-03", "strike3": "1998-10-05", "strike4": "1998-11-20",
        "rescue1": "1998-10-04", "rescue2": "1998-10-04", "corpus:3": "1998-10-04"}


def test_a_split_event_and_a_mixed_story_are_named_with_their_parts():
    lines = errors(PRED, GOLD, DAYS)
    assert "split strike (4): 3 [10-02..10-05] with {'corpus': 1, 'rescue': 2} | 1 [11-20..11-20]" in lines
    assert "mixed story 7: {'corpus': 1, 'rescue': 2, 'strike': 3}" in lines
    assert not any(line.startswith("split rescue") for line in lines)  # both its articles are in one story
    assert not any(line.startswith("mixed story 12") for line in lines)  # one event alone


def test_the_precision_lost_is_split_between_other_events_and_distractors():
    # story 7 holds six articles: each strike one loses 2 (rescue) + 1 (the distractor) of them, each rescue one
    # 3 (strike) + 1; strike4, alone, loses nothing. Over the six dev articles: (3 x 2 + 2 x 3) / 6 / 6 to other
    # events, 5 x 1 / 6 / 6 to distractors, and together all that B-cubed precision lost
    head = errors(PRED, GOLD, DAYS)[0]
    p, r, _ = bcubed(PRED, GOLD)
    assert abs((1 - p) - (12 / 36 + 5 / 36)) < 1e-12
    assert head == f"P {p:.4f} R {r:.4f}: precision lost to other events {12 / 36:.4f}, to distractors {5 / 36:.4f}; " \
                   f"recall lost {1 - r:.4f}"


def test_an_article_of_two_events_is_named_by_both_and_mixes_nothing_with_either():
    gold = dict(GOLD, both=frozenset({"strike", "rescue"}))
    pred = {"strike1": 1, "strike2": 1, "strike3": 1, "strike4": 1, "both": 1, "rescue1": 2, "rescue2": 2}
    days = dict(DAYS, both="1998-10-04")
    lines = errors(pred, gold, days)
    assert not any(line.startswith("mixed") for line in lines)  # story 1: every article is of the strike
    assert "split rescue (3): 2 [10-04..10-04] | 1 [10-04..10-04] with {'strike': 4}" in lines
    pred["rescue1"] = 1  # now story 1 also holds an article of the rescue alone: no event all of its articles are of
    assert "mixed story 1: {'rescue': 1, 'rescue+strike': 1, 'strike': 4}" in errors(pred, gold, days)


def test_a_grouping_without_errors_has_only_its_figures():
    right = {"strike1": 1, "strike2": 1, "strike3": 1, "strike4": 1, "rescue1": 2, "rescue2": 2}
    assert errors(right, GOLD, DAYS) == ["P 1.0000 R 1.0000: precision lost to other events 0.0000, to distractors "
                                         "0.0000; recall lost 0.0000"]


# A flood (four articles) split three ways, and a fire (three) one of whose articles sits alone in the flood's story.
FLOOD = {"flood1": frozenset({"flood"}), "flood2": frozenset({"flood"}), "flood3": frozenset({"flood"}),
         "flood4": frozenset({"flood"}), "fire1": frozenset({"fire"}), "fire2": frozenset({"fire"}),
         "fire3": frozenset({"fire"})}
FLOOD_PRED = {"flood1": 1, "flood2": 1, "fire3": 1, "flood3": 2, "flood4": 4, "fire1": 3, "fire2": 3}
FLOOD_DAYS = dict.fromkeys(FLOOD, "1998-10-05")


def test_each_repair_undoes_one_kind_of_error():
    # alone: flood3 and flood4 (each the only flood article of its story) join story 1, which holds most of the flood;
    # fire3 (the only fire article of story 1) joins story 3
    assert repaired(FLOOD_PRED, FLOOD, "alone") == {"flood1": 1, "flood2": 1, "fire3": 3, "flood3": 1, "flood4": 1,
                                                    "fire1": 3, "fire2": 3}
    # pure: the flood's parts that hold nothing else (stories 2 and 4) become one; story 1 holds fire3, so it stays
    assert repaired(FLOOD_PRED, FLOOD, "pure") == dict(FLOOD_PRED, flood4=2)
    # split: story 1 split by event, the distractor of story 7 alone
    split = repaired(PRED, GOLD, "split")
    assert len({split[d] for d in ("strike1", "strike2", "strike3")}) == 1
    assert len({split[d] for d in ("rescue1", "rescue2")}) == 1
    assert len(set(split.values())) == 4  # strike1-3, rescue1-2, corpus:3, strike4
    assert bcubed(split, GOLD)[0] == 1.0


def test_the_precision_lost_to_other_events_is_told_whole_parts_from_single_articles():
    # story 1 holds flood1, flood2 and fire3: each flood article loses 1 of 3 to a fire article alone of its event
    # (single), fire3 loses 2 of 3 to a part of two flood articles (whole)
    line = errors(FLOOD_PRED, FLOOD, FLOOD_DAYS)[1]
    f = bcubed(FLOOD_PRED, FLOOD)[2]
    alone = bcubed({"flood1": 1, "flood2": 1, "flood3": 1, "flood4": 1, "fire1": 3, "fire2": 3, "fire3": 3}, FLOOD)[2]
    pure = bcubed(dict(FLOOD_PRED, flood4=2), FLOOD)[2]
    split = bcubed(dict(FLOOD_PRED, fire3=9), FLOOD)[2]
    assert line == (f"F1 {f:.4f}; precision lost to other events as whole parts of one (2+ of its articles in the "
                    f"story) {2 / 3 / 7:.4f}, as single articles {2 / 3 / 7:.4f}; F1 if each article alone of its "
                    f"event in a story joined the event's largest part {alone:.4f}, if each event's parts holding "
                    f"nothing else were one story {pure:.4f}, if each story were split by event {split:.4f}")
    assert alone == 1.0


def test_articles_placed_after_the_last_window_are_counted_with_those_outside_their_event():
    lines = errors(FLOOD_PRED, FLOOD, FLOOD_DAYS, late={"flood4", "fire2"})
    # outside their event's largest part: flood3, flood4 (story 1 holds two floods) and fire3 (story 3 holds two)
    assert lines[2] == ("placed one at a time after the last windowed regroup: 2 articles, 1 of them outside their "
                        "event's largest part (of 3 outside it in all)")
