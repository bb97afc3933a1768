"""A quotation split by its attribution (“Shopkeepers,” Brandt said, “are not against ...”) is one quote in the
article's key quotes (tui.engine.quotes.groups); the entity page and the story view listed its two pieces as two
quotes, the first a lone “Shopkeepers”."""

from __future__ import annotations

from tui.engine.analysis import cached_analysis
from tui.models import Article
from tui.stories import group_new, story_of
from tui.stories.people import who
from tui.stories.story import story_summary

# Our own article, told twice by two outlets so that it makes a story.
BODY = ("Market traders in Velsby met the town council on Monday to talk about the new bus lanes on Quay Street.\n\n"
        "“Shopkeepers,” Tomas Brandt, who chairs the traders’ guild, said after the meeting, “are not against the bus "
        "lanes. They are against guessing.”\n\nThe council will publish its plan for the bus lanes in May, Brandt said.")
JOINED = "Shopkeepers … are not against the bus lanes. They are against guessing."


def _library(lib) -> list[int]:
    arts = [Article(title="Velsby traders ask the council for a date", body=BODY + extra, source=src,
                    published="2026-11-02")
            for src, extra in (("Coast Gazette", ""), ("Velsby Evening News", " Tickets stay at two euros."))]
    ids = [lib.add_many([a])[0][1] for a in arts]
    for i, a in zip(ids, arts):
        cached_analysis(lib, i, a.body, title=a.title)
    group_new(lib)
    return ids


def test_the_entity_page_lists_a_split_quotation_once(lib):
    _library(lib)
    person = who(lib, "Tomas Brandt")
    assert person is not None
    assert [q["text"] for q in person.quotes] == [JOINED]
    assert sorted(person.quotes[0]["sources"]) == ["Coast Gazette", "Velsby Evening News"]


def test_the_story_view_lists_a_split_quotation_once(lib):
    ids = _library(lib)
    summary = story_summary(lib, story_of(lib, ids[0]))
    said = [(g.speaker, [q.text for q in g.quotes]) for g in summary.quotes]
    assert said == [("Tomas Brandt", [JOINED])]
