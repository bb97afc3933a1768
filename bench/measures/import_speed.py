"""Import throughput: articles/s of `newsreader add DIR` on plain-text files (analysis deferred), >= 1,000/s; and the
grouping of the same articles into stories (issue 13: "import throughput stays >= 1,000 articles/s with grouping on,
or grouping keeps up"): `group_new` on each imported library, timed alone (wall and CPU) and added to the import's wall
time. A bulk `add` (more than GROUP_ON_ADD new articles, as here) leaves the grouping to the next `stories` command
or the app's background pass; its parse workers compute the articles' grouping features and the import stores them
(since session 32; before, the grouping computed them in worker processes), so that grouping only places them (a
smaller `add` groups at once)."""

from __future__ import annotations

import json
import subprocess
import sys
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
    samples, grouped, cpus, last_err = [], [], [], ""
    with tempfile.TemporaryDirectory(dir=ctx.out) as tmp:
        for rep in range(ctx.reps(3, 1)):
            db = Path(tmp) / f"import-{rep}.db"
            t0, k0 = time.perf_counter(), _children_cpu()
            proc = subprocess.run([*newsreader_cmd(), "--db", str(db), "add", str(folder)], env=child_env(),
                                  capture_output=True, text=True)
            dt = time.perf_counter() - t0
            cpus.append(_children_cpu() - k0)
            last_err = proc.stderr.strip().splitlines()[-1:] or [""]
            if proc.returncode != 0:
                raise NotAvailable(f"`newsreader add` failed: {last_err[0]}")
            samples.append(dt)
            grouped.append(_group(db))
    rates = [n / s for s in samples]
    placed = grouped[0]["placed"]
    group_wall = median([g["wall"] for g in grouped])
    group_cpu = median([g["cpu"] for g in grouped])
    both = median([s + g["wall"] for s, g in zip(samples, grouped)])
    import_cpu = median(cpus)
    return [Result("import.articles_per_s", median(rates), "articles/s", 1000.0, ">=",
                   f"{n} files, whole command incl. start-up; {last_err[0]}"),
            Result("import.wall", median(samples), "s", note=f"{n} files"),
            Result("import.group_per_s", placed / group_wall, "articles/s", 1000.0, ">=",
                   f"grouping the same {placed} articles into stories (group_new as after a bulk add, their features"
                   f" computed by the import's parse workers): {group_wall:.2f} s wall, {group_cpu:.2f} s CPU incl. workers ({1000 * group_cpu / max(1, placed):.2f} ms"
                   " an article); keeps up when >= the import's rate"),
            Result("import.with_grouping_per_s", n / both, "articles/s", 1000.0, ">=",
                   f"import then grouping, wall time of both ({both:.2f} s for {n} files)"),
            # grouping keeps up when it places articles at least as fast as they are imported: by wall time (the
            # rates above, noisy on a shared machine) and by CPU per article (what the load does not change)
            Result("import.group_keeps_up", (placed / group_wall) / median(rates), "x", 1.0, ">=",
                   "grouping's rate / the import's rate (wall): >= 1 when the grouping of an import is done in"
                   " no more time than the import took"),
            Result("import.cpu_per_article", 1000 * import_cpu / n, "ms",
                   note=f"CPU of the import command incl. its parse workers ({import_cpu:.2f} s for {n} files)"),
            Result("import.group_cpu_per_article", 1000 * group_cpu / max(1, placed), "ms",
                   note="CPU of the grouping incl. its workers, per article: <= import.cpu_per_article when"
                        " grouping keeps up with the same cores")]


def _children_cpu() -> float:
    """User + system CPU seconds of the finished child processes (the import command and its workers)."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


_GROUP = """
import json, sys, time
from tui.store import Library
from tui.stories import group_new
from tui.stories.features import preload
lib = Library(sys.argv[1])
preload()  # as in `add`, which has the term tables loaded when it groups
import resource
def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
t0, c0 = time.perf_counter(), cpu()
placed = group_new(lib)
print(json.dumps({"placed": placed, "wall": time.perf_counter() - t0, "cpu": cpu() - c0}))
lib.close()
"""


def _group(db: Path) -> dict:
    """Group an imported library's articles in a fresh process: articles placed, wall and CPU seconds of the call."""
    proc = subprocess.run([sys.executable, "-c", _GROUP, str(db)], env=child_env(), capture_output=True, text=True)
    if proc.returncode != 0:
        raise NotAvailable(f"grouping failed: {(proc.stderr.strip().splitlines() or [''])[-1]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])
