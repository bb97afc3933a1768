#!/usr/bin/env python3
"""CPU of a user's first `newsreader add` of a text file into a new library: seeded with the samples (as a user's
first command is) against the same command with NEWSREADER_NO_SEED, and the difference (what the seed costs).

    python bench/first_add.py [--runs 7]

Each run is a fresh child process and a fresh library in a temporary folder (XDG_* and the .pyc files there too, one
unmeasured run first); CPU is the child's user + system time (getrusage), the median of the runs, variants
interleaved so that load hits them alike.
Session 35: the samples were parsed from their files (the HTML sample imports trafilatura) and cost ~0.3 s; they are
now read from assets/samples.json (tui/seed.py).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NOTE = ("Ferry timetable changes at Quillan Quay\n\nThe Quillan ferry will leave at half past seven from Monday, the "
        "harbour office said. Crews had asked for the change after the winter storms.\n")


def one(folder: Path, seeded: bool) -> float:
    """CPU seconds of one first `add` into a new library under `folder`."""
    lib = folder / "library.db"
    for p in folder.glob("library.db*"):
        p.unlink()
    env = dict(os.environ, NEWSREADER_DB=str(lib), PYTHONPATH=str(ROOT), XDG_DATA_HOME=str(folder / "data"),
               XDG_CONFIG_HOME=str(folder / "config"), XDG_STATE_HOME=str(folder / "state"))
    env.pop("NEWSREADER_NO_SEED", None)
    # .pyc files written (outside the source tree) and used, as an installed newsreader's are: without them every
    # start compiles the modules it imports, and the seed's own imports weigh more than a user's do
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    if not seeded:
        env["NEWSREADER_NO_SEED"] = "1"
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "tui.cli", "add", str(folder / "note.txt")], env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="first-add-"))
    try:
        (folder / "note.txt").write_text(NOTE, encoding="utf-8")
        one(folder, True)  # warm the disk cache and write the .pyc files
        one(folder, False)
        times: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(args.runs):
            for seeded in (True, False):
                times[seeded].append(one(folder, seeded))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    seeded, bare = statistics.median(times[True]), statistics.median(times[False])
    print(f"first add, seeded:      {seeded * 1000:7.0f} ms CPU (median of {args.runs})")
    print(f"first add, not seeded:  {bare * 1000:7.0f} ms CPU")
    print(f"the seed's cost:        {(seeded - bare) * 1000:7.0f} ms CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
