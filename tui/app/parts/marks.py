"""Writing an opened article's read mark, and the reading position of the article left, off the UI thread.

Opening an article marks it read. Written on the UI thread (after the repaint), that write waited for
the library's write lock whenever the background analysis or a feed refresh was committing, and a
commit can run SQLite's WAL checkpoint: 0.5 ms usually, up to 12 ms measured at 100k articles with the
background pass running, inside the next key's time. Here one writer thread with its own connection
takes the marks from a queue, in order; the UI thread only queues them. A reading position
(`save_position`, from parts/reader.py's ReadingPlaces) waited for the same lock and goes through the same
queue, best effort (a position that cannot be written is not reported).
"""

from __future__ import annotations

import queue
import sqlite3
import threading
from pathlib import Path
from typing import Callable

from tui.app.parts.threads import deliver

SETTLE_SECONDS = 2.0  # the longest `settle` waits for queued marks (a library locked for longer: go on)


class ReadMarks:
    """Queues read marks for a writer thread; `failed(article_id, error)` is called on the UI thread for a mark
    that could not be written (a locked or damaged library). `pending` says whether marks wait to be written.

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
        self._reads_lock = threading.Lock()

    def mark_read(self, article_id: int) -> None:
        """Write `read = 1` for this article soon, off the UI thread."""
        with self._reads_lock:
            self._reads += 1
        self._put((article_id, None))

    def save_position(self, article_id: int, place: int) -> None:
        """Write the reading position of this article soon, off the UI thread (0 forgets it)."""
        self._put((article_id, place))

    def _put(self, job: tuple[int, int | None]) -> None:
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
                    self._queue.task_done()
                    return
                article_id, place = job
                error = ""
                try:
                    if lib is None:
                        lib = Library(self.db_path)
                    if place is None:
                        lib.set_read(article_id, True)
                    else:
                        try:
                            save_position(lib, article_id, place)
                        except (StoreError, sqlite3.DatabaseError):
                            pass  # best effort: a read-only or damaged library keeps no positions
                except (StoreError, sqlite3.DatabaseError, OSError) as exc:
                    error = " ".join(str(exc).split())[:200]
                except Exception as exc:  # never let the writer die: later marks would wait in the queue
                    error = f"{type(exc).__name__}: {' '.join(str(exc).split())[:160]}"
                finally:
                    if place is None:
                        with self._reads_lock:
                            self._reads -= 1
                    self._queue.task_done()  # before the hand-off: `settle` on the UI thread may be waiting
                if error and self.host.is_attached:
                    deliver(self.host, self.failed, article_id, error)
        finally:
            if lib is not None:
                lib.close()
