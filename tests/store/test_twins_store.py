"""The same article twice (issue 13): a near-duplicate from another outlet is one row of the library list."""

from __future__ import annotations

from tui.models import Article
from tui.store import Library
from tui.store.changes import list_position
from tui.store.reader import mark_read, next_unread_row, unread_count, view_ids
from tui.store.undo import remove_saving, restore
from tui.store.twins import twins_of
from tui.stories import group_new

BODY = ("The valley rail line between Amberford and Kettle Cross reopens on Monday after nine weeks of repairs "
        "to the flooded cutting near Lowmere. Engineers replaced four hundred metres of track bed and rebuilt two "
        "drainage culverts that failed in the January storms. The operator said trains will run at reduced speed "
        "through the cutting for the first fortnight while the new ballast settles. Commuters who used the "
        "replacement buses will be refunded the difference in fares, the operator added, and season tickets are "
        "extended by the nine weeks of the closure. The county council thanked residents near the works for their "
        "patience with night-time noise during the rebuilding.")
OTHER = ("A small bakery in Fenwick Row has won the regional bread prize for a rye loaf made with grain from three "
         "local farms. The baker, who opened the shop six years ago, said the recipe took two winters to get right "
         "and that the prize money will pay for a second oven. Judges praised the crust and the sour depth of the "
         "crumb, and the loaf will be sold at the county show next month alongside the runner-up entries.")


def library(tmp_path) -> tuple[Library, dict[str, int]]:
    lib = Library(tmp_path / "twins.db")
    ids = {}
    for key, article in {
        "first": Article(title="Valley line reopens on Monday", source="Amber Gazette", published="2026-03-02", body=BODY),
        "copy": Article(title="Rail line to reopen after repairs", source="Kettle Courier", published="2026-03-02",
                        body=BODY + "\n\nKettle Courier staff."),
        "other": Article(title="Fenwick bakery wins bread prize", source="Amber Gazette", published="2026-03-01",
                         body=OTHER),
    }.items():
        (_, ids[key]), = lib.add_many([article])
    group_new(lib)
    return lib, ids


def test_near_duplicate_is_one_row_naming_both_outlets_and_both_records_stay(tmp_path):
    lib, ids = library(tmp_path)
    with lib:
        rows = lib.rows(0, 10)
        assert [r.id for r in rows] == [ids["first"], ids["other"]]
        assert rows[0].shown_source == "Amber Gazette +1" and rows[1].shown_source == "Amber Gazette"
        assert rows[0].outlets == ("Amber Gazette", "Kettle Courier") and rows[0].twins == (ids["copy"],)
        assert lib.count() == 2 and lib.get(ids["copy"]) is not None
        assert twins_of(lib, ids["first"]) == [(ids["copy"], "Kettle Courier")]
        assert lib.rows_next_to(rows[0], 10) == rows[1:]
        assert lib.rows_next_to(rows[1], 10, after=False) == rows[:1]
        assert lib.ids() == [ids["first"], ids["other"]]
        assert lib.ids(search="cutting") == [ids["first"]]
        assert lib.count(search="cutting") == 1
        assert view_ids(lib, "unread", "title") == [ids["other"], ids["first"]]
        assert list_position(lib, ids["other"]) == 1
        assert unread_count(lib) == 2


def test_marking_the_shown_row_marks_its_twin_and_the_count_counts_rows(tmp_path):
    lib, ids = library(tmp_path)
    with lib:
        mark_read(lib, [ids["first"]])
        assert lib.get(ids["copy"]).read and unread_count(lib) == 1
        assert next_unread_row(lib, None).id == ids["other"]
        lib.set_read(ids["first"], False)
        assert not lib.get(ids["copy"]).read and unread_count(lib) == 2
        lib.set_starred(ids["first"])
        assert [r.id for r in lib.rows(0, 10) if r.starred] == [ids["first"]]


