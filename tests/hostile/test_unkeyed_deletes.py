"""Rows deleted by a program that does not enforce the foreign keys (the sqlite3 shell, a script: SQLite's default)
leave nothing pointing at them: a story's stored figures follow its articles, its title follows its latest article,
and no analysis, mention, feed item or watched file is left to an article, feed or folder that is gone (migration
32's triggers, and its repair of a library damaged so before it)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from hostile_helpers import eight_articles, run_cli

TEXT = "Skerrow ferry vote {n}\n\nThe council of Skerrow met on Monday and voted to keep the ferry. Note {n}.\n"


def _unkeyed(db: Path, *statements: str) -> None:
    """`statements` run as another program runs them: foreign keys off (sqlite3's default), one transaction."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        for statement in statements:
            con.execute(statement)
        con.commit()
    finally:
        con.close()


def _stories_line(db: Path) -> tuple[int, str]:
    """The one story's stored size and its title, as `stories` prints them."""
    r = run_cli("stories", db=db)
    assert r.returncode == 0, r.stderr
    [line] = [line for line in r.stdout.decode().splitlines() if "Skerrow" in line]
    found = re.match(r"\s*\d+\s+(?:\S+\s+)?(\d+) art\b.*?(Skerrow ferry vote \d+)\s*$", line)
    assert found, line
    return int(found.group(1)), found.group(2)


def _brief_count(db: Path) -> int:
    r = run_cli("brief", "--since", "3650d", db=db)
    assert r.returncode == 0, r.stderr
    return int(re.search(r"(\d+) articles · \d+ unread", r.stdout.decode()).group(1))


def _dangling(db: Path) -> list:
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()


def _grouped(tmp_path: Path) -> Path:
    db = eight_articles(tmp_path, TEXT, ["stories", "--rebuild"], ["entities", "3"])
    assert _stories_line(db) == (8, "Skerrow ferry vote 8")
    return db


def test_stories_counts_follow_articles_deleted_with_foreign_keys_off(tmp_path):
    # Before: `stories` said "8 art" while `brief` counted 5 (the memberships of the deleted articles stayed).
    db = _grouped(tmp_path)
    _unkeyed(db, "DELETE FROM articles WHERE id IN (2, 3, 8)")
    assert _stories_line(db) == (5, "Skerrow ferry vote 7")  # the latest left heads the story
    assert _brief_count(db) == 5
    assert _dangling(db) == []


def test_an_article_added_under_a_deleted_ones_id_takes_nothing_of_it(tmp_path):
    db = _grouped(tmp_path)
    _unkeyed(db, "DELETE FROM articles WHERE id = 8")
    src = tmp_path / "other"
    src.mkdir()
    (src / "new.txt").write_text("Quarry hours\n\nThe Velmoth quarry will open at dawn from June.\n")
    r = run_cli("add", str(src), db=db)
    assert r.returncode == 0, r.stderr
    con = sqlite3.connect(db)
    try:
        [(new_id,)] = con.execute("SELECT id FROM articles WHERE title = 'Quarry hours'").fetchall()
        assert new_id == 8  # the deleted one's id, given again (the highest)
        assert con.execute("SELECT count(*) FROM analysis WHERE article_id = 8").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM mentions WHERE article_id = 8").fetchone()[0] == 0
    finally:
        con.close()
    assert _stories_line(db) == (7, "Skerrow ferry vote 7")


def test_feeds_and_folders_deleted_with_foreign_keys_off_leave_no_rows(tmp_path):
    db = _grouped(tmp_path)
    folder = tmp_path / "watched"
    folder.mkdir()
    (folder / "w.txt").write_text("Mill road\n\nThe Orrin mill road reopens on Friday after repairs.\n")
    assert run_cli("watch", "add", str(folder), db=db).returncode == 0
    _unkeyed(db, "INSERT INTO feeds (url, added_at) VALUES ('http://127.0.0.1:9/f', '2026-01-01')",
             "INSERT INTO feed_items (feed_id, entry_hash, article_id, seen_at)"
             " SELECT id, 'h', 1, '2026-01-01' FROM feeds")
    _unkeyed(db, "DELETE FROM feeds", "DELETE FROM watched")
    assert _dangling(db) == []


def test_a_library_damaged_so_before_migration_32_is_repaired_when_opened(tmp_path):
    db = _grouped(tmp_path)
    _unkeyed(db, "DROP TRIGGER articles_unkeyed_ad", "PRAGMA user_version = 31",
             "DELETE FROM articles WHERE id IN (1, 4)")
    assert _dangling(db)  # (as another program left it)
    assert _stories_line(db)[0] == 6  # (opened by `stories`: upgraded, repaired)
    assert _brief_count(db) == 6
    assert _dangling(db) == []
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles_unkeyed_ad'").fetchone()[0] == 1
    finally:
        con.close()


def test_the_triggers_order_is_the_stories_latest_first():
    from tui.store.schema import MIGRATIONS
    from tui.store.stories import LATEST_FIRST

    last = [m for m in MIGRATIONS if "CREATE TRIGGER articles_unkeyed_ad" in m][-1]  # the one a library runs last
    assert f"ORDER BY {LATEST_FIRST}" in " ".join(last.split())


def _membership_count(db: Path) -> int:
    con = sqlite3.connect(db)
    try:
        return con.execute("SELECT count(*) FROM story_articles WHERE story_id NOT IN (SELECT id FROM stories)"
                           ).fetchone()[0]
    finally:
        con.close()


def test_a_story_deleted_with_foreign_keys_off_gives_its_articles_back_to_grouping(tmp_path):
    # Before: the story's eight articles were in no story `stories` or `brief` listed, never grouped again (the
    # memberships stayed, pointing at the story that was gone), and `story 1` said "no story with id 1".
    db = _grouped(tmp_path)
    r = run_cli("stories", db=db)
    [old] = [int(line.split()[0]) for line in r.stdout.decode().splitlines() if "Skerrow" in line]
    _unkeyed(db, f"DELETE FROM stories WHERE id = {old}")
    assert _membership_count(db) == 0
    assert _stories_line(db) == (8, "Skerrow ferry vote 8")  # grouped again, a story of its own
    assert _brief_count(db) == 8
    r = run_cli("story", str(old), db=db)
    assert r.returncode == 1 and r.stderr.decode().strip().endswith(f"no story with id {old}"), r.stderr


def test_a_library_left_so_before_migration_33_is_repaired_when_opened(tmp_path):
    db = _grouped(tmp_path)
    _unkeyed(db, "DROP TRIGGER stories_unkeyed_ad", "PRAGMA user_version = 32", "DELETE FROM stories")
    assert _membership_count(db) == 8  # (as another program left it)
    assert _stories_line(db) == (8, "Skerrow ferry vote 8")  # (opened by `stories`: upgraded, repaired, grouped)
    assert _membership_count(db) == 0
    con = sqlite3.connect(db)
    try:
        assert con.execute("SELECT count(*) FROM sqlite_master WHERE name = 'stories_unkeyed_ad'").fetchone()[0] == 1
        assert con.execute("SELECT value FROM counts WHERE name = 'grouped'").fetchone()[0] == 8
    finally:
        con.close()
