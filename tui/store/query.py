"""Turn what a user types into a safe FTS5 query (search-as-you-type)."""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """Every word must match; the last one as a prefix while the user is still typing it.

    Words are quoted, so FTS5 operators and punctuation in user input are just text.
    Returns "" when there is nothing to search for.
    """
    words = _WORD.findall(text)[:16]
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    if not text[-1:].isspace() and len(words[-1]) >= 2:
        parts[-1] += "*"
    return " ".join(parts)
