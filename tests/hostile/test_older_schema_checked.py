"""A read-only library of an earlier schema (read as it is: Library.behind) is checked against its own schema's tables
and columns: one whose story_stats was dropped by another program was "integrity ok" to `doctor` (missing_tables
checked this newsreader's schema only), while its stories were counted from their articles in silence."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from hostile_helpers import eight_articles, run_cli, run_sql

TEXT = "Skerrow ferry vote {n}\n\nThe council of Skerrow met on Monday and voted to keep the ferry. Note {n}.\n"


def _older(db: Path, *statements: str, version: int = 31) -> None:
    """The library stepped back to schema `version` (its tables are that schema's), then `statements` run on it."""
    run_sql(db, [f"PRAGMA user_version = {version}", *statements])


def _read_only(db: Path):
    from tui.store.library import Library

    return Library(db, readonly=True, verify=5.0)


@pytest.mark.parametrize("statement, damage", [
    ("DROP TABLE story_stats", "table story_stats missing"),
    ("DROP TABLE story_sources", "table story_sources missing"),
    ("DROP TABLE mentions", "table mentions missing"),
    ("ALTER TABLE feeds DROP COLUMN last_error", "column feeds.last_error missing"),
])
def test_a_read_only_older_library_missing_a_table_is_damaged(tmp_path, statement, damage):
    db = eight_articles(tmp_path, TEXT, ["stories", "--rebuild"])
    _older(db, statement)
    lib = _read_only(db)
    try:
        assert lib.behind == 0 and lib.readonly  # (read as it is: schema 31 searches as this one)
        assert lib.damaged == damage
    finally:
        lib.close()


@pytest.mark.parametrize("version", [23, 27, 31])
def test_a_whole_read_only_older_library_is_not_damaged(tmp_path, version):
    from tui.store.schema import MIGRATIONS, schema_tables

    db = eight_articles(tmp_path, TEXT, ["stories", "--rebuild"])
    later = schema_tables() - schema_tables(version)  # tables its schema did not have yet
    _older(db, *[f"DROP TABLE {name}" for name in sorted(later)], version=version)
    assert len(MIGRATIONS) > version
    lib = _read_only(db)
    try:
        assert lib.damaged is None and lib.missing_tables() == [] and lib.missing_columns() == []
    finally:
        lib.close()


def test_the_schema_tables_of_an_earlier_schema_are_its_migrations():
    from tui.store.schema import STORY_FIGURES_FROM, schema_columns, schema_tables

    assert "story_stats" not in schema_tables(STORY_FIGURES_FROM - 1) and "story_stats" in schema_tables(
        STORY_FIGURES_FROM)
    assert schema_tables(0) == frozenset() and set(schema_columns(STORY_FIGURES_FROM)) == schema_tables(
        STORY_FIGURES_FROM)


def test_doctor_says_what_is_missing_from_a_read_only_older_library(tmp_path):
    from test_broken_library import tmpfs

    with tmpfs(tmp_path / "ro", "8m") as folder:
        db = eight_articles(folder, TEXT, ["stories", "--rebuild"])
        _older(db, "DROP TABLE story_stats")
        r = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
        if r.returncode != 0:
            pytest.skip(f"cannot remount read-only: {r.stderr.decode().strip()}")
        r = run_cli("doctor", db=db)
        out = r.stdout.decode()
        assert r.returncode == 0 and "writable:  no" in out, out
        assert "damaged:   table story_stats missing: the stories are counted from their articles" in out, out
        assert "makes it again from the stories when it opens this library where it can write" in out, out
        r = run_cli("stories", db=db)  # read as before, with the one warning of a damaged library
        assert r.returncode == 0 and "8 art" in r.stdout.decode(), r.stderr
        assert "table story_stats missing" in r.stderr.decode() and len(r.stderr.decode().splitlines()) == 1


@pytest.mark.parametrize("version", [33, 35])
def test_the_feeds_of_a_read_only_older_library_are_listed(tmp_path, version):
    """A read-only library of schema 33 (before feeds.final_url) or 35 (before feeds.pages_failed), read as it is, lists
    its feeds: `feed list` and the app's feeds list failed with "no such column: final_url"."""
    from tui.store.feeds import add_feed, get_feed, list_feeds
    from tui.store.library import Library

    db = tmp_path / "library.db"
    with Library(db) as lib:
        add_feed(lib, "https://skerrow.example/feed.rss", "Skerrow Post")
    later = ["ALTER TABLE feeds DROP COLUMN pages_failed"]
    if version == 33:
        later += ["DROP INDEX feeds_final_url", "ALTER TABLE feeds DROP COLUMN final_url"]
    _older(db, *later, version=version)
    lib = _read_only(db)
    try:
        assert lib.damaged is None and lib.missing_columns() == []
        [feed] = list_feeds(lib)
        assert (feed.id, feed.name, feed.final_url, feed.pages_failed) == (1, "Skerrow Post", None, {})
        assert get_feed(lib, 1).url == get_feed(lib, "https://skerrow.example/feed.rss").url == feed.url
    finally:
        lib.close()
