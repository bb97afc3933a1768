"""Migration 26: a search index left in many segments by an earlier upgrade is merged into one.

Migrations 24 and 25 made the index again; before session 23 they left it in the many large segments of the rebuild's
flushes, and FTS5's automerge then worked through them on every later write (at 100,000 articles an article added cost
8.2 ms of CPU, 0.4 ms merged). Here a 1 KB term hash makes a 400-article library flush as a large one does."""

from __future__ import annotations

import sqlite3

import pytest

from tui.models import Article
from tui.store import Library
from tui.store import library as store
from tui.store.library import pages_to_merge, search_index_segments, search_index_shape

MERGE_MIGRATION = 26


@pytest.fixture(autouse=True)
def _newsreader_of_schema_26(monkeypatch):
    """The newsreader whose last migration is 26 (session 23's end): migration 27 (session 24) makes the index of every
    library before it again, which leaves nothing for 26 to merge (tests/store/test_search_apart_words.py)."""
    monkeypatch.setattr(store, "MIGRATIONS", store.MIGRATIONS[:MERGE_MIGRATION])
    monkeypatch.setattr(store, "SCHEMA_VERSION", MERGE_MIGRATION)


def _articles(n: int) -> list[Article]:
    return [Article(title=f"Harbour report {i}", body=f"The news of the day, number {i}: a new pier at berth {i % 7}.",
                    published="2026-02-01") for i in range(n)]


def _library_before(path, n: int, unmerged: bool) -> tuple[int, int]:
    """A library at the schema before migration 26; its index made again as the old upgrade left it (`unmerged`: the
    segments of a small term hash's flushes, in a merge FTS5 started and did not finish), or left as adding the
    articles made it. (Its pages automerge still has to merge, all its pages.)"""
    with Library(path) as lib:
        lib.add_many(_articles(n))
    db = sqlite3.connect(path, isolation_level=None)
    if unmerged:  # in one transaction, as the migration made it: segments flushed, merges started and not finished
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 1024)")
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0)")
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')")
        for low in range(0, n + 1, 25):
            db.execute("INSERT INTO articles_fts (rowid, title, body, meta) SELECT id, title, body, meta"
                       " FROM articles_search WHERE id > ? AND id <= ?", (low, low + 25))
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 4)")
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', 3)")
        db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 1048576)")
        db.execute("COMMIT")
    db.execute(f"PRAGMA user_version = {MERGE_MIGRATION - 1}")
    shape = search_index_shape(db)
    db.close()
    return pages_to_merge(shape)


def _index_rows(path) -> list:
    db = sqlite3.connect(path)
    rows = db.execute("SELECT id, block FROM articles_fts_data ORDER BY id").fetchall()
    db.close()
    return rows


def test_an_index_in_many_segments_is_merged_into_one(lib_path, monkeypatch):
    waiting, pages = _library_before(lib_path, 400, unmerged=True)
    monkeypatch.setattr(store, "MERGE_PAGES", 10)  # (a small library's index is a few dozen pages)
    assert waiting >= 10 and waiting > pages * store.MERGE_SHARE
    said = []
    monkeypatch.setattr(store, "UPGRADE_NOTICE", said.append)
    monkeypatch.setattr(store, "UPGRADE_NOTICE_FROM", 100)
    lib = Library(lib_path)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == MERGE_MIGRATION
    assert search_index_segments(lib.db) == 1
    # the upgrade's lines: what it does and about how long, then how long it took
    assert len(said) == 2 and said[0].startswith("upgrading the library") and "merged into one" in said[0]
    assert "400 articles" in said[0] and "about" in said[0] and said[1].startswith("upgraded in "), said
    assert len(lib.ids(search="news ")) == 400 and len(lib.ids(search="number 277 ")) == 1
    assert len(lib.ids(search="berth 3 ")) == 57
    lib.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    assert lib.check() == "ok"
    # writing goes on as before
    lib.add(Article(title="Ferry back", body="The ferry sails again from berth 3.", published="2026-02-02"))
    assert len(lib.ids(search="berth 3 ")) == 58
    lib.close()


