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
                                                     "2w", "24H", "3 D", " today ", "2026-01-14T08:30")}
    assert read == {"2026-01-14": "2026-01-14", "2026-03-05": "2026-03-05", "today": "2026-03-05",
                    "yesterday": "2026-03-04", "24h": "2026-03-04", "3d": "2026-03-02", "2w": "2026-02-19",
                    "24H": "2026-03-04", "3 D": "2026-03-02", " today ": "2026-03-05", "2026-01-14T08:30": "2026-01-14"}


def test_an_age_in_hours_counts_back_from_now():
    """`12h` at 01:30 was today (12 / 24 days, rounded down): the articles of yesterday evening were left out."""
    today = date(2026, 3, 5)
    assert parse_since("12h", today, datetime(2026, 3, 5, 1, 30, tzinfo=timezone.utc)) == "2026-03-04"
    assert parse_since("12h", today, datetime(2026, 3, 5, 13, 0, tzinfo=timezone.utc)) == "2026-03-05"
    assert parse_since("36h", today, datetime(2026, 3, 5, 1, 30, tzinfo=timezone.utc)) == "2026-03-03"


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
