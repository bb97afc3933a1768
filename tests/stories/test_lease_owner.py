"""The grouping lease of a process that was killed while it grouped (issue 13).

One grouper at a time holds the library (tui/store/stories.py take_lease). A grouper killed mid-grouping (the app
closed by the system, `stories --rebuild` interrupted) left its lease to lapse: every other grouping, the app's and
the next `stories`, was held off for its 120 s, the new articles listed in no story. Its holder's process is looked
up now: one of this machine that no longer runs lets the next grouper in at once; one that still runs, or one of
another machine (which this one cannot look at), is waited for as before."""

from __future__ import annotations

import os
import signal

from tests.stories.samples import ALL
from tests.stories.test_two_processes import go, grouping_process
from tui.store import Library
from tui.store import stories as store
from tui.stories import group_new

# groups the samples and stops inside its first write, the lease taken, until killed
HOLDER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from tests.stories.samples import ALL
from tui.store import Library
from tui.store import stories as store
from tui.stories import group_new

def stuck(*args, **kwargs):
    print("holding", flush=True)
    time.sleep(600)
store.save_groups = stuck
with Library(sys.argv[1]) as lib:
    lib.add_many(ALL[:4])
    print("ready", flush=True)
    sys.stdin.readline()
    group_new(lib)
"""


def _holding(holder) -> None:
    go(holder)
    assert holder.stdout.readline().strip() == "holding"


def _one_more(lib_path) -> int:
    """Another article lands; how many articles grouping places now."""
    with Library(lib_path) as lib:
        lib.add(ALL[4])
        return group_new(lib)


def test_a_killed_groupers_lease_is_taken_over_at_once(lib_path):
    with grouping_process(lib_path, HOLDER) as holder:
        _holding(holder)
        assert _one_more(lib_path) == 0  # it runs: its lease is waited for
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
        with Library(lib_path) as lib:
            assert lib.db.execute("SELECT count(*) FROM story_articles").fetchone()[0] == 0
            assert group_new(lib) == 5  # at once: its four and the fifth, not after 120 s
            assert lib.lease is None  # let go again


def test_a_killed_process_not_yet_waited_for_is_ended_too(lib_path):
    """Killed and not yet reaped by its parent (a zombie): it runs no more."""
    with grouping_process(lib_path, HOLDER) as holder:
        _holding(holder)
        os.kill(holder.pid, signal.SIGKILL)
        os.waitid(os.P_PID, holder.pid, os.WEXITED | os.WNOWAIT)  # ended, left unreaped
        with Library(lib_path) as lib:
            assert group_new(lib) == 4


def test_a_lease_held_from_another_machine_is_waited_for(lib_path):
    with grouping_process(lib_path, HOLDER) as holder:
        _holding(holder)
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=30)
    with Library(lib_path) as lib:  # as if the holder had run on another machine sharing the library
        with lib.transaction() as db:
            db.execute("UPDATE counts SET value = value + 1 WHERE name = ?", (store.LEASE_OWNER[0],))
    assert _one_more(lib_path) == 0
    with Library(lib_path) as lib:  # one of this machine whose pid is now another process's (started later)
        with lib.transaction() as db:
            db.execute("UPDATE counts SET value = value - 1 WHERE name = ?", (store.LEASE_OWNER[0],))
            db.execute("UPDATE counts SET value = ? WHERE name = ?", (os.getpid(), store.LEASE_OWNER[1]))
        assert group_new(lib) == 5
