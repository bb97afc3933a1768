"""A backlog of articles in no story is grouped in a child process, not in the app's (tui/app/parts/sources.py
`_aside`, tui.background.group_main).

The app's folder scan or quiet round grouped whatever waited in its own process: opened on a library of 100,000
articles imported with `add` (which leaves them to the app), it grouped them all there, holding ~300 MB more for good
and slowing every key while it ran (the memory bench: @100k 3.6x @100). From GROUP_ASIDE_FROM articles on they are
grouped by a child process; fewer are still grouped in the app's own (against the stories kept from the last call).
Our own generated articles (tests/stories/test_window_size.py).

The tests wait for the child to end, not for a wall-clock time: the app starts it at nice 19 in the idle scheduling
class (tui.background.lower_priority), where at load ~17 it waited for a core longer than the 120 s the tests gave
it. Here it runs at the test's own priority (the app still asks for GROUP_ASIDE_NICE: checked), a child that burns
CPU without end is stopped by its CPU time, and one blocked without using CPU by a wall bound no load reaches."""

from __future__ import annotations

import os
import threading
import time

import pytest

from tests.stories.test_settle import N, _Host, _partition, at_once  # noqa: F401 (a fixture)
from tests.stories.test_window_size import _stream
from tui.store import Library
from tui.store import stories as store
from tui.stories.regroup_window import pending


@pytest.fixture
def only_aside(monkeypatch):
    """The threshold lowered to the test's size, and grouping in this process made to fail (the child's is its own)."""
    from tui.app.parts import sources
    from tui.stories import grouping

    def here(lib, *args, **kwargs):
        sources.grouped_here.append(store.ungrouped_count(lib))
        raise AssertionError("grouped in the app's process")

    from tui import background

    command = background.group_command

    def at_our_priority(path, settle=False, nice=0):
        sources.nice_asked.append(nice)
        return command(path, settle, 0)  # not idle-class: it gets a core under any load

    monkeypatch.setattr(sources, "GROUP_ASIDE_FROM", 20, raising=False)
    monkeypatch.setattr(sources, "grouped_here", [], raising=False)
    monkeypatch.setattr(sources, "nice_asked", [], raising=False)
    monkeypatch.setattr(grouping, "_group_new", here)
    monkeypatch.setattr(background, "group_command", at_our_priority)
    return sources


CHILD_CPU_SECONDS = 120  # the child groups some dozens of articles: a few seconds of CPU
BLOCKED_SECONDS = 1800  # a child alive this long without using up its CPU bound is blocked (a lock never let go)


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a running process (Linux /proc; 0 where there is none)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _told_when_grouped(refresh, settled: threading.Event) -> None:
    """Wait until the grouping child has ended and the thread awaiting it has told the screen; assert it did. The
    child is killed and the test fails if it uses CHILD_CPU_SECONDS of CPU or lives BLOCKED_SECONDS."""
    child = refresh.grouping
    assert child is not None, "no grouping process was started"
    start = time.monotonic()
    while child.poll() is None:
        cpu, alive = _cpu_seconds(child.pid), time.monotonic() - start
        if cpu > CHILD_CPU_SECONDS or alive > BLOCKED_SECONDS:
            child.kill()
            child.wait()
            raise AssertionError(f"the grouping process ran {alive:.1f} s, {cpu:.1f} s of CPU, without ending")
        time.sleep(0.05)
    for thread in threading.enumerate():
        if thread.name == "grouping-child":
            thread.join()  # its child has ended: it reads the end of its output and tells the screen
    assert settled.is_set(), f"the screen was not told (the child's exit code {child.returncode})"


def _refresh(sources, lib_path, landing: list[list]):
    """A SourcesRefresh whose rounds' folder scans bring `landing`'s lists in turn; (refresh, round, settled event)."""
    settled = threading.Event()

    def scan(self, lib, lines, head):
        got = landing.pop(0) if landing else []
        lib.add_many(got)
        return len(got)

    refresh = sources.SourcesRefresh(_Host(), lib_path, lambda: None, lambda *a: None, settled.set)
    refresh._scan = scan.__get__(refresh)

    def round_() -> None:
        refresh._queued = None
        refresh._stop = threading.Event()
        refresh._worker(None, True, False, False, refresh._stop)

    return refresh, round_, settled


