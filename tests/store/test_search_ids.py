"""`Library.ids(search=...)`, the call the library list makes on every keystroke: ranked when the match set is
small, title matches first and then newest-added first when it is too large to score per keystroke."""

from __future__ import annotations

import pytest

from tui.models import Article
from tui.store import library as store


def _add(lib, title: str, body: str) -> int:
    return lib.add(Article(title=title, body=body, published="2026-02-01"))[1]


def _harbour_library(lib) -> dict[str, int]:
    return {
        "old_body": _add(lib, "Council meeting", "The harbour dues were discussed at length by the council."),
        "title_short": _add(lib, "Harbour reopens", "Boats returned on Monday."),
        "other": _add(lib, "Rail timetable", "Trains will run every ten minutes from March."),
        "title_long": _add(lib, "Harbour dredging plan approved after long harbour debate",
                           "The harbour authority said the dredging of the harbour channel starts in May."),
        "new_body": _add(lib, "Fish prices", "Prices at the harbour market fell for a third week."),
    }


def test_small_match_sets_are_ranked_by_relevance(lib):
    ids = _harbour_library(lib)
    got = lib.ids(search="harbour")
    assert sorted(got) == sorted(i for k, i in ids.items() if k != "other")
    # Title hits weigh eight times body hits, so both headline articles lead.
    assert set(got[:2]) == {ids["title_short"], ids["title_long"]}


def test_large_match_sets_put_title_matches_first_then_newest(lib, monkeypatch):
    ids = _harbour_library(lib)
    monkeypatch.setattr(store, "RANK_LIMIT", 3)  # 4 matches: too many to rank
    got = lib.ids(search="harbour")
    assert set(got[:2]) == {ids["title_short"], ids["title_long"]}
    assert got[2:] == [ids["new_body"], ids["old_body"]]  # the rest: last added first
    assert len(got) == len(set(got)) == 4


def test_large_match_sets_still_respect_prefix_and_entity_filters(lib, monkeypatch):
    ids = _harbour_library(lib)
    lib.put_analysis(ids["old_body"], "k", "{}", [("ORG", "Harbour Council", 1)])
    lib.put_analysis(ids["new_body"], "k", "{}", [("ORG", "Harbour Council", 2)])
    monkeypatch.setattr(store, "RANK_LIMIT", 1)
    assert lib.ids(search="harb", entity="Harbour Council") == [ids["new_body"], ids["old_body"]]
    assert lib.ids(search="harbour tim") == []
    assert len(lib.ids(search="ha")) == 4


def test_common_words_do_not_narrow_a_search_but_are_searchable_alone(lib):
    no_of = _add(lib, "Finance ministry statement", "A short note for reporters.")
    with_of = _add(lib, "Budget talks", "The ministry of finance met unions.")
    _add(lib, "Weather", "Rain is expected.")
    # "of" is not required: both ministry articles match, whatever the wording.
    assert sorted(lib.ids(search="ministry of finance")) == sorted([no_of, with_of])
    assert lib.count(search="ministry of finance ") == 2
    # Alone, or while being typed, a common word is still a search term.
    assert lib.ids(search="of ") == [with_of]
    assert lib.ids(search="fo") == [no_of]  # the word being typed: "fo" finds "for"


def test_search_pages_of_rows_follow_the_id_order(lib, monkeypatch):
    _harbour_library(lib)
    for limit in (4000, 3):
        monkeypatch.setattr(store, "RANK_LIMIT", limit)
        order = lib.ids(search="harbour")
        assert [r.id for r in lib.rows(search="harbour")] == order
        assert [r.id for r in lib.rows(offset=1, limit=2, search="harbour")] == order[1:3]


def test_ids_read_with_numpy_are_the_ids_read_as_json(lib, monkeypatch):
    # (session 25: the ids of a large match set are read by numpy, a third of json.loads' instructions)
    ids = _harbour_library(lib)
    searches = ["harbour", "ha", "harbour d", "rail", "zzz"]
    monkeypatch.setattr(store, "NUMPY_IDS_FROM", 10 ** 9)
    by_json = [lib.ids(search=s) for s in searches]
    monkeypatch.setattr(store, "NUMPY_IDS_FROM", 1)
    assert [lib.ids(search=s) for s in searches] == by_json
    assert by_json[0][-1] == ids["old_body"] and by_json[-1] == []


@pytest.mark.parametrize("numpy_from", [1, 10 ** 9])
def test_id_list_reads_group_concat_largest_first(monkeypatch, numpy_from):
    monkeypatch.setattr(store, "NUMPY_IDS_FROM", numpy_from)
    big = 9_007_199_254_740_993  # past a float's precision
    got = store.id_list(",".join(str(i) for i in [*range(1, 4001), big, -5, 4_001]))
    assert got == [big, *range(4001, 0, -1), -5]
    assert all(type(i) is int for i in got)
    assert store.id_list(None) == store.id_list("") == []
