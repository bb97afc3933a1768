"""Malformed rows (issue 14 item 9): the database is untrusted input too. A row with tags '[1,2]' or
'not json', a BLOB title or body, a negative count: read defensively (the bad field empty, a warning), the
app starts and opens it, export skips and reports it and goes on."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from hostile_helpers import eight_articles, make_app, run_cli, run_sql, terminal_bytes

TEXT = "Headline {n} on the harbour\n\nThe council met on Monday and voted to expand the harbour. Marker {n}.\n"

DAMAGE = [
    "UPDATE articles SET tags = '[1,2]' WHERE id = 2",
    "UPDATE articles SET title = X'00ff1b5b324a' WHERE id = 3",
    "UPDATE articles SET body = X'cafe' WHERE id = 4",
    "UPDATE articles SET words = -7 WHERE id = 5",
    "UPDATE articles SET tags = 'not json' WHERE id = 6",
    "UPDATE articles SET source = 42, published = X'01', read = 'yes' WHERE id = 7",
    "UPDATE counts SET value = -3 WHERE name = 'articles'",
]
BAD = {2, 3, 4, 6, 7}  # 5's bad count only matters to the list (read as 0 words)


def bad_library(tmp_path: Path) -> Path:
    db = eight_articles(tmp_path, TEXT)
    with sqlite3.connect(db) as con:
        assert [r[0] for r in con.execute("SELECT id FROM articles ORDER BY id")] == list(range(1, 9))
    run_sql(db, DAMAGE)
    return db


def test_cli_reads_malformed_rows(tmp_path):
    db = bad_library(tmp_path)
    for args in (["list"], ["list", "--json"], ["list", "-s", "harbour"], ["doctor"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, (args, r.stderr[-600:])
        assert not terminal_bytes(r.stdout), args
    r = run_cli("list", "--json", db=db)
    assert len(r.stdout.splitlines()) == 8
    for ident in range(1, 9):
        r = run_cli("show", str(ident), db=db)
        assert r.returncode == 0, (ident, r.stderr[-600:])
        warnings = [ln for ln in r.stderr.decode().splitlines() if ln.startswith("warning:")]
        assert bool(warnings) == (ident in BAD), (ident, r.stderr)
        r = run_cli("show", str(ident), "--json", db=db)
        assert r.returncode == 0
        rec = json.loads(r.stdout)
        assert isinstance(rec["title"], str) and isinstance(rec["body"], str)
        assert all(isinstance(t, str) for t in rec["tags"])
        r = run_cli("summary", str(ident), db=db)
        assert r.returncode in (0, 1) and b"Traceback" not in r.stderr, r.stderr[-600:]


def test_export_skips_and_reports_bad_rows(tmp_path):
    db = bad_library(tmp_path)
    for fmt in ("md", "json"):
        r = run_cli("export", "--format", fmt, db=db)
        assert r.returncode == 0, r.stderr[-600:]
        err = r.stderr.decode()
        skipped = sorted(int(ln.split("#")[1].split(":")[0]) for ln in err.splitlines() if ln.startswith("skipped"))
        assert skipped == sorted(BAD), err
        out = r.stdout.decode()
        for good in (1, 8):
            assert f"Marker {good}." in out  # the rows after the bad ones are exported too


def test_app_starts_and_opens_malformed_rows(tmp_path, app_env):
    db = bad_library(tmp_path)

    async def browse() -> None:
        app = make_app(db)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for i in range(8):
                await pilot.press("escape", "g", *(["j"] * i), "enter")
                await app.workers.wait_for_complete()
                await pilot.pause()
                assert app._exception is None, f"article {i}: {app._exception!r}"
            await pilot.press("escape", "/", "h", "a", "r")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app._exception is None, repr(app._exception)
            svg = app.export_screenshot()
            assert "\x1b" not in svg

    asyncio.run(browse())
