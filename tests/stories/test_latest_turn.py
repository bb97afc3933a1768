"""A story's latest turn is told: in its summary, its What's new and its briefing entry (issue 13, walk32).

A bridge story's latest report led with "will stay shut until the middle of January ... doubling its first estimate";
that was in no summary, in no What's new and not in the briefing: it names no turn word ("postponed", "called off")
and no new figure, and a lead that tells the story so far in the old words again was not new by its words. Its news is
a new time for the closure (summary._new_count). Our own invented story (tests/stories/latest_turn_samples.py)
through `newsreader add`, `story` and `brief`; the "new" marks through summary.latest_news."""

from __future__ import annotations

import json
import re

import pytest

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.latest_turn_samples import BRIDGE, RECAP, TURN
from tests.stories.new_mark_samples import BYPASS


def _story_id(title: str) -> int:
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    return next(row["id"] for row in rows if row["title"] == title)


def _brief_block(title: str, fmt: str = "text") -> str:
    r = run("brief", "--format", fmt)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    at = text.index(title)
    ends = [m.start() for m in re.finditer(r"^(?:## )?\d+\. ", text, re.MULTILINE) if m.start() > at]
    return text[at:min(ends + [len(text)])]


@pytest.fixture(params=["plain", "recap"])
def bridge(request, tmp_path, lib_path):
    reports = BRIDGE if request.param == "plain" else RECAP
    add_as_markdown(tmp_path / "in", [(f"bridge{n}", *report) for n, report in enumerate(reports)])
    return _story_id(reports[-1][0])


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_the_briefing_tells_the_latest_turn_after_what_the_story_is_about(bridge, fmt):
    lines = [x for x in _brief_block(BRIDGE[-1][0], fmt).splitlines() if x.lstrip().startswith("- ")]
    turn = [x for x in lines if TURN in x]
    assert len(turn) == 1 and turn[0].endswith("(Tamble Herald, 2026-12-03, new)"), lines
    assert "2026-11-30" in lines[0] and "closed" in lines[0], lines  # it opens with the closure, not the turn


@pytest.mark.parametrize("args", [[], ["--sentences", "3"], ["--sentences", "5"]])
def test_the_story_summary_of_so_many_sentences_holds_the_latest_turn_marked_new(bridge, args):
    got = json.loads(run("story", str(bridge), *args, "--format", "json").stdout)
    turn = [s for s in got["sentences"] if TURN in s["text"]]
    assert len(turn) == 1 and turn[0]["new"] and turn[0]["date"] == "2026-12-03", got["sentences"]
    assert got["sentences"][0]["date"] == "2026-11-30", got["sentences"]
    assert got["sentences"].index(turn[0]) > 0


def test_what_s_new_lists_the_latest_turn_where_the_summary_does_not_show_it(bridge):
    """A long summary of so many words keeps its words to the greedy choice (summary.select): the turn is then the first
    line of What's new, the recalling lead too (its words are the earlier reports')."""
    got = json.loads(run("story", str(bridge), "--words", "100", "--format", "json").stdout)
    assert not any(TURN in s["text"] for s in got["sentences"]), got["sentences"]
    assert got["new"] and TURN in got["new"][0]["text"], got["new"]
    text = run("story", str(bridge), "--words", "100").stdout
    assert re.search(r"^What's new:\n- .*" + TURN, text, re.MULTILINE), text


def _articles(reports):
    from tui.engine.sentences import split_sentences
    from tui.stories.articles import StoryArticle

    out = []
    for n, r in enumerate(reports, 1):
        if isinstance(r, dict):  # a JSON record with the time it came in (one day's reports)
            out.append(StoryArticle(n, r["title"], r["source"], r["published"], r["body"], False, None,
                                    split_sentences(r["body"]), None, None, r["added_at"][11:19]))
        else:
            title, source, day, body = r
            out.append(StoryArticle(n, title, source, day, body, False, None, split_sentences(body), None))
    return out


def _fresh_texts(reports) -> list[str]:
    from tui.stories.summary import candidates, latest_news

    arts = _articles(reports)
    by_key = {(c.art.id, c.index): c.text for c in candidates(arts)}
    return [by_key[k] for k in sorted(latest_news(arts)[1])]


def test_a_latest_line_that_shares_names_with_older_ones_but_says_more_is_new():
    """"Ines Carrow told a crowded chamber ..." went unmarked between marked lines (its name and "council" are the
    morning's words); a latest line that tells the old news again ("buses will keep running") stays unmarked."""
    fresh = _fresh_texts(BYPASS)
    assert any(x.startswith("Ines Carrow told a crowded chamber") for x in fresh), fresh
    assert any("postponed its vote" in x for x in fresh), fresh  # the latest development, whatever it shares
    bridge = _fresh_texts(BRIDGE)
    assert any(TURN in x for x in bridge) and any("steel sheets" in x for x in bridge), bridge
    assert not any(x.startswith("Replacement buses between Kelderby and Marrowgate will keep running") for x in bridge)
    assert not any("2026-11-30" in x for x in bridge)


def test_a_new_time_counts_as_news_and_a_day_of_the_week_does_not():
    from tui.stories.facts import facts
    from tui.stories.summary import _new_count, months

    said = set(facts("The Ferrow lock was closed on Monday.", {"ferrow"}))
    assert months("The lock will stay shut until the middle of January.") == {"jan"}
    assert months("Work may start in the march of progress.") == set()  # the words, not the months
    assert months("Repairs run to Sept. 4, then to May.") == {"sep", "may"}
    turn = "The Ferrow lock will stay shut until the middle of January, engineers said on Thursday."
    assert _new_count(facts(turn, {"ferrow"}), said, months(turn), set())
    again = "The Ferrow lock stayed shut on Thursday, engineers said."
    assert not _new_count(facts(again, {"ferrow"}), said, months(again), set())
    assert not _new_count(facts(turn, {"ferrow"}), said, months(turn), {"jan"})  # January was said before
    dated = "The Ferrow lock will stay shut until Jan. 14 and reopen in 2027."
    assert _new_count(facts(dated, {"ferrow"}), said)  # a dated day and a year are times too
