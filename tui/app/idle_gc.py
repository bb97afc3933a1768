"""Full garbage collections while the reader pauses, not in the middle of a key.

After the first paint the start-up's objects are frozen (`MainScreen`'s `_freeze_and_collect`), so they are not
counted as long-lived, and Python's rule for a full collection (after ten middle ones, once a quarter as many
objects wait as live long) then fires about once a second while articles and stories are read. Each full pass
walks every object made since the freeze: at 100,000 articles 20-130 ms of the UI thread (the `keys` bench with
gc.callbacks: 21 full passes in 36 s; one `esc` back from a story in ten took 50-80 ms, all of it a full pass).

IdleCollector takes the full collection from Python (its threshold raised to HOLD middle collections: never, in
practice) and runs it when no key or mouse event has come for IDLE seconds and a middle collection happened since
the last full one (so something may be waiting). Young objects are still collected as before. A reader who never
pauses still gets a full pass, between two events, once FULL_EVERY middle collections have happened and OVERDUE
seconds have passed since the last one.

Until app31 the threshold was FULL_EVERY itself, and Python's rule still ran a full pass in the middle of keys every
~100 middle collections (~30 s of the `keys` bench's presses at 100,000 articles): one key in 209 of each run held
one of 81-103 ms CPU, each time a story's first opening (`bench/gc_pauses.py`: ~95,000 objects walked, most of them
the caches of drawn lines, Textual's Strips and their FIFOCaches). Now none lands in a key there.

The engine's warm-up asks for a `gc.freeze()` (its modules live as long as the app). gc.freeze() sets the
collector's counts to 0, so a full collection that was waiting looked done, and it froze whatever garbage was
waiting for that collection (kept for the life of the app). `freeze_soon` makes it part of the next full
collection here instead: collect, then freeze, at the reader's pause (or an overdue pass between two events).

A key can come as the pause ends: the timer's tick runs in its own task, so a key the terminal had already handed to
the app, still queued, waited for the whole collection (app32's `bench/gc_pauses.py`: one idle pass of 30 ms CPU met a
`j` in 6 runs). `pending()` (the app: an input event waiting in its queues) makes that tick wait for the next pause.

At the first such pause after a key, a full collection or `freed()` (an analysis just landed), it also gives the
C heap's free pages back to the system (`release`: tui/app/heap.py's `trim`, a few ms): glibc keeps what was
freed, ~5 MB of an app at 100 articles after an article's analysis.
"""

from __future__ import annotations

import gc
import time
from typing import Callable

IDLE = 1.0  # seconds without input before a full collection may run
CHECK = 0.5  # how often the app asks
FULL_EVERY = 100  # middle (generation 1) collections before a full one runs without a pause (Python's default: 10)
OVERDUE = 30.0  # ... and seconds since the last full one
HOLD = 1_000_000  # Python's threshold for its own full collections while this one runs them: never, in practice


class IdleCollector:
    """When to run the full garbage collection: `input()` on every key/mouse event, `tick()` on a timer."""

    def __init__(self, clock: Callable[[], float] = time.monotonic, release: Callable[[], object] | None = None,
                 pending: Callable[[], bool] | None = None) -> None:
        self.clock = clock
        self.pending = pending  # True while input waits to be handled: no full collection at a pause then
        self.put_off = 0  # pauses whose collection waited for a key already there
        self.last_input = clock()
        self.started = False
        self.collections = 0  # full collections run here
        self.release = release
        self.release_due = release is not None  # something was freed since the last release
        self.releases = 0
        self._threshold: tuple[int, int, int] | None = None  # Python's, put back by stop()
        self.last_full = clock()  # when the last full collection ran here (or started)
        self.overdue = 0  # full collections run without a pause (the reader never paused for OVERDUE seconds)
        self.freeze_due = False  # a gc.freeze() asked for (freeze_soon), run after the next full collection
        self.freezes = 0

    def start(self) -> None:
        """Take over the full collection's timing (after the start-up's objects are frozen)."""
        if self.started:
            return
        self._threshold = gc.get_threshold()
        first, middle, _ = self._threshold
        gc.set_threshold(first, middle, HOLD)
        self.started = True
        self.last_full = self.clock()

    def stop(self) -> None:
        """Give the timing back (the app is closing; in tests, the next app starts from Python's own)."""
        if self.started and self._threshold is not None:
            gc.set_threshold(*self._threshold)
        self.started = False

    def input(self) -> None:
        self.last_input = self.clock()
        self.freed()

    def freed(self) -> None:
        """Much was freed (an analysis landed): the next pause gives the heap's free pages back."""
        self.release_due = self.release is not None

    def freeze_soon(self) -> None:
        """Freeze what lives now out of later full collections, after the next full collection (from any thread)."""
        self.freeze_due = True

    def tick(self) -> bool:
        """Run a full collection if the reader has paused and one may be due, or one is overdue; True if one ran."""
        if not self.started or not gc.isenabled():  # off: an analysis runs (tui/engine/gcpause.py) or start-up
            return False
        now, waiting = self.clock(), gc.get_count()[2]
        freeze = self.freeze_due
        if now - self.last_input < IDLE:
            if waiting < FULL_EVERY or now - self.last_full < OVERDUE:
                return False
            self.overdue += 1  # keys without a pause for OVERDUE seconds: memory still comes back
        elif (waiting != 0 or freeze) and self.pending is not None and self.pending():
            self.put_off += 1  # the pause has just ended: its key is queued (the next pause collects)
            return False
        collected = waiting != 0 or freeze
        if collected:
            gc.collect(2)
            self.collections += 1
            self.last_full = now
            if freeze:  # what lives now, with the garbage gone: the counts it sets to 0 are a full pass's own
                self.freeze_due = False
                gc.freeze()
                self.freezes += 1
        if self.release is not None and (collected or self.release_due):
            self.release_due = False
            self.releases += 1
            self.release()
        return collected
