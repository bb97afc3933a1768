"""Hang and blow-up guards that count CPU seconds, not wall seconds (shared by the engine and hostile tests).

A wall-clock bound is a load question: the same linear run took 6.8 s at load 7 and 66.8 s at load ~18 on two
cores, so a 60 s wall bound failed a healthy engine. The child's CPU time hardly moves with load, while a hang
(a loop that never ends) or a quadratic stage still burns CPU without end: the kernel stops the child when it
has used `cpu_seconds` (RLIMIT_CPU, SIGXCPU), and the test fails with one line. A child blocked without
burning CPU (a deadlock, a read that never returns) is caught by a wall timeout many times longer, which no
load reaches.

tests/ is on sys.path because tests/conftest.py lives there (pytest's default prepend import mode).
"""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@dataclass
class CpuRun:
    stdout: str
    stderr: str
    cpu: float  # user + system seconds the child used, imports included


def _prelude(cpu_seconds: float) -> str:
    """Set by the child itself (no preexec_fn: the test process may run threads), before anything else; the
    child imports the test helpers as pytest does (`tests.x` from the checkout, `x` from tests/)."""
    soft = max(1, int(cpu_seconds + 0.999))
    return (f"import resource as _r, sys as _s; _r.setrlimit(_r.RLIMIT_CPU, ({soft}, {soft + 5})); "
            f"_s.path[1:1] = [{str(REPO)!r}, {str(REPO / 'tests')!r}]; del _r, _s\n")


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_cpu_bounded(code: str, cpu_seconds: float, what: str, *, wall_seconds: float | None = None,
                    env: dict | None = None) -> CpuRun:
    """Run `python -c code` from the checkout, failing the test if it uses more than `cpu_seconds` of CPU.

    `wall_seconds` (default: 20 x the CPU bound, at least 600 s) only catches a child blocked without using CPU.
    A child that exits non-zero fails the test with the end of its stderr.
    """
    wall = wall_seconds if wall_seconds is not None else max(600.0, 20 * cpu_seconds)
    before = _children_cpu()
    try:
        r = subprocess.run([sys.executable, "-c", _prelude(cpu_seconds) + textwrap.dedent(code)], capture_output=True,
                           text=True, timeout=wall, cwd=REPO, env=env if env is not None else dict(os.environ))
    except subprocess.TimeoutExpired:
        pytest.fail(f"{what}: blocked for {wall:.0f} s (wall) without finishing")
    used = _children_cpu() - before
    if r.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        pytest.fail(f"{what}: stopped after {used:.1f} s of CPU (bound {cpu_seconds:g} s): a hang or a blow-up")
    assert r.returncode == 0, f"{what}: exit {r.returncode}: {r.stderr[-2000:]}"
    return CpuRun(r.stdout, r.stderr, used)
