"""Search finds a word's other forms (issue 13, migration 24): "ferry" finds "ferries", "elected" is found by
"elect", a word being typed past its stem still finds it, quoted words stay a phrase; the migration that stems an
existing library's index, and what a library killed half way through it holds."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

from tui.models import Article
from tui.store import Library
from tui.store.query import fts_query
from tui.store.schema import SCHEMA_VERSION

STEMS_MIGRATION = 24


def _add(lib, title: str, body: str) -> int:
    return lib.add(Article(title=title, body=body, published="2026-02-01"))[1]


def _harbour(lib) -> dict[str, int]:
    return {
        "ferries": _add(lib, "Ferries stay in port", "Two ferries were kept in the harbour by the storm on Tuesday."),
        "ferry": _add(lib, "Night crossing", "The last ferry crash on the strait was in 1987, the pilot recalled."),
        "crash": _add(lib, "Crash on the quay", "A lorry hit a bollard; the ferry waiting behind it was not damaged."),
        "elected": _add(lib, "Mayor elected", "The council elected a new mayor after three rounds of voting."),
        "election": _add(lib, "Election day", "Polls open at seven for the election of the regional assembly."),
        "running": _add(lib, "Trains running again", "Trains are running on the coast line after the repairs."),
        "other": _add(lib, "Bakery wins prize", "The bread of a small village bakery was judged the best."),
    }


def test_a_word_finds_its_other_forms(lib):
    ids = _harbour(lib)
    assert set(lib.ids(search="ferry ")) == {ids["ferries"], ids["ferry"], ids["crash"]}
    assert set(lib.ids(search="ferries ")) == {ids["ferries"], ids["ferry"], ids["crash"]}
    assert set(lib.ids(search="elect ")) == {ids["elected"], ids["election"]}
    assert set(lib.ids(search="run ")) == {ids["running"]}
    # A title holding the word in another form still comes first.
    assert lib.ids(search="ferry ")[0] == ids["ferries"]
    assert set(lib.ids(search="elected ")[:2]) == {ids["elected"], ids["election"]}  # both titles: one stem


def test_every_keystroke_of_a_word_finds_it(lib):
    """A word typed past its stem ("electi" of "election", indexed as "elect") still finds what the word will."""
    ids = _harbour(lib)
    for word, wanted in (("election", "election"), ("running", "running"), ("ferries", "ferries")):
        for k in range(3, len(word) + 1):
            assert ids[wanted] in lib.ids(search=word[:k]), word[:k]
    assert ids["other"] not in lib.ids(search="electi")


def test_quoted_words_are_a_phrase(lib):
    ids = _harbour(lib)
    assert set(lib.ids(search="ferry crash ")) == {ids["ferry"], ids["crash"]}
    assert lib.ids(search='"ferry crash"') == [ids["ferry"]]
    assert lib.ids(search='"ferry cra') == [ids["ferry"]]  # the closing quote not typed yet: its last word a prefix
    assert lib.ids(search="“ferry crash”") == [ids["ferry"]]  # typographic quotes too
    assert lib.ids(search='"crash ferry"') == []


def test_what_is_typed_stays_text():
    assert fts_query('"ferry crash" AND NOT xy') == '"ferry crash" AND "NOT" AND "xy"*'
    assert fts_query('"ferry (crash)*" ^x') == '"ferry crash" AND "x"'
    assert fts_query('"') == fts_query('""') == fts_query("") == ""
    assert fts_query('the "') == '"the"'  # a quote opened after a word: that word is finished


def _library_before_stemming(path, n: int) -> None:
    """A library as schema 23 left it: the same tables, its index not stemmed."""
    lib = Library(path)
    lib.add_many([Article(title=f"Ferries number {i}", body=f"The ferries sailed {i} times; crews elected a leader. "
                          * 20, published="2026-02-01") for i in range(n)])
    lib.close()
    db = sqlite3.connect(path)
    db.executescript("""
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5 (
            title, body, meta, content='articles_search', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2', prefix='2 3');
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    """)
    db.execute(f"PRAGMA user_version = {STEMS_MIGRATION - 1}")
    db.commit()
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ferry'").fetchone()[0] == 0
    db.close()


def test_the_migration_stems_an_existing_index(lib_path):
    _library_before_stemming(lib_path, 30)
    lib = Library(lib_path)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= STEMS_MIGRATION
    assert len(lib.ids(search="ferry ")) == 30
    assert len(lib.ids(search="elect ")) == 30
    assert lib.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')") is not None
    assert lib.check() == "ok"
    _add(lib, "A ferry for the island", "The island gets its own ferry.")  # the triggers index into the new table
    assert len(lib.ids(search="ferries ")) == 31
    lib.close()


def test_a_library_killed_half_way_through_the_migration_opens_and_searches(lib_path, tmp_path):
    _library_before_stemming(lib_path, 200)
    child = textwrap.dedent(f"""
        import os, sys
        from tui.store import Library
        from tui.store import library as store

        armed = []
        real_statements, real_connect = store._statements, Library._connect

        def statements(sql):
            for statement in real_statements(sql):
                if "'rebuild'" in statement:
                    armed.append(0)
                yield statement
                armed.clear()  # the statement is done

        def connect(self, *args, **kw):
            db = real_connect(self, *args, **kw)
            def progress():
                if armed:
                    armed[0] += 1
                    if armed[0] == 3000:
                        os._exit(3)  # killed while the index is being made again
                return 0
            db.set_progress_handler(progress, 1)
            return db

        store._statements, Library._connect = statements, connect
        Library({str(lib_path)!r})
        sys.exit(0)
    """)
    done = subprocess.run([sys.executable, "-c", child], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr  # it died in the middle of the index's rebuild
    raw = sqlite3.connect(lib_path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == STEMS_MIGRATION - 1  # nothing of it committed
    assert raw.execute("SELECT count(*) FROM articles").fetchone()[0] == 200
    raw.close()
    lib = Library(lib_path)  # upgraded again, from the start
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert lib.count() == 200
    assert len(lib.ids(search="ferry ")) == 200
    assert len(lib.ids(search="number 7 ")) == 1
    assert lib.check() == "ok"
    lib.close()


def test_finished_forms_the_index_does_not_hold_are_left_out(lib):
    """A finished form no article holds adds nothing but a query's time (typing "campaign" tried "campaigness")."""
    assert fts_query("electi", known=lambda w: False) == fts_query("electi", forms=False) == '"electi"*'
    assert fts_query("electi", known=lambda w: w == '"electing"') == '("electi"* OR "electing")'
    ids = _harbour(lib)
    assert lib._indexed_word('"electing"') and lib._indexed_word('"ferry"') and not lib._indexed_word('"campaigness"')
    assert ids["election"] in lib.ids(search="electi")
