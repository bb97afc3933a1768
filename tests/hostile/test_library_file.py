"""The library file itself under attack (issue 14 items 2, 7, 8): a --db path that SQLite would read as a
URI, another application's SQLite file, a library with one damaged page."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from hostile_helpers import one_line_error, run_cli

ARTICLE = "Harbour vote headline {n}\n\nThe council voted on Tuesday to expand the harbour, said Maria Silva. {n}\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def article_file(folder: Path, n: int = 0) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"a{n}.txt"
    path.write_text(ARTICLE.format(n=n))
    return path


# -- item 2: the --db path is a file name, never a URI ---------------------------------------------------

@pytest.mark.parametrize("name", ["lib#1.db", "lib%41.db", "lib?mode=memory.db", "lib?immutable=1.db",
                                  "lib?vfs=unix-none.db", "my library.db", "bibliothèque-日本.db", "lib%2fx.db",
                                  "lib?mode=ro.db", "100%.db"])
def test_db_path_is_taken_literally(tmp_path, name):
    home = tmp_path / "home"
    home.mkdir()
    src = article_file(tmp_path / "src")
    for relative in (False, True):
        db = Path(name) if relative else home / name
        cwd = home if relative else None
        r = run_cli("--db", str(db), "add", str(src), env_extra={}, timeout=60) if cwd is None else \
            _run_in(cwd, "--db", str(db), "add", str(src))
        assert r.returncode == 0, r.stderr
        assert (home / name).exists(), f"{name!r} was not created; folder holds {sorted(os.listdir(home))}"
        assert sorted(p for p in os.listdir(home) if not p.endswith(("-wal", "-shm"))) == [name], os.listdir(home)
        r = run_cli("--db", str(home / name), "list", "--json")
        assert r.returncode == 0 and r.stdout.count(b"\n") == 1, (r.stdout, r.stderr)


def _run_in(cwd: Path, *args: str):
    import subprocess

    from hostile_helpers import newsreader_cmd

    env = dict(os.environ, NEWSREADER_NO_SEED="1")
    env.pop("NEWSREADER_DB", None)
    return subprocess.run(newsreader_cmd() + list(args), cwd=cwd, capture_output=True, env=env, timeout=60)


# -- item 7: another application's SQLite file is refused untouched --------------------------------------

def _foreign(path: Path, version: int, script: str) -> Path:
    con = sqlite3.connect(path)
    con.executescript(script)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()
    return path


FOREIGN = {
    # An app that also calls its table "articles" and counts its own schema versions.
    "articles-v1": (1, "CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT, price REAL);"
                       "INSERT INTO articles VALUES (1, 'keep me', 2.5);"),
    "articles-v2": (2, "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT, body TEXT);"
                       "INSERT INTO articles VALUES (1, 'keep me', 'mine');"),
    "notes-v1": (1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes VALUES (1, 'x');"),
    "empty-v2": (2, ""),
    "other-app-id": (0, "PRAGMA application_id = 1234567;"),
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_other_applications_file_untouched(tmp_path, kind):
    version, script = FOREIGN[kind]
    db = _foreign(tmp_path / "other.db", version, script)
    before = digest(db)
    src = article_file(tmp_path / "src")
    for args in (["list"], ["add", str(src)], ["doctor"], ["export"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 1, (args, r.stdout, r.stderr)
        assert "not a newsreader library" in one_line_error(r.stderr)
    assert digest(db) == before
    assert not Path(str(db) + "-wal").exists()
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] != "wal"
    con.close()


def _old_library(path: Path, migrations: int) -> None:
    """A library as an earlier newsreader left it: the first `migrations` steps, no application_id."""
    from tui.store.library import _statements
    from tui.store.schema import MIGRATIONS

    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    for number in range(migrations):
        for statement in _statements(MIGRATIONS[number]):
            con.execute(statement)
    con.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) "
                "VALUES ('Old article', 'The harbour council voted.', 'h1', '2025-01-01', '2025-01-01')")
    con.execute(f"PRAGMA user_version = {migrations}")
    con.close()


@pytest.mark.parametrize("migrations", [1, 2, 3])
def test_earlier_libraries_still_open_and_upgrade(tmp_path, migrations):
    from tui.store import Library
    from tui.store.library import APPLICATION_ID
    from tui.store.schema import SCHEMA_VERSION

    db = tmp_path / "old.db"
    _old_library(db, migrations)
    r = run_cli("list", "--json", db=db)
    assert r.returncode == 0 and b"Old article" in r.stdout, r.stderr
    with Library(db) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert lib.count() == 1


def test_new_library_is_marked(tmp_path):
    from tui.store import Library
    from tui.store.library import APPLICATION_ID

    with Library(tmp_path / "new.db") as lib:
        assert lib.db.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


# -- item 8: one damaged page -----------------------------------------------------------------------------

def _damaged(tmp_path: Path, n: int = 150) -> tuple[Path, Path]:
    src = tmp_path / "src"
    for i in range(n):
        article_file(src, i).write_text(ARTICLE.format(n=i) + ("More words about the harbour vote. " * 40))
    db = tmp_path / "lib.db"
    r = run_cli("add", str(src), db=db)
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    # An interior page of the articles table: every read of a row below it fails, and nothing that
    # only reads the newest rows through the index notices.
    pages = [p for (p,) in con.execute("SELECT pageno FROM dbstat WHERE name = 'articles' AND pagetype = 'leaf'")]
    con.close()
    assert len(pages) > 10
    page = pages[len(pages) // 2]
    data = bytearray(db.read_bytes())
    data[(page - 1) * page_size: page * page_size] = bytes(page_size)
    db.write_bytes(bytes(data))
    return db, src


def test_damaged_page_refuses_writes_and_doctor_explains(tmp_path):
    db, src = _damaged(tmp_path)
    before = digest(db)
    extra = article_file(tmp_path / "more", 9999)
    for args in (["add", str(extra)], ["remove", "1"], ["analyze"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 1, (args, r.stderr)
        line = one_line_error(r.stderr)
        assert "damaged" in line and "doctor" in line, line
        assert digest(db) == before, f"{args} wrote into a damaged library"
    r = run_cli("doctor", db=db)
    text = (r.stdout + r.stderr).decode()
    assert "damaged" in text and "export" in text and "newsreader --db" in text, text
    # What doctor says works: export what is readable, import it into a new library.
    r = run_cli("export", "--format", "json", db=db)
    assert r.returncode == 0 and b"damaged" in r.stderr, r.stderr
    dump = tmp_path / "rescue.json"
    dump.write_bytes(r.stdout)
    saved = r.stdout.count(b"\n")
    assert 0 < saved < 150
    fresh = tmp_path / "new.db"
    r = run_cli("add", str(dump), db=fresh)
    assert r.returncode == 0, r.stderr
    r = run_cli("list", "--json", db=fresh)
    assert r.stdout.count(b"\n") == saved
    assert digest(db) == before


def test_damaged_page_reading_warns(tmp_path):
    db, _ = _damaged(tmp_path)
    for args in (["list"], ["list", "--json"], ["show", "1"], ["list", "-s", "harbour"]):
        r = run_cli(*args, db=db)
        # Either it reads what it needs (the damage elsewhere) and then says the library is damaged, or it
        # stops at the damaged page with one line that says so: both point to doctor; never a traceback.
        assert r.returncode in (0, 1) and b"Traceback" not in r.stderr, r.stderr
        lines = r.stderr.decode().splitlines()
        assert len(lines) == 1 and "damaged" in lines[0] and "doctor" in lines[0], lines
        assert lines[0].startswith("warning:" if r.returncode == 0 else "newsreader: error:"), lines


def test_damaged_library_read_only_subcommands_warn_and_read(tmp_path):
    """Feed, watch and stories commands that only read work on a damaged library with the one warning
    (they were refused like writers); commands that write are still refused."""
    db, src = _damaged(tmp_path)
    before = digest(db)
    for args in (["feed", "list"], ["feed", "list", "--json"], ["feed", "export"], ["watch", "list"], ["who", "Harbour"],
                 ["stories"], ["brief", "--since", "2000-01-01"]):
        r = run_cli(*args, db=db)
        assert r.returncode in (0, 1) and b"Traceback" not in r.stderr, (args, r.stderr)
        said = [line for line in r.stderr.decode().splitlines() if "damaged" in line]
        assert len(said) == 1 and "doctor" in said[0], (args, r.stderr)
        if args[0] in ("feed", "watch"):
            assert r.returncode == 0 and said[0].startswith("warning:"), (args, said)
    assert b"<opml" in run_cli("feed", "export", db=db).stdout
    opml = tmp_path / "feeds.opml"
    opml.write_text('<opml version="2.0"><body><outline text="A" xmlUrl="http://127.0.0.1:9/a.xml"/></body></opml>')
    for args in (["feed", "add", "http://127.0.0.1:9/feed.xml"], ["watch", "add", str(src)], ["feed", "import", str(opml)]):
        r = run_cli(*args, db=db)
        assert r.returncode == 1 and "damaged" in one_line_error(r.stderr), (args, r.stderr)
    assert digest(db) == before
