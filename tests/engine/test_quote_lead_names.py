"""A quotation that finishes a sentence of the writer's is shown after that sentence's words, at most eight
(extract.lead_in); a cut in the middle of a name halved it: 'Priya Venn of Tidewell Lines said the company would
“meet the union”' was shown as "…Venn of Tidewell Lines said the company would" (walk37, the story view and the
article's key quotes). The rest of the name is taken in, up to three words more. Our own sentences."""

from __future__ import annotations

import pytest

from tui.engine.quotes import extract_quotes
from tui.engine.quotes.extract import lead_in


def lead(sentence: str) -> str:
    return lead_in(sentence, sentence.index("“") + 1)


@pytest.mark.parametrize("sentence, words", [
    # nine words: the name would be cut after "Wenna"; whole, no "…"
    ("Wenna Drace of Orlby Mill said the owners would “grind again by spring”.",
     "Wenna Drace of Orlby Mill said the owners would"),
    # a longer sentence: the cut goes back over the name's first words, still cut before them
    ("On Monday the Orlby Harbour Trust Board Chair Wenna Drace said it would “meet the union”.",
     "…Orlby Harbour Trust Board Chair Wenna Drace said it would"),
])
def test_a_name_the_cut_would_halve_is_taken_in_whole(sentence, words):
    assert lead(sentence) == words


@pytest.mark.parametrize("sentence, words", [
    ("Yesterday the spokeswoman for the Orlby harbour board said the owners would “meet the union”.",
     "…the Orlby harbour board said the owners would"),  # the cut falls between words of no name
    ("The crews, who have worked at Orlby Mill for decades, said they would “meet the owners”.",
     "…at Orlby Mill for decades, said they would"),
    ("Idris Pellow said the crews would “listen before they walk out.”", "Idris Pellow said the crews would"),
])
def test_other_cuts_are_as_before(sentence, words):
    assert lead(sentence) == words


def test_the_article_s_quote_carries_the_whole_name():
    text = ("The water mill at Orlby will grind flour again next spring.\n\n"
            "Wenna Drace of Orlby Mill said the owners would “grind again by spring if the weather holds”.")
    leads = [q.lead for q in extract_quotes(text) if q.text.startswith("grind again")]
    assert leads == ["Wenna Drace of Orlby Mill said the owners would"], leads
