"""A briefing tells a story's latest development: a strike called off, a vote postponed, a rescue ended.

A reader's briefing opened a strike story with the walkout and left out its newest report, that the strike was
called off: the short summary kept the older lead that most outlets agreed on. These stories (our own, invented:
tests/stories/development_samples.py) go through `newsreader add` (import and grouping) and `newsreader brief`."""

from __future__ import annotations

import re

import pytest

from tests.stories.added_steps import add_as_markdown, run
from tests.stories.development_samples import RESCUE, STORIES, STRIKE, VOTE

# what each newest report leads with, and what its story's first report led with
NEWS = {"strike": "called off their strike", "vote": "postponed its vote", "rescue": "The rescue at Carrow Fell ended"}
OLD = {"strike": "walked out on Monday", "vote": "will vote on Thursday", "rescue": "Four cavers were trapped"}


@pytest.fixture
def added(tmp_path, lib_path):
    """The three stories written as Markdown files and imported with `newsreader add` (which groups them)."""
    add_as_markdown(tmp_path / "in", [(f"{name}{n}", *report) for name, reports in STORIES.items()
                                      for n, report in enumerate(reports)])
    return lib_path


@pytest.mark.parametrize("args", [[], ["--format", "md"], ["--sentences", "2"]])
def test_the_briefing_tells_each_story_s_latest_development(added, args):
    r = run("brief", *args)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    # each story's lines: from its heading (its latest report's title: a story's title follows it) to the next story's
    # heading
    starts = [m.start() for m in re.finditer(r"^(?:## )?\d+\. ", text, re.MULTILINE)]
    blocks = {}
    for name, reports in STORIES.items():
        at = text.index(reports[-1][0])
        blocks[name] = text[at:min([s for s in starts if s > at] + [len(text)])]
    for name, block in blocks.items():
        assert f"{len(STORIES[name])} articles" in block  # grouped as one story
        assert NEWS[name] in block, (name, block)  # the latest development
        newest = STORIES[name][-1][1]
        assert newest in block  # marked with the outlet that reported it
    # what the story was about is still told first where the outlets led with it: the older lead opens
    assert OLD["rescue"] in blocks["rescue"]


def test_story_sentences_three_tells_it_too_and_in_story_order(added):
    """`story ID --sentences 3` is the briefing's summary: the development comes after what it follows."""
    import json

    r = run("stories", "--json")
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    ids = {row["title"]: row["id"] for row in rows}
    for name, reports in (("rescue", RESCUE), ("vote", VOTE)):
        out = run("story", str(ids[reports[-1][0]]), "--sentences", "3", "--format", "json")
        assert out.returncode == 0, out.stderr
        sentences = [s["text"] for s in json.loads(out.stdout)["sentences"]]
        assert len(sentences) == 3
        assert NEWS[name] in sentences[-1], sentences
        assert not any(NEWS[name] in s for s in sentences[:-1])


def test_a_latest_report_that_says_again_what_was_said_is_no_development():
    """The newest report leading with the old news in the same words adds nothing: no sentence is put in for it."""
    from tui.engine.sentences import split_sentences
    from tui.stories.articles import StoryArticle
    from tui.stories.summary import candidates, development, matrix

    def article(ident, day, body):
        return StoryArticle(ident, f"Report {ident}", f"Outlet {ident}", day, body, False, None,
                            split_sentences(body), None)

    first = STRIKE[0][3]
    again = ("Tram drivers in Velmora walked out on Monday, leaving the city without trams after talks on weekend "
             "pay broke down.\n\nThe union said about 600 drivers had joined the strike.")
    arts = [article(1, "2026-05-04", first), article(2, "2026-05-05", again)]
    cands = candidates(arts)
    assert development(cands, matrix(cands)) == (None, set())
    # the called-off report is one
    arts.append(article(3, "2026-05-06", STRIKE[-1][3]))
    cands = candidates(arts)
    found, novel = development(cands, matrix(cands))
    assert found is not None and NEWS["strike"] in cands[found].text and novel
    # a later day's report that tells the strike again in words of its own, with no turn and no new figure, is none
    retold = ("Velmora went without its trams again on Tuesday while the walkout over weekend pay held firm, "
              "commuters squeezing onto crowded buses.\n\nShops near the depot reported fewer customers.")
    arts = [article(1, "2026-05-04", first), article(2, "2026-05-05", retold)]
    cands = candidates(arts)
    assert development(cands, matrix(cands)) == (None, set())
    # a count of its own for something told before is news: the drivers out rose from 600 to 750
    more = ("About 750 drivers were on strike in Velmora on Tuesday as depot staff joined the walkout over weekend "
            "pay.\n\nBuses ran every ten minutes on the river routes.")
    arts = [article(1, "2026-05-04", first), article(2, "2026-05-05", more)]
    cands = candidates(arts)
    found, _ = development(cands, matrix(cands))
    assert found is not None and "750" in cands[found].text
    # a story told on one day has no development
    same_day = [article(1, "2026-05-04", first), article(2, "2026-05-04", STRIKE[-1][3])]
    cands = candidates(same_day)
    assert development(cands, matrix(cands)) == (None, set())
