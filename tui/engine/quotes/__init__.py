"""Key quotes: direct quotations, their speakers, and which ones matter most.

Regex and token-window based: no model, no downloaded data, linear in the text.
"""

from .extract import extract_quotes
from .rank import display_text, key_quotes, rank_quotes

__all__ = ["extract_quotes", "rank_quotes", "key_quotes", "display_text"]
