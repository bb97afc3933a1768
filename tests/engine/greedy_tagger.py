"""The greedy decoder's tagger for the tests of its paths (Tagger._walk, _rewalk, _vectorise, the skipped quiet
runs, tag_plain). The shipped weights are a structured perceptron's, decoded by Viterbi since session 15; read left
to right by the greedy decoder they still tag most names of our texts (the same integer weights, one matrix shared
with the shipped tagger), and any integer weights test that its fast path gives the plain path's tags."""

from __future__ import annotations

from tui.engine.entities.tagger import Tagger, load_tagger

_GREEDY: list[Tagger] = []


def greedy_tagger() -> Tagger:
    """The shipped weights with the greedy decoder (made once per test run)."""
    if not _GREEDY:
        shipped = load_tagger()
        _GREEDY.append(Tagger(shipped.w, shipped.classes, decoder="greedy"))
    return _GREEDY[0]
