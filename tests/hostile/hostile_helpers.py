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


def make_app(db: Path):
    """The real app on library `db` with the user's (test) config, for `run_test`."""
    from tui.app.app import NewsreaderApp
    from tui.config import load_config

    return NewsreaderApp(db, load_config())
