"""Migration 10 (issue 11, import speed): the index's view folds a row's text (ł -> l ...) only when the row's
`folds` flag says it holds such a letter. Search must find the same articles whichever way a row was written:
by us (flag computed in Python), by another SQLite program (the column's default folds in SQL), or updated
in place (feeds)."""

from __future__ import annotations

import sqlite3

from tui.models import Article
from tui.store import Library
from tui.store.feeds import update_article
from tui.store.fold import fold, needs_fold
from tui.store.library import _statements
from tui.store.schema import MIGRATIONS, SCHEMA_VERSION

FOLD_MIGRATION = next(i for i, m in enumerate(MIGRATIONS) if "ADD COLUMN folds" in m)


def _fts_ok(lib) -> None:
    lib.db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def _folds(lib, ident: int) -> int:
    return lib.db.execute("SELECT folds FROM articles WHERE id = ?", (ident,)).fetchone()[0]


def test_needs_fold_sees_only_the_letters_the_tokenizer_keeps():
    assert not needs_fold("Plain text", "Café “quoted” — déjà vu", "")
    assert needs_fold("Fine", "The plant in Łódź")
    assert needs_fold('["Ørsted"]')
    assert fold("Łódź and Ørsted") == "Lódź and Orsted" and fold("café") == "café"


def test_rows_without_letters_to_fold_skip_the_sql_fold_and_are_still_found(lib):
    plain = lib.add(Article(title="Café owners meet", body="The “harbour” cafés — all nine — agreed.", tags=["Food"]))[1]
    polish = lib.add(Article(title="Tram fares", body="Fares rise in Łódź.", source="Wieści"))[1]
    tagged = lib.add(Article(title="Wind tender", body="A tender was won.", tags=["Ørsted"]))[1]
    assert (_folds(lib, plain), _folds(lib, polish), _folds(lib, tagged)) == (0, 1, 1)
    assert lib.ids(search="cafe") == [plain] and lib.ids(search="harbour") == [plain]
    assert lib.ids(search="lodz") == lib.ids(search="łódź") == [polish]
    assert lib.ids(search="orsted") == [tagged]
    _fts_ok(lib)


def test_a_row_written_by_another_sqlite_program_is_folded_by_sql(lib_path):
    Library(lib_path).close()
    db = sqlite3.connect(lib_path)  # no newsreader code: the column's default
    db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) "
               "VALUES ('Hauptstraße closes', 'The Hauptstraße in Łódź closes.', 'h1', 'x', 'x')")
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        (ident,) = lib.ids()
        assert _folds(lib, ident) == 1
        assert lib.ids(search="hauptstrasse lodz") == [ident]
        _fts_ok(lib)


def test_an_update_in_place_refolds_and_keeps_the_index_whole(lib):
    ident = lib.add(Article(title="Tram fares", body="Fares rise in the city."))[1]
    assert _folds(lib, ident) == 0
    with lib.transaction() as db:
        assert update_article(db, ident, Article(title="Tram fares", body="Fares rise in Łódź."))
    assert _folds(lib, ident) == 1 and lib.ids(search="lodz") == [ident]
    with lib.transaction() as db:
        assert update_article(db, ident, Article(title="Tram fares", body="Fares rise in Warsaw."))
    assert _folds(lib, ident) == 0 and lib.ids(search="lodz") == [] and lib.ids(search="warsaw") == [ident]
    lib.remove(ident)
    assert lib.ids(search="warsaw") == []
    _fts_ok(lib)


def test_a_library_from_before_the_flag_upgrades_without_reindexing(lib_path):
    db = sqlite3.connect(lib_path)
    for migration in MIGRATIONS[:FOLD_MIGRATION]:
        for statement in _statements(migration):
            db.execute(statement)
    db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES ('Łódź budget', 'Old text.', 'h', 'x', 'x')")
    db.execute(f"PRAGMA user_version = {FOLD_MIGRATION}")
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (old,) = lib.ids()
        assert _folds(lib, old) == 1 and lib.ids(search="lodz") == [old]
        _fts_ok(lib)
        new = lib.add(Article(title="Plain", body="Nothing to fold here."))[1]
        lib.remove(old)
        assert lib.ids(search="lodz") == [] and lib.ids(search="fold") == [new]
        _fts_ok(lib)
    db = sqlite3.connect(lib_path)  # stepped back again: the migration runs a second time
    db.execute(f"PRAGMA user_version = {FOLD_MIGRATION}")
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.ids(search="fold") == [new]
