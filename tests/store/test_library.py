"""The SQLite library: storing, dedupe, listing order, FTS ranking, migrations, failure modes."""

from __future__ import annotations

import sqlite3

import pytest

from tui.models import Article
from tui.store import Library, StoreError
from tui.store.schema import SCHEMA_VERSION


def art(title, body, published=None, **kw):
    return Article(title=title, body=body, published=published, **kw)


def test_add_and_get_round_trip(lib):
    a = art("Port strike ends", "Dockers in Valparaíso returned to work.\n\nThe union said talks went well.",
            "2026-01-14", source="AFP", byline="Herald Staff", tags=["Latin America", "World"], url="https://x.test/a")
    status, ident = lib.add(a)
    assert status == "added"
    got = lib.get(ident)
    assert (got.title, got.source, got.byline, got.published, got.tags, got.url) == (
        "Port strike ends", "AFP", "Herald Staff", "2026-01-14", ["Latin America", "World"], "https://x.test/a")
    assert got.body == a.body
    assert got.read is False and got.starred is False and got.added_at


def test_duplicates_are_reported_not_readded(lib):
    first = lib.add(art("A", "Same body text here."))
    # Whitespace and case differences are the same content.
    second = lib.add(art("A", "same  body\ntext here."))
    assert first[0] == "added" and second == ("duplicate", first[1])
    assert lib.count() == 1


def test_list_is_newest_first_and_paged(lib):
    lib.add_many([art(f"Story {d}", f"Body of story {d}.", f"2026-01-{d:02d}") for d in (3, 1, 2)])
    assert [r.title for r in lib.rows()] == ["Story 3", "Story 2", "Story 1"]
    assert [r.title for r in lib.rows(offset=1, limit=1)] == ["Story 2"]
    assert lib.rows()[0].words == 4


def test_search_ranks_title_matches_first_and_prefix_matches(lib):
    lib.add_many([
        art("Harvest report", "Wheat prices rose. Farmers blamed the drought in the south for lower wheat output."),
        art("Wheat exports fall", "Shipments dropped in March."),
        art("Football", "The final was played in heavy rain."),
    ])
    assert [r.title for r in lib.rows(search="wheat")] == ["Wheat exports fall", "Harvest report"]
    assert lib.count(search="whe") == 2          # prefix while typing
    assert lib.count(search="wheat drought") == 1  # every word must match
    assert lib.count(search="rain") == 1
    assert lib.count(search="") == 3


def test_search_input_with_fts_syntax_is_plain_text(lib):
    lib.add(art("Tariffs", "NOT a problem, said the minister."))
    for q in ['"', "AND OR NOT", "title:x", "a*b", "(", "-", "^"]:
        lib.count(search=q)  # must not raise
    assert lib.count(search="NOT") == 1


def test_remove_cascades_to_analysis_and_mentions(lib):
    _, ident = lib.add(art("Vote", "Maria Lopez won the vote."))
    lib.put_analysis(ident, "k", "{}", [("PERSON", "Maria Lopez", 1)])
    assert lib.count(entity="maria lopez") == 1
    assert lib.remove(ident)
    assert lib.get(ident) is None and lib.get_analysis(ident, "k") is None
    assert lib.count(entity="Maria Lopez") == 0
    assert lib.count(search="vote") == 0


def test_read_and_star_flags(lib):
    _, ident = lib.add(art("T", "Body."))
    lib.set_read(ident)
    lib.set_starred(ident)
    row = lib.rows()[0]
    assert row.read and row.starred
    lib.set_read(ident, False)
    assert not lib.rows()[0].read


def test_batch_is_all_or_nothing(lib):
    lib.add(art("Kept", "This one was stored before."))

    class Boom(Article):
        @property
        def body(self):  # noqa: D401 - simulate a failure half-way through a batch
            raise RuntimeError("interrupted")

        @body.setter
        def body(self, value):
            pass

    batch = [art("One", "First of the batch."), Boom(title="Two", body="x")]
    with pytest.raises(RuntimeError):
        lib.add_many(batch)
    assert [r.title for r in lib.rows()] == ["Kept"]
    assert lib.check() == "ok"


