"""bench/build_lower_share.py: the lower-case share of each word, counted on lines of our own."""

from __future__ import annotations

import gzip

from bench.build_lower_share import build, count, table

LINES = [
    "The timber came by ferry. Prices of timber rose, and timber merchants in Varno sold more timber.",
    "Ostler Timber said its timber was dry. The yard of Ostler Timber stood near the timber mill.",
    "She met Quellan at the port. Quellan said Quellan would stay; people asked Quellan twice more.",
    "Quellan left for the coast on the night train.",
    "THE WHOLE LINE IN CAPITALS SAYS NOTHING ABOUT QUELLAN OR TIMBER",
]


def test_lower_and_capitalised_mentions_are_counted_apart_from_sentence_starts_and_capital_lines():
    low, cap = count(LINES)
    assert low["timber"] == 6
    assert cap["timber"] == 2  # "Ostler Timber" twice; the line in capitals counts nothing
    assert low["quellan"] == 0
    assert cap["quellan"] == 3  # after "met", "said", "asked"; the two that start a sentence are not counted


def test_each_word_gets_the_bucket_of_its_lower_case_share():
    low, cap = count(LINES)
    rows = dict(ln.rstrip("\n").split("\t") for ln in table(low, cap))
    assert rows["quellan"] == "lr0"  # never in lower case: a name word
    assert rows["timber"] == "lr2"  # 6 of 8
    assert rows["the"] == "lr3"
    assert "varno" not in rows  # once only: under the minimum


def test_the_same_texts_give_the_same_file_byte_for_byte(tmp_path):
    corpus = tmp_path / "news.txt.gz"
    with gzip.open(corpus, "wt", encoding="utf-8") as f:
        f.write("\n".join(LINES) + "\n")
    first = build(str(corpus), tmp_path)
    assert first == build(str(corpus), tmp_path)
    assert gzip.decompress(first).decode("utf-8") == "quellan\tlr0\nthe\tlr3\ntimber\tlr2\n"
