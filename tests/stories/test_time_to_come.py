"""A time still to come that an earlier day's report led with ("families will return home on Saturday", said on the
second day) stays in a summary of so many sentences when the latest day's reports lead with no news of their own (the
clean-up): it was kept only when the greedy choice took it, and the briefing's three lines were all the first day's
(session 36). Our own invented story (tests/stories/standing_samples.py TIDE), through `newsreader add`, `brief` and
`story`; and on the summary's own functions."""

from __future__ import annotations

import json

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.standing_samples import TIDE, TIDE_AHEAD, TIDE_CAME, TIDE_HOME


def _bullets(text: str) -> list[str]:
    return [x.strip() for x in text.splitlines() if x.lstrip().startswith("- ")]


def test_an_earlier_day_s_time_to_come_stays_in_the_briefing_and_the_story(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", [(f"r{n}", *report) for n, report in enumerate(TIDE)])
    said = next(r for r in TIDE if TIDE_AHEAD in r[3])
    for fmt in ("text", "md"):
        r = run("brief", "--format", fmt)
        told = [x for x in _bullets(r.stdout) if TIDE_AHEAD in x]
        # with its own outlet and day, not marked new: the third day's reports are the latest
        assert len(told) == 1 and told[0].endswith(f"({said[1]}, {said[2]})"), r.stdout
    [row] = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    for args in ([], ["--sentences", "3"]):
        got = json.loads(run("story", str(row["id"]), *args, "--format", "json").stdout)
        told = [s for s in got["sentences"] if TIDE_AHEAD in s["text"]]
        assert len(told) == 1 and not told[0]["new"], (args, got["sentences"])


def test_only_a_time_to_come_not_a_new_figure_of_an_earlier_day():
    from tui.engine.sentences import split_sentences
    from tui.stories import summary
    from tui.stories.articles import StoryArticle

    def art(n, day, body):
        return StoryArticle(n, f"Report {n}", "Orrin Coast News", day, body, False, None, split_sentences(body), None)

    first = ("Forty families were evacuated from Brackwater on Tuesday after the sea wall failed at high tide. "
             "The families were taken to the church hall for the night.")
    later = ("Volunteers cleared sand and seaweed from Quay Row in Brackwater on Thursday. "
             "Skips lined the harbour by midday.")
    for second, kept in (("Families evacuated from Brackwater will return home on Saturday, the council said. "
                          "Engineers patched the sea wall overnight.", True),
                         ("Sixty families were evacuated from Brackwater by Wednesday, the council said. "
                          "Engineers patched the sea wall overnight.", False)):
        arts = [art(1, "2026-12-01", first), art(2, "2026-12-02", second), art(3, "2026-12-03", later)]
        cands = summary.candidates(arts)
        x = summary.matrix(cands)
        dev, _ = summary.development(cands, x, standing=True, days=True)
        assert (dev is not None and cands[dev].art.id == 2) is kept, (second, dev and cands[dev].text)
        # a summary of so many words keeps to the latest day's news
        assert summary.development(cands, x, standing=True, days=False)[0] is None


def test_a_time_to_come_a_later_day_says_came_about_gives_way_to_that_report(tmp_path, lib_path):
    """TIDE with a third day's report that the families went home: the briefing and `story` told the second day's
    "will return home on Saturday" as still ahead. They leave it out now, and the story tells the homecoming as its
    latest development, marked new (session 37)."""
    add_as_markdown(tmp_path / "in", [(f"r{n}", *report) for n, report in enumerate(TIDE_HOME)])
    for fmt in ("text", "md"):
        out = run("brief", "--format", fmt).stdout
        assert _bullets(out) and TIDE_AHEAD not in out, out
    [row] = [json.loads(x) for x in run("stories", "--json").stdout.splitlines()]
    for args in ([], ["--sentences", "3"], ["--words", "60"]):
        got = json.loads(run("story", str(row["id"]), *args, "--format", "json").stdout)
        assert got["sentences"] and not any(TIDE_AHEAD in s["text"] for s in got["sentences"]), (args, got)
    got = json.loads(run("story", str(row["id"]), "--format", "json").stdout)
    came = [s for s in got["sentences"] if TIDE_CAME in s["text"]]
    assert len(came) == 1 and came[0]["new"], got["sentences"]


def test_only_a_later_line_that_says_it_came_about():
    from tui.engine.sentences import split_sentences
    from tui.stories import summary
    from tui.stories.articles import StoryArticle

    def art(n, day, body):
        return StoryArticle(n, f"Report {n}", "Orrin Coast News", day, body, False, None, split_sentences(body), None)

    first = "Forty families were evacuated from Brackwater on Tuesday after the sea wall failed at high tide."
    ahead = "Families evacuated from Brackwater will return home on Saturday, the council said."
    for later, came in (("The families returned home to Brackwater on Thursday.", True),
                        ("Engineers returned to Brackwater on Thursday to check the sea wall.", False),  # not who
                        ("The families hoped to return home to Brackwater by Sunday.", False),
                        ("The families have not returned home to Brackwater yet.", False),
                        ("The families will return home to Brackwater on Sunday instead.", False),
                        ("Skips lined the harbour at Brackwater by midday.", False)):
        arts = [art(1, "2026-12-01", first), art(2, "2026-12-02", ahead), art(3, "2026-12-03", later)]
        cands = summary.candidates(arts)
        stale = summary.happened(cands)
        assert bool(stale) is came, (later, stale)
        if came:
            [(i, [k])] = stale.items()
            assert (cands[i].art.id, cands[k].art.id) == (2, 3)
        # and an earlier day's line is never old news by a line of its own day
        assert not summary.happened(summary.candidates([art(1, "2026-12-01", first), art(2, "2026-12-02", ahead),
                                                        art(3, "2026-12-02", later)]))
