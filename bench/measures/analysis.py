"""Analysis of one article (sentences, summary, entities, quotes): 800 words, 10,000 and 50,000 words."""

from __future__ import annotations

import time

from bench.generate import body_of_words
from bench.measures.common import NotAvailable, Result, need_module, timed_results


def run(ctx) -> list:
    engine = need_module("tui.engine.analysis", "analyze")
    title, body = body_of_words(300, seed=99)
    t0 = time.perf_counter()
    try:
        engine.analyze(body, title=title)
    except ImportError as exc:  # an engine part is not written yet
        raise NotAvailable(f"not available yet: {exc}") from None
    # The first call pays for imports (nltk, sumy, models); reported, not budgeted.
    results = [Result("analysis.first_call", (time.perf_counter() - t0) * 1000, "ms", note="imports + 300 words")]
    plan = [(800, ctx.reps(15, 3), 60.0, "analysis.800_words"),
            (10_000, ctx.reps(5, 1), 500.0, "analysis.10k_words"),
            (50_000, ctx.reps(3, 1), 3000.0, "analysis.50k_words")]
    for words, reps, budget, name in plan:
        if ctx.smoke and words > 10_000:
            continue
        samples = []
        for k in range(reps):
            title, body = body_of_words(words, seed=100 + k)  # a different text each time: no lucky caches
            t0 = time.perf_counter()
            engine.analyze(body, title=title)
            samples.append(time.perf_counter() - t0)
        results += timed_results(name, samples, "ms", median_budget=budget, scale=1000)
    return results
