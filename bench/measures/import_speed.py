"""Import throughput: articles/s of `newsreader add DIR` on plain-text files (analysis deferred), >= 1,000/s."""

from __future__ import annotations

import subprocess
import tempfile
import time
from pathlib import Path

from bench.generate import GENERATOR_VERSION, write_text_files
from bench.measures.common import NotAvailable, Result, child_env, median, need_module, newsreader_cmd


def _files(ctx, n: int) -> Path:
    """A cached folder of n generated .txt articles."""
    folder = ctx.out / f"text-{n}-g{GENERATOR_VERSION}"
    done = folder / ".complete"
    if not done.exists():
        ctx.log(f"   writing {n} text files to {folder}")
        write_text_files(folder, n)
        done.write_text("ok\n")
    return folder


def run(ctx) -> list:
    need_module("tui.importers", "import_paths")
    n = 200 if ctx.smoke else 3000
    folder = _files(ctx, n)
    samples, last_err = [], ""
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        for rep in range(ctx.reps(3, 1)):
            db = Path(tmp) / f"import-{rep}.db"
            t0 = time.perf_counter()
            proc = subprocess.run([*newsreader_cmd(), "--db", str(db), "add", str(folder)], env=child_env(),
                                  capture_output=True, text=True)
            dt = time.perf_counter() - t0
            last_err = proc.stderr.strip().splitlines()[-1:] or [""]
            if proc.returncode != 0:
                raise NotAvailable(f"`newsreader add` failed: {last_err[0]}")
            samples.append(dt)
    rates = [n / s for s in samples]
    return [Result("import.articles_per_s", median(rates), "articles/s", 1000.0, ">=",
                    f"{n} files, whole command incl. start-up; {last_err[0]}"),
            Result("import.wall", median(samples), "s", note=f"{n} files")]
