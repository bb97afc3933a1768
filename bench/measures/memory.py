"""Resident memory after paging through the whole list (engine loaded): <= bare Textual + 100 MB, <= 1.1x the smallest library.

Each run's figure is the median of a few readings taken once the app's start-up work has all run (the background
pass's checks, the warm-ups: app_driver._settle_startup), the same point of its life at every library size. Before
session 20 the reading came right after the last article's analysis: at 100 articles that was 2-5 s after start,
before or after the background pass and the idle warm-up had loaded their modules depending on the machine's load
(103-116 MB on one tree), while at 100,000 the paging took minutes and everything had run."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.generate import fresh_copy
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
    rss: dict = {"bare": [], small: [], large: []}
    info = {}
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        for rep in range(ctx.reps(3, 1)):
            rss["bare"].append(_rss("-")["rss_mb"])
            # Paging through 100,000 rows takes 1.5-3 minutes: the largest runs once.
            for n in sorted({small, large}):
                if rep and n == large and n != small:
                    continue
                # A fresh copy each time: opening an article marks it read and caches its analysis.
                db = fresh_copy(n, Path(tmp) / f"memory-{n}.db", ctx.out)
                info[n] = _rss(str(db))
                rss[n].append(info[n]["rss_mb"])
    bare, at_small, at_large = median(rss["bare"]), median(rss[small]), median(rss[large])
    out = [Result("memory.bare_textual", bare, "MB", note=f"runs {', '.join(f'{x:.1f}' for x in rss['bare'])}")]
    for n in sorted({small, large}):
        i = info[n]
        out.append(Result(f"memory.rss@{n}", median(rss[n]), "MB",
                          note=f"runs {', '.join(f'{x:.1f}' for x in rss[n])};"
                               f" {i['pages']} page-downs over {i['rows']} rows in {i['scroll_s']:.1f} s;"
                               f" engine loaded: {i['engine_loaded']}; {i.get('modules')} modules;"
                               f" settled {i.get('settle_s', 0):.1f} s after the analysis"
                               + (f" (still waiting for: {', '.join(i['unsettled'])})" if i.get("unsettled") else "")))
    out.append(Result(f"memory.rss@{large}_minus_bare", at_large - bare, "MB", 100.0, "<="))
    if large != small:
        out.append(Result(f"memory.rss@{large}_vs_{small}", at_large / at_small, "x", 1.1, "<="))
    return out
