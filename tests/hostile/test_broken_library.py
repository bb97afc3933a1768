"""A corrupt library file, a read-only folder, a missing folder, a full disk: one clear line, exit 1,
the library file never overwritten or deleted, and the TUI does not start on a library it cannot use."""

from __future__ import annotations

import contextlib
import hashlib
import os
import subprocess
from pathlib import Path

import pytest

from hostile_helpers import newsreader_cmd, one_line_error, run_cli

ARTICLE = "Harbour vote headline {n}\n\nThe council voted on Tuesday to expand the harbour, said Maria Silva. {n}\n"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_library(db: Path, n: int = 5) -> None:
    src = db.parent / "src"
    src.mkdir(exist_ok=True)
    for i in range(n):
        (src / f"a{i}.txt").write_text(ARTICLE.format(n=i))
    r = run_cli("add", str(src), db=db)
    assert r.returncode == 0, r.stderr


def tui_refuses(db: Path) -> str:
    """Start the TUI on `db`: it must exit 1 with one line, promptly, before drawing anything."""
    env = dict(os.environ, NEWSREADER_NO_SEED="1")
    r = subprocess.run(newsreader_cmd() + ["--db", str(db)], stdin=subprocess.DEVNULL, capture_output=True,
                       env=env, timeout=30)
    assert r.returncode == 1, (r.returncode, r.stderr[-300:])
    assert b"\x1b" not in r.stdout, "the TUI started drawing"
    return one_line_error(r.stderr)


