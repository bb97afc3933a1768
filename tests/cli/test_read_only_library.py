"""A library that cannot be written (a read-only mount, file or folder; or one another program holds for a long write).

The library opens read-only by itself when it cannot be written (Library.readonly, SQLite's mode=ro): here the test
makes `why_read_only` say so of a library in a writable folder (the tests run as root too, whom chmod does not stop),
and two tests mount a real read-only file system, and a full one, when they can. Reading commands work and store nothing (analyses made
on the way are used and not kept); writing commands are refused at once, in one line that says why.

Before: `who NAME` found no one in an article not analysed yet and said to run `newsreader analyze` (which cannot run
there); `feed add URL` fetched the URL first (offline: "could not connect"), `doctor --repair` said it was making the
index again, `refresh` / `watch scan` with nothing to do said so and exited 0; the line did not say why the library
was read-only; and a write behind another program's long write lock waited up to 8 minutes in silence."""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
import subprocess
import threading

import pytest

from command import cli_error
from tui.cli import main
from tui.models import Article

WHY = "on a read-only file system"
QUOTED = ("The council said on Monday that the coast road would stay closed until the spring. \"We will reopen it "
          "as soon as the cliff is safe,\" said Mayor Ann Tolley. The sea wall will be rebuilt next week.")


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _library(lib) -> None:
    lib.add(Article(title="Coast road stays closed", source="Kessby Courier", published="2026-01-05", body=QUOTED))
    lib.add(Article(title="Harbour dues rise", source="Coast Weekly", published="2026-01-06",
                    body="The port board raised harbour dues by four percent on Monday, the first rise in ten years. "
                         "Fishing crews said the rise would cost each boat about 300 pounds a year."))


@pytest.fixture
def read_only(lib, lib_path, monkeypatch, tmp_path, capsys):
    """A library of two articles, grouped into stories and never analysed, that opens read-only from now on."""
    from tui.store import library

    _library(lib)
    assert main(["stories"]) == 0  # grouped while it could be written (what `story 1` reads)
    lib.close()
    capsys.readouterr()
    monkeypatch.setattr(library, "why_read_only", lambda path: WHY)
    (tmp_path / "more.txt").write_text("Ferry runs late\n\nThe winter ferry ran two hours late on Friday, the harbour "
                                       "office said, after a storm closed the channel for the night.\n")
    return lib_path


READING = [["list"], ["list", "--search", "harbour"], ["show", "1"], ["summary", "1"], ["entities", "1"],
           ["quotes", "1"], ["stories"], ["story", "1"], ["who", "Tolley"], ["brief"], ["export"], ["doctor"]]


def test_reading_commands_work_and_store_nothing(read_only, capsys):
    before = _digest(read_only)
    for args in READING:
        assert main(args) == 0, (args, capsys.readouterr().err)
        out = capsys.readouterr().out
        assert out.strip(), args
    assert _digest(read_only) == before
    con = sqlite3.connect(f"file:{read_only}?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM analysis").fetchone()[0] == 0  # analysed on the way, not stored
    con.close()


def test_doctor_says_the_library_is_read_only_and_why(read_only, capsys):
    assert main(["doctor"]) == 0
    assert f"writable:  no, read-only ({WHY}): reading works, commands that write are refused" in \
        capsys.readouterr().out.splitlines()


def test_who_analyses_what_it_cannot_store(read_only, capsys):
    """`who` found no one in an article not analysed yet ("no entity named 'Tolley' in the analysed library (run
    `newsreader analyze` first?)", exit 1): it analyses it for the page, as in a writable library, storing nothing."""
    assert main(["who", "Tolley"]) == 0, capsys.readouterr().err
    out = capsys.readouterr().out
    assert out.startswith("Ann Tolley (person) — 1 article") and "as soon as the cliff is safe" in out, out


WRITING = [["add", "{tmp}/more.txt"], ["remove", "1"], ["feed", "add", "http://127.0.0.1:9/feed.xml"], ["refresh"],
           ["feed", "remove", "1"], ["watch", "add", "{tmp}"], ["watch", "scan"], ["analyze"],
           ["stories", "--rebuild"], ["doctor", "--repair"], ["doctor", "--fill-headers"],
           # the OPML was read first: a missing or bad file was named before the library's line
           ["feed", "import", "{tmp}/missing.opml"], ["feed", "import", "{tmp}/more.txt"]]


@pytest.mark.parametrize("args", WRITING, ids=[" ".join(a) for a in WRITING])
def test_writing_commands_are_refused_at_once_saying_why(read_only, tmp_path, capsys, args):
    before = _digest(read_only)
    assert main([a.format(tmp=tmp_path) for a in args]) == 1
    captured = capsys.readouterr()
    assert captured.err == (f"newsreader: error: {read_only} is read-only ({WHY}); cannot write to the library\n"), \
        captured.err
    assert captured.out == ""
    assert _digest(read_only) == before


