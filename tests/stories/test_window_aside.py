"""A window's regroup computed aside (tui/stories/regroup_window.py `_aside`, tui/store/stories.py
`start_window_aside`, session 26): two real processes on one library, one grouping articles as they land (the app, a
refresh), the other writing while a window is regrouped (an import, a read mark, a delete: another program).

The window was computed under the library's write lock (~0.4 s of CPU at 100,000 articles, seconds of wall on a loaded
machine), and every other program's write waited for it. Now it is computed on a copy of its stories and written in
one short transaction: the other program writes at once, and its change is neither lost nor counted twice. The
grouping process stops inside the window's computing until the other process has written (a write that waits for
the lock cannot happen then: the other process gives up after a few seconds, and the test fails)."""

from __future__ import annotations

import select
import subprocess

import pytest

from tests.stories.test_two_processes import finished, go, grouping_process
from tests.stories.test_window_size import _stream
from tui.store import Library
from tui.stories import group_new, settle
from tui.stories.regroup_window import pending

N = 60  # one window (the first 50) while the other process writes, then 10 more waiting for the next

GROUPER = """
import sys
sys.path.insert(0, sys.argv[2])
from tests.stories.test_window_size import _stream
from tui.store import Library
from tui.stories import group_new, regroup_window

real = regroup_window._forget
calls = []
def paused(*args, **kwargs):
    real(*args, **kwargs)
    calls.append(1)
    if len(calls) == 1:  # the first window's articles have left their stories: the other process writes now
        print("window", flush=True)
        assert sys.stdin.readline().strip() == "written"
regroup_window._forget = paused
with Library(sys.argv[1]) as lib:
    print("ready", flush=True)
    sys.stdin.readline()
    for article in _stream(%d):
        lib.add_many([article])
        group_new(lib)
    print(len(calls), flush=True)
print("done", flush=True)
""" % N


def _line(grouper: subprocess.Popen, timeout: float = 120) -> str:
    """The grouping process's next line (it has one ready within `timeout`)."""
    ready, _, _ = select.select([grouper.stdout], [], [], timeout)
    assert ready, "the grouping process said nothing"
    return grouper.stdout.readline().strip()


def _written(grouper: subprocess.Popen) -> None:
    grouper.stdin.write("written\n")
    grouper.stdin.flush()


def _positions(lib, titles: list[str]) -> set[frozenset[int]]:
    """The stories as sets of positions in the stream (by title: the two processes' ids interleave)."""
    at = {t: k for k, t in enumerate(titles)}
    groups: dict[int, set[int]] = {}
    for sid, title in lib.db.execute("SELECT s.story_id, a.title FROM story_articles s JOIN articles a"
                                     " ON a.id = s.article_id"):
        groups.setdefault(sid, set()).add(at[title])
    return {frozenset(g) for g in groups.values()}


def _at_once(tmp_path, arts) -> set[frozenset[int]]:
    with Library(tmp_path / "once.db") as once:
        once.add_many(arts)
        assert group_new(once) == len(arts)
        return _positions(once, [a.title for a in arts])


def _consistent(lib) -> None:
    """Every article in one story or counted as waiting, once; every story holds its stored size of articles, and
    its figures count its members and their unread marks as they are."""
    from tui.store.stories import ungrouped_count

    articles = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    grouped = lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0]
    assert ungrouped_count(lib) == articles - grouped
    assert lib.db.execute("SELECT count(*) FROM story_articles s LEFT JOIN articles a ON a.id = s.article_id"
                          " WHERE a.id IS NULL").fetchone()[0] == 0  # no membership of an article gone
    sizes = dict(lib.db.execute("SELECT id, size FROM stories"))
    counted = dict(lib.db.execute("SELECT story_id, count(*) FROM story_articles GROUP BY story_id"))
    assert sizes == counted
    stats = {r[0]: (r[1], r[2]) for r in lib.db.execute("SELECT story_id, members, unread FROM story_stats")}
    members = {r[0]: (r[1], r[2]) for r in lib.db.execute(
        "SELECT s.story_id, count(*), sum(a.read = 0) FROM story_articles s JOIN articles a ON a.id = s.article_id"
        " GROUP BY s.story_id")}
    assert stats == members


