"""Storing many articles in one INSERT statement (library.insert_articles, used by add_many) gives the same ids,
rows, duplicates, tags, counters and search index as storing them one statement each (insert_article), and
needs far less of SQLite's statement journal; Library.bulk raises the page cache only while it lasts."""

from __future__ import annotations

import os
import sqlite3

import pytest

from tui.models import Article
from tui.store import Library, StoreError
from tui.store import library as library_module
from tui.store.library import insert_article, insert_articles


def _articles() -> list[Article]:
    out = []
    for i in range(40):
        body = f"Ferry crews in harbour {i % 25} moved {i % 25 * 3} tonnes of grain before the storm reached the coast."
        out.append(Article(title=f"Harbour {i}", source=["Coast Courier", "Valley Ledger", ""][i % 3], body=body,
                           byline="Port Staff" if i % 4 == 0 else "", published=None if i % 5 == 0 else "2025-03-0%d" % (i % 9 + 1),
                           tags=["Ports", "Weather"] if i % 2 else []))
    # the same text again under other titles (duplicates of rows stored earlier in the same statement)
    out += [Article(title="Again", body=a.body, source="Wire") for a in out[:5]]
    return out


def _state(lib) -> list:
    db = lib.db
    return [db.execute("SELECT id, title, source, byline, published, tags, url, body, words, hash, sort_key, folds,"
                       " read, starred, twin_of FROM articles ORDER BY id").fetchall(),
            db.execute("SELECT tag, article_id FROM article_tags ORDER BY 1, 2").fetchall(),
            # (the story generation starts at a random number in each library: tui/store/schema.py, migration 22)
            db.execute("SELECT name, value FROM counts WHERE name <> 'story_gen' ORDER BY 1").fetchall(),
            db.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'harbour' ORDER BY rowid").fetchall()]


def _store(lib, articles, many: bool) -> list[tuple[str, int]]:
    with lib.transaction(index_later=True) as db:
        if many:
            return insert_articles(db, articles, "2025-01-01T00:00:00")
        return [("added" if added else "duplicate", ident)
                for ident, added in (insert_article(db, a, "2025-01-01T00:00:00") for a in articles)]


def test_one_statement_stores_what_one_statement_each_stores(tmp_path):
    arts = _articles()
    one, many = Library(tmp_path / "one.db"), Library(tmp_path / "many.db")
    try:
        for lib in (one, many):  # a stored article first: the batch repeats it too
            _store(lib, [arts[7]], many=False)
        got_one, got_many = _store(one, arts, many=False), _store(many, arts, many=True)
        assert got_many == got_one
        # 25 different texts in the batch, one of them stored before: 15 + 5 repeats inside the batch, and that one
        assert [s for s, _ in got_many].count("duplicate") == 21
        assert _state(many) == _state(one)
        many.db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        one.close()
        many.close()


def test_statements_of_at_most_the_variable_limit(tmp_path):
    lib = Library(tmp_path / "lib.db")
    try:
        lib.db.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 12 * 7)  # 7 rows a statement
        arts = _articles()
        got = _store(lib, arts, many=True)
        assert len(got) == len(arts) and len({i for s, i in got if s == "added"}) == 25
    finally:
        lib.close()


def test_add_many_matches_single_adds_and_rolls_back_whole(tmp_path, monkeypatch):
    # An undated article sorts by when it was stored (sort_key = the store's clock, to the second): the two libraries
    # are written one after the other, and under load a second ended between them (the rows then differed in
    # sort_key alone). The clock is the same fixed second for both, as it is for _store's statements.
    monkeypatch.setattr(library_module, "_now", lambda: "2025-01-01T00:00:00Z")
    arts = _articles()
    a, b = Library(tmp_path / "a.db"), Library(tmp_path / "b.db")
    try:
        assert a.add_many(arts, chunk=16) == [b.add(x) for x in arts]
        assert _state(a)[:3] == _state(b)[:3]
        before = _state(a)
        bad = [Article(title="fine", body="A new text about the ferry timetable in spring."),
               Article(title="x", body="Another new text.", published=object())]  # SQLite cannot store it
        with pytest.raises(StoreError):
            a.add_many(bad)
        assert _state(a) == before  # nothing of the failed batch is left
    finally:
        a.close()
        b.close()


def test_bulk_raises_the_cache_only_while_it_lasts(tmp_path):
    lib = Library(tmp_path / "lib.db")
    try:
        size = lambda: lib.db.execute("PRAGMA cache_size").fetchone()[0]
        before = size()
        with lib.bulk():
            assert size() == -library_module.BULK_CACHE_KIB
            with lib.bulk():  # nested: the outer one restores
                pass
            assert size() == -library_module.BULK_CACHE_KIB
            lib.add_many(_articles()[:3])
            assert size() == -library_module.BULK_CACHE_KIB
        assert size() == before
        lib.db.execute("PRAGMA cache_size = -65536")  # already bigger: left alone
        with lib.bulk():
            assert size() == -65536
        assert size() == -65536
    finally:
        lib.close()


def test_old_sqlite_without_returning_stores_the_same(tmp_path, monkeypatch):
    arts = _articles()
    new = Library(tmp_path / "new.db")
    monkeypatch.setattr(sqlite3, "sqlite_version_info", (3, 34, 1))
    old = Library(tmp_path / "old.db")
    try:
        got_old = _store(old, arts, many=True)
        monkeypatch.undo()
        assert _store(new, arts, many=True) == got_old
        assert _state(new) == _state(old)
    finally:
        old.close()
        new.close()
    assert not [f for f in os.listdir(tmp_path) if f.endswith("-journal")]
