"""A note with no date of its own that joins a story (a reading list kept beside the story, stored the day after its
last report) is not the story's latest news (walk38): it headed the story in every view ("Questions for the
Pellworth ferry piece" over the ferry strike's reports), its day was the one "new" meant ('"new": what its <today>
reports add'), its line the only one marked "new", and the reports' own latest development went unmarked. Through
the command line with our own invented articles, dated the two days before today; the note, a plain text file, is
dated by the day it is added."""

from __future__ import annotations

import json
from datetime import date, timedelta

from tests.stories.added_steps import run


def _reports(day1: str, day2: str) -> list[tuple]:
    return [
        ("01", "Pellworth ferry crews walk out over pay", "Skerry Courier", day1,
         "Crews of Pellworth Ferries walked out on Saturday morning, stranding hundreds of passengers bound for the "
         "Morvane islands.\n\nUnion secretary Alys Trennick said the crews had waited eleven months for an offer. "
         "Pellworth Ferries said its offer was fair and remained on the table."),
        ("02", "Pellworth ferry strike strands island passengers", "Harbour Wire", day1,
         "No Pellworth Ferries boat left for the Morvane islands on Saturday as crews walked out over pay.\n\n"
         "Alys Trennick, the union secretary, said the crews would stay out until the company improved its offer."),
        ("03", "Pellworth ferry strike ends after overnight pay deal", "Skerry Courier", day2,
         "Pellworth Ferries and the crews' union reached a pay deal overnight, ending the strike that stopped every "
         "sailing to the Morvane islands.\n\nAlys Trennick said the crews would return on Monday morning. "
         "Pellworth Ferries said sailings to the Morvane islands would run to the normal timetable."),
    ]


NOTE = ("Questions for the Pellworth ferry piece\n\n"
        "Ask Alys Trennick whether the Pellworth Ferries pay deal covers the Morvane islands crews. "
        "Check when the strike stopped the first sailing to the Morvane islands.\n")


def _story_with_a_note(tmp_path) -> tuple[dict, str]:
    """The three reports of the two days before today and the note, added: the story's `stories --json` line, and
    the later day."""
    today = date.today()
    day1, day2 = (today - timedelta(days=2)).isoformat(), (today - timedelta(days=1)).isoformat()
    folder = tmp_path / "in"
    folder.mkdir()
    for stem, title, source, day, body in _reports(day1, day2):
        (folder / f"{stem}.md").write_text(f"---\ntitle: {title}\nsource: {source}\ndate: {day}\n---\n\n{body}\n",
                                           encoding="utf-8")
    (folder / "note.txt").write_text(NOTE, encoding="utf-8")
    r = run("add", str(folder))
    assert r.returncode == 0, r.stderr
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    [story] = [s for s in rows if len(s["articles"]) > 1]
    assert len(story["articles"]) == 4, rows  # the note joined the story (as in the walk: it named its people)
    return story, day2


def test_a_note_stored_after_the_reports_is_not_the_storys_latest_news(tmp_path, lib_path):
    story, day2 = _story_with_a_note(tmp_path)
    # headed by the latest report, not "Questions for the Pellworth ferry piece"
    assert story["title"] == "Pellworth ferry strike ends after overnight pay deal", story
    shown = run("story", str(story["id"]))
    assert shown.returncode == 0, shown.stderr
    lines = shown.stdout.splitlines()
    assert lines[0] == "Pellworth ferry strike ends after overnight pay deal", shown.stdout
    # "new" is what the latest reports add: the day before today's, not the note's day
    assert f'"new": what its {day2} reports add, read or not' in shown.stdout, shown.stdout
    # the note's line is not marked new (it was the only one), and what is new is the latest report's
    assert all(f", {day2}, #" in line for line in lines if line.endswith(", new]")), shown.stdout
    assert any(line.startswith("5. Ask Alys Trennick") or "Ask Alys Trennick" in line for line in lines)
    assert not any("Ask Alys Trennick" in line and line.endswith(", new]") for line in lines), shown.stdout
    added = lines[lines.index("What's new:") + 1:lines.index("Articles:")]
    assert [line for line in added if line] and all(line.endswith(f"[Skerry Courier, {day2}]") for line in added if line), \
        shown.stdout


def test_another_programs_delete_of_the_latest_report_leaves_the_story_to_a_report_not_the_note(tmp_path, lib_path):
    """The latest report deleted by a program that leaves the foreign keys off (the sqlite3 shell): migration 32's
    trigger retitled the story by the latest day left, the note's ("Questions for the Pellworth ferry piece");
    migration 39's takes the latest dated day's report, as newsreader's own delete does."""
    import sqlite3

    story, _ = _story_with_a_note(tmp_path)
    con = sqlite3.connect(lib_path)
    try:
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        con.execute("DELETE FROM articles WHERE title = 'Pellworth ferry strike ends after overnight pay deal'")
        con.commit()
    finally:
        con.close()
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    [after] = [s for s in rows if s["id"] == story["id"]]
    assert len(after["articles"]) == 3 and after["title"] == "Pellworth ferry strike strands island passengers", rows
