"""Malformed rows in the tables added since issue 14 (stories, their figures and members, feeds): the database is
untrusted input (issue 14 item 9's class). A BLOB story title or date, text in a story's counts, a BLOB source or
day of a member, a feed row of the wrong types: the story commands, the briefing, the feeds list and the app's
story mode go on, the bad field read as empty; nothing raises or reaches the terminal raw."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from pathlib import Path

from hostile_helpers import eight_articles, make_app, run_cli, run_sql, terminal_bytes, workers_done

TEXT = "Harbour vote {n}\n\nThe council of Porto met on Monday and voted to expand the harbour. Marker {n}.\n"

DAMAGE = [
    "UPDATE stories SET title = X'00ff1b5b324a', first = X'01'",
    "UPDATE stories SET terms = 'not json', last = char(27) || ']0;T' || char(7) || char(27) || '[2J'",
    "UPDATE story_stats SET members = -3, unread = 'x', outlets = X'02'",
    "UPDATE story_sources SET n = -2, source = X'1b5d303b7077'",
    "UPDATE story_articles SET day = X'ff', terms = '[1,2]', sketch = 'x' WHERE article_id = 2",
    "UPDATE articles SET source = X'1b5b324a' WHERE id = 3",
    "UPDATE story_articles SET day = char(27) || '[2J' || char(27) || ']0;T' || char(7) WHERE article_id = 4",
    "INSERT INTO feeds (url, title, tags, added_at, last_error, failures, next_try)"
    " VALUES ('http://127.0.0.1:9/feed', X'1b5b324a', X'5b315d', X'00', X'07', 'many', 'soon')",
]


def damaged_library(tmp_path: Path) -> Path:
    """Eight similar articles grouped into stories, then every row above damaged."""
    db = eight_articles(tmp_path, TEXT, ["stories", "--rebuild"])
    with sqlite3.connect(db) as con:
        assert con.execute("SELECT count(*) FROM stories").fetchone()[0] >= 1
    run_sql(db, DAMAGE)
    return db


def test_story_and_feed_commands_read_malformed_rows(tmp_path):
    db = damaged_library(tmp_path)
    story = sqlite3.connect(db).execute("SELECT min(id) FROM stories").fetchone()[0]
    commands = [["stories"], ["stories", "--json"], ["brief", "--since", "3650d"],
                ["brief", "--since", "3650d", "--format", "md"], ["feed", "list"]]
    commands += [["story", str(story), "--format", fmt] for fmt in ("text", "md", "json")]
    for args in commands:
        r = run_cli(*args, db=db, timeout=120)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, (args, r.stderr[-400:])
        assert not terminal_bytes(r.stdout) and not terminal_bytes(r.stderr), args
    listed = [json.loads(line) for line in run_cli("stories", "--json", db=db).stdout.splitlines()]
    assert any(rec["id"] == story and rec["title"] == "" for rec in listed)  # the BLOB title reads as empty
    assert all(isinstance(s, str) for rec in listed for s in rec["sources"])
    r = run_cli("feed", "list", db=db)
    assert b"127.0.0.1:9/feed" in r.stdout  # the feed is listed, by its URL (its title is not text)


def test_story_mode_reads_malformed_rows(tmp_path, app_env):
    db = damaged_library(tmp_path)

    async def browse() -> None:
        app = make_app(db)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            for keys in (["v"], ["g", "enter"], ["escape", "j", "enter"], ["escape", "g", "enter"], ["escape", "v"], ["b"]):
                await pilot.press(*keys)
                await workers_done(app, 30)  # the story's workers (a cancelled one has finished too)
                await pilot.pause()
                assert app._exception is None, f"{keys}: {app._exception!r}"
                shown = app.export_screenshot()  # the story view's head and sentences show the dates
                assert "\x1b" not in shown and "\x07" not in shown, keys

    asyncio.run(browse())


def analysed_with_bad_sort_keys(tmp_path: Path) -> Path:
    """The damaged library analysed, then two articles' sort keys made a BLOB and an escape sequence."""
    db = damaged_library(tmp_path)
    assert run_cli("analyze", db=db, timeout=300).returncode == 0
    run_sql(db, ["UPDATE articles SET sort_key = X'1b5b324a' WHERE id = 5",
                 "UPDATE articles SET sort_key = char(27) || '[2J' || char(27) || ']0;T' || char(7) WHERE id = 6"])
    return db


def test_who_reads_malformed_rows(tmp_path):
    """The entity page (`who`) sorts and shows articles by their sort key: a BLOB or escape-laden one reads as empty."""
    db = analysed_with_bad_sort_keys(tmp_path)
    for args in (["who", "Porto"], ["who", "--json", "Porto"]):
        r = run_cli(*args, db=db)
        assert r.returncode == 0 and b"Traceback" not in r.stderr, (args, r.stderr[-400:])
        assert not terminal_bytes(r.stdout) and not terminal_bytes(r.stderr), args
    page = json.loads(run_cli("who", "--json", "Porto", db=db).stdout)
    assert len(page["articles"]) == 8 and all(isinstance(a["day"], str) for a in page["articles"])


def test_entity_page_reads_malformed_rows(tmp_path, app_env):
    """The app's entity page draws a bar per month from the articles' sort keys: an escape-laden key showed its raw
    text (ESC included) as a month label."""
    db = analysed_with_bad_sort_keys(tmp_path)

    async def browse() -> None:
        from tui.app.screens.person import PersonScreen

        app = make_app(db)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            app.push_screen(PersonScreen(db, "Porto"))
            await workers_done(app, 30)
            await pilot.pause()
            assert app._exception is None, repr(app._exception)
            rows = [o.prompt.plain for o in app.screen.query_one("#person-articles").options]
            assert "Articles over time" in rows and any(r.startswith("undated ") for r in rows), rows
            assert not any("\x1b" in r or "\x07" in r for r in rows), rows
            shown = app.export_screenshot()
            assert "\x1b" not in shown and "\x07" not in shown

    asyncio.run(browse())


def test_a_story_whose_stored_figures_cannot_be_true_is_counted_from_its_articles(tmp_path):
    """A story's stored unread figure damaged negative (or above its member count) read as 0: the stories list lost the
    story's unread dot ('●8'), and the briefing, which lists stories with unread articles, left the story out. Such
    figures are counted from the story's articles instead."""
    from tui.store import Library
    from tui.store.stories import ranked_unread, story_rows

    db = eight_articles(tmp_path, TEXT)
    with Library(db) as lib:
        from tui.stories import group_new

        group_new(lib)
        story, members = lib.db.execute("SELECT story_id, members FROM story_stats ORDER BY members DESC").fetchone()
        assert members > 1
        for bad in (-5, members + 3, "x"):
            lib.db.execute("UPDATE story_stats SET unread = ? WHERE story_id = ?", (bad, story))
            lib.db.commit()
            [row] = [r for r in story_rows(lib, 0, 100, members=False) if r.id == story]
            assert row.unread == members and row.article_ids == [], (bad, row)
            assert story in [r.id for r, _ in ranked_unread(lib, "", 10)], bad
    r = run_cli("brief", "--since", "3650d", db=db)
    assert r.returncode == 0 and f"[story {story}]" in r.stdout.decode(), r.stdout.decode()[-400:]
