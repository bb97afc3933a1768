"""The Textual UI (the only package that imports textual). `run(db_path)` starts it."""

from __future__ import annotations

from pathlib import Path


def run(db_path: Path) -> int:
    """Open the reading UI on the library at `db_path`; returns the exit code."""
    from tui.app.app import NewsreaderApp

    NewsreaderApp(Path(db_path)).run()
    return 0
