"""j/k in a list of big stories while the app reads the story under the cursor ahead (tui/app/screens/story.py
read_ahead): does moving stay within a frame while a story of hundreds of articles is summarised beside it, and does
`enter` after a rest show the story in one update?

    python -m bench.story_ahead_keys LIBRARY.db --prepare [--stories 8]
    python -m bench.story_ahead_keys LIBRARY.db [--stories 8] [--rest 0.3] [--rounds 3]

LIBRARY.db is a grouped library (e.g. a copy of the bench cache's library-100000-g1-s1-stories.db: 104 stories,
most of 1,000 articles) and is used as it is: work on a copy. `--prepare` analyses the articles the summaries of the
newest `--stories` stories read (at most 60 each, tui/stories/articles.py CAP), as the background pass would have, so
those summaries can be kept (a summary with articles not analysed is never kept). A run drives the app under Textual's
pilot (200x50, no background pass): `v`, then `j` down the first `--stories` rows and `k` back up, resting `--rest`
seconds after each key (long enough for the read-ahead to start: STORY_REST is 0.05 s, short of its end), then rests
3 s on a row and presses `enter` (twice; the story view was opened once before, untimed, on the last row). Prints, per key kind, the wall time from the key to its last update and the UI
thread's CPU time (median, p95, max), and the time (and UI CPU) to the story view's first update that shows the
summary, and the keys slower than one frame (16.7 ms) with their times. Since session 29 the read ahead has a
summary made in the app's summary process (tui/app/parts/summary_child.py; `NEWSREADER_AHEAD_CHILD=0` in the
environment: in a thread, as before). `--no-ahead` is a control: the read ahead never starts, so j/k's spread is the machine's at that load. Run it
with PYTHONPATH pointing at another tree to compare code. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import tempfile
import time
from pathlib import Path


def newest_stories(db: Path, count: int) -> list[int]:
    import sqlite3

    con = sqlite3.connect(db)
    try:
        return [r[0] for r in con.execute("SELECT id FROM stories ORDER BY last DESC, id DESC LIMIT ?", (count,))]
    finally:
        con.close()


def prepare(db: Path, count: int) -> None:
    from tui.stories.story import story_summary
    from tui.store import Library

    with Library(db) as lib:
        for sid in newest_stories(db, count):
            t0 = time.process_time()
            summary = story_summary(lib, sid, analyse=True)
            print(f"story {sid}: {summary.read if summary else 0} articles analysed for its summary, "
                  f"{time.process_time() - t0:.1f} s CPU", flush=True)


def _stats(name: str, xs: list[float]) -> str:
    xs = [x for x in xs if x is not None]
    if not xs:
        return f"{name}: nothing"
    ms = sorted(1000 * x for x in xs)
    p95 = ms[min(len(ms) - 1, int(round(0.95 * (len(ms) - 1))))]
    return f"{name}: n={len(ms)} median {statistics.median(ms):.1f} ms, p95 {p95:.1f} ms, max {ms[-1]:.1f} ms"


async def run(db: Path, count: int, rest: float, rounds: int) -> None:
    from bench.measures import app_driver as drv
    from tui.app.screens import story

    app = drv._app(str(db))
    stamps: list[float] = []
    drv._hook_display(app, stamps)
    shown: list[int] = []
    drv._hook_story_view(shown, stamps)
    wall: list[float] = []
    cpu: list[float] = []
    opens: list[float] = []
    open_cpu: list[float] = []
    by_round: dict[int, list[float]] = {}  # 0: the first round (the summaries made), 1: the later ones (kept)
    ahead = [0]
    original = story._read_ahead

    def counted(main, story_id, *args):
        ahead[0] += 1
        return original(main, story_id, *args)

    story._read_ahead = counted
    async with app.run_test(size=drv.SIZE) as pilot:
        await drv._settle(pilot, stamps)
        await drv._timed_press(pilot, stamps, "v")
        await asyncio.sleep(3.0)  # the story modules warm up (story.warm)
        await drv._settle(pilot, stamps)
        # the story view built once (untimed: its first opening composes the screen), the last row's story
        await drv._timed_press(pilot, stamps, "G")
        await drv._timed_story_open(pilot, stamps, "enter", shown)
        await drv._timed_press(pilot, stamps, "escape")
        await drv._settle(pilot, stamps)
        ui0, all0 = time.thread_time(), time.process_time()
        for round_ in range(rounds):
            await drv._timed_press(pilot, stamps, "g")
            await asyncio.sleep(rest)
            for key in "j" * (count - 1) + "k" * (count - 1):
                wall.append(await drv._timed_press(pilot, stamps, key, cpus=cpu))
                by_round.setdefault(min(round_, 1), []).append(wall[-1])
                await asyncio.sleep(rest)
        others = (time.process_time() - all0) - (time.thread_time() - ui0)
        for _ in range(2):
            await drv._timed_press(pilot, stamps, "j")
            await asyncio.sleep(3.0)  # rested: its summary read ahead, if it is
            await drv._settle(pilot, stamps)
            opens.append(await drv._timed_story_open(pilot, stamps, "enter", shown, cpus=open_cpu))
            await drv._timed_press(pilot, stamps, "escape")
            await drv._settle(pilot, stamps)
    limit = getattr(story, "READ_AHEAD_MAX", None)
    print(f"READ_AHEAD_MAX {limit}; stories {count}, rest {rest} s, rounds {rounds}; read-aheads started {ahead[0]}")
    print(_stats("j/k wall", wall))
    over = [x for x in wall if x is not None and x > 1 / 60]
    print(f"j/k over one frame (16.7 ms): {len(over)} of {len(wall)} (" + ", ".join(f"{1000 * x:.1f}" for x in over) + ")")
    print(_stats("j/k UI CPU", cpu))
    print(f"the app's other threads' CPU over the rounds (the read ahead's work in the app, beside the keys): "
          f"{1000 * others:.0f} ms, {1000 * others / max(1, ahead[0]):.1f} ms a read ahead")
    print(_stats("j/k wall, first round (each summary made)", by_round.get(0, [])))
    print(_stats("j/k wall, later rounds (summaries kept)", by_round.get(1, [])))
    print(_stats("enter after a 3 s rest, to the summary shown", opens))
    print(_stats("enter after a 3 s rest, UI CPU", open_cpu))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--prepare", action="store_true")
    parser.add_argument("--stories", type=int, default=8)
    parser.add_argument("--rest", type=float, default=0.3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-ahead", action="store_true",
                        help="a control: the read ahead never starts (j/k's spread at this load without it)")
    args = parser.parse_args()
    if args.no_ahead:
        from tui.app.screens import story

        story.STORY_REST = 1e6
    if args.prepare:
        prepare(args.db, args.stories)
        return
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["NEWSREADER_NO_BACKGROUND"] = "1"
        os.environ["NEWSREADER_CONFIG"] = str(Path(tmp) / "config.toml")
        os.environ["XDG_DATA_HOME"] = tmp
        asyncio.run(run(args.db, args.stories, args.rest, args.rounds))


if __name__ == "__main__":
    main()
