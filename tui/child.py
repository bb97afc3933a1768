"""Work on untrusted markup in a child process with a deadline: the child is killed when it runs over.

A pure-Python parser holds the interpreter for as long as it runs, and hostile markup costs it ~7 us a byte or ~100 us
an element (a 20 MB page: minutes). A child process keeps that off the caller's process (the app's screen) and can be
killed at a deadline, which a thread cannot. Starting one costs ~0.13 s of CPU and the extractor's import ~0.3 s more,
so inside `kept()` (a batch of files) a child that answered in time is kept for the next document.
"""

from __future__ import annotations

import os
import threading
import time
from contextlib import contextmanager

# A document from this size on is worked on in a child: smaller ones at once (a feed is typically tens of KB, a saved
# page ~120 KB; 256 KB of the worst markup is under 2 s of CPU).
CHILD_FROM = 256 * 1024
CHILDREN = 2  # children at work at once in one process (each holds a document; the machine's cores do the work)
IDLE_SECONDS = 60.0  # a kept child with no work for this long ends by itself
_REUSE_SECONDS = IDLE_SECONDS - 15  # ... so the parent takes back only one idle for less than this
# The deadline is the child's CPU time where the system tells it (Linux /proc): on a loaded machine a page that takes
# 2 s of CPU can take 20 s of wall time, and was given up. The wall clock still ends a child after WALL_TIMES the
# deadline, and never before WALL_FLOOR seconds more than it (a child that gets no CPU at all, or stops in a wait);
# where its CPU time cannot be read, the wall clock is the deadline.
WALL_TIMES = 10
WALL_FLOOR = 30.0


def wall_limit(seconds: float) -> float:
    """The wall time a child given `seconds` of CPU may take at most (200 s for 20 s)."""
    return max(seconds * WALL_TIMES, seconds + WALL_FLOOR)

_STEP = 0.25  # seconds between looks at the child's CPU time
# Wall time the document's send to the child may take: a child that runs reads it at once (a 20 MB document goes
# through the pipe in milliseconds; starting a child ~0.5 s, several on a loaded machine). Its own deadline, so a child
# that never reads (stopped, stuck in its start) cannot hold the caller before the parse's deadline begins.
SEND_SECONDS = 30.0
# Wall time the reading of the child's answer may take once its first bytes are there (the answer goes through the
# pipe in milliseconds too): a child that stops halfway through its answer held the caller for good.
RECV_SECONDS = 30.0

_children = threading.BoundedSemaphore(CHILDREN)
_lock = threading.Lock()
_idle: list[tuple[int, float, object, object]] = []  # (owner pid, idle since, Process, our end of its pipe)
_keep = 0  # > 0: children that answered are kept for the next call (inside `kept()`, or in a worker process)


class ChildError(Exception):
    """The work did not come back: the deadline passed, the child died, or the work raised (one-line reason)."""


def in_child(fn, args: tuple, kwargs: dict | None = None, *, seconds: float, size: int, error=ChildError,
             tail: str = "given up this time"):
    """`fn(*args, **kwargs)` (a module-level function; picklable arguments and result) in a child process, killed
    after `seconds`: its result, or `error` (a ChildError class) saying why not, `tail` after the reason. `size`: the
    bytes of markup it reads, for the deadline's message. At most CHILDREN at once."""
    with _children:
        child, mine = _take() or _start()
        keep = False
        try:
            if (sent := _send(child, mine, (fn, args, kwargs or {}))) is not None:
                raise error(f"{sent}; {tail}")
            if (over := _wait(child, mine, seconds)) is not None:
                raise error(f"took more than {over} to read ({size / (1024 * 1024):.1f} MB of markup); {tail}")
            if (why := _recv(child, mine, answer := [])) is not None:
                raise error(f"{why}; {tail}")
            ok, value = answer[0]
            keep = True
        finally:
            if not (keep and _put(child, mine)):
                _end(child, mine)
    if not ok:
        raise error(value)
    return value


def _send(child, mine, work) -> str | None:
    """Send the work to the child, given SEND_SECONDS: None once sent, else why not. The send blocks until the child
    reads (a document is larger than the pipe's buffer), and a child that never reads it (stopped, stuck in its
    start) held `add` or the app's refresh for good: the send is a thread's, and the child is killed at the deadline
    (its end of the pipe closed, the thread's write fails and it ends)."""
    failed = _bounded(child, lambda: mine.send(work), SEND_SECONDS, "newsreader-send")
    if failed is LATE:
        return f"its parser did not take the document in {SEND_SECONDS:g} s (stuck?)"
    if failed is None:
        return None
    if isinstance(failed, (OSError, ValueError)):  # the child is gone (a broken pipe)
        return "its parser stopped before it began"
    return f"{type(failed).__name__}: {failed}"[:120]  # (the work is not picklable)


def _recv(child, mine, answer: list) -> str | None:
    """Read the child's answer into `answer`, given RECV_SECONDS: None once read, else why not. The answer's first
    bytes are there (_wait), but a child that stops (SIGSTOP, stuck in a write) after a part of a large answer held
    `add` or the app's refresh in recv() for good: the read is a thread's, and the child is killed at the deadline (the
    thread's read then ends, the pipe closed on the other side)."""
    failed = _bounded(child, lambda: answer.append(mine.recv()), RECV_SECONDS, "newsreader-recv")
    if failed is LATE:
        return f"its parser stopped halfway through its answer ({RECV_SECONDS:g} s)"
    if failed is None:
        return None
    if isinstance(failed, (EOFError, OSError)):  # the child died (out of memory, killed)
        return "its parser stopped (out of memory?)"
    return f"{type(failed).__name__}: {failed}"[:120]  # (the answer does not unpickle)