def test_deleting_the_shown_row_shows_its_twin_and_undo_brings_the_row_back(tmp_path):
    """Undo (z) puts the deleted row back where it was: the same row with both outlets, in its story, its copy its twin
    again. (It was grouped again as a new article and became its own copy's twin: the list showed the Kettle Courier's
    row where the reader's Amber Gazette row had been, the story view its copy's title.)"""
    from tui.store.stories import duplicates, story_of

    lib, ids = library(tmp_path)
    with lib:
        story = story_of(lib, ids["first"])
        before = [(r.id, r.outlets) for r in lib.rows(0, 10)]
        assert before[0] == (ids["first"], ("Amber Gazette", "Kettle Courier"))
        removed = remove_saving(lib, ids["first"])
        rows = lib.rows(0, 10)
        assert [(r.id, r.shown_source) for r in rows] == [(ids["copy"], "Kettle Courier"), (ids["other"], "Amber Gazette")]
        assert lib.count() == 2 and unread_count(lib) == 2
        assert restore(lib, removed)
        assert [(r.id, r.outlets) for r in lib.rows(0, 10)] == before
        assert lib.count() == 2 and unread_count(lib) == 2
        assert story_of(lib, ids["first"]) == story and duplicates(lib, ids["first"]) == [ids["copy"]]
        assert lib.db.execute("SELECT size FROM stories WHERE id = ?", (story,)).fetchone()[0] == 2
        group_new(lib)  # the app's pass after an undo: nothing left to place
        assert [(r.id, r.outlets) for r in lib.rows(0, 10)] == before and story_of(lib, ids["first"]) == story


def test_an_undone_delete_whose_story_is_gone_gets_the_story_s_id_back(tmp_path):
    """A one-article story goes with its article; undone, the article is grouped again and opens its story under the
    same id."""
    from tui.store.stories import story_of

    lib, ids = library(tmp_path)
    with lib:
        story = story_of(lib, ids["other"])
        removed = remove_saving(lib, ids["other"])
        assert lib.db.execute("SELECT 1 FROM stories WHERE id = ?", (story,)).fetchone() is None
        assert restore(lib, removed) and story_of(lib, ids["other"]) is None
        group_new(lib)
        assert story_of(lib, ids["other"]) == story


def test_a_library_from_before_twins_upgrades_with_its_near_duplicates_joined(tmp_path, monkeypatch):
    import tui.store.library as library_module

    with monkeypatch.context() as m:  # a library made by the newsreader before migration 12
        m.setattr(library_module, "SCHEMA_VERSION", 11)
        m.setattr("tui.store.library.with_outlets", lambda lib, rows: rows)
        m.setattr("tui.store.library.hidden_ids", lambda lib: set())
        old, ids = library(tmp_path)
        assert old.db.execute("PRAGMA user_version").fetchone()[0] == 11
        old.close()
    with Library(tmp_path / "twins.db") as lib:
        rows = lib.rows(0, 10)
        assert [r.id for r in rows] == [ids["first"], ids["other"]] and lib.count() == 2
        assert rows[0].outlets == ("Amber Gazette", "Kettle Courier") and unread_count(lib) == 2


def test_the_list_pages_through_the_shown_index(tmp_path):
    lib, _ = library(tmp_path)
    with lib:
        plan = " ".join(r[3] for r in lib.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM articles a WHERE (a.sort_key, a.id) < ('2026', 9) AND a.twin_of IS NULL"
            " ORDER BY a.sort_key DESC, a.id DESC LIMIT 200"))
        assert "articles_shown" in plan and "TEMP B-TREE" not in plan


