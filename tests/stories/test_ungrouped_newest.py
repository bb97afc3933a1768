"""The articles waiting to be grouped are found among the newest ids when they are all there
(tui/store/stories.ungrouped_keys: at 100,000 articles the walk over the whole list cost ~0.1 s of CPU at every
one-article grouping). The rows, and so the stories, must be the ones the walk gives."""

from __future__ import annotations

import dataclasses

import tui.store.stories as store
from tui.stories import group_new
from tui.stories.library_idf import LIBRARY_FROM

from tests.stories.test_window_size import _stream


def _walk(lib, limit, after=("", 0)):
    """The walk in date order over every article (what ungrouped_keys falls back on)."""
    return lib.db.execute(
        "SELECT a.id, a.sort_key FROM articles a WHERE (a.sort_key > ? OR (a.sort_key = ? AND a.id > ?))"
        " AND NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)"
        " ORDER BY a.sort_key, a.id LIMIT ?", (after[0], after[0], after[1], limit)).fetchall()


def _feed(lib, arts) -> list[tuple]:
    """Feed `arts` one at a time (a window regroup every LIBRARY_FROM), the stored groups."""
    for art in arts:
        lib.add_many([art])
        assert group_new(lib) == 1
    return (lib.db.execute("SELECT article_id, story_id, day, terms, dup_of FROM story_articles ORDER BY article_id")
            .fetchall() + lib.db.execute("SELECT id, title, first, last, size, terms FROM stories ORDER BY id").fetchall())


def test_a_stream_fed_one_at_a_time_is_grouped_as_by_the_walk(lib, tmp_path, monkeypatch):
    from tui.store.library import Library

    arts = _stream(2 * LIBRARY_FROM + 10)
    # a late report of an old day: its id is the newest, its date among the oldest
    arts.insert(70, dataclasses.replace(arts[5], title=arts[5].title + " update", published="2026-01-01",
                                         body=arts[5].body + " The figures were revised a week later."))
    fast = _feed(lib, arts)
    monkeypatch.setattr(store, "NEWEST_SCAN", 0)  # every look-up walks the list
    walked = Library(tmp_path / "walk.db")
    try:
        assert _feed(walked, arts) == fast
    finally:
        walked.close()


def test_the_newest_ids_give_the_walks_rows_or_the_walk_is_taken(lib, monkeypatch):
    arts = _stream(12)
    ids = [i for _, i in lib.add_many(arts[:8])]
    group_new(lib)
    lib.add_many(arts[8:])  # four waiting, the newest ids; then an old one leaves its story
    with lib.transaction() as db:
        db.execute("DELETE FROM story_articles WHERE article_id = ?", (ids[0],))
    for limit, after in ((10, ("", 0)), (2, ("", 0)), (10, _walk(lib, 10)[1][::-1])):
        assert store.ungrouped_keys(lib, limit, after) == _walk(lib, limit, after)
    monkeypatch.setattr(store, "NEWEST_SCAN", 6)  # five wait, four among the newest six: the walk finds the old one
    assert store.ungrouped_keys(lib, 10) == _walk(lib, 10)
    assert ids[0] in [i for i, _ in store.ungrouped_keys(lib, 10)]
