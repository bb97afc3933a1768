"""bench/quality_stories.py's scratch folder (TMPDIR/stories-bench-PID-XXXX, its libraries): a run killed with SIGTERM
(a timeout, `kill`) or interrupted with ctrl-c removes it on the way out, and ends the scorer it was waiting for; a
run removes the folders of runs gone for a day that could not (SIGKILL). A killed run left its folder behind."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.quality_stories import sweep_stale  # noqa: E402
from tests.stories.test_window_size import _stream  # noqa: E402

# The scorer the run waits for: says where it is (in the run's scratch folder) and its pid, then waits to be ended.
SCORER = """import os, sys, time
from pathlib import Path
Path(sys.argv[1]).with_name("scoring").write_text(str(os.getpid()))
time.sleep(300)
"""


def _eval_dir(root: Path) -> Path:
    """A dev set of our own generated articles, and a scorer that waits."""
    (root / "dev").mkdir(parents=True)
    rows = [{"id": f"a{k}", "title": a.title, "text": a.body, "source": a.source, "date": a.published,
             "cluster": f"e{k % 3}"} for k, a in enumerate(_stream(12))]
    (root / "dev" / "clusters.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    (root / "score_clusters.py").write_text(SCORER)
    return root


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"  # (a zombie of another parent)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_a_killed_run_removes_its_scratch_folder_and_ends_its_scorer(tmp_path, sig):
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    evals = _eval_dir(tmp_path / "eval")
    env = dict(os.environ, TMPDIR=str(tmp))
    # (SIGINT as a terminal's ctrl-c sends it: not ignored, as a shell's background job would inherit it)
    run = subprocess.Popen([sys.executable, str(REPO / "bench" / "quality_stories.py"), str(evals), "--only", "group",
                            "--no-halves", "--salt", "0", "--proxy", "0"], env=env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.PIPE, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        deadline = time.monotonic() + 300
        while not list(tmp.glob("stories-bench-*/scoring")) and run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
        [marker] = list(tmp.glob("stories-bench-*/scoring"))
        folder = marker.parent
        assert folder.name.startswith(f"stories-bench-{run.pid}-")
        while not marker.read_text():  # (the scorer writes its pid)
            time.sleep(0.05)
        scorer = int(marker.read_text())
        run.send_signal(sig)
        run.wait(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
            run.wait()
    try:
        assert run.returncode != 0
        assert not folder.exists() and list(tmp.iterdir()) == [], run.stderr.read().decode()[-2000:]
        deadline = time.monotonic() + 30
        while not _gone(scorer) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert _gone(scorer)
    finally:  # (nothing left behind when it fails)
        if not _gone(scorer):
            os.kill(scorer, signal.SIGKILL)


def test_a_run_removes_the_folders_left_by_runs_gone_for_a_day(tmp_path):
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # a process id no process has now
    day_ago = time.time() - 86400 - 60
    folders = {}
    for name, pid, old in (("gone-old", ended.pid, True), ("gone-new", ended.pid, False),
                           ("alive-old", os.getpid(), True)):
        folders[name] = tmp_path / f"stories-bench-{pid}-{name.replace('-', '')}"
        (folders[name] / "lib.db").parent.mkdir()
        (folders[name] / "lib.db").write_bytes(b"x")
        if old:
            os.utime(folders[name], (day_ago, day_ago))
    unnamed = tmp_path / "stories-bench-k2x9q"  # (a run of older code, or another program's: no pid to look up)
    unnamed.mkdir()
    os.utime(unnamed, (day_ago, day_ago))
    assert sweep_stale(tmp_path) == [folders["gone-old"]]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [folders["gone-new"].name, folders["alive-old"].name, unnamed.name])
