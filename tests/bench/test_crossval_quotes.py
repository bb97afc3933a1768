"""What bench/crossval_quotes.py --misses counts apart: a gold speaker that is a bare name marked "nominal"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.crossval_quotes import surname_only_gold  # noqa: E402


def _gold(speaker, kind="nominal", canonical=None):
    return {"speaker": speaker, "speaker_kind": kind, "speaker_canonical": canonical}


def test_a_bare_surname_marked_nominal_is_counted_apart():
    assert surname_only_gold("Mara Quist", _gold("Quist"))
    assert surname_only_gold("Mara Quist", _gold("Quist’s"))  # "Quist’s office said"


def test_real_descriptions_and_other_people_are_not():
    assert not surname_only_gold("Mara Quist", _gold("the harbour chief"))  # a description: a real miss
    assert not surname_only_gold("Ola Brandt", _gold("Quist"))  # another person
    assert not surname_only_gold("Mara Quist", _gold("Quist", kind="name"))  # the scorer matches surnames there
    assert not surname_only_gold("Mara Quist", _gold("Quist", canonical="Mara Quist"))  # the canonical name matches
    assert not surname_only_gold("Quist", _gold("Quist"))  # the same words: the scorer already counts it right
    assert not surname_only_gold(None, _gold("Quist"))
