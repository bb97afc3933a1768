"""A story's strongest quote (the briefing's) and the order of a speaker's quotes: the engine's importance of a quote
(quote_score) was never set on the quotes an analysis stores, so every quote a story read back scored 0.0 and the
choice fell to the order the articles came in; and a scare-quoted phrase or a lower-case piece after a comma, printed
by more outlets, came before a whole quotation. Our own council story (tests/stories/strongest_samples.py), imported,
analysed and grouped as the library does."""

from __future__ import annotations

import json

from tests.stories.added_steps import added_fixture, only_story, run
from tests.stories.strongest_samples import (ALL, COUNCILLOR, GAZETTE, HERALD, HERS, LEADER, PHRASE, PLAIN, POST,
                                             REPLY, SCRAP, STRONG)
from tui.engine.analysis import cache_key, cached_analysis, mention_counts
from tui.engine.types import Analysis
from tui.stories import group_new, story_of
from tui.stories.story import story_summary


def _words(text: str) -> str:
    return text.rstrip(",")  # (a closing comma before "she said" is left out, as everywhere)


def _library(lib) -> list[int]:
    ids = [lib.add_many([a])[0][1] for a in ALL]
    for i, a in zip(ids, ALL):
        cached_analysis(lib, i, a.body, title=a.title)
    group_new(lib)
    assert len({story_of(lib, i) for i in ids}) == 1
    return ids


def _summary(lib, ids):
    return story_summary(lib, story_of(lib, ids[0]))


def test_the_stored_quotes_carry_their_importance(lib):
    ids = _library(lib)
    stored = json.loads(lib.get_analysis(ids[0], cache_key()))["quotes"]
    score = {q["text"]: q["score"] for q in stored}
    # a named speaker's long quotation with a place and figures above his short one, above a three-word phrase
    assert score[STRONG] > score[PLAIN] > score[PHRASE] > 0.0
    assert score[REPLY] < score[PLAIN]  # three words: a phrase by length


def test_the_strongest_quote_is_a_whole_quotation_and_the_most_important_of_those(lib):
    ids = _library(lib)
    s = _summary(lib, ids)
    by_text = {q.text: q for g in s.quotes for q in g.quotes}
    # the scraps were printed by more outlets than any whole quotation
    assert len(by_text[SCRAP].sources) == len(by_text[PHRASE].sources) == 3 and len(by_text[_words(REPLY)].sources) == 2
    assert [len(by_text[_words(t)].sources) for t in (STRONG, PLAIN, HERS)] == [1, 1, 1]
    best = s.strongest_quote()
    assert (best.speaker, best.text, best.sources) == (LEADER, _words(STRONG), [HERALD.source])
    # with that one already shown, the next most important whole quotation (hers), not the leader's first one
    nxt = s.strongest_quote(leaving_out=f"The leader said: {STRONG}")
    assert (nxt.speaker, nxt.text) == (COUNCILLOR, _words(HERS))
    # with no whole quotation left, a scrap is still chosen: the most outlets, then the most important
    rest = s.strongest_quote(leaving_out=" ".join((STRONG, PLAIN, HERS)))
    assert rest.text == SCRAP


def test_a_speaker_s_quotes_of_one_day_come_whole_first_then_by_importance(lib):
    # all three first printed on the same day: the whole quotations, the most important first, then the short reply
    # that two outlets printed (it came first, by outlets)
    ids = _library(lib)
    leader = next(g for g in _summary(lib, ids).quotes if g.speaker == LEADER)
    assert [q.text for q in leader.quotes] == [_words(t) for t in (STRONG, PLAIN, REPLY)]


def test_the_briefing_gives_the_whole_quotation(lib):
    from tui.stories.briefing import as_quotes, briefing

    _library(lib)
    [item] = briefing(lib, sentences=1)
    assert item.quote.text == _words(STRONG)
    assert as_quotes([item]) == f"“{_words(STRONG)}” — {LEADER} ({HERALD.source})"


def test_an_analysis_stored_without_scores_still_reads(lib):
    # an older stored analysis (or a damaged one) has no "score": its quotes read as 0.0, the choice still a whole one
    ids = _library(lib)
    key = cache_key()
    for i in ids:
        stored = json.loads(lib.get_analysis(i, key))
        stored["quotes"] = [{k: v for k, v in q.items() if k != "score"} for q in stored["quotes"]]
        lib.put_analysis(i, key, json.dumps(stored), mention_counts(Analysis.from_dict(stored)))
    s = _summary(lib, ids)
    assert {q.score for g in s.quotes for q in g.quotes} == {0.0}
    assert s.strongest_quote().text in {_words(t) for t in (STRONG, PLAIN, HERS)}  # (whole, whichever comes first)


added = added_fixture(ALL)  # the samples, imported with `newsreader add`


def test_brief_and_story_commands_put_the_whole_quotation_first(added):
    quotes = run("brief", "--quotes").stdout.splitlines()
    assert quotes == [f"“{_words(STRONG)}” — {LEADER} ({HERALD.source})"], quotes
    row, story = only_story()
    leader = [q["text"] for q in story["quotes"] if q["speaker"] == LEADER]
    assert leader == [_words(t) for t in (STRONG, PLAIN, REPLY)]
    assert {GAZETTE.source, POST.source} <= set(row["sources"])


def test_the_quotes_command_gives_each_quote_its_importance(tmp_path):
    f = tmp_path / "council.txt"
    f.write_text(HERALD.body + "\n", encoding="utf-8")
    records = json.loads(run("quotes", str(f), "--format", "json").stdout)["quotes"]
    score = {r["text"]: r["score"] for r in records}
    assert score[STRONG] > score[PLAIN] > score[PHRASE] > 0.0  # (it gave 0.0 for every quote)
