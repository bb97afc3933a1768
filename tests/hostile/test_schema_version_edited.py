"""A library whose schema version (PRAGMA user_version) another program changed while its tables stayed as they were.

Lowered below what its tables are, the upgrade from there made a table it had: every command, `doctor` too, said only
"library error (lib.db): table mentions already exists". Negative, the upgrade ran the last migration first ("table
articles already exists") or, at -2147483648, said "IndexError: list index out of range". Each now says in one line
what is wrong with the file, exits 1 and leaves the file as it was."""

from __future__ import annotations

import hashlib

import pytest

from hostile_helpers import eight_articles, one_line_error, run_cli, run_sql

TEXT = "Harrowdene lock repairs {n}\n\nThe canal trust of Harrowdene said on Tuesday that the lock would reopen. Note {n}.\n"


def _digest(db) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    return eight_articles(tmp_path_factory.mktemp("schema_version"), TEXT)


@pytest.mark.parametrize("version, said", [
    (1, "says it is schema 1, but it holds tables of a later one"),
    (4, "says it is schema 4, but it holds tables of a later one"),
    (-1, "has schema version -1, which no newsreader writes"),
    (-2147483648, "has schema version -2147483648, which no newsreader writes"),
])
@pytest.mark.parametrize("command", [["doctor"], ["list"], ["stories"]])
def test_a_schema_version_changed_by_another_program_is_said_in_one_line(library, tmp_path, version, said, command):
    db = tmp_path / "lib.db"
    db.write_bytes(library.read_bytes())
    run_sql(db, [f"PRAGMA user_version = {version}"])
    before = _digest(db)
    r = run_cli(*command, db=db)
    line = one_line_error(r.stderr)
    assert r.returncode == 1, (r.returncode, line)
    assert said in line and "another program changed" in line and "left untouched" in line, line
    assert "library error" not in line and "Error:" not in line, line
    assert _digest(db) == before


def test_a_schema_version_stepped_back_past_added_columns_still_opens(library, tmp_path):
    """Where a stepped-back upgrade meets only columns it has (ALTER TABLE: "duplicate column"), it still upgrades and
    keeps every article, as before."""
    db = tmp_path / "lib.db"
    db.write_bytes(library.read_bytes())
    run_sql(db, ["PRAGMA user_version = 30"])
    r = run_cli("list", db=db)
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode().count("Harrowdene lock repairs") == 8
