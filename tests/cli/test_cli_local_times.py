"""`feed list` and `watch list` give the last refresh / scan on the reader's clock, as the app's feeds list (F) does:
they printed the stored UTC text ("2026-12-06T07:41:21Z") where the app says 13:11 at UTC+05:30. And one way as the
app's: "today 13:11", "yesterday 04:10", an earlier day alone; `feed list` wrote this morning's refresh with its full
date ("2026-12-06 13:11"), to be read against the calendar. JSON keeps the stored UTC value."""

from __future__ import annotations

import json

from tui.cli import main


def test_feed_list_and_watch_list_say_when_on_the_local_clock(lib, tmp_path, capsys, half_past_five_east,
                                                             reader_clock):
    from tui.store.feeds import add_feed, update_feed
    from tui.store.watch import add_watch

    reader_clock("2026-12-06 20:00")
    feed, _ = add_feed(lib, "http://127.0.0.1:9/ferry.xml", "Island Ferry News")
    update_feed(lib, feed, last_status="ok", last_refresh="2026-12-06T07:41:21Z")
    older, _ = add_feed(lib, "http://127.0.0.1:9/pier.xml", "Pier Notes")
    update_feed(lib, older, last_status="ok", last_refresh="2026-12-02T07:41:21Z")
    folder = tmp_path / "drop"
    folder.mkdir()
    watch, _ = add_watch(lib, str(folder))
    lib.db.execute("UPDATE watched SET last_scan = ? WHERE id = ?", ("2026-12-04T22:40:00Z", watch))
    lib.db.commit()

    assert main(["feed", "list"]) == 0
    rows = capsys.readouterr().out.splitlines()
    row = next(x for x in rows if "Island Ferry News" in x)
    assert "today 13:11" in row and "07:41" not in row and "2026" not in row, row
    row = next(x for x in rows if "Pier Notes" in x)
    assert "2026-12-02 " in row and "13:11" not in row, row  # an earlier day: the day
    assert main(["feed", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out.splitlines()[0])["last_refresh"] == "2026-12-06T07:41:21Z"
    assert main(["watch", "list"]) == 0
    listed = capsys.readouterr().out
    assert "last scan yesterday 04:10)" in listed and "22:40" not in listed, listed


def test_when_said_today_yesterday_an_earlier_day_or_ahead(half_past_five_east, reader_clock):
    from tui.cells import when_said

    reader_clock("2026-12-06 00:20")  # just after midnight here: 18:50 UTC the day before
    assert when_said("2026-12-05T18:45:00Z") == "today 00:15"
    assert when_said("2026-12-05T18:00:00Z") == "yesterday 23:30"
    assert when_said("2026-12-04T18:00:00Z") == "2026-12-04"
    assert when_said("2025-12-06T09:00:00Z") == "2025-12-06"
    assert when_said("2026-12-07T09:00:00Z") == "2026-12-07 14:30"  # ahead of the clock (another machine's): whole
    assert when_said("not a time") == "not a time"
