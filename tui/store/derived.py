"""What the store keeps beside an article's text, computed from it: the content hash (duplicates), the word
count and the fold flag (migration 10). Pure Python, no database: a parse worker computes it on another core
(importers/parallel.py) so the one writing process spends its time in SQLite."""

from __future__ import annotations

import json

from tui.models import Article, content_hash, hash_and_count
from tui.store.fold import needs_fold
from tui.tags import unique_tags

Derived = tuple[str, int, int]  # (content hash, words, folds)


def stored_tags(a: Article) -> str:
    """The tags column: a JSON list, non-ASCII letters as they are (searchable, migration 6), each tag once
    whatever its case."""
    return _TAGS_JSON(unique_tags(a.tags))


_TAGS_JSON = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(..., ensure_ascii=False) without building one


def derived(a: Article) -> Derived:
    """(content hash, word count, 1 when the indexed text holds a letter the index must fold else 0)."""
    title = a.title or "(untitled)"
    digest, words = hash_and_count(a.body)  # the word count and (for a non-empty body) the hash
    if not a.body:
        digest = content_hash(a.title, a.body)
    # The tags column is their JSON, which writes non-ASCII letters as they are: the same letters as the tags.
    return digest, words, int(needs_fold(title, a.body, *map(str, a.tags or []), a.source, a.byline))
