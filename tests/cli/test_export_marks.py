"""The rescue path (README, `doctor`): `newsreader --db OLD export --format json > rescued.jsonl`, then
`newsreader --db NEW add rescued.jsonl`. Read and star marks were lost on that round trip (every article came back
unread and unstarred, and undated ones dated by the day of the rescue): `add` of our own export now keeps them."""

from __future__ import annotations

import json
import os
import subprocess

from command import newsreader_cmd

# Invented articles: towns and people of our own.
ARTICLES = {
    "ferry.md": ("---\ntitle: Quillhaven ferry sails again\nsource: Quillhaven Courier\npublished: 2026-04-02\n"
                 "tags: [harbour, transport]\n---\n\nThe Quillhaven ferry left the pier on Tuesday, its first crossing "
                 "since the March storms, said harbour master Odile Varnet.\n\nRiders queued from dawn along the "
                 "sea wall, and the crossing to Tarrow Isle took forty minutes.\n"),
    "mill.md": ("---\ntitle: Brackwater mill to become a library\nsource: Fenland Post\npublished: 2026-03-11\n"
                "tags: [culture]\n---\n\nThe old grain mill in Brackwater will open as a public library next spring, "
                "the town council decided on Monday after a long debate.\n\nCouncillor Emund Sorrel said the building "
                "had stood empty for eleven years.\n"),
    "choir.md": ("---\ntitle: Ostle choir wins the valley prize\n---\n\nThe village choir of Ostle won the valley "
                 "singing prize on Saturday, beating eleven other choirs from the hill towns.\n\nIts conductor, Mara "
                 "Pellin, said the singers had rehearsed in a barn all winter.\n"),
    "bridge.md": ("---\ntitle: Lowden footbridge closed for repairs\npublished: 2026-02-20\n---\n\nThe footbridge "
                  "over the Lowden canal is closed for three weeks while its rotten planks are replaced, the works "
                  "office said on Thursday.\n\nWalkers are sent round by the lock gates.\n"),
}


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NEWSREADER_NO_SEED="1")
    return subprocess.run(newsreader_cmd() + list(args), input=stdin, capture_output=True, text=True, env=env,
                          timeout=180)


def _kept(db) -> dict[str, tuple]:
    """title -> what a user sees of each article: marks, tags, dates, source, url, body."""
    from tui.store import Library

    with Library(db) as lib:
        rows = lib.db.execute("SELECT title, read, starred, tags, published, added_at, sort_key, source, url, body "
                              "FROM articles").fetchall()
    return {r[0]: (bool(r[1]), bool(r[2]), json.loads(r[3]), *r[4:]) for r in rows}


def _unread(db) -> int:
    from tui.store import Library
    from tui.store.reader import unread_count

    with Library(db) as lib:
        return unread_count(lib)


def _old_library(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    old = tmp_path / "old.db"
    assert _run("--db", str(old), "add", str(folder)).returncode == 0
    from tui.store import Library
    from tui.store.reader import mark_read, mark_starred

    with Library(old) as lib:
        ids = dict(lib.db.execute("SELECT title, id FROM articles").fetchall())
        mark_read(lib, [ids["Quillhaven ferry sails again"], ids["Ostle choir wins the valley prize"]])
        mark_starred(lib, [ids["Quillhaven ferry sails again"], ids["Brackwater mill to become a library"]])
    return old


def test_export_then_add_keeps_read_and_star_marks(tmp_path):
    old = _old_library(tmp_path)
    before = _kept(old)
    assert sorted(t for t, v in before.items() if v[0]) == ["Ostle choir wins the valley prize",
                                                           "Quillhaven ferry sails again"]
    assert sorted(t for t, v in before.items() if v[1]) == ["Brackwater mill to become a library",
                                                           "Quillhaven ferry sails again"]
    r = _run("--db", str(old), "export", "--format", "json")
    assert r.returncode == 0, r
    rescued = tmp_path / "rescued.jsonl"
    rescued.write_text(r.stdout, encoding="utf-8")
    new = tmp_path / "new.db"
    r = _run("--db", str(new), "add", str(rescued))
    assert r.returncode == 0 and "imported 4 articles" in r.stderr, r
    after = _kept(new)
    assert after == before  # marks, tags, dates (published and added), source, url, text
    assert _unread(new) == _unread(old) == 2  # the unread count kept by triggers follows the marks
    # the new library's list shows the same rows in the same order with the same marks (the ids are new ones)
    listed = [[{k: v for k, v in json.loads(line).items() if k != "id"} for line in
               _run("--db", str(db), "list", "--json").stdout.splitlines()] for db in (old, new)]
    assert listed[0] == listed[1] and len(listed[0]) == 4

    # added again: duplicates, and the marks set since in the new library stay as they are
    from tui.store import Library
    from tui.store.reader import mark_read

    with Library(new) as lib:
        mark_read(lib, [lib.db.execute("SELECT id FROM articles WHERE title LIKE 'Lowden%'").fetchone()[0]], False)
        mark_read(lib, [lib.db.execute("SELECT id FROM articles WHERE title LIKE 'Ostle%'").fetchone()[0]], False)
    r = _run("--db", str(new), "add", str(rescued))
    assert r.returncode == 0 and "0 articles, 4 duplicates" in r.stderr, r
    assert not _kept(new)["Ostle choir wins the valley prize"][0] and _unread(new) == 3


def test_an_export_without_marks_and_other_json_import_as_before(tmp_path):
    """An export made before the marks were read back, a record with marks that are not JSON true, a time of adding
    that is not the store's form, lies ahead or comes before the article's date: the article comes in unread,
    unstarred, added now."""
    records = [
        {"title": "Tarrow Isle lighthouse relit", "body": "The lighthouse on Tarrow Isle shone again on Friday "
         "after a year dark, the island trust said.", "published": "2026-01-05"},
        {"title": "Sorrelby bakery turns a hundred", "body": "The Sorrelby bakery on Mill Lane marked its hundredth "
         "year on Sunday with free loaves for the whole street.", "read": "yes", "starred": 1,
         "added_at": "2999-01-01T00:00:00Z"},
        {"title": "Penwick market moves indoors", "body": "The Penwick Saturday market moves into the old drill hall "
         "for the winter months, the stallholders agreed.", "read": True, "added_at": "last Tuesday"},
        {"title": "Harl Fen reopens its footpath", "body": "The footpath across Harl Fen reopened on Monday after "
         "the boardwalk was rebuilt by volunteers.", "published": "2026-05-04", "added_at": "2026-05-01T09:00:00Z"},
    ]
    old = tmp_path / "old.jsonl"
    old.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = tmp_path / "lib.db"
    r = _run("--db", str(db), "add", str(old))
    assert r.returncode == 0 and "imported 4 articles" in r.stderr, r
    kept = _kept(db)
    assert {t: v[:2] for t, v in kept.items()} == {"Tarrow Isle lighthouse relit": (False, False),
                                                    "Sorrelby bakery turns a hundred": (False, False),
                                                    "Penwick market moves indoors": (True, False),
                                                    "Harl Fen reopens its footpath": (False, False)}
    from datetime import datetime, timedelta, timezone

    now = datetime.now(timezone.utc)
    for title, v in kept.items():
        added = datetime.strptime(v[4], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
        assert now - timedelta(minutes=10) < added <= now + timedelta(seconds=5), (title, v[4])
    assert _unread(db) == 3
