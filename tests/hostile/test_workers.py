"""Worker processes die with their parent (issue 14 item 6): kill -9 or SIGTERM of `newsreader add DIR`
or `newsreader analyze` while its workers run, and no process of the run may survive it."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from hostile_helpers import newsreader_cmd
from test_durability import session_processes, survivors_after

BODY = "The harbour council met on Monday and voted to expand the port, said Maria Silva of the city. " * 6


def make_folder(root: Path, n: int) -> Path:
    folder = root / "src"
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(f"Headline {i} about the harbour\n\n{BODY}\n\nMarker {i}.\n")
    return folder


def trial(args: list[str], env: dict, sig: int) -> tuple[bool, list[int]]:
    """Start the command in its own session, wait until its workers exist, send `sig` to the parent alone.

    Returns (workers were running when it was killed, pids of the run still alive 5 s later).
    """
    proc = subprocess.Popen(newsreader_cmd() + args, env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    end = time.monotonic() + 60
    running = False
    while time.monotonic() < end and proc.poll() is None:
        if len([p for p in session_processes(proc.pid) if p != proc.pid]) >= 2:
            running = True
            break
        time.sleep(0.01)
    if proc.poll() is None:
        proc.send_signal(sig)
    proc.wait(timeout=60)
    return running, survivors_after(proc.pid)


def run_trials(tmp_path: Path, trials: int, command: str) -> None:
    db = tmp_path / "lib.db"
    env = dict(os.environ, NEWSREADER_NO_SEED="1", NEWSREADER_DB=str(db))
    folder = make_folder(tmp_path, 400)
    if command == "add":
        args = ["add", "--dry-run", str(folder)]
    else:
        subprocess.run(newsreader_cmd() + ["add", str(folder)], env=env, capture_output=True, timeout=600, check=True)
        args = ["analyze", "--jobs", "2"]
    bad, hit = [], 0
    for i in range(trials):
        sig = signal.SIGTERM if i % 4 == 3 else signal.SIGKILL
        running, alive = trial(args, env, sig)
        hit += running
        if alive:
            bad.append((i, sig.name, alive))
    print(f"{command}: {trials} trials, {hit} with workers running at the kill, {len(bad)} left processes behind")
    assert hit >= trials // 2, "the kills did not land while the workers ran"
    assert not bad, f"processes of a killed run survived: {bad}"


def test_add_workers_die_with_parent(tmp_path):
    run_trials(tmp_path, 6, "add")


def test_analyze_workers_die_with_parent(tmp_path):
    run_trials(tmp_path, 3, "analyze")


@pytest.mark.slow
def test_add_workers_die_with_parent_full(tmp_path):
    run_trials(tmp_path, 100, "add")
