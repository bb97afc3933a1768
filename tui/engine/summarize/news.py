"""Our default summariser for news: position, centrality, title overlap and redundancy
control, in one pass that is linear in the article's length.

Why these signals:
* News is written in inverted-pyramid order, so the lead carries the story (LEAD-3 is
  the baseline to beat). The prior falls off as 1 / (1 + i / POSITION_DECAY).
* A sentence that shares much of its vocabulary with the rest of the article is central
  to it. We use TextRank's degree: the sum over other sentences of shared terms divided
  by the log lengths of both. Summing per term (how many other sentences contain it)
  gives the same numerator without comparing every pair, so a 50,000-word article costs
  no more per word than a short one; the other sentence's log length is replaced by the
  article's mean, which leaves the ranking nearly unchanged.
* The longer the summary asked for, the further it must reach past the lead, so the
  weight of centrality grows with the requested length beyond three sentences
  (x (count / 3) ** 1.5): a 3-sentence summary leans on the lead, a 10-sentence one
  on coverage of the whole article.
* A sentence echoing the headline is on topic.
* A summary speaks in the reporter's voice: sentences in the first or second person
  ("I", "we", "you") are mostly quoted speech or a columnist's aside, and lose weight.
* Fragments are weak summary lines and very long sentences crowd out others.
* Greedy choice with a penalty for overlap with already chosen sentences keeps the
  summary from saying one thing twice.

The weights were chosen among a few round values on a development set of CNN/DailyMail
(3-sentence summaries) and BBC (longer summaries) articles; bench/quality_summary.py
prints the resulting scores.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from tui.engine.summarize.base import Ranking, Request
from tui.engine.tokens import WORD_RE, content_terms


@dataclass(frozen=True)
class NewsParams:
    position_decay: float = 2.0  # the lead prior halves after this many sentences
    centrality: float = 0.6  # at three sentences; grows with the requested count
    coverage_growth: float = 1.5
    title: float = 0.3
    redundancy: float = 0.3  # penalty per unit of overlap with an already chosen sentence
    duplicate: float = 0.7  # overlap at which a sentence is a restatement and never chosen
    short_words: int = 8  # sentences shorter than this lose up to short_penalty
    short_penalty: float = 0.3
    long_words: int = 40  # ... longer than this lose up to long_penalty
    long_penalty: float = 0.5
    voice_penalty: float = 0.2  # for first/second-person sentences (three such words or more: full penalty)


DEFAULT = NewsParams()
_PERSONAL = frozenset("i me my we us our you your".split())


def personal_voice(text: str) -> float:
    """0..1: how much a sentence speaks in the first or second person. "US" in capitals is
    the country, so only lower-case or capitalised forms count ("I" itself always does)."""
    hits = 0
    for w in WORD_RE.findall(text):
        w = w.split("'")[0].split("’")[0]
        if w == "I" or (w.lower() in _PERSONAL and (w.islower() or (w[0].isupper() and w[1:].islower()))):
            hits += 1
    return min(1.0, hits / 3)


def centrality(term_sets: list[set[str]]) -> list[float]:
    """TextRank-style degree of every sentence, scaled to [0, 1], in linear time."""
    df: Counter[str] = Counter()
    for terms in term_sets:
        df.update(terms)
    logs = [math.log(len(t) + 1) for t in term_sets]
    mean_log = sum(logs) / max(1, len(logs))
    raw = [sum(df[w] - 1 for w in t) / (logs[i] + mean_log) if t else 0.0 for i, t in enumerate(term_sets)]
    top = max(raw, default=0.0)
    return [x / top for x in raw] if top > 0 else raw


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def score_sentences(req: Request, p: NewsParams = DEFAULT) -> tuple[list[float], list[set[str]]]:
    """A score for every sentence (before redundancy control) and each sentence's terms."""
    terms = [set(content_terms(s.text)) for s in req.sents]
    cent = centrality(terms)
    cent_weight = p.centrality * max(1.0, req.count / 3) ** p.coverage_growth
    title_terms = set(content_terms(req.title)) if req.title else set()
    scores = []
    for i, s in enumerate(req.sents):
        words = len(s.text.split())
        score = p.position_decay / (p.position_decay + i) + cent_weight * cent[i]
        if title_terms:
            score += p.title * len(terms[i] & title_terms) / len(title_terms)
        if words < p.short_words:
            score -= p.short_penalty * (p.short_words - words) / p.short_words
        elif words > p.long_words:
            score -= p.long_penalty * min(1.0, (words - p.long_words) / p.long_words)
        score -= p.voice_penalty * personal_voice(s.text)
        scores.append(score)
    return scores, terms


def select(scores: list[float], terms: list[set[str]], allowed: list[bool], count: int, p: NewsParams) -> list[int]:
    """Greedy choice: the best remaining sentence after a penalty for overlap with the chosen ones."""
    pool = [i for i, ok in enumerate(allowed) if ok]
    # Only the strongest candidates can win; this keeps selection cheap on huge articles.
    pool = sorted(pool, key=lambda i: (-scores[i], i))[: max(count * 8, 40)]
    overlap = {i: 0.0 for i in pool}
    chosen: list[int] = []
    restated: list[int] = []  # near-duplicates: used only when nothing else is left
    while (pool or restated) and len(chosen) < count:
        if not pool:
            pool, restated = restated, []
        best = max(pool, key=lambda i: (scores[i] - p.redundancy * overlap[i], -i))
        chosen.append(best)
        pool.remove(best)
        for i in pool:
            overlap[i] = max(overlap[i], _overlap(terms[i], terms[best]))
        restated += [i for i in pool if overlap[i] >= p.duplicate]
        pool = [i for i in pool if overlap[i] < p.duplicate]
    return sorted(chosen)


def news(req: Request, allowed: list[bool], p: NewsParams = DEFAULT) -> Ranking:
    """Rank with the news signals and choose ``req.count`` sentences without repeating content."""
    if not req.sents:
        return Ranking([], [])
    scores, terms = score_sentences(req, p)
    return Ranking(scores, select(scores, terms, allowed, req.count, p))
