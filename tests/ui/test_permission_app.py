"""The app on a library the user may not write (session 31): the library file, or its folder, without write
permission (chmod in the test's own temp folder, the modes restored after). The app opens it read-only, says so once
with the reason, refuses a write with that reason and writes nothing; the file and folder get their modes back.

The tests run as root, whom chmod does not stop (every access check passes): there the access check the library
makes is given the permission bits the user's own class grants, read off the file as chmod left it, so the modes
set here are what decides, as they do for any other user. A write-ahead log the user cannot read and write makes the
app's start refuse in one line naming it (the CLI's test of that line is in tests/hostile/test_broken_library.py)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from command import cli_error
from damaged_pages import harbour_library
from pilot_steps import settle


def _messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _as_a_user(monkeypatch) -> None:
    """Root's access check reads the user's permission bits of the file (any other user's check is the real one)."""
    if os.geteuid() != 0:
        return
    from tui.store import library

    real = os.access

    def access(path, mode, *args, **kwargs):
        try:
            bits = os.stat(path).st_mode
        except OSError:
            return real(path, mode, *args, **kwargs)
        wanted = ((mode & os.R_OK and stat.S_IRUSR) | (mode & os.W_OK and stat.S_IWUSR) |
                  (mode & os.X_OK and stat.S_IXUSR))
        return bits & wanted == wanted

    monkeypatch.setattr(library.os, "access", access)


@pytest.mark.parametrize("what, why", [("file", "the file cannot be written"),
                                       ("folder", "its folder cannot be written")])
async def test_a_library_the_user_may_not_write_opens_read_only_and_says_why(tmp_path, make_app, monkeypatch, what,
                                                                            why):
    folder = tmp_path / "news"
    folder.mkdir()
    path = folder / "lib.db"
    harbour_library(path, n=20)
    before = _digest(path)
    target = path if what == "file" else folder
    mode = stat.S_IMODE(target.stat().st_mode)
    _as_a_user(monkeypatch)
    target.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    try:
        app = make_app(path)
        async with app.run_test(size=(160, 48), notifications=True) as pilot:
            screen = app.screen
            await settle(pilot)
            said = [m for m in _messages(app) if "read-only" in m]
            assert len(said) == 1 and said[0].startswith(f"{path} is read-only ({why}); cannot write to the "
                                                         "library. Reading works"), _messages(app)
            await pilot.press("enter")  # an article opens and is analysed for the screen
            await settle(pilot)
            assert screen.article is not None and screen.analysis is not None
            await pilot.press("f")  # a star: refused with the reason
            await settle(pilot)
            assert _messages(app)[-1] == f"Not marked starred: {path} is read-only ({why}).", _messages(app)
            assert len(_messages(app)) == 2, _messages(app)
        assert app._exception is None, repr(app._exception)
    finally:
        target.chmod(mode)
    assert stat.S_IMODE(target.stat().st_mode) == mode
    # nothing written: the file as it was; beside it at most the empty log and the shared-memory file a reader makes
    assert _digest(path) == before and set(os.listdir(folder)) <= {"lib.db", "lib.db-wal", "lib.db-shm"}
    assert not (folder / "lib.db-wal").exists() or (folder / "lib.db-wal").stat().st_size == 0
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    assert con.execute("SELECT count(*) FROM articles WHERE read = 1 OR starred = 1").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM analysis").fetchone()[0] == 0
    con.close()


def test_a_write_ahead_log_the_user_may_not_read_and_write_stops_the_apps_start_in_one_line(tmp_path, monkeypatch,
                                                                                           capsys):
    """LIB-wal without read and write permission, and a shared-memory file SQLite cannot use (a link to nothing): the
    app does not start, and its one line names the log first, with what to do. Run as root, SQLite gives an existing
    -wal the library file's mode when it opens it (a chmod 000 is undone), so the log's permission is a seam here, as
    in the CLI's test; the link to nothing is the real failure SQLite meets."""
    from tui.cli import main
    from tui.store import library

    path = tmp_path / "lib.db"
    harbour_library(path, n=5)
    before = _digest(path)
    wal, shm = Path(f"{path}-wal"), Path(f"{path}-shm")
    wal.write_bytes(b"")
    shm.symlink_to(tmp_path / "gone" / "x")
    monkeypatch.setattr(library, "_can_read_write", lambda p: Path(p) != wal)
    started = []
    monkeypatch.setattr("tui.app.run", lambda *a, **k: started.append(a) or 0)
    assert main(["--db", str(path)]) == 1
    captured = capsys.readouterr()
    assert started == [] and captured.out == ""
    assert captured.err == cli_error(f"cannot open {path}: its write-ahead log {wal} cannot be read and written by "
                                     "you (permission); give yourself that permission on it (chmod u+rw), and do not "
                                     "delete it: it may hold the library's latest changes") + "\n", captured.err
    shm.unlink()
    assert _digest(path) == before and wal.stat().st_size == 0
