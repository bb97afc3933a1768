"""Key quotes: direct quotations, who said them, and which ones matter most.

    extract_quotes(text, entities=None) -> list[Quote]   every quotation, with its speaker
    rank_quotes(quotes, n=5, text_len=None, entities=None, sentences=None)
                                                          the n most important, in article order
    key_quotes(text, entities=None, n=5)                   both in one call, for the "Key quotes" pane
    display_text(quote, max_chars=200)                     the quote's words trimmed for a narrow pane
    quote_words(quote)                                     the quote's whole words, without the comma before "she said"

Rules over token windows around each quote (no model, no downloaded data), linear in the
text: marks.py finds the quoted stretches, speakers.py and tags.py read the attribution on
either side (words.py tests single tokens, before_verb.py and after_verb.py find a verb's
subject), coref.py and resolve.py turn "he" or "Okafor" into the fullest name in the
article, rank.py scores and trims.
"""

from .. import rules
from . import rule_units  # noqa: F401 (registers the stage's rules before anything asks for them)
from . import groups  # noqa: F401 (registers the grouping's rule and probe)
from .extract import extract_quotes
from .rank import display_text, key_quotes, quote_words, rank_quotes


@rules.probe("quotes.speaker")
def _probe(text: str) -> list[tuple[str, str | None]]:
    """The (quote, speaker) pairs of a text: what the quote rules' examples are checked on."""
    return [(q.text, q.speaker) for q in extract_quotes(text)]


@rules.probe("quotes.speaker.entities")
def _probe_with_entities(text: str) -> list[tuple[str, str | None]]:
    """The same pairs with the tagger's entities passed in, as the app runs (tui/engine/analysis.py)."""
    from ..entities import extract_entities

    return [(q.text, q.speaker) for q in extract_quotes(text, extract_entities(text))]


__all__ = ["extract_quotes", "rank_quotes", "key_quotes", "display_text", "quote_words"]
