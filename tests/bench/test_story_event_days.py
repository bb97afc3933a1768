"""bench/story_event_days.py: the event days of two stories as a merge veto or boost (a screen; nothing shipped)."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_entities import BOOST_AT  # noqa: E402
from bench.story_event_days import EventDayBoost, EventDayVeto  # noqa: E402

# Invented reports, all dated Thursday 2016-10-27: two of a ferry grounding that name Tuesday, one of a frost that
# names Monday, one that names no day.
FERRY = ("Ferry aground off Port Evander", "The island ferry ran aground off Port Evander on Tuesday in thick fog.")
FERRY_2 = ("Port Evander ferry refloated", "Tugs refloated the island ferry that grounded on Tuesday near the point.")
FROST = ("Frost hits Malvern Hollow", "A hard frost struck the Malvern Hollow orchards on Monday before dawn.")
PLAIN = ("Malvern Hollow growers count losses", "Growers in the valley counted the blackened blossom.")


@pytest.fixture
def grouper(tmp_path):
    """A stand-in for a grouper between merges: a library of the four reports, each its own stored story."""
    from tui.models import Article
    from tui.store import Library
    from tui.store import stories as store
    from tui.store.stories import Member

    lib = Library(tmp_path / "days.db")
    added = lib.add_many([Article(title=t, body=b, source="gazette", published="2016-10-27")
                          for t, b in (FERRY, FERRY_2, FROST, PLAIN)])
    ids = [i for _, i in added]
    members = [Member(aid, sid, "2016-10-27", {"x": 1.0}, []) for sid, aid in zip((1, 1, 2, 2), ids)]
    store.save_groups(lib, members, [(1, "ferry", "2016-10-27", "2016-10-27", 2, {"x": 2.0}),
                                     (2, "frost", "2016-10-27", "2016-10-27", 2, {"x": 2.0})])
    yield SimpleNamespace(lib=lib, pending=[], merged={}, moved={}, _resolve=lambda sid: sid)
    lib.close()


def story(sid: int, size: int):
    return SimpleNamespace(id=sid, size=size)


def test_the_veto_compares_event_days_only_when_both_stories_name_enough(grouper):
    ferry, frost = story(1, 2), story(2, 2)
    # the ferry story's two reports name Tuesday (10-25), the frost story's one report Monday (10-24): a day apart,
    # half in common; the frost story has one article naming a day, so a veto needing two per story stays out
    assert EventDayVeto(1, 1e-9).cosine(grouper, ferry, frost) == pytest.approx(0.5)
    assert EventDayVeto(2, 1e-9).cosine(grouper, ferry, frost) == math.inf
    assert EventDayVeto(3, 1e-9).cosine(grouper, ferry, frost) == math.inf  # fewer articles than asked for
    assert EventDayVeto(1, 1e-9).cosine(grouper, ferry, ferry) == pytest.approx(1.0)


def test_the_boost_raises_a_merge_whose_event_days_meet(grouper):
    ferry, frost = story(1, 2), story(2, 2)
    # the hook multiplies a merge's similarity by cosine / BOOST_AT
    assert EventDayBoost(1, 0.3, 0.25).cosine(grouper, ferry, frost) == pytest.approx(BOOST_AT * 1.25)
    assert EventDayBoost(1, 0.6, 0.25).cosine(grouper, ferry, frost) == BOOST_AT  # half in common: under 0.6
    assert EventDayBoost(2, 0.3, 0.25).cosine(grouper, ferry, frost) == BOOST_AT  # not named enough: as shipped
