"""Session 33's own texts outside news (issue 12): a canal boating diary, a local history society's notes and a report
of a harbour town's vote on its ferry (bench/outside_news/77-79, invented people, towns, waterways and firms, tagged by
hand before the engine read them, after the session's first rules: its honest check). Every name a reader would
expect is asserted with its kind and its exact span; the names the engine still gets wrong are strict xfails with what
a reader sees instead."""

from __future__ import annotations

import pytest

from outside_cases import assert_found, name_cases, names_in
from bench.quality_outside import S33_AFTER

# (file, name, kind) -> what a reader sees instead, in every mention of that name in that text
WRONG = {
    ("78_history.txt", "Aldwick Milling", "ORG"): "a person",
}


@pytest.mark.parametrize(("name", "start", "end", "label"), name_cases(S33_AFTER, WRONG))
def test_a_reader_sees_each_name_with_its_kind_and_its_whole_span(name, start, end, label):
    assert_found(name, start, end, label)


@pytest.mark.parametrize(("file", "office"), [("77_boating.txt", "Rector of "), ("78_history.txt", "Vicar of "),
                                              ("78_history.txt", "Rector of ")])
def test_an_office_is_no_part_of_the_place_it_serves(file, office):
    """'The Rector of Wenham Parva', 'the Vicar of Stanbridge': the place alone, in every mention (office-of-place)."""
    text, found = names_in(file)
    at = text.find(office)
    assert at >= 0
    while at >= 0:
        assert not any(s <= at < e for s, e, _ in found), (file, text[at:at + 40])
        assert any(s == at + len(office) and lab == "LOC" for s, _, lab in found), (file, text[at:at + 40])
        at = text.find(office, at + 1)


def test_a_title_only_a_person_is_given_opens_a_person():
    """'Councillor Jocasta Reyes' (a given name no list knows): the person without the title (honorific-opens-person)."""
    text, found = names_in("79_harbour.txt")
    for name in ("Jocasta Reyes", "Lennart Abara"):
        at = text.find("Councillor " + name)
        assert at >= 0
        assert (at + len("Councillor "), at + len("Councillor " + name), "PERSON") in found
