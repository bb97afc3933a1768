"""Writing an opened article's read mark, and the reading position of the article left, off the UI thread.

Opening an article marks it read. Written on the UI thread (after the repaint), that write waited for
the library's write lock whenever the background analysis or a feed refresh was committing, and a
commit can run SQLite's WAL checkpoint: 0.5 ms usually, up to 12 ms measured at 100k articles with the
background pass running, inside the next key's time. Here one writer thread with its own connection
takes the marks from a queue, in order; the UI thread only queues them. A reading position
(`save_position`, from parts/reader.py's ReadingPlaces) waited for the same lock and goes through the same
queue, best effort (a position that cannot be written is not reported).

The `m` and `f` toggles (screens/main.py and screens/story.py) go through the same queue: on the UI thread
they waited up to 2 s for the open's mark (`settle`), then wrote under the lock themselves (busy timeout
10 s plus the transaction retry loop 5 s while another program held the write lock: a frozen screen).
A queued mark's value is known at once (`value`, `patch`): the rows and the count show it before it is
written, a second toggle flips the queued value, and the toggle's `done` callback refreshes them after
the write (or says why it failed: the rows then show the stored value again). Those callbacks are handed to the
UI thread by a second thread, so the writer never waits for the UI thread (which may itself be waiting for the
marks: `settle` at quit).
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver
from tui.app.failure import reason


def set_many(lib, ids: tuple[int, ...], field: str, value: bool) -> None:
    """Write one mark of many articles in one transaction (tui.store.reader's)."""
    from tui.store.reader import mark_read, mark_starred

    (mark_read if field == "read" else mark_starred)(lib, list(ids), value)

SETTLE_SECONDS = 2.0  # the longest `settle` waits for queued marks (a library locked for longer: go on)


MARKS = ("read", "starred")  # the fields `set` writes (ArticleRow's and Article's names)


class ReadMarks:
    """Queues read marks for a writer thread; `failed(article_id, error)` is called on the UI thread for an
    open's read mark that could not be written (a locked or damaged library). `pending` says whether marks
    wait to be written; `value` is the queued value of a mark not written yet.

    `settle()` waits until every queued mark is written: call it before reading marks back from the
    library on the UI thread (a toggle right after an open must see the open's mark).
    """

    def __init__(self, host, db_path: Path, failed: Callable[[int, str], None]) -> None:
        self.host = host
        self.db_path = db_path
        self.failed = failed
        self._queue: queue.Queue = queue.Queue()
        self._thread: threading.Thread | None = None
        self._reads = 0  # read marks queued and not written yet (the writer counts them down)
        # (article id, field) -> [marks queued, the last value, when it was queued (a number that only grows)]
        self._values: dict[tuple[int, str], list] = {}
        self._queued = 0
        # `done` and `failed` calls for the UI thread, handed over by a thread of their own: handing them over
        # waits until the UI thread has run them, and the writer waiting so stopped every mark behind them while
        # the UI thread waited for the marks (`settle` at quit: 2 s, then the marks behind were never written)
        self._handoffs: queue.Queue = queue.Queue()
        self._relay: threading.Thread | None = None
        self._reads_lock = threading.Lock()
        self.on_read: Callable[[tuple[int, ...]], None] | None = None  # told of every read mark queued (undo of `A`)
        # read marks of an A or a z being written by a worker of their own (MainScreen.write_marks), shown meanwhile:
        # [None, value, when it was held, the ids (None: every article), the stories' figures (show_stories)], by the
        # token `hold` returned
        self._held: dict[int, list] = {}

    def mark_read(self, article_id: int) -> None:
        """Write `read = 1` for this article soon, off the UI thread."""
        self.set(article_id, "read", True)

    def set(self, article_id: int, field: str, value: bool, done: Callable[[str], None] | None = None) -> None:
        """Write `field` ("read" or "starred") of this article soon, off the UI thread. `done(error)` is called
        on the UI thread once the write is over ("" when it landed); without it a failure goes to `failed`."""
        self.set_many((article_id,), field, value, done)

    def set_many(self, ids, field: str, value: bool, done: Callable[[str], None] | None = None) -> None:
        """`set` for every article of `ids` in one write (one transaction: `m` on a story of 2,000 articles wrote
        2,000 of them, one after another); `done(error)` once, after it."""
        if field not in MARKS:
            raise ValueError(field)
        ids = tuple(ids)
        if not ids:
            return
        if field == "read" and self.on_read is not None:
            self.on_read(ids)
        with self._reads_lock:
            self._queued += 1
            for article_id in ids:
                entry = self._values.setdefault((article_id, field), [0, value, 0])
                entry[0] += 1
                entry[1], entry[2] = value, self._queued
            if field == "read":
                self._reads += len(ids)
        self._put((ids if len(ids) > 1 else ids[0], field, value, done))

    def hold(self, ids, value: bool) -> int:
        """Show the read mark `value` on the rows of `ids` (None: every article) while another thread writes it (an A,
        or z's undo of one): `patch` and `value` give it, as a mark queued now would be; a mark queued after it wins.
        Returns the token `release` takes once the write is over (landed or failed: the library's marks then)."""
        with self._reads_lock:
            self._queued += 1
            self._held[self._queued] = [None, value, self._queued, None if ids is None else frozenset(ids), None]
            return self._queued

    def release(self, token: int) -> None:
        with self._reads_lock:
            self._held.pop(token, None)

    def show_stories(self, token: int, figures: dict[int, int], gained: int) -> bool:
        """The stories list's figures while `token`'s marks are written: `figures` {story id: the rows of it they
        change}, `gained` the stories whose having unread articles they change: for z's unread marks, the stories with
        no unread article that get some (tui.store.reader.stories_unread_again); for an A's read marks, those left
        with none (stories_read_now). Read by the write's worker before it writes. False when the hold is over
        already."""
        with self._reads_lock:
            entry = self._held.get(token)
            if entry is None:
                return False
            entry[4] = (dict(figures), gained)
            return True

    def story_unread(self, story_id: int, figure: int) -> int:
        """A story row's unread figure (`figure`, the stored one) with the marks held: none while an A of every story
        is written, the rows a z makes unread again added while it is, those an A of some articles marks read taken
        away."""
        return self._with_held(figure, lambda figures: figures[0].get(story_id, 0))

    def stories_with_unread(self, count: int) -> int:
        """The stories list's "N with unread" (`count`, as stored) with the marks held (story_unread's)."""
        return self._with_held(count, lambda figures: figures[1])

    def _with_held(self, stored: int, change_of) -> int:
        """A stored story figure with the marks held: 0 while an A of every story is written, else each held write's
        change (`change_of` its (figures, gained)) taken away for read marks, added for unread ones."""
        if not self._held:
            return stored
        if self.every_read_held():
            return 0
        for entry in list(self._held.values()):
            if entry[4]:
                change = change_of(entry[4])
                stored = max(stored - change, 0) if entry[1] else stored + change
        return stored

    def held(self) -> list[tuple[frozenset | None, bool]]:
        """The marks held now, as (the articles, None for every one; the read mark): an unread count made meanwhile
        counts them as written (tui.store.reader.unread_count_marked)."""
        with self._reads_lock:
            return [(entry[3], entry[1]) for entry in self._held.values()]

    def every_read_held(self) -> bool:
        """An A of every article (the whole library's, the stories list's) is being written: every story shows no
        unread article meanwhile."""
        return any(entry[3] is None and entry[1] for entry in list(self._held.values()))

    def _held_for(self, ids) -> list:
        return [entry for entry in self._held.values() if entry[3] is None or any(i in entry[3] for i in ids)]

    @property
    def waiting(self) -> bool:
        """Whether any mark is queued (or held) and not written yet (`patch` changes no row while none is)."""
        return bool(self._values or self._held)

    @property
    def queued(self) -> int:
        """How many times marks were queued since the start (a number that only grows): rows read while it stayed
        the same, with nothing pending when they were read, have every mark the app gave (the story view's read
        ahead)."""
        return self._queued

    def value(self, article_id: int, field: str) -> bool | None:
        """The value of a mark queued and not written yet (the last one queued), None if none waits."""
        if not self._values and not self._held:
            return None
        with self._reads_lock:
            found = [e for e in (self._values.get((article_id, field)),) if e is not None]
            if field == "read":
                found += self._held_for((article_id,))
            return max(found, key=lambda e: e[2])[1] if found else None

    def snapshot(self) -> dict:
        """The marks queued and not written yet, as they are now: taken before rows are read, `patch(row, before=)`
        gives the rows the marks of then too. (A mark written between the read and the patch was no longer queued
        when the rows were patched, and not yet in the library when they were read: a story opened as its mark was
        being written showed the article unread.)"""
        if not self._values:
            return {}
        with self._reads_lock:
            return {key: list(entry) for key, entry in self._values.items()}

    def patch(self, row, copies=(), before: dict | None = None):
        """Give a row read from the library (ArticleRow, Article) the marks queued for it; returns it.

        A mark queued for a copy of its text (`row.twins`, or `copies`: the same text from other outlets, shown
        as this one row) counts as the row's: the library sets every copy's mark with it (migrations 12 and 13).
        The mark queued last wins. `before`: a `snapshot` taken before the row was read (its marks count too)."""
        if self._values or self._held or before:
            ids = (row.id, *(getattr(row, "twins", None) or ()), *copies)
            with self._reads_lock:
                for field in MARKS:
                    found = [e for e in (self._values.get((i, field)) for i in ids) if e is not None]
                    if field == "read" and self._held:
                        found += self._held_for(ids)
                    if before:
                        found += [e for e in (before.get((i, field)) for i in ids) if e is not None]
                    if found:
                        setattr(row, field, max(found, key=lambda e: e[2])[1])
        return row

    def save_position(self, article_id: int, place: int) -> None:
        """Write the reading position of this article soon, off the UI thread (0 forgets it)."""
        self._put((article_id, "place", place, None))

    def _put(self, job: tuple) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="read-marks", daemon=True)
            self._thread.start()
        self._queue.put(job)

    @property
    def pending(self) -> bool:
        """True while queued marks wait to be written (never blocks)."""
        return bool(self._queue.unfinished_tasks)

    @property
    def reads_pending(self) -> bool:
        """True while queued read marks (not reading positions, which change no count) wait to be written."""
        return self._reads > 0

    def settle(self, timeout: float | None = None) -> bool:
        """Wait (at most `timeout` seconds, SETTLE_SECONDS if None) until the queued marks are written; False if
        some still wait.

        Not on the UI thread where it can be avoided: another program holding the library's write lock makes
        it wait the whole `timeout` (the unread count waits in its worker: main.py's count_unread)."""
        timeout = SETTLE_SECONDS if timeout is None else timeout
        done = self._queue.all_tasks_done
        with done:
            if self._queue.unfinished_tasks:
                return done.wait_for(lambda: not self._queue.unfinished_tasks, timeout)
        return True

    def stop(self) -> None:
        """Write what is queued (the app may be quitting), then let the writer thread close and end."""
        if self._thread is not None:
            self.settle()
            self._queue.put(None)
            self._thread = None

    def _run(self) -> None:
        from tui.store import Library, StoreError
        from tui.store.reader import save_position

        lib = None
        try:
            while True:
                job = self._queue.get()
                if job is None:
                    with self._reads_lock:
                        if self._relay is not None:
                            self._handoffs.put(None)  # after what it has to hand over: it ends too
                            self._relay = None
                    self._queue.task_done()
                    return
                article_id, field, value, done = job
                ids = article_id if isinstance(article_id, tuple) else (article_id,)
                error = ""
                try:
                    if lib is None:
                        lib = Library(self.db_path)
                    if len(ids) > 1:  # set_many: one transaction
                        set_many(lib, ids, field, value)
                    elif field == "read":
                        lib.set_read(article_id, value)
                    elif field == "starred":
                        lib.set_starred(article_id, value)
                    else:
                        try:
                            save_position(lib, article_id, value)
                        except (StoreError, sqlite3.DatabaseError):
                            pass  # best effort: a read-only or damaged library keeps no positions
                except (StoreError, sqlite3.DatabaseError, OSError) as exc:
                    error = reason(exc)
                except Exception as exc:  # never let the writer die: later marks would wait in the queue
                    error = reason(exc)
                finally:
                    if field in MARKS:
                        with self._reads_lock:
                            for one in ids:
                                entry = self._values[(one, field)]
                                entry[0] -= 1
                                if not entry[0]:  # the last one queued is written: the library has the value
                                    del self._values[(one, field)]
                            if field == "read":
                                self._reads -= len(ids)
                    self._queue.task_done()  # before the hand-off: `settle` on the UI thread may be waiting
                if done is not None:
                    self._hand_off(done, error)
                elif error:
                    for one in ids:
                        self._hand_off(self.failed, one, error)
        finally:
            if lib is not None:
                lib.close()

    def _hand_off(self, callback, *args) -> None:
        """Have `callback(*args)` run on the UI thread, without the writer waiting for it."""
        with self._reads_lock:
            if self._relay is None:
                self._relay = threading.Thread(target=self._run_relay, name="read-marks-done", daemon=True)
                self._relay.start()
        self._handoffs.put((callback, args))

    def _run_relay(self) -> None:
        while True:
            job = self._handoffs.get()
            if job is None:
                self._handoffs.task_done()
                return
            callback, args = job
            try:
                if self.host.is_attached:
                    deliver(self.host, callback, *args)
            finally:
                self._handoffs.task_done()

    def handed_over(self, timeout: float | None = None) -> bool:
        """Wait (not on the UI thread: it runs what is handed over) until every `done`/`failed` call of the marks
        written so far has run on the UI thread; False if some still wait after `timeout` seconds."""
        done = self._handoffs.all_tasks_done
        with done:
            return done.wait_for(lambda: not self._handoffs.unfinished_tasks, timeout)
