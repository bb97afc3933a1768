"""A grouper that keeps its stories between small calls (tui/stories/warm.py) groups exactly as a fresh one: fed our own
articles one at a time, with deletes, an undo and another connection's writes in between, the stories and every
membership come out the same as when each call starts cold; and what it keeps after a call is what a fresh grouper
would read from the store."""

from __future__ import annotations

import sys

import pytest

from tests.stories.samples import ALL
from tests.stories.test_regroup_window import _stream
from tui.models import Article
from tui.store import Library
from tui.store import stories as store
from tui.store.undo import remove_saving, restore
from tui.stories import group_new, warm
from tui.stories.grouping import DUP_KEYS


@pytest.fixture(autouse=True)
def _nothing_kept():
    warm.forget()
    yield
    warm.forget()


def _articles():
    """The fortnight of fairs and two events (54 articles: a window is regrouped at 50), then the strike with its
    wire copy, the recall and the other pieces: fed one at a time, oldest first within each."""
    return _stream() + ALL


def _state(lib) -> list:
    return [lib.db.execute("SELECT article_id, story_id, day, dup_of FROM story_articles ORDER BY article_id").fetchall(),
            lib.db.execute("SELECT id, title, first, last, size, terms FROM stories ORDER BY id").fetchall()]


def _feed(path, monkeypatch, kept: bool, actions=None, check=None) -> list:
    """Feed the articles one at a time, `group_new` after each; `actions` {step: fn(lib)} run before a step's article
    is stored; `check(lib)` after each call. With `kept` False every call starts cold (the grouping before warm.py)."""
    with monkeypatch.context() as m:
        if not kept:
            m.setattr(warm, "take", lambda lib: None)
        with Library(path) as lib:
            for step, art in enumerate(_articles()):
                if actions and step in actions:
                    actions[step](lib)
                lib.add_many([art])
                group_new(lib)
                if check is not None:
                    check(lib)
            return _state(lib)


def _grouped_id(lib, nth: int) -> int:
    return lib.db.execute("SELECT article_id FROM story_articles ORDER BY article_id LIMIT 1 OFFSET ?",
                          (nth,)).fetchone()[0]


def test_kept_stories_group_as_fresh_ones(tmp_path, monkeypatch):
    cold = _feed(tmp_path / "cold.db", monkeypatch, kept=False)
    used = []
    kept = _feed(tmp_path / "warm.db", monkeypatch, kept=True, check=lambda lib: used.append(_kept(lib) is not None))
    assert kept == cold
    assert len(kept[0]) == len(_articles())
    assert any(d is not None for *_, d in kept[0])  # the wire copy was found as a repeat
    assert sum(used) > len(used) // 2  # most calls started from what the call before kept


def test_a_delete_an_undo_and_another_connections_writes_are_followed(tmp_path, monkeypatch):
    saved = {}

    def delete(lib):
        saved["a"] = remove_saving(lib, _grouped_id(lib, 3))

    def undo(lib):
        restore(lib, saved.pop("a"))

    def other(lib):  # another process stores and groups an article (nothing kept is shared with it)
        with monkeypatch.context() as m, Library(lib.path) as second:
            m.setattr(warm, "take", lambda lib: None)
            second.add_many([Article(title="Harbour ferry timetable changes for the spring",
                                               body="The harbour ferry runs every twenty minutes from Monday, the "
                                                    "operator said, with a later last boat on Fridays.",
                                               source="Coastal Herald", published="2026-03-05")])
            group_new(second)

    def other_deletes(lib):  # and deletes a grouped article
        with Library(lib.path) as second:
            second.remove(_grouped_id(second, 5))

    actions = {10: delete, 14: undo, 20: other, 57: delete, 60: other_deletes, 62: undo}
    cold = _feed(tmp_path / "cold.db", monkeypatch, kept=False, actions=actions)
    assert not saved
    started: list = []
    _checked_start(monkeypatch, started)
    kept = _feed(tmp_path / "warm.db", monkeypatch, kept=True, actions=actions, check=_same_as_the_store)
    assert kept == cold
    assert any(started)


def _kept(lib):
    return warm._KEPT.get(str(lib.path))


def _same_as_the_store(lib, kept=None) -> None:
    """What is kept after a call (or handed to a call's grouper: `kept`) is what a fresh grouper reads: the stories of
    its window as stored (centroids in their order), the index of exactly their terms, each kept story's near-duplicate
    entries as stored."""
    kept = kept or _kept(lib)
    if kept is None:  # (a call that regrouped a window keeps nothing)
        return
    assert kept.gen == warm.generation(lib.db)
    stored = {r[0]: (r[1], r[2], r[3], r[4], list(r[5].items())) for r in store.stories_between(lib, kept.lo, kept.hi)}
    assert {s.id: (s.title, s.first, s.last, s.size, list(s.centroid.items())) for s in kept.stories.values()} == stored
    index: dict[str, set[int]] = {}
    for sid, (*_, terms) in stored.items():
        for t, _ in terms:
            index.setdefault(t, set()).add(sid)
    assert {t: p for t, p in kept.index.items() if p} == index
    for sid, entries in kept.sketches.items():
        made: dict[int, list] = {}
        for m in store.sketches(lib, sid):
            for h in m.sketch[:DUP_KEYS]:
                made.setdefault(h, []).append((m.article_id, m.story_id, m.day, m.sketch, m.dup_of))
        assert {h: [(m.article_id, m.story_id, m.day, m.sketch, m.dup_of) for m in ms] for h, ms in entries.items()} == made


