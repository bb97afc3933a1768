"""A story dates an undated article by the day the library list shows it on: the reader's day of the time it was
added. It was the UTC day (grouping's `_day_of`), so at 08:40 in a zone thirteen hours east the briefing said
"(no outlet, 2026-12-06)" of a text the list dated ~26-12-07, and `stories --since 2026-12-07` left its story out.
Libraries grouped before are dated so when opened (a migration). Our own invented texts (no outlet, no date: pasted
texts), through `newsreader add`, `brief`, `story` and `stories`, with the zone UTC+13 (far_east)."""

from __future__ import annotations

import json
import sqlite3

from tests.stories.added_steps import run

BODY = ("The Quillfern lantern market opened on the quay at dusk, with {n} stalls of paper lanterns and lamp oil. "
        "Stallholders in Quillfern said the lantern market would stay on the quay until the harbour fog lifted. "
        "The Quillfern harbour board said {n} lantern sellers had come from the valley towns.")
ADDED = ("2026-12-06T19:40:00Z", "2026-12-06T19:55:00Z", "2026-12-06T20:10:00Z")  # 08:40 to 09:10 on the 7th at +13
RECORDS = [{"title": f"Quillfern lantern market opens with {n} stalls", "body": BODY.format(n=n), "added_at": added}
           for n, added in zip((40, 41, 42), ADDED)]


def _add(tmp_path) -> int:
    path = tmp_path / "pasted.json"
    path.write_text(json.dumps(RECORDS), encoding="utf-8")
    r = run("add", str(path))
    assert r.returncode == 0, r.stderr
    [row] = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    assert len(row["articles"]) == 3, row
    return row["id"]


def _listed(since: str) -> list[int]:
    r = run("stories", "--since", since, "--json")
    assert r.returncode == 0, r.stderr
    return [json.loads(x)["id"] for x in r.stdout.splitlines()]


def test_an_undated_article_is_of_the_local_day_it_was_added(tmp_path, lib_path, far_east):
    story = _add(tmp_path)
    listed = run("list").stdout.splitlines()
    assert len(listed) == 3 and all(x.split()[2] == "~26-12-07" for x in listed), listed
    bullets = [x for x in run("brief").stdout.splitlines() if x.startswith("   - ")]
    assert bullets and all(x.endswith("(no outlet, 2026-12-07)") for x in bullets), bullets
    got = json.loads(run("story", str(story), "--format", "json").stdout)
    assert {x["date"] for x in got["sentences"]} == {"2026-12-07"}, got["sentences"]
    text = run("story", str(story)).stdout
    assert "Articles:" in text and text.count(" 2026-12-07  #") == 3 and "2026-12-06" not in text, text
    # the list's day: since the 7th it is there, since the 8th's UTC day less a day, not
    assert _listed("2026-12-07") == [story]
    # an age or a time counts by the time it was added, whatever day it is dated
    assert _listed("2026-12-06T20:00:00Z") == [story] and _listed("2026-12-06T20:30:00Z") == []


def test_a_library_grouped_with_utc_days_is_dated_again_when_opened(tmp_path, lib_path, far_east):
    from tui.store.schema import MIGRATIONS

    story = _add(tmp_path)
    before = next(n for n, m in enumerate(MIGRATIONS) if "'localtime'" in m)  # the migration's number, less one
    con = sqlite3.connect(lib_path)
    try:  # as a library grouped before that migration has them
        con.execute("UPDATE story_articles SET day = '2026-12-06'")
        con.execute("UPDATE stories SET first = '2026-12-06', last = '2026-12-06'")
        con.execute(f"PRAGMA user_version = {before}")
        con.commit()
    finally:
        con.close()
    assert _listed("2026-12-07") == [story]  # (opened by `stories`: upgraded)
    con = sqlite3.connect(lib_path)
    try:
        assert {r[0] for r in con.execute("SELECT day FROM story_articles")} == {"2026-12-07"}
        assert con.execute("SELECT first, last FROM stories").fetchall() == [("2026-12-07", "2026-12-07")]
    finally:
        con.close()
