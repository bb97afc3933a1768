"""A cheap run of the benchmark harness at tiny sizes: it must run and print valid JSON lines.

No timings are asserted here (CI machines are noisy); budgets are checked by reading `python -m bench`.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))
KEYS = {"name", "value", "unit", "budget", "ok"}


def _bench(*args: str, out: Path, timeout: int = 240, tmux_dir: str | None = None) -> subprocess.CompletedProcess:
    """Run `python -m bench --smoke`. `tmux_dir`: the TMUX_TMPDIR of the run, so the sockets of its private tmux
    servers are its own (the machine's other bench runs, another checkout's tests among them, make theirs in the
    shared tmux-UID folder of the temp directory: one made while this run went was taken for this run's leftover).
    `timeout` only stops a hung run (no timing is asserted here), killing all the run started."""
    env = dict(os.environ, PYTHONPATH=str(REPO), NEWSREADER_NO_SEED="1")
    if tmux_dir is not None:
        env["TMUX_TMPDIR"] = tmux_dir
    proc = subprocess.Popen([sys.executable, "-m", "bench", "--smoke", "--out", str(out), *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    leftover: set[str] = set()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)  # the run and every process it started (its tmux servers are stopped below)
        proc.communicate()
        raise
    finally:
        if tmux_dir is not None:
            leftover = _bench_sockets(tmux_dir)  # what the run left behind (stopped now, so nothing outlives it)
            _stop_servers(tmux_dir)
    done = subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr)
    done.leftover = leftover
    return done


def _bench_sockets(tmux_dir: str) -> set[str]:
    """The private tmux servers' socket files the bench's start-up measure makes (tmux's folder for this user)."""
    folder = Path(tmux_dir) / f"tmux-{os.getuid()}"
    return {p.name for p in folder.glob("newsreader-bench-*")} if folder.is_dir() else set()


def _stop_servers(tmux_dir: str) -> None:
    """Stop any tmux server whose socket is still in `tmux_dir` (a run stopped by the timeout left its own)."""
    for name in _bench_sockets(tmux_dir):
        sock = Path(tmux_dir) / f"tmux-{os.getuid()}" / name
        subprocess.run(["tmux", "-S", str(sock), "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def tmux_dir():
    """A TMUX_TMPDIR of the test's own, short (a socket's path has at most ~100 characters), removed after."""
    folder = tempfile.mkdtemp(prefix="nr-smoke-")
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def test_smoke_run_prints_json_lines_for_every_measure(tmp_path, tmux_dir):
    # (the hang guard was 240 s: the smoke run alone took 156 s wall at load 10, nice 5; the suite runs at nice 10
    # beside other helpers' suites at load 10-16, where this test's run was seen to fail)
    proc = _bench(out=tmp_path, tmux_dir=tmux_dir, timeout=1200)
    # The run leaves nothing behind: its private tmux server is gone and so is that server's socket file (read
    # before _bench stops what is left).
    assert proc.leftover == set(), proc.leftover
    assert proc.returncode == 0, proc.stderr[-2000:]
    lines = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert lines, "no JSON lines printed"
    for rec in lines:
        assert KEYS <= rec.keys(), rec
        assert isinstance(rec["name"], str) and rec["name"]
        assert rec["value"] is None or isinstance(rec["value"], (int, float))
        # A verdict exists exactly when there is a budget and a value to compare with it.
        assert (rec["ok"] is not None) == (rec["budget"] is not None and rec["value"] is not None), rec
    # Every measure reports something: numbers, or one "<measure>.skipped" line saying why.
    prefixes = {rec["name"].split(".")[0] for rec in lines}
    assert prefixes == {"machine", "analysis", "adversarial", "search", "import", "background", "startup", "keys", "memory",
                        "refresh", "stories", "story_feed", "bench"}, prefixes
    assert "| measure | value | budget | ok |" in proc.stderr
    # A key's UI-thread CPU time is part of its key -> repaint time (the figure to compare under load).
    values = {rec["name"]: rec["value"] for rec in lines}
    for key in ("move_in_list", "open_analysed", "switch_pane"):
        walls = [name for name in values if name.startswith(f"keys.{key}@") and name.endswith(".median")]
        for wall in walls:
            cpu = wall.replace(f"keys.{key}@", f"keys.{key}.ui_cpu@")
            if values[wall] is not None:
                assert values.get(cpu) is not None, (cpu, sorted(values))
                assert 0 < values[cpu] <= values[wall] + 1.0, (cpu, values[cpu], values[wall])
    # The start-up's CPU time to the first paint, beside its wall-clock time (tmux present).
    if values.get("startup.bare.median") is not None:
        assert values.get("startup.bare.cpu_median") and values["startup.bare.cpu_median"] > 0, sorted(values)


def test_unknown_measure_is_a_usage_error(tmp_path):
    proc = _bench("--only", "nonsense", out=tmp_path, timeout=60)
    assert proc.returncode == 2
    assert "unknown measure" in proc.stderr


def test_generated_articles_import_with_their_metadata():
    from bench.generate import article_parts, article_text
    from tui.importers import parse_text

    parts = article_parts(7)
    article = parse_text(article_text(7))
    assert article.title == parts["title"]
    assert article.source == parts["source"]
    assert article.published == parts["published"]
    # The footer disclaimer is page furniture, not body text.
    assert "publishes letters" not in article.body
    assert article.body.startswith(parts["paras"][0][:40])
    assert 300 <= len(article.body.split()) <= 2200
    assert article_text(7) == article_text(7)  # deterministic
    assert article_text(7) != article_text(8)
