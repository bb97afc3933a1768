"""`feed list` and `watch list` give the last refresh / scan on the reader's clock, as the app's feeds list (F) does:
they printed the stored UTC text ("2026-12-06T07:41:21Z") where the app says "2026-12-06 13:11" at UTC+05:30.
JSON keeps the stored UTC value."""

from __future__ import annotations

import json

from tui.cli import main


def test_feed_list_and_watch_list_say_when_on_the_local_clock(lib, tmp_path, capsys, half_past_five_east):
    from tui.store.feeds import add_feed, update_feed
    from tui.store.watch import add_watch

    feed, _ = add_feed(lib, "http://127.0.0.1:9/ferry.xml", "Island Ferry News")
    update_feed(lib, feed, last_status="ok", last_refresh="2026-12-06T07:41:21Z")
    folder = tmp_path / "drop"
    folder.mkdir()
    watch, _ = add_watch(lib, str(folder))
    lib.db.execute("UPDATE watched SET last_scan = ? WHERE id = ?", ("2026-12-05T22:40:00Z", watch))
    lib.db.commit()

    assert main(["feed", "list"]) == 0
    row = next(x for x in capsys.readouterr().out.splitlines() if "Island Ferry News" in x)
    assert "2026-12-06 13:11" in row and "07:41" not in row, row
    assert main(["feed", "list", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["last_refresh"] == "2026-12-06T07:41:21Z"
    assert main(["watch", "list"]) == 0
    listed = capsys.readouterr().out
    assert "last scan 2026-12-06 04:10" in listed and "22:40" not in listed, listed
