"""A library path that cannot be looked at (a folder on the way this process may not enter) is one line: it said
"[Errno 13] Permission denied: '...'"."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys

import pytest

from command import cli_error, newsreader_cmd
from tui.cli import main


def test_a_library_path_that_cannot_be_looked_at_is_one_line(tmp_path, monkeypatch, capsys):
    path = tmp_path / "locked" / "library.db"
    monkeypatch.setenv("NEWSREADER_DB", str(path))
    real_stat = pathlib.Path.stat

    def stat(self, *args, **kwargs):  # what the system answers for a folder this process may not enter
        if str(self).startswith(str(tmp_path / "locked")):
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, "stat", stat)
    for args in (["list"], ["doctor"], ["--db", str(path)]):
        assert main(args) == 1, args
        assert capsys.readouterr().err == f"newsreader: error: cannot open {path}: permission denied\n", args


def test_a_missing_folder_is_refused_whether_named_by_db_or_by_newsreader_db(tmp_path, monkeypatch, capsys):
    """NEWSREADER_DB naming a folder that does not exist made it and a new library of the sample articles there (a
    typo in the variable, or a disk not mounted yet: `add` then stored articles where no one looks); `--db` refused
    the same path. Both refuse it now, in one line, exit 1, and make nothing; the line says where the path came from."""
    missing = tmp_path / "nwes" / "library.db"
    monkeypatch.setenv("NEWSREADER_DB", str(missing))
    for args, by in ((["list"], " (NEWSREADER_DB names a library in it)"), (["add", "-"], " (NEWSREADER_DB names a "
                     "library in it)"), (["--db", str(missing), "list"], "")):
        assert main(args) == 1, args
        assert capsys.readouterr().err == cli_error(f"folder {missing.parent} does not exist{by}; make it first "
                                                    "(mkdir -p) or name another library") + "\n", args
    # the app too, before it draws anything (it made the folder and opened on a new library)
    env = dict(os.environ, NEWSREADER_NO_SEED="1")
    r = subprocess.run(newsreader_cmd(), stdin=subprocess.DEVNULL, capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 1 and r.stdout == "", r
    assert r.stderr == cli_error(f"folder {missing.parent} does not exist (NEWSREADER_DB names a library in it); make "
                                 "it first (mkdir -p) or name another library") + "\n"
    assert not missing.parent.exists()
    # the default library's folder is the one made when missing (a first start)
    monkeypatch.delenv("NEWSREADER_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSREADER_NO_SEED", "1")
    assert main(["list"]) == 0, capsys.readouterr().err
    assert (tmp_path / "data" / "newsreader" / "library.db").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux") or not os.path.exists("/proc/self/mountinfo"),
                    reason="Linux /proc only")
def test_a_library_path_that_is_no_library_file_says_what_it_is(tmp_path, monkeypatch, capsys):
    """NEWSREADER_DB=/proc/self/status said "cannot open /proc/self/status (check the folder exists and is
    writable)", a /sys file "is not a valid newsreader library (corrupt or another kind of file)", a device or a
    named pipe "is not a regular file (a named pipe or a device)", a file on the way "cannot open ... (check the
    folder exists ...)": the real reason now, in one line, the same by --db and by the variable."""
    monkeypatch.setenv("NEWSREADER_NO_SEED", "1")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "notes.txt").write_text("a file, not a folder\n")
    cases = [("/proc/self/status", "/proc/self/status is a system file (proc file system), not a library file"),
             ("/dev/null", "/dev/null is a character device, not a library file"),
             (str(tmp_path / "pipe"), f"{tmp_path / 'pipe'} is a named pipe, not a library file"),
             (str(tmp_path), f"{tmp_path} is a folder, not a library file"),
             ("/proc/self/library.db", "cannot make a library in /proc/self: a system folder (proc file system)"),
             (str(tmp_path / "notes.txt" / "library.db"),
              f"cannot open {tmp_path / 'notes.txt' / 'library.db'}: {tmp_path / 'notes.txt'} is a file, not a folder")]
    if os.path.isfile("/sys/kernel/mm/transparent_hugepage/enabled"):
        cases.append(("/sys/kernel/mm/transparent_hugepage/enabled", "/sys/kernel/mm/transparent_hugepage/enabled is a "
                      "system file (sysfs file system), not a library file"))
    for path, said in cases:
        monkeypatch.setenv("NEWSREADER_DB", path)
        for args in (["list"], ["doctor"], ["add", "-"]):
            assert main(args) == 1, (path, args)
            assert capsys.readouterr().err == cli_error(said) + "\n", (path, args)
        monkeypatch.delenv("NEWSREADER_DB")
        assert main(["--db", path, "list"]) == 1
        assert capsys.readouterr().err == cli_error(said) + "\n", path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "pipe"]


def test_doctor_on_no_library_yet_says_so_and_writes_nothing(tmp_path, monkeypatch, capsys):
    """`doctor` with no library yet made the default library's folder and the library, seeded with the samples: a
    check wrote. It says there is none yet and where it would be, exit 0, and makes nothing (the default library,
    a --db file not there yet, an empty news.db); `doctor --repair` has nothing to repair (one line, exit 1)."""
    monkeypatch.delenv("NEWSREADER_DB", raising=False)
    monkeypatch.delenv("NEWSREADER_NO_SEED", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("NEWSREADER_LOG", str(tmp_path / "app.log"))
    default = tmp_path / "data" / "newsreader" / "library.db"
    (tmp_path / "news.db").write_bytes(b"")
    for args, path in ((["doctor"], default), (["--db", str(tmp_path / "new.db"), "doctor"], tmp_path / "new.db"),
                       (["--db", str(tmp_path / "news.db"), "doctor"], tmp_path / "news.db")):
        assert main(args) == 0, args
        lines = capsys.readouterr().out.splitlines()
        assert lines[1] == f"library:   none yet at {path} (made, with the sample articles, when the app or a command " \
                           "first opens it)", lines
        assert lines[2].startswith("engine:    v"), lines
    assert main(["doctor", "--repair"]) == 1
    assert capsys.readouterr().err == cli_error(f"no library at {default} yet: no search index to repair") + "\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["news.db"] and (tmp_path / "news.db").read_bytes() == b""
    assert main(["list"]) == 0  # the first command that opens it makes it, with the samples
    capsys.readouterr()
    assert main(["doctor"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"library:   {default}  (10 articles, integrity ok)"
