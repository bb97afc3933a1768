"""bench/ is not installed with the package (a plain `pip install .` ships only tui/): the tests here import it
from the checkout. This runs before any test module of this folder is imported, so `import bench` finds the
repository's bench package, not this tests/bench folder as a namespace package (pytest puts tests/ on sys.path)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
