"""Fixtures for the hostile-input, crash and concurrency tests (helpers live in hostile_helpers.py)."""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile_inputs  # noqa: E402


@pytest.fixture(scope="session")
def named_dir(tmp_path_factory) -> tuple[Path, str]:
    """The named nasty files (with the 50 MB file and the 1,000,000-character line) and the XXE secret."""
    root = tmp_path_factory.mktemp("hostile")
    folder = root / "named"
    hostile_inputs.write_named(folder, big=True)
    secret = (root / "named-secret.txt").read_text().strip()
    return folder, secret


@pytest.fixture
def rng(request) -> random.Random:
    """A seeded RNG (HOSTILE_SEED to vary it); the seed is printed so a failure can be replayed."""
    seed = int(os.environ.get("HOSTILE_SEED", "20261125"))
    print(f"HOSTILE_SEED={seed}")
    return random.Random(seed)


@pytest.fixture
def app_env(tmp_path, monkeypatch) -> None:
    """The app in a test: no seed library, no background pass, its own (absent) config file."""
    monkeypatch.setenv("NEWSREADER_NO_SEED", "1")
    monkeypatch.setenv("NEWSREADER_NO_BACKGROUND", "1")
    monkeypatch.setenv("NEWSREADER_CONFIG", str(tmp_path / "config.toml"))
