"""`story ID --words N` fills its N words with words the reader sees: a line shown without its leading connective
("But the ferry ..." -> "The ferry ...") counts the words it is shown with, so the summary does not stop short."""

from __future__ import annotations

from tui.engine.sentences import split_sentences
from tui.stories.articles import StoryArticle
from tui.stories.summary import candidates, summarise

HARBOUR = ('But the ferry from Port Ellin to the mainland was cancelled on Tuesday morning after the storm. '
           'However, the harbour master expects boats to sail again from the western quay by Thursday. '
           'Meanwhile, fishing crews tied their trawlers together inside the old breakwater overnight. '
           'Still, two small yachts broke free and drifted onto the shingle beach near the lighthouse.')
COUNCIL = ('But the island council has called an emergency meeting about the damaged storm wall. '
           'Yet engineers say the rebuild of the wall cannot begin until the spring tides have passed. '
           'Also, the school on the north shore will stay closed while the coast road is cleared. '
           'And volunteers from three villages are filling sandbags at the community hall this week.')


def _article(ident: int, source: str, body: str) -> StoryArticle:
    return StoryArticle(ident, f"Report {ident}", source, "2026-01-14", body, False, None, split_sentences(body), None)


def test_the_word_budget_counts_the_words_a_line_is_shown_with():
    arts = [_article(1, "Shoreline Wire", HARBOUR), _article(2, "Harbour Radio", COUNCIL)]
    available = sum(c.words for c in candidates(arts))
    for budget in range(20, 90, 3):
        lines = [s.text for s in summarise(arts, words=budget)]
        assert not any(t.split()[0].rstrip(",") in {"But", "However", "Meanwhile", "Still", "Yet", "Also", "And"}
                       for t in lines), lines  # shown without the connective
        shown = sum(len(t.split()) for t in lines)
        assert shown >= min(budget, available), (budget, shown, lines)
