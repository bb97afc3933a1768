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
    lines = [line(bakery, 1), line(bakery, 2)]
    assert texts(name_pronouns(lines, arts)) == texts(lines)
    # "They" stands for a group or a thing as often as a person: left alone
    lines = [line(bakery, 0), line(river, 2), line(club, 1)]
    assert texts(name_pronouns(lines, arts)) == texts(lines)
    # a "He" whose article names no person before it: left alone
    lines = [line(bakery, 1), line(club, 2)]
    assert texts(name_pronouns(lines, arts)) == texts(lines)
