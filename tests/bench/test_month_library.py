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


def _sentences(body: str) -> set[str]:
    return {s.strip() for s in body.split(". ") if s.strip()}


def test_vary_words_the_same_reports_differently_and_leaves_the_default_month_alone():
    plain, varied = events(2, n=24, days=10), events(2, n=24, days=10, vary=True)
    assert events(2, n=24, days=10, vary=False) == plain  # the default month is drawn as before
    frame = [(r["date"], r["source"], r["event"], r["kind"], r["title"]) for r in plain]
    assert [(r["date"], r["source"], r["event"], r["kind"], r["title"]) for r in varied] == frame
    assert varied == events(2, n=24, days=10, vary=True)  # seeded too

    def shared(rows):  # the mean share of sentences two reports of one event have in common
        by_event = {}
        for r in rows:
            by_event.setdefault(r["event"], []).append(_sentences(r["body"]))
        shares = [len(a & b) / len(a | b) for rs in by_event.values() for i, a in enumerate(rs) for b in rs[i + 1:]]
        return sum(shares) / len(shares)

    assert shared(varied) < 0.8 * shared(plain)
    # each outlet keeps its own word: where its voice rewrites a row's first word, none of its reports has that word
    # (but in the sign-off, which is the outlet's own line)
    from bench.month_library import _voice

    for outlet in {r["source"] for r in varied}:
        bodies = [r["body"].rsplit(". ", 1)[0] for r in varied if r["source"] == outlet]
        for pattern, word in _voice(outlet):
            if not pattern.search(word):
                assert not any(pattern.search(b) for b in bodies), (outlet, pattern.pattern)
