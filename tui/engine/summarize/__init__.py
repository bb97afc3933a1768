"""Extractive summaries: a registry of methods behind one ``summarize`` call.

    summarize(text, method="news", sentences=None, ratio=None, title=None, sents=None) -> Summary

Methods: ``news`` (our default, see news.py), ``lead`` (LEAD-N) and every sumy summariser
(lexrank, textrank, lsa, luhn, kl, sumbasic, edmundson, reduction), fed through our own
sentence splitter and tokenizer so no NLTK data is needed. Slow sumy methods rank only
the start of very long articles; ``Summary.limited`` then says so.

Every method picks only eligible sentences (filters.py): no boilerplate, no fragments of
one to three words, no quotation standing without its speaker.
"""

from __future__ import annotations

from tui.engine.types import Sentence, Summary
from tui.engine.summarize.base import Request, Summariser, build_summary, resolve_count
from tui.engine.summarize.filters import eligible
from tui.engine.summarize.lead import lead
from tui.engine.summarize.news import news
from tui.engine.summarize.sumy_methods import SUMY_METHODS, MethodUnavailable

METHODS: dict[str, Summariser] = {"news": news, "lead": lead, **SUMY_METHODS}
DEFAULT_METHOD = "news"

__all__ = ["METHODS", "DEFAULT_METHOD", "MethodUnavailable", "summarize"]


def summarize(
    text: str,
    *,
    method: str = DEFAULT_METHOD,
    sentences: int | None = None,
    ratio: float | None = None,
    title: str | None = None,
    sents: list[Sentence] | None = None,
) -> Summary:
    """Summarise ``text`` with ``method``: ``sentences`` sentences, or ``ratio`` of the
    article, or a default of 3-5 by length. ``sents`` may pass the body sentences from
    ``split_sentences(text)`` when the caller already has them. The result lists scored
    sentences in article order with spans into ``text``.

    Raises KeyError for an unknown method and MethodUnavailable when a method's optional
    dependency (numpy, for lexrank/textrank/lsa) is not installed.
    """
    if method not in METHODS:
        raise KeyError(f"unknown summary method {method!r}; choose from {', '.join(METHODS)}")
    if sents is None:
        from tui.engine.sentences import split_sentences

        sents = split_sentences(text)
    count = resolve_count(sents, sentences, ratio)
    req = Request(text=text, sents=list(sents), count=count, title=title)
    if count == 0:
        return Summary(method=method, sentences=[])
    ranking = METHODS[method](req, eligible(req.sents))
    return build_summary(method, req, ranking)
