"""What readers saw in the briefing and the story view (session 35; our own invented stories):

- a summary of so many sentences opened with "Ysolde Marr said the teams were checking the gullies" (a line that
  reports what someone said) where the first report's "Two walkers were reported missing" tells what happened;
- a ferry strike suspended on the second day dropped out of the briefing when the third day's reports led with the
  island's shops restocking (an earlier day's turn was kept only within one day);
- `brief` and its Markdown said what "new" means under each story, the briefing screen once in its head: now all three
  say it once, in the same words, under the count line;
- an article with no outlet ended its briefing bullets in a bare date, "(2026-12-05)": now "(no outlet, 2026-12-05)";
- `--since today` was the UTC day, where the library list and the briefing screen say days on the reader's clock."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, timezone

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.day_turn_samples import SEARCH
from tests.stories.standing_samples import FERRY, FERRY_TURN
from tui.cells import NEW_KEY


def _brief(fmt: str = "text") -> str:
    r = run("brief", "--format", fmt)
    assert r.returncode == 0, r.stderr
    return r.stdout


def _bullets(text: str) -> list[str]:
    return [x.strip() for x in text.splitlines() if x.lstrip().startswith("- ")]


def _story_id() -> int:
    [row] = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    return row["id"]


def test_a_summary_opens_with_what_happened_not_with_who_said_something(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"r{n}", *report) for n, report in enumerate(SEARCH)])
    event = "Two walkers were reported missing on Carrow Pike"
    for fmt in ("text", "md"):
        assert _bullets(_brief(fmt))[0].startswith(f"- {event}"), _brief(fmt)
    story = _story_id()
    for args in ([], ["--sentences", "3"]):
        got = json.loads(run("story", str(story), *args, "--format", "json").stdout)
        assert got["sentences"][0]["text"].startswith(event), got["sentences"]


def test_what_a_speaker_said_is_the_quotes_place_not_the_event_sentence():
    from tui.engine.rules import disabled
    from tui.stories.facts import reported

    said = "Ysolde Marr said the teams were checking the gullies on the north face."
    assert reported(said) == 10 / 13
    assert reported("The teams were checking the gullies on the north face, Ysolde Marr said.") == 0.0
    assert reported("Two walkers were missing on Carrow Pike, police said.") == 0.0  # a verb of its own first
    with disabled("reported-speech-lead"):
        assert reported(said) == 0.0


def test_an_earlier_day_s_turn_stays_in_the_briefing_when_the_latest_day_tells_none(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"r{n}", *report) for n, report in enumerate(FERRY)])
    turn = next(r for r in FERRY if FERRY_TURN in r[3])
    for fmt in ("text", "md"):
        told = [x for x in _bullets(_brief(fmt)) if FERRY_TURN in x]
        # told, with its own day, and not marked new: the third day's reports are the latest
        assert len(told) == 1 and told[0].endswith(f"({turn[1]}, {turn[2]})"), _brief(fmt)
    got = json.loads(run("story", str(_story_id()), "--format", "json").stdout)
    told = [s for s in got["sentences"] if FERRY_TURN in s["text"]]
    assert len(told) == 1 and not told[0]["new"], got["sentences"]
    # a summary of so many words is left to its budget (dev measures it: tui.stories.summary.development)
    assert run("story", str(_story_id()), "--words", "60").returncode == 0


def test_brief_says_what_new_means_once_under_the_first_story_that_marks_a_line(tmp_path, lib_path):
    """What "new" means is said once, as the briefing screen says it: under the figures of the first story that marks
    a line "new" (walk36: it was said under the count line, before any story was read, whether or not one was)."""
    from tests.stories.day_turn_samples import DAM

    add_as_markdown(tmp_path / "in", [(f"r{n}", *report) for n, report in enumerate(DAM)])
    text = _brief("text")
    assert text.startswith("Briefing\n1 unread story · ranked by size and recency\n\n1. "), text
    assert text.split("\n")[5] == f"   {NEW_KEY}" and text.split("\n")[4].startswith("   4 articles · "), text
    assert text.count('"new"') == 1 and ", new)" in text, text
    md = _brief("md")
    assert md.startswith("# Briefing\n\n*1 unread story · ranked by size and recency*\n\n## 1. "), md
    assert md.split("\n")[6] == f"*{NEW_KEY}*" and md.split("\n")[5].startswith("*4 articles · "), md
    assert md.count('"new"') == 1 and ", new)" in md, md
    # the story itself still says which day's reports its marks are against
    assert '"new": what its 2026-12-07 reports add, read or not' in run("story", str(_story_id())).stdout


def test_a_line_of_an_article_with_no_outlet_says_so_before_its_day(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"r{n}", title, "", day, body) for n, (title, _source, day, body)
                                      in enumerate(FERRY)])
    for fmt in ("text", "md"):
        bullets = _bullets(_brief(fmt))
        assert bullets and all(re.search(r" \(no outlet, 2026-12-0\d(, new)?\)$", x) for x in bullets), bullets


def test_since_today_is_the_reader_s_day(far_east):
    from tui.stories.when import parse_since

    evening = datetime(2026, 3, 5, 20, 30, tzinfo=timezone.utc)  # 09:30 on the 6th at UTC+13
    assert parse_since("today", now=evening) == "2026-03-06"
    assert parse_since("yesterday", now=evening) == "2026-03-05"
    assert parse_since("3d", now=evening) == "2026-03-03"
    assert parse_since("2026-03-06", now=evening) == "2026-03-06"  # not "after today"
    assert parse_since("today", date(2026, 3, 5), evening) == "2026-03-05"  # a day given is that day
    assert parse_since("1h", now=evening) == "2026-03-05T19:30:00Z"  # an age counts back from now, whatever the day


def test_brief_says_nothing_of_new_when_no_line_is_marked(tmp_path, lib_path):
    """A briefing whose stories mark no line "new" (one report each: nothing earlier to be new against) does not say
    what "new" means (walk36)."""
    from tests.stories.day_turn_samples import DAM

    add_as_markdown(tmp_path / "in", [("r0", *DAM[0])])
    for fmt in ("text", "md"):
        out = _brief(fmt)
        assert "1 unread story" in out and DAM[0][0] in out, out
        assert '"new"' not in out and ", new)" not in out, out
