"""The briefing and the story view mark what is new against the story's earlier reports, the same way.

- The briefing showed a story's latest development (a strike called off) without saying it was the new line; the
  story view marked "new" lines and the briefing did not (`brief` text and Markdown, `story --format json`).
- A development reported the same day as the first report was not seen: the "latest day" was the only day. Within
  one day, the reports are now told apart by the time each came into the library (an export's `added_at` read back by
  `add` here: a vote to come in the morning, postponed that evening).
- Every line was marked "new" when the latest day held almost every article: against so little before, that says
  nothing, and it is now said once ("Mostly new: 4 of its 5 articles are from ...").
Our own invented stories (tests/stories/development_samples.py, tests/stories/new_mark_samples.py), through
`newsreader add`, `brief` and `story`."""

from __future__ import annotations

import json
import re

import pytest

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.development_samples import STORIES
from tests.stories.new_mark_samples import BYPASS, FOOTBRIDGE

NEWS = {"strike": "called off their strike", "vote": "postponed its vote", "rescue": "The rescue at Carrow Fell ended"}


def _blocks(text: str, firsts: dict[str, str]) -> dict[str, str]:
    """Each story's lines of a briefing: from its heading (its latest report's title: a story's title follows it) to the
    next heading."""
    starts = [m.start() for m in re.finditer(r"^(?:## )?\d+\. ", text, re.MULTILINE)]
    out = {}
    for name, title in firsts.items():
        at = text.index(title)
        out[name] = text[at:min([s for s in starts if s > at] + [len(text)])]
    return out


def _story_id(title: str) -> int:
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    return next(row["id"] for row in rows if row["title"] == title)


@pytest.fixture
def developments(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"{name}{n}", *report) for name, reports in STORIES.items()
                                      for n, report in enumerate(reports)])
    return lib_path


@pytest.mark.parametrize("fmt", ["text", "md"])
def test_the_briefing_marks_the_latest_development_new(developments, fmt):
    r = run("brief", "--format", fmt)
    assert r.returncode == 0, r.stderr
    blocks = _blocks(r.stdout, {name: reports[-1][0] for name, reports in STORIES.items()})
    for name, block in blocks.items():
        lines = [x for x in block.splitlines() if x.lstrip().startswith("- ")]
        newest = STORIES[name][-1]
        dev = [x for x in lines if NEWS[name] in x]
        assert len(dev) == 1, (name, block)
        assert dev[0].endswith(f"({newest[1]}, {newest[2]}, new)"), dev[0]  # as `story` marks a new line
        # a line of the first day is not new
        assert all(not x.endswith(", new)") for x in lines if STORIES[name][0][2] in x), block
        assert "Mostly new" not in block and "Every line is new" not in block


def test_story_json_marks_the_development_line_new(developments):
    for name, reports in STORIES.items():
        out = run("story", str(_story_id(reports[-1][0])), "--sentences", "3", "--format", "json")
        assert out.returncode == 0, out.stderr
        got = json.loads(out.stdout)
        assert got["new_note"] is None
        new = [s["text"] for s in got["sentences"] if s["new"]]
        assert any(NEWS[name] in s for s in new), got["sentences"]
        assert all(s["date"] != reports[0][2] for s in got["sentences"] if s["new"])


def test_a_development_reported_the_same_day_is_seen_by_the_time_it_came(tmp_path, lib_path):
    """Three reports of one day: the evening's (the vote postponed) came in 13 hours after the morning's."""
    path = tmp_path / "bypass.json"
    path.write_text(json.dumps(BYPASS), encoding="utf-8")
    r = run("add", str(path))
    assert r.returncode == 0, r.stderr
    text = run("brief").stdout
    block = _blocks(text, {"bypass": BYPASS[-1]["title"]})["bypass"]
    assert "3 articles" in block
    dev = [x for x in block.splitlines() if "postponed its vote" in x]
    assert len(dev) == 1 and dev[0].endswith("(Saltmere Echo, 2026-06-09, new)"), block
    # the morning's lines are not new
    assert all(not x.endswith("new)") for x in block.splitlines() if "Coastline Radio" in x), block
    got = json.loads(run("story", str(_story_id(BYPASS[-1]["title"])), "--sentences", "3", "--format", "json").stdout)
    assert [s["new"] for s in got["sentences"] if "postponed its vote" in s["text"]] == [True], got["sentences"]


