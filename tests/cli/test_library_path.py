"""A library path that cannot be looked at (a folder on the way this process may not enter) is one line: it said
"[Errno 13] Permission denied: '...'"."""

from __future__ import annotations

import pathlib

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
