"""Articles whose stored analysis names given people, for the tests of `who` and the person page: stored as `analyze`
stores one (the analysis under the default cache key, with its mention counts), so no engine run is needed."""

from __future__ import annotations

import json

from tui.engine.analysis import cache_key, mention_counts
from tui.engine.types import Analysis, Entity, Sentence, Summary
from tui.models import Article


def add_report(lib, title: str, body: str, names: list[str], *, source: str, published: str) -> int:
    """Add one article whose analysis is one sentence naming these people (each at its first place in the body)."""
    (_status, article_id), = lib.add_many([Article(title=title, source=source, published=published, body=body)])
    entities = [Entity(body.find(n), body.find(n) + len(n), "PERSON", n, n) for n in names]
    analysis = Analysis(sentences=[Sentence(0, len(body), body)], summary=Summary("news", []), entities=entities,
                        quotes=[])
    lib.put_analysis(article_id, cache_key("news", None), json.dumps(analysis.to_dict()), mention_counts(analysis))
    return article_id