def test_a_same_day_development_is_seen_by_the_time_its_feed_gave(tmp_path, lib_path, monkeypatch):
    """The same reports, all added the next morning (their time of adding says nothing of that day), with the time
    each was published (a feed's, read back by `add` from an export's "published_at"): the evening's is the latest."""
    records = [dict(r, published_at=r["added_at"], added_at="2026-06-10T08:00:00Z") for r in BYPASS]
    path = tmp_path / "bypass.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    assert run("add", str(path)).returncode == 0
    block = _blocks(run("brief").stdout, {"bypass": BYPASS[-1]["title"]})["bypass"]
    dev = [x for x in block.splitlines() if "postponed its vote" in x]
    assert len(dev) == 1 and dev[0].endswith("(Saltmere Echo, 2026-06-09, new)"), block
    # without those times (added the next day, no feed time) nothing tells the evening from the morning
    plain = [dict(r, added_at="2026-06-10T08:00:00Z") for r in BYPASS]
    path.write_text(json.dumps(plain), encoding="utf-8")
    monkeypatch.setenv("NEWSREADER_DB", str(tmp_path / "without-times.db"))
    assert run("add", str(path)).returncode == 0
    assert "new)" not in _blocks(run("brief").stdout, {"bypass": BYPASS[-1]["title"]})["bypass"]


def test_nearly_all_new_is_said_once_and_no_line_is_marked(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"bridge{n}", *report) for n, report in enumerate(FOOTBRIDGE)])
    note = "Mostly new: 4 of its 5 articles are from 2026-03-03"
    ident = str(_story_id(FOOTBRIDGE[-1][0]))
    text = run("story", ident).stdout
    assert text.count(note) == 1, text
    assert not re.search(r", new\]$", text, re.MULTILINE), text
    assert f"*{note}*" in run("story", ident, "--format", "md").stdout
    got = json.loads(run("story", ident, "--format", "json").stdout)
    assert got["new_note"] == note and not any(s["new"] for s in got["sentences"])
    for fmt in ("text", "md"):
        block = run("brief", "--format", fmt).stdout
        assert block.count(note) == 1, block
        assert not re.search(r", new\)$", block, re.MULTILINE), block


def _article(ident: int, day: str, at: str = "", dup_of: int | None = None):
    from tui.stories.articles import StoryArticle

    return StoryArticle(ident, "", "", day, "", False, dup_of, [], None, None, at)


def test_latest_reports_by_day_then_by_the_last_gap_of_an_hour_within_one_day():
    from tui.stories.summary import latest

    two_days = latest([_article(1, "2026-06-08"), _article(2, "2026-06-09"), _article(3, "2026-06-09")])
    assert two_days.ids == {2, 3} and two_days.day == "2026-06-09" and not two_days.after and not two_days.mostly
    one_day = [_article(1, "2026-06-09", "07:40:00"), _article(2, "2026-06-09", "08:15:00"),
               _article(3, "2026-06-09", "21:05:00"), _article(4, "2026-06-09", "21:30:00")]
    cut = latest(one_day)
    assert cut.ids == {3, 4} and cut.after == "08:15"
    # the last gap of an hour: 09:00 | 11:00 | 12:30 -> the 12:30 report alone
    assert latest([_article(1, "2026-06-09", "09:00:00"), _article(2, "2026-06-09", "11:00:00"),
                   _article(3, "2026-06-09", "12:30:00")]).ids == {3}
    # no gap of an hour, a report with no time, or times that are not times: nothing came before
    assert latest(one_day[:2]) is None
    assert latest(one_day[:3] + [_article(5, "2026-06-09")]) is None
    assert latest([_article(1, "2026-06-09", "7:xx"), _article(2, "2026-06-09", "21:05:00")]) is None
    # a near-duplicate is not a report of its own
    assert latest([_article(1, "2026-06-08"), _article(2, "2026-06-08", dup_of=1)]) is None
    # four of five reports the latest: mostly new
    assert latest([_article(1, "2026-03-02")] + [_article(i, "2026-03-03") for i in range(2, 6)]).mostly


