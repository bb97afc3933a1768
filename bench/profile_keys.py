"""Profile the UI thread while story-mode keys are pressed (esc back from a story, enter on it again,
tab in the main screen, enter on an analysed article, j/k, `v` both ways): where a screen switch's CPU goes.

    python -m bench.profile_keys LIBRARY.db [--stories 10] [--keys back,again,tab,open,move,toggle] [--top 40] [--no-profile]

Works on a copy of LIBRARY.db (a grouped library, e.g. bench/out/library-N-g1-s1-stories.db) made next to it,
the newest 10 x 20 articles made stories of 20 and analysed (as the `keys` measure does). Prints, per key kind,
the UI thread's CPU per press (median) and, unless --no-profile, cProfile's cumulative table of those presses.
Measure only: the `keys` measure is the figure of record.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import pstats
import shutil
import statistics
import time
from pathlib import Path

from bench.measures import app_driver as drv
from bench.measures.keys import _analyse_stories, _analyse_top, _stories_of_twenty


async def _run(db: Path, story_ids: list[int], kinds: set[str], profile: bool, reps: int):
    app = drv._app(str(db))
    stamps: list[float] = []
    progress: list[float] = []
    drv._hook_display(app, stamps, progress)
    profiles = {k: cProfile.Profile() for k in ("back", "again", "tab", "open", "open_back", "move", "toggle")}
    cpu: dict[str, list[float]] = {k: [] for k in profiles}
    wall: dict[str, list[float]] = {k: [] for k in profiles}

    async def press(kind: str, key: str, story: bool = False, shown=None):
        measure = kind in kinds
        c0 = time.thread_time()
        if measure and profile:
            profiles[kind].enable()
        try:
            if story:
                t = await drv._timed_story_open(pilot, stamps, key, shown)
            else:
                t = await drv._timed_press(pilot, stamps, key)
        finally:
            if measure and profile:
                profiles[kind].disable()
        if measure:
            cpu[kind].append(drv._CPU[-1] - c0 if drv._CPU else float("nan"))
            wall[kind].append(t)

    async with app.run_test(size=drv.SIZE) as pilot:
        await drv._settle(pilot, stamps)
        for i in range(2 * reps):
            await press("move", "j" if i % 4 != 3 else "k")
        await drv._timed_press(pilot, stamps, "g")
        await drv._settle(pilot, stamps)
        # main screen: enter on analysed articles, esc, j; then tab
        for _ in range(reps):
            await press("open", "enter")
            await press("open_back", "escape")
            await drv._timed_press(pilot, stamps, "j")
            await drv._settle(pilot, stamps)
        await drv._timed_press(pilot, stamps, "g")
        for _ in range(reps):
            await press("tab", "tab")
        await drv._timed_press(pilot, stamps, "escape")
        await drv._timed_press(pilot, stamps, "v")
        await drv._settle(pilot, stamps)
        shown: list[int] = []
        drv._hook_story_view(shown, stamps)
        listed = app.screen.articles
        where = {listed.source.row(i).id: i for i in range(min(len(listed.source), 2000))}
        for again in (False, True):
            for sid in story_ids:
                if sid not in where:
                    continue
                listed.cursor = where[sid]
                await drv._settle(pilot, stamps)
                if again:
                    await press("again", "enter", story=True, shown=shown)
                else:
                    await drv._timed_story_open(pilot, stamps, "enter", shown)
                await drv._settle(pilot, stamps)
                await press("back", "escape")
                await drv._settle(pilot, stamps)
        # `v` there and back: story mode -> articles -> story mode
        for _ in range(reps):
            await press("toggle", "v")
            await drv._settle(pilot, stamps)
    return profiles, cpu, wall


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("library", type=Path)
    p.add_argument("--stories", type=int, default=10)
    p.add_argument("--reps", type=int, default=10)
    p.add_argument("--keys", default="back,again,tab,open,move")
    p.add_argument("--top", type=int, default=40)
    p.add_argument("--sort", default="cumulative")
    p.add_argument("--no-profile", action="store_true")
    args = p.parse_args()
    copy = args.library.with_name("profile-keys-copy.db")
    shutil.copyfile(args.library, copy)
    try:
        _analyse_top(copy, args.reps + 2)
        ids = _stories_of_twenty(copy, args.stories)
        _analyse_stories(copy, ids)
        kinds = set(args.keys.split(","))
        profiles, cpu, wall = asyncio.run(_run(copy, ids, kinds, not args.no_profile, args.reps))
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(str(copy) + suffix).unlink(missing_ok=True)
    for kind in sorted(kinds):
        xs = [x for x in cpu[kind] if x == x]
        ws = [x for x in wall[kind] if x is not None]
        if not xs:
            continue
        print(f"== {kind}: {len(xs)} presses, UI CPU median {statistics.median(xs) * 1000:.1f} ms"
              f" (min {min(xs) * 1000:.1f}, max {max(xs) * 1000:.1f}); wall median"
              f" {statistics.median(ws) * 1000 if ws else float('nan'):.1f} ms")
        if not args.no_profile:
            s = io.StringIO()
            pstats.Stats(profiles[kind], stream=s).sort_stats(args.sort).print_stats(args.top)
            print(s.getvalue())


if __name__ == "__main__":
    main()
