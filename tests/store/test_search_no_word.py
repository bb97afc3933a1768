"""A search with no word to search for ("(", "--", an emoji alone) finds nothing (session 25): it listed the whole
library as its "results". A blank search is no search at all (the whole list); a word beside the symbols is searched."""

from __future__ import annotations

import pytest

from tui.models import Article
from tui.store.query import fts_query, wordless
from tui.store.reader import view_ids

WORDLESS = ["(", "--", "\U0001F30A", "_", "“”", "\u200b", "*", "\"\" ()"]


@pytest.fixture
def two(lib):
    ferry = lib.add(Article(title="Night crossing", body="The last ferry left the quay at ten.", published="2026-02-01"))
    lib.add(Article(title="Bakery wins prize", body="The bread of a village bakery was judged the best.",
                    published="2026-02-02"))
    return lib, ferry[1]


@pytest.mark.parametrize("text", WORDLESS)
def test_a_search_without_a_word_finds_no_article(two, text):
    lib, _ = two
    assert wordless(text) and fts_query(text) == ""
    assert lib.ids(search=text) == [] and lib.count(search=text) == 0
    assert lib.rows(search=text) == [] and lib.readable_rows(0, 10, search=text) == []
    assert view_ids(lib, "unread", "title", search=text) == []


@pytest.mark.parametrize("text", ["", "   ", "\u00a0"])
def test_a_blank_search_is_the_whole_list(two, text):
    lib, _ = two
    assert not wordless(text)
    assert lib.count(search=text) == 2 and len(lib.ids(search=text)) == 2


@pytest.mark.parametrize("text", ["ferry (", "\U0001F30A ferry", "(ferry)", "ferr", "port_x ferry _"])
def test_a_word_beside_symbols_is_searched(two, text):
    lib, ferry = two
    assert not wordless(text)
    if "port_x" in text:  # "port_x" is one word (as the index reads it, two: "port" "x"), found in no article
        assert lib.ids(search=text) == []
        assert fts_query(text) == '"port_x" AND "ferry"*'  # the lone "_" is no word: the word before it is typed
    else:
        assert lib.ids(search=text) == [ferry]
