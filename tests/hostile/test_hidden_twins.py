"""Rows whose `twin_of` (the row the list shows for a near-duplicate) was changed by hand: the article itself, an id not
in the library, two rows naming each other. No list shows such an article and `doctor` said nothing of it. `doctor`
now counts them and gives the recipe that shows them again (session 32)."""

from __future__ import annotations

import json

from hostile_helpers import eight_articles, run_cli, run_sql, terminal_bytes

TEXT = "Tide gauge {n} fixed\n\nThe port of Skellhaven fixed tide gauge {n} on Monday, the harbour office said. Item {n}.\n"


def test_doctor_names_articles_hidden_as_copies_of_no_shown_row_and_its_recipe_shows_them(tmp_path):
    db = eight_articles(tmp_path, TEXT)
    healthy = run_cli("doctor", db=db)
    assert healthy.returncode == 0 and b"hidden:" not in healthy.stdout
    run_sql(db, ["PRAGMA foreign_keys = OFF",
                 "UPDATE articles SET twin_of = id WHERE id = 1",        # itself
                 "UPDATE articles SET twin_of = 999 WHERE id = 2",       # not in the library
                 "UPDATE articles SET twin_of = 4 WHERE id = 3",         # two naming each other
                 "UPDATE articles SET twin_of = 3 WHERE id = 4",
                 "UPDATE articles SET twin_of = 6 WHERE id = 5"])        # a true twin of a shown row: fine
    listed = {json.loads(x)["id"] for x in run_cli("list", "--json", db=db).stdout.splitlines()}
    assert listed == {6, 7, 8}  # 1-4 shown nowhere, 5 as a twin of 6
    r = run_cli("doctor", db=db)
    assert r.returncode == 0 and not terminal_bytes(r.stdout) and b"Traceback" not in r.stderr, r.stderr
    lines = r.stdout.decode().splitlines()
    at = next(i for i, x in enumerate(lines) if x.startswith("hidden:"))
    assert lines[at].startswith("hidden:    4 articles kept as copies of an article no list shows"), lines
    assert lines[at + 1].strip() == f"newsreader --db {db} export --format json > all.jsonl"
    assert lines[at + 2].strip() == "newsreader --db NEW.db add all.jsonl"
    rescued = tmp_path / "all.jsonl"
    exported = run_cli("export", "--format", "json", db=db)
    rescued.write_bytes(exported.stdout)
    new = tmp_path / "new.db"
    assert run_cli("add", str(rescued), db=new).returncode == 0
    titles = {json.loads(x)["title"] for x in run_cli("list", "--json", db=new).stdout.splitlines()}
    assert {f"Tide gauge {n} fixed" for n in (1, 2, 3, 4)} <= titles
