"""What a view's unread count costs (search, entity, feed: `reader.unread_count(lib, ids)` with ids given),
and `n` (next unread) in such a view (`reader.next_unread`, the same question a chunk of ids at a time).

    python -m bench.view_unread_count [--articles 20000] [--ids 2000] [--reps 3]

Builds a throw-away library of made-up articles with long bodies (overflow pages, as real articles have),
a third of them read, and prints, interleaved, a fresh connection's first and second count of `--ids` ids:
reading each row's `read` column (the query before migration 13) and the store's count (the unread-ids
index). The OS page cache stays warm: a cold cache (after a reboot) costs more for the row reads.
For `n`, the view's first 1,500 ids are read, so the next unread is 3 chunks of 500 away: reading each row's
`read` column (the query before) against the index. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from tui.models import Article
from tui.store import Library
from tui.store import reader

WORDS = "harbour ferry council budget zinc orchard market river storm bridge".split()


def _rows(lib: Library, ids: list[int]) -> int:
    total = 0
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        total += lib.db.execute(f"SELECT count(*) FROM articles NOT INDEXED WHERE read = 0 AND id IN "
                                f"({','.join('?' * len(part))})", part).fetchone()[0]
    return total


def _next_by_rows(lib: Library, ids: list[int], start: int) -> int | None:
    for first in range(start + 1, len(ids), 500):
        part = ids[first:first + 500]
        unread = {r[0] for r in lib.db.execute(
            f"SELECT id FROM articles NOT INDEXED WHERE read = 0 AND id IN ({','.join('?' * len(part))})", part)}
        for offset, i in enumerate(part):
            if i in unread:
                return first + offset
    return None


def main() -> None:
    """Build the library, then print the two counts' times."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=20000)
    ap.add_argument("--ids", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=3)
    args = ap.parse_args()
    rnd = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.db"
        with Library(path) as lib:
            for start in range(0, args.articles, 2000):
                lib.add_many([Article(title=f"Report {i}", body=" ".join(rnd.choice(WORDS) for _ in range(1500)) + f" n{i}",
                                      published=f"2026-03-{1 + i % 28:02d}")
                              for i in range(start, min(args.articles, start + 2000))])
            lib.db.execute("UPDATE articles SET read = 1 WHERE id % 3 = 0")
            every = [r[0] for r in lib.db.execute("SELECT id FROM articles ORDER BY id")]
        ids = every[::max(1, len(every) // args.ids)][:args.ids]
        for _ in range(args.reps):
            for name, count in (("row reads", _rows), ("index", lambda lib, ids: reader.unread_count(lib, ids))):
                with Library(path) as lib:
                    t0 = time.perf_counter()
                    n = count(lib, ids)
                    t1 = time.perf_counter()
                    count(lib, ids)
                    t2 = time.perf_counter()
                print(f"{name:9} {n:,} unread of {len(ids):,}: first {1000 * (t1 - t0):.1f} ms, again {1000 * (t2 - t1):.1f} ms")
        view = every[:args.ids]
        with Library(path) as lib:
            with lib.transaction() as db:
                db.executemany("UPDATE articles SET read = 1 WHERE id = ?", [(i,) for i in view[:1500]])
        for _ in range(args.reps):
            for name, find in (("n, rows", _next_by_rows), ("n, index", reader.next_unread)):
                with Library(path) as lib:
                    t0 = time.perf_counter()
                    at = find(lib, view, 0)
                    t1 = time.perf_counter()
                    find(lib, view, 0)
                    t2 = time.perf_counter()
                print(f"{name:9} next unread at {at} of {len(view):,}: first {1000 * (t1 - t0):.1f} ms, "
                      f"again {1000 * (t2 - t1):.1f} ms")


if __name__ == "__main__":
    main()
