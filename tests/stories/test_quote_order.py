"""What a reader saw in session 31's sample stories, on our own strike story (tests/stories/order_samples.py): a
scare-quoted phrase joined to a later lower-case piece of its speaker's; that piece scored above a whole quotation;
a speaker's quotes listed by outlets first (now newest first, the strongest first within a day, in the story view,
`story --format json` and `who`); "Ferry" opening a sentence read as an organisation. Imported, analysed and grouped
as the library does."""

from __future__ import annotations

import json

from tests.stories.added_steps import added_fixture, only_story, run
from tests.stories.order_samples import ALL, COURIER, ISLANDER, LATEST, PHRASE, PHRASE_LEAD, SCRAP, SPEAKER, WHOLE
from tui.engine.analysis import cache_key, cached_analysis
from tui.stories import group_new, story_of
from tui.stories.story import story_summary

NEWEST_FIRST = [LATEST.rstrip(","), WHOLE.rstrip(","), SCRAP, PHRASE]  # (a closing comma before "said" left out)


def _library(lib) -> list[int]:
    ids = [lib.add_many([a])[0][1] for a in ALL]
    for i, a in zip(ids, ALL):
        cached_analysis(lib, i, a.body, title=a.title)
    group_new(lib)
    assert story_of(lib, ids[0]) == story_of(lib, ids[1])
    return ids


def _speaker_quotes(lib, ids):
    [group] = [g for g in story_summary(lib, story_of(lib, ids[0])).quotes if g.speaker == SPEAKER]
    return group.quotes


def test_a_scare_quoted_phrase_is_not_joined_to_the_speaker_s_next_piece(lib):
    quotes = {q.text: q for q in _speaker_quotes(lib, _library(lib))}
    # it was one quotation: “a false economy … the people of Oskby ...”, with the phrase's lead
    assert PHRASE in quotes and SCRAP in quotes
    assert not any(" … " in text for text in quotes)
    assert (quotes[PHRASE].lead, quotes[SCRAP].lead) == (PHRASE_LEAD, "")


def test_a_lower_case_piece_scores_below_a_whole_quotation(lib):
    ids = _library(lib)
    stored = json.loads(lib.get_analysis(ids[0], cache_key()))["quotes"]
    score = {q["text"]: q["score"] for q in stored}
    # the piece after 'Brannock said,' (longer, earlier, a figure and two places) scored above it: 0.96 to 0.86
    assert score[WHOLE] > score[SCRAP] > score[PHRASE] > 0.0


def test_a_speaker_s_quotes_come_newest_first_then_the_strongest(lib):
    from tui.app.screens.story_items import _side

    ids = _library(lib)
    quotes = _speaker_quotes(lib, ids)
    assert [q.text for q in quotes] == NEWEST_FIRST
    assert [q.day for q in quotes] == [ISLANDER.published] + [COURIER.published] * 3
    options, _names = _side(story_summary(lib, story_of(lib, ids[0])))
    shown = [o.prompt.plain.split("\n")[0] for o in options if (o.id or "").startswith("q:")]
    assert shown == [f"“{LATEST.rstrip(',')}”", f"“{WHOLE.rstrip(',')}”", f"“{SCRAP}”", f"{PHRASE_LEAD} “{PHRASE}”"]


def test_who_lists_a_person_s_quotes_in_the_story_view_s_order(lib):
    from tui.stories.people import who

    _library(lib)
    assert [q["text"] for q in who(lib, SPEAKER).quotes] == NEWEST_FIRST


def test_ferry_opening_a_sentence_is_no_organisation(lib):
    ids = _library(lib)
    for i in ids:
        names = {e["text"]: e["label"] for e in json.loads(lib.get_analysis(i, cache_key()))["entities"]}
        assert "Ferry" not in names and names["Vellmoor Ferry Company"] == "ORG", names
    entities = {e.name for e in story_summary(lib, story_of(lib, ids[0])).entities}
    assert "Ferry" not in entities and "Vellmoor Ferry Company" in entities


added = added_fixture(ALL)  # the samples, imported with `newsreader add`


def test_story_json_and_who_give_the_same_order(added):
    _row, story = only_story()
    assert [q["text"] for q in story["quotes"] if q["speaker"] == SPEAKER] == NEWEST_FIRST
    person = json.loads(run("who", SPEAKER, "--json").stdout)
    assert [q["text"] for q in person["quotes"]] == NEWEST_FIRST
    text = run("who", SPEAKER).stdout
    at = [text.index(t) for t in NEWEST_FIRST]
    assert at == sorted(at), text
