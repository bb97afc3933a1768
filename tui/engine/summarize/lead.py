"""LEAD-N: the first N usable sentences. The classic news baseline, and the fastest method."""

from __future__ import annotations

from tui.engine.summarize.base import Ranking, Request


def lead(req: Request, allowed: list[bool]) -> Ranking:
    """Choose the first ``req.count`` allowed sentences; earlier sentences score higher."""
    n = len(req.sents)
    scores = [1.0 - i / max(1, n) for i in range(n)]
    chosen = [i for i in range(n) if allowed[i]][: req.count]
    return Ranking(scores, chosen)