def test_cli_list_shows_the_row_once_and_its_json_names_the_twins(tmp_path, capsys):
    import json

    from tui import cli

    lib, ids = library(tmp_path)
    lib.close()
    code = cli.main(["--db", str(tmp_path / "twins.db"), "list", "--json"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code in (0, None) and [r["id"] for r in rows] == [ids["first"], ids["other"]]
    assert rows[0]["source"] == "Amber Gazette" and rows[0]["twins"] == [ids["copy"]]
    assert rows[0]["outlets"] == ["Amber Gazette", "Kettle Courier"] and rows[1]["twins"] == []
    cli.main(["--db", str(tmp_path / "twins.db"), "list"])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and "Amber Gazette +1" in lines[0] and "Kettle" not in lines[0]


def test_one_outlet_printing_its_text_twice_keeps_two_rows(tmp_path):
    with Library(tmp_path / "one.db") as lib:
        (_, a), = lib.add_many([Article(title="Valley line reopens", source="Amber Gazette", published="2026-03-02",
                                        body=BODY)])
        (_, b), = lib.add_many([Article(title="Valley line reopens (updated)", source="amber gazette",
                                        published="2026-03-02", body=BODY + "\n\nUpdated at noon.")])
        group_new(lib)
        assert sorted(r.id for r in lib.rows(0, 10)) == [a, b] and lib.count() == 2


def test_what_marking_unread_again_will_make_unread_counts_rows_read_before_it_is_written(tmp_path):
    """z shows the unread count and the stories' figures before its marks are written (tui/app's write_marks): they
    count the list's rows, a text and its copy from another outlet one row, as the stored figures do once written."""
    from tui.store.reader import stories_unread_again, unread_again, unread_stories
    from tui.store.stories import story_of

    lib, ids = library(tmp_path)
    with lib:
        every = list(ids.values())
        mark_read(lib, every, True)
        story = story_of(lib, ids["first"])
        assert unread_again(lib, every) == 2  # the first and its copy: one row; the bakery's
        assert unread_again(lib, [ids["copy"]]) == 1  # the copy marks its row
        assert unread_again(lib, every, among=[ids["other"]]) == 1  # a view of the bakery's row alone
        gained, new = stories_unread_again(lib, [ids["first"], ids["copy"]])
        assert gained == {story: 1} and new == 1
        mark_read(lib, [ids["first"], ids["copy"]], False)  # now written: the figures it said
        assert unread_count(lib) == 1 and unread_stories(lib) == 1
        assert unread_again(lib, every) == 1  # the bakery's alone is still read
        assert stories_unread_again(lib, [ids["copy"]]) == ({}, 0)  # nothing read to mark unread


def test_what_marking_read_will_make_read_and_the_count_as_marked(tmp_path):
    """An A of some articles (a filtered view's, a page's) shows the stories' figures before its marks are written, and
    a list read again during an A's or a z's write counts their marks as written (tui/app's count_unread): rows, a text
    and its copy from another outlet one row, as the stored figures are once written."""
    from tui.store.reader import read_now, stories_read_now, unread_count_marked, unread_stories
    from tui.store.stories import story_of

    lib, ids = library(tmp_path)
    with lib:
        every = list(ids.values())
        story = story_of(lib, ids["first"])
        assert unread_count(lib) == 2 and unread_stories(lib) == 2
        assert read_now(lib, [ids["copy"]]) == 1  # the copy marks its row
        assert read_now(lib, every, among=[ids["other"]]) == 1
        lost, gone = stories_read_now(lib, [ids["copy"]])
        assert lost == {story: 1} and gone == 1
        assert unread_count_marked(lib, None, [(frozenset([ids["copy"]]), True)]) == 1
        assert unread_count_marked(lib, [ids["other"]], [(frozenset([ids["copy"]]), True)]) == 1  # not in the view
        assert unread_count_marked(lib, None, [(None, True)]) == 0
        mark_read(lib, [ids["copy"]], True)  # now written: the figures it said, and the same count again
        assert unread_count(lib) == 1 and unread_stories(lib) == 1
        assert unread_count_marked(lib, None, [(frozenset([ids["copy"]]), True)]) == 1
        assert stories_read_now(lib, [ids["copy"]]) == ({}, 0)
        assert unread_count_marked(lib, None, [(frozenset(every), False)]) == 2  # a z of all: both rows unread
        mark_read(lib, every, True)
        assert unread_count_marked(lib, None, [(frozenset(every), False)]) == 2
        assert unread_count_marked(lib, [ids["other"]], [(frozenset([ids["first"]]), False)]) == 0
