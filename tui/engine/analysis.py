"""Run every analysis on one article and cache the result (JSON) per engine version and parameters."""

from __future__ import annotations

import json
from typing import Protocol

from tui.engine.types import Analysis

ENGINE_VERSION = "124"  # bump whenever results change, so cached analyses are recomputed
DEFAULT_METHOD = "news"


class AnalysisCache(Protocol):
    """What the cache needs from a store (the store's Library satisfies it; the engine never imports it)."""

    def get_analysis(self, article_id: int, key: str) -> str | None: ...
    def put_analysis(self, article_id: int, key: str, data: str, mentions=None) -> None: ...


def cache_key(method: str = DEFAULT_METHOD, sentences: int | None = None, ratio: float | None = None) -> str:
    return f"v{ENGINE_VERSION}:{method}:{sentences or ''}:{ratio or ''}"


def analyze(text: str, *, title: str | None = None, method: str = DEFAULT_METHOD,
            sentences: int | None = None, ratio: float | None = None) -> Analysis:
    """Sentences, summary, entities and quotes of one article body."""
    from tui.engine.entities import extract_entities
    from tui.engine.quotes import extract_quotes
    from tui.engine.quotes.rank import score_quotes
    from tui.engine.sentences import split_sentences
    from tui.engine.summarize import summarize

    from tui.engine.gcpause import gc_paused

    with gc_paused():  # no cycles are made here: full collections would only walk the whole process
        sents = split_sentences(text)
        entities = extract_entities(text)
        summary = summarize(text, method=method, sentences=sentences, ratio=ratio, title=title, sents=sents)
        quotes = score_quotes(extract_quotes(text, entities), len(text), entities)  # (a story ranks by it)
    return Analysis(sentences=sents, summary=summary, entities=entities, quotes=quotes)


def mention_counts(analysis: Analysis) -> list[tuple[str, str, int]]:
    """(label, canonical name, count) for every entity, for the store's filter-by-entity index."""
    counts: dict[tuple[str, str], int] = {}
    for e in analysis.entities:
        key = (e.label, e.canonical or e.text)
        counts[key] = counts.get(key, 0) + 1
    return [(label, name, n) for (label, name), n in counts.items()]


def cached_analysis(cache: AnalysisCache, article_id: int, text: str, *, title: str | None = None,
                    method: str = DEFAULT_METHOD, sentences: int | None = None,
                    ratio: float | None = None) -> Analysis:
    """The cached analysis if present, else analyse now and store it."""
    key = cache_key(method, sentences, ratio)
    raw = cache.get_analysis(article_id, key)
    if raw is not None:
        try:
            return Analysis.from_dict(json.loads(raw))
        except (ValueError, KeyError, TypeError):
            pass  # an unreadable cache entry is simply recomputed
    result = analyze(text, title=title, method=method, sentences=sentences, ratio=ratio)
    cache.put_analysis(article_id, key, json.dumps(result.to_dict()), mention_counts(result))
    return result


def get_cached(cache: AnalysisCache, article_id: int, method: str = DEFAULT_METHOD,
               sentences: int | None = None, ratio: float | None = None) -> Analysis | None:
    """Only the cache, never computing: for instant display."""
    raw = cache.get_analysis(article_id, cache_key(method, sentences, ratio))
    if raw is None:
        return None
    try:
        return Analysis.from_dict(json.loads(raw))
    except (ValueError, KeyError, TypeError):
        return None
