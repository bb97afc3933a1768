"""A second strike six weeks later is a story of its own (issue 13, session 34): a library of 16 of our own articles, the
Quillan ferry strike's 8 reports over four days of March, the quay repairs' 6 on the same days, and the same crews'
second strike, over pay, on one day of April (tests/stories/big_town_samples.py). A library this small is weighed by
its own idf, and its levels were floored at SMALL_JOIN, the bridge's too: a merge 39 days apart needed no more than one
a day apart, and the April strike's 2 reports, with the same town, union, harbour master and words, merged into the
March strike's story (plain average link 0.131, its level 0.11). A reader expects a new story for a new event: a
story weeks old needs stronger evidence to take another (`grouping._small` scales the bridge, 0.19 at 39 days; and
`library_idf.cohesive` keeps the crews' words only within a week, so they do not tie March to April)."""

from __future__ import annotations

import pytest

from tests.stories.big_town_samples import (QUAY, QUAY_LATE, QUAY_NEXT, STRIKE_AGAIN, STRIKE_FIRST, STRIKE_LATER,
                                            STRIKE_MORE, STRIKE_TALKS, add_grouped)
from tui.stories import story_of

EVENTS = {"march strike": STRIKE_FIRST + STRIKE_LATER + [STRIKE_MORE, STRIKE_TALKS],
          "quay": QUAY + [QUAY_NEXT] + QUAY_LATE, "april strike": STRIKE_AGAIN}
ARTICLES = sorted((a for arts in EVENTS.values() for a in arts), key=lambda a: a.published)


def _stories(lib, ids) -> dict[str, set[int]]:
    event_of = {a.title: name for name, arts in EVENTS.items() for a in arts}
    by: dict[str, set[int]] = {name: set() for name in EVENTS}
    for article, i in zip(ARTICLES, ids):
        by[event_of[article.title]].add(story_of(lib, i))
    return by


@pytest.mark.parametrize("fed", [False, True], ids=["stored at once", "fed one at a time"])
def test_a_second_strike_six_weeks_later_is_a_new_story(lib, fed):
    assert len(ARTICLES) == 16
    ids = add_grouped(lib, ARTICLES, fed)
    by = _stories(lib, ids)
    # each event one story, none shared (on main: the April strike's 2 reports in the March strike's story)
    assert all(len(stories) == 1 for stories in by.values()), by
    assert len(set.union(*by.values())) == 3, by
