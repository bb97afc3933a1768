"""Helpers shared by the hostile-input, crash and concurrency tests (imported by name, unlike conftest)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for the shared command helper (also when run as a script)

from command import newsreader_cmd  # noqa: E402  (re-exported for the hostile tests)
from damaged_pages import run_sql  # noqa: E402, F401  (re-exported for the hostile tests)

# Bytes that would make a terminal do something: ESC, BEL, 8-bit CSI/OSC/ST (as UTF-8), other C0 but \n and \t.
TERMINAL_BYTES = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]")


def run_cli(*args: str, db: Path | None = None, timeout: float = 120, stdin: bytes | None = None,
            env_extra: dict | None = None) -> subprocess.CompletedProcess:
    """Run `newsreader ARGS` and capture stdout/stderr as bytes (to check exactly what a terminal would get)."""
    env = dict(os.environ, NEWSREADER_NO_SEED="1", **(env_extra or {}))
    if db is not None:
        env["NEWSREADER_DB"] = str(db)
    return subprocess.run(newsreader_cmd() + list(args), input=stdin, capture_output=True, env=env, timeout=timeout)


def terminal_bytes(data: bytes) -> list[bytes]:
    """The control bytes in `data` that a terminal would act on (empty when safe)."""
    return TERMINAL_BYTES.findall(data)


def one_line_error(stderr: bytes) -> str:
    """Assert stderr is exactly one clean line (no traceback) and return it."""
    text = stderr.decode("utf-8", "replace").strip()
    assert text, "expected an error message on stderr"
    assert "Traceback" not in text, text
    assert len(text.splitlines()) == 1, f"error is not one line:\n{text}"
    assert not terminal_bytes(stderr.strip()), stderr
    return text


def eight_articles(tmp_path: Path, text: str, *commands: list[str]) -> Path:
    """A library (tmp_path/lib.db) of eight articles added from text files `text.format(n=1..8)`, then each of
    `commands` (a CLI command's arguments) run on it; every run asserted to succeed."""
    src = tmp_path / "src"
    src.mkdir()
    for i in range(1, 9):
        (src / f"a{i}.txt").write_text(text.format(n=i))
    db = tmp_path / "lib.db"
    for args in (["add", str(src)], *commands):
        r = run_cli(*args, db=db)
        assert r.returncode == 0, (args, r.stderr)
    return db


def make_app(db: Path):
    """The real app on library `db` with the user's (test) config, for `run_test`."""
    from tui.app.app import NewsreaderApp
    from tui.config import load_config

    return NewsreaderApp(db, load_config())


async def add_in_dialog(pilot, path) -> None:
    """In the app just started: `a`, PATH put in the add dialog's box (typing it is slow), enter."""
    await pilot.pause()
    await pilot.press("a")
    await pilot.pause()
    pilot.app.screen.query_one("#add-path").value = str(path)
    await pilot.press("enter")


# The app's whole-library analysis pass (tui/app/parts/background.py): its worker thread waits on a child process
# that runs at nice 19, so under load 15-20 (other jobs on the two cores) it gets almost no CPU and may take many
# minutes to analyse a test's library. A test about keys or concurrent readers does not wait for it to finish;
# `workers_done` checks that it has not failed (a pass that stopped on an error also says so in a toast).
BACKGROUND_PASS = "background"


async def workers_done(app, seconds: float, leave: tuple[str, ...] = (BACKGROUND_PASS,)) -> None:
    """Wait (up to `seconds`, a generous bound) until no worker of the app runs but those of the groups in `leave`;
    fail on a worker that failed, the left ones included when they have finished.

    A worker cancelled by a newer one of its exclusive group is the app working as meant (the library watch reloads
    the list every 0.5 s while imports commit, and a reload cancels the list load still running; the palette cancels
    its own search as it closes): Textual's `wait_for_complete` raises WorkerCancelled for it, so cancelled workers are
    let through here and the rest waited for again until none is left running."""
    import asyncio

    from textual.worker import WorkerCancelled, WorkerState

    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while running := [w for w in app.workers if not w.is_finished and w.group not in leave]:
        assert loop.time() < end, f"workers still running after {seconds} s: {running}"
        done, pending = await asyncio.wait([asyncio.ensure_future(w.wait()) for w in running],
                                           timeout=max(0.1, end - loop.time()))
        for task in pending:
            task.cancel()  # (the waits, not the workers)
        failed = [t.exception() for t in done if t.exception() is not None
                  and not isinstance(t.exception(), WorkerCancelled)]
        assert not failed, failed
    failed = [w for w in app.workers if w.state == WorkerState.ERROR]
    assert not failed, [(w.name, w.error) for w in failed]


async def keys_handled(pilot, seconds: float = 120.0) -> None:
    """Wait until the app has handled the keys sent to it (a burst queued all at once): nothing waiting in the app's
    message queue, no worker running but the whole-library pass, and the same screens on the stack two rounds in a
    row (a key may open a screen whose own messages come after it). A fixed pause was too short under load 15-20;
    `seconds` bounds the wait."""
    import asyncio

    app = pilot.app
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    last, steady = None, 0
    while steady < 2:
        assert loop.time() < end, f"keys still being handled after {seconds} s"
        await pilot.pause()
        await workers_done(app, max(0.1, end - loop.time()))
        stack = [id(s) for s in app.screen_stack]
        steady = steady + 1 if stack == last and app._message_queue.empty() else 0
        last = stack
