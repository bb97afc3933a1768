"""The grouping lease while a window is regrouped aside (tui/stories/regroup_window.py `_aside`, session 27).

A window is computed on a copy of its stories inside a read transaction, which can write nothing of the library's,
so the lease (tui/store/stories.py: one grouper at a time; it lapses after LEASE_SECONDS unless its holder renews it)
was not renewed while it was computed. A computation that outlived it (a loaded machine, a process stopped a while)
let another grouper take over in the middle; the first found out only when it came to write. Now each step of the
window renews the lease once half of it has passed (through a short write of its own), and a grouper that finds
another holding it gives the window up there: never two groupers at once, and nothing of the window written.

Two real processes; the grouping one stops inside its first window, and the clock of both is moved on past the lease
(time.time, 130 s: LEASE_SECONDS is 120) instead of waiting for it."""

from __future__ import annotations

import time

from tests.stories.test_two_processes import finished, go, grouping_process
from tests.stories.test_window_aside import _at_once, _consistent, _line, _positions
from tests.stories.test_window_size import _stream
from tui.store import Library
from tui.store import stories as store
from tui.stories import settle
from tui.stories.regroup_window import pending

N = 50  # the stream's last article makes the first window

GROUPER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from tests.stories.test_window_size import _stream
from tui.store import Library
from tui.stories import group_new, regroup_window

real_time, real_forget, real_keep = time.time, regroup_window._forget, regroup_window._keep_ids
calls = []
def ask(what):
    print(what, flush=True)
    return sys.stdin.readline().strip()
def forget(*args, **kwargs):
    real_forget(*args, **kwargs)
    calls.append("forget")
    if calls.count("forget") == 1 and ask("window") == "later":  # the window's computing outlives the lease
        time.time = lambda: real_time() + 130
def keep(*args, **kwargs):  # (after the window's articles were placed again, before their stories' ids are kept)
    calls.append("keep")
    if calls.count("keep") == 1:
        ask("placed")
    return real_keep(*args, **kwargs)
regroup_window._forget, regroup_window._keep_ids = forget, keep
with Library(sys.argv[1]) as lib:
    print("ready", flush=True)
    sys.stdin.readline()
    for article in _stream(%d):
        lib.add_many([article])
        group_new(lib)
    print(" ".join(calls), flush=True)
print("done", flush=True)
""" % N


def _say(grouper, line: str) -> None:
    grouper.stdin.write(line + "\n")
    grouper.stdin.flush()


def _later(monkeypatch) -> None:
    real = time.time
    monkeypatch.setattr(time, "time", lambda: real() + 130)


def test_a_window_computed_past_the_lease_renews_it_and_no_other_grouper_takes_over(lib_path, tmp_path, monkeypatch):
    arts = _stream(N)
    with grouping_process(lib_path, GROUPER) as grouper:
        go(grouper)
        assert _line(grouper) == "window"
        _say(grouper, "later")
        assert _line(grouper) == "placed"  # (its steps renewed the lease on the way, half of it having passed)
        _later(monkeypatch)
        with Library(lib_path) as other, other.impatient(5):  # another grouper (the app's refresh) 130 s on
            assert not store.take_lease(other, 120)
        _say(grouper, "go")
        assert _line(grouper) == "forget keep"  # written once: nothing it read had changed
        finished(grouper, 120)
    with Library(lib_path) as lib:
        _consistent(lib)
        assert pending(lib) == 0  # the window was written
        assert _positions(lib, [a.title for a in arts]) == _at_once(tmp_path, arts)


def test_a_grouper_that_finds_its_lease_taken_while_it_computes_a_window_gives_it_up(lib_path, tmp_path, monkeypatch):
    arts = _stream(N)
    with grouping_process(lib_path, GROUPER) as grouper:
        go(grouper)
        assert _line(grouper) == "window"
        _later(monkeypatch)
        other = Library(lib_path)
        try:
            with other.impatient(5):
                assert store.take_lease(other, 120)  # its lease lapsed: another grouper takes over
                _say(grouper, "later")
                # the window's next step found the lease taken: given up there (its articles were not placed again,
                # nothing written), and the rest of its stream is the other grouper's to place
                assert _line(grouper) == "forget"
                finished(grouper, 120)
                assert other.db.execute("SELECT value FROM counts WHERE name = ?", (store.LEASE_BY,)).fetchone()[0] \
                    == other.lease
                _consistent(other)
                assert pending(other) == N  # the window still waits: nothing of it was written
                store.drop_lease(other)
                assert settle(other) == N
                _consistent(other)
                assert _positions(other, [a.title for a in arts]) == _at_once(tmp_path, arts)
        finally:
            other.close()