def _ids(lib_path) -> list[int]:
    with Library(lib_path) as lib:
        return [r[0] for r in lib.db.execute("SELECT id FROM articles ORDER BY id")]


def test_a_backlog_in_the_library_is_grouped_in_a_child_process_as_at_once(lib_path, at_once, only_aside):
    with Library(lib_path) as lib:
        lib.add_many(_stream(N))  # as `add` leaves a big import: in no story
    refresh, round_, settled = _refresh(only_aside, lib_path, [])
    round_()  # a quiet round: the backlog goes to a child
    assert only_aside.grouped_here == []
    child = getattr(refresh, "grouping", None)
    assert child is not None
    _told_when_grouped(refresh, settled)  # the screen is told once it is done
    assert only_aside.nice_asked == [only_aside.GROUP_ASIDE_NICE] == [19]  # the app's child: niced, idle class
    with Library(lib_path) as lib:
        assert store.ungrouped_count(lib) == 0 and pending(lib) == 0
        assert _partition(lib, _ids(lib_path)) == at_once  # as grouped in one call
        assert lib.lease is None and not store.lease_taken(lib)  # let go


def test_a_big_scan_is_grouped_in_a_child_and_a_small_one_here(lib_path, only_aside, monkeypatch):
    arts = _stream(N)
    refresh, round_, settled = _refresh(only_aside, lib_path, [arts[:N - 5], arts[N - 5:]])
    round_()  # N - 5 land: too many for the app's process
    assert only_aside.grouped_here == []
    _told_when_grouped(refresh, settled)
    with Library(lib_path) as lib:
        assert store.ungrouped_count(lib) == 0
    from tui.stories import grouping

    here = []
    monkeypatch.setattr(grouping, "_group_new", lambda lib, *a, **k: here.append(store.ungrouped_count(lib)) or (0, 0))
    round_()  # 5 land: grouped here (as they were)
    assert here == [5]


def test_no_child_while_another_grouper_holds_the_lease(lib_path, only_aside):
    with Library(lib_path) as lib:
        lib.add_many(_stream(30))
        assert store.take_lease(lib, 120)  # this process groups (alive: waited for)
        refresh, round_, settled = _refresh(only_aside, lib_path, [])
        round_()
        assert refresh.grouping is None  # it places them: no process started for nothing
        store.drop_lease(lib)
    round_()
    _told_when_grouped(refresh, settled)


def test_the_analysis_pass_child_groups_its_backlog_in_a_process_of_its_own(lib_path, only_aside, monkeypatch,
                                                                             capsys):
    """The background pass's child (tui.background.child_main) grouped the backlog in its own process and then
    analysed for hours holding the grouping's heap (~290 MB at 100,000 articles). It now has the grouping done by a
    process that ends (group_apart): grouping here fails in this test, and the backlog is grouped all the same."""
    from tui import background, lifeline

    with Library(lib_path) as lib:
        lib.add_many(_stream(30))
    analysed = []
    monkeypatch.setattr(background, "analyse_library", lambda path, **kw: analysed.append(path) or 0)
    monkeypatch.setattr(background.signal, "signal", lambda *a: None)  # (this process's handlers stay)
    monkeypatch.setattr(lifeline, "die_with_parent", lambda *a, **k: None)
    background.child_main([str(lib_path), "0"])
    said = capsys.readouterr().out.splitlines()
    assert said == ["grouped 30", "finished 0"], said
    assert only_aside.grouped_here == [] and analysed == [str(lib_path)]
    with Library(lib_path) as lib:
        assert store.ungrouped_count(lib) == 0 and not store.lease_taken(lib)
    import subprocess

    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: pytest.fail("a process started for no backlog"))
    background.child_main([str(lib_path), "0"])  # nothing waits: no process started
    assert capsys.readouterr().out.splitlines() == ["grouped 0", "finished 0"]
