"""After a window regroup, the articles placed one at a time are weighed by the document frequencies of the articles
grouped last (regroup_window.window_df). The window's own batch counted them already (features.reweighted_encoded):
they are handed over instead of being counted again from the store (~10 ms a window at 100,000 articles) only while
they are what the store holds; an article of the window deleted before the next call makes it count from the store."""

from __future__ import annotations

import sys
from collections import Counter

from tests.stories.test_warm_grouper import _generated, _grouped_id
from tui.store import Library
from tui.stories import features, group_new, regroup_window, warm
from tui.stories.library_idf import LIBRARY_FROM


def _expected(lib) -> tuple[int, Counter] | None:
    """The terms' document frequencies of the WINDOW_ARTICLES grouped articles with the highest ids up to the mark,
    from their stored features decoded."""
    mark = regroup_window._mark(lib)
    ids = sorted((r[0] for r in lib.db.execute("SELECT article_id FROM story_articles")), reverse=True)
    last = [i for i in ids if i <= mark][:regroup_window.WINDOW_ARTICLES]
    df: Counter = Counter()
    n = 0
    for i in last:
        row = lib.db.execute("SELECT words, weights, sketch FROM story_features WHERE article_id = ? AND version = ?",
                             (i, features.version())).fetchone()
        if row is not None:
            n += 1
            df.update(features.decode(*row)[0].keys())
    return (n, df) if n >= LIBRARY_FROM else None


def test_the_windows_counts_are_handed_over_while_the_store_holds_them(tmp_path, monkeypatch):
    monkeypatch.setattr(regroup_window, "WINDOW_ARTICLES", 70)
    warm.forget()
    regroup_window._DF_MEMO.clear()
    regroup_window._HANDED.clear()
    answers, counted, marks = [], [], []
    real = regroup_window.window_df

    def checked(lib, version):
        sql: list[str] = []
        lib.db.set_trace_callback(sql.append)
        try:
            got = real(lib, version)
        finally:
            lib.db.set_trace_callback(None)
        if any("FROM story_features f JOIN" in s for s in sql):
            counted.append(len(marks))  # (the step of this call)
        answers.append(got)
        want = _expected(lib)
        assert (got is None) == (want is None)
        if got is not None:
            assert got[0] == want[0] and {t: k for t, k in got[1].items() if t} == want[1]
        return got

    monkeypatch.setattr(sys.modules["tui.stories.grouping"], "window_df", checked)
    deleted = []
    with Library(tmp_path / "feed.db") as lib:
        for step, art in enumerate(_generated()):
            lib.add_many([art])
            group_new(lib)
            mark = regroup_window._mark(lib)
            if marks and mark != marks[-1] and mark > 100 and not deleted:
                # right after a later window: one of its articles goes before the next call
                gone = _grouped_id(lib, len(lib.db.execute("SELECT 1 FROM story_articles").fetchall()) - 10)
                lib.remove(gone)
                deleted.append(step + 1)
            marks.append(mark)
    assert len(set(marks) - {0}) >= 3 and deleted
    assert sum(a is not None for a in answers) > 50
    # the counts of every window were handed over, but those of the window that lost an article before the next call:
    # counted from the store then
    assert counted == deleted
    warm.forget()
