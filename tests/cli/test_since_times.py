"""`--since` with hours or minutes, or a time, means that time, not its whole day (walk31: `brief --since 1h` headed
"Briefing since 2026-12-07" and took stories whose last article was hours old). An article's time is taken where the
library knows it: an undated article's is when it was added; an article dated by its day alone is taken by its day,
but none is published after it was added, so one added before the time is older than it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tui.cli import main
from tui.store import Library

STORIES = {
    "kiln": ("Pottery kiln fire closes Drevanby craft market",
             "A kiln fire at the Drevanby craft market closed all forty stalls on Saturday, the market's owners said. "
             "Firefighters from Drevanby kept the fire to the kiln shed. The potter Ilse Varnholt said her glazes "
             "were lost."),
    "ferry": ("Quarrel Sound ferry adds a winter crossing",
              "The Quarrel Sound ferry will add a fourth winter crossing from January, its operator said. Skipper "
              "Tamsin Orrey said the early boat fills with school pupils. Fares stay the same."),
    "orchard": ("Brackenholt orchards lose a third of the pear harvest",
                "Frost in late April cost the orchards around Brackenholt a third of their pears, growers said. "
                "Grower Emmerich Solt said the cider press would run for half the usual weeks."),
    "rink": ("Ice rink opens early in Salvenhurst",
             "Salvenhurst opened its outdoor ice rink two weeks early after a cold week, the town said. Rink "
             "manager Petra Wendholm said skates can be hired at the gate."),
}


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _library(lib_path, tmp_path, capsys) -> dict[str, int]:
    """Four stories of one article each: two added three hours ago, two ten minutes ago; of each pair one dated by its
    day alone (the day it was added), one undated. Returns each story's article id by key."""
    folder = tmp_path / "in"
    folder.mkdir()
    now = datetime.now(timezone.utc)
    old, new = now - timedelta(hours=3), now - timedelta(minutes=10)
    plan = {"kiln": (old, True), "ferry": (old, False), "orchard": (new, True), "rink": (new, False)}
    for key, (title, body) in STORIES.items():
        when, dated = plan[key]
        head = f"---\ntitle: {title}\nsource: Harlow Vale Post\n" + (f"date: {when.date().isoformat()}\n" if dated else "")
        (folder / f"{key}.md").write_text(head + "---\n\n" + body + "\n", encoding="utf-8")
    assert main(["add", str(folder)]) == 0
    lib = Library(lib_path)
    ids = {}
    for key, (title, _) in STORIES.items():
        when, dated = plan[key]
        ident = lib.db.execute("SELECT id FROM articles WHERE title = ?", (title,)).fetchone()[0]
        lib.db.execute("UPDATE articles SET added_at = ?, sort_key = CASE WHEN published IS NULL THEN ? ELSE sort_key"
                       " END WHERE id = ?", (_stamp(when), _stamp(when), ident))
        ids[key] = ident
    lib.db.commit()
    lib.close()
    assert main(["stories", "--rebuild"]) == 0
    capsys.readouterr()
    return ids


def _story_articles(args, capsys) -> set[int]:
    assert main(["stories", "--json", *args]) == 0
    out = capsys.readouterr().out
    return {i for line in out.splitlines() for i in json.loads(line)["articles"]}


def test_hours_and_minutes_count_back_to_the_minute(lib_path, tmp_path, capsys):
    ids = _library(lib_path, tmp_path, capsys)
    assert _story_articles([], capsys) == set(ids.values())
    # the last hour: the two added ten minutes ago (one by its day, one by when it was added)
    assert _story_articles(["--since", "1h"], capsys) == {ids["orchard"], ids["rink"]}
    assert _story_articles(["--since", "30m"], capsys) == {ids["orchard"], ids["rink"]}
    assert _story_articles(["--since", "5m"], capsys) == set()
    assert _story_articles(["--since", "4h"], capsys) == set(ids.values())
    # a time: the reader's clock, or with its zone
    since = _stamp(datetime.now(timezone.utc) - timedelta(hours=2))
    assert _story_articles(["--since", since], capsys) == {ids["orchard"], ids["rink"]}
    assert _story_articles(["--since", "today"], capsys) >= {ids["orchard"], ids["rink"]}


def test_the_briefing_since_an_hour_has_that_hour_only(lib_path, tmp_path, capsys):
    _library(lib_path, tmp_path, capsys)
    assert main(["brief", "--since", "1h", "--format", "text"]) == 0
    out = capsys.readouterr().out
    head, count = out.splitlines()[:2]
    # the count line says since when, as the app's briefing head (walk32: "Briefing since …" alone)
    assert head == "Briefing" and count.startswith("2 unread stories since "), out
    assert count.endswith(" · ranked by size and recency") and len(count) == len(
        "2 unread stories since 2026-12-07 09:30 · ranked by size and recency"), count
    assert "Brackenholt orchards" in out and "Ice rink opens early" in out, out
    assert "Pottery kiln fire" not in out and "Quarrel Sound ferry" not in out, out
    assert main(["brief", "--since", "5m"]) == 0
    assert "Pottery kiln" not in capsys.readouterr().out


def test_the_app_briefing_reads_an_hour_as_that_hour(lib_path, tmp_path, capsys):
    from tui.app.screens.briefing import read_headings

    _library(lib_path, tmp_path, capsys)
    lib = Library(lib_path)
    try:
        items, since, total = read_headings(lib, "1h")
        assert len(since) > 10 and total == 2, (since, total)
        assert sorted(item.story.title for item in items) == ["Brackenholt orchards lose a third of the pear harvest",
                                                              "Ice rink opens early in Salvenhurst"]
        items, since, total = read_headings(lib, "24h")
        assert total == 4
    finally:
        lib.close()
