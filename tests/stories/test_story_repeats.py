"""A story summary says each fact once, however each outlet words it, and opens with what happened (issue 13: a daily
user's summaries repeated one fact from several outlets, and one left out the event itself)."""

from __future__ import annotations

import re

import pytest

from tests.stories.repeat_samples import BRIDGE, EVENTS, FERRY, FIRE, SLIDE
from tui.engine.sentences import split_sentences
from tui.stories.articles import StoryArticle
from tui.stories.facts import facts, repeats, story_names
from tui.stories.summary import summarise, whats_new

LENGTHS = [{"words": 100}, {"sentences": 5}, {"sentences": 3}]


def _story(reports) -> list[StoryArticle]:
    return [StoryArticle(i, f"Report {i}", source, day, body, False, None, split_sentences(body), None)
            for i, (source, day, body) in enumerate(reports, 1)]


def _death_toll(text: str) -> bool:
    low = text.lower()
    return "three" in low and bool(re.search(r"\b(?:kill|died|dead|lives|lost)", low)) and "relatives" not in low


def _margin(text: str) -> bool:
    low = text.lower()
    return "seven" in low and "two" in low


# each event's fact that the outlets tell in words of their own (the vote's margin: three of four), and whether a
# summary of any length must hold it (the toll is the news; the passengers and the margin are details of it)
FACTS = {"fire": (_death_toll, 1), "ferry": (lambda t: "212" in t, 0), "bridge": (_margin, 0)}


@pytest.mark.parametrize("event", sorted(EVENTS))
@pytest.mark.parametrize("length", LENGTHS, ids=lambda k: f"{next(iter(k))}={next(iter(k.values()))}")
def test_a_fact_four_outlets_tell_in_their_own_words_is_said_once(event, length):
    texts = [x.text for x in summarise(_story(EVENTS[event]), **length)]
    told, least = FACTS[event]
    assert least <= sum(map(told, texts)) <= 1, texts


def _fire(text: str) -> bool:
    low = text.lower()
    return bool(re.search(r"\b(?:fire|blaze|flames)\b", low)) and _death_toll(text)


def _grounding(text: str) -> bool:
    return bool(re.search(r"\b(?:aground|grounded|struck a reef)\b", text)) and "Marisol" in text


def _closing_vote(text: str) -> bool:
    low = text.lower()
    return ("bridge" in low and bool(re.search(r"\b(?:close|closure|shut)", low))
            and bool(re.search(r"\b(?:vot|decid|decision)", low)))


# what happened, as a reader must be told it first: the fire and its toll, the grounding, the vote to close the bridge
HAPPENED = {"fire": _fire, "ferry": _grounding, "bridge": _closing_vote}


@pytest.mark.parametrize("event", sorted(EVENTS))
@pytest.mark.parametrize("length", LENGTHS, ids=lambda k: f"{next(iter(k))}={next(iter(k.values()))}")
def test_the_summary_opens_with_what_happened(event, length):
    first = summarise(_story(EVENTS[event]), **length)[0]
    assert HAPPENED[event](first.text), first.text


@pytest.mark.parametrize("length", [{"sentences": 1}, {"sentences": 2}, {"sentences": 3}, {"words": 40}],
                         ids=lambda k: f"{next(iter(k))}={next(iter(k.values()))}")
def test_a_short_summary_whose_central_sentences_leave_out_the_event_opens_with_it(length):
    """Every outlet's other sentences are about the council's road budget, in the same words, so they are the
    story's most central; the landslide each outlet leads with, in words of its own, was in no short summary."""
    out = summarise(_story(SLIDE), **length)
    assert "landslide" in out[0].text and "two farmers" in out[0].text, [x.text for x in out]
    assert sum(bool(re.search(r"\b(?:died|dead|killing)\b", x.text)) for x in out) == 1


def test_after_the_event_sentence_the_summary_keeps_story_order():
    for reports in EVENTS.values():
        out = summarise(_story(reports), words=100)
        rest = [(x.day, x.article, x.index) for x in out[1:]]
        assert rest == sorted(rest) and len(rest) >= 3


def test_whats_new_leaves_out_a_latest_line_that_tells_an_earlier_fact_in_other_words():
    """Day two's "Rescuers lifted 212 passengers from the grounded Marisol ..." is day one's news again."""
    new = [x.text for x in whats_new(_story(FERRY), limit=3)]
    assert new and not any("212" in t for t in new), new
    assert all(x.day == "2026-05-17" for x in whats_new(_story(FERRY), limit=3))


def test_whats_new_lists_a_new_fact_two_outlets_word_apart_once():
    later = [("Brennock Today", "2026-09-05",
              "Contractors sealed off the crossing on Saturday, two days early, shutting it to all traffic. "
              "Council leader Ruth Okafor thanked residents for their patience with the diversions."),
             ("Riverside FM", "2026-09-05",
              "Barriers went up on Saturday as the crossing was closed two days ahead of plan. "
              "A petition asking for a temporary footbridge has passed 3,000 signatures.")]
    new = [x.text for x in whats_new(_story(BRIDGE + later), limit=3)]
    assert sum("Saturday" in t for t in new) == 1, new


NAMES = {"harnby", "velcor", "tolvik", "marisol"}


