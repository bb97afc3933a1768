"""A regroup forgets and renumbers the memberships in bulk (tui/store/story_bulk.py): the library ends exactly as
the row-by-row triggers leave it (figures, copies shown once, counts), and a changed trigger takes the row path."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from tests.stories.samples import ALL, RECALL, STRIKE
from tui.models import Article
from tui.store import Library
from tui.store import story_bulk
from tui.stories import rebuild

COPIES = [dataclasses.replace(a, source="Harbour Wire", body=a.body + "\n\nHarbour Wire.") for a in STRIKE[:3]]
# notes of one event with no date of their own (dated by the day they were added: story_stats.undated, migration 37)
# and one of another (a story of its own)
NOTES = [Article(title="Quellby footbridge shut after flood", source="", published="",
                 body="The Quellby footbridge was shut after the flood lifted its deck; the ferry runs instead."),
         Article(title="Quellby footbridge deck lifted by flood", source="", published="",
                 body="The flood lifted the deck of the Quellby footbridge, which stays shut; the ferry runs instead."),
         Article(title="Tarnwick bakery wins county prize", source="", published="",
                 body="A Tarnwick bakery won the county prize for its seeded loaf at the Harrowfield show.")]


def _state(lib) -> list:
    q = ["SELECT article_id, story_id, day, dup_of, terms, sketch, source, unread, undated FROM story_articles"
         " ORDER BY 1",
         "SELECT id, title, first, last, size, terms FROM stories ORDER BY id",
         "SELECT * FROM story_stats ORDER BY story_id", "SELECT story_id, source, n FROM story_sources ORDER BY 1, 2",
         "SELECT id, twin_of, read, starred FROM articles ORDER BY id",
         # (the story generation goes up with each change of the stories: the row-by-row path makes one per membership)
         "SELECT name, value FROM counts WHERE name <> 'story_gen' ORDER BY name"]
    return [lib.db.execute(s).fetchall() for s in q]


@pytest.fixture
def twins(tmp_path):
    """Two copies of one grouped library holding articles and their copies from another outlet, some read."""
    from tui.stories import group_new

    lib = Library(tmp_path / "a.db")
    ids = [i for _, i in lib.add_many(ALL + COPIES + NOTES)]
    lib.db.execute("UPDATE articles SET read = 1 WHERE id IN (?, ?, ?)", (ids[0], ids[4], ids[-1]))
    lib.db.commit()
    group_new(lib)
    assert lib.db.execute("SELECT count(*) FROM articles WHERE twin_of IS NOT NULL").fetchone()[0] >= 2
    assert lib.db.execute("SELECT total(undated) FROM story_stats").fetchone()[0] == len(NOTES)
    other = sqlite3.connect(tmp_path / "b.db")
    lib.db.backup(other)
    other.close()
    lib2 = Library(tmp_path / "b.db")
    yield lib, lib2
    lib.close()
    lib2.close()


def test_clear_in_bulk_leaves_what_the_triggers_leave(twins, monkeypatch):
    from tui.store import stories as store

    bulk, rows = twins
    assert _state(bulk) == _state(rows)
    store.clear(bulk)
    monkeypatch.setattr(store, "forget_memberships", lambda db: False)
    store.clear(rows)
    assert _state(bulk) == _state(rows)
    assert not bulk.db.execute("SELECT count(*) FROM articles WHERE twin_of IS NOT NULL").fetchone()[0]


def test_a_rebuild_in_bulk_equals_a_rebuild_row_by_row(twins, monkeypatch):
    from tui.store import stories as store

    bulk, rows = twins
    with bulk.transaction() as db:  # different stories before, so that ids are renumbered
        db.execute("UPDATE story_articles SET story_id = story_id + 1000 WHERE article_id % 2 = 0")
    with rows.transaction() as db:
        db.execute("UPDATE story_articles SET story_id = story_id + 1000 WHERE article_id % 2 = 0")
    assert rebuild(bulk) == rebuild_rows(rows, monkeypatch, store)
    assert _state(bulk) == _state(rows)


def rebuild_rows(lib, monkeypatch, store) -> int:
    with monkeypatch.context() as m:
        m.setattr(store, "forget_memberships", lambda db: False)
        m.setattr(store, "renumber_memberships", lambda db, pairs: False)
        return rebuild(lib)


def test_a_changed_trigger_takes_the_row_path(twins):
    lib, _ = twins
    with lib.transaction() as db:
        assert story_bulk._known(db, story_bulk._DELETE_TRIGGERS) is not None  # a library as migrations make it
        assert story_bulk._known(db, story_bulk._RENUMBER_TRIGGERS) is not None
        db.execute("CREATE TRIGGER later_ad AFTER DELETE ON story_articles BEGIN SELECT 1; END")
        db.execute("DROP TRIGGER story_articles_stats_au")
        db.execute("CREATE TRIGGER story_articles_stats_au AFTER UPDATE OF story_id ON story_articles BEGIN SELECT 2; END")
        assert not story_bulk.forget_memberships(db)
        assert not story_bulk.renumber_memberships(db, [(1, 2)])
    assert lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0] == len(ALL + COPIES + NOTES)


def _group_rows(lib, monkeypatch) -> int:
    from tui.stories import group_new

    with monkeypatch.context() as m:
        m.setattr(story_bulk, "BULK_INSERT_FROM", 10**9)
        return group_new(lib)


def test_grouping_inserts_in_bulk_what_row_by_row_inserts(twins, monkeypatch):
    """New memberships written in bulk (a big batch) leave every table as the insert triggers do row by row: each
    row's source and unread flag, the story figures, the copies shown once, story_left emptied, the counts."""
    from tui.stories import group_new

    bulk, rows = twins
    for lib in twins:
        with lib.transaction() as db:
            # changed in place: they leave their stories (a lone one leaves its id in story_left), to be placed again
            db.execute("UPDATE articles SET body = body || ' Updated.' WHERE id IN (SELECT article_id FROM"
                       " story_articles ORDER BY article_id LIMIT 2) OR id IN (SELECT article_id FROM story_articles s"
                       " WHERE NOT EXISTS (SELECT 1 FROM story_articles o WHERE o.story_id = s.story_id AND"
                       " o.article_id <> s.article_id) LIMIT 2)")
            db.execute("DELETE FROM story_articles WHERE article_id % 3 = 0")  # more to place, copies among them
        assert lib.db.execute("SELECT count(*) FROM story_left").fetchone()[0] >= 1
    more = [dataclasses.replace(a, source="Inland Post", body=a.body + "\n\nInland Post.") for a in RECALL[:2]]
    for lib in twins:
        lib.add_many(more)
        lib.db.execute("UPDATE articles SET read = 1 WHERE source = 'Inland Post'")
        lib.db.commit()
    used = []
    real = story_bulk.insert_memberships
    monkeypatch.setattr(story_bulk, "BULK_INSERT_FROM", 1)
    monkeypatch.setattr("tui.store.stories.insert_memberships", lambda db, r: used.append(len(r)) or real(db, r))
    placed = group_new(bulk)
    assert used and used[0] == placed >= 8
    assert _group_rows(rows, monkeypatch) == placed
    assert _state(bulk) == _state(rows)
    assert [lib.db.execute("SELECT * FROM story_left ORDER BY 1").fetchall() for lib in twins] == [[], []]
    assert bulk.db.execute("SELECT count(*) FROM articles WHERE twin_of IS NOT NULL").fetchone()[0] >= 2
    names = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    assert bulk.db.execute(names).fetchall() == rows.db.execute(names).fetchall()  # set aside, then back


