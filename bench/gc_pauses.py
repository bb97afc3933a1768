"""Garbage collections during the `keys` measure's presses: how many full (generation 2) passes land inside a key,
how long they take, and which keys over a frame held one.

    python -m bench.gc_pauses LIBRARY.db [--reps 20] [--stories 10] [--runs 1]

Works on a copy of LIBRARY.db (best a grouped one, the `keys` measure's `library-N-g1-s1-stories.db`: story mode is
pressed too) made next to it and prepared as the `keys` measure prepares its copy (the first rows analysed, the
newest 10 x 20 articles made stories of 20 and analysed). A child process then presses the `keys` measure's keys
(bench/measures/app_driver.keys: j/k, enter/esc on analysed articles, tab, pagedown, G, v, j/k in the stories list,
enter/esc on each story twice) with a `gc.callbacks` hook that times every collection, and notes each key's window
(from the key to its last screen update, as the measure times it). Prints, per generation, the collections, how
many landed inside a key, their milliseconds (median, max), the keys over 16 ms and how many of those held a full
collection, the full collections the app ran itself while the reader paused (tui/app/idle_gc.py) and the RSS at
the end. Measure only (the `keys` and `memory` measures are the figures of record); to compare code, run it from
each tree (`PYTHONPATH=OTHER_TREE`), alternating.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import shutil
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

FRAME = 0.016


def _child(db: str, reps: int, ids: list[int]) -> dict:
    from bench.measures import app_driver as drv

    collections: list[tuple[int, float, float, bool]] = []  # (generation, start, seconds, on the UI thread)
    started: dict[int, tuple[int, float]] = {}
    main = threading.get_ident()

    from tui.app.idle_gc import IdleCollector

    why = [""]  # who runs the collection now: "idle" (IdleCollector.tick), "" (Python's thresholds or a caller)
    tick = IdleCollector.tick

    def idle_tick(self):
        why[0] = "idle"
        try:
            return tick(self)
        finally:
            why[0] = ""

    IdleCollector.tick = idle_tick

    def hook(phase: str, info: dict) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        me = threading.get_ident()
        if phase == "start":
            started[me] = (info["generation"], now, cpu, why[0] if me == main else "")
        elif me in started:
            generation, t0, c0, by = started.pop(me)
            collections.append((generation, t0, now - t0, me == main, cpu - c0, by))

    windows: list[tuple[str, float, float, float | None]] = []  # (key, from, to, UI CPU): the key's measured time
    press, story_open = drv._timed_press, drv._timed_story_open

    def window(key: str, t0: float, c0: float, cpus: int, took: float | None) -> None:
        cpu = drv._CPU[-1] - c0 if len(drv._CPU) > cpus else None  # to the key's last screen update
        windows.append((key, t0, t0 + took if took is not None else time.perf_counter(), cpu))

    async def timed_press(pilot, stamps, key, *args, **kwargs):
        t0, c0, cpus = time.perf_counter(), time.thread_time(), len(drv._CPU)
        took = await press(pilot, stamps, key, *args, **kwargs)
        window(key, t0, c0, cpus, took)
        return took

    async def timed_story_open(pilot, stamps, key, *args, **kwargs):
        t0, c0, cpus = time.perf_counter(), time.thread_time(), len(drv._CPU)
        took = await story_open(pilot, stamps, key, *args, **kwargs)
        window("enter (story)", t0, c0, cpus, took)
        return took

    census: dict = {}
    hook_story_view = drv._hook_story_view

    def hook_story_view_and_count(*args):
        """In the stories list, before the first story opens: what the full collection walks (not frozen)."""
        from collections import Counter

        objects = gc.get_objects(2)
        census.update(gen2=len(objects), frozen=gc.get_freeze_count(),
                      types=Counter(type(o).__name__ for o in objects).most_common(12))
        del objects
        # What the reader's pause there costs: one full collection, the same in each tree (not among the collections
        # reported: the hook is off for it)
        gc.callbacks.remove(hook)
        try:
            cpu = time.thread_time()
            gc.collect(2)
            census["full_cpu_ms"] = (time.thread_time() - cpu) * 1000
        finally:
            gc.callbacks.append(hook)
        return hook_story_view(*args)

    drv._hook_story_view = hook_story_view_and_count

    apps = []
    make_app = drv._app

    def app(path):
        apps.append(make_app(path))
        return apps[-1]

    drv._timed_press, drv._timed_story_open, drv._app = timed_press, timed_story_open, app
    gc.callbacks.append(hook)
    t_start = time.perf_counter()
    asyncio.run(drv.keys(db, reps, ids))
    gc.callbacks.remove(hook)
    idle = getattr(apps[0], "idle_gc", None) if apps else None
    return {"collections": collections, "windows": windows, "rss_mb": drv._rss_mb(), "seconds": time.perf_counter() - t_start,
            "idle_collections": getattr(idle, "collections", None), "threshold": gc.get_threshold(),
            "frozen": gc.get_freeze_count(), "census": census}


def _report(run: dict) -> None:
    windows, collections = run["windows"], run["collections"]

    def inside(t: float, seconds: float = 0.0) -> int | None:
        """The key whose measured time the collection from `t` for `seconds` overlaps."""
        for i, (_, a, b, _) in enumerate(windows):
            if t <= b and t + seconds >= a:
                return i
        return None

    print(f"  {len(windows)} keys in {run['seconds']:.1f} s; gc threshold at the end {tuple(run['threshold'])},"
          f" {run['frozen']:,} objects frozen; RSS at the end {run['rss_mb']:.1f} MB")
    for generation in (0, 1, 2):
        mine = [c for c in collections if c[0] == generation]
        during = [c for c in mine if inside(c[1], c[2]) is not None]
        ms = sorted(c[2] * 1000 for c in mine)
        cpu = sorted(c[4] * 1000 for c in mine)
        during_ms = sorted(c[2] * 1000 for c in during)
        if not mine:
            print(f"  gen {generation}: none")
            continue
        print(f"  gen {generation}: {len(mine)} collections ({sum(1 for c in mine if not c[3])} in other threads),"
              f" median {statistics.median(ms):.2f} ms (CPU {statistics.median(cpu):.2f}), max {ms[-1]:.1f} ms"
              f" (CPU {cpu[-1]:.1f}), total {sum(ms):.0f} ms; inside a key {len(during)}"
              + (f" (median {statistics.median(during_ms):.1f} ms, max {during_ms[-1]:.1f}, total {sum(during_ms):.0f} ms)"
                 if during else ""))
    if generation == 2 and mine:
        first_key = windows[0][1] if windows else float("inf")

        def by(c) -> str:
            return "start-up" if c[1] < first_key else c[5] or "automatic"

        print("    full collections (ms, CPU ms, by): " + ", ".join(f"{c[2] * 1000:.0f} ({c[4] * 1000:.0f}, {by(c)}"
                                                              + (", in a key)" if inside(c[1], c[2]) is not None else ")")
                                                              for c in mine))
    census = run.get("census") or {}
    if census:
        print(f"  in the stories list: {census['gen2']:,} objects a full collection walks ({census['frozen']:,} frozen);"
              " most: " + ", ".join(f"{name} {n:,}" for name, n in census["types"]))
        if "full_cpu_ms" in census:
            print(f"  a full collection there (the bench's own, once): {census['full_cpu_ms']:.1f} ms CPU")
    print(f"  full collections the app ran while the reader paused (idle_gc): {run['idle_collections']}")
    slow = [(i, w) for i, w in enumerate(windows) if w[2] - w[1] > FRAME]
    held: dict[int, list[float]] = {}  # key -> gc seconds inside it by generation
    for c in collections:
        if (i := inside(c[1], c[2])) is not None:
            held.setdefault(i, [0.0, 0.0, 0.0])[c[0]] += c[2]
    over_cpu = [w for w in windows if w[3] is not None and w[3] > FRAME]
    print(f"  keys over 16 ms: {len(slow)} of {len(windows)} ({len(over_cpu)} over 16 ms of UI CPU); holding a full"
          f" collection: {sum(1 for i, _ in slow if held.get(i, [0, 0, 0])[2])}; holding collections of any"
          f" generation over 5 ms: {sum(1 for i, _ in slow if sum(held.get(i, [0, 0, 0])) > 0.005)}")
    for i, (key, a, b, cpu) in slow:
        gcs = held.get(i)
        note = ("  gc " + " / ".join(f"{x * 1000:.1f}" for x in gcs) + " ms (gen 0/1/2)") if gcs else ""
        cpu_text = f"{cpu * 1000:6.1f}" if cpu is not None else "     -"
        print(f"    {key:<14} {(b - a) * 1000:7.1f} ms, UI CPU {cpu_text} ms{note}")


def main() -> None:
    if sys.argv[1:2] == ["--child"]:
        db, reps, ids = sys.argv[2], int(sys.argv[3]), [int(x) for x in sys.argv[4].split(",") if x]
        print(json.dumps(_child(db, reps, ids)))
        return
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("library", type=Path)
    p.add_argument("--reps", type=int, default=20)
    p.add_argument("--stories", type=int, default=10)
    p.add_argument("--runs", type=int, default=1)
    args = p.parse_args()
    from bench.measures.common import child_env
    from bench.measures.keys import _analyse_stories, _analyse_top, _stories_of_twenty

    prepared = args.library.with_name("gc-pauses-prepared.db")
    copy = args.library.with_name("gc-pauses-copy.db")
    try:
        shutil.copyfile(args.library, prepared)
        _analyse_top(prepared, args.reps + 2)
        ids = _stories_of_twenty(prepared, args.stories)
        _analyse_stories(prepared, ids)
        for run in range(args.runs):
            shutil.copyfile(prepared, copy)  # each run from the same state (opening articles marks them read)
            for suffix in ("-wal", "-shm"):
                Path(str(copy) + suffix).unlink(missing_ok=True)
            proc = subprocess.run([sys.executable, "-m", "bench.gc_pauses", "--child", str(copy), str(args.reps),
                                   ",".join(map(str, ids))], env=child_env(), capture_output=True, text=True,
                                  timeout=900)
            if proc.returncode != 0:
                raise SystemExit(f"the app's run failed: {(proc.stderr.strip().splitlines() or ['no output'])[-1]}")
            print(f"run {run + 1}:")
            _report(json.loads(proc.stdout.strip().splitlines()[-1]))
    finally:
        for path in (prepared, copy):
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)


if __name__ == "__main__":
    main()
