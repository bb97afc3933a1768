"""`python -m bench`: run the speed measures, print JSON lines, then a readable table.

    python -m bench                      # everything, sizes 100, 10000, 100000
    python -m bench --only search        # one measure (names: see --list)
    python -m bench --sizes 100,10000    # smaller libraries
    python -m bench --smoke              # tiny sizes, few repetitions: checks the harness works (CI)

JSON lines go to stdout (one per number); progress and the table go to stderr, so
`python -m bench > results.jsonl` keeps the machine-readable part clean.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback
from pathlib import Path

from bench.measures.common import Context, NotAvailable, Result

# Order matters a little: cheap in-process measures first, the terminal ones (which start apps) later.
MEASURES = ["analysis", "adversarial", "search", "import_speed", "stories", "story_feed", "background", "startup", "keys", "memory", "refresh"]
# The name each measure's JSON lines start with (the module name unless told otherwise).
PREFIX = {"import_speed": "import"}
FULL_SIZES = [100, 10_000, 100_000]
SMOKE_SIZES = [30, 120]


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description="newsreader speed benchmarks")
    p.add_argument("--only", metavar="NAME", action="append", help=f"run only these measures: {', '.join(MEASURES)}")
    p.add_argument("--sizes", metavar="N,N", help="library sizes (default 100,10000,100000; smallest and largest are used)")
    p.add_argument("--smoke", action="store_true", help="tiny sizes and few repetitions; no budgets are meaningful")
    p.add_argument("--out", metavar="DIR", help="where generated libraries are cached (default bench/out/)")
    p.add_argument("--list", action="store_true", help="list the measures and exit")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list:
        for name in MEASURES:
            mod = importlib.import_module(f"bench.measures.{name}")
            print(f"{name:14} {mod.__doc__.strip().splitlines()[0]}")
        return 0
    aliases = {prefix: name for name, prefix in PREFIX.items()}  # `--only import` means import_speed
    only = [aliases.get(n.strip(), n.strip()) for group in (args.only or []) for n in group.split(",") if n.strip()]
    unknown = [n for n in only if n not in MEASURES]
    if unknown:
        print(f"unknown measure(s): {', '.join(unknown)}; choose from {', '.join(MEASURES)}", file=sys.stderr)
        return 2
    if args.sizes:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()})
    else:
        sizes = SMOKE_SIZES if args.smoke else FULL_SIZES
    out = Path(args.out) if args.out else Path(__file__).resolve().parent / "out"
    out.mkdir(parents=True, exist_ok=True)
    ctx = Context(sizes=sizes, out=out, smoke=args.smoke)

    results: list[Result] = []
    skipped: list[tuple[str, str]] = []
    failed: list[str] = []
    t_all = time.perf_counter()
    # These machines are shared: the load shows how much the absolute numbers can be trusted.
    load = Result("machine.load_average_1min", os.getloadavg()[0], "", note=f"{os.cpu_count()} cores")
    print(load.json(), flush=True)
    results.append(load)
    for name in only or MEASURES:
        t0 = time.perf_counter()
        ctx.log(f"== {name}")
        try:
            mod = importlib.import_module(f"bench.measures.{name}")
            for r in mod.run(ctx):
                print(r.json(), flush=True)
                results.append(r)
        except NotAvailable as exc:
            skipped.append((name, str(exc)))
            print(Result(f"{PREFIX.get(name, name)}.skipped", None, "", note=str(exc)).json(), flush=True)
            ctx.log(f"   skipped: {exc}")
        except Exception as exc:  # a broken measure must not hide the others; the exit code says it failed
            failed.append(name)
            why = f"{type(exc).__name__}: {exc}"
            skipped.append((name, "FAILED " + why))
            print(Result(f"{PREFIX.get(name, name)}.error", None, "", note=why).json(), flush=True)
            ctx.log("   " + "".join(traceback.format_exception(exc)).rstrip().replace("\n", "\n   "))
        ctx.log(f"   {name} took {time.perf_counter() - t0:.1f} s")
    total = Result("bench.total_time", time.perf_counter() - t_all, "s", 600.0 if not only and not args.smoke else None,
                   "<=" if not only and not args.smoke else None, "whole run, 10-minute budget")
    print(total.json(), flush=True)
    results.append(total)
    print(table(results, skipped), file=sys.stderr)
    return 1 if failed else 0


def table(results: list[Result], skipped: list[tuple[str, str]]) -> str:
    """A Markdown table of every number, budget and verdict (pasteable into the README)."""
    lines = ["| measure | value | budget | ok |", "|---|---:|---|---|"]
    for r in results:
        value = "-" if r.value is None else f"{r.value:,.4g} {r.unit}".strip()
        budget = "" if r.budget is None else f"{r.cmp} {r.budget:g} {r.unit}".strip()
        ok = "" if r.ok is None else ("yes" if r.ok else "**NO**")
        note = f" ({r.note})" if r.note and not r.note.startswith("n=") else ""
        lines.append(f"| {r.name}{note} | {value} | {budget} | {ok} |")
    for name, why in skipped:
        lines.append(f"| {name} | skipped: {why} | | |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
