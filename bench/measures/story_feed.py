"""Stories fed by refreshes (issue 13): the largest library, grouped, takes FEED new articles a few at a time, as a
refresh or a watched folder lands them, and each landing is grouped at once (`tui.stories.group_new`, what the app,
`feed refresh` and `add` call after storing articles).

Bulk imports and `stories --rebuild` place their articles as one batch; this is the other path. Articles placed one
at a time (or 20 at a time: fewer than library_idf.LIBRARY_FROM) are weighed by the last window's idf, and every
LIBRARY_FROM of them leave their stories and are placed again with the articles grouped just before them, up to
regroup_window.WINDOW_ARTICLES in all (a "window regroup"). Batches of LIBRARY_FROM or more are library-weighted
batches themselves: no window.

For each batch size (1, 20, 50) a fresh copy of the grouped library (the key measure's cache,
`library-N-g1-s1-stories.db`) is fed the same FEED generated articles (numbers N, N+1, ...: newer than every stored
one, as a refresh's are). Printed per batch size: the CPU and wall time of grouping per article (group_new alone),
the feed rate (articles stored and grouped per second of wall time, add_many + group_new; budget >= 50/s, the rate
of a busy refresh that the app's background grouping must keep up with), and for the calls that regrouped a
window: how many, and the slowest call's wall and CPU time (budget <= 1 s wall); and when the feed ends with articles
still waiting for their window (fed 20 at a time: 500 = 8 windows of 60 + 20), the feed going quiet (`settle`, what
the app does after a refresh round that brought nothing: those articles regrouped as a window now), its wall and CPU
time (budget <= 1 s wall, as a window). Compare code by running it from two
trees (`PYTHONPATH=OTHER_TREE`, started outside this checkout so that its `tui` is the one imported); the rate's
note ends with a fingerprint of the groups made (article, story, near-duplicate of), the same for two trees that
group alike.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
import time
from pathlib import Path

from bench.measures.common import Result, median, need_module

FEED = 500
BATCHES = (1, 20, 50)


def run(ctx) -> list:
    need_module("tui.stories", "group_new")
    from bench.generate import _chunk
    from bench.measures.keys import _grouped_library

    n = ctx.large
    grouped = _grouped_library(ctx, n)
    feed = ctx.reps(FEED, 60)
    articles = _chunk((n, n + feed, 1))  # the generator's next articles: dated after the library's newest
    out = []
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        for size in BATCHES:
            copy = Path(tmp) / f"feed-{size}.db"
            shutil.copyfile(grouped, copy)
            out += _feed(copy, articles, size, n)
            for suffix in ("", "-wal", "-shm"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
    return out


def _feed(path: Path, articles: list, size: int, n: int) -> list:
    from tui.store import Library
    from tui.stories import group_new
    from tui.stories.regroup_window import WINDOW_ARTICLES, WINDOW_MARK, pending

    def mark() -> int:
        row = lib.db.execute("SELECT value FROM counts WHERE name = ?", (WINDOW_MARK,)).fetchone()
        return row[0] if row else 0

    lib = Library(path)
    group_new(lib)  # nothing waits: the first query (and the imports) out of the timing
    add_wall = group_wall = group_cpu = 0.0
    windows: list[tuple[float, float]] = []  # (wall, CPU) of each group_new call that regrouped a window
    for i in range(0, len(articles), size):
        t0 = time.perf_counter()
        lib.add_many(articles[i:i + size])
        t1, c1, m = time.perf_counter(), time.process_time(), mark()
        group_new(lib)
        wall, cpu = time.perf_counter() - t1, time.process_time() - c1
        add_wall += t1 - t0
        group_wall += wall
        group_cpu += cpu
        if size < 50 and mark() != m:
            windows.append((wall, cpu))
    # the groups made, as a fingerprint: two trees that must group alike print the same one
    rows = lib.db.execute("SELECT article_id, story_id, dup_of FROM story_articles ORDER BY article_id").fetchall()
    groups = hashlib.sha1(repr(rows).encode()).hexdigest()[:12]
    waiting = pending(lib)
    quiet = None
    if waiting:
        from tui.stories import settle

        t1, c1 = time.perf_counter(), time.process_time()
        settled = settle(lib)
        quiet = (time.perf_counter() - t1, time.process_time() - c1, settled)
    lib.close()
    count = len(articles)
    rate = count / max(1e-9, add_wall + group_wall)
    name = f"story_feed.by{size}@{n}"
    out = [Result(f"{name}.group_cpu_per_article", 1000 * group_cpu / count, "ms",
                  note=f"{count} articles fed {size} at a time to the grouped {n}-article library; group_new's CPU"
                       f" per article (wall {1000 * group_wall / count:.1f} ms), window regroups included"),
           Result(f"{name}.rate", rate, "articles/s", 50.0, ">=",
                  f"stored (add_many, {add_wall:.1f} s) and grouped (group_new, {group_wall:.1f} s) per second of"
                  f" wall time; groups {groups}")]
    if windows:
        slow = max(windows)
        out += [Result(f"{name}.window", slow[0], "s", 1.0, "<=",
                       f"the slowest of {len(windows)} group_new calls that regrouped a window (up to"
                       f" {WINDOW_ARTICLES} articles); median {median([w for w, _ in windows]):.2f} s"),
                Result(f"{name}.window.cpu", slow[1], "s",
                       note=f"CPU of that call; median {median([c for _, c in windows]):.2f} s")]
    if quiet is not None:
        out += [Result(f"{name}.settle", quiet[0], "s", 1.0, "<=",
                       f"the feed went quiet with {waiting} articles waiting for their window: `settle` regrouped"
                       f" {quiet[2]} (a window) in one call"),
                Result(f"{name}.settle.cpu", quiet[1], "s", note="CPU of that call")]
    return out
