"""`newsreader doctor --repair` makes a damaged search index again in place (session 24).

A dropped `articles_fts_idx` (or `_docsize`, or the view the index reads) made every search and every add fail with
"SQL logic error", and `doctor`'s only way out was to export the library into a new one. The repair drops the index
(FTS5 cannot open, nor so drop, its table without its data and config tables: those are made again empty first) and
makes it from the articles in batches, with progress, in one transaction: killed half way, nothing is lost."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap

import pytest

from tui.cli import main
from tui.models import Article
from tui.store import Library, StoreError
from tui.store import library as store
from tui.store.library import search_index_damage


def _harbour(path, n: int = 30) -> None:
    with Library(path) as lib:
        lib.add_many([Article(title=f"Harbour report {i}", body=f"The ferries ran {i} times; the news of the day.",
                              published="2026-02-01") for i in range(n)])


def _damage(path, statement: str) -> None:
    db = sqlite3.connect(path)
    db.execute(statement)
    db.commit()
    db.close()


DAMAGE = {
    "terms table dropped": "DROP TABLE articles_fts_idx",
    "sizes table dropped": "DROP TABLE articles_fts_docsize",
    "data table dropped": "DROP TABLE articles_fts_data",
    "config table dropped": "DROP TABLE articles_fts_config",
    "format edited": "UPDATE articles_fts_config SET v = 99 WHERE k = 'version'",
    "index dropped": "DROP TABLE articles_fts",
    "view dropped": "DROP VIEW articles_folded",
}


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_a_damaged_index_is_named_and_made_again_in_place(lib_path, capsys, name):
    _harbour(lib_path)
    _damage(lib_path, DAMAGE[name])
    new = lib_path.parent / "new.txt"
    new.write_text("Storm closes Lindqvist port\n\nStorm Hester closed the port of Lindqvist on Friday, the harbour "
                   "master said.\n")
    assert main(["add", str(new)]) == 1  # the index cannot take it: one line naming the index and the repair
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "the search index is damaged (" in line and "SQL logic error" not in line, line
    assert f"run `newsreader --db {lib_path} doctor --repair` to make it again" in line, line
    assert main(["doctor"]) == 0
    report = capsys.readouterr().out
    assert "search:    the search index is damaged" in report and "repair:    `newsreader --db" in report, report
    assert "recover:" not in report, report
    assert main(["doctor", "--repair"]) == 0
    said = capsys.readouterr()
    assert said.out == "search index made again: 30 articles in 0 s\n", said
    assert "making the search index again for 30 articles" in said.err
    with Library(lib_path) as lib:
        assert search_index_damage(lib.db) is None and lib.check_search_index() is None
        assert len(lib.ids(search="ferry ")) == 30 and len(lib.ids(search="news ")) == 30
        assert len(lib.ids(search="new ")) == 0  # the view made as the schema makes it: "news" kept apart
        assert lib.add(Article(title="Storm", body="Storm Hester closed the port of Lindqvist.", published=None))[0] == "added"
        assert lib.ids(search="lindqvist") and lib.count() == 31


def test_the_error_line_stays_whole_for_a_library_in_a_deep_folder(tmp_path, capsys):
    # A library 90-odd characters deep (a project's folder, a synced drive): the line named the path twice, at its
    # start and in the repair command, and the error line's 300-cell cut fell in its middle ("the search index is …invalid
    # fts5 file format"): what was wrong was cut out. The repair command names the library: said once.
    deep = tmp_path / "reading-room" / ("news-library-" * 2)
    deep.mkdir(parents=True)
    path = deep / "library.db"
    assert len(str(path)) >= 90
    _harbour(path)
    _damage(path, DAMAGE["format edited"])
    new = deep / "new.txt"
    new.write_text("Storm closes Lindqvist port\n\nStorm Hester closed the port of Lindqvist on Friday.\n")
    assert main(["--db", str(path), "add", str(new)]) == 1
    line = capsys.readouterr().err.strip()
    assert "\n" not in line and "…" not in line, line
    assert line.startswith("newsreader: error: the search index is damaged (invalid fts5 file format"), line
    assert line.endswith(f"run `newsreader --db {path} doctor --repair` to make it again"), line


def test_the_repair_says_how_far_it_has_come(lib_path, monkeypatch):
    _harbour(lib_path, 120)
    _damage(lib_path, "DROP TABLE articles_fts_idx")
    monkeypatch.setattr(store, "REBUILD_BATCH", 50)
    monkeypatch.setattr(store, "PROGRESS_EVERY", 0.0)
    said: list[str] = []
    with Library(lib_path) as lib:
        assert lib.repair_search_index(said.append) == 120
        assert said == ["search index: 41% (50 of 120 articles), 0 s…", "search index: 83% (100 of 120 articles), 0 s…"]
        assert len(lib.ids(search="ferries ")) == 120 and lib.check() == "ok"
        lib.db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_a_repair_killed_half_way_loses_nothing_and_runs_again(lib_path, tmp_path):
    _harbour(lib_path, 200)
    _damage(lib_path, "DROP TABLE articles_fts_idx")
    child = textwrap.dedent(f"""
        import os
        from tui.store import Library

        real = Library._rebuild_index

        def rebuild(self, *args):
            steps = []
            def progress():
                steps.append(1)
                if len(steps) == 3000:
                    os._exit(3)  # killed while the index is being made again
                return 0
            self.db.set_progress_handler(progress, 1)
            return real(self, *args)

        Library._rebuild_index = rebuild
        Library({str(lib_path)!r}).repair_search_index()
    """)
    done = subprocess.run([sys.executable, "-c", child], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 3, done.stderr  # it died in the middle of the rebuild
    raw = sqlite3.connect(lib_path)
    assert raw.execute("SELECT count(*) FROM articles").fetchone()[0] == 200
    assert search_index_damage(raw) == "articles_fts_idx missing"  # as it was: nothing of the repair committed
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    with Library(lib_path) as lib:
        assert lib.repair_search_index() == 200
        assert len(lib.ids(search="ferry ")) == 200 and lib.check_search_index() is None


def test_a_read_only_library_is_not_repaired(lib_path, capsys):
    _harbour(lib_path, 3)
    _damage(lib_path, "DROP TABLE articles_fts_idx")
    with Library(lib_path, readonly=True) as lib, pytest.raises(StoreError, match="read-only"):
        lib.repair_search_index()
