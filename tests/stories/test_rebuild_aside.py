"""`newsreader stories --rebuild` beside another process (issue 13).

A rebuild forgot every story in one transaction, then wrote the new ones batch by batch: another program (the app's
list, `stories`, `story`) saw no stories, then more and more of them, for the whole rebuild (~60 s at 100,000
articles), and a rebuild killed midway left the library half grouped. It is built aside now (this connection's own
tables) and written in place of the old stories in one transaction: a reader sees the old stories until the new ones
are all there, and a killed rebuild leaves the old ones whole."""

from __future__ import annotations

import os
import signal
import sqlite3
import time

from tests.stories.samples import ALL
from tests.stories.test_two_processes import finished, go, grouping_process
from tui.store import Library
from tui.stories import group_new, rebuild
from tui.stories.grouping import split

# a rebuild in batches of 3 articles, each batch's write followed by a pause (a loaded machine; `hold`: stopped
# there, after the first, until killed)
REBUILDER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from tui.store import Library
from tui.stories import grouping

hold = {hold}
real = grouping.Grouper.flush
def slow(self, *args, **kwargs):
    real(self, *args, **kwargs)
    if hold:
        print("built", flush=True)
        time.sleep(600)
    time.sleep(0.3)
grouping.Grouper.flush = slow
grouping.BATCH = 3
with Library(sys.argv[1]) as lib:
    print("ready", flush=True)
    sys.stdin.readline()
    grouping.rebuild(lib)
print("done", flush=True)
"""


def _grouped(lib_path) -> None:
    """The samples stored and grouped one at a time as they landed, then the largest story split by hand (the old
    stories a rebuild replaces: it puts the article back)."""
    with Library(lib_path) as lib:
        for article in ALL:
            lib.add(article)
            group_new(lib)
        story = lib.db.execute("SELECT id FROM stories ORDER BY size DESC, id LIMIT 1").fetchone()[0]
        article = lib.db.execute("SELECT max(article_id) FROM story_articles WHERE story_id = ?", (story,)).fetchone()
        assert split(lib, story, [article[0]]) is not None


def _state(db) -> tuple:
    """Every story table as another program reads it."""
    return tuple(tuple(db.execute(sql).fetchall()) for sql in (
        "SELECT article_id, story_id, dup_of, source, unread FROM story_articles ORDER BY article_id",
        "SELECT id, title, first, last, size FROM stories ORDER BY id",
        "SELECT story_id, members, unread, outlets FROM story_stats ORDER BY story_id",
        "SELECT story_id, source, n FROM story_sources ORDER BY story_id, source",
        "SELECT id, twin_of FROM articles WHERE twin_of IS NOT NULL ORDER BY id"))


def test_a_reader_sees_the_old_stories_until_the_new_ones_are_all_there(lib_path):
    _grouped(lib_path)
    with sqlite3.connect(lib_path) as con:
        old = _state(con)
    seen = []
    with grouping_process(lib_path, REBUILDER.format(hold=False)) as rebuilder:
        with Library(lib_path, readonly=True) as reader:
            go(rebuilder)
            deadline = time.monotonic() + 120
            while rebuilder.poll() is None and time.monotonic() < deadline:
                seen.append(_state(reader.db))
                time.sleep(0.02)
        finished(rebuilder, 60)
    with sqlite3.connect(lib_path) as con:
        new = _state(con)
        assert con.execute("SELECT count(*) FROM story_articles").fetchone()[0] == len(ALL)
    assert new != old and len(seen) > 20  # (the rebuild's batches took ~0.3 s each)
    # the old stories, then the new ones: never none, never some of the articles in no story
    assert all(s in (old, new) for s in seen), [len(s[0]) for s in seen if s not in (old, new)][:5]
    assert seen[0] == old and seen == sorted(seen, key=lambda s: s == new)


def test_a_rebuild_killed_midway_leaves_the_old_stories_whole(lib_path):
    _grouped(lib_path)
    with sqlite3.connect(lib_path) as con:
        old = _state(con)
    with grouping_process(lib_path, REBUILDER.format(hold=True)) as rebuilder:
        go(rebuilder)
        assert rebuilder.stdout.readline().strip() == "built"  # its first batch written
        with sqlite3.connect(lib_path) as con:
            assert _state(con) == old
        os.kill(rebuilder.pid, signal.SIGKILL)
        rebuilder.wait(timeout=30)
    with sqlite3.connect(lib_path) as con:
        assert _state(con) == old
    with Library(lib_path) as lib:  # the next rebuild runs at once (the killed one's lease is taken over)
        assert rebuild(lib) == len(ALL)
        assert lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0] == len(ALL)
        assert not lib.db.execute("SELECT name FROM sqlite_temp_master").fetchall()  # nothing left aside