def test_schema_version_and_pragmas(lib_path):
    Library(lib_path).close()
    db = sqlite3.connect(lib_path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_migrates_an_old_library_in_place(lib_path):
    from tui.store.library import _statements
    from tui.store.schema import MIGRATIONS

    db = sqlite3.connect(lib_path)
    for stmt in _statements(MIGRATIONS[0]):
        db.execute(stmt)
    db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES ('Old', 'Old body.', 'h', 'now', '2025-01-01')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    lib = Library(lib_path)
    assert lib.rows()[0].title == "Old"
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    lib.put_analysis(1, "k", "{}", [("ORG", "Acme", 2)])  # table from migration 2 exists
    assert lib.count(entity="Acme") == 1
    assert lib.count() == 1  # migration 3 counted the articles already there
    lib.add(art("New", "A new body."))
    assert lib.count() == 2


def test_article_count_follows_adds_duplicates_removals_and_failed_batches(lib):
    def real() -> int:
        return lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    assert lib.count() == real() == 0
    results = lib.add_many([art("One", "First body."), art("Two", "Second body."), art("Again", "First body.")])
    assert [status for status, _ in results] == ["added", "added", "duplicate"]
    assert lib.count() == real() == 2
    lib.remove(results[0][1])
    assert lib.count() == real() == 1
    with pytest.raises(RuntimeError):
        with lib.transaction() as db:
            db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES ('X', 'x', 'hx', 'now', 'k')")
            raise RuntimeError("rolled back")
    assert lib.count() == real() == 1
    # (a search with no word finds nothing since session 25: "!!!" counted the whole library)
    assert lib.count(search="Second") == 1 and lib.count(search="!!!") == 0


def test_newer_schema_is_refused(lib_path):
    db = sqlite3.connect(lib_path)
    db.execute("CREATE TABLE t (x)")
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="newer newsreader"):
        Library(lib_path)


def test_corrupt_file_is_a_clear_error_and_untouched(tmp_path):
    path = tmp_path / "library.db"
    junk = b"this is not a database at all" * 200
    path.write_bytes(junk)
    with pytest.raises(StoreError, match="not a valid newsreader library"):
        Library(path)
    assert path.read_bytes() == junk


def test_foreign_sqlite_file_is_refused(tmp_path):
    path = tmp_path / "other.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE notes (x)")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="not a newsreader library"):
        Library(path)