def test_another_process_imports_and_marks_while_a_window_is_regrouped(lib_path, tmp_path):
    arts = _stream(N + 1)
    extra = arts[N]  # (dated after the stream: the next day's first article)
    with grouping_process(lib_path, GROUPER) as grouper:
        go(grouper)
        assert _line(grouper) == "window"
        with Library(lib_path) as writer, writer.impatient(5):  # another program: an import, a read mark (m)
            stored = writer.add_many([extra])[0][1]
            first = writer.db.execute("SELECT min(id) FROM articles").fetchone()[0]  # one of the window's articles
            writer.set_read(first)
        _written(grouper)
        assert _line(grouper) == "1"  # the window computed once: nothing it read had changed
        finished(grouper, 120)
    with Library(lib_path) as lib:
        _consistent(lib)
        assert lib.db.execute("SELECT read FROM articles WHERE id = ?", (first,)).fetchone()[0] == 1
        assert lib.db.execute("SELECT unread FROM story_articles WHERE article_id = ?", (first,)).fetchone()[0] == 0
        # the article stored meanwhile was not one of the window's (it read the library as it was): grouped by the
        # next grouping, it waits for its own window with the stream's last ten
        assert lib.db.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (stored,)).fetchone()
        assert pending(lib) == N + 1 - 50
        assert settle(lib) == N + 1
        _consistent(lib)
        assert _positions(lib, [a.title for a in arts]) == _at_once(tmp_path, arts)


def test_a_window_whose_article_is_deleted_meanwhile_is_computed_again(lib_path, tmp_path):
    arts = _stream(N)
    with grouping_process(lib_path, GROUPER) as grouper:
        go(grouper)
        assert _line(grouper) == "window"
        with Library(lib_path) as writer, writer.impatient(5):  # another program deletes one of the window's articles
            gone = writer.db.execute("SELECT id, title FROM articles WHERE id = 7").fetchone()
            assert writer.remove(gone[0])
        _written(grouper)
        # what the window computed was not written (a story it read had changed): looked at again it had 49 articles,
        # fewer than a window, so they waited; the 51st article made the window (a second one: had the first been
        # written, the stream's last ten would still wait for theirs)
        assert _line(grouper) == "2"
        finished(grouper, 120)
    with Library(lib_path) as lib:
        _consistent(lib)
        assert lib.db.execute("SELECT count(*) FROM articles").fetchone()[0] == N - 1
        assert not lib.db.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (gone[0],)).fetchone()
        assert pending(lib) == N - 1 - 50 and settle(lib) == N - 1
        _consistent(lib)
        left = [a for a in arts if a.title != gone[1]]
        assert _positions(lib, [a.title for a in left]) == _at_once(tmp_path, left)


TABLES = ("SELECT article_id, story_id, day, terms, sketch, dup_of, source, unread FROM story_articles ORDER BY 1",
          "SELECT id, title, first, last, size, terms FROM stories ORDER BY id",
          "SELECT story_id, members, unread, outlets FROM story_stats ORDER BY story_id",
          "SELECT story_id, source, n FROM story_sources ORDER BY story_id, source",
          "SELECT id, twin_of FROM articles WHERE twin_of IS NOT NULL ORDER BY id",
          "SELECT name, value FROM counts WHERE name IN ('grouped', 'story_ids', 'story_window_mark') ORDER BY 1")


@pytest.mark.parametrize("kept", [True, False])
def test_a_window_computed_aside_leaves_the_library_as_one_computed_under_the_lock(tmp_path, monkeypatch, kept):
    """The same stream fed one at a time (windows, then a settle) to two libraries, one with its windows computed
    aside and written again, the other computed under the lock (as before session 26): the same stories, memberships,
    figures and counts, row for row. Windows of 60 articles, so that stories keep members older than the window
    (their terms and sketches are read through the copy); with the grouper's state kept between calls, and without
    (another program's write makes the next call start cold: every story read)."""
    from tui.stories import regroup_window, warm

    monkeypatch.setattr(regroup_window, "WINDOW_ARTICLES", 60)
    if not kept:
        monkeypatch.setattr(warm, "take", lambda lib: None)
    arts = _stream(130)
    for k in (3, 60, 61, 100):  # texts printed again by other outlets: copies (dup_of), some inside a window
        arts[k + 1].body = arts[k].body + " The report was updated."
        arts[k + 1].source = f"Other Outlet {k}"
    went = []
    real = regroup_window._aside

    def counted(*args, **kwargs):
        out = real(*args, **kwargs)
        went.append(out is not regroup_window._CHANGED and out is not regroup_window._CANNOT)
        return out

    dumps = []
    for name, aside in (("aside.db", counted), ("locked.db", lambda *a, **k: regroup_window._CANNOT)):
        monkeypatch.setattr(regroup_window, "_aside", aside)
        with Library(tmp_path / name) as lib:
            for art in arts:
                lib.add_many([art])
                group_new(lib)
            settle(lib)
            dumps.append([lib.db.execute(sql).fetchall() for sql in TABLES])
    assert went == [True, True, True]  # two windows and the settle, each computed aside and written
    assert dumps[0] == dumps[1]
    assert any(r[5] is not None for r in dumps[0][0])  # (copies were among them)


