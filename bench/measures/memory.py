"""Resident memory after paging through the whole list (engine loaded): <= bare Textual + 100 MB, <= 1.1x the smallest library."""

from __future__ import annotations

import json
import subprocess
import sys

from bench.generate import library
from bench.measures.common import NotAvailable, Result, child_env, median, need_tui


def _rss(db: str) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bench.measures.app_driver", "memory", db],
                          env=child_env(), capture_output=True, text=True, timeout=900)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        raise NotAvailable(f"driving the app failed: {tail[0]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def run(ctx) -> list:
    need_tui()
    small, large = ctx.small, ctx.large
    paths = {n: str(library(n, ctx.out, log=ctx.log)) for n in {small, large}}
    rss: dict[str, list[float]] = {"bare": [], small: [], large: []}
    info = {}
    for _ in range(ctx.reps(2, 1)):  # each child pages through the whole list: slow at 100k, so few runs
        rss["bare"].append(_rss("-")["rss_mb"])
        for n in sorted(paths):
            info[n] = _rss(paths[n])
            rss[n].append(info[n]["rss_mb"])
    bare, at_small, at_large = median(rss["bare"]), median(rss[small]), median(rss[large])
    out = [Result("memory.bare_textual", bare, "MB")]
    for n in sorted(paths):
        i = info[n]
        out.append(Result(f"memory.rss@{n}", median(rss[n]), "MB",
                          note=f"{i['pages']} page-downs over {i['rows']} rows in {i['scroll_s']:.1f} s;"
                               f" engine loaded: {i['engine_loaded']}"))
    out.append(Result(f"memory.rss@{large}_minus_bare", at_large - bare, "MB", 100.0, "<="))
    if large != small:
        out.append(Result(f"memory.rss@{large}_vs_{small}", at_large / at_small, "x", 1.1, "<="))
    return out
