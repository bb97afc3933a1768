"""An article with no date of its own (a paste, a note, a page that gives none) has one rule (session 33): it sorts by
when it came into the library, and every place that dates it says that it is the time of adding, on the reader's
clock. Before, the list showed the UTC day it was added as if it were its date (no mark, while today's feed articles
showed a time), the header said "added 2026-12-07" (the UTC day), `show` gave no date at all and `list --json` nothing
to tell when."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from tui.cli import main
from tui.models import Article


def _stamp(when: datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


def _row(lines: list[str], title: str) -> list[str]:
    return next(line for line in lines if line.endswith(title)).split()


def test_an_undated_article_is_dated_by_its_adding_everywhere(lib, capsys, half_past_five_east):
    now = datetime.now(timezone.utc).replace(microsecond=0)
    # added at 21:00 UTC: 02:30 the next day on a clock at UTC+05:30 (the list showed the UTC day)
    late = (now - timedelta(days=3)).replace(hour=21, minute=0, second=0)
    recent = now - timedelta(minutes=2)
    lib.add(Article(title="Quay lamps relit in Tarrowby", body="The quay lamps of Tarrowby were lit again tonight.",
                    added_at=_stamp(late)))
    lib.add(Article(title="Notes on the Fennick ferry timetable", body="The Fennick ferry leaves at nine, then ten.",
                    added_at=_stamp(recent)))
    lib.add(Article(title="Tarrowby fair opens", body="The fair in Tarrowby opened on the green.", source="Fen Post",
                    published=(now - timedelta(days=5)).date().isoformat(), added_at=_stamp(recent)))
    today = datetime.now().date().isoformat()
    recent_local, late_local = recent.astimezone(), late.astimezone()
    assert late_local.date() == late.date() + timedelta(days=1)  # (the zone the test sets)

    assert main(["list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    shown = recent_local.strftime("%H:%M") if recent_local.date().isoformat() == today else recent_local.strftime("%y-%m-%d")
    assert _row(lines, "Notes on the Fennick ferry timetable")[2] == "~" + shown, lines
    assert _row(lines, "Quay lamps relit in Tarrowby")[2] == "~" + late_local.strftime("%y-%m-%d"), lines
    assert _row(lines, "Tarrowby fair opens")[2] == (now - timedelta(days=5)).date().isoformat(), lines  # its own day

    ids = {row.title: row.id for row in lib.rows()}
    assert main(["show", str(ids["Quay lamps relit in Tarrowby"])]) == 0
    assert capsys.readouterr().out.splitlines()[1] == f"added {late_local.strftime('%Y-%m-%d %H:%M')}"

    from tui.app.widgets.article_body import header_lines

    lines = [text for text, _style in header_lines(lib.get(ids["Quay lamps relit in Tarrowby"]))]
    assert lines[1] == f"added {late_local.strftime('%Y-%m-%d %H:%M')}"

    assert main(["list", "--json"]) == 0
    rows = {r["title"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    lamps = rows["Quay lamps relit in Tarrowby"]
    assert (lamps["published"], lamps["published_at"], lamps["added_at"]) == (None, None, _stamp(late))
    assert rows["Tarrowby fair opens"]["added_at"] == _stamp(recent)

    assert main(["export", "--format", "md"]) == 0
    md = capsys.readouterr().out
    assert f"# Quay lamps relit in Tarrowby\n\n- added: {_stamp(late)}\n" in md
    assert "- added:" not in md.split("# Tarrowby fair opens")[1]  # a dated article has its own date
    assert main(["export", "--format", "json"]) == 0
    records = {r["title"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert (records["Quay lamps relit in Tarrowby"]["published"], records["Quay lamps relit in Tarrowby"]["added_at"]) \
        == (None, _stamp(late))


def test_the_app_list_marks_an_undated_row(lib, half_past_five_east):
    from tui.cells import narrow_date, row_date

    now = datetime.now(timezone.utc).replace(microsecond=0)
    late = (now - timedelta(days=3)).replace(hour=21, minute=0, second=0)
    lib.add(Article(title="Quay lamps relit in Tarrowby", body="The quay lamps of Tarrowby were lit again tonight.",
                    added_at=_stamp(late)))
    row = lib.rows()[0]
    shown = row_date(row, datetime.now().date().isoformat())
    assert shown == "~" + late.astimezone().strftime("%y-%m-%d")
    assert narrow_date(shown) == "~" + late.astimezone().strftime("%m-%d")
    assert narrow_date("2026-12-07") == "26-12-07" and narrow_date("18:45") == "18:45"
