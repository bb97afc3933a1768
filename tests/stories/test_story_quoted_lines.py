"""A story summary tells what happened in the reporters' words: a sentence counts only its words outside quotation
marks, so a quotation every outlet printed does not take a line the reported news would (the story view lists the
quotes by speaker beside the summary)."""

from __future__ import annotations

from tui.engine.sentences import split_sentences
from tui.stories.articles import StoryArticle
from tui.stories.summary import candidates, quoted_share, summarise

QUOTE = '“We will rebuild the storm wall along the harbour before the winter gales,” Mayor Agnes Trewin said. '
WIRE = ('The Port Ellin council voted on Tuesday to rebuild the storm wall, which the October storm broke. ' + QUOTE
        + 'Engineers expect the work to start in March.')
RADIO = ('Councillors in Port Ellin approved the money for the harbour storm wall by nine votes to two. ' + QUOTE
         + 'The ferry will use the western quay while the work goes on.')
POST = ('Two yachts broke free during the October storm and drifted onto the beach near the lighthouse. ' + QUOTE
        + 'Fishing crews tied their boats inside the old breakwater.')


def _article(ident: int, source: str, body: str) -> StoryArticle:
    return StoryArticle(ident, f"Report {ident}", source, "2026-01-14", body, False, None, split_sentences(body), None)


def test_the_share_of_words_inside_quotation_marks():
    assert quoted_share("The council voted to rebuild the wall on Tuesday.") == 0.0
    assert quoted_share("He called the plan “unworkable.”") == 0.2
    assert quoted_share("“We will stay,” she said.") == 0.6
    assert quoted_share('"All of it," he said, "is gone."') == 5 / 7
    assert quoted_share("« Nous restons », a-t-il dit.") == 0.5
    assert quoted_share("The crew's boat and the harbour master's 'old' quay.") == 0.0  # single marks: apostrophes


def test_a_quotation_every_outlet_printed_does_not_take_the_line_of_the_reported_news():
    arts = [_article(1, "Shoreline Wire", WIRE), _article(2, "Harbour Radio", RADIO), _article(3, "Island Post", POST)]
    assert sum(c.text == QUOTE.strip() for c in candidates(arts)) == 3  # the most repeated line of the story
    one = summarise(arts, sentences=1)
    assert [s.text for s in one] == [WIRE.split(". ")[0] + "."]  # was the quotation
    for budget in (25, 40):
        lines = [s.text for s in summarise(arts, words=budget)]
        assert lines and not any("“" in t for t in lines), lines
    every = [s.text for s in summarise(arts, sentences=9)]
    assert QUOTE.strip() in every  # still a candidate: taken when nothing else is left to say
