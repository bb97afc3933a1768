"""A story summary's line that opens with "He" or "She" under a line of another article named nobody: "She kept the
bakery open on Sunday all the same." under another outlet's line about the flood (session 36). The line now names the
person its own article's pronoun stands for (the quote finder's coreference): in full where the summary has not named
them, else by the last name; "Her"/"His" as the name's possessive. Our own invented texts, analysed by the engine."""

from __future__ import annotations

import pytest

from tui.engine.analysis import analyze
from tui.stories.antecedents import name_pronouns
from tui.stories.articles import StoryArticle
from tui.stories.summary import StorySentence

BAKERY = ("Floodwater reached the high street of Hollowmere on Saturday night. "
          "The baker Marisol Quint said the water came within a foot of her door. "
          "She kept the bakery open on Sunday all the same. "
          "Her ovens were dry, she said.")
RIVER = ("The river Lenn burst its banks at Hollowmere on Saturday, flooding forty homes. "
         "Council workers cleared the drains on Sunday. "
         "They said the water would fall by Monday.")
CLUB = ("The Hollowmere rowing club lost two boats in the flood. "
        "They will race again in the spring. "
        "He would not say when.")


@pytest.fixture(scope="module")
def arts():
    out = []
    for n, body in enumerate((BAKERY, RIVER, CLUB), start=1):
        an = analyze(body)
        out.append(StoryArticle(n, f"Report {n}", f"Outlet {n}", "2026-12-06", body, False, None, an.sentences, an))
    return out


def line(a: StoryArticle, index: int) -> StorySentence:
    return StorySentence(a.sentences[index].text, a.id, a.source, a.day, index)


def texts(lines) -> list[str]:
    return [x.text for x in lines]


def left_alone(lines, arts) -> None:
    assert texts(name_pronouns(lines, arts)) == texts(lines)


def test_a_pronoun_under_another_article_s_line_names_the_person(arts):
    bakery, river, _club = arts
    got = name_pronouns([line(river, 0), line(bakery, 2)], arts)
    assert texts(got) == [river.sentences[0].text, "Marisol Quint kept the bakery open on Sunday all the same."]
    # where, article and position stay the line's
    assert (got[1].article, got[1].index, got[1].source) == (1, 2, "Outlet 1")
    # named above (in full or by the last name): the last name
    named = StorySentence("Quint said the water came within a foot of her door.", 1, "Outlet 1", "2026-12-06", 1)
    got = name_pronouns([named, line(river, 0), line(bakery, 2)], arts)
    assert got[2].text == "Quint kept the bakery open on Sunday all the same."
    # "Her" becomes the name's possessive
    got = name_pronouns([line(river, 0), line(bakery, 3)], arts)
    assert got[1].text == "Marisol Quint's ovens were dry, she said."


def test_a_line_right_under_its_own_article_s_sentence_before_it_is_left_alone(arts):
    bakery, river, club = arts
    left_alone([line(bakery, 1), line(bakery, 2)], arts)
    # "They" stands for a group or a thing as often as a person: left alone
    left_alone([line(bakery, 0), line(river, 2), line(club, 1)], arts)
    # a "He" whose article names no person before it: left alone
    left_alone([line(bakery, 1), line(club, 2)], arts)


# session 38: a pronoun after an opening phrase of the telling ("In a statement on Monday, she said ...")
QUAY = ("The harbour at Kellsby reopened on Monday after the storm. "
        "The harbour master, Idris Fenwick, said the channel had been dredged overnight. "
        "The first boats came in at noon. "
        "In a statement on Monday evening, he said the fish market would open on Tuesday. "
        "Speaking at the quay, his deputy thanked the crews. "
        "After Fenwick left the quay, he spoke to the fishermen. "
        "When the mayor arrived, she said the town owed the crews a great deal.")


@pytest.fixture(scope="module")
def quay(arts):
    an = analyze(QUAY)
    return StoryArticle(4, "Report 4", "Outlet 4", "2026-12-06", QUAY, False, None, an.sentences, an)


def test_a_pronoun_after_an_opening_phrase_names_the_person(arts, quay):
    _bakery, river, _club = arts
    every = [*arts, quay]
    got = name_pronouns([line(river, 0), line(quay, 3)], every)
    assert got[1].text == "In a statement on Monday evening, Idris Fenwick said the fish market would open on Tuesday."
    got = name_pronouns([line(river, 0), line(quay, 4)], every)
    assert got[1].text == "Speaking at the quay, Idris Fenwick's deputy thanked the crews."
    # named above: the last name
    got = name_pronouns([line(quay, 1), line(river, 0), line(quay, 3)], every)
    assert got[2].text == "In a statement on Monday evening, Fenwick said the fish market would open on Tuesday."


def test_a_pronoun_after_a_phrase_that_names_someone_or_is_a_clause_is_left_alone(arts, quay):
    _bakery, river, _club = arts
    every = [*arts, quay]
    # the phrase names the person (or another one): no guess; "When the mayor arrived": the mayor may be the one
    left_alone([line(river, 0), line(quay, 5), line(river, 1), line(quay, 6)], every)
    # right under its own article's sentence before it: the antecedent is there
    left_alone([line(quay, 2), line(quay, 3)], every)


FERRY = ("The morning ferry from Port Hallam ran aground on a sandbank off Kessland on Friday.\n\n"
         "All forty passengers were taken off by the lifeboat crew and brought ashore at Larkhollow.\n\n"
         "Captain Tobias Venn, who has commanded the vessel for nine years, was on the bridge at the time.\n\n"
         "He said the ferry had lost power in both engines minutes before it struck the bank.\n\n"
         "The company expects the vessel to be towed to the yard at Quenby Cross next week.")


def test_a_story_of_one_article_names_the_person_at_a_word_budget_too(lib):
    """`story ID --words 60` of a story of one article (its own news summary) said "He said the ferry ..." where the
    story view named him."""
    from tui.models import Article
    from tui.stories import group_new, story_summary

    lib.add_many([Article(title="Ferry runs aground off Kessland", body=FERRY, source="Harbour Gazette",
                          published="2026-12-05")])
    group_new(lib)
    (story_id,) = lib.db.execute("SELECT DISTINCT story_id FROM story_articles").fetchone()
    for sentences, words in ((3, None), (None, 60)):
        lines = texts(story_summary(lib, story_id, sentences=sentences, words=words).sentences)
        assert "Tobias Venn said the ferry had lost power in both engines minutes before it struck the bank." in lines, \
            (words, lines)
        assert not any(x.startswith("He ") for x in lines), (words, lines)
