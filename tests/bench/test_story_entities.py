"""bench/story_entities.py: the tagger's names as grouping evidence (a screen; nothing shipped changes)."""

from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_entities import (Screen, Tagged, merge_touched, names, profile_cosine, top_names,  # noqa: E402
                                  with_names)

STRIKE = ("Lighthouse keepers strike at Port Evander", "Lighthouse keepers at Port Evander walked out on Monday over "
          "night shifts. Harbour master Edith Calloway said the lamps would stay dark. Calloway met the town council "
          "on Tuesday, and the keepers asked Governor Amos Brandt to step in.")
# the other three invented tellings are the merge screen's own (only STRIKE differs: it names people here)
from tests.bench.test_story_merges import ORCHARD, ORCHARD_AID, STRIKE_END  # noqa: E402

NO_BACKGROUND = (10, Counter())  # no background articles read (tests never read the shared data)


def test_names_count_mentions_of_one_person_under_the_fullest_name():
    found = names(Tagged(), *STRIKE)
    # "Calloway" is Edith Calloway, as the article named her first: two mentions of one person
    assert found[("PERSON", "edith calloway")] == 2
    assert ("PERSON", "calloway") not in found
    assert found[("PERSON", "amos brandt")] == 1  # the title "Governor" is not part of the name
    assert all(label in {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"} for label, _ in found)
    assert not any(label in {"DATE", "CARDINAL"} for label, _ in found)  # "Monday" is no name


def test_top_names_are_the_most_mentioned_ties_by_name():
    counts = Counter({("PERSON", "edith calloway"): 2, ("LOC", "port evander"): 2, ("PERSON", "amos brandt"): 1})
    assert top_names(counts, 2) == {("PERSON", "edith calloway"), ("LOC", "port evander")}
    assert top_names(counts, 1) == {("LOC", "port evander")}  # ("LOC", ...) sorts before ("PERSON", ...)
    assert top_names(Counter(), 3) == set()


def test_the_tagger_runs_once_per_text_and_its_findings_are_kept_in_the_cache_file(tmp_path):
    path = tmp_path / "names.pkl"
    first = Tagged(path)
    found = names(first, *STRIKE)
    assert first.new == 2  # the title and the body
    first.save()
    again = Tagged(path)
    with mock.patch("tui.engine.entities.extract_entities", side_effect=AssertionError("tagged again")):
        assert names(again, *STRIKE) == found
    assert again.new == 0


def test_names_join_the_term_vector_scaled_to_their_weight():
    vec = {"keepers": 0.8, "strike": 0.6}
    both = with_names(vec, {"~loc:port_evander": 3.0, "~person:edith_calloway": 4.0}, 1.0, 3)
    # the names scaled to norm 1 (0.6, 0.8), all four sorted by weight (ties in order: the terms first), the
    # weakest cut by `top`, the rest normalised again
    assert list(both) == ["keepers", "~person:edith_calloway", "strike"]
    assert both["keepers"] == pytest.approx(0.8 / math.sqrt(1.64))
    assert math.fsum(v * v for v in both.values()) == pytest.approx(1.0)
    assert with_names(vec, {"~x": 1.0}, 0.0, 3) is vec and with_names(vec, {}, 1.0, 3) is vec


def test_the_terms_variant_adds_the_article_names_to_its_terms():
    screen = Screen("terms", 0.5, Tagged(), bg=NO_BACKGROUND)
    vec = screen.terms(*STRIKE)
    assert "~person:edith_calloway" in vec and "keepers" in vec
    assert math.fsum(v * v for v in vec.values()) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        Screen("louder", 1.0, Tagged(), bg=NO_BACKGROUND)


def test_profile_cosine_weighs_a_name_by_how_rare_it_is_in_the_background():
    df = Counter({"council": 9, "evander": 0})
    assert profile_cosine([{"evander"}], [{"evander"}], 10, df) == pytest.approx(1.0)
    assert profile_cosine([{"evander"}], [{"council"}], 10, df) == 0.0
    # a story naming both against one naming the common name only: log(11/10) against log(11/1)
    common, rare = math.log(11 / 10), math.log(11 / 1)
    assert profile_cosine([{"evander", "council"}], [{"council"}], 10, df) == \
        pytest.approx(common / math.sqrt(common ** 2 + rare ** 2))
    assert profile_cosine([], [{"council"}], 10, df) == 0.0


def _grouped(patch=None) -> dict[int, int]:
    """The four invented articles (two events told twice, 50 days apart: each pair is joined by a bridge merge) stored
    and grouped at once, with the merge test replaced by `patch` when given: article id -> story id."""
    import tempfile

    from tui.models import Article
    from tui.store import Library
    from tui.store import stories as store
    from tui.stories import grouping

    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "lib.db")
        try:
            lib.add_many([Article(title=t, body=b, source="gazette", published=d)
                          for (t, b), d in ((STRIKE, "2016-01-01"), (ORCHARD, "2016-01-02"),
                                            (STRIKE_END, "2016-02-20"), (ORCHARD_AID, "2016-02-21"))])
            if patch is None:
                grouping.group_new(lib)
            else:
                with mock.patch.object(grouping.Grouper, "merge_touched", patch):
                    grouping.group_new(lib)
            return store.assignments(lib)
        finally:
            lib.close()


def test_the_screen_merge_test_without_a_variant_groups_as_shipped_and_a_veto_turns_merges_down():
    shipped = _grouped()
    assert len(set(shipped.values())) == 2  # each event's two tellings merged across 50 days
    assert _grouped(lambda g: merge_touched(g, None)) == shipped
    # a veto no pair of stories can pass (cosine 1.01): both bridge merges turned down, four stories left
    screen = Screen("veto", 1.01, Tagged(), bg=NO_BACKGROUND)
    assert len(set(_grouped(lambda g: merge_touched(g, screen)).values())) == 4
    assert screen.turned_down >= 2
    # a veto every pair passes (cosine 0) changes nothing
    assert _grouped(lambda g: merge_touched(g, Screen("veto", 0.0, Tagged(), bg=NO_BACKGROUND))) == shipped
