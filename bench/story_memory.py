"""Story mode's memory: the app's RSS and its summary process's (tui/stories/summary_child.py, started by `v`) once
the read ahead has summarised a few stories, at each library size.

    python -m bench.story_memory LIBRARY.db [LIBRARY.db ...] [--stories 4] [--rest 1.5]

Each LIBRARY.db is copied to a temporary folder first (nothing is written to it) and grouped there if it has no
stories (`tui.stories.rebuild`: seconds at 100 articles, ~1 minute at 100,000: pass a grouped copy, e.g. the bench
cache's library-100000-g1-s1-stories.db, to skip that). Then, in a process of its own, the app runs under Textual's
pilot (200x50, no background pass): `v`, a 3 s rest (the summary process starts and warms up), then `j` down the
first `--stories` stories resting `--rest` s on each (each summarised by the summary process for the read ahead),
`enter` on the last (the story view), `esc`. Readings (the median of 5, 0.2 s apart): the summary process's RSS
once its warm-up is over (its imports: its RSS steady for 1 s), and at the end both processes' RSS, the summary process's peak (VmHWM) and
the app's module count. Prints numbers, asserts nothing. Run it with PYTHONPATH pointing at another tree to compare
code.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SAMPLES, GAP = 5, 0.2


def status_mb(pid: int | str, field: str = "VmRSS") -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


async def sampled(pid) -> float | None:
    found = []
    for i in range(SAMPLES):
        if i:
            await asyncio.sleep(GAP)
        found.append(status_mb(pid))
    found = [x for x in found if x is not None]
    return statistics.median(found) if found else None


async def steady(pid, most: float = 30.0) -> float | None:
    """The RSS once it stopped growing (the summary process warming up: 2-3 s, longer under load): three readings 0.5 s
    apart within 0.2 MB, or what it is after `most` seconds."""
    last: list[float] = []
    deadline = time.monotonic() + most
    while time.monotonic() < deadline:
        now = status_mb(pid)
        if now is None:
            return None
        last = (last + [now])[-3:]
        if len(last) == 3 and max(last) - min(last) <= 0.2:
            break
        await asyncio.sleep(0.5)
    return last[-1] if last else None


async def drive(db: str, stories: int, rest: float) -> dict:
    import gc

    from bench.measures import app_driver as drv

    app = drv._app(db)
    stamps: list[float] = []
    drv._hook_display(app, stamps)
    out: dict = {}
    async with app.run_test(size=drv.SIZE) as pilot:
        await drv._settle(pilot, stamps)
        main = app.screen
        await drv._timed_press(pilot, stamps, "v")
        await asyncio.sleep(3.0)
        await drv._settle(pilot, stamps)
        child = getattr(getattr(main, "summary_child", None), "_child", None)
        if child is None:
            raise SystemExit("no summary process after `v` (NEWSREADER_AHEAD_CHILD=0 in the environment?)")
        out["child_warm_mb"] = await steady(child.pid)
        for _ in range(stories - 1):
            await drv._timed_press(pilot, stamps, "j")
            await asyncio.sleep(rest)
        await drv._settle(pilot, stamps)
        await drv._timed_press(pilot, stamps, "enter")
        await asyncio.sleep(2.0)
        await drv._settle(pilot, stamps)
        out["story_view"] = type(app.screen).__name__
        await drv._timed_press(pilot, stamps, "escape")
        await drv._settle(pilot, stamps)
        child = getattr(main.summary_child, "_child", None)
        gc.collect()
        out["app_mb"] = await sampled(os.getpid())
        out["child_mb"] = await sampled(child.pid) if child is not None else None
        out["child_peak_mb"] = status_mb(child.pid, "VmHWM") if child is not None else None
        out["children_started"] = main.summary_child.started
        out["modules"] = len(sys.modules)
    return out


def grouped_copy(src: Path, folder: Path) -> tuple[Path, int, int, float]:
    """A copy of `src` in `folder`, grouped when it has no stories: (path, articles, stories, seconds grouping)."""
    dest = folder / src.name
    shutil.copyfile(src, dest)
    con = sqlite3.connect(dest)
    try:
        articles = con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        try:
            count = con.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        except sqlite3.Error:
            count = 0
    finally:
        con.close()
    took = 0.0
    if not count:
        from tui.store import Library
        from tui.stories import rebuild

        t0 = time.perf_counter()
        with Library(dest) as lib:
            rebuild(lib)
        took = time.perf_counter() - t0
        con = sqlite3.connect(dest)
        count = con.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
        con.close()
    return dest, articles, count, took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path, nargs="*")
    parser.add_argument("--stories", type=int, default=4)
    parser.add_argument("--rest", type=float, default=1.5)
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the driven app's process: a grouped copy
    args = parser.parse_args()
    if args.one:
        print(json.dumps(asyncio.run(drive(args.one, args.stories, args.rest))))
        return
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, NEWSREADER_NO_BACKGROUND="1", NEWSREADER_CONFIG=str(Path(tmp) / "config.toml"),
                   XDG_DATA_HOME=tmp, NEWSREADER_AHEAD_CHILD="1")
        for src in args.db:
            db, articles, stories, took = grouped_copy(src, Path(tmp))
            proc = subprocess.run([sys.executable, "-m", "bench.story_memory", "--one", str(db), "--stories",
                                   str(args.stories), "--rest", str(args.rest)], env=env, capture_output=True,
                                  text=True, timeout=900)
            db.unlink()
            if proc.returncode != 0:
                print(f"{src.name}: driving the app failed: {(proc.stderr.strip().splitlines() or ['?'])[-1]}")
                continue
            got = json.loads(proc.stdout.strip().splitlines()[-1])
            grouped = f", grouped here in {took:.1f} s" if took else ""
            print(f"{src.name}: {articles:,} articles, {stories:,} stories{grouped}; {args.stories} stories read ahead,"
                  f" {got['story_view']} opened")
            print(f"  app RSS {got['app_mb']:.1f} MB ({got['modules']} modules); summary process RSS "
                  f"{got['child_mb']:.1f} MB (peak {got['child_peak_mb']:.1f}; {got['child_warm_mb']:.1f} MB once "
                  f"warmed up, before its first story); app + summary process {got['app_mb'] + got['child_mb']:.1f} MB;"
                  f" processes started {got['children_started']}", flush=True)


if __name__ == "__main__":
    main()
