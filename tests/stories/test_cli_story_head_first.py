"""`newsreader story ID` prints its head (title, articles, dates, outlets) as soon as the story's row is read, before
its summary is made (session 37, close-s36 "App / CLI": it printed nothing until its end, 3.6 s for a big story), on
a terminal with a line saying the summary is being made, wiped when it comes; the whole text is the same as before,
and `--format json` is one document at the end."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time

from command import on_a_terminal

from tests.stories.added_steps import added_fixture, run
from tests.stories.samples import ALL

added = added_fixture(ALL)  # the samples, imported with `newsreader add` (which groups them)

# `newsreader` in its own process whose summary waits until the test makes the file $STORY_GATE: what it printed
# before that, it printed before the summary was made
GATED = ("import os, sys, time\nimport tui.stories as stories\nmade = stories.story_summary\n"
         "def gated(*args, **kwargs):\n"
         "    deadline = time.monotonic() + 300\n"
         "    while not os.path.exists(os.environ['STORY_GATE']) and time.monotonic() < deadline:\n"
         "        time.sleep(0.05)\n"
         "    return made(*args, **kwargs)\n"
         "stories.story_summary = gated\n"
         "from tui.cli import main\nsys.exit(main(sys.argv[1:]))\n")


def _biggest() -> int:
    rows = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    return max(rows, key=lambda s: len(s["articles"]))["id"]


def _lines_before(proc, n: int, seconds: float = 60.0) -> str:
    """The first `n` lines `proc` writes to its stdout, read within `seconds` (what is read by then, else)."""
    got, deadline = b"", time.monotonic() + seconds
    fd = proc.stdout.fileno()
    while got.count(b"\n") < n and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.1)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            got += chunk
    return got.decode()


def _head_then_rest(gate, head: list[str], *args: str) -> tuple[str, str]:
    """(what `story ARGS` printed into a pipe before its summary was made, which must be the lines `head`; the rest)."""
    proc = subprocess.Popen([sys.executable, "-c", GATED, "story", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "STORY_GATE": str(gate)})
    try:
        early = _lines_before(proc, len(head))
        assert early.splitlines()[:len(head)] == head, (early, head)  # through a pipe, before the summary
        assert proc.poll() is None  # (still waiting at the gate)
        gate.touch()
        rest, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    return early, rest.decode()


def test_the_head_comes_before_the_summary_is_made(added, tmp_path):
    story = _biggest()
    whole = run("story", str(story))
    assert whole.returncode == 0, whole.stderr
    head = whole.stdout.splitlines()[:2]
    assert " articles · " in head[1], head
    early, rest = _head_then_rest(tmp_path / "gate", head, str(story))
    assert early + rest == whole.stdout  # the same text as a whole, nothing said of the wait into a pipe


def test_json_is_one_document_at_the_end(added, tmp_path):
    story = _biggest()
    gate = tmp_path / "gate"
    proc = subprocess.Popen([sys.executable, "-c", GATED, "story", str(story), "--format", "json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={**os.environ, "STORY_GATE": str(gate)})
    try:
        # (a head printed early would be read here; the summary waits at the gate, so nothing may come at all:
        # a short look, not a wait for something that should not come)
        ready, _, _ = select.select([proc.stdout.fileno()], [], [], 1.0)
        assert not ready
        gate.touch()
        out, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 0, err
    assert json.loads(out)["id"] == story


def test_on_a_terminal_a_line_says_the_summary_is_being_made_and_goes(added):
    story = _biggest()
    lines = on_a_terminal(["story", str(story)], 120)
    whole = run("story", str(story)).stdout.splitlines()
    # the line, then wiped with spaces (and the cursor back: "\r", a line break to splitlines) where the blank line
    # under the head comes: the screen shows the text alone
    assert lines[:2] == whole[:2], (lines[:4], whole[:3])
    assert lines[2].startswith("making the summary of 4 articles"), lines[:4]
    assert lines[3] == " " * len(lines[2]), lines[:4]
    assert [x.rstrip() for x in lines[4:] if x.strip()] == [x.rstrip() for x in whole[2:] if x.strip()], (lines, whole)


def test_the_markdown_s_head_comes_first_too_and_a_pipe_gets_the_markdown_alone(added, tmp_path):
    # cli38: `story ID --format md` printed nothing until the whole summary was made
    story = _biggest()
    whole = run("story", str(story), "--format", "md")
    assert whole.returncode == 0, whole.stderr
    head = whole.stdout.splitlines()[:3]
    assert head[0].startswith("# ") and head[1] == "" and " articles · " in head[2], head
    early, rest = _head_then_rest(tmp_path / "gate", head, str(story), "--format", "md")
    assert early + rest == whole.stdout  # the same Markdown as a whole, no word of the wait in it
    assert "making the summary" not in whole.stdout + early + rest


def test_on_a_terminal_the_markdown_says_the_summary_is_being_made_and_the_line_goes(added):
    story = _biggest()
    lines = on_a_terminal(["story", str(story), "--format", "md"], 120)
    whole = run("story", str(story), "--format", "md").stdout.splitlines()
    assert lines[:3] == whole[:3], (lines[:5], whole[:4])
    assert lines[3].startswith("making the summary of 4 articles"), lines[:5]
    assert lines[4] == " " * len(lines[3]), lines[:5]
    assert [x.rstrip() for x in lines[5:] if x.strip()] == [x.rstrip() for x in whole[3:] if x.strip()], (lines, whole)
