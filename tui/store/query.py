"""Turn what a user types into a safe FTS5 query (search-as-you-type)."""

from __future__ import annotations

import re

from tui.store.fold import fold

_WORD = re.compile(r"\w+", re.UNICODE)
# Words nearly every English article contains: requiring them filters nothing but makes FTS5 walk a
# posting list as long as the library (100,000 entries) on every keystroke.
STOPWORDS = frozenset("a an and are as at be by for from in is it of on or that the this to was were with".split())


def fts_query(text: str, rank: bool = False) -> str:
    """Every word must match; the last one as a prefix while the user is still typing it.

    Words are quoted, so FTS5 operators and punctuation in user input are just text. Common words
    ("of", "the") are left out when other words remain; the word being typed is always kept.
    Letters the index folds (fold.py: ł, ø, ß ...) are folded the same way here.
    With `rank`, the word being typed also counts as a whole word (`("opera"* OR "opera")`): the same
    matches, but bm25 scores an exact "opera" above "operators", so use it to order, not to count.
    Returns "" when there is nothing to search for.
    """
    words = _WORD.findall(fold(text))[:16]
    if not words:
        return ""
    typing = not text[-1:].isspace()
    parts = [f'"{w}"' for w in words]
    if typing and len(words[-1]) >= 2:
        parts[-1] = f'({parts[-1]}* OR {parts[-1]})' if rank else parts[-1] + "*"
    keep = [i for i, w in enumerate(words)
            if w.casefold() not in STOPWORDS or (typing and i == len(words) - 1)]
    if keep:
        parts = [parts[i] for i in keep]
    return (" AND " if rank else " ").join(parts)  # FTS5 wants an explicit AND before a (group)
