"""Count the machine instructions one analysis costs, with valgrind: a figure the machine's load cannot change.

    python -m bench.instructions                         # the adversarial texts at 100 KB
    python -m bench.instructions --texts quotes,datelines --size 100000
    python -m bench.instructions --texts article10k      # a generated 10,000-word article (bench/generate.py)
    python -m bench.instructions --second                # the text analysed twice: the second analysis counted
    python -m bench.instructions --in-process            # one run per text: only the analyze() call counted

On a shared machine a CPU-time figure moves by 10-40% with the load (cache and frequency contention), so
small engine changes cannot be compared by timing. Valgrind's cachegrind counts the instructions the process
executes, the same on every run (PYTHONHASHSEED is fixed). Each text costs two runs of a child process under
valgrind: one that imports the engine, analyses the bench's warm-up sentence and then this text, and one that
does the same without the text; the difference is the analysis of the text, as the `adversarial` measure
times it (a fresh process, the first analysis of the text after the warm-up). With `--second` the text is
analysed once more in both runs and only that analysis is counted (the first analysis's extra work: memos
filled, memory first touched, shows as the difference between the two figures). Run it from the checkout
whose code is to be counted; compare two versions by running it in each (instructions in millions, "M").

With `--in-process`, one run of callgrind per text counts only what executes inside the analysis call: the child
calls `operator.call(analyze, text)` and callgrind collects only inside `_operator_call` (`--toggle-collect`;
nothing in the engine calls operator.call, which would switch the count off inside it). The two-run difference
above varies by ~1-3 % between runs (two whole processes of ~4,000 M each), more than most single engine
changes; the in-process figure repeats to ~0.05 % (session 11: dense quotes 1,824.9 / 1,825.3 M) and is a few
tens of M below it (the two-run figure also counts, probably, freeing the analysis at the child's exit).

Valgrind is slow (about 40x: a run takes ~30 s of CPU), so run it under `nice -n 10`. Needs `valgrind` on PATH.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
_WARM_UP = "Warm-up: Ada Lovelace met Charles Babbage in London."  # the adversarial measure's warm-up
_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def text_of(name: str, size: int) -> str:
    """The adversarial text `name` at `size` characters, or a generated article ("article800", "article10k")."""
    if name.startswith("article"):
        from bench.generate import body_of_words  # the `analysis` measure's generated articles
        return body_of_words({"article800": 800, "article10k": 10_000}[name], seed=100)[1]
    from bench.measures.adversarial import texts
    return texts(size)[name]


def _child(name: str, size: int, with_text: bool, second: bool) -> None:
    """What runs under valgrind: the warm-up, then (when `with_text`) the analysis of the text."""
    sys.path.insert(0, REPO)
    text = text_of(name, size)
    from tui.engine.analysis import analyze
    analyze(_WARM_UP)
    if second:
        analyze(text)
    if with_text:
        analyze(text)


def _toggled_child(name: str, size: int) -> None:
    """What runs under callgrind with --in-process: the warm-up, then the analysis inside operator.call."""
    import operator

    sys.path.insert(0, REPO)
    text = text_of(name, size)
    from tui.engine.analysis import analyze
    analyze(_WARM_UP)
    operator.call(analyze, text)  # callgrind collects only inside this call


_COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def _valgrind(tool: list[str], code: str, found_by: re.Pattern) -> str:
    """Run `python -c code` under valgrind with `tool`'s options; the figure `found_by` finds in its report."""
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="adv-instr-") as tmp:
        out = os.path.join(tmp, "cg.out")
        run = subprocess.run(["valgrind", *(arg.format(out=out) for arg in tool), sys.executable, "-c", code],
                             cwd=REPO, env=env, capture_output=True, text=True)
    found = found_by.search(run.stderr)
    if run.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed ({run.returncode}): {run.stderr.strip().splitlines()[-1:]}")
    return found.group(1)


def count_in_process(name: str, size: int) -> int:
    """Instructions executed inside the analysis call of one child run under callgrind."""
    code = (f"import sys; sys.path.insert(0, {REPO!r}); from bench.instructions import _toggled_child; "
            f"_toggled_child({name!r}, {size})")
    return int(_valgrind(["--tool=callgrind", "--toggle-collect=_operator_call*", "--callgrind-out-file={out}"],
                         code, _COLLECTED))


def count(name: str, size: int, with_text: bool, second: bool) -> int:
    """Instructions of one child run under cachegrind."""
    code = (f"import sys; sys.path.insert(0, {REPO!r}); from bench.instructions import _child; "
            f"_child({name!r}, {size}, {with_text}, {second})")
    return int(_valgrind(["--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file={out}"], code,
                         _REFS).replace(",", ""))


def main(argv: list[str] | None = None) -> int:
    """Print one line per text: the instructions (millions) of its analysis."""
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--texts", default="repeated_name,repeated_company,datelines,no_punctuation,giant_word,quotes")
    p.add_argument("--size", type=int, default=100_000, help="characters of each adversarial text")
    p.add_argument("--second", action="store_true", help="count a second analysis of the same text")
    p.add_argument("--in-process", action="store_true", help="one callgrind run per text, only the analysis counted")
    args = p.parse_args(argv)
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    names = [t for t in args.texts.split(",") if t]
    base: dict = {}
    for name in names:
        if args.in_process:
            size = "" if name.startswith("article") else f"@{args.size // 1000}KB"
            print(f"{name}{size} (in-process): {count_in_process(name, args.size) / 1e6:,.1f} M", flush=True)
            continue
        # the run without the text: the same for every adversarial text (all are built in every run) unless the
        # text itself is analysed once in it (--second)
        key = name if args.second else name.startswith("article")
        if key not in base:
            base[key] = count(name, args.size, False, args.second)
        with_text = count(name, args.size, True, args.second)
        size = "" if name.startswith("article") else f"@{args.size // 1000}KB"
        print(f"{name}{size}{' (second analysis)' if args.second else ''}: {(with_text - base[key]) / 1e6:,.1f} M",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
