"""The day's turn of a story told over days is told and marked new, and a turn word counts only of what the story is
about (issue 13, session 34; our own invented stories: tests/stories/day_turn_samples.py).

- A dam story's third day led with "families ... will go home on Thursday": a day of the week was never a new time
  (each day's report names its own), so the lead was in no briefing line and unmarked in the story view, while a
  scare-quoted line of the same report was marked new. A day of the week in a sentence that tells what is to come is
  now a new time for the event (summary._new_count, `ahead`).
- A strike "suspended ... after the company raised its offer to 6.5 per cent": most of its words were the earlier
  reports', so it was neither the latest development nor marked new. A new figure or time for an event told before
  now makes a line news however many of its words are old.
- "Volunteers ... halted for lunch" was a search story's latest development, in the briefing: "halt", "withdraw" and
  "abandon" (as "lift" and "end") now tell a turn only of an event, a plan or the story's subject (facts.turns)."""

from __future__ import annotations

import json
import re

import pytest

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.day_turn_samples import BUS, BUS_TURN, CALLED_OFF, DAM, DAM_TURN, FESTIVAL, SEARCH, SEARCH_LUNCH
from tests.stories.latest_turn_samples import BRIDGE

STORIES = {"dam": (DAM, DAM_TURN), "bus": (BUS, BUS_TURN)}


def _story_id(title: str) -> int:
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    return next(row["id"] for row in rows if row["title"] == title)


def _brief_lines(title: str, fmt: str = "text") -> list[str]:
    r = run("brief", "--format", fmt)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    at = text.index(title)
    ends = [m.start() for m in re.finditer(r"^(?:## )?\d+\. ", text, re.MULTILINE) if m.start() > at]
    return [x for x in text[at:min(ends + [len(text)])].splitlines() if x.lstrip().startswith("- ")]


def _add(tmp_path, reports) -> int:
    add_as_markdown(tmp_path / "in", [(f"r{n}", *report) for n, report in enumerate(reports)])
    return _story_id(reports[-1][0])


@pytest.mark.parametrize("name", sorted(STORIES))
def test_the_day_s_turn_is_in_the_briefing_and_marked_new(name, tmp_path, lib_path):
    reports, turn = STORIES[name]
    story = _add(tmp_path, reports)
    last = reports[-1]
    for fmt in ("text", "md"):
        lines = _brief_lines(last[0], fmt)
        told = [x for x in lines if turn in x]
        assert len(told) == 1 and told[0].endswith(f"({last[1]}, {last[2]}, new)"), lines
        assert reports[0][2] in lines[0], lines  # it opens with what the story is about, the first day's
    got = json.loads(run("story", str(story), "--format", "json").stdout)
    told = [s for s in got["sentences"] if turn in s["text"]]
    assert len(told) == 1 and told[0]["new"] and told[0]["date"] == last[2], got["sentences"]


def test_a_turn_word_of_nothing_the_story_is_about_is_no_development(tmp_path, lib_path):
    _add(tmp_path, SEARCH)
    lines = _brief_lines(SEARCH[-1][0])
    assert len(lines) == 3 and not any(SEARCH_LUNCH in x for x in lines), lines


def test_the_turn_needs_its_object_to_be_an_event_a_plan_or_the_story_s_subject():
    from tui.engine.tokens import content_terms
    from tui.stories.facts import turns

    lunch = "The Carrow Pike volunteers halted for lunch at the Brisketh inn."
    assert not turns(lunch) and not turns(lunch, set(content_terms("Two walkers are missing on Carrow Pike.")))
    assert turns("The search on Carrow Pike was halted at dusk.")  # a plan word, in the passive
    fair = "The Brisketh lantern fair was abandoned on Monday."
    assert not turns(fair)  # a fair is no event or plan word ...
    assert turns(fair, set(content_terms("The Brisketh lantern fair opens on Friday.")))  # ... but the story's subject
    ferry = set(content_terms("The Brisketh ferry ran aground with 212 passengers on board."))
    assert not turns("Rescuers lifted 212 passengers from the Brisketh ferry.", ferry)  # the story's words after it
    assert turns("Velm Quarries withdrew its bid for the Brisketh pit.")
    assert not turns("Ana Velm withdrew 300 crowns from the Brisketh bank.")


