"""tui/store/reader.py: views, sorts, unread count, next unread, mark all read, tags, positions, undo delete."""

from __future__ import annotations

import sqlite3

from tui.models import Article
from tui.store import Library
from tui.store import reader, undo
from tui.store.library import _statements
from tui.store.schema import MIGRATIONS

READER_MIGRATION = next(i for i, m in enumerate(MIGRATIONS) if "TABLE IF NOT EXISTS positions" in m)


def _lib_with_four(lib) -> dict[str, int]:
    rows = [("Zinc prices slide", "Metals", ["Markets", "Europe"], "2026-01-03", "Traders sold zinc all week long."),
            ("anchovy quotas cut", "Coast Weekly", ["Fisheries"], "2026-01-05", "Quotas fell by a third."),
            ("Harbour dues rise", "Coast Weekly", ["markets"], "2026-01-04",
             "The port board raised dues on Monday. Crews said the rise would hurt. " * 3),
            ("Budget passes", "Capital Post", [], None, "The council passed its budget.")]
    ids = {}
    for title, source, tags, published, body in rows:
        ids[title.split()[0].lower()] = lib.add(Article(title=title, source=source, tags=tags, published=published,
                                                         body=body))[1]
    return ids


def test_views_and_sorts(lib):
    ids = _lib_with_four(lib)
    z, a, h, b = ids["zinc"], ids["anchovy"], ids["harbour"], ids["budget"]
    assert reader.view_ids(lib) == lib.ids() == [b, a, h, z]  # undated: added now, so newest
    assert reader.view_ids(lib, sort="title") == [a, b, h, z]  # A-Z whatever the case
    assert reader.view_ids(lib, sort="source") == [b, a, h, z]
    assert reader.view_ids(lib, sort="length")[0] == h
    lib.set_read(a)
    lib.set_starred(z)
    assert reader.view_ids(lib, view="unread") == [b, h, z]
    assert reader.view_ids(lib, view="starred") == [z]
    assert reader.view_ids(lib, view="unread", sort="title") == [b, h, z]
    assert reader.view_ids(lib, view="unread", search="dues") == [h]
    assert reader.view_ids(lib, view="starred", search="dues") == []


def test_unread_count_follows_every_change(lib):
    ids = _lib_with_four(lib)
    assert reader.unread_count(lib) == 4
    lib.set_read(ids["zinc"])
    lib.set_read(ids["zinc"])  # twice: still one change
    assert reader.unread_count(lib) == 3
    lib.remove(ids["anchovy"])
    assert reader.unread_count(lib) == 2
    lib.set_read(ids["zinc"], False)
    assert reader.unread_count(lib) == 3
    assert reader.unread_count(lib, [ids["zinc"], ids["budget"]]) == 2
    assert reader.unread_count(lib) == lib.db.execute("SELECT count(*) FROM articles WHERE read = 0").fetchone()[0]


def test_next_unread_and_mark_all_read(lib):
    ids = _lib_with_four(lib)
    order = reader.view_ids(lib)  # budget, anchovy, harbour, zinc
    lib.set_read(ids["anchovy"])
    assert reader.next_unread(lib, order, 0) == 2
    assert reader.next_unread(lib, order, 2) == 3
    assert reader.next_unread(lib, order, 3) is None
    assert reader.next_unread(lib, order, 2, forward=False) == 0
    rows = lib.rows()
    assert reader.next_unread_row(lib, rows[0]).id == ids["harbour"]
    assert reader.next_unread_row(lib, rows[2], forward=False).id == ids["budget"]
    assert reader.next_unread_row(lib, None).id == ids["budget"]
    assert reader.mark_read(lib, order[:3]) == 2  # anchovy was read already
    assert reader.unread_count(lib) == 1 and reader.next_unread_row(lib, None).id == ids["zinc"]


def test_tags_are_listed_and_filter_the_library(lib):
    ids = _lib_with_four(lib)
    tags = dict(reader.all_tags(lib))
    assert tags["Markets"] == 2 and tags["Fisheries"] == 1 and tags["Europe"] == 1  # "markets" is the same tag
    assert sorted(reader.view_ids(lib, tag="MARKETS")) == sorted([ids["zinc"], ids["harbour"]])
    lib.db.execute("UPDATE articles SET tags = '[\"Fisheries\"]' WHERE id = ?", (ids["harbour"],))
    assert reader.view_ids(lib, tag="markets") == [ids["zinc"]]
    lib.remove(ids["zinc"])
    assert reader.view_ids(lib, tag="markets") == [] and "Markets" not in dict(reader.all_tags(lib))


def test_reading_position_is_remembered_and_goes_with_the_article(lib):
    ids = _lib_with_four(lib)
    assert reader.saved_position(lib, ids["harbour"]) == 0
    reader.save_position(lib, ids["harbour"], 17)
    assert reader.saved_position(lib, ids["harbour"]) == 17
    reader.save_position(lib, ids["harbour"], 0)
    assert reader.saved_position(lib, ids["harbour"]) == 0
    reader.save_position(lib, ids["zinc"], 5)
    lib.remove(ids["zinc"])
    assert lib.db.execute("SELECT count(*) FROM positions").fetchone()[0] == 0


def test_delete_can_be_undone_as_it_was(lib):
    ids = _lib_with_four(lib)
    h = ids["harbour"]
    lib.set_starred(h)
    lib.put_analysis(h, "k", '{"x": 1}', [("ORG", "Coast Weekly", 2)])
    reader.save_position(lib, h, 9)
    before = reader.view_ids(lib)
    removed = undo.remove_saving(lib, h)
    assert lib.get(h) is None and lib.ids(search="dues") == [] and reader.unread_count(lib) == 3
    assert undo.restore(lib, removed) is True
    assert reader.view_ids(lib) == before
    back = lib.get(h)
    assert back.starred and back.title == "Harbour dues rise" and back.tags == ["markets"]
    assert lib.get_analysis(h, "k") == '{"x": 1}' and lib.count(entity="Coast Weekly") == 1
    assert lib.ids(search="dues") == [h] and reader.saved_position(lib, h) == 9 and reader.unread_count(lib) == 4
    assert reader.view_ids(lib, tag="markets") == [ids["zinc"], h] or reader.view_ids(lib, tag="markets") == [h, ids["zinc"]]
    # Added again meanwhile: the undo says no instead of making a second copy.
    removed = undo.remove_saving(lib, h)
    lib.add(Article(title="Harbour dues rise", body=back.body, published="2026-01-04"))
    assert undo.restore(lib, removed) is False
    assert undo.remove_saving(lib, 9999) is None


def test_the_reader_migration_counts_and_tags_an_existing_library(lib_path):
    db = sqlite3.connect(lib_path)
    for migration in MIGRATIONS[:READER_MIGRATION]:
        for statement in _statements(migration):
            db.execute(statement)
    for i, (read, tags) in enumerate([(0, '["World", "Energy"]'), (1, '["world"]'), (0, "not json")]):
        db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key, read, tags) VALUES (?,?,?,?,?,?,?)",
                   (f"T{i}", f"Body {i}.", f"h{i}", "2026-01-01T00:00:00Z", f"2026-01-0{i + 1}", read, tags))
    db.execute(f"PRAGMA user_version = {READER_MIGRATION}")
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        assert reader.unread_count(lib) == 2
        assert dict(reader.all_tags(lib)) == {"World": 2, "Energy": 1}
        assert reader.view_ids(lib, view="unread") == [3, 1]
