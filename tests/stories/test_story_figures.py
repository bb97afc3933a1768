"""Each story's list figures (articles, outlets, unread) are stored with it (story_stats, migration 11) and
follow every change: adds, removals, read marks, merge/split, rebuild, in-place updates, an old library's
upgrade. Each check compares the stored figures with the same figures counted from the member articles."""

from __future__ import annotations

import dataclasses
import sqlite3

from tests.stories.samples import ALL, RECALL, STRIKE
from tui.models import Article
from tui.stories import group_new, merge, rebuild, split, story_of
from tui.store import stories as store


def _set_back(lib_path, script: str, version: int) -> None:
    """Run `script` on the library and mark it as of schema `version`, as an older newsreader left it."""
    db = sqlite3.connect(lib_path)
    db.executescript(script)
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()


def _counted(lib) -> dict[int, tuple]:
    """Story id -> (articles, outlets, unread, title, first, last) counted from the member articles."""
    return {r.id: (r.size, len(r.sources), r.unread, r.title, r.first, r.last)
            for r in store.story_rows(lib, 0, 10_000, members=True)}


def _stored(lib) -> dict[int, tuple]:
    """The same from the stored figures (what the app's list shows)."""
    return {r.id: (r.size, r.outlets, r.unread, r.title, r.first, r.last)
            for r in store.story_rows(lib, 0, 10_000, members=False)}


def _agree(lib) -> dict[int, tuple]:
    stored, counted = _stored(lib), _counted(lib)
    assert stored == counted
    # no figures left behind for a story that is gone
    assert {r[0] for r in lib.db.execute("SELECT story_id FROM story_stats")} == set(counted)
    return stored


def test_figures_follow_grouping_marks_and_removals(filled):
    lib, ids = filled
    before = _agree(lib)
    strike = story_of(lib, ids[STRIKE[0].title])
    rows = len(STRIKE) - 1  # unread counts rows, as the library does: STRIKE[3] is STRIKE[2]'s text (one row)
    assert before[strike][:3] == (len(STRIKE), 4, rows)  # 4 outlets, all unread
    lib.set_read(ids[STRIKE[0].title])
    lib.set_read(ids[STRIKE[1].title])
    lib.set_read(ids[STRIKE[1].title])  # marking twice counts once
    assert _agree(lib)[strike][2] == rows - 2
    lib.set_read(ids[STRIKE[0].title], False)
    assert _agree(lib)[strike][2] == rows - 1
    with lib.transaction() as db:  # a bulk mark (as "mark all read")
        db.execute("UPDATE articles SET read = 1")
    assert all(f[2] == 0 for f in _agree(lib).values())
    lib.remove(ids[STRIKE[2].title])
    assert _agree(lib)[strike][0] == len(STRIKE) - 1
    recall = story_of(lib, ids[RECALL[0].title])
    for a in RECALL:  # the whole story goes: its figures too
        lib.remove(ids[a.title])
    assert recall not in _agree(lib)


def test_figures_follow_new_articles_merge_split_and_rebuild(filled):
    lib, ids = filled
    strike = story_of(lib, ids[STRIKE[0].title])
    extra = Article(title=STRIKE[0].title + " — day two", body=STRIKE[0].body + " Talks resume on Monday.",
                    source="A New Outlet", published=STRIKE[-1].published)
    lib.add(extra)
    assert group_new(lib) == 1
    figures = _agree(lib)
    assert figures[strike][:2] == (len(STRIKE) + 1, 5)
    recall = story_of(lib, ids[RECALL[0].title])
    merge(lib, strike, recall)
    assert _agree(lib)[strike][0] == len(STRIKE) + 1 + len(RECALL)
    new = split(lib, strike, [ids[a.title] for a in RECALL])
    figures = _agree(lib)
    assert figures[new][0] == len(RECALL) and figures[strike][0] == len(STRIKE) + 1
    lib.set_read(ids[RECALL[0].title])
    rebuild(lib)  # clear, regroup from scratch, renumber to the surviving ids
    figures = _agree(lib)
    assert sum(f[0] for f in figures.values()) == len(ALL) + 1
    copies = lib.db.execute("SELECT count(*) FROM articles WHERE twin_of IS NOT NULL AND read = 0").fetchone()[0]
    assert copies and sum(f[2] for f in figures.values()) == len(ALL) - copies  # one read; copies are no rows


