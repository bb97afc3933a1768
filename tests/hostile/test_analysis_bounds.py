"""Issue 14 item 10, round two: the whole analysis of a huge hostile text stays bounded and never fails.

* NLTK (3.9 and later) runs its own patterns under a 5 s wall-clock limit over a whole paragraph: one long
  paragraph ("Acme Corp. " x 100,000, or a big one on a busy machine) raised TimeoutError out of the
  sentence splitter. Our splitter must not depend on that limit at all.
* The summary ranks only sentences within its bounds (a 1 MB "sentence" of unpunctuated words is no summary
  line) and says so; the sentences it picks keep their index among the article's sentences.
* Quotations are looked for in the bounded start of a huge text; the quotes found there keep their speakers.
* ... and in at most MAX_QUOTES of them (a text of thousands of quotations is cut before the next one, at the end
  of its line or before its opening mark): a 100 KB text of 2,000 quotations stays within 0.3 s.
"""

from __future__ import annotations

import pytest

from tui.engine.quotes import extract_quotes
from tui.engine.quotes.extract import MAX_QUOTED_CHARS
from tui.engine.sentences import split_sentences
from tui.engine.summarize import MAX_SENTENCE_CHARS, MAX_SUMMARY_CHARS, summarize


def test_sentence_splitting_does_not_hit_nltks_regex_time_limit(monkeypatch):
    redos = pytest.importorskip("nltk.redos")  # older NLTK has no limit, so nothing to prove there
    # A quarter of a second: far more than any one-token pattern needs, far less than a 550 KB paragraph.
    monkeypatch.setattr(redos, "DEFAULT_TIMEOUT", 0.25)
    text = "Acme Corp. " * 50_000 + "The harbour board met on Friday. It agreed to buy two ferries."
    sents = split_sentences(text)
    assert [s.text for s in sents][-2:] == ["The harbour board met on Friday.", "It agreed to buy two ferries."]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_summary_skips_a_giant_sentence_and_keeps_article_indices():
    giant = "the ferry crews waited on the quay for the storm to pass " * (MAX_SENTENCE_CHARS // 50)
    text = (giant + "\n\nThe harbour board agreed on Friday to buy two electric ferries for the island route. "
            "The ferries will carry four hundred passengers each and should enter service next spring. "
            "Crews will train on the new vessels through the winter, the board said in a statement.")
    summary = summarize(text, sentences=2)
    assert summary.sentences and all(s.index >= 1 for s in summary.sentences)
    sents = split_sentences(text)
    assert all(sents[s.index].text == s.text for s in summary.sentences)
    assert "ranked 3 of 4 sentences" in summary.limited


def test_summary_ranks_only_the_bounded_start_of_a_huge_text():
    # each paragraph its own sentence (a sentence repeated word for word is a candidate once: 8718751)
    para = "The island council met again on day {} and argued over the price of the ferry tickets.\n\n"
    text = "".join(para.format(i) for i in range(MAX_SUMMARY_CHARS // len(para) + 200))
    assert len(text) > MAX_SUMMARY_CHARS + 100 * len(para)
    summary = summarize(text, sentences=3)
    assert len(summary.sentences) == 3
    assert all(s.start < MAX_SUMMARY_CHARS for s in summary.sentences)
    assert summary.limited


def test_quotes_of_a_huge_text_come_from_its_start_with_their_speakers():
    unit = "“We will mend the bridge before the frost,” said Vera Lind.\n\n"
    text = unit * (2 * MAX_QUOTED_CHARS // len(unit))
    quotes = extract_quotes(text)
    assert quotes and all(q.end <= MAX_QUOTED_CHARS for q in quotes)
    assert {q.speaker for q in quotes} == {"Vera Lind"}
    assert all(text[q.start:q.end] == "We will mend the bridge before the frost," for q in quotes)


def test_the_speaker_ranker_decides_at_most_its_bound_of_quotes(monkeypatch):
    from tui.engine.quotes import extract, ranker

    monkeypatch.setattr(extract, "MAX_QUOTES", 10 * ranker.MAX_DECIDED)  # the ranker's own bound, not the count cut

    asked = []
    real = ranker.candidates

    def counting(text, quotes, hows, res, bounds, wanted=None):
        asked.append(sum(wanted) if wanted is not None else len(quotes))
        return real(text, quotes, hows, res, bounds, wanted)

    monkeypatch.setattr(ranker, "candidates", counting)
    text = "\n\n".join(f"“We will mend bridge {i} before the frost,” said Vera Lind. He said “it is fine and {i} more.”"
                       for i in range(ranker.MAX_DECIDED + 50))
    quotes = extract_quotes(text)
    assert len(quotes) >= 2 * ranker.MAX_DECIDED and asked == [ranker.MAX_DECIDED]
    assert quotes[-1].speaker == "Vera Lind"  # past the bound the rules' choice stands


def _quotes_text(n: int, per_line: int = 1) -> str:
    lines = [" ".join(f"“We will mend bridge {i * per_line + k} before the frost,” said Vera Lind{(i * per_line + k) % 3}."
                      for k in range(per_line)) for i in range(n // per_line)]
    return "\n\n".join(lines)


@pytest.mark.parametrize("per_line", [1, 5])
def test_quotes_past_the_count_bound_are_not_read(per_line):
    from tui.engine.quotes.extract import MAX_QUOTES

    text = _quotes_text(MAX_QUOTES + 50, per_line)
    quotes = extract_quotes(text)
    assert len(quotes) == MAX_QUOTES
    assert [q.text for q in quotes] == [f"We will mend bridge {i} before the frost," for i in range(MAX_QUOTES)]
    assert [q.speaker for q in quotes] == [f"Vera Lind{i % 3}" for i in range(MAX_QUOTES)]  # the last one's too


def test_a_text_with_exactly_the_bound_of_quotes_keeps_them_all():
    from tui.engine.quotes.extract import MAX_QUOTES

    text = _quotes_text(MAX_QUOTES)
    assert len(extract_quotes(text)) == MAX_QUOTES
    # stray marks beyond the quotes themselves do not cut the text: they are not quotations
    assert len(extract_quotes(text + "\n\n" + "A 6\" pipe, 7\" board. " * 60)) == MAX_QUOTES
