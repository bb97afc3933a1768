"""A search that begins with "-" is a search (session 24): `newsreader list --search -ferry` was a usage error,
argparse reading "-ferry" as an unknown option. The query language has no operators: "-" is not a word's letter,
so `-ferry` searches "ferry", as the app's search box does (tui/store/query.py reads the same words from both)."""

from __future__ import annotations

import json

import pytest

from tui.cli import main
from tui.models import Article
from tui.store import Library
from tui.store.query import fts_query


@pytest.fixture
def harbour(lib_path):
    with Library(lib_path) as lib:
        ferry = lib.add(Article(title="Night crossing", body="The last ferry left the quay at ten.",
                                published="2026-02-01"))[1]
        lib.add(Article(title="Bakery wins prize", body="The bread of a small village bakery was judged the best.",
                        published="2026-02-02"))
    return ferry


@pytest.mark.parametrize("args", [
    ["list", "--search", "-ferry"],
    ["list", "--search=-ferry"],
    ["list", "-s", "-ferry"],
    ["list", "--json", "--search", "-ferry"],
    ["--db", "LIB", "list", "--search", "-ferry", "--json"],
    ["list", "--search", "--ferry"],
])
def test_a_search_beginning_with_a_dash_finds_what_the_search_box_finds(lib_path, harbour, capsys, args):
    args = [str(lib_path) if a == "LIB" else a for a in args]
    assert main(args + ([] if "--json" in args else ["--json"])) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in rows] == [harbour]
    # the same words as the app's search box: the dash is not an operator
    assert fts_query("-ferry") == fts_query("ferry")


def test_a_missing_search_is_still_a_usage_error(lib_path, harbour, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["list", "--search", "--json"])
    assert exit_.value.code == 2
    assert "argument --search/-s: expected one argument" in capsys.readouterr().err


def test_an_entity_beginning_with_a_dash_is_a_name(lib_path, harbour, capsys):
    assert main(["list", "--entity", "-Wexmoor"]) == 0
    assert "no articles" in capsys.readouterr().err


@pytest.mark.parametrize("search", [["--search", "("], ["--search=--"], ["-s", "\U0001F30A"], ["--search", "—"],
                                    # `--search --` was a usage error (argparse: the end of the options); a keycap
                                    # ("1⃣", with or without VS16) searched for its digit: symbols, as an emoji is
                                    ["--search", "--"], ["-s", "--"], ["--search", "1\u20e3"],
                                    ["--search", "1\ufe0f\u20e3"]])
def test_a_search_without_a_word_says_so_and_lists_nothing(lib_path, harbour, capsys, search):
    # (session 25: every article was listed, as if each matched)
    for json_flag in ([], ["--json"]):
        assert main(["list", *search, *json_flag]) == 0
        out, err = capsys.readouterr()
        assert out == ""
        assert err.startswith("no searchable word in ") and "no articles match" not in err, err


def test_a_value_of_two_dashes_is_that_text(lib_path, harbour, capsys):
    # argparse dropped the "--" of `--entity=--` and gave an empty list: "AttributeError: 'list' object has no
    # attribute 'strip'" (session 25)
    assert main(["list", "--entity=--"]) == 0
    assert "no articles" in capsys.readouterr().err


def test_a_keycap_beside_a_word_is_left_out_of_the_search(lib_path, harbour, capsys):
    with Library(lib_path) as lib:
        lib.add(Article(title="Ten boats", body="Boat 1 of the ferry fleet sailed at ten.", published="2026-02-03"))
    assert fts_query("1\u20e3 ferry") == fts_query("ferry") and fts_query("1 ferry") != fts_query("ferry")
    assert main(["list", "--search", "1\u20e3", "--json"]) == 0
    assert capsys.readouterr().out == ""  # the digit's article is not found by the keycap
