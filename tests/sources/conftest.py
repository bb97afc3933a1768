"""Fixtures of the sources tests: a local HTTP server per test (see feedserver.py)."""

from __future__ import annotations

import pytest
from feedserver import Site


@pytest.fixture
def site():
    """A running local server, shut down after the test."""
    s = Site()
    yield s
    s.close()
