"""Shared fixtures: a fresh empty library per test (no seeding, no user data touched)."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pytest

os.environ.setdefault("NEWSREADER_NO_SEED", "1")

# bench/ is not installed with the package (a plain `pip install .` ships only tui/), and bare `pytest` (as CI runs
# it) does not put the working folder on sys.path: the tests that read bench/ code import it from the checkout.
# Done here, before any test module is imported, so `import bench` never finds tests/bench as a namespace package.
_REPO = str(Path(__file__).resolve().parents[1])
if _REPO not in sys.path:
    sys.path.insert(0, _REPO)


@pytest.fixture(autouse=True, scope="session")
def _css_cache_folder(tmp_path_factory):
    """The app's cache of parsed stylesheets (tui/app/css_cache.py) in a folder of this run, not the user's."""
    old = os.environ.get("NEWSREADER_CACHE")
    os.environ["NEWSREADER_CACHE"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop("NEWSREADER_CACHE", None)
    else:
        os.environ["NEWSREADER_CACHE"] = old


@pytest.fixture(autouse=True, scope="session")
def _app_log_file(tmp_path_factory):
    """The app's log (tui/app/applog.py) in a folder of this run, not the user's."""
    old = os.environ.get("NEWSREADER_LOG")
    os.environ["NEWSREADER_LOG"] = str(tmp_path_factory.mktemp("log") / "newsreader.log")
    yield
    if old is None:
        os.environ.pop("NEWSREADER_LOG", None)
    else:
        os.environ["NEWSREADER_LOG"] = old


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


@pytest.fixture
def reader_clock(monkeypatch):
    """`reader_clock("2026-12-06 20:00")`: the reader's clock (tui.cells' "today" and "yesterday") at that local time
    of the zone set now (half_past_five_east), not the machine's date, while the test runs."""
    from datetime import datetime

    from tui import cells

    def set_clock(local: str) -> None:
        monkeypatch.setattr(cells, "_now", lambda: datetime.fromisoformat(local).astimezone())

    return set_clock


def _local_zone(posix_tz: str):
    """The local time zone is POSIX_TZ (a POSIX TZ string: no zone data needed) until the generator ends."""
    old = os.environ.get("TZ")
    os.environ["TZ"] = posix_tz
    time.tzset()
    yield
    if old is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = old
    time.tzset()


@pytest.fixture
def half_past_five_east():
    """The local time zone is UTC+05:30 while the test runs."""
    yield from _local_zone("XST-5:30")


@pytest.fixture
def far_east():
    """The local time zone is UTC+13 while the test runs."""
    yield from _local_zone("XST-13")


@pytest.fixture
def site():
    """A local HTTP server on 127.0.0.1 (tests/sources/feedserver.py: routes, feeds answering conditional GETs), shut
    down after the test."""
    from tests.sources.feedserver import Site

    s = Site()
    yield s
    s.close()
