"""The near-duplicate index a grouping holds keeps each article's sketch as 8-byte integers (tui/stories/grouping.py
`_compact`): as a list of Python ints (~40 bytes a hash) it grew a grouping of the bench's 100,000 articles by ~5 MB
a batch of 2,000, for as long as the grouping ran. The same hashes are compared (the same stories: the bench library's
grouping fingerprint unchanged)."""

from __future__ import annotations

import sys

from tests.stories.test_window_size import _stream
from tui.stories import group_new


def _held(sketch) -> int:
    """Bytes a sketch holds (its integers too, when they are objects of their own)."""
    return sys.getsizeof(sketch) + (sum(map(sys.getsizeof, sketch)) if isinstance(sketch, list) else 0)


def test_the_index_holds_8_bytes_a_hash(lib, monkeypatch):
    from tui.stories import grouping

    groupers = []
    flush = grouping.Grouper.flush
    monkeypatch.setattr(grouping.Grouper, "flush", lambda self, *a, **k: (flush(self, *a, **k), groupers.append(self)))
    arts = _stream(120)
    lib.add_many(arts)
    assert group_new(lib) == 120
    members = list({id(m): m for entries in groupers[-1].dup_index.values() for m in entries}.values())
    hashes = sum(len(m.sketch) for m in members)
    assert len(members) == 120 and hashes > 120 * 20
    assert sum(_held(m.sketch) for m in members) <= 8 * hashes + 100 * len(members)
