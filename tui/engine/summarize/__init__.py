"""Extractive summaries: a registry of methods behind one ``summarize`` call.

    summarize(text, method="news", sentences=None, ratio=None, title=None, sents=None) -> Summary

Methods: ``news`` (our default, see news.py), ``lead`` (LEAD-N) and every sumy summariser
(lexrank, textrank, lsa, luhn, kl, sumbasic, edmundson, reduction), fed through our own
sentence splitter and tokenizer so no NLTK data is needed. Slow sumy methods rank only
the start of very long articles; ``Summary.limited`` then says so.

Every method picks only eligible sentences (filters.py): no boilerplate, no fragments of
one to three words, no quotation standing without its speaker, and a sentence the article
repeats word for word only the first time.
"""

from __future__ import annotations

from dataclasses import replace

from tui.engine.types import Sentence, Summary
from tui.engine.summarize.base import Request, Summariser, build_summary, resolve_count
from tui.engine.summarize.filters import eligible
from tui.engine.summarize.lead import lead
from tui.engine.summarize.news import news
from tui.engine.summarize.sumy_methods import SUMY_METHODS, MethodUnavailable

METHODS: dict[str, Summariser] = {"news": news, "lead": lead, **SUMY_METHODS}
DEFAULT_METHOD = "news"
# Bounds that keep a huge input linear and cheap (issue 14 item 10): a summary ranks only the sentences that
# start in the first MAX_SUMMARY_CHARS (about 25,000 words, far past any article; the entity tagger reads as
# much) and leaves out "sentences" longer than MAX_SENTENCE_CHARS (about 3,000 words: no punctuation at all).
MAX_SUMMARY_CHARS = 150_000
MAX_SENTENCE_CHARS = 20_000

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
    if count == 0:
        return Summary(method=method, sentences=[])
    kept = [i for i, s in enumerate(sents) if s.start < MAX_SUMMARY_CHARS and s.end - s.start <= MAX_SENTENCE_CHARS]
    if len(kept) == len(sents):
        req = Request(text=text, sents=list(sents), count=count, title=title)
        return build_summary(method, req, METHODS[method](req, eligible(req.sents)))
    # A huge input: rank only the sentences that fit the bounds, then give the picks their article indices.
    note = f"ranked {len(kept)} of {len(sents)} sentences (the first {MAX_SUMMARY_CHARS:,} characters, " \
           f"none over {MAX_SENTENCE_CHARS:,})"
    if not kept:
        return Summary(method=method, sentences=[], limited=note)
    req = Request(text=text, sents=[sents[i] for i in kept], count=min(count, len(kept)), title=title)
    summary = build_summary(method, req, METHODS[method](req, eligible(req.sents)))
    picked = [replace(s, index=kept[s.index]) for s in summary.sentences]
    return Summary(method=method, sentences=picked, limited=summary.limited or note)
