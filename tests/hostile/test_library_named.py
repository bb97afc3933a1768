"""Which library a command opens, and how it says it cannot: `NEWSREADER_DB` set but empty (an unset shell variable
in `NEWSREADER_DB=$LIB`) or only spaces, `--db "  "`, and `python -m tui.cli` (errors in the console script's words)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hostile_helpers import one_line_error

ROOT = Path(__file__).resolve().parents[2]


def _run(cmd: list[str], home: Path, env_db: str | None) -> subprocess.CompletedProcess:
    """`cmd` in `home` (the current folder too) with every user folder under it and NEWSREADER_DB set to `env_db`
    (None: not set); tui imported from this tree."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSREADER_DB"}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"), NEWSREADER_NO_SEED="1",
               PYTHONPATH=str(ROOT))
    if env_db is not None:
        env["NEWSREADER_DB"] = env_db
    return subprocess.run(cmd, cwd=home, capture_output=True, env=env, timeout=120, stdin=subprocess.DEVNULL)


def _made(home: Path) -> list[str]:
    """Every file under `home` (a library made anywhere shows here)."""
    return sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_file())


MODULE = [sys.executable, "-m", "tui.cli"]


@pytest.mark.parametrize("value", ["", "  "], ids=["empty", "spaces"])
@pytest.mark.parametrize("args", [["list"], ["stories"], []], ids=["list", "stories", "app"])
def test_newsreader_db_set_but_blank_is_refused_in_one_line(tmp_path, value, args):
    # Before: "" opened (and made, seeded) the default library without a word; "  " made a library named "  " in
    # the current folder.
    r = _run(MODULE + args, tmp_path, value)
    assert r.returncode == 1, (r.stdout, r.stderr)
    line = one_line_error(r.stderr)
    assert line.startswith("newsreader: error: NEWSREADER_DB is set but "), line
    assert "unset NEWSREADER_DB" in line
    assert _made(tmp_path) == [], "a library was made"


def test_db_option_of_spaces_is_refused(tmp_path):
    r = _run(MODULE + ["--db", "  ", "list"], tmp_path, None)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "--db names no file" in one_line_error(r.stderr)
    assert _made(tmp_path) == []


def test_dry_run_with_blank_newsreader_db_checks_no_other_library(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Orlin Vasch opened the Brackwater ferry on Monday.\n\nIt runs hourly.\n")
    r = _run(MODULE + ["add", "--dry-run", str(src)], tmp_path, "")
    assert r.returncode == 0, r.stderr
    assert b"NEWSREADER_DB is set but empty" in r.stderr
    assert _made(tmp_path) == ["in/a.txt"]


def test_an_unset_newsreader_db_still_opens_the_default_library(tmp_path):
    r = _run(MODULE + ["list"], tmp_path, None)
    assert r.returncode == 0, r.stderr
    assert (tmp_path / "data" / "newsreader" / "library.db").is_file()


@pytest.mark.parametrize("args", [["story", "9"], ["who", "Orlin Vasch"]], ids=["story", "who"])
def test_run_as_a_module_errors_read_as_the_console_script(tmp_path, args):
    # Before: `python -m tui.cli story 9` said "newsreader: error: CliError: no story with id 9" (tui.stories raised
    # tui.cli.CliError, a class other than the one of the file run as __main__).
    db = str(tmp_path / "lib.db")
    r = _run(MODULE + ["--db", db] + args, tmp_path, None)
    assert r.returncode == 1, (r.stdout, r.stderr)
    line = one_line_error(r.stderr)
    assert "CliError" not in line, line
    assert line in ("newsreader: error: no story with id 9",
                    "newsreader: error: no entity named 'Orlin Vasch': the library is empty"), line