def test_facts_read_numbers_in_figures_and_words_days_names_and_event_words():
    got = facts("Harnby is mourning three Velcor technicians who died in Tuesday night's fire.", NAMES)
    assert got == {"p:harnby", "n:3", "p:velcor", "e:death", "d:tuesday", "e:fire"}
    assert "n:4.2e+06" in facts("Repairs will cost 4.2 million pounds.", NAMES)
    assert "n:4.2e+06" in facts("The 4,200,000 pound repair starts in May.", NAMES)
    assert "n:212" in facts("All 212 passengers were rescued.", NAMES)
    assert "n:23" in facts("Twenty three people were hurt.", NAMES)
    assert "y:1998" in facts("The plant opened in 1998.", NAMES) and "n:1998" not in facts("It opened in 1998.", NAMES)
    assert "d:oct-12" in facts("The talks ended on Oct. 12 without a deal.", NAMES)
    assert "e:death" in facts("Three lab workers lost their lives.", NAMES)


def test_a_figure_with_a_wire_or_paper_scale_is_the_same_number_as_with_the_word():
    """Reuters writes "630 mln dlrs", a paper "£630m" or "£1.2bn": one fact with "630 million" and "1.2 billion"."""
    for text in ("Tolvik agreed to pay 630 mln dlrs for the Harnby mill on Monday.",
                 "Tolvik will pay £630m for the Harnby mill, it said on Monday.",
                 "The Harnby mill goes to Tolvik for 630 million dollars, agreed on Monday."):
        assert "n:6.3e+08" in facts(text, NAMES), text
    assert "n:1.2e+09" in facts("Velcor's debt stands at 1.2 bln dlrs.", NAMES)
    assert "n:1.2e+09" in facts("Velcor owes £1.2bn.", NAMES)
    assert "n:2e+12" in facts("Output passed 2 trillion yen.", NAMES)
    wire = facts("Tolvik agreed to buy the Harnby mill for 630 mln dlrs on Monday.", NAMES)
    paper = facts("On Monday Tolvik agreed a £630m deal for the Harnby mill.", NAMES)
    assert repeats(paper, wire) and repeats(wire, paper)


def test_story_names_are_words_some_sentence_shows_capitalised_past_its_first_word():
    names = story_names(["A fire hit the Velcor plant.", "Velcor said it would rebuild.", "Police closed the road."])
    assert "velcor" in names and "police" not in names and "a" not in names
    assert "p:velcor" in facts("Velcor said it would rebuild.", names)
    assert not any(f.startswith("p:") for f in facts("Police closed the road.", names))


def test_a_sentence_that_adds_facts_of_its_own_does_not_repeat_one_it_shares_some_with():
    told = facts("A fire killed three technicians at the Velcor laboratory in Harnby on Tuesday.", NAMES)
    same = facts("Three Velcor staff died when flames swept the Harnby site on Tuesday night.", NAMES)
    other_event = facts("Three firefighters were injured at Velcor on Tuesday.", NAMES)
    more = facts("Velcor said 40 residents were evacuated and two stores destroyed on Wednesday.", NAMES)
    assert repeats(same, told)
    assert not repeats(other_event, told)  # hurt, not dead
    assert not repeats(more, told)
    assert not repeats(frozenset(), told)
    # a number or a name that the story is about is no fact on its own: something must happen in both
    names = story_names(["The Route 66 plan goes to the Senate.", "Farmers back the Route 66 plan."])
    assert not repeats(facts("Farmers back the Route 66 plan in the Senate.", names),
                       facts("The Route 66 plan goes to the Senate on Monday.", names))
    assert repeats(facts("The Senate voted for the Route 66 plan on Monday.", names),
                   facts("On Monday a Senate vote approved the Route 66 plan.", names))


def test_a_run_of_name_words_is_one_name():
    names = story_names(["The Nuclear Safety Board said so.", "A plant near Harnby shut."])
    got = facts("The Nuclear Safety Board shut the Harnby plant.", names)
    assert {"p:nuclear safety board", "p:harnby"} <= got and "p:nuclear" not in got


def test_an_m_after_a_figure_is_metres_in_a_length_and_million_in_money():
    """"100 m" is a length where the sentence says so ("a 100 m drop, about 330 feet", "the 40m-high wall"), one fact
    with "100 metres"; with a currency sign or word it is money ("£12m", "12 m dollars"), and alone million, as before."""
    drop = facts("The ridge track runs beside a 100 m drop, about 330 feet, above Carrow.", NAMES)
    assert "n:100" in drop and "n:1e+08" not in drop
    assert "n:40" in facts("Water poured over the 40m-high wall at Carrow on Monday.", NAMES)
    assert "n:40" in facts("The crowd stood 40 m away from the Carrow wall.", NAMES)
    assert "n:1.2e+07" in facts("The Carrow wall, 40 metres long, cost £12m to build.", NAMES)
    assert "n:1.2e+07" in facts("The 40 metre wall cost 12 m dollars to build.", NAMES)
    assert "n:4e+07" in facts("Velcor sold 40 m shares on Monday.", NAMES)
    metres = facts("Floodwater ran 3 metres deep in Carrow on Monday after the wall collapsed.", NAMES)
    m = facts("On Monday floodwater in Carrow was 3m deep after the wall collapsed.", NAMES)
    assert "n:3" in m and "n:3" in metres
