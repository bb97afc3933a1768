"""Cheaper sums, the same stories (issue 13: regrouping 100,000 articles).

`refine` judges an article's own story without it by `_without` (no leave and join back), and a big batch sums an
article with its candidate stories' centroids held as matrix rows (tui/stories/dense.py). Both must give exactly the
floats of the dict sums, so grouping makes the same stories; checked here on our own articles, with stories trimmed
often (a small CENTROID_TERMS) so that centroids lack some of their articles' terms."""

from __future__ import annotations

import copy
import sys
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta

import pytest

from tests.stories.samples import ALL
from tui.stories import dense, group_new, rebuild
from tui.stories import grouping as g


def _spread(copies: int, step: int):
    """Our sample articles again `copies` times, each copy `step` days later, with a line of its own."""
    out = []
    for k in range(copies):
        for a in ALL:
            day = date.fromisoformat(a.published[:10]) + timedelta(days=k * step)
            out.append(replace(a, title=f"{a.title} ({k})", body=f"{a.body}\n\nEdition {k + 1} of the day.",
                               published=day.isoformat()))
    return out


def _tables(lib) -> tuple:
    return (lib.db.execute("SELECT article_id, story_id, day, terms, sketch, dup_of FROM story_articles"
                           " ORDER BY article_id").fetchall(),
            lib.db.execute("SELECT id, title, first, last, size, terms FROM stories ORDER BY id").fetchall())


def _group_all(lib, articles) -> tuple:
    half = len(articles) // 2
    lib.add_many(articles[:half])
    group_new(lib)  # one batch
    for a in articles[half:half + 12]:  # then a few one at a time
        lib.add_many([a])
        group_new(lib)
    lib.add_many(articles[half + 12:])
    group_new(lib)
    first = _tables(lib)
    rebuild(lib)
    return first, _tables(lib)


def test_own_story_without_the_article_is_scored_as_after_leaving(lib, monkeypatch):
    monkeypatch.setattr(g, "CENTROID_TERMS", 25)  # trimmed at 50 terms: articles hold terms their story lacks
    lib.add_many(_spread(3, 2))
    grouper = g.Grouper(lib)
    rows = lib.db.execute("SELECT id, title, body, sort_key FROM articles ORDER BY sort_key, id").fetchall()
    members = [grouper.place(i, t, b, k) for i, t, b, k in rows]
    checked = lacking = 0
    for m in members:
        own = grouper.stories[m.story_id]
        if own.size < 2:
            continue
        n = g.day_number(m.day)
        lacking += not m.terms.keys() <= own.centroid.keys()
        want = copy.deepcopy(own)
        grouper._leave(want, m)  # what refine did before: leave, then score the story
        assert grouper._without(own, m.terms, n) == grouper._score(want, m.terms, n)
        checked += 1
    assert checked > 20 and lacking > 5


NO_MATRIX = pytest.mark.skipif(sys.version_info >= (3, 12), reason="no matrix where sum() compensates")


@NO_MATRIX
@pytest.mark.parametrize("cells", [dense.CELLS, 1000])  # every story a row / one row, the rest by dicts
def test_matrix_rows_give_the_same_sums_and_stories(lib_path, tmp_path, monkeypatch, cells):
    from tui.store import Library

    monkeypatch.setattr(g, "CENTROID_TERMS", 25)  # rows dropped and made again at each trim
    articles = _spread(8, 3)
    monkeypatch.setattr(dense, "DENSE_FROM", 10 ** 9)
    plain = Library(tmp_path / "plain.db")
    want = _group_all(plain, articles)
    plain.close()

    monkeypatch.setattr(dense, "DENSE_FROM", 1)
    monkeypatch.setattr(dense, "HOT", 1)
    monkeypatch.setattr(dense, "CELLS", cells)
    used = Counter()
    best = g.Grouper._best

    def checked(self, vec, n, near, cols=None):  # each answer is the dicts' answer, float for float
        got = best(self, vec, n, near, cols)
        if cols is not None:
            used["rows"] += sum(st.id in self.dense.rows for st in near)
            used["dicts"] += sum(st.id not in self.dense.rows for st in near)
            assert got == best(self, vec, n, near)
        return got

    monkeypatch.setattr(g.Grouper, "_best", checked)
    lib = Library(lib_path)
    assert _group_all(lib, articles) == want
    lib.close()
    assert used["rows"] > 200
    assert (used["dicts"] > 20) == (cells == 1000)


@NO_MATRIX
def test_a_row_follows_its_story(lib, monkeypatch):
    """After a batch, every row holds its story's centroid weight for each of the batch's terms (0 for a term the
    story lacks): joins add to it, and trims, leaves and merges make it again."""
    monkeypatch.setattr(g, "CENTROID_TERMS", 25)
    monkeypatch.setattr(dense, "DENSE_FROM", 1)
    monkeypatch.setattr(dense, "HOT", 1)
    seen = Counter()
    flush = g.Grouper.flush

    def check_then_flush(self):
        if self.dense is not None:
            for sid, row in self.dense.rows.items():
                cen = self.stories[sid].centroid
                for t, col in self.dense.cols.items():
                    assert self.dense.mat[row, col] == cen.get(t, 0.0)
                seen["rows"] += 1
        flush(self)

    monkeypatch.setattr(g.Grouper, "flush", check_then_flush)
    lib.add_many(_spread(8, 3))
    group_new(lib)
    rebuild(lib)
    assert seen["rows"] >= 10