def test_a_window_writes_only_the_memberships_that_differ(tmp_path, monkeypatch):
    """The window's articles leave their stories and are placed again on the copy; in the library only the
    memberships that come out otherwise are deleted and inserted again (with their copies), not every one of the
    window's. The same window regrouped a second time (its mark set back by hand) places every article where it was:
    nothing is written, and the library is as the replay of every step under the lock leaves it."""
    from tui.stories import regroup_window

    monkeypatch.setattr(regroup_window, "WINDOW_ARTICLES", 60)
    arts = _stream(100)
    arts[91].body = arts[90].body + " The report was updated."  # (a copy among the window's articles)
    arts[91].source = "Other Outlet"
    dumps = []
    for name, aside in (("aside.db", regroup_window._aside), ("locked.db", lambda *a, **k: regroup_window._CANNOT)):
        monkeypatch.setattr(regroup_window, "_aside", aside)
        with Library(tmp_path / name) as lib:
            for art in arts:
                lib.add_many([art])
                group_new(lib)
            settle(lib)
            assert pending(lib) == 0
            lib.db.execute("CREATE TABLE written (article_id INTEGER)")
            lib.db.execute("CREATE TRIGGER written_ai AFTER INSERT ON story_articles BEGIN"
                           " INSERT INTO written VALUES (new.article_id); END")
            before = [lib.db.execute(sql).fetchall() for sql in TABLES]
            lib.db.execute("UPDATE counts SET value = 80 WHERE name = 'story_window_mark'")
            assert settle(lib) == 60  # the last 20 and the 40 before them
            dumps.append([lib.db.execute(sql).fetchall() for sql in TABLES])
            dumps.append(lib.db.execute("SELECT count(*) FROM written").fetchone()[0])
    assert dumps[0] == dumps[2] and dumps[0][:-1] == before[:-1]  # (the counts: the mark set back moved on again)
    assert any(r[5] is not None for r in dumps[0][0])
    assert (dumps[1], dumps[3]) == (0, 60)  # aside: none written again; under the lock, each of the window's


def test_a_differing_write_that_does_not_come_out_as_computed_is_rolled_back_and_the_steps_replayed(tmp_path,
                                                                                                   monkeypatch):
    """write_window checks what it wrote (here: a reweighed membership whose article is not in the library, as if it
    went meanwhile): nothing of it stays, and every step of the window is written again, as under the lock."""
    from tui.store import stories as store
    from tui.stories import regroup_window

    monkeypatch.setattr(regroup_window, "WINDOW_ARTICLES", 60)
    arts = _stream(100)
    real, went = store.window_changes, []

    def wrong(lib):
        changes = real(lib)
        changes.terms.append(('{"x":1.0}', "[]", 10 ** 9))
        return changes

    def written(lib, changes):
        went.append(real_write(lib, changes))
        return went[-1]

    real_write = store.write_window
    dumps = []
    for name, aside in (("aside.db", regroup_window._aside), ("locked.db", lambda *a, **k: regroup_window._CANNOT)):
        monkeypatch.setattr(regroup_window, "_aside", aside)
        monkeypatch.setattr(store, "window_changes", wrong)
        monkeypatch.setattr(store, "write_window", written)
        with Library(tmp_path / name) as lib:
            for art in arts:
                lib.add_many([art])
                group_new(lib)
            settle(lib)
            dumps.append([lib.db.execute(sql).fetchall() for sql in TABLES])
    assert went == [False, False]  # (the window of the first 50, and the settle's)
    assert dumps[0] == dumps[1]
