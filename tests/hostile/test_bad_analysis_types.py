"""A stored analysis (the analysis table's JSON) whose fields are of other types than the engine writes: a quote's
text a number, a speaker a list, an entity's name a list, a sentence's text a number. The database is untrusted: such
an entry is made again (or gone without), never read into the story view, `story`, `brief` or `who`, which stopped
with "AttributeError: 'int' object has no attribute 'split'", "TypeError: unhashable type: 'list'" or "TypeError:
expected string or bytes-like object, got 'int'"."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from hostile_helpers import run_cli, run_sql, terminal_bytes

TEXT = ("Skerrow ferry vote {n}\n\nThe council of Skerrow voted to keep the ferry on Monday, its leader said.\n\n"
        "\"We will not let the island be cut off from the mainland,\" said Ida Holm, the council leader.\n\n"
        "\"The boats will run every hour from June,\" Holm added.\n")

DAMAGE = {
    "quote text a number": ("$.quotes", [{"start": 77, "end": 133, "text": 5, "speaker": ["x"], "speaker_start": "a",
                                          "speaker_end": None, "score": "high", "lead": ""}]),
    "quote fields": ("$.quotes", [{"start": "0", "end": None, "text": "We will not let the island be cut off",
                                   "speaker": 5, "score": None, "lead": ""}]),
    "entity names": ("$.entities", [{"start": 0, "end": 5, "label": 5, "text": None, "canonical": ["x"]}]),
    "sentence text": ("$.sentences", [{"start": 0, "end": 5, "text": 5, "paragraph": "x"}]),
    "not an object": ("$", [1, 2]),
}
COMMANDS = [["story", "1"], ["story", "1", "--format", "json"], ["brief", "--quotes"], ["who", "Ida Holm"],
            ["who", "Ida Holm", "--json"]]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory) -> Path:
    """Three articles of one story, grouped, their analyses stored (by `story 1`)."""
    root = tmp_path_factory.mktemp("analysed")
    src = root / "src"
    src.mkdir()
    for n in (1, 2, 3):
        (src / f"a{n}.txt").write_text(TEXT.format(n=n))
    db = root / "lib.db"
    for args in (["add", str(src)], ["stories", "--rebuild"], ["story", "1"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 0, (args, r.stderr)
    run_sql(db, ["PRAGMA wal_checkpoint(TRUNCATE)"])
    return db


@pytest.mark.parametrize("damage", list(DAMAGE))
def test_a_stored_analysis_of_wrong_types_is_made_again(tmp_path, analysed, damage):
    db = tmp_path / "lib.db"
    shutil.copyfile(analysed, db)
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM analysis").fetchone()[0] >= 1  # (the damage below reaches it)
    finally:
        con.close()
    path, value = DAMAGE[damage]
    sql = "json(?)" if path == "$" else f"json_set(data, '{path}', json(?))"
    run_sql(db, [f"UPDATE analysis SET data = {sql.replace('?', repr(json.dumps(value)))}"])
    for args in COMMANDS:
        r = run_cli(*args, db=db)
        # (this small library's briefing has no quote strong enough, as it had before the damage)
        quiet = b"no quotes in the briefing\n" if "--quotes" in args else b""
        assert r.returncode == 0 and r.stderr == quiet, (args, r.stderr)
        assert not terminal_bytes(r.stdout), args
        out = r.stdout.decode()
        if args[0] in ("story", "who"):
            assert "We will not let the island be cut off from the mainland" in out, (args, out[-600:])
