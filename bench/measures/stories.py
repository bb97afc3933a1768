"""Stories (issue 13): regrouping the largest library from scratch (<= 60 s at 100,000 articles), the
per-article cost of incremental grouping, and a 20-article story's summary the first time (<= 100 ms).

The regroup runs twice on the same copy: first with every article's grouping features computed from its text
(the cached library was never grouped), then as a rebuild reads them from the store (migration 17), which is
what `stories --rebuild` does on a library whose articles were grouped as they landed.

Work on private copies of the cached libraries (grouping writes story tables). The summary is timed
twice: with only sentence splits (`analyse=False`, what the story view shows at once, before the
background pass has analysed the articles) and with the articles' analyses cached (after that pass).
A rebuild of this size computes the articles' terms in worker
processes (tui.stories.grouping.PARALLEL_FROM). Grouping's CPU time (workers included) is reported next to its wall time: the machine is shared, and wall time then
measures the neighbours as much as the code.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from bench.generate import fresh_copy
from bench.measures.common import Result, median, need_module

STORY_ARTICLES = 20


def run(ctx) -> list:
    need_module("tui.stories", "rebuild")
    from tui.store import Library
    from tui.stories import rebuild

    out = []
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        n = ctx.large
        path = fresh_copy(n, Path(tmp) / "regroup.db", ctx.out)
        lib = Library(path)
        budget = 60.0 * n / 100_000
        # first from the texts (the cached library was never grouped: every article's features are computed,
        # in worker processes, and stored), then again as `stories --rebuild` runs on a library whose articles
        # were grouped as they landed (their features stored: read, not computed; the old stories cleared)
        for name, what in (("", "features computed from the texts (and stored)"),
                           (".stored", "features read from the store (articles grouped as they landed)")):
            k0 = _children_cpu()
            t0, c0 = time.perf_counter(), time.process_time()
            placed = rebuild(lib)
            wall, main = time.perf_counter() - t0, time.process_time() - c0
            workers = _children_cpu() - k0
            stories = lib.db.execute("SELECT count(*), max(size) FROM stories").fetchone()
            out += [Result(f"stories.regroup@{n}{name}", wall, "s", round(budget, 2), "<=",
                           f"{placed} articles -> {stories[0]} stories (largest {stories[1]}); {what};"
                           " budget 60 s per 100,000"),
                    Result(f"stories.regroup@{n}{name}.cpu", main + workers, "s",
                           note=f"CPU time of the same run: {main:.1f} s main process + {workers:.1f} s in worker processes"),
                    Result(f"stories.group.per_article{name}", 1000 * (main + workers) / max(1, placed), "ms",
                           note="CPU per article placed (features, candidates, store)")]
        lib.close()
        out += _summary(ctx, Path(tmp))
    return out


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (a rebuild's workers)."""
    try:
        import resource
    except ImportError:  # not on this system
        return 0.0
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _summary(ctx, tmp: Path) -> list:
    from tui.engine.analysis import cached_analysis
    from tui.store import Library
    from tui.store import stories as store
    from tui.store.stories import Member
    from tui.stories import story_summary

    firsts = ctx.reps(5, 1)
    stories = firsts + 2  # one to warm up, `firsts` opened the first time, the last analysed
    n = max(ctx.small, STORY_ARTICLES * stories)
    lib = Library(fresh_copy(n, tmp / "summary.db", ctx.out))
    rows = lib.db.execute("SELECT id, sort_key FROM articles ORDER BY id").fetchall()
    # stories of 20 articles each (a fresh one per first opening, so nothing is cached)
    groups = [rows[i * STORY_ARTICLES:(i + 1) * STORY_ARTICLES] for i in range(stories)]
    for sid, g in enumerate(groups, start=1):
        store.save_groups(lib, [Member(a, sid, (k or "")[:10], {}, []) for a, k in g],
                          [(sid, f"story {sid}", g[0][1][:10], g[-1][1][:10], len(g), {})])
    story_summary(lib, 1, analyse=False)  # imports (numpy, the sentence splitter) out of the timing
    bare, bare_cpu = [], []
    for sid in range(2, 2 + firsts):
        # CPU of this thread only: time.process_time() also counts any other thread of the process, and
        # one such sample made the first opening's CPU look 50% dearer (session 33)
        t0, c0 = time.perf_counter(), time.thread_time()
        story_summary(lib, sid, analyse=False)
        bare.append(time.perf_counter() - t0)
        bare_cpu.append(time.thread_time() - c0)
    last = stories
    for a, _ in groups[-1]:
        art = lib.get(a)
        cached_analysis(lib, a, art.body, title=art.title)
    times, cpu = [], []
    for _ in range(ctx.reps(5, 1)):
        t0, c0 = time.perf_counter(), time.thread_time()
        story_summary(lib, last)
        times.append(time.perf_counter() - t0)
        cpu.append(time.thread_time() - c0)
    from tui.stories.story_memo import story_summary_kept

    story_summary_kept(lib, last)  # the first opening keeps it
    again = []
    for _ in range(ctx.reps(5, 1)):
        t0 = time.perf_counter()
        story_summary_kept(lib, last)
        again.append(time.perf_counter() - t0)
    lib.close()
    return [Result(f"stories.summary@{STORY_ARTICLES}.first", 1000 * median(bare), "ms", 100.0, "<=",
                   f"story_summary(analyse=False): sentence splits only, nothing cached (median of {firsts}"
                   " stories, each opened once)"),
            Result(f"stories.summary@{STORY_ARTICLES}.first.cpu", 1000 * median(bare_cpu), "ms",
                   note="CPU time of the same calls, this thread only (median; the wall time above measures the"
                        " neighbours too on a shared machine: compare versions by this)"),
            Result(f"stories.summary@{STORY_ARTICLES}.analysed", 1000 * median(times), "ms", 100.0, "<=",
                   "story_summary with the articles' analyses cached (after the background pass): quotes, entities"),
            Result(f"stories.summary@{STORY_ARTICLES}.analysed.cpu", 1000 * median(cpu), "ms",
                   note="CPU time of the same calls, this thread only (median)"),
            Result(f"stories.summary@{STORY_ARTICLES}.again", 1000 * median(again), "ms", 16.0, "<=",
                   "the same story opened again (what the story view reads: the summary kept while the story"
                   " is unchanged, tui/stories/story_memo.py; issue 13's 'one frame after')")]