def _checked_start(monkeypatch, started: list) -> None:
    """Check every grouper's kept start against the store (the stories it is given, before it places anything)."""
    start = warm.start

    def checked(kept, g, lo, hi):
        start(kept, g, lo, hi)
        _same_as_the_store(g.lib, kept)
        started.append(bool(kept.sketches))

    monkeypatch.setattr(warm, "start", checked)


def test_what_is_kept_is_what_the_store_holds(tmp_path, monkeypatch):
    seen = []

    def check(lib):
        _same_as_the_store(lib)
        kept = _kept(lib)
        seen.append(bool(kept and kept.sketches))

    _feed(tmp_path / "warm.db", monkeypatch, kept=True, check=check)
    assert any(seen)  # some story's near-duplicate entries were kept (and compared)


def test_the_story_generation_moves_with_every_story_write_only(lib):
    from tests.stories.samples import STRIKE

    ids = [i for _, i in lib.add_many(STRIKE)]
    gen = warm.generation(lib.db)
    assert gen is not None
    group_new(lib)
    grouped = warm.generation(lib.db)
    assert grouped > gen
    lib.set_read(ids[0])  # not a story's row: the same number
    assert warm.generation(lib.db) == grouped
    lib.add_many([ALL[-1]])  # an article not grouped yet: the same
    assert warm.generation(lib.db) == grouped
    lib.remove(ids[1])  # its story loses an article
    assert warm.generation(lib.db) > grouped


def _generated() -> list[Article]:
    """150 short generated articles (bench/generate.py: our own word lists and templates; 40 a day, topics that
    recur), fed in order, with wire copies from another outlet among them: one copy lands before its original and
    is dated a day after it (a window regroup, placing by date, then makes the later id the original of the earlier
    one) and another copy of it comes after the window, the others after theirs, one of them in the next window."""
    from bench.generate import article_parts

    def made(i: int) -> Article:
        p = article_parts(i, words=200)
        return Article(title=p["title"], body="\n\n".join(p["paras"]), source=p["source"], published=p["published"])

    out = [made(i) for i in range(150)]

    def copy(of: int, day_of: int) -> Article:
        a = out[of]
        return Article(title=f"Wire report: {a.title}", body=a.body + "\n\nReporting by the wire desk.",
                       source="Wire Copy Service", published=out[day_of].published)

    for at, of, day_of in ((130, 121, 121), (90, 44, 44), (70, 41, 41), (62, 47, 47), (20, 41, 85)):  # from the end: positions hold
        out.insert(at, copy(of, day_of))
    return out


def test_kept_stories_follow_window_regroups(tmp_path, monkeypatch):
    """Three windows regrouped (with 20 articles grouped before each new 50, so that older stories lose some of their
    articles and keep others), a delete before a window and its undo after it, another connection's grouping and
    delete between: kept and cold give the same groups, and what is kept after each call (windows too) is the store."""
    from tui.stories import grouping, regroup_window

    monkeypatch.setattr(regroup_window, "WINDOW_ARTICLES", 70)
    arts = _generated()
    monkeypatch.setattr(sys.modules[__name__], "_articles", lambda: arts)
    saved = {}

    def delete(lib):
        saved["a"] = remove_saving(lib, _grouped_id(lib, 30))

    def undo(lib):
        restore(lib, saved.pop("a"))

    def other(lib):
        with monkeypatch.context() as m, Library(lib.path) as second:
            m.setattr(warm, "take", lambda lib: None)
            second.add_many([Article(title="Harbour ferry timetable changes for the spring",
                                     body="The harbour ferry runs every twenty minutes from Monday, the operator said,"
                                          " with a later last boat on Fridays.", source="Coastal Herald",
                                     published="2013-10-23")])
            group_new(second)

    def other_deletes(lib):
        with Library(lib.path) as second:
            second.remove(_grouped_id(second, 40))

    actions = {45: delete, 55: undo, 62: other, 80: other_deletes}
    cold = _feed(tmp_path / "cold.db", monkeypatch, kept=False, actions=actions)
    assert not saved
    calls = {"forgotten": [], "renumbered": [], "carried": []}
    forgotten, renumbered, summed = warm.forgotten, warm.renumbered, grouping._summed
    monkeypatch.setattr(warm, "forgotten", lambda w, left, touched, rows, rep: (
        calls["forgotten"].append((bool(w.sketches), rep)), forgotten(w, left, touched, rows, rep))[-1])
    monkeypatch.setattr(warm, "renumbered", lambda w, ids: (
        calls["renumbered"].append(set(ids) & set(w.stories)), renumbered(w, ids))[-1])
    monkeypatch.setattr(grouping, "_summed", lambda vecs, cen=None: (
        calls["carried"].append(cen is not None), summed(vecs, cen))[-1])
    started: list = []
    _checked_start(monkeypatch, started)
    windows = []

    def check(lib):
        _same_as_the_store(lib)
        windows.append(regroup_window._mark(lib))

    kept = _feed(tmp_path / "warm.db", monkeypatch, kept=True, actions=actions, check=check)
    assert kept == cold
    assert len(set(windows)) >= 4  # three windows (and the mark set by the first)
    assert len(calls["forgotten"]) == 3 and all(w for w, _ in calls["forgotten"][1:])  # followed, sketches kept
    assert any(rep for _, rep in calls["forgotten"])  # a repeat was pointed at another original
    assert any(calls["renumbered"])  # a kept story took back an old id
    assert any(calls["carried"])  # a story's sum carried on from the last window's
    assert any(d is not None for *_, d in kept[0])
