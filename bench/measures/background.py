"""Background analysis of a whole library (`newsreader analyze`): both cores busy (CPU/wall), progress shown."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from bench.generate import fresh_copy
from bench.measures.common import NotAvailable, Result, child_env, need_module, newsreader_cmd


def run(ctx) -> list:
    need_module("tui.background", "analyse_library")
    n = 24 if ctx.smoke else 300
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        db = fresh_copy(n, Path(tmp) / "analyse.db", ctx.out)
        t0 = time.perf_counter()
        proc = subprocess.Popen([*newsreader_cmd(), "--db", str(db), "analyze"], env=child_env(),
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        # wait4 gives the CPU time of the command and of the worker processes it waited for.
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        err = proc.stderr.read()
        proc.stdout.read()
        proc.returncode = os.waitstatus_to_exitcode(status)
        proc.stdout.close()
        proc.stderr.close()
    if proc.returncode != 0:
        tail = err.strip().splitlines()[-1:] or ["(no output)"]
        raise NotAvailable(f"`newsreader analyze` failed: {tail[0]}")
    cpu = usage.ru_utime + usage.ru_stime
    progress = "analysing [" in err
    # On 2 cores a perfect run reaches 2.0; 1.5 means the second core did real work, start-up included.
    return [Result("background.cpu_per_wall", cpu / wall, "x", round(0.75 * cores, 2), ">=",
                   f"{n} articles, {cores} cores, cpu {cpu:.1f} s / wall {wall:.1f} s"),
            Result("background.articles_per_s", n / wall, "articles/s"),
            Result("background.cli_progress_bar", float(progress), "bool", 1.0, ">=", "progress lines on stderr")]
