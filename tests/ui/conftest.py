"""Fixtures for the UI tests: a fresh sample library per test, a private config file, a fake clipboard."""

from __future__ import annotations

import asyncio
import inspect
from pathlib import Path

import pytest

from ui_sample import make_library
from tui import clipboard


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem):
    """Run `async def` tests in a fresh event loop (no async plugin needed for Pilot tests)."""
    if inspect.iscoroutinefunction(pyfuncitem.obj):
        args = {name: pyfuncitem.funcargs[name] for name in pyfuncitem._fixtureinfo.argnames}
        asyncio.run(pyfuncitem.obj(**args))
        return True
    return None


@pytest.fixture(autouse=True)
def _quiet_env(monkeypatch, tmp_path):
    # Never seed, never touch the user's real config, never inherit tmux from the shell running pytest.
    # No whole-library background pass either (test_background.py turns it on): pictures stay fixed.
    monkeypatch.setenv("NEWSREADER_NO_SEED", "1")
    monkeypatch.setenv("NEWSREADER_NO_BACKGROUND", "1")
    # the story view's read ahead makes summaries in the app's own thread (test_story_ahead_child.py tests its process)
    monkeypatch.setenv("NEWSREADER_AHEAD_CHILD", "0")
    monkeypatch.setenv("NEWSREADER_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.delenv("TMUX", raising=False)


@pytest.fixture
def cached_stories(tmp_path) -> Path:
    """The story sample library (story_sample.make_story_library) with its analyses stored."""
    from story_sample import make_story_library

    path = tmp_path / "library.db"
    make_story_library(path, cached=True)
    return path


@pytest.fixture
def copied(monkeypatch) -> list[str]:
    """Replace the system clipboard with a list that records every copy (the route still reports)."""
    got: list[str] = []

    def fake_system(text: str) -> None:
        got.append(text)
        return None

    monkeypatch.setattr(clipboard, "copy_system", fake_system)
    return got


@pytest.fixture
def library(tmp_path) -> tuple[Path, dict[str, int]]:
    """A library file with the sample articles; the engine analyses them for real when opened."""
    path = tmp_path / "library.db"
    return path, make_library(path)


@pytest.fixture
def cached_library(tmp_path) -> tuple[Path, dict[str, int]]:
    """Like `library`, with a fixed hand-made analysis of the harbour article (stable snapshots)."""
    path = tmp_path / "library.db"
    return path, make_library(path, cached=True)


@pytest.fixture
def make_app():
    """Build the app on a library path, reading the config file the environment points at."""
    from tui.app.app import NewsreaderApp
    from tui.config import load_config

    return lambda path: NewsreaderApp(path, load_config())
