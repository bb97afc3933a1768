"""What every measure shares: the result record, median/p95, skipping, and how to start `newsreader`."""

from __future__ import annotations

import importlib
import json
import os
import shutil
import statistics
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


class NotAvailable(Exception):
    """The code a measure needs does not exist yet (or a tool is missing); the measure is skipped."""


@dataclass
class Result:
    """One JSON line: {"name","value","unit","budget","ok"} (+ "cmp" for the budget's direction)."""

    name: str
    value: float | None
    unit: str
    budget: float | None = None
    cmp: str | None = None  # "<=" or ">=" when there is a budget
    note: str = ""

    @property
    def ok(self) -> bool | None:
        if self.budget is None or self.value is None:
            return None
        return self.value <= self.budget if self.cmp == "<=" else self.value >= self.budget

    def json(self) -> str:
        d = {"name": self.name, "value": None if self.value is None else round(self.value, 4), "unit": self.unit,
             "budget": self.budget, "ok": self.ok, "cmp": self.cmp}
        if self.note:
            d["note"] = self.note
        return json.dumps(d)


@dataclass
class Context:
    """Run settings handed to every measure."""

    sizes: list[int]
    out: Path
    smoke: bool = False
    log: object = field(default=lambda msg: print(msg, file=sys.stderr, flush=True))

    def reps(self, full: int, smoke: int = 2) -> int:
        return smoke if self.smoke else full

    @property
    def small(self) -> int:
        return min(self.sizes)

    @property
    def large(self) -> int:
        return max(self.sizes)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def p95(xs: list[float]) -> float:
    """95th percentile, interpolated between the nearest ranks (the maximum for tiny samples)."""
    if len(xs) < 2:
        return xs[0]
    return statistics.quantiles(xs, n=20, method="inclusive")[18]


def need_module(name: str, attr: str | None = None):
    """Import `name` (and check `attr`) or raise NotAvailable with a plain reason."""
    try:
        mod = importlib.import_module(name)
    except ImportError as exc:
        raise NotAvailable(f"not available yet: {name} ({exc})") from None
    if attr and not hasattr(mod, attr):
        raise NotAvailable(f"not available yet: {name}.{attr}")
    return mod


def need_tui() -> None:
    """The TUI entry point `tui.app.run` must exist."""
    need_module("tui.app", "run")


def newsreader_cmd() -> list[str]:
    """How to start the real `newsreader` command from this interpreter's environment."""
    script = Path(sys.executable).parent / "newsreader"
    if script.exists():
        return [str(script)]
    found = shutil.which("newsreader")
    return [found] if found else [sys.executable, "-m", "tui.cli"]


def child_env(**extra: str) -> dict:
    """Environment for measured child processes: no seeding, no user library touched by accident."""
    env = dict(os.environ)
    env["NEWSREADER_NO_SEED"] = "1"
    env.pop("NEWSREADER_DB", None)
    # Defaults, as a new user has them: not whatever theme or options this machine's user config holds.
    env["NEWSREADER_CONFIG"] = str(REPO / "bench" / "out" / "no-config.toml")
    env["PYTHONPATH"] = str(REPO) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def timed_results(base: str, samples: list[float], unit: str, *, median_budget: float | None = None,
                  p95_budget: float | None = None, scale: float = 1.0) -> list[Result]:
    """Median and p95 lines for one sampled measure (values multiplied by `scale`, e.g. 1000 for ms)."""
    xs = [x * scale for x in samples]
    n = f"n={len(xs)}"
    return [Result(f"{base}.median", median(xs), unit, median_budget, "<=" if median_budget is not None else None, n),
            Result(f"{base}.p95", p95(xs), unit, p95_budget, "<=" if p95_budget is not None else None, n)]
