"""What another program sees while `newsreader stories --rebuild` runs, and how long a write beside it waits.

    python -m bench.rebuild_beside LIBRARY [--every 0.2] [--mark-every 0.5]

Rebuilds the stories of LIBRARY (a copy you can spare: the bench's grouped library, copied) in a child process
with the code of this tree (PYTHONPATH picks another), while this process reads the number of grouped articles
every `--every` seconds (another program's list: a read that finds articles in no story saw the library half
grouped) and marks an article every `--mark-every` seconds in its own transaction (the app's `m`: its wait for
the write lock is the longest a rebuild's write held it). Prints the rebuild's wall and CPU time, the swap's wall
time (tui/store/stories.py swap_aside, when the tree has it), the reads that found articles in no story, the marks'
waits, and a fingerprint of the story tables after it (two trees grouping alike print the same). Asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import sqlite3
import subprocess
import sys
import threading
import time

CHILD = r'''
import resource, sys, time
from tui.store import Library
from tui.store import stories as store
from tui.stories import grouping

swap, held = getattr(store, "swap_aside", None), []
if swap is not None:
    def timed(lib, *args):
        t = time.perf_counter()
        try:
            return swap(lib, *args)
        finally:
            held.append(time.perf_counter() - t)
    store.swap_aside = timed
t, c = time.perf_counter(), time.process_time()
with Library(sys.argv[1]) as lib:
    n = grouping.rebuild(lib)
print(f"rebuild: {n} articles placed, {time.perf_counter() - t:.1f} s wall, {time.process_time() - c:.1f} s CPU"
      f" (workers {resource.getrusage(resource.RUSAGE_CHILDREN).ru_utime:.1f} s)"
      + (f"; swap {held[0]:.2f} s wall" if held else "; no swap (the stories were written batch by batch)"))
'''

FINGERPRINT = ("SELECT article_id, story_id, day, terms, sketch, dup_of, source, unread FROM story_articles ORDER BY 1",
               "SELECT id, title, first, last, size, terms FROM stories ORDER BY id",
               "SELECT story_id, members, unread, outlets FROM story_stats ORDER BY story_id",
               "SELECT story_id, source, n FROM story_sources ORDER BY story_id, source",
               "SELECT id, twin_of FROM articles WHERE twin_of IS NOT NULL ORDER BY id")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("library")
    ap.add_argument("--every", type=float, default=0.2)
    ap.add_argument("--mark-every", type=float, default=0.5)
    args = ap.parse_args(argv)
    db = args.library
    total = sqlite3.connect(db).execute("SELECT count(*) FROM articles").fetchone()[0]
    stop = threading.Event()
    reads: list[tuple[float, int]] = []
    waits: list[float] = []

    def reader() -> None:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        while not stop.is_set():
            reads.append((time.monotonic(), con.execute("SELECT count(*) FROM story_articles").fetchone()[0]))
            time.sleep(args.every)

    def marker() -> None:
        con = sqlite3.connect(db, isolation_level=None, timeout=600)
        while not stop.is_set():
            t = time.monotonic()
            con.execute("BEGIN IMMEDIATE")
            waits.append(time.monotonic() - t)
            con.execute("UPDATE articles SET read = read WHERE id = (SELECT min(id) FROM articles)")
            con.execute("COMMIT")
            time.sleep(args.mark_every)

    threads = [threading.Thread(target=reader), threading.Thread(target=marker)]
    for th in threads:
        th.start()
    start = time.monotonic()
    try:
        r = subprocess.run([sys.executable, "-c", CHILD, db], capture_output=True, text=True)
    finally:
        stop.set()
        for th in threads:
            th.join()
    print(r.stdout.strip() or r.stderr.strip()[-1000:])
    half = [(t - start, n) for t, n in reads if n != total]
    print(f"reads of the grouped count: {len(reads)}, finding articles in no story: {len(half)}"
          + (f" (from {half[0][0]:.1f} s to {half[-1][0]:.1f} s; fewest grouped {min(n for _, n in half)})"
             if half else ""))
    waits.sort()
    if waits:
        print(f"marks: {len(waits)}, longest wait for the lock {waits[-1]:.2f} s, median {waits[len(waits) // 2]:.3f} s,"
              f" over 1 s: {sum(w > 1 for w in waits)}")
    h = hashlib.sha256()
    con = sqlite3.connect(db)
    for sql in FINGERPRINT:
        for row in con.execute(sql):
            h.update(repr(row).encode())
    print(f"story tables fingerprint {h.hexdigest()[:16]}")


if __name__ == "__main__":
    main()
