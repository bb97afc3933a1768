"""Background analysis of a whole library (`newsreader analyze`): every core busy, progress shown."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from bench.generate import fresh_copy
from bench.measures.common import NotAvailable, Result, child_env, need_module, newsreader_cmd

_TICK = os.sysconf("SC_CLK_TCK")


def _children_cpu(pid: int, seen: dict[int, float]) -> None:
    """Record the CPU seconds of each child process of `pid` (the analysis workers) from /proc."""
    try:
        kids = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return
    for kid in kids:
        try:
            fields = Path(f"/proc/{kid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        seen[int(kid)] = (int(fields[11]) + int(fields[12])) / _TICK  # utime + stime


def run(ctx) -> list:
    need_module("tui.background", "analyse_library")
    n = 24 if ctx.smoke else 300
    cores = os.cpu_count() or 1
    workers: dict[int, float] = {}
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        db = fresh_copy(n, Path(tmp) / "analyse.db", ctx.out)
        errfile = Path(tmp) / "stderr.txt"
        with open(errfile, "w") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen([*newsreader_cmd(), "--db", str(db), "analyze"], env=child_env(),
                                    stdout=subprocess.DEVNULL, stderr=err)
            while proc.poll() is None:  # sample the workers' CPU while they live
                _children_cpu(proc.pid, workers)
                time.sleep(0.05)
            wall = time.perf_counter() - t0
        # wait4 would give the total too, but Popen.poll already reaped the child: use the workers' samples.
        text = errfile.read_text()
    if proc.returncode != 0:
        tail = text.strip().splitlines()[-1:] or ["(no output)"]
        raise NotAvailable(f"`newsreader analyze` failed: {tail[0]}")
    cpu = sum(workers.values())
    top = max(workers.values(), default=0.0)
    busy = sum(1 for c in workers.values() if top and c >= 0.25 * top)
    load = os.getloadavg()[0]
    return [Result("background.busy_workers", float(busy), "processes", float(cores), ">=",
                   f"{n} articles; worker CPU s: {', '.join(f'{c:.1f}' for c in sorted(workers.values(), reverse=True))}"),
            Result("background.cpu_per_wall", cpu / wall, "x",
                   note=f"workers' CPU {cpu:.1f} s / wall {wall:.1f} s on {cores} cores, load average {load:.1f}"),
            Result("background.articles_per_s", n / wall, "articles/s"),
            Result("background.cli_progress_bar", float("analysing [" in text), "bool", 1.0, ">=",
                   "progress lines on stderr")]
