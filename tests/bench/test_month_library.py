"""bench/month_library.py (session 35): a seeded month of invented local news, and the B-cubed figures it prints."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.month_library import KINDS, bcubed, events, mixed  # noqa: E402


def test_the_month_is_the_same_for_a_seed_and_another_for_another_seed():
    a, b = events(3, n=24, days=10), events(3, n=24, days=10)
    assert a == b
    assert events(4, n=24, days=10) != a
    assert [r["date"] for r in a] == sorted(r["date"] for r in a)  # fed oldest first
    assert {r["date"][:7] for r in a} <= {"2026-11"}


def test_each_kind_has_events_in_several_towns_with_their_own_people():
    rows = events(1, n=36, days=30)
    kinds = Counter(r["kind"] for r in rows)
    assert set(kinds) == set(KINDS)
    by_event = {}
    for r in rows:
        by_event.setdefault(r["event"], []).append(r)
    strikes = [e for e, rs in by_event.items() if rs[0]["kind"] == "strike"]
    assert len(strikes) == 3
    # each event's reports name its own town in their titles or first line, and come from 3-7 outlets at most
    for rs in by_event.values():
        assert len({r["source"] for r in rs}) <= 7
    bodies = [" ".join(r["body"] for r in by_event[e]) for e in strikes]
    assert bodies[0] != bodies[1]


def test_bcubed_and_the_mixed_stories():
    assert bcubed([1, 1, 2, 2], ["a", "a", "b", "b"]) == (1.0, 1.0, 1.0)
    p, r, f = bcubed([1, 1, 1, 1], ["a", "a", "b", "b"])
    assert (p, r) == (0.5, 1.0) and f == pytest.approx(2 / 3)
    p, r, f = bcubed([1, 2, 3, 4], ["a", "a", "b", "b"])
    assert (p, r) == (1.0, 0.5)
    rows = [{"event": e, "kind": k, "title": t, "body": "x"} for e, k, t in
            ((0, "strike", "A"), (1, "strike", "B"), (2, "fire", "C"), (3, "dam", "D"))]
    same, cross, lines = mixed([7, 7, 8, 8], rows)
    assert (same, cross, len(lines)) == (1, 1, 2)
    assert mixed([1, 2, 3, 4], rows)[:2] == (0, 0)
