"""An existing empty file named as the library (session 31): `--db notes.txt` or NEWSREADER_DB of a 0-byte file that is
not ours (another program's, a `touch`, a `mktemp`) silently became a library of the sample articles. A new file, or an
empty one whose name says it is a database (.db, .sqlite, .sqlite3, .db3), is still made a library; any other empty
file is refused in one line naming it, untouched, by every command and by the app alike."""

from __future__ import annotations

import os

import pytest

from command import cli_error
from tui.cli import main

REASON = ("is an empty file, not a library{by}: a library is made only in a new file or an empty one whose name ends "
          ".db, .sqlite, .sqlite3 or .db3; name another library (or delete the file if it is yours)")


@pytest.mark.parametrize("name", ["notes.txt", "library", "tmp.XXXXab12", "library.db.bak"])
def test_an_empty_file_of_another_name_is_refused_untouched(tmp_path, monkeypatch, capsys, name):
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    empty = tmp_path / name
    empty.write_bytes(b"")
    # a reading command, a writing one, and the app (no command), each named by --db; then by NEWSREADER_DB
    for argv in (["list"], ["add", "-"], []):
        assert main(["--db", str(empty), *argv]) == 1, argv
        captured = capsys.readouterr()
        assert captured.out == "" and captured.err == cli_error(f"{empty} {REASON.format(by='')}") + "\n", captured
    monkeypatch.setenv("NEWSREADER_DB", str(empty))
    for argv in (["doctor"], []):
        assert main(argv) == 1, argv
        captured = capsys.readouterr()
        assert captured.err == cli_error(f"{empty} {REASON.format(by=' (NEWSREADER_DB names it)')}") + "\n", captured
    assert empty.read_bytes() == b"" and sorted(os.listdir(tmp_path)) == [name]


@pytest.mark.parametrize("name", ["news.db", "News.SQLITE", "n.sqlite3", "n.db3"])
def test_an_empty_file_named_as_a_database_and_a_new_file_become_libraries(tmp_path, monkeypatch, capsys, name):
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    empty = tmp_path / name
    empty.write_bytes(b"")
    new = tmp_path / "fresh" / "notes"
    new.parent.mkdir()
    for db in (empty, new):
        assert main(["--db", str(db), "list"]) == 0
        captured = capsys.readouterr()
        assert captured.err == "no articles\n", captured
        assert db.stat().st_size > 0