def test_missing_folder_is_an_error_unless_asked_to_create(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        Library(tmp_path / "nope" / "library.db")
    lib = Library(tmp_path / "made" / "library.db", create_dirs=True)
    assert lib.created
    lib.close()


def test_entity_filter_combines_with_search(lib):
    ids = [lib.add(art(f"T{i}", f"Budget story number {i}."))[1] for i in range(3)]
    lib.put_analysis(ids[0], "k", "{}", [("PERSON", "Ana Ruiz", 3)])
    lib.put_analysis(ids[2], "k", "{}", [("PERSON", "Ana Ruiz", 1)])
    assert {r.id for r in lib.rows(entity="Ana Ruiz")} == {ids[0], ids[2]}
    assert lib.count(search="number", entity="Ana Ruiz") == 2


def test_pages_deep_in_a_library_match_the_list_order_from_either_end(lib):
    from tui.app.widgets.rows import PAGE, RowSource

    # Many articles share a date (the same sort key): the id breaks the tie, as in the list's order.
    lib.add_many([art(f"Story {i}", f"Body number {i} of the test.", published=f"2025-01-{1 + i % 7:02d}")
                  for i in range(2 * PAGE + 57)])
    truth = [r[0] for r in lib.db.execute("SELECT id FROM articles ORDER BY sort_key DESC, id DESC")]
    total = len(truth)
    for offset in (0, 1, PAGE - 1, total // 2, total // 2 + 1, total - PAGE, total - 3, total - 1, total):
        assert [r.id for r in lib.rows(offset, 20)] == truth[offset:offset + 20], offset
    middle = lib.rows(total // 2, 1)[0]
    assert [r.id for r in lib.rows_next_to(middle, 5)] == truth[total // 2 + 1:total // 2 + 6]
    assert [r.id for r in lib.rows_next_to(middle, 5, after=False)] == truth[total // 2 - 5:total // 2]
    # The list walked down from the top and up from the bottom (pages found next to their neighbours).
    down, up = RowSource(lib), RowSource(lib)
    assert [down.row(i).id for i in range(total)] == truth
    assert [up.row(i).id for i in range(total - 1, -1, -1)] == truth[::-1]
    assert down.row(total) is None


def _damaged_by(db, *statements: str) -> str | None:
    """What Library.verify calls the library at `db` once `statements` have run on it."""
    con = sqlite3.connect(db)
    for statement in statements:
        con.execute(statement)
    con.close()
    with Library(db, verify=1.0) as lib:
        return lib.damaged


def _earlier_schema_found_missing(db) -> tuple:
    """The library at `db` marked as schema 25 and opened read-only (so not upgraded, read as it is): its missing
    tables, missing columns and verify()."""
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 25")
    con.close()
    with Library(db, readonly=True) as lib:
        return lib.missing_tables(), lib.missing_columns(), lib.verify()


def test_the_tables_a_library_must_have_are_those_a_new_library_has(tmp_path):
    """Library.verify calls a library damaged when it lacks one of schema_tables(), read from the migrations' CREATE
    and DROP TABLE statements: a new library has exactly those (and the search index's), so a migration that makes a
    table another way fails here, not by calling every library damaged. One without a table is damaged; an earlier
    schema's library read as it is too, checked against its own schema's tables (it lacks the later ones by right:
    tests/hostile/test_older_schema_checked.py)."""
    from tui.store.schema import schema_tables

    db = tmp_path / "lib.db"
    with Library(db) as lib:
        names = {r[0] for r in lib.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert lib.verify() is None and lib.missing_tables() == []
    assert {n for n in names if not n.startswith(("articles_fts", "sqlite_"))} == schema_tables()
    assert {"articles", "counts", "feeds", "story_stats"} <= schema_tables()
    assert _damaged_by(db, "DROP TABLE story_left", "DROP TABLE positions") == "tables positions, story_left missing"
    assert _earlier_schema_found_missing(db) == (["positions", "story_left"], [], "tables positions, story_left missing")


def test_the_columns_a_library_must_have_are_those_a_new_library_has(tmp_path):
    """Library.verify calls a library damaged when a table lacks one of schema_columns(), read from the migrations'
    CREATE / ALTER / DROP TABLE statements: a new library has exactly those, so a migration that changes a table
    another way fails here, not by calling every library damaged. An earlier schema's library read as it is is checked
    against its own schema's columns."""
    from tui.store.schema import schema_columns, schema_tables

    db = tmp_path / "lib.db"
    with Library(db) as lib:
        have = {name: {r[1] for r in lib.db.execute(f"PRAGMA table_info({name})")} for name in schema_tables()}
        assert lib.missing_columns() == [] and lib.verify() is None
    assert have == schema_columns()
    assert {"last_error", "next_try"} <= schema_columns()["feeds"] and "skipped" in schema_columns()["watched_files"]
    assert _damaged_by(db, "ALTER TABLE feeds DROP COLUMN next_try", "ALTER TABLE feeds DROP COLUMN site_url") == \
        "columns feeds.next_try, feeds.site_url missing"
    assert _earlier_schema_found_missing(db) == ([], ["feeds.next_try", "feeds.site_url"],
                                                 "columns feeds.next_try, feeds.site_url missing")