def test_an_index_in_few_segments_is_left_as_it_is(lib_path, monkeypatch):
    with Library(lib_path) as lib:
        for a in _articles(40):  # one at a time: FTS5's own merges keep a few segments
            lib.add(a)
    db = sqlite3.connect(lib_path)
    db.execute(f"PRAGMA user_version = {MERGE_MIGRATION - 1}")
    db.commit()
    db.close()
    rows = _index_rows(lib_path)
    db = sqlite3.connect(lib_path)
    # several segments (merging would change them), a few pages of automerge's work waiting: below MERGE_PAGES
    assert search_index_segments(db) > 1 and 0 < pages_to_merge(search_index_shape(db))[0] < store.MERGE_PAGES
    db.close()
    said = []
    monkeypatch.setattr(store, "UPGRADE_NOTICE", said.append)
    monkeypatch.setattr(store, "UPGRADE_NOTICE_FROM", 10)
    lib = Library(lib_path)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == MERGE_MIGRATION
    lib.close()
    assert _index_rows(lib_path) == rows  # not a byte of the index written
    assert said == []  # nothing to say: nothing was done


def test_an_index_made_in_the_same_upgrade_is_merged_by_it(lib_path, monkeypatch):
    """A library two migrations behind makes its index again (25) and is not merged a second time (26): the rebuild
    ends merged, and the upgrade says one first line, about making the index again."""
    _library_before(lib_path, 120, unmerged=True)
    monkeypatch.setattr(store, "MERGE_PAGES", 0)
    db = sqlite3.connect(lib_path)
    db.execute(f"PRAGMA user_version = {MERGE_MIGRATION - 2}")
    db.commit()
    db.close()
    said, merges = [], []
    monkeypatch.setattr(store, "UPGRADE_NOTICE", said.append)
    monkeypatch.setattr(store, "UPGRADE_NOTICE_FROM", 100)
    real = Library._merge_index
    monkeypatch.setattr(Library, "_merge_index", lambda self, notice: merges.append(search_index_segments(self.db))
                        or real(self, notice))
    lib = Library(lib_path)
    assert merges == [1] and search_index_segments(lib.db) == 1
    assert "made again" in said[0] and said[-1].startswith("upgraded in ") and not any("merged" in s for s in said)
    assert len(lib.ids(search="news ")) == 120
    lib.close()


def test_a_read_only_library_in_many_segments_is_read_as_it_is(lib_path, monkeypatch):
    monkeypatch.setattr(store, "SEARCH_AS_NOW", 25)  # (that newsreader's)
    _library_before(lib_path, 400, unmerged=True)
    monkeypatch.setattr(store, "MERGE_PAGES", 0)
    rows = _index_rows(lib_path)
    lib = Library(lib_path, readonly=True)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == MERGE_MIGRATION - 1
    assert lib.behind == 0  # its searches find what a merged one finds: nothing to say about them (in that newsreader)
    assert len(lib.ids(search="news ")) == 400 and len(lib.ids(search="berth 3 ")) == 57
    lib.close()
    assert _index_rows(lib_path) == rows


def test_an_index_whose_record_cannot_be_read_does_not_stop_the_upgrade(lib_path, monkeypatch):
    _library_before(lib_path, 60, unmerged=True)
    monkeypatch.setattr(store, "MERGE_PAGES", 0)
    db = sqlite3.connect(lib_path)
    db.execute("UPDATE articles_fts_data SET block = x'0000' WHERE id = 10")
    db.commit()
    db.close()
    lib = Library(lib_path)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == MERGE_MIGRATION
    lib.close()
    assert (10, b"\x00\x00") in _index_rows(lib_path)  # left for doctor to name
