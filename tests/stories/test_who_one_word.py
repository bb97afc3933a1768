"""`newsreader who WORD` where the word is a given name (or any word but the last) of a person's name: walk35 typed
`who Anselm` and was told "no entity named 'Anselm'" while `who Draycott` found Hesper Draycott. One person with the
word: their page. Several: each on a line with their articles, and how to name one (exit 1, no page)."""

from __future__ import annotations

import json

import pytest

from tests.stories.added_steps import add_as_markdown, run

ARTICLES = [
    ("01", "Quillfold harbour dredging to start in spring", "Quillfold Gazette", "2026-04-02",
     "Dredging of Quillfold harbour will start in April, the harbour board said on Tuesday. "
     "\"The channel has silted badly over two winters,\" said harbourmaster Anselm Kirby. "
     "Kirby said fishing boats had been stranded at low tide twice this month. "
     "Councillor Hesper Tallow welcomed the plan. \"The boats need the tide back,\" Tallow said."),
    ("02", "Quillfold dredger arrives from the north", "Marsh Evening Star", "2026-04-09",
     "A dredger arrived in Quillfold on Thursday to begin clearing the harbour channel. "
     "\"We expect the work to take six weeks,\" harbourmaster Anselm Kirby told reporters. "
     "Kirby said the spoil would be taken to the old gravel pits outside the town."),
    ("03", "Orchard growers in Lindmere fear late frost", "Marsh Evening Star", "2026-04-10",
     "Apple growers around Lindmere fear a late frost after a warm March brought early blossom. "
     "\"One cold night could take half the crop,\" said grower Anselm Rowe, whose family has farmed near "
     "Lindmere for sixty years. Rowe said he would light smudge pots if the forecast turned."),
]


@pytest.fixture
def added(tmp_path, lib_path):
    add_as_markdown(tmp_path / "in", ARTICLES)
    return lib_path


def test_a_given_name_finds_the_one_person_who_has_it(added):
    r = run("who", "Hesper")
    assert r.returncode == 0, r.stderr
    assert r.stdout.splitlines()[0].startswith("Hesper Tallow (person) — 1 article"), r.stdout
    page = json.loads(run("who", "hesper", "--json").stdout)  # typed in lower case
    assert page["name"] == "Hesper Tallow" and [a["title"] for a in page["articles"]] == [
        "Quillfold harbour dredging to start in spring"]


def test_a_given_name_of_several_people_lists_them(added):
    r = run("who", "Anselm")
    assert r.returncode == 1, (r.stdout, r.stderr)
    lines = r.stdout.splitlines()
    assert lines[0] == "'Anselm' is part of 2 people's names in the library:", r.stdout
    assert lines[1:3] == ["  Anselm Kirby  (2 articles)", "  Anselm Rowe  (1 article)"], r.stdout
    assert lines[3] == "Name one in full, e.g. newsreader who 'Anselm Kirby'", r.stdout
    as_json = run("who", "Anselm", "--json")
    assert as_json.returncode == 1
    assert json.loads(as_json.stdout) == {"query": "Anselm", "total": 2, "people": [
        {"name": "Anselm Kirby", "articles": 2}, {"name": "Anselm Rowe", "articles": 1}]}
    # named in full (or by the last name), each is their own page, as before
    assert json.loads(run("who", "Anselm Rowe", "--json").stdout)["name"] == "Anselm Rowe"
    assert json.loads(run("who", "Kirby", "--json").stdout)["name"] == "Anselm Kirby"
    # a place found by its one word stays the place; a word no name has is still no one
    assert run("who", "Lindmere", "--json").returncode == 0
    nobody = run("who", "Ansel")
    assert nobody.returncode == 1 and "no entity named 'Ansel'" in nobody.stderr, nobody.stderr


def test_list_entity_says_who_the_word_could_be(added):
    assert run("analyze").returncode == 0
    r = run("list", "--entity", "Anselm")
    assert "part of 2 people's names (Anselm Kirby, Anselm Rowe): name one in full" in r.stderr, r.stderr
    one = run("list", "--entity", "Hesper")
    assert "the articles that mention Hesper Tallow" in one.stderr, one.stderr
    assert "Quillfold harbour dredging" in one.stdout, one.stdout
