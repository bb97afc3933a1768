"""Two real processes on one library: one groups articles as they land and settles (the app), the other reads the
stories meanwhile (the app's list in another process, `newsreader stories | story`).

A window's regroup (tui/stories/regroup_window.py) took its articles out of their stories in one transaction, placed
them again in the next and gave the stories their ids back in a third: a reader between them saw the articles in no
story and their stories gone ("no stories" for a library the window covers). Here the grouping process is slowed
after that first step (a loaded machine), so that the reader, polling, would see it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.command import newsreader_cmd
from tests.stories.samples import ALL
from tui.store import Library

REPO = Path(__file__).resolve().parents[2]

GROUPER = """
import sys, time
sys.path.insert(0, sys.argv[2])
from tests.stories.samples import ALL
from tui.store import Library
from tui.stories import group_new, regroup_window, settle

real = regroup_window._forget
def slow(*args, **kwargs):
    real(*args, **kwargs)
    time.sleep(0.4)  # a loaded machine: the window's next step comes later
regroup_window._forget = slow
with Library(sys.argv[1]) as lib:
    print("ready", flush=True)
    sys.stdin.readline()
    for i, article in enumerate(ALL):
        lib.add(article)
        group_new(lib)  # as each lands
        if i % 3 == 2:
            settle(lib)  # the stream went quiet: the articles waiting for their window are regrouped
    settle(lib)
print("done", flush=True)
"""


@contextmanager
def grouping_process(lib_path: Path, script: str = GROUPER):
    """`script` (GROUPER) on the library, started and ready (it waits for `go`); killed if it still runs when the
    block ends."""
    Library(lib_path).close()
    grouper = subprocess.Popen([sys.executable, "-c", script, str(lib_path), str(REPO)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True)
    try:
        assert grouper.stdout.readline().strip() == "ready"
        yield grouper
    finally:
        if grouper.poll() is None:
            grouper.kill()
            grouper.wait(timeout=30)
        grouper.stdin.close()
        grouper.stdout.close()


def go(grouper: subprocess.Popen) -> None:
    grouper.stdin.write("go\n")
    grouper.stdin.flush()


def finished(grouper: subprocess.Popen, timeout: float) -> None:
    assert grouper.wait(timeout=timeout) == 0
    assert grouper.stdout.read().strip() == "done"


def test_a_reader_never_sees_a_window_half_regrouped(lib_path):
    seen: list[tuple[int, int]] = []
    with grouping_process(lib_path) as grouper:
        with Library(lib_path, readonly=True) as reader:
            go(grouper)
            deadline = time.monotonic() + 120
            while grouper.poll() is None and time.monotonic() < deadline:
                grouped, stories = reader.db.execute(
                    "SELECT (SELECT count(*) FROM story_articles), (SELECT count(*) FROM stories)").fetchone()
                seen.append((grouped, stories))
                time.sleep(0.01)
        finished(grouper, 60)
    assert len(seen) > 20 and seen[-1][0] > 0
    # articles only come: the grouped ones never fewer than a moment before, and stories never gone once there were
    falls = [(a, b) for a, b in zip(seen, seen[1:]) if b[0] < a[0] or (a[1] and not b[1])]
    assert not falls, falls[:5]


def test_the_command_line_beside_a_grouping_app_neither_hangs_nor_fails(lib_path, tmp_path):
    """`add`, `stories`, `stories --rebuild` and `story` run while another process groups articles as they land and
    settles (the app): each ends within its timeout with its usual answer or one clean line, and so does the app."""
    text = tmp_path / "pier.txt"
    text.write_text("Wexmoor pier reopens\n\nThe ferry pier at Wexmoor reopened on Tuesday after two years of repairs, "
                    "the harbour council said.\n", encoding="utf-8")
    runs = []
    env = dict(os.environ, NEWSREADER_DB=str(lib_path), NEWSREADER_NO_SEED="1")
    with grouping_process(lib_path) as grouper:
        go(grouper)
        for args in (["add", str(text)], ["stories"], ["stories", "--rebuild"], ["story", "1"], ["stories"]):
            r = subprocess.run(newsreader_cmd() + args, capture_output=True, text=True, timeout=120,
                               env=env)
            runs.append((args, r.returncode, r.stderr))
        finished(grouper, 120)
    for args, code, err in runs:
        assert "Traceback" not in err and err.count("\n") <= 1, (args, err)
        if args[0] == "add" or args == ["stories"]:
            assert code == 0, (args, err)
        elif args[0] == "story":
            assert code == 0 or err == "newsreader: error: no story with id 1\n", (args, err)
        else:  # the rebuild: done, or one line saying the app groups
            assert code == 0 or "grouped by another process" in err or "taken over" in err, (args, err)
    r = subprocess.run(newsreader_cmd() + ["stories", "--json"], capture_output=True, text=True, timeout=120, env=env)
    assert r.returncode == 0 and not r.stderr, r.stderr

    listed = [i for line in r.stdout.splitlines() for i in json.loads(line)["articles"]]
    assert len(listed) == len(set(listed)) == len(ALL) + 1  # every article in one story, once