def test_a_changed_insert_trigger_takes_the_row_path(twins, monkeypatch):
    lib, _ = twins
    monkeypatch.setattr(story_bulk, "BULK_INSERT_FROM", 1)
    row = [(1, 1, "2026-03-02", "{}", "[]", None)]
    with lib.transaction() as db:
        db.execute("DELETE FROM story_articles WHERE article_id = 1")
        db.execute("CREATE TRIGGER later_ai AFTER INSERT ON story_articles BEGIN SELECT 1; END")
        assert not story_bulk.insert_memberships(db, row)
        db.execute("DROP TRIGGER later_ai")
        db.execute("DROP TRIGGER story_articles_twin_ai")
        db.execute("CREATE TRIGGER story_articles_twin_ai AFTER INSERT ON story_articles BEGIN SELECT 2; END")
        assert not story_bulk.insert_memberships(db, row)


def test_a_rebuild_that_writes_only_what_differs_equals_one_that_writes_everything(twins, monkeypatch):
    """A rebuild's swap (tui/store/stories.py swap_aside) writes only the memberships that differ from the library's
    when they are few: the same library as forgetting every membership and writing them all."""
    from tui.store import stories as store

    few, every = twins
    for lib in (few, every):  # memberships that differ from what a rebuild makes: an original whose copies follow,
        with lib.transaction() as db:  # another's terms, one left out
            original = db.execute("SELECT dup_of FROM story_articles WHERE dup_of IS NOT NULL").fetchone()[0]
            db.execute("UPDATE story_articles SET terms = '{}' WHERE article_id = ?", (original,))
            db.execute("UPDATE story_articles SET story_id = story_id + 500 WHERE article_id = (SELECT min(article_id)"
                       " FROM story_articles WHERE dup_of IS NULL AND article_id <> ?)", (original,))
            db.execute("DELETE FROM story_articles WHERE article_id = (SELECT max(article_id) FROM story_articles"
                       " WHERE dup_of IS NULL)")
    wrote, real = [], store._write_differing
    monkeypatch.setattr(store, "_write_differing", lambda *a: wrote.append(real(*a)) or wrote[-1])
    monkeypatch.setattr(store, "SWAP_DIFFERING", 0.5)  # (3 of 14 differ: a small library)
    assert rebuild(few) == len(ALL + COPIES + NOTES)
    assert wrote == [True]
    monkeypatch.setattr(store, "SWAP_DIFFERING", 0.0)
    assert rebuild(every) == len(ALL + COPIES + NOTES)
    assert wrote == [True]
    assert _state(few) == _state(every)
