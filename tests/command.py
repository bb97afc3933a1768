"""How tests run the installed `newsreader` command (shared by the CLI, hostile and seeding tests).

tests/ is on sys.path because tests/conftest.py lives there (pytest's default prepend import mode).
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
from pathlib import Path


def cli_error(message: str) -> str:
    """The error line `newsreader` prints for `message` (no newline): the message is cut in the middle past ERROR_CELLS
    cells, so a test whose line holds its temp folder twice asserts the line as printed (a long TMPDIR cuts it)."""
    from tui.cells import echoed
    from tui.cli import ERROR_CELLS

    return f"newsreader: error: {echoed(message, ERROR_CELLS)}"


def command_parsers(parser: argparse.ArgumentParser, name: str = "newsreader"):
    """(command words, its parser) for the command line's parser and each of its subcommands', depth first."""
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub_name, sub in action.choices.items():
                yield from command_parsers(sub, f"{name} {sub_name}")


def newsreader_cmd() -> list[str]:
    """The installed `newsreader` next to this Python, else on PATH, else the module."""
    exe = Path(sys.executable).parent / "newsreader"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("newsreader")
    return [found] if found else [sys.executable, "-m", "tui.cli"]


def drain_terminal(master: int) -> bytes:
    """Everything a child wrote to a pseudo-terminal until its end closed (the slave side already closed here); the
    master is closed."""
    data = b""
    try:
        while chunk := os.read(master, 65536):
            data += chunk
    except OSError:  # the other end closed (EIO on Linux)
        pass
    finally:
        os.close(master)
    return data


def on_a_terminal(args: list[str], columns: int, timeout: float = 300) -> list[str]:
    """`newsreader ARGS` with its output on a pseudo-terminal `columns` wide (24 rows); its lines. It must exit 0."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    proc = subprocess.Popen(newsreader_cmd() + args, stdout=slave, stderr=subprocess.PIPE, env=env)
    os.close(slave)
    data = drain_terminal(master)
    proc.wait(timeout=timeout)
    assert proc.returncode == 0, proc.stderr.read()
    proc.stderr.close()
    return data.decode("utf-8").replace("\r\n", "\n").splitlines()
