"""bench/quality_stories.py's "after the feed went quiet" runs (QUIET): fed one at a time, then settled
(tui.stories.settle), a library ends with no article waiting for its window and grouped as if stored at once."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.quality_stories import QUIET, _name, after_last_window, feed  # noqa: E402
from tests.stories.test_window_size import _stream  # noqa: E402
from tui.store import Library  # noqa: E402
from tui.store.stories import story_of  # noqa: E402


def _rows(n: int) -> list[dict]:
    """Our own generated articles as the dev set's rows."""
    return [{"id": f"a{k}", "title": a.title, "text": a.body, "source": a.source, "date": a.published}
            for k, a in enumerate(_stream(n))]


def _grouped(path: Path, rows: list[dict], share: float) -> tuple[set, set]:
    lib = Library(path)
    try:
        ident = feed(lib, rows, share)
        stories: dict[int, set[str]] = {}
        for doc, aid in ident.items():
            stories.setdefault(story_of(lib, aid), set()).add(doc)
        return {frozenset(s) for s in stories.values()}, after_last_window(lib, ident)
    finally:
        lib.close()


def test_fed_one_at_a_time_then_quiet_is_grouped_as_at_once(tmp_path):
    rows = _rows(90)
    fed, waiting = _grouped(tmp_path / "fed.db", rows, 0.0)
    quiet, settled = _grouped(tmp_path / "quiet.db", rows, QUIET)
    once, _ = _grouped(tmp_path / "once.db", rows, 1.0)
    assert len(waiting) == 40 and not settled  # 90 = one window + 40 waiting, which the quiet feed regroups
    assert fed != once and quiet == once
    assert _name(QUIET) == "one at a time, after the feed went quiet" and _name(0.0) == "one at a time"
