"""How tests run the installed `newsreader` command (shared by the CLI, hostile and seeding tests).

tests/ is on sys.path because tests/conftest.py lives there (pytest's default prepend import mode).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path


def newsreader_cmd() -> list[str]:
    """The installed `newsreader` next to this Python, else on PATH, else the module."""
    exe = Path(sys.executable).parent / "newsreader"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("newsreader")
    return [found] if found else [sys.executable, "-m", "tui.cli"]
