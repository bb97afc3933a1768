"""Cold start to first painted library in tmux: <= 1.3x a bare Textual app, and at the largest size <= 1.1x the smallest."""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from bench.generate import library
from bench.measures.common import REPO, NotAvailable, Result, child_env, median, need_tui, newsreader_cmd, p95
from bench.measures.tmux import Tmux


def _top_title(path) -> str:
    from tui.store import Library

    with Library(path) as lib:
        rows = lib.rows(0, 1)
    return rows[0].title


def _cpu_rounds(ctx, tmux, variants, needles, env) -> dict[str, list[tuple[float, float]]]:
    """The same starts run under bench/first_paint_cpu.py: (process, UI thread) CPU ms until the first paint."""
    out_dir = Path(tempfile.mkdtemp(dir=ctx.out))
    try:
        progs = {"bare": [str(REPO / "bench" / "bare_app.py"), needles["bare"]]}
        for k, v in variants.items():
            if v:
                progs[k] = ["-m", "tui.cli", "--db", str(v[0])]
        files = {k: out_dir / f"{k}.txt" for k in progs}
        for _ in range(ctx.reps(5, 1)):
            for k, prog in progs.items():
                cmd = [sys.executable, "-m", "bench.first_paint_cpu", str(files[k]), needles[k], "--", *prog]
                tmux.time_to_text(cmd, needles[k], env)
        result = {}
        for k, path in files.items():
            lines = path.read_text().split("\n") if path.exists() else []
            result[k] = [tuple(float(x) for x in line.split()) for line in lines if line.strip()]
        return result
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)


def run(ctx) -> list:
    need_tui()
    tmux = Tmux()
    try:
        variants = {"bare": None}
        for n in sorted({ctx.small, ctx.large}):
            path = library(n, ctx.out, log=ctx.log)
            variants[f"newsreader@{n}"] = (path, _top_title(path))
        # The needle is the start of the first title: the list pane may cut the rest.
        needles = {k: v[1][:24] for k, v in variants.items() if v}
        needles["bare"] = "bare app ready: first paint"
        cmds = {"bare": [sys.executable, str(REPO / "bench" / "bare_app.py"), needles["bare"]]}
        for k, v in variants.items():
            if v:
                cmds[k] = [*newsreader_cmd(), "--db", str(v[0])]
        env = {k: v for k, v in child_env().items() if k in ("NEWSREADER_NO_SEED", "NEWSREADER_CONFIG", "PYTHONPATH")}
        env["PYTHONPYCACHEPREFIX"] = str(ctx.out / "pycache")  # .pyc files for every variant, outside the source tree
        times = {k: [] for k in cmds}
        for k in cmds:  # one unmeasured start each: warms the disk cache and .pyc files
            tmux.time_to_text(cmds[k], needles[k], env)
        for _ in range(ctx.reps(7, 2)):
            for k in cmds:  # interleaved, so a noisy moment hits every variant alike
                times[k].append(tmux.time_to_text(cmds[k], needles[k], env))
        cpu = _cpu_rounds(ctx, tmux, variants, needles, env)
    except TimeoutError as exc:
        raise NotAvailable(f"the app did not paint its library: {exc}") from None
    finally:
        tmux.close()
    out = []
    for k, xs in times.items():
        out.append(Result(f"startup.{k}.median", median(xs) * 1000, "ms", note=f"n={len(xs)}"))
        out.append(Result(f"startup.{k}.p95", p95(xs) * 1000, "ms", note=f"n={len(xs)}"))
    bare = median(times["bare"])
    small, large = f"newsreader@{ctx.small}", f"newsreader@{ctx.large}"
    out.append(Result(f"startup.{small}_vs_bare", median(times[small]) / bare, "x", 1.3, "<=", "ratio of medians"))
    for k, xs in cpu.items():
        if xs:
            out.append(Result(f"startup.{k}.cpu_median", median([p for p, _ui in xs]), "ms",
                              note=f"n={len(xs)}; CPU time of the process until its first paint showed the text"
                                   f" (UI thread {median([ui for _p, ui in xs]):.0f} ms)"))
    if cpu.get("bare") and cpu.get(small):
        out.append(Result(f"startup.{small}_vs_bare.cpu", median([p for p, _ in cpu[small]])
                          / median([p for p, _ in cpu["bare"]]), "x",
                          note="ratio of the CPU-time medians (what the load of other programs does not change)"))
    if large != small:
        out.append(Result(f"startup.{large}_vs_{ctx.small}", median(times[large]) / median(times[small]), "x", 1.1,
                          "<=", "ratio of medians"))
    return out
