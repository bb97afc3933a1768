"""Two events of one town kept apart in a small library (walk31: a town's dam cracks and its library's reopening were one
story, a ferry breakdown and harbour wall repairs another): our own invented articles (one_town_samples.py), through
`newsreader add` and `stories --json`, and fed one at a time."""

from __future__ import annotations

import json

from tests.stories.added_steps import add_articles, run
from tests.stories.one_town_samples import ALL, EVENTS


def _events_by_story(stories: dict[int, int], ids: dict[int, str]) -> list[list[str]]:
    """Each story's events (sorted), the stories sorted: what the grouping made of the samples."""
    by: dict[int, list[str]] = {}
    for aid, sid in stories.items():
        by.setdefault(sid, []).append(ids[aid])
    return sorted(sorted(v) for v in by.values())


EXPECTED = sorted(sorted([name] * len(arts)) for name, arts in EVENTS.items())


def test_added_at_once_each_event_is_a_story_of_its_own(tmp_path, lib_path):
    add_articles(tmp_path / "in", ALL)
    rows = [json.loads(line) for line in run("stories", "--json").stdout.splitlines()]
    from tui.store import Library

    lib = Library(lib_path)
    try:
        titles = dict(lib.db.execute("SELECT id, title FROM articles"))
    finally:
        lib.close()
    event_of = {a.title: name for name, arts in EVENTS.items() for a in arts}
    made = sorted(sorted(event_of[titles[i]] for i in r["articles"]) for r in rows)
    # on main: two stories, the dam, the library and the road (both towns' names) in one, the ferry and the wall in
    # the other: the town's name alone tied them (cosine 0.15-0.20 from it alone, the join level 0.08)
    assert made == EXPECTED, made


def test_fed_one_at_a_time_then_settled(lib):
    """Fed one article at a time (a feed), each grouped as it lands, then the quiet round (`settle`, as `stories` and
    the app's refresh round that brings nothing run it): the first SMALL_FROM - 1 articles were placed by the
    background idf (too few to count) and the town's name joined them; the quiet round regroups the library as one
    batch, weighed by its own idf."""
    from tui.stories import group_new, settle, story_of

    order = sorted(ALL, key=lambda a: (a.published, a.title))
    ids = {}
    for a in order:
        ((_, i),) = lib.add_many([a])
        ids[i] = next(name for name, arts in EVENTS.items() if a in arts)
        group_new(lib)
    settle(lib)
    made = _events_by_story({i: story_of(lib, i) for i in ids}, ids)
    assert made == EXPECTED, made


def test_small_library_counts(lib):
    """`small_library`: the counts of every grouped article while the library holds SMALL_FROM to LIBRARY_FROM
    articles with the batch; None below (too few to count) and from LIBRARY_FROM on (the windows' counts)."""
    from tui.stories import group_new
    from tui.stories.features import version
    from tui.stories.regroup_window import SMALL_FROM, small_library

    ver = version()
    assert small_library(lib, ver, SMALL_FROM - 1) is None  # an empty library and a batch too small
    got = small_library(lib, ver, SMALL_FROM)
    assert got is not None and got[0] == 0 and not got[1]  # the batch alone is counted by the grouping itself
    lib.add_many(ALL[:4])  # the dam's four reports
    group_new(lib)
    n, df, days = small_library(lib, ver, SMALL_FROM - 4)
    assert n == 4 and df["hallin"] == 4 and df["corrowby"] == 4 and df["divers"] == 3
    assert sorted(days) == ["2026-12-07"] * 3 + ["2026-12-08"]
    assert small_library(lib, ver, SMALL_FROM - 5) is None
    assert small_library(lib, 0, SMALL_FROM) is None  # no stored features: nothing to count


def test_two_towns_harbour_stories_months_apart_stay_apart(lib):
    """A small library's levels have no level for averages: with the LIBRARY one (0.11, the small library's random
    pairs' 99th percentile) a third town's harbour hotel vote (September) merged with Dunmarch's harbour wall repairs
    (December), 84 days apart, in a library of 27 of our own articles."""
    from tests.stories import samples
    from tests.stories.one_town_samples import VOTE
    from tui.models import Article
    from tui.stories import group_new, settle, story_of

    votes = [Article(title=t, source=s, published=d, body=b) for _, t, s, d, b in VOTE]
    ids = [i for _, i in lib.add_many(list(ALL) + votes + list(samples.ALL))]
    group_new(lib)
    settle(lib)
    stories = [story_of(lib, i) for i in ids]
    vote = stories[len(ALL):len(ALL) + len(votes)]
    assert len(set(vote)) == 1, stories
    assert stories.count(vote[0]) == len(votes), stories  # the vote alone in its story