@pytest.fixture
def utc_clock():
    """The reader's clock is UTC while the test runs (a story's times of day are on the reader's clock)."""
    from tests.conftest import _local_zone

    yield from _local_zone("UTC0")


def test_the_time_of_day_is_the_time_it_came_on_the_day_it_is_dated(utc_clock):
    from tui.stories.articles import report_time, time_of_day

    # a feed's time of publishing first (the sort key of a dated article that has one), else the time of adding
    assert report_time("2026-06-09", "2026-06-09", "2026-06-09T21:05:00Z", "2026-06-10T08:00:00Z") == "21:05:00"
    assert report_time("2026-06-09", "2026-06-09", "2026-06-09", "2026-06-09T07:40:00Z") == "07:40:00"
    assert report_time("2026-06-09", None, "2026-06-09T07:40:00Z", "2026-06-09T07:40:00Z") == "07:40:00"
    assert report_time("2026-06-09", "2026-06-09", 7, None) == ""

    assert time_of_day("2026-06-09", "2026-06-09T21:05:00Z") == "21:05:00"
    assert time_of_day("2026-06-08", "2026-06-09T21:05:00Z") == ""  # imported the next day: its time is unknown
    assert time_of_day("2026-06-09", None) == "" and time_of_day("2026-06-09", b"x") == ""
    assert time_of_day("2026-06-09", "garbage") == ""


def test_the_time_of_day_and_the_new_note_are_on_the_readers_clock(far_east):
    """A story's days are the reader's (tui.models.local_day), so are its times of day: at UTC+13 an article added at
    19:40 UTC on the 6th is of the 7th at 08:40; its time was unknown (its UTC day is not its day) and the story's note
    read "2026-12-07 after 19:40 UTC" where it had one (walk36)."""
    from tui.stories.articles import report_time, time_of_day
    from tui.stories.summary import latest

    assert time_of_day("2026-12-07", "2026-12-06T19:40:00Z") == "08:40:00"
    assert time_of_day("2026-12-06", "2026-12-06T19:40:00Z") == ""  # the UTC day is not the reader's
    assert report_time("2026-12-07", None, "2026-12-07T02:00:00Z", "2026-12-07T02:00:00Z") == "15:00:00"
    cut = latest([_article(1, "2026-12-07", time_of_day("2026-12-07", "2026-12-06T19:40:00Z")),
                  _article(2, "2026-12-07", "15:00:00")])
    assert cut is not None and cut.ids == {2} and cut.after == "08:40"
    from dataclasses import replace

    from tui.stories.story import StorySummary

    mostly = replace(cut, ids=frozenset({2, 3, 4, 5}), originals=5)  # 4 of 5: the note says it once, with the time
    story = StorySummary(1, "", [], [], [], [], [], "2026-12-07", "2026-12-07", [1, 2, 3, 4, 5], True, latest=mostly)
    assert story.new_note() == "Mostly new: 4 of its 5 articles are from 2026-12-07 after 08:40", story.new_note()



def test_the_new_key_of_reports_later_in_one_day_reads_as_a_sentence():
    """walk37: the story view, the briefing and their copies said '"new": what its 2026-12-07 after 09:30 reports add,
    read or not'. Our own figures."""
    from tui.stories.story import StorySummary
    from tui.stories.summary import StorySentence, latest

    cut = latest([_article(1, "2026-12-07", "07:10:00"), _article(2, "2026-12-07", "09:30:00"),
                  _article(3, "2026-12-07", "21:05:00"), _article(4, "2026-12-07", "21:40:00")])
    assert cut is not None and cut.after == "09:30" and not cut.mostly
    line = StorySentence("Ferry crews at Orlby went back to work on Monday evening.", 4, "Orlby Gazette", "2026-12-07", 2)
    story = StorySummary(1, "", [], [], [], [line], [], "2026-12-07", "2026-12-07", [1, 2, 3, 4], True, latest=cut)
    assert story.new_key() == '"new": what its reports of 2026-12-07 after 09:30 add, read or not'
    day = latest([_article(1, "2026-12-06"), _article(2, "2026-12-07")])
    story = StorySummary(1, "", [], [], [], [line], [], "2026-12-06", "2026-12-07", [1, 2, 4], True, latest=day)
    assert story.new_key() == '"new": what its 2026-12-07 reports add, read or not'