LATE = object()  # what _bounded returns when its call did not end in time


def _bounded(child, call, seconds: float, name: str):
    """`call()` (a send to or a read from the child's pipe) in a thread of its own, given `seconds`: LATE when it did
    not end by then (the child is then killed: its end of the pipe closed, the call fails and its thread ends), else
    the exception it raised, or None."""
    failed: list[BaseException] = []
    done = threading.Event()

    def run() -> None:
        try:
            call()
        except Exception as exc:
            failed.append(exc)
        finally:
            done.set()

    threading.Thread(target=run, name=name, daemon=True).start()
    if not done.wait(seconds):
        child.kill()
        done.wait(5)
        return LATE
    return failed[0] if failed else None


def _wait(child, mine, seconds: float) -> str | None:
    """Wait for the child's answer on `mine`: None once it is there, else what ran out ("20 s of CPU", or "200 s"
    of the wall clock)."""
    start = cpu_seconds(child.pid)
    if start is None:
        return None if mine.poll(seconds) else f"{seconds:g} s"
    wall = time.monotonic() + wall_limit(seconds)
    step = min(_STEP, seconds / 4)
    while not mine.poll(step):
        used = cpu_seconds(child.pid)
        if used is not None and used - start >= seconds:
            return f"{seconds:g} s of CPU"
        if time.monotonic() >= wall or used is None and not child.is_alive():
            return f"{wall_limit(seconds):g} s"
    return None


def cpu_seconds(pid: int) -> float | None:
    """The CPU time (user and system) process `pid` has used, from /proc; None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rpartition(b")")[2].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def kept():
    """Within this block (a batch of files), children that answered in time are kept for the next document, and
    ended when the outermost block ends."""
    global _keep
    with _lock:
        _keep += 1
    try:
        yield
    finally:
        with _lock:
            _keep -= 1
            last = _keep == 0
        if last:
            stop_idle()


def keep_children() -> None:
    """Keep children for the life of this process (a worker of a process pool: its exit ends them, daemons)."""
    global _keep
    with _lock:
        _keep += 1


def stop_idle() -> None:
    """End the kept children of this process."""
    with _lock:
        idle = [entry for entry in _idle if entry[0] == os.getpid()]
        _idle.clear()
    for _, _, child, mine in idle:
        _end(child, mine)


def _take():
    """An idle child of this process that can take work, or None (stale ones are ended)."""
    now, found, stale = time.monotonic(), None, []
    with _lock:
        while _idle and found is None:
            owner, since, child, mine = _idle.pop()
            if owner == os.getpid() and now - since < _REUSE_SECONDS and child.is_alive():
                found = (child, mine)
            elif owner == os.getpid():  # (a forked process's copy of its parent's list is not its own)
                stale.append((child, mine))
    for child, mine in stale:
        _end(child, mine)
    return found


def _put(child, mine) -> bool:
    with _lock:
        if _keep <= 0 or len(_idle) >= CHILDREN:
            return False
        _idle.append((os.getpid(), time.monotonic(), child, mine))
        return True


def tracker_ready() -> None:
    """Start multiprocessing's resource tracker (every spawned child needs it) with a real stderr to hand it. Inside
    the app, Textual's sys.stderr says its file descriptor is -1, and the tracker's start failed with "ValueError: bad
    value(s) in fds_to_keep": in a terminal, the app's add dialog said a page of 256 KB or more "could not parse", and
    a large feed failed the same way. The tracker gets the null device for its stderr then (its warnings would draw
    over the app's screen); sys.stderr is put back at once."""
    import sys

    err = sys.stderr
    try:
        usable = err is not None and err.fileno() >= 0
    except (OSError, ValueError, AttributeError):  # (io.UnsupportedOperation is an OSError and a ValueError)
        usable = False
    if usable:
        return
    from multiprocessing import resource_tracker

    with _lock, open(os.devnull, "w") as null:
        sys.stderr = null
        try:
            resource_tracker.ensure_running()
        finally:
            sys.stderr = err


def _start():
    import multiprocessing

    tracker_ready()
    ctx = multiprocessing.get_context("spawn")  # not forked: the process runs threads (one may hold a lock)
    mine, theirs = ctx.Pipe()
    # The work goes through our own pipe once the child runs, not as the Process's arguments: those are written
    # to the child while this process still holds the pipe's other end, so a child that died before reading them
    # (killed, out of memory) left the write of a 3 MB document blocked for good.
    child = ctx.Process(target=_serve, args=(theirs, os.getpid()), name="newsreader-parse", daemon=True)
    child.start()
    theirs.close()
    return child, mine


def _end(child, mine) -> None:
    mine.close()
    if child.is_alive():
        child.kill()
    child.join(5)


def _serve(conn, parent: int) -> None:
    """In the child: read (fn, args, kwargs) from `conn` and send back (True, fn's result) or (False, why it raised),
    until the parent closes its end or IDLE_SECONDS pass without work."""
    from tui.lifeline import die_with_parent

    die_with_parent(parent, kernel=False)  # (started from a fetch thread, which the kernel would take for the parent)
    try:
        while conn.poll(IDLE_SECONDS):
            try:
                fn, args, kwargs = conn.recv()
            except EOFError:
                break
            try:
                answer = (True, fn(*args, **kwargs))
            except ChildError as exc:
                answer = (False, str(exc))
            except Exception as exc:  # a bug must not leave the caller waiting out the deadline
                answer = (False, f"{type(exc).__name__}: {exc}"[:120])
            try:
                conn.send(answer)
            except Exception as exc:  # a result that cannot be sent (not picklable)
                conn.send((False, f"{type(exc).__name__}: {exc}"[:120]))
    finally:
        conn.close()