def test_figures_follow_an_article_changed_in_place(filled):
    from tui.store.feeds import update_article

    lib, ids = filled
    strike = story_of(lib, ids[STRIKE[0].title])
    moved = ids[STRIKE[1].title]
    new = Article(title=RECALL[1].title + " (updated)", body=RECALL[1].body + " The recall covers every batch.",
                  source="Northbay Times", published=RECALL[1].published)
    with lib.transaction() as db:  # new text: it leaves its story until grouped again
        assert update_article(db, moved, new)
    assert _agree(lib)[strike][0] == len(STRIKE) - 1
    group_new(lib)
    _agree(lib)
    # only the source changes: the outlets follow. Left: Coastal Herald twice, Northbay Times, Valley Courier.
    assert [a.source for a in STRIKE] == ["Coastal Herald", "Daily Meridian", "Northbay Times", "Valley Courier",
                                          "Coastal Herald"]
    assert _agree(lib)[strike][1] == 3
    for article, source, outlets in ((STRIKE[0], "Some Other Paper", 4), (STRIKE[0], "", 3), (STRIKE[2], "", 2),
                                     (STRIKE[2], "Valley Courier", 2)):
        with lib.transaction() as db:
            db.execute("UPDATE articles SET source = ? WHERE id = ?", (source, ids[article.title]))
        assert _agree(lib)[strike][1] == outlets


def test_an_old_library_gets_its_figures_when_it_upgrades(lib_path):
    from tui.store import Library
    from tui.store.schema import MIGRATIONS, SCHEMA_VERSION

    with Library(lib_path) as lib:
        ids = {a.title: ident for a, (_, ident) in zip(ALL, lib.add_many(ALL))}
        group_new(lib)
        lib.set_read(ids[STRIKE[0].title])
        expected = _counted(lib)
    version = next(i for i, m in enumerate(MIGRATIONS) if "CREATE TABLE IF NOT EXISTS story_stats" in m)
    # back to the library as it was before the figures were stored
    _set_back(lib_path, "DROP TABLE story_stats; DROP TABLE story_sources; DROP TRIGGER story_articles_stats_ai;"
                        " DROP TRIGGER story_articles_stats_ad; DROP TRIGGER story_articles_stats_au;"
                        " DROP TRIGGER articles_story_read_au; DROP TRIGGER articles_story_source_au;"
                        " UPDATE story_articles SET source = '', unread = 0;", version)
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _agree(lib) == expected
        lib.set_read(ids[STRIKE[1].title])  # and the triggers work after the upgrade
        assert _agree(lib)[story_of(lib, ids[STRIKE[1].title])][2] == expected[story_of(lib, ids[STRIKE[1].title])][2] - 1


def test_articles_read_before_they_are_grouped_count_as_read(lib):
    # the membership reads the unread flag from the unread ids' index (migration 18), not from the article row
    ids = [ident for _, ident in lib.add_many(ALL)]
    strike = [ids[ALL.index(a)] for a in STRIKE]
    lib.set_read(strike[0])
    lib.set_read(strike[2])
    assert group_new(lib) == len(ALL)
    figures = _agree(lib)
    # unread rows: STRIKE[1] and STRIKE[4] (STRIKE[3] is the read STRIKE[2]'s text from another paper: its row)
    assert figures[story_of(lib, strike[0])][2] == len(STRIKE) - 3
    flags = dict(lib.db.execute("SELECT article_id, unread FROM story_articles"))
    assert flags == {i: int(i not in (strike[0], strike[2])) for i in ids}
    rebuild(lib)
    assert _agree(lib)[story_of(lib, strike[0])][2] == len(STRIKE) - 3


