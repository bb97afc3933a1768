"""Everyday variants of a few names that news switches between ("US", "U.S.", "United States").

Light on purpose (no imports): the entity linker uses it to give the variants one canonical name and
one label, and `newsreader list --entity US` uses it to find articles indexed under "United States".
"""

from __future__ import annotations

__all__ = ["ALIASES", "ALIAS_LABELS", "canonical_alias"]

ALIASES: dict[str, tuple[str, ...]] = {
    "United States": ("u.s.", "us", "usa", "u.s.a.", "america", "united states", "united states of america",
                      "the united states"),
    "United Kingdom": ("u.k.", "uk", "britain", "great britain", "united kingdom"),
    "European Union": ("eu", "e.u.", "european union"),
    "United Nations": ("un", "u.n.", "united nations"),
}
# What each canonical name is, whatever label a single mention got: the countries are places.
ALIAS_LABELS = {"United States": "GPE", "United Kingdom": "GPE", "European Union": "ORG", "United Nations": "ORG"}
_ALIAS_OF = {v: k for k, vs in ALIASES.items() for v in vs}


def canonical_alias(name: str) -> str | None:
    """The canonical name a variant stands for ("US" -> "United States"), or None."""
    return _ALIAS_OF.get(" ".join(name.split()).lower())