def test_a_write_behind_another_programs_long_write_says_it_waits(lib, lib_path, monkeypatch, capsys):
    """`remove` behind another program's write lock waited up to 50 x 10 s in silence: after the first wait it says
    once that it waits, and for what; then it is done when the lock is let go."""
    from tui.store import library

    _library(lib)
    lib.close()
    monkeypatch.setattr(library, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(lib_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("UPDATE articles SET starred = starred")
    timer = threading.Timer(1.5, lambda: holder.execute("COMMIT"))
    timer.start()
    try:
        assert main(["remove", "2"]) == 0
    finally:
        timer.join()
        holder.close()
    captured = capsys.readouterr()
    assert "removed #2" in captured.out
    waits = [line for line in captured.err.splitlines() if "waiting for another program writing to" in line]
    assert waits == [f"newsreader: waiting for another program writing to {lib_path} (up to 10 s; ctrl-c stops)…"], \
        captured.err


@contextlib.contextmanager
def _library_on_tmpfs(folder, size: str):
    """A small tmpfs mounted on `folder` (root only, else the test is skipped) holding the test's library, lib.db
    (its path given); unmounted after."""
    from tui.store import Library

    folder.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {r.stderr.decode().strip()}")
    try:
        path = folder / "lib.db"
        with Library(path) as lib:
            _library(lib)
        yield path
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _fill_disk(folder) -> None:
    """Fill the file system of `folder` to its last byte (a file "filler" in it)."""
    with open(folder / "filler", "wb", buffering=0) as filler:
        try:
            while True:
                filler.write(b"\0" * 4096)
        except OSError:
            pass


def _refuses_remove_on_a_full_disk(path, capsys) -> None:
    assert main(["remove", "1"]) == 1
    assert capsys.readouterr().err == (f"newsreader: error: {path} is read-only (the disk is full); cannot write "
                                       "to the library\n")


def test_a_full_disk(tmp_path, capsys, monkeypatch):
    """A library on a full disk: every command, reading ones too, said "disk I/O error on LIB (is the disk full or
    failing?)" (SQLite cannot grow the shared-memory file a reader needs). It is read as it is, and writes are refused
    saying why."""
    folder = tmp_path / "full"
    with _library_on_tmpfs(folder, "1m") as path:
        _fill_disk(folder)
        before = _digest(path)
        monkeypatch.setenv("NEWSREADER_DB", str(path))
        for args in (["list"], ["who", "Tolley"], ["summary", "1"], ["doctor"]):
            assert main(args) == 0, (args, capsys.readouterr().err)
        out = capsys.readouterr().out
        assert "Coast road stays closed" in out and "Ann Tolley (person)" in out
        assert "writable:  no, read-only (the disk is full)" in out
        _refuses_remove_on_a_full_disk(path, capsys)
        assert _digest(path) == before


# Another program adding articles, its write-ahead log never copied into the file (stopped before it could be): it
# adds until the disk is full, says how many it added, and ends without closing the library. Each article is new pages
# (24 KB of text), so the log cannot be copied into the file on that disk either (a reader closing tries).
WRITER = """
import os, sys
from tui.models import Article
from tui.store import Library, StoreError
lib = Library(sys.argv[1])
lib.db.execute("PRAGMA wal_autocheckpoint = 0")
added = 0
try:
    while added < 1000:
        lib.add(Article(title=f"Harbour note {added}", source="Coast Weekly", published="2026-01-07",
                        body=f"The harbour board met for the {added}th time on the quay lights and the pier. " * 300))
        added += 1
except StoreError:
    pass
print(added, flush=True)
os._exit(0)
"""


def test_a_full_disk_with_writes_waiting_in_the_log(tmp_path, capsys, monkeypatch):
    """A full disk whose write-ahead log holds another program's writes, without its shared-memory file: every command,
    reading ones too, said "disk I/O error on LIB (is the disk full or failing?)", and the file read alone would miss
    the writes. Commands read them
    (a connection holding the library to itself needs no shared-memory file), writes are refused saying why, the app
    (whose workers open connections of their own) says in one line why it cannot start, and nothing is lost."""
    import os
    import sys

    from tui.store import Library

    folder = tmp_path / "full"
    with _library_on_tmpfs(folder, "1m") as path:
        r = subprocess.run([sys.executable, "-c", WRITER, str(path)], capture_output=True, text=True, timeout=120)
        added = int(r.stdout)
        assert added > 2 and os.path.getsize(f"{path}-wal") > 0, r.stderr
        # the library and its log as they are found restored or copied onto that disk: without the shared-memory file
        # (with it, as the writer left it, they are read as they always were)
        os.remove(f"{path}-shm")
        _fill_disk(folder)
        monkeypatch.setenv("NEWSREADER_DB", str(path))
        assert main(["list", "--limit", "1"]) == 0, capsys.readouterr().err
        assert f"Harbour note {added - 1}" in capsys.readouterr().out
        assert main(["doctor"]) == 0
        assert f"({added + 2} articles, integrity ok)" in capsys.readouterr().out
        _refuses_remove_on_a_full_disk(path, capsys)
        assert main(["--db", str(path)]) == 1  # the app
        waiting = max(1, round(os.path.getsize(f"{path}-wal") / 1024))  # KB
        # (the line as printed: cut in the middle past 300 cells, as a long temp folder makes it)
        assert capsys.readouterr().err == cli_error(
            f"{path} cannot be read while its disk is full: {waiting:,} KB of recent writes wait in its write-ahead log "
            "(-wal), and reading them needs a little room beside it; free some space and retry (nothing was lost)") + "\n"
        os.remove(folder / "filler")
        with Library(path) as lib:
            assert lib.count() == added + 2 and lib.check() == "ok"


def test_a_read_only_mount(tmp_path, capsys, monkeypatch):
    """The same on a real read-only file system (a tmpfs remounted read-only: root only, else skipped)."""
    folder = tmp_path / "ro"
    with _library_on_tmpfs(folder, "4m") as path:
        r = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
        if r.returncode != 0:
            pytest.skip(f"cannot remount read-only: {r.stderr.decode().strip()}")
        monkeypatch.setenv("NEWSREADER_DB", str(path))
        assert main(["who", "Tolley"]) == 0
        assert "Ann Tolley (person)" in capsys.readouterr().out
        assert main(["feed", "add", "http://127.0.0.1:9/feed.xml"]) == 1
        assert capsys.readouterr().err == (f"newsreader: error: {path} is read-only (on a read-only file system); "
                                           "cannot write to the library\n")
