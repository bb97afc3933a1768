"""Articles placed a few at a time after a windowed regroup take the levels for how crowded the window's days were
(grouping.crowded over the days of the articles grouped last, tui/stories/regroup_window.window_days), as the
window's own batch did: a crowded stream fed one article at a time does not melt into topics between windows."""

from __future__ import annotations

from collections import Counter

from tests.stories.test_crowded_levels import _stream
from tui.stories import group_new, story_of
from tui.stories.grouping import LIBRARY, crowded, day_number
from tui.stories.regroup_window import WINDOW_ARTICLES, window_days


def _fed_one_at_a_time(lib, arts) -> list[int]:
    ids = []
    for art in arts:
        ids.append(lib.add_many([art])[0][1])
        assert group_new(lib) == 1
    return ids


def test_a_crowded_stream_fed_one_at_a_time_is_not_one_story_of_company_results(lib):
    arts, kinds = _stream()  # 120 articles over three days, 40 a day
    story = [story_of(lib, i) for i in _fed_one_at_a_time(lib, arts)]
    results = Counter(s for s, k in zip(story, kinds) if k == "results")
    # different companies' results: at most a chance pair (at the LIBRARY levels, between windows: 7 in one story)
    assert max(results.values()) <= 2
    event = {s for s, k in zip(story, kinds) if k == "event"}
    assert len(event) == 1 and story.count(next(iter(event))) == 3  # the dock accident is one story of its 3 reports


def test_the_window_days_are_those_of_the_articles_grouped_last(lib):
    arts, _ = _stream()
    assert window_days(lib) == []  # no window regrouped yet
    _fed_one_at_a_time(lib, arts[:60])
    days = window_days(lib)
    assert 0 < len(days) <= WINDOW_ARTICLES
    assert sorted(set(days)) == ["2026-03-10", "2026-03-11"]  # 40 a day: the first 60 fall on two days
    assert crowded([day_number(d) for d in days]) is not LIBRARY  # crowded: its own row's levels
