"""What the entity page and the briefing say: "appears with" counts articles once each; a briefing quote is not a
sentence printed again."""

from __future__ import annotations

import json

from tui.engine.analysis import cache_key, mention_counts
from tui.engine.types import Analysis, Entity, Sentence, Summary
from tui.models import Article
from tui.stories import who


def _analysed(lib, article: Article, names: list[tuple[str, str, str]]) -> int:
    """Store `article` with a hand-made analysis: each (text, label, canonical) found in its body is an entity."""
    (_status, article_id), = lib.add_many([article])
    body, entities = article.body, []
    for text, label, canonical in names:
        at = body.find(text)
        while at >= 0:
            entities.append(Entity(at, at + len(text), label, text, canonical))
            at = body.find(text, at + len(text))
    entities.sort(key=lambda e: e.start)
    analysis = Analysis(sentences=[Sentence(0, len(body), body)], summary=Summary("news", []), entities=entities,
                        quotes=[])
    lib.put_analysis(article_id, cache_key("news", None), json.dumps(analysis.to_dict()), mention_counts(analysis))
    return article_id


def test_appears_with_counts_each_article_once(lib):
    """An article that tags a place both as a place and as an organisation counted twice: "Kellmouth  3 articles"
    beside a person found in two."""
    first = _analysed(lib, Article(
        title="Harbour wall vote", source="Coastline Gazette", published="2026-01-14",
        body="Mayor Agnes Trewin told Kellmouth the harbour wall could not wait. The Kellmouth office said it would "
             "study the plan."), [("Agnes Trewin", "PERSON", "Agnes Trewin"), ("Kellmouth office", "ORG", "Kellmouth"),
                                  ("Kellmouth", "GPE", "Kellmouth")])
    second = _analysed(lib, Article(
        title="Who pays for the wall", source="Kellmouth Evening Post", published="2026-01-15",
        body="Agnes Trewin said Kellmouth should share the cost of the wall."),
        [("Agnes Trewin", "PERSON", "Agnes Trewin"), ("Kellmouth", "GPE", "Kellmouth")])
    person = who(lib, "Agnes Trewin")
    assert {a["id"] for a in person.articles} == {first, second}
    kellmouth = [c for c in person.cooccurring if c["name"] == "Kellmouth"]
    assert [c["articles"] for c in kellmouth] == [2]
    assert all(c["articles"] <= len(person.articles) for c in person.cooccurring)


def test_the_briefing_does_not_repeat_a_sentence_as_its_quote(lib):
    """A story's strongest quote was printed under its sentences even when one of them was that very quote; the
    briefing now takes the strongest quote its sentences do not already hold (none here: the only one is in them)."""
    from tui.stories import briefing, briefing_markdown, group_new

    lib.add_many([Article(
        title="Bridge in Tarrow reopens after repairs", source="Tarrow Post", published="2026-02-03",
        body='The old bridge over the Tarrow river reopens to cars on Monday after eight months of repairs.\n\n'
             '"We will open the bridge on Monday, and the buses come back the same week," said Mayor Lena Ortiz.\n\n'
             'The repairs cost the town 2.1 million euros, a third more than planned.')])
    group_new(lib)
    item, = briefing(lib, sentences=3)
    assert any("We will open the bridge on Monday" in s.text for s in item.sentences)
    assert item.quote is None
    assert briefing_markdown([item]).count("We will open the bridge on Monday") == 1
    item, = briefing(lib, sentences=1)  # the quote's sentence is not shown: the quote is
    assert "We will open the bridge" not in item.sentences[0].text
    assert item.quote is not None and item.quote.speaker == "Lena Ortiz"
