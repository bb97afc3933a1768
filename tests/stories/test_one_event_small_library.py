"""A small library that is mostly one event (issue 13, noticed in session 32, reproduced in session 33 on our own
articles, mended in session 34): from 10 articles a library too small for a window is weighed by its own idf
(`regroup_window.small_library`, METHOD 8), and an event in most of its articles then weighed its own words (the
town, the ferry, the strike, the union, the harbour master: in 8 to 10 of 10 articles) at almost nothing, so its
reports no longer joined each other. Ten articles: the Quillan ferry strike's 8 reports and 2 of the quay repairs.
Until session 34, stored at once the strike was four stories (its first three reports each alone, then the other
five), fed one at a time and settled four too (under the background idf, before METHOD 8, all ten were one story, the
quay's with them: the other way to fail). Now the words the strike's reports share, in half the library or more,
held by reports that agree with each other on their other words, within a week, keep their weight
(`library_idf.cohesive`, METHOD 9); the town's name, in the quay's reports too, stays damped."""

from __future__ import annotations

import pytest

from tests.stories.big_town_samples import (QUAY, STRIKE_FIRST, STRIKE_LATER, STRIKE_MORE, STRIKE_TALKS,
                                            add_grouped)
from tui.stories import story_of

STRIKE = STRIKE_FIRST + STRIKE_LATER + [STRIKE_MORE, STRIKE_TALKS]
ARTICLES = sorted(STRIKE + QUAY[:2], key=lambda a: a.published)  # 10: the small library's weighting applies


def _stories(lib, ids) -> tuple[set[int], set[int]]:
    strike = {a.title for a in STRIKE}
    by = {True: set(), False: set()}
    for article, i in zip(ARTICLES, ids):
        by[article.title in strike].add(story_of(lib, i))
    return by[True], by[False]


@pytest.mark.parametrize("fed", [False, True], ids=["stored at once", "fed one at a time"])
def test_a_small_library_of_one_event_keeps_it_one_story(lib, fed):
    ids = add_grouped(lib, ARTICLES, fed)
    strike, quay = _stories(lib, ids)
    assert len(quay) == 1 and not strike & quay  # the quay's two reports: one story, not the strike's
    assert len(strike) == 1, f"the strike's 8 reports in {len(strike)} stories"
