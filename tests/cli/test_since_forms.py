"""`--since WHEN` of `stories` and `brief`: every form the README documents reads (a date, today, yesterday, an age in
hours, days or weeks; any other, "monday", "3 days", "2026/01/14", was one usage line naming them already:
test_error_shape), and a day after today says so (it printed "No unread stories." as if nothing were unread)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui.cli import main
from tui.stories.when import FutureDay, parse_since


def run(args, capsys):
    try:
        code = main(args)
    except SystemExit as exc:
        code = exc.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_documented_forms_read():
    today = date(2026, 3, 5)
    now = datetime(2026, 3, 5, 1, 30, tzinfo=timezone.utc)
    read = {w: parse_since(w, today, now) for w in ("2026-01-14", "2026-03-05", "today", "yesterday", "24h", "3d",
                                                     "2w", "24H", "3 D", " today ", "2026-01-14T08:30Z", "90m",
                                                     "2026-01-14 08:30+01:00")}
    assert read == {"2026-01-14": "2026-01-14", "2026-03-05": "2026-03-05", "today": "2026-03-05",
                    "yesterday": "2026-03-04", "24h": "2026-03-04T01:30:00Z", "3d": "2026-03-02", "2w": "2026-02-19",
                    "24H": "2026-03-04T01:30:00Z", "3 D": "2026-03-02", " today ": "2026-03-05",
                    "2026-01-14T08:30Z": "2026-01-14T08:30:00Z", "90m": "2026-03-05T00:00:00Z",
                    "2026-01-14 08:30+01:00": "2026-01-14T07:30:00Z"}


def test_a_time_without_a_zone_is_on_the_readers_clock(half_past_five_east):
    now = datetime(2026, 3, 5, 1, 30, tzinfo=timezone.utc)  # 07:00 at UTC+05:30
    assert parse_since("2026-03-05T06:00", date(2026, 3, 5), now) == "2026-03-05T00:30:00Z"
    assert parse_since("06:00", date(2026, 3, 5), now) == "2026-03-05T00:30:00Z"  # today's 06:00
    assert parse_since("08:15", date(2026, 3, 5), now) == "2026-03-04T02:45:00Z"  # still ahead: yesterday's
    for bad in ("25:00", "6:75", "0930"):
        with pytest.raises(ValueError):
            parse_since(bad, date(2026, 3, 5), now)


def test_an_age_in_hours_counts_back_from_now():
    """`12h` at 01:30 was today (12 / 24 days, rounded down): the articles of yesterday evening were left out. Then
    it was the whole day it fell in (`1h` covered the day: walk31); now it is the time, to the minute."""
    today = date(2026, 3, 5)
    assert parse_since("12h", today, datetime(2026, 3, 5, 1, 30, tzinfo=timezone.utc)) == "2026-03-04T13:30:00Z"
    assert parse_since("12h", today, datetime(2026, 3, 5, 13, 0, tzinfo=timezone.utc)) == "2026-03-05T01:00:00Z"
    assert parse_since("36h", today, datetime(2026, 3, 5, 1, 30, tzinfo=timezone.utc)) == "2026-03-03T13:30:00Z"


def test_a_day_after_today_is_said_not_an_empty_briefing(lib_path, capsys):
    ahead = (datetime.now(timezone.utc).date() + timedelta(days=3)).isoformat()
    for command in ("stories", "brief"):
        code, out, err = run([command, "--since", ahead], capsys)
        assert code == 2 and out == "", (out, err)
        assert err.startswith(f"newsreader {command}: error: argument --since: '{ahead}' is after today (") and \
            err.endswith(f"): nothing can be since then (see `newsreader {command} --help`)\n"), err
    with pytest.raises(FutureDay):
        parse_since("2026-03-06", date(2026, 3, 5))
    assert parse_since("2026-03-05", date(2026, 3, 5)) == "2026-03-05"


def test_an_empty_when_is_a_usage_error_not_every_story(lib_path, capsys):
    """`--since "$WHEN"` with WHEN unset read as no limit (every unread story), as `--db ""` opened the default."""
    for command in ("stories", "brief"):
        for when in ("", "  "):
            code, out, err = run([command, "--since", when], capsys)
            assert code == 2 and out == "", err
            assert err.startswith(f"newsreader {command}: error: argument --since: needs a WHEN: use a date"), err
