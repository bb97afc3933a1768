"""The stories an article is compared with are filtered by a set of the stories near its day (kept as stories are
added, grow, merge and go); it must give exactly the candidates the per-story date test gives."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from itertools import chain, islice

import pytest

from tests.stories.samples import ALL
from tui.stories import group_new, rebuild
from tui.stories import grouping as g


def _by_date_test(grouper, vec, lo, hi, window):
    """The candidates as they were chosen before the window set: every hit's dates tested one by one."""
    index = grouper.index
    hits = Counter(chain.from_iterable(
        p for p in map(index.get, islice(vec, g.QUERY_TERMS)) if p and len(p) <= g.MAX_POSTING))
    lo, hi = lo - window, hi + window
    near = [sid for sid in hits if (st := grouper.stories.get(sid)) is not None
            and g._DAYS[st.last] >= lo and g._DAYS[st.first] <= hi]
    if len(near) > g.MAX_CANDIDATES:
        near.sort(reverse=True)
        near.sort(key=hits.__getitem__, reverse=True)
        del near[g.MAX_CANDIDATES:]
    return near, len(hits) - len([sid for sid in hits if sid in grouper.stories])


def _spread(articles, copies: int, step: int):
    """Our sample articles again `copies` times, each copy `step` days later (stories weeks apart share terms)."""
    out = []
    for k in range(copies):
        for a in articles:
            day = date.fromisoformat(a.published[:10]) + timedelta(days=k * step)
            out.append(replace(a, title=f"{a.title} ({k})", body=f"{a.body}\n\nEdition {k + 1}.", published=day.isoformat()))
    return out


@pytest.mark.parametrize("max_posting", [g.MAX_POSTING, 2])  # and with terms too common to count (postings cut)
def test_candidates_from_the_window_set_equal_the_date_test(lib, monkeypatch, max_posting):
    monkeypatch.setattr(g, "MAX_POSTING", max_posting)
    fast = g.Grouper._candidates
    seen = Counter()

    def checked(self, vec, lo, hi, window=g.WINDOW_DAYS):
        got = fast(self, vec, lo, hi, window)
        want, _ = _by_date_test(self, vec, lo, hi, window)
        assert got == want
        seen["cut"] += any(len(p) > g.MAX_POSTING for p in map(self.index.get, islice(vec, g.QUERY_TERMS)) if p)
        if lo == hi and window == g.WINDOW_DAYS:
            seen["window"] += 1
            n = lo
            outside = [sid for sid, st in self.stories.items()
                       if g._DAYS[st.last] < n - g.WINDOW_DAYS or g._DAYS[st.first] > n + g.WINDOW_DAYS]
            seen["outside"] += bool(outside)  # stories out of the window were there to leave out
        return got

    monkeypatch.setattr(g.Grouper, "_candidates", checked)
    articles = _spread(ALL, 6, 100)  # 500 days: a window of 30 days each way leaves stories out
    half = len(articles) // 2
    lib.add_many(articles[:half])
    group_new(lib)  # a library-weighted batch
    for a in articles[half:]:  # then one at a time (new stories, joins, the windowed regroup's merges)
        lib.add_many([a])
        group_new(lib)
    rebuild(lib)
    assert seen["window"] > 200 and seen["outside"] > 100
    assert (seen["cut"] > 50) == (max_posting == 2)
