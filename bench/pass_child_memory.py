"""The background analysis pass's child (tui.background.child_command) on a library with a backlog of articles in no
story: it groups them first, then analyses for hours. How much memory does it hold while it analyses, after the
grouping?

    python -m bench.pass_child_memory LIBRARY.db [--analyse 20]

LIBRARY.db (e.g. a copy of the bench cache's library-100000-g1-s1.db: 100,000 articles, none grouped) is changed:
work on a copy. Starts the child as the app does (`child_command`, `child_env`: the `tui` package this script
imports, so PYTHONPATH picks the tree to measure), samples VmRSS of the child and of its own children every 0.2 s,
and ends the child (terminate, by its pid) `--analyse` seconds after its first analysis progress line. Prints the
child's peak RSS while grouping, its RSS while analysing (median of the samples after the first progress line), the
peak of any grouping process it started, and the grouping's wall time. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import threading
import time
from pathlib import Path


def rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except OSError:
        return []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--analyse", type=float, default=20.0)
    args = parser.parse_args()
    from tui import background

    t0 = time.monotonic()
    proc = subprocess.Popen(background.child_command(args.db, 0), env=background.child_env(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    phase = ["grouping"]
    samples: dict[str, list[float]] = {"grouping": [], "analysing": []}
    grandchild_peak = [0.0]
    stop = threading.Event()

    def sample() -> None:
        while not stop.is_set():
            own = rss_mb(proc.pid)
            if own is not None:
                samples[phase[0]].append(own)
            if phase[0] == "grouping":  # a grouping process of its own (group_apart), not the analysis pool
                for kid in children(proc.pid):
                    grandchild_peak[0] = max(grandchild_peak[0], rss_mb(kid) or 0.0)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    grouped_at = analysing_at = None
    said = []
    for line in proc.stdout:
        said.append(line.strip())
        if line.startswith("grouped") and grouped_at is None:
            grouped_at = time.monotonic() - t0
            phase[0] = "between"
            samples["between"] = []
        elif line[:1].isdigit() and analysing_at is None:
            analysing_at = time.monotonic()
            phase[0] = "analysing"
        if analysing_at is not None and time.monotonic() - analysing_at >= args.analyse:
            break
        if line.startswith(("finished", "error")):
            break
    proc.terminate()
    proc.wait()
    stop.set()
    sampler.join()
    print(f"said: {said[:1]} ... {said[-1:]}")
    print(f"grouping wall {grouped_at:.1f} s" if grouped_at is not None else "no grouped line")
    print(f"child peak RSS while grouping {max(samples['grouping'], default=0):.1f} MB; "
          f"a grouping process of its own: peak {grandchild_peak[0]:.1f} MB")
    if samples["analysing"]:
        print(f"child RSS while analysing: median {statistics.median(samples['analysing']):.1f} MB, "
              f"max {max(samples['analysing']):.1f} MB (n={len(samples['analysing'])})")


if __name__ == "__main__":
    main()
