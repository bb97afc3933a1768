"""A small, hand-written first-name list so "she" does not resolve to a man (and "he" to a woman).

Only clear cases are listed; unknown names stay neutral and are never ruled out.
"""

from __future__ import annotations

from ..lexicon import quote_words

FEMALE = quote_words().female_names

MALE = quote_words().male_names

_TITLE_GENDER = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "sir": "m", "lady": "f", "king": "m", "queen": "f",
                 "congressman": "m", "congresswoman": "f", "chairwoman": "f", "spokeswoman": "f",
                 "spokesman": "m", "prince": "m", "princess": "f"}
PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def gender_of(words: list[str]) -> str | None:
    """'m', 'f' or None from a title or the first name among `words` ("Mrs. Okafor", "Mary Okafor")."""
    for w in words:
        k = w.lower().rstrip(".")
        if k in _TITLE_GENDER:
            return _TITLE_GENDER[k]
        if k in FEMALE:
            return "f"
        if k in MALE:
            return "m"
    return None