def test_a_day_of_the_week_ahead_is_a_new_time_and_a_day_s_own_is_not():
    from tui.stories.facts import facts
    from tui.stories.summary import _new_count, ahead

    names = {"skelderton"}
    said = set(facts("Families were evacuated from Skelderton on Saturday.", names))
    home = "Families evacuated from Skelderton will go home on Thursday."
    assert ahead(home) and _new_count(facts(home, names), said, ahead=ahead(home))
    today = "Families evacuated from Skelderton stayed in the hall on Monday."
    assert not ahead(today) and not _new_count(facts(today, names), said, ahead=ahead(today))
    assert not _new_count(facts("Families evacuated from Skelderton will stay out on Saturday.", names), said,
                          ahead=True)  # the day told before


def test_a_turn_earlier_the_same_day_stays_in_the_briefing_when_a_later_report_comes(tmp_path, lib_path):
    """A festival called off at 08:50 was in the briefing until the traders' report came at 10:05 (a lead with no turn
    of its own): then the briefing said only that the festival would open on Friday. The turn of the reports before
    the latest ones of that day is now told when the latest tell none (summary.development, `standing`); it is not
    marked new (the traders' report is the latest)."""
    path = tmp_path / "festival.json"
    path.write_text(json.dumps(FESTIVAL), encoding="utf-8")
    assert run("add", str(path)).returncode == 0
    for fmt in ("text", "md"):
        lines = _brief_lines(FESTIVAL[-1]["title"], fmt)
        told = [x for x in lines if CALLED_OFF in x]
        assert len(told) == 1 and told[0].endswith("(Coastline Radio, 2026-12-07)"), lines


def test_a_summary_of_so_many_sentences_opens_with_the_event_sentence_itself(tmp_path, lib_path):
    """The bridge story's briefing and story view opened with "Replacement buses carried commuters ... after the rail
    bridge ... was closed" (a line that tells the closure by the way); they open with the closure now. A summary of so
    many words keeps the line that tells it (its words are its budget's: summary.select)."""
    story = _add(tmp_path, BRIDGE)
    closure = "The Kelderby rail bridge over the River Ousel was closed on Monday"
    assert closure in _brief_lines(BRIDGE[-1][0])[0]
    for args in ([], ["--sentences", "3"]):
        got = json.loads(run("story", str(story), *args, "--format", "json").stdout)
        assert got["sentences"][0]["text"].startswith(closure), got["sentences"]


def test_where_lines_are_marked_new_the_views_say_once_what_new_means(tmp_path, lib_path):
    """A reader took "new" for "unread" (walk33: a day-2 line read the day before was shown again, unmarked, before
    the day's news). Where a line is marked new, `story` (text and Markdown) says once, under the story's figures,
    that it is new against the story's earlier reports, read or not; `brief` says it once, in the briefing screen's words
    and place: under the figures of the first story that marks a line (session 36: tests/stories/test_story_stands.py)."""
    from tui.cells import NEW_KEY

    story = _add(tmp_path, DAM)
    key = '"new": what its 2026-12-07 reports add, read or not'
    for fmt in ("text", "md"):
        block = run("brief", "--format", fmt).stdout
        assert block.count(NEW_KEY) == 1 and block.index(DAM[-1][0]) < block.index(NEW_KEY) < block.index(", new)")
        assert key not in block, block
        text = run("story", str(story), "--format", fmt).stdout
        assert text.count(key) == 1 and text.index(key) < text.index(DAM_TURN), text
