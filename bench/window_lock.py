"""How long a window's regroup keeps another program's writes waiting, and what the regroup costs.

    python -m bench.window_lock LIBRARY [--feed 150]

Feeds `--feed` generated articles (bench.generate's, numbered after LIBRARY's, as the story_feed measure does) one at
a time to LIBRARY (a copy you can spare: the bench's grouped library, copied; it is written), `group_new` after each
as a refresh does, with the code of this tree (PYTHONPATH picks another), while a child process takes the library's
write lock in a loop (BEGIN IMMEDIATE; COMMIT: an import's, a read mark's or a feed refresh's write): its waits are
how long the grouping's writes held the lock. Prints, for the group_new calls that regrouped a window (every 50
articles): their CPU and wall time, the longest write transaction inside each (CPU and wall: under the lock), the
child's longest wait during one, how the windows went (`_aside`: computed aside / computed again / under the lock,
when the tree has it); and a fingerprint of the story tables and their figures after the feed (two trees that group
alike print the same). Asserts nothing. On a loaded machine compare CPU, and the waits against the windows' wall.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from statistics import median

PROBE = r'''
import json, os, sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], timeout=300, isolation_level=None)
waits = []
while not os.path.exists(sys.argv[2]):
    t = time.time()
    db.execute("BEGIN IMMEDIATE")
    waits.append((t, time.time() - t))
    db.execute("COMMIT")
    time.sleep(0.003)
print(json.dumps(waits))
'''

FINGERPRINT = ("SELECT article_id, story_id, day, terms, sketch, dup_of, source, unread FROM story_articles ORDER BY 1",
               "SELECT id, title, first, last, size, terms FROM stories ORDER BY id",
               "SELECT story_id, members, unread, outlets FROM story_stats ORDER BY story_id",
               "SELECT story_id, source, n FROM story_sources ORDER BY story_id, source",
               "SELECT id, twin_of FROM articles WHERE twin_of IS NOT NULL ORDER BY id",
               "SELECT name, value FROM counts WHERE name IN ('grouped', 'story_ids', 'story_window_mark') ORDER BY 1")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("library")
    ap.add_argument("--feed", type=int, default=150)
    args = ap.parse_args(argv)

    from bench.generate import _chunk
    from tui.store import Library
    from tui.stories import group_new
    from tui.stories import regroup_window as rw

    lib = Library(args.library)
    n = lib.db.execute("SELECT count(*) FROM articles").fetchone()[0]
    articles = _chunk((n, n + args.feed, 1))
    group_new(lib)  # nothing waits: the first query out of the timing

    held: list[tuple[float, float, float]] = []  # (start, wall, CPU) of each write transaction of this process
    real = Library.transaction

    @contextmanager
    def timed(self, *a, **k):
        if self._depth:
            with real(self, *a, **k) as db:
                yield db
            return
        t, c = time.time(), time.process_time()
        try:
            with real(self, *a, **k) as db:
                yield db
        finally:
            held.append((t, time.time() - t, time.process_time() - c))

    Library.transaction = timed
    went: list[str] = []
    if hasattr(rw, "_aside"):
        aside = rw._aside

        def told(*a, **k):
            r = aside(*a, **k)
            went.append("again" if r is rw._CHANGED else "locked" if r is rw._CANNOT else "aside")
            return r

        rw._aside = told

    def mark() -> object:
        row = lib.db.execute("SELECT value FROM counts WHERE name = ?", (rw.WINDOW_MARK,)).fetchone()
        return row[0] if row else 0

    stop = Path(str(args.library) + ".stop")
    stop.unlink(missing_ok=True)
    probe = subprocess.Popen([sys.executable, "-c", PROBE, str(args.library), str(stop)], stdout=subprocess.PIPE,
                             text=True)
    windows: list[tuple[float, float, float]] = []  # (start, end, CPU) of the calls that regrouped a window
    try:
        time.sleep(0.5)
        for art in articles:
            lib.add_many([art])
            m, t, c = mark(), time.time(), time.process_time()
            group_new(lib)
            if mark() != m:
                windows.append((t, time.time(), time.process_time() - c))
    finally:
        stop.write_text("")
        waits = json.loads(probe.stdout.read() or "[]")
        probe.wait()
        stop.unlink(missing_ok=True)
    Library.transaction = real
    digest = hashlib.sha1()
    for sql in FINGERPRINT:
        digest.update(repr(lib.db.execute(sql).fetchall()).encode())
    lib.close()

    def inside(t: float, w: float, a: float, b: float) -> bool:
        return t <= b and a <= t + w

    print(f"{len(articles)} articles fed one at a time, {len(windows)} windows; load {os.getloadavg()[0]:.1f}")
    for a, b, cpu in windows:
        writes = [(w, c) for t, w, c in held if inside(t, w, a, b)]
        lw = max(writes) if writes else (0.0, 0.0)
        waited = max([w for t, w in waits if inside(t, w, a, b)], default=0.0)
        print(f"  window: {b - a:.2f} s wall, {cpu:.3f} s CPU; its longest write transaction {lw[0]:.3f} s wall,"
              f" {lw[1]:.3f} s CPU; the other process's longest wait {waited:.3f} s")
    if windows:
        print(f"windows: CPU median {median(c for _, _, c in windows):.3f} s; longest write transaction CPU median"
              f" {median(max([c for t, w, c in held if inside(t, w, a, b)], default=0.0) for a, b, _ in windows):.3f} s;"
              f" the other process's longest wait {max(w for _, w in waits):.3f} s over {len(waits)} writes"
              f" ({sum(w > 0.1 for _, w in waits)} over 0.1 s)")
    if went:
        print("windows computed: " + ", ".join(f"{k} {went.count(k)}" for k in ("aside", "again", "locked")))
    print(f"story tables: {digest.hexdigest()[:12]}")


if __name__ == "__main__":
    main()
