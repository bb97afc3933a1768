"""Shared fixtures: a fresh empty library per test (no seeding, no user data touched)."""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("NEWSREADER_NO_SEED", "1")


@pytest.fixture
def lib_path(tmp_path, monkeypatch):
    """Path of a library file in a temporary folder; NEWSREADER_DB points at it for CLI runs."""
    path = tmp_path / "library.db"
    monkeypatch.setenv("NEWSREADER_DB", str(path))
    monkeypatch.setenv("NEWSREADER_NO_SEED", "1")
    return path


@pytest.fixture
def lib(lib_path):
    from tui.store import Library

    library = Library(lib_path)
    yield library
    library.close()
