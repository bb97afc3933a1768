"""JSON files (a JSON Feed, our own export read back) whose strings escape half of a surrogate pair ("\\ud800" alone,
which json.loads keeps as it is and SQLite cannot store), whose fields are JSON's own odd values (true, NaN,
Infinity), or whose nesting is too deep to read: each file is read or skipped in one line, the rest of the run is
stored. Before: one lone surrogate stopped the whole `add` ("newsreader: error: UnicodeEncodeError: 'utf-8' codec
can't encode character '\\udfff' ...: surrogates not allowed"), nothing of it stored."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from hostile_helpers import run_cli, terminal_bytes

FEED = ('{"version": "https://jsonfeed.org/version/1.1", "title": "Marrow \\ud83d Wire", "items": [{"id": "\\ud800",'
        ' "url": "https://example.org/\\udfff", "title": "\\udfff Harbour vote", "tags": ["\\udc00 port"],'
        ' "authors": [{"name": "Ida \\ud801 Holm"}],'
        ' "content_text": "The Skerrow council voted \\ud800 on Monday.\\n\\nThe ferry stays."}]}')
EXPORT = ('{"title": "Quarry \\ud800 hours", "body": "The Velmoth quarry opens at dawn \\udfff from June.\\n\\n'
          'Workers agreed.", "source": "\\udbff", "byline": "\\udc00", "tags": ["\\ud800"], "url": "http://x/\\ud800"}\n'
          '{"title": "Second", "body": "A second article of the export. It is fine."}\n')
GOOD = "Mill road\n\nThe Orrin mill road reopens on Friday after repairs to its bridge.\n"


def _stored(db: Path) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT title, body, source, byline, tags, url FROM articles ORDER BY id").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("name, text, titles", [
    ("feed.json", FEED, ["\ufffd Harbour vote"]),
    ("export.jsonl", EXPORT, ["Quarry \ufffd hours", "Second"]),
], ids=["json-feed", "export"])
def test_lone_surrogates_are_replaced_and_the_run_goes_on(tmp_path, name, text, titles):
    src = tmp_path / "in"
    src.mkdir()
    (src / name).write_text(text)
    (src / "good.txt").write_text(GOOD)
    db = tmp_path / "lib.db"
    r = run_cli("add", str(src), db=db)
    assert r.returncode == 0, r.stderr
    assert r.stderr.decode().startswith(f"imported {len(titles) + 1} articles") and not terminal_bytes(r.stdout), r
    rows = _stored(db)
    assert sorted(row[0] for row in rows) == sorted(titles + ["Mill road"])
    for row in rows:
        for field in row:
            assert field is None or not any("\ud800" <= c <= "\udfff" for c in field), row
    if name == "feed.json":
        [row] = [row for row in rows if row[0] != "Mill road"]
        assert row[1] == "The Skerrow council voted \ufffd on Monday.\n\nThe ferry stays."
        assert row[2:4] == ("Marrow \ufffd Wire", "Ida \ufffd Holm") and json.loads(row[4]) == ["\ufffd port"]
    r = run_cli("list", "--json", db=db)
    assert r.returncode == 0 and len(r.stdout.splitlines()) == len(titles) + 1, r.stderr


def test_json_feed_fields_of_json_own_values_are_no_text(tmp_path):
    # Before: a title `true` was stored as "True", NaN and Infinity (json.loads takes them) as "nan" and "inf".
    feed = ('{"version": "https://jsonfeed.org/version/1", "title": true, "items": ['
            '{"id": 1, "title": true, "content_text": "First part of it.\\n\\nSecond part of it."},'
            '{"id": 2, "title": NaN, "content_text": "Another one.\\n\\nWith two parts."},'
            '{"id": 3, "title": -Infinity, "tags": [true, NaN, "kept"], "content_text": "Third of them.\\n\\nThe end of the third."}]}')
    path = tmp_path / "odd.json"
    path.write_text(feed)
    db = tmp_path / "lib.db"
    r = run_cli("add", str(path), db=db)
    assert r.returncode == 0, r.stderr
    rows = _stored(db)
    assert [row[0] for row in rows] == ["First part of it.", "Another one.", "Third of them."], rows  # (the first paragraph)
    assert {row[2] for row in rows} == {""} and json.loads(rows[2][4]) == ["kept"]


@pytest.mark.parametrize("name, text", [("deep.json", "[" * 100_000 + "]" * 100_000),
                                        ("deep.jsonl", '{"body": "x y z."}\n' + "[" * 100_000 + "]" * 100_000)],
                         ids=["json", "json-lines"])
def test_json_nested_too_deeply_is_skipped_in_words(tmp_path, name, text):
    # Before: "could not parse (RecursionError: maximum recursion depth exceeded while decoding a JSON array ...)"
    path = tmp_path / name
    path.write_text(text)
    r = run_cli("add", str(path), db=tmp_path / "lib.db")
    assert r.returncode == 1, r.stderr  # (nothing imported)
    said = r.stderr.decode()
    assert f"skipped {path}: not valid JSON: nested too deeply to read" in said and "Error" not in said, said
