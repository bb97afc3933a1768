"""A story summary line never starts inside a quotation with its opening mark left in the sentence before it."""

from __future__ import annotations

from tui.engine.sentences import split_sentences
from tui.engine.summarize.filters import inside_quote, whole_quote
from tui.stories.articles import StoryArticle
from tui.stories.summary import candidates, summarise

QUOTED = ('The council of Port Ellin met at the harbour on Tuesday to vote on the storm wall. '
          'Mayor Agnes Trewin told the fishing crews: "We have told the ministry exactly what the wall needs this year. '
          'We will finish the rebuild before the first winter gales arrive," she said after the vote on the wall.\n\n'
          'The engineers said the work would start in March and take about nine months to finish.')
OTHER = ('Fishing crews in Port Ellin welcomed the vote on the storm wall on Tuesday evening. '
         'The harbour master said boats would move to the western quay while the rebuild goes on. '
         'A ferry timetable for the winter months was published by the island operator.')


def _article(ident: int, source: str, day: str, body: str) -> StoryArticle:
    return StoryArticle(ident, f"Report {ident}", source, day, body, False, None, split_sentences(body), None)


def _balanced(text: str) -> bool:
    """Every quotation in the line is opened and closed in it (straight marks alternate, curly ones pair)."""
    depth = 0
    for c in text:
        if c == '"':
            depth = 1 - depth
        elif c in "“”":
            depth += 1 if c == "“" else -1
            if depth < 0:
                return False
    return depth == 0


def test_the_sentences_a_quotation_runs_across_are_found():
    sents = split_sentences(QUOTED)
    assert inside_quote(sents) == [(False, False), (False, True), (True, False), (False, False)]


def test_a_summary_line_of_a_quotation_across_two_sentences_gets_its_missing_mark_back():
    arts = [_article(1, "Shoreline Wire", "2026-01-14", QUOTED), _article(2, "Harbour Radio", "2026-01-14", OTHER)]
    lines = [c.text for c in candidates(arts)]
    assert any(t.startswith('"We will finish the rebuild') for t in lines)  # the mark put back, words unchanged
    assert any(t.endswith('what the wall needs this year."') for t in lines)
    assert all(_balanced(t) for t in lines)
    for story in (arts, arts[:1]):  # across outlets, and a story of one article (the article's own summary)
        picked = summarise(story, sentences=8)
        assert picked and all(_balanced(s.text) for s in picked), [s.text for s in picked]
        assert any("We will finish the rebuild" in s.text for s in picked)


def test_a_quotation_re_opened_in_its_own_sentence_is_left_as_it_is():
    assert whole_quote('"I thought we had lost it," she said.', True, False) == '"I thought we had lost it," she said.'
    assert whole_quote('We will finish it,” she said.', True, False) == '“We will finish it,” she said.'
    assert whole_quote('She said: “We have a plan.', False, True) == 'She said: “We have a plan.”'
    assert whole_quote("No quotation here.", False, False) == "No quotation here."
