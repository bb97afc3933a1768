"""The story view's read ahead makes a story's summary in a child process (tui/stories/summary_child.py), not in a
thread of the app: a big story's summary is hundreds of milliseconds of pure Python, and in a thread it held the
GIL beside the keys (j/k of 3 ms of CPU took 9-43 ms while it ran). The thread that asks waits on the pipe, which
holds no GIL. Since session 30 the child also builds and wraps the story view's items for the view's widths
(tui/app/screens/story_items.py `serve` runs tui/stories/summary_child.py's loop with them), which the app only turns
back into items.

One child for the app, started when story mode is first turned on (or at the first read ahead that needs a summary
made), kept while the app runs (its imports and its own kept summaries serve the next rests), stopped with the main screen.
A child that cannot be started, or that died, is said to the caller by `None` and the summary is made in the
thread as before; it is started again at the next need. `$NEWSREADER_AHEAD_CHILD=0` turns it off (the UI tests do:
their pictures and monkeypatches are of one process; tests/ui/test_story_ahead_child.py turns it on).
"""

from __future__ import annotations

import json
import os
import pickle
import select
import struct
import subprocess
import sys
import threading
import time

WAIT = 30.0  # seconds an answer may take (a story of any size is summarised from at most 60 articles: ~1 s)


def enabled() -> bool:
    return os.environ.get("NEWSREADER_AHEAD_CHILD", "1").strip() not in ("0", "off", "no", "")


class SummaryChild:
    """`summarise(db_path, story_id, widths)` -> ("ok", (row, summary, rows, items)) / ("gone", None) / ("error", why), or None
    when no child answered (the caller makes the summary itself). One request at a time (a lock)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._child: subprocess.Popen | None = None
        self.started = 0  # children started (tests, the bench)

    def summarise(self, db_path, story_id: int, widths: tuple[int, int] | None = None):
        """`widths`: the story view's two lists' widths, for the view's items made in the child (the payload's fourth
        part: tui/app/screens/story_items.py `plain`), or None."""
        with self._lock:
            child = self._child
            if child is None or child.poll() is not None:
                child = self._start()
                if child is None:
                    return None
            try:
                from tui.store.library import reads_newer_as_is

                path = os.path.abspath(os.fspath(db_path))  # (the child runs in the package's folder)
                # (a library upgraded by a newer newsreader meanwhile, which this app reads as it is: the child reads
                # it so too; it answered "StoreError: … please upgrade" and the read ahead was lost)
                asked = [path, int(story_id), [int(w) for w in widths] if widths else None, reads_newer_as_is(path)]
                child.stdin.write(json.dumps(asked).encode("ascii") + b"\n")  # one line, any path
                child.stdin.flush()
                deadline = time.monotonic() + WAIT
                head = _read(child.stdout.fileno(), 4, deadline)
                data = _read(child.stdout.fileno(), struct.unpack(">I", head)[0], deadline)
                got_id, what, payload = pickle.loads(data)
            except Exception:  # it died (killed, out of memory) or wrote nonsense: the caller makes it itself
                self._end(child)
                return None
            if got_id != story_id:
                self._end(child)  # out of step: not trusted again
                return None
            return what, payload

    def start(self) -> None:
        """Start the child now (story mode turned on: it warms up while the reader looks at the list)."""
        with self._lock:
            if self._child is None or self._child.poll() is not None:
                self._start()

    def _start(self):
        from tui.background import child_env

        try:
            self._child = subprocess.Popen(
                [sys.executable, "-c", "from tui.app.screens.story_items import serve; serve()"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=child_env(),
                cwd=os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))))
        except OSError:
            self._child = None
            return None
        self.started += 1
        return self._child

    def _end(self, child) -> None:
        if self._child is child:
            self._child = None
        try:
            child.kill()
            child.wait(timeout=5)
        except Exception:
            pass
        for stream in (child.stdin, child.stdout):
            try:
                stream.close()
            except Exception:
                pass

    def stop(self) -> None:
        """End the child (the app is closing): its input closed, it ends; killed if it does not at once."""
        child, self._child = self._child, None
        if child is None:
            return
        try:
            child.stdin.close()
        except Exception:
            pass
        try:
            child.wait(timeout=0.5)
        except subprocess.TimeoutExpired:
            child.kill()
            try:
                child.wait(timeout=5)
            except Exception:
                pass
        try:
            child.stdout.close()
        except Exception:
            pass


def _read(fd: int, size: int, deadline: float) -> bytes:
    """Exactly `size` bytes from the pipe; EOFError at its end, TimeoutError past `deadline` (a child that hangs)."""
    chunks, left = [], size
    while left:
        wait = deadline - time.monotonic()
        if wait <= 0 or not select.select([fd], [], [], wait)[0]:
            raise TimeoutError("the summary process did not answer")
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            raise EOFError("the summary process ended")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