# Notes of one event with no date of their own (dated by the day they were added)
_WEIR = [Article(title="Ossvale weir gates stuck open", source="", published="",
                 body="The weir gates at Ossvale stuck open overnight and the mill leat ran dry."),
         Article(title="Ossvale weir gates still stuck", source="", published="",
                 body="The Ossvale weir gates stuck open overnight; the mill leat stayed dry by noon.")]


def _undated(lib) -> dict[int, tuple[int, int, bool]]:
    """Story id -> (stored undated figure, the same counted from the member articles, notes_only as the list reads
    it); every stored figure checked against its count."""
    counted = dict(lib.db.execute(
        "SELECT sa.story_id, total(coalesce(a.published, '') = '') FROM story_articles sa JOIN articles a"
        " ON a.id = sa.article_id GROUP BY sa.story_id"))
    rows = {r.id: r for r in store.story_rows(lib, 0, 10_000, members=False)}
    out = {i: (r.undated, int(counted.get(i, 0)), r.notes_only) for i, r in rows.items()}
    assert all(stored == count for stored, count, _ in out.values()), out
    return out


def test_a_storys_undated_articles_are_counted_with_its_figures(filled):
    """Session 37 (issue 13): a story of notes only is marked "~" in the stories list from its stored figures
    (story_stats.undated), kept by the same triggers and bulk paths as the others; the session-36 mark read every
    page's member articles, which the list's 100k budgets forbid."""
    from datetime import date

    from tui.store.feeds import update_article

    lib, ids = filled
    assert not any(n for n, _, _ in _undated(lib).values())
    got = [i for _, i in lib.add_many(_WEIR)]
    group_new(lib)
    weir, strike = story_of(lib, got[0]), story_of(lib, ids[STRIKE[0].title])
    assert story_of(lib, got[1]) == weir and weir != strike
    assert _undated(lib)[weir] == (2, 2, True)
    merge(lib, strike, weir)  # the notes moved into a story of dated reports: counted there, not a story of notes
    assert _undated(lib)[strike] == (2, 2, False) and weir not in _undated(lib)
    weir = split(lib, strike, got)
    assert _undated(lib)[weir] == (2, 2, True) and _undated(lib)[strike][0] == 0
    rebuild(lib)  # clear and regroup (the bulk paths: story_bulk)
    weir = story_of(lib, got[0])
    assert _undated(lib)[weir] == (2, 2, True)
    with lib.transaction() as db:  # a note given its date (doctor --fill-headers): it leaves its story
        assert update_article(db, got[1], dataclasses.replace(_WEIR[1], published=date.today().isoformat()))
    group_new(lib)
    figures = _undated(lib)
    assert story_of(lib, got[1]) == story_of(lib, got[0])  # (grouped again with the other note)
    assert figures[story_of(lib, got[0])] == (1, 1, False)
    lib.remove(got[0])
    assert got[0] not in dict(lib.db.execute("SELECT article_id, story_id FROM story_articles"))
    _undated(lib)


def test_an_old_library_counts_its_storys_notes_when_it_upgrades(lib_path):
    """Migration 37 fills the figure for the memberships a library already has."""
    from tui.store import Library
    from tui.store.schema import MIGRATIONS, SCHEMA_VERSION

    with Library(lib_path) as lib:
        got = [i for _, i in lib.add_many([*ALL, *_WEIR])]
        group_new(lib)
        weir = story_of(lib, got[-1])
        expected = _undated(lib)
    assert expected[weir] == (2, 2, True)
    # back to the schema before migration 37: no undated columns nor their triggers
    _set_back(lib_path, "DROP TRIGGER story_articles_stats_ai; DROP TRIGGER story_articles_stats_ad;"
                        " DROP TRIGGER story_articles_stats_au; ALTER TABLE story_articles DROP COLUMN undated;"
                        " ALTER TABLE story_stats DROP COLUMN undated;",
              next(i for i, m in enumerate(MIGRATIONS) if "ADD COLUMN undated" in m))
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert _undated(lib) == expected
        lib.remove(got[-1])  # and the triggers follow after the upgrade
        assert _undated(lib)[weir] == (1, 1, True)
