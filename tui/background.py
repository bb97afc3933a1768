"""Analyse a whole library in the background, on every core, writing results to the cache as they come."""

from __future__ import annotations

import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Callable

from tui.engine.analysis import DEFAULT_METHOD, cache_key


def _analyse(job: tuple[int, str, str]) -> tuple[int, str | None, list]:
    """Worker: analyse one article body; returns (id, JSON or None on failure, mentions)."""
    from tui.engine.analysis import analyze, mention_counts

    ident, title, body = job
    try:
        result = analyze(body, title=title)
    except Exception:  # one broken article must not stop the pass
        return ident, None, []
    return ident, json.dumps(result.to_dict()), mention_counts(result)


def analyse_library(path: str | Path, *, jobs: int | None = None, progress: bool = False,
                    on_progress: Callable[[int, int], None] | None = None) -> int:
    """Analyse every article without a cached default analysis. Returns how many were analysed."""
    from tui.store import Library

    lib = Library(path)
    key = cache_key(DEFAULT_METHOD)
    todo = lib.unanalysed_ids(key)
    total, done = len(todo), 0
    jobs = jobs or os.cpu_count() or 1
    bar = _Bar(total) if progress and total else None

    def jobs_iter():
        for ident in todo:
            a = lib.get(ident)
            if a is not None:
                yield a.id, a.title, a.body

    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for ident, data, mentions in pool.map(_analyse, jobs_iter(), chunksize=8):
            if data is not None:
                lib.put_analysis(ident, key, data, mentions)
            done += 1
            if bar:
                bar.update(done)
            if on_progress:
                on_progress(done, total)
    if bar:
        bar.finish()
    lib.close()
    return done


class _Bar:
    """A plain progress bar on stderr (only redrawn a few times a second)."""

    def __init__(self, total: int):
        self.total, self.start, self.last = total, time.monotonic(), 0.0
        self.tty = sys.stderr.isatty()

    def update(self, done: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.2 and done < self.total:
            return
        self.last = now
        rate = done / max(now - self.start, 1e-6)
        width = 30
        filled = int(width * done / self.total)
        line = f"analysing [{'#' * filled}{'.' * (width - filled)}] {done}/{self.total}  {rate:.0f}/s"
        if self.tty:
            sys.stderr.write("\r" + line)
        elif done == self.total or done % max(1, self.total // 10) == 0:
            sys.stderr.write(line + "\n")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.tty:
            sys.stderr.write("\n")
