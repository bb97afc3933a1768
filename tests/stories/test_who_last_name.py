"""keys36 (micro35's "noticed"): `who Tefft` where two people of the library are "… Tefft" in full showed the page of
the one with more mentions, as if the other did not exist. Both are listed now, as `who Anselm` lists the people who
share a given name, with how to name one; one person with that last name is still their page, and a full name is
its own page. The app's entity page opened on the last name lists them too (it reads the same who())."""

from __future__ import annotations

import json

import pytest

from tests.stories.added_steps import run
from tests.stories.people_samples import add_report
from tui.stories import Several, who
from tui.store import Library


def report(lib, title: str, body: str, names: list[str]) -> None:
    add_report(lib, title, body, names, source="Wexmoor Courier", published="2026-06-02")


def two_teffts(path) -> None:
    with Library(path) as lib:
        report(lib, "Mill reopens at Corravale", "Miller Brannoch Tefft said the mill would reopen. Tefft smiled.",
               ["Brannoch Tefft", "Tefft"])
        report(lib, "Corravale mill hires six", "Brannoch Tefft hired six people for the mill.", ["Brannoch Tefft"])
        report(lib, "Weir repairs at Corravale", "Engineer Ilsa Tefft said the weir needs new gates.",
               ["Ilsa Tefft"])
        report(lib, "Ferry fares rise", "Skipper Odo Harrable said fares would rise.", ["Odo Harrable"])


@pytest.fixture
def teffts(lib_path):
    two_teffts(lib_path)
    return lib_path


def test_a_last_name_of_two_people_lists_both(teffts):
    with Library(teffts) as lib:
        found = who(lib, "Tefft")
        assert isinstance(found, Several), found
        assert (found.query, found.people, found.total) == ("Tefft", [("Brannoch Tefft", 2), ("Ilsa Tefft", 1)], 2)
        # each by their full name (and a title before the last name) is their own page, as before
        assert who(lib, "Ilsa Tefft").name == "Ilsa Tefft"
        assert who(lib, "Brannoch Tefft").name == "Brannoch Tefft"
        assert isinstance(who(lib, "Mr Tefft"), Several)
        # one person with the last name: their page, as before
        assert who(lib, "Harrable").name == "Odo Harrable"


def test_who_prints_both_and_how_to_name_one(teffts):
    r = run("who", "Tefft")
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert r.stdout.splitlines() == ["'Tefft' is part of 2 people's names in the library:",
                                     "  Brannoch Tefft  (2 articles)", "  Ilsa Tefft  (1 article)",
                                     "Name one in full, e.g. newsreader who 'Brannoch Tefft'"], r.stdout
    as_json = run("who", "Tefft", "--json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout) == {"query": "Tefft", "total": 2, "people": [
        {"name": "Brannoch Tefft", "articles": 2}, {"name": "Ilsa Tefft", "articles": 1}]}
    one = run("who", "Ilsa Tefft", "--json")
    assert one.returncode == 0 and json.loads(one.stdout)["name"] == "Ilsa Tefft"
