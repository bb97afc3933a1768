"""How many articles wait to be grouped (`ungrouped_count`, asked first by every grouping call) is read from two kept
counts (migration 23), never by counting the memberships: the count stays the true one through grouping one at a
time with window regroups, deletes (of a grouped article and of a waiting one), an undo, an article changed in place,
another connection's writes, a rebuild's bulk forget and bulk insert, and a library upgraded from version 22."""

from __future__ import annotations

import sqlite3

from tests.stories.samples import ALL
from tests.stories.test_regroup_window import _stream
from tui.models import Article
from tui.store import Library
from tui.store import stories as store
from tui.store import story_bulk
from tui.store.feeds import update_article
from tui.store.undo import remove_saving, restore
from tui.stories import group_new, rebuild


def _waiting(lib) -> int:
    """The articles in no story, counted."""
    return lib.db.execute("SELECT count(*) FROM articles a"
                          " WHERE NOT EXISTS (SELECT 1 FROM story_articles s WHERE s.article_id = a.id)").fetchone()[0]


def _agrees(lib) -> int:
    n = store.ungrouped_count(lib)
    assert n == _waiting(lib)
    assert lib.db.execute("SELECT value FROM counts WHERE name = 'grouped'").fetchone()[0] == \
        lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
    return n


def _plans(lib) -> list[str]:
    """The query plan of every statement ungrouped_count runs."""
    sql: list[str] = []
    lib.db.set_trace_callback(sql.append)
    try:
        store.ungrouped_count(lib)
    finally:
        lib.db.set_trace_callback(None)
    assert sql
    return [row[3] for s in sql for row in lib.db.execute(f"EXPLAIN QUERY PLAN {s}")]


def test_the_waiting_count_reads_no_table_through(lib):
    lib.add_many(ALL)
    group_new(lib)
    plans = _plans(lib)
    # two primary-key looks in counts; count(*) of the memberships was a scan of their smallest index
    searched = [p for p in plans if p.startswith(("SEARCH", "SCAN")) and p != "SCAN CONSTANT ROW"]
    assert searched and all(p.startswith("SEARCH counts USING") for p in searched), plans


def test_the_count_follows_every_writer(lib, monkeypatch):
    arts = _stream() + ALL  # 54 + the samples: a window regrouped at 50
    saved = {}
    for step, art in enumerate(arts):
        lib.add_many([art])
        assert _agrees(lib) == 1
        group_new(lib)
        assert _agrees(lib) == 0
        grouped = lib.db.execute("SELECT article_id FROM story_articles ORDER BY article_id").fetchall()
        if step == 10:
            saved["a"] = remove_saving(lib, grouped[3][0])  # a grouped article deleted
            assert _agrees(lib) == 0
        if step == 14:
            assert restore(lib, saved.pop("a"))  # undo: its membership back
            assert _agrees(lib) == 0
        if step == 20:  # another connection stores an article and groups it, then deletes a grouped one
            with Library(lib.path) as second:
                second.add_many([Article(title="Harbour ferry timetable changes for the spring",
                                         body="The harbour ferry runs every twenty minutes from Monday, the operator "
                                              "said, with a later last boat on Fridays.",
                                         source="Coastal Herald", published="2026-03-05")])
                assert store.ungrouped_count(lib) == 1
                group_new(second)
                second.remove(grouped[5][0])
            assert _agrees(lib) == 0
        if step == 30:  # an article changed in place leaves its story and waits again
            first = lib.get(grouped[0][0])
            with lib.transaction() as db:
                assert update_article(db, first.id, Article(title=first.title, body=first.body + " A line added.",
                                                            source=first.source, published=first.published))
            assert _agrees(lib) == 1
            group_new(lib)
            assert _agrees(lib) == 0
        if step == 40:  # a waiting article deleted
            ids = [i for _, i in lib.add_many([Article(title="A notice nobody groups", body="Closed on Monday.",
                                                       source="Town Hall", published="2026-03-09")])]
            assert _agrees(lib) == 1
            lib.remove(ids[0])
            assert _agrees(lib) == 0
    assert lib.db.execute("SELECT value FROM counts WHERE name = 'story_window_mark'").fetchone()  # a window ran
    # a rebuild: every membership forgotten and written again, in bulk (from 5 memberships instead of 500)
    monkeypatch.setattr(story_bulk, "BULK_INSERT_FROM", 5)
    forgot, inserted = story_bulk.forget_memberships, story_bulk.insert_all
    took: list[str] = []

    def forget(db):
        done = forgot(db)
        took.extend(["forget"] * done)
        return done

    def insert(db, select, args=()):  # (the rebuild's swap writes every membership at once)
        done = inserted(db, select, args)
        took.extend(["insert"] * (done is not None))
        return done

    monkeypatch.setattr(store, "forget_memberships", forget)
    monkeypatch.setattr(store, "insert_all", insert)
    rebuild(lib)
    assert "forget" in took and "insert" in took  # the bulk paths ran
    assert _agrees(lib) == 0
    store.clear(lib)
    assert _agrees(lib) == len(lib.db.execute("SELECT id FROM articles").fetchall())


def test_a_library_of_version_22_gets_its_count(lib_path):
    with Library(lib_path) as lib:
        lib.add_many(ALL[:-2])
        group_new(lib)
        lib.add_many(ALL[-2:])
        assert _agrees(lib) == 2
    db = sqlite3.connect(lib_path)  # back to the library as it was before migration 23
    db.executescript("DROP TRIGGER story_articles_grouped_ai; DROP TRIGGER story_articles_grouped_ad;"
                     " DELETE FROM counts WHERE name = 'grouped'; PRAGMA user_version = 22;")
    db.close()
    with Library(lib_path) as lib:
        assert _agrees(lib) == 2
        group_new(lib)
        assert _agrees(lib) == 0


def test_a_rebuild_mends_a_damaged_count(lib):
    """A library whose kept count says every article is grouped (edited by hand, or left wrong) hid new articles from
    every grouping call; `stories --rebuild` (`rebuild`) sets the count again, and grouping one at a time works after."""
    lib.add_many(ALL[:-1])
    group_new(lib)
    for damage in ("UPDATE counts SET value = value + 1 WHERE name = 'grouped'",
                   "UPDATE counts SET value = 'many' WHERE name = 'grouped'",
                   "DELETE FROM counts WHERE name = 'grouped'"):
        lib.db.execute(damage)
        rebuild(lib)
        assert _agrees(lib) == 0
    lib.db.execute("UPDATE counts SET value = value + 1 WHERE name = 'grouped'")
    lib.add_many(ALL[-1:])
    assert store.ungrouped_count(lib) == 0  # the damage: the new article looks grouped
    rebuild(lib)
    assert _agrees(lib) == 0
    lib.add_many([Article(title="Harbour cranes stand idle as dockers strike for a third day",
                          body="Dockers at the port of Velmar stopped work for a third day on Thursday.\n\n"
                               "The harbour authority said ships were waiting outside the breakwater.",
                          source="Velmar Post", published="2026-02-02")])
    assert _agrees(lib) == 1 and group_new(lib) == 1 and _agrees(lib) == 0
