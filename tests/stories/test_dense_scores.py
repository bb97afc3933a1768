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

    def check_then_flush(self, *features):
        if self.dense is not None:
            for sid, row in self.dense.rows.items():
                cen = self.stories[sid].centroid
                for t, col in self.dense.cols.items():
                    assert self.dense.mat[row, col] == cen.get(t, 0.0)
                seen["rows"] += 1
        flush(self, *features)

    monkeypatch.setattr(g.Grouper, "flush", check_then_flush)
    lib.add_many(_spread(8, 3))
    group_new(lib)
    rebuild(lib)
    assert seen["rows"] >= 10


def _duplicate_by_definition(grouper, s, m):
    """`_duplicate_of` as it was written before its story look-up was inlined (each article's story through
    `_resolve`, the merges followed)."""
    shared, found = {}, {}
    for h in m.sketch[:g.DUP_KEYS]:
        for other in grouper.dup_index.get(h, ())[-g.MAX_DUP_CHECKS:]:
            if other.article_id != m.article_id and grouper._resolve(other.story_id) == s.id:
                shared[other.article_id] = shared.get(other.article_id, 0) + 1
                found[other.article_id] = other
    likely = sorted((a for a, n in shared.items() if n >= 2), key=lambda a: -shared[a])[:g.MAX_DUP_CHECKS]
    for aid in likely:
        if g.resemblance(m.sketch, found[aid].sketch) >= g.DUPLICATE:
            return found[aid].dup_of or aid
    return None


def test_a_near_duplicate_is_found_in_a_story_that_took_its_original_by_a_merge(lib):
    """The original of a wire copy was placed and written in an earlier batch, in a story merged since into
    another: its member still names the old story, and `_duplicate_of` follows the merge to find it."""
    from tests.stories.samples import STRIKE

    original, copy_ = STRIKE[2], STRIKE[3]  # the same wire text, two papers
    ids = [i for _, i in lib.add_many([original, STRIKE[0], copy_])]
    grouper = g.Grouper(lib)
    grouper.load_window(g.day_number("2026-03-01"), g.day_number("2026-03-31"))
    grouper.levels = g.Levels(2.0, g.DECAY_DAYS, g.BRIDGE)  # nothing joins: each article its own story
    first = grouper.place(ids[0], original.title, original.body, original.published)
    grouper.flush()
    other = grouper.place(ids[1], STRIKE[0].title, STRIKE[0].body, STRIKE[0].published)
    keep, drop = grouper.stories[other.story_id], grouper.stories[first.story_id]
    grouper._absorb(keep, drop)  # the original's story merged into the other
    assert first.story_id == drop.id and grouper.merged == {drop.id: keep.id}
    m = g.Member(ids[2], 0, copy_.published, {}, g.sketch(copy_.body))
    assert grouper._duplicate_of(keep, m) == ids[0] == _duplicate_by_definition(grouper, keep, m)
    assert grouper._duplicate_of(drop, m) is None


def test_near_duplicates_are_found_as_by_their_definition(lib, monkeypatch):
    fast = g.Grouper._duplicate_of
    seen = Counter()

    def checked(self, s, m):
        got = fast(self, s, m)
        assert got == _duplicate_by_definition(self, s, m)
        seen["found"] += got is not None
        return got

    monkeypatch.setattr(g.Grouper, "_duplicate_of", checked)
    articles = _spread(8, 3)
    lib.add_many(articles[:40])
    group_new(lib)
    for a in articles[40:70]:  # one at a time
        lib.add_many([a])
        group_new(lib)
    lib.add_many(articles[70:])
    group_new(lib)
    rebuild(lib)
    assert seen["found"] > 5


def test_a_batch_s_columns_made_at_once_are_each_article_s():
    """DenseScores.articles gives what article() gives for each of the batch's vectors (the columns and weights
    in the article's order), None for an article without terms; vectors that are not the batch's: article()'s."""
    import numpy as np

    from tui.stories.terms import terms

    vecs = [terms(a.title, a.body) for a in ALL] + [{}]
    scores = dense.DenseScores(vecs)
    made = scores.articles(vecs)
    assert made[-1] is None and len(made) == len(vecs)
    for got, vec in zip(made[:-1], vecs):
        want = scores.article(vec)
        assert got[0].dtype == want[0].dtype and got[1].dtype == want[1].dtype
        assert got[0].tolist() == want[0].tolist() and got[1].tolist() == want[1].tolist()
    other = [{"unseen-term": 1.0}, vecs[0]]
    assert [x if x is None else x[0].tolist() for x in scores.articles(other)] == [None, scores.article(vecs[0])[0].tolist()]