def corruptions(good: bytes) -> dict[str, bytes]:
    """Ways a library file gets damaged: truncation, garbage pages, a wiped schema, not SQLite at all."""
    garbage = bytearray(good)
    garbage[4096:8192] = b"\xaa" * 4096
    schema = bytearray(good)
    schema[100:4096] = b"\x00" * 3996
    header = bytearray(good)
    header[:16] = b"SQLite format 2\x00"
    return {"truncated": good[: len(good) // 2], "garbage-page": bytes(garbage), "wiped-schema": bytes(schema),
            "bad-header": bytes(header), "text": b"this is my shopping list, not a database\n" * 50,
            "random": os.urandom(64 * 1024)}


@pytest.mark.parametrize("kind", ["truncated", "garbage-page", "wiped-schema", "bad-header", "text", "random"])
def test_corrupt_library(tmp_path, kind):
    good_db = tmp_path / "good.db"
    make_library(good_db)
    db = tmp_path / f"{kind}.db"
    db.write_bytes(corruptions(good_db.read_bytes())[kind])
    before = digest(db)
    new = tmp_path / "new.txt"
    new.write_text(ARTICLE.format(n="new"))
    results = {}
    for args in (["list"], ["show", "1"], ["add", str(new)], ["remove", "1"], ["list", "-s", "harbour"]):
        r = run_cli(*args, db=db, timeout=60)
        results[" ".join(args)] = r
        assert b"Traceback" not in r.stderr, r.stderr[-500:]
        if r.returncode != 0:
            assert r.returncode == 1
            line = one_line_error(r.stderr)
            assert str(db) in line or db.name in line, line
    # Damage that reads can avoid may still let `list` work, but a write must never succeed silently ...
    assert results[f"add {new}"].returncode == 1
    # ... and the file itself is never rewritten, replaced or deleted.
    assert db.exists() and digest(db) == before
    tui_refuses(db)
    assert digest(db) == before


def test_tui_on_a_library_with_a_damaged_page(tmp_path):
    """Header and schema intact, a data page destroyed: the TUI must not start on it (it once crashed with a
    Textual traceback and exit code 0)."""
    good_db = tmp_path / "good.db"
    make_library(good_db)
    db = tmp_path / "damaged.db"
    db.write_bytes(corruptions(good_db.read_bytes())["garbage-page"])
    before = digest(db)
    try:
        tui_refuses(db)
    finally:
        assert digest(db) == before


def test_list_on_a_library_damaged_in_a_table_page_shows_every_readable_row(tmp_path):
    """`list` failed outright (one error line, no row) on a library whose oldest rows sit on a damaged page, though
    the app, `export` and `doctor` show what is readable. It lists every readable row in the list's order, then says
    which rows it skipped, in the damage warning's line; exit code 0, as `export`'s."""
    import json

    from damaged_pages import harbour_library, zero_oldest_page

    db = tmp_path / "damaged.db"
    harbour_library(db)
    zero_oldest_page(db)
    before = digest(db)
    for args in (["list"], ["list", "--json"], ["list", "-s", "harbour"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, (args, r.stderr[-500:])
        lines = r.stdout.decode().splitlines()
        ids = [json.loads(x)["id"] for x in lines] if "--json" in args else [int(x.split()[0]) for x in lines]
        # the newest first, as the app's list; the zeroed page held the oldest, the list's end
        assert len(ids) > 250 and ids[:3] == [300, 299, 298] and len(set(ids)) == len(ids), (args, ids[-5:])
        skipped = list(range(min(ids) - 1, 0, -1))
        [warning] = r.stderr.decode().splitlines()  # one line: the damage, and what was skipped for it
        assert "is damaged" in warning and "doctor" in warning, warning
        assert f"(skipped {len(skipped)} articles on damaged pages: #{skipped[0]}, " in warning, warning
    r = run_cli("list", "--limit", "5", db=db)  # the first rows read fine: no skip to report
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 5 and "skipped" not in r.stderr.decode(), r.stderr
    assert digest(db) == before


def test_story_commands_on_a_library_damaged_in_its_story_tables_show_what_is_readable(tmp_path):
    """`stories` and `brief` failed outright (one error line, exit 1) when a page of the stories table was damaged,
    and `stories`, `brief` and `story ID` when a page of their figures (story_stats) was. They show every story that
    can be read (a story whose figures cannot be read is counted from its articles) and say which they skipped."""
    import shutil

    from damaged_pages import harbour_library, zero_middle_page

    from tui.store import Library
    from tui.stories import group_new

    grouped = tmp_path / "grouped.db"
    harbour_library(grouped)
    with Library(grouped) as lib:
        group_new(lib)
        stories = lib.db.execute("SELECT count(*) FROM stories").fetchone()[0]
        last = lib.db.execute("SELECT id FROM stories ORDER BY last DESC, id DESC LIMIT 1").fetchone()[0]
    for table in ("stories", "story_stats"):
        db = tmp_path / f"{table}.db"
        shutil.copyfile(grouped, db)
        zero_middle_page(db, table)
        before = digest(db)
        r = run_cli("stories", db=db)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, (table, r.stderr[-500:])
        ids = [int(x.split()[0]) for x in r.stdout.decode().splitlines()]
        [warning] = r.stderr.decode().splitlines()
        assert "is damaged" in warning and len(set(ids)) == len(ids) and ids[0] == last, (table, warning, ids[:3])
        if table == "stories":  # its rows on the zeroed page are skipped and named
            assert 0 < stories - len(ids) < stories // 2, (stories, len(ids))
            assert f"(skipped {stories - len(ids)} stories on damaged pages: " in warning, warning
        else:  # every story is there, its figures counted from its articles
            assert "skipped" not in warning and len(ids) == stories, (warning, len(ids))
        r = run_cli("brief", db=db)
        assert r.returncode == 0 and "1. Harbour plan" in r.stdout.decode(), (table, r.stderr[-500:])
        r = run_cli("story", str(last), db=db)
        assert r.returncode == 0 and r.stdout.decode().startswith("Harbour plan"), (table, r.stderr[-500:])
        assert digest(db) == before


def test_not_a_newsreader_library(tmp_path):
    import sqlite3

    db = tmp_path / "other.db"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE accounts (id INTEGER, balance REAL)")
    con.execute("INSERT INTO accounts VALUES (1, 100.0)")
    con.commit()
    con.close()
    before = digest(db)
    for args in (["list"], ["add", str(tmp_path)]):
        line = one_line_error(run_cli(*args, db=db).stderr)
        assert "not a newsreader library" in line
    assert "not a newsreader library" in tui_refuses(db)
    assert digest(db) == before


def test_library_from_a_newer_version(tmp_path):
    import sqlite3

    db = tmp_path / "lib.db"
    make_library(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA user_version = 999")
    con.close()
    before = digest(db)
    assert "newer newsreader" in one_line_error(run_cli("list", db=db).stderr)
    assert "newer newsreader" in tui_refuses(db)
    assert digest(db) == before


@pytest.mark.parametrize("table", ["counts", "watched", "story_articles", "feeds"])
def test_a_library_missing_a_table_is_damaged_and_doctor_names_it(tmp_path, table):
    """A table of the schema dropped (by hand, another tool, a damaged schema page): the library opened as healthy, so
    `add` wrote to it (a library without `watched` or `feeds` took the article) or failed with
    "library error: no such table: main.counts", and `doctor` said "integrity ok" with no way out. Now it is damaged:
    doctor names the table and the rescue, writes are refused with one line, reading commands read what they can.
    (The stories' figures, story_stats and story_sources, are made again when the library opens instead, counted
    from the stories: test_story_figures_dropped.py.)"""
    db, before = _library_after(tmp_path, f"DROP TABLE {table}")
    doctor, rescued = _refuses_writes_names_it_and_reads(db, tmp_path, f"table {table}")
    assert b"export --format json > rescued.jsonl" in doctor.stdout
    assert f"is damaged (table {table} missing): showed what is readable" in one_line_error(rescued.stderr)
    assert digest(db) == before


def _library_after(tmp_path, statement):
    """A library of 5 articles in tmp_path with `statement` run on it by another program: (its path, its digest)."""
    import sqlite3

    db = tmp_path / "lib.db"
    make_library(db)
    con = sqlite3.connect(db)
    con.execute(statement)
    con.close()
    return db, digest(db)


def _refuses_writes_names_it_and_reads(db, tmp_path, missing):
    """`add` refused in one line naming what is `missing` ("table feeds", "column feeds.site_url"), doctor naming it,
    `export` reading the 5 articles: (doctor's and export's results)."""
    new = tmp_path / "new.txt"
    new.write_text(ARTICLE.format(n="new"))
    r = run_cli("add", str(new), db=db)
    # (the whole line as the CLI prints it: with its two paths it is cut in the middle on a long temp folder)
    assert r.returncode == 1 and one_line_error(r.stderr) == cli_line(
        f"newsreader: error: {db} is damaged ({missing} missing); nothing was written. Run `newsreader --db {db} "
        "doctor` to see how to recover what is readable"), r.stderr
    doctor = run_cli("doctor", db=db)
    assert doctor.returncode == 0 and f"damaged:   {missing} missing; newsreader will not write to it." in \
        doctor.stdout.decode(), doctor.stdout
    rescued = run_cli("export", "--format", "json", db=db)
    assert rescued.returncode == 0 and len(rescued.stdout.splitlines()) == 5
    return doctor, rescued


@pytest.mark.parametrize("table, column", [("feeds", "last_error"), ("watched_files", "skipped"),
                                           ("feeds", "site_url")])
def test_a_library_missing_a_column_is_damaged_and_doctor_names_it(tmp_path, table, column):
    """A column of the schema dropped (ALTER TABLE ... DROP COLUMN by another program, a table made again without it):
    the library opened as healthy and each command that touched the column failed on its own ("library error: no such
    column: ..."), `doctor` said "integrity ok". Now it is damaged as a missing table is: doctor names the column, the
    CLI and the app's check say it in one line, writes are refused, reading commands read."""
    from tui.app.parts.health import check_library

    db, before = _library_after(tmp_path, f"ALTER TABLE {table} DROP COLUMN {column}")
    _refuses_writes_names_it_and_reads(db, tmp_path, f"column {table}.{column}")
    assert check_library(db) == f"column {table}.{column} missing"
    assert digest(db) == before


def cli_line(line: str) -> str:
    """`line` as the CLI prints it: an error line is at most ERROR_CELLS cells, cut in the middle past that (a long temp
    folder, as on CI, makes this test's paths longer than that); the app's refusal at start is the same line."""
    from tui.cells import echoed
    from tui.cli import ERROR_CELLS

    head = "newsreader: error: "
    return head + echoed(line.removeprefix(head), ERROR_CELLS)


def test_a_folder_or_a_link_to_nothing_where_the_write_ahead_log_goes_is_named_with_what_to_do(tmp_path):
    """LIB-wal a folder (another program's, a mistaken `mkdir`) or a link to nothing: every command and the app said
    "cannot open LIB (check the folder exists and is writable)" of a folder that exists and is writable. Now the line
    names the file, what it is and what to do; the library is untouched."""
    db = tmp_path / "lib.db"
    make_library(db)
    before = digest(db)
    wal = tmp_path / "lib.db-wal"
    wal.mkdir()
    (wal / "notes.txt").write_text("kept")
    folder = f"newsreader: error: cannot open {db}: its write-ahead log {wal} is a folder, not a file; move that " \
             "folder away (it holds no log: nothing is lost)"
    for args in (["list"], ["add", str(tmp_path / "absent.txt")], ["doctor"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 1 and one_line_error(r.stderr) == cli_line(folder), r.stderr
    assert tui_refuses(db) == cli_line(folder)
    assert (wal / "notes.txt").read_text() == "kept"
    (wal / "notes.txt").unlink()
    wal.rmdir()
    wal.symlink_to(tmp_path / "gone" / "x")
    r = run_cli("list", db=db)
    assert r.returncode == 1 and one_line_error(r.stderr) == cli_line(f"newsreader: error: cannot open {db}: its " \
        f"write-ahead log {wal} is a link to {tmp_path / 'gone' / 'x'}, which does not exist; remove the link"), r.stderr
    wal.unlink()
    assert run_cli("list", db=db).returncode == 0 and digest(db) == before


def test_a_library_or_its_write_ahead_log_the_user_cannot_read_and_write_is_named_with_what_to_do(tmp_path,
                                                                                                  monkeypatch, capsys):
    """LIB or LIB-wal the user cannot read and write: SQLite cannot open the library, and the line names the file and
    the permission to give. As root (these tests' user) every access check passes, so the check is a seam here: SQLite
    fails for a real cause (LIB-wal a folder; LIB-shm a link to nothing) and the seam says the user may not read and
    write LIB (or LIB-wal), which is what the line must then name first. Nothing asserted these lines before."""
    from tui.cli import main

    db = tmp_path / "lib.db"
    make_library(db)
    before = digest(db)
    denied: set[Path] = set()
    monkeypatch.setattr("tui.store.library._can_read_write", lambda path: Path(path) not in denied)
    wal, shm = tmp_path / "lib.db-wal", tmp_path / "lib.db-shm"

    def error() -> str:
        assert main(["--db", str(db), "list"]) == 1
        return one_line_error(capsys.readouterr().err.encode())

    wal.mkdir()
    denied = {db}
    assert error() == cli_line(f"newsreader: error: cannot open {db}: you cannot read and write it (permission); give "
                               "yourself that permission on it (chmod u+rw)")
    wal.rmdir()
    wal.write_bytes(b"")
    shm.symlink_to(tmp_path / "gone" / "x")
    denied = {wal}
    assert error() == cli_line(f"newsreader: error: cannot open {db}: its write-ahead log {wal} cannot be read and "
                               "written by you (permission); give yourself that permission on it (chmod u+rw), and "
                               "do not delete it: it may hold the library's latest changes")
    denied = set()  # (the link is what SQLite stumbled on)
    assert error() == cli_line(f"newsreader: error: cannot open {db}: its shared-memory file {shm} is a link to "
                               f"{tmp_path / 'gone' / 'x'}, which does not exist; remove the link")
    shm.unlink()
    assert main(["--db", str(db), "list"]) == 0 and digest(db) == before


def test_missing_folder(tmp_path):
    db = tmp_path / "no" / "such" / "folder" / "lib.db"
    for args in (["--db", str(db), "list"], ["--db", str(db), "add", str(tmp_path)]):
        r = run_cli(*args)
        assert r.returncode == 1
        assert "does not exist" in one_line_error(r.stderr)
    assert "does not exist" in tui_refuses(db)
    assert not (tmp_path / "no").exists(), "an explicit --db must not create folders behind the user's back"


def test_library_path_is_a_folder(tmp_path):
    r = run_cli("list", db=tmp_path)
    assert r.returncode == 1 and one_line_error(r.stderr).endswith(" is a folder, not a library file")


def test_library_path_is_a_named_pipe_or_a_device(tmp_path):
    """A named pipe or a link to /dev/zero or /dev/null as the library: "disk I/O error on LIB (is the disk full or
    failing?)", which sent the user to check a healthy disk. Nothing is created beside it."""
    os.mkfifo(tmp_path / "pipe.db")
    (tmp_path / "zero.db").symlink_to("/dev/zero")
    (tmp_path / "null.db").symlink_to("/dev/null")
    for name, what in (("pipe.db", "a named pipe"), ("zero.db", "a character device"), ("null.db", "a character device")):
        db = tmp_path / name
        for args in (["list"], ["add", str(tmp_path / "absent.txt")]):
            r = run_cli(*args, db=db, timeout=60)
            line = one_line_error(r.stderr)
            assert r.returncode == 1 and line == f"newsreader: error: {db} is {what}, not a library file", line
        assert f"is {what}, not a library file" in tui_refuses(db)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null.db", "pipe.db", "zero.db"]


# -- a read-only folder and a full disk, simulated with small tmpfs mounts (root only) ------------------

@contextlib.contextmanager
def tmpfs(path: Path, size: str):
    path.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here (needs root/CAP_SYS_ADMIN): {r.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def test_read_only_folder(tmp_path):
    with tmpfs(tmp_path / "ro", "4m") as folder:
        db = folder / "lib.db"
        make_library(db)
        r = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
        if r.returncode != 0:
            pytest.skip(f"cannot remount read-only: {r.stderr.decode().strip()}")
        before = digest(db)
        new = tmp_path / "new.txt"
        new.write_text(ARTICLE.format(n="new"))
        add = run_cli("add", str(new), db=db)
        assert add.returncode == 1
        one_line_error(add.stderr)
        # Reading works (issue 14): the library is opened read-only.
        for args in (["list"], ["show", "1"], ["list", "-s", "harbour"], ["export"], ["doctor"], ["summary", "1"]):
            r = run_cli(*args, db=db)
            assert r.returncode == 0 and b"Harbour" in r.stdout or args == ["doctor"] and r.returncode == 0, (args, r.stderr)
        r = run_cli("remove", "1", db=db)
        assert r.returncode == 1 and "read-only" in one_line_error(r.stderr)
        new_db = folder / "new.db"
        assert run_cli("list", db=new_db).returncode == 1
        assert not new_db.exists()
        assert digest(db) == before


def test_full_disk(tmp_path):
    from test_durability import check_library

    with tmpfs(tmp_path / "small", "1m") as folder:
        db = folder / "lib.db"
        make_library(db, n=5)
        first = {a.title: a.body for a in _articles(db)}
        big = tmp_path / "big"
        big.mkdir()
        expected = dict(first)
        for i in range(600):  # ~1.5 MB of text: cannot fit
            text = ARTICLE.format(n=i + 100) + ("The budget debate went on for hours, the minister said. " * 40)
            (big / f"b{i:04d}.txt").write_text(text)
        from tui.importers import import_paths

        for item in import_paths([str(big)]):
            expected[item.article.title] = item.article.body
        r = run_cli("add", str(big), db=db, timeout=120)
        assert r.returncode == 1, r.stdout[-300:]
        assert "disk full" in one_line_error(r.stderr)
        assert db.exists()
        # Everything stored before is still there, whole; the failed batch left nothing half-written.
        stored = check_library(db, expected)
        assert {a.title: a.body for a in _articles(db) if a.title in first} == first
        print(f"full disk: {stored} articles in the library after the failed batch, {len(first)} before it")
        # Still usable: reading works, and the TUI either opens or refuses in one line.
        assert run_cli("list", db=db).returncode == 0


def _articles(db: Path):
    from tui.store import Library

    with Library(db) as lib:
        return list(lib.iter_articles())


def test_completely_full_disk(tmp_path):
    """Not one free byte: SQLite cannot create its -shm file, so even reading fails; one line, nothing lost."""
    with tmpfs(tmp_path / "full", "1m") as folder:
        db = folder / "lib.db"
        make_library(db, n=3)
        before = digest(db)
        try:
            with open(folder / "filler", "wb") as f:
                while True:
                    f.write(b"\0" * 65536)
                    f.flush()
        except OSError:
            pass  # full
        for args in (["list"], ["add", str(db.parent)]):
            r = run_cli(*args, db=db)
            assert r.returncode in (0, 1)
            if r.returncode:
                line = one_line_error(r.stderr)
                assert "disk" in line, line
        r = run_cli("list", db=db)
        if r.returncode:
            assert "disk" in tui_refuses(db)
        (folder / "filler").unlink()
        assert digest(db) == before
        r = run_cli("list", db=db)
        assert r.returncode == 0 and r.stdout.count(b"Harbour vote headline") == 3


@pytest.fixture(scope="module")
def people_db(tmp_path_factory):
    from damaged_pages import people_library

    path = tmp_path_factory.mktemp("people") / "people.db"
    people_library(path)
    return path


@pytest.mark.parametrize("table", ["mentions", "mentions_name", "sqlite_autoindex_mentions_1"])
def test_who_on_a_library_damaged_in_its_mentions_shows_what_is_readable(people_db, tmp_path, table):
    """`who NAME` exited 1 with one line when a page of the mentions (the table or either of its indexes) was
    damaged, though `list`, `stories`, `brief` and `story` show what can be read. It shows the page from the
    mentions that can be read, and names the articles it skipped in the damage warning's line; exit code 0."""
    import json
    import shutil

    from damaged_pages import zero_middle_page

    db = tmp_path / f"{table}.db"
    shutil.copyfile(people_db, db)
    zero_middle_page(db, table)
    before = digest(db)
    r = run_cli("who", "Maria Silva", db=db)
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr[-500:]
    out = r.stdout.decode()
    head = out.splitlines()[0]
    shown = int(head.split("— ")[1].split()[0])
    assert head.startswith("Maria Silva (person) — ") and shown > 100, head
    assert "Appears with: Porto" in out and "“We will build the new quay before the winter storms”" in out, out[-800:]
    [warning] = r.stderr.decode().splitlines()
    assert "is damaged" in warning, warning
    if shown < 150:  # the articles whose mentions were on the zeroed page are named
        assert f"(skipped {150 - shown} articles on damaged pages: #" in warning, warning
    else:  # an index's page: the table's own key read them all
        assert "skipped" not in warning, warning
    r = run_cli("who", "Maria Silva", "--json", db=db)
    assert r.returncode == 0 and len(json.loads(r.stdout)["articles"]) == shown, r.stderr[-500:]
    assert digest(db) == before


@pytest.mark.parametrize("table", ["mentions", "mentions_name"])
def test_who_and_export_on_a_library_whose_list_index_is_damaged_show_what_is_readable(people_db, tmp_path, table):
    """`who NAME` exited 1 ("is damaged ... nothing was written") when the list's index (articles_newest) had a damaged
    page besides the mentions: the article-at-a-time reading of the mentions took its ids from that index alone, as
    `export` did (it failed with that index damaged by itself). The ids come from the table when the index cannot be
    read: the whole page, exit code 0."""
    import shutil

    from damaged_pages import zero_middle_page

    db = tmp_path / f"{table}.db"
    shutil.copyfile(people_db, db)
    zero_middle_page(db, "articles_newest")
    before_mentions = digest(db)
    r = run_cli("export", "--format", "json", db=db)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 150, r.stderr[-500:]
    ids = [int(line.split(b'"id": ')[1].split(b",")[0]) for line in r.stdout.splitlines()]
    assert ids == list(range(150, 0, -1)), ids[:5]  # the list's order, newest first
    assert digest(db) == before_mentions
    zero_middle_page(db, table)
    before = digest(db)
    r = run_cli("who", "Maria Silva", db=db)
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr[-500:]
    head = r.stdout.decode().splitlines()[0]
    assert head.startswith("Maria Silva (person) — ") and int(head.split("— ")[1].split()[0]) > 100, head
    [warning] = r.stderr.decode().splitlines()
    assert "is damaged" in warning, warning
    assert digest(db) == before


def test_list_and_export_with_the_list_index_and_a_table_page_damaged_name_what_they_skipped(tmp_path):
    """The list's index and the table's oldest page both damaged: `list` printed the readable rows, then "no articles"
    (it counted none of the rows it had printed) and never named the two rows it could not read; `export` failed
    outright. Both show every readable row newest first and name the rows they skipped."""
    from damaged_pages import harbour_library, zero_middle_page, zero_oldest_page

    db = tmp_path / "damaged.db"
    harbour_library(db)
    zero_oldest_page(db)
    zero_middle_page(db, "articles_newest")
    before = digest(db)
    r = run_cli("list", db=db)
    assert r.returncode == 0 and b"Traceback" not in r.stderr, r.stderr[-500:]
    ids = [int(x.split()[0]) for x in r.stdout.decode().splitlines()]
    assert ids[:3] == [300, 299, 298] and len(ids) > 250 and len(set(ids)) == len(ids), ids[-5:]
    skipped = [i for i in range(300, 0, -1) if i not in ids]
    [warning] = r.stderr.decode().splitlines()  # no "no articles" after it
    assert f"(skipped {len(skipped)} articles on damaged pages: #{skipped[0]}" in warning, warning
    r = run_cli("export", "--format", "json", db=db)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == len(ids), r.stderr[-500:]
    assert f"exported all but {len(skipped)} articles" in r.stderr.decode(), r.stderr[-300:]
    assert digest(db) == before
