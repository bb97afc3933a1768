"""Pieces every summariser shares: the summary length and turning scores into a Summary."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from tui.engine.types import ScoredSentence, Sentence, Summary


@dataclass(frozen=True)
class Request:
    """One summarisation job: the article's body sentences and how long the summary may be."""

    text: str
    sents: list[Sentence]
    count: int  # sentences wanted (already resolved from count / ratio / default)
    title: str | None = None


@dataclass
class Ranking:
    """What a method returns: a score for every sentence (``-inf`` for sentences it did not
    rank), the indices it chose, and a non-empty note when it had to be limited."""

    scores: list[float]
    chosen: list[int]
    limited: str = ""


# A summariser gets the job and which sentences it may pick (see filters.eligible).
Summariser = Callable[[Request, list[bool]], Ranking]


def default_count(sents: list[Sentence]) -> int:
    """A sensible summary length when the caller gives none: 3 sentences for a short
    article, 4 for a medium one and 5 for a long one, never more than half the article."""
    words = sum(len(s.text.split()) for s in sents)
    n = 3 if words < 700 else 4 if words < 1500 else 5
    return max(1, min(n, math.ceil(len(sents) / 2)))


def resolve_count(sents: list[Sentence], sentences: int | None, ratio: float | None) -> int:
    """How many sentences to pick: an explicit count wins, then a ratio of the article, then
    the default. Always at least one when there is any sentence at all."""
    if not sents:
        return 0
    if sentences is not None:
        if sentences < 0:
            raise ValueError("sentences must be >= 0")
        return min(sentences, len(sents))
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise ValueError("ratio must be in (0, 1]")
        return max(1, min(len(sents), round(ratio * len(sents))))
    return default_count(sents)


def pick_top(scores: list[float], allowed: list[bool], count: int) -> list[int]:
    """Indices of the ``count`` best allowed sentences (ties go to the earlier one), in article order."""
    order = sorted((i for i, ok in enumerate(allowed) if ok and scores[i] > -math.inf), key=lambda i: (-scores[i], i))
    return sorted(order[:count])


def ranked(scores: list[float], allowed: list[bool], count: int, limited: str = "") -> Ranking:
    """The Ranking of a method that only scores sentences: its top ``count`` allowed ones."""
    return Ranking(scores, pick_top(scores, allowed, count), limited)


def build_summary(method: str, req: Request, ranking: Ranking) -> Summary:
    """A Summary of the chosen sentences, in article order, with spans and scores."""
    out = []
    for i in sorted(set(ranking.chosen)):
        s, score = req.sents[i], ranking.scores[i]
        out.append(ScoredSentence(s.start, s.end, s.text, float(score) if math.isfinite(score) else 0.0, i))
    return Summary(method=method, sentences=out, limited=ranking.limited)
