"""Salient terms and shingle sketches (what grouping and near-duplicate detection compare)."""

from __future__ import annotations

from tests.stories.samples import RECALL, STRIKE
from tui.stories.terms import resemblance, sketch, terms


def test_terms_are_the_event_words_not_the_reporting_words():
    t = terms(STRIKE[0].title, STRIKE[0].body)
    assert {"calderon", "dock"} <= set(t) and not {"said", "monday", "the"} & set(t)
    assert abs(sum(v * v for v in t.values()) - 1) < 0.01  # unit length: a dot product is a cosine


def test_dateline_and_wire_names_are_not_terms():
    t = terms("HARBOUR CITY (AP) — Port Calderon reopens", "HARBOUR CITY (AP) — Port Calderon reopened on Friday.")
    assert "ap" not in t and "calderon" in t


def test_resemblance_of_wire_copies_and_of_other_texts():
    wire, copy = sketch(STRIKE[2].body), sketch(STRIKE[3].body)
    assert resemblance(wire, copy) >= 0.9
    assert resemblance(sketch(STRIKE[0].body), sketch(STRIKE[1].body)) < 0.2
    assert resemblance(sketch(RECALL[0].body), sketch(RECALL[0].body)) == 1.0
    assert resemblance([], wire) == 0.0


def _shingle_hashes(body: str) -> list[int]:
    """The sketch by its definition: CRC32 of each 5-word shingle of the first 200 words, 64 smallest."""
    import zlib

    words = body.lower().split()[:200]
    found = {zlib.crc32(" ".join(words[i:i + 5]).encode("utf-8", "surrogatepass")) for i in range(len(words) - 4)}
    return sorted(found)[:64]


def test_sketch_values_follow_their_definition_so_stored_sketches_stay_comparable():
    texts = [STRIKE[2].body, RECALL[0].body * 3, "Ünïcode  wörds\u00a0and\ttabs, 日本 語 " * 40,
             "x" * 5000 + " tail words after a very long first word " * 30]
    for body in texts:
        assert sketch(body) == _shingle_hashes(body)


def test_words_are_the_matches_of_the_word_pattern():
    """words_of finds its words with string methods; they are exactly the matches of [a-z][a-z-]*[a-z] in the
    lower-cased text (the definition the stored features were made with), hyphens and odd characters included."""
    import re

    from tui.stories.terms import words_of

    pattern = re.compile(r"[a-z][a-z-]*[a-z]")
    texts = [STRIKE[0].body, RECALL[0].title, "Well-known -- dash - separated---words --- end- -start x-ray's A-b",
             "a-- --b a--b ab- -ab- - -- --- ---x--- e-mail, e.g. i.e. U.S.-led 24-hour", "", "-", "a", "ab",
             "KELVIN \u212a, \u0130stanbul, caf\u00e9 na\u00efve, \ud800 lone ab\u00a0cd\u2003ef\t\ngh",
             "x" * 300 + "-" + "y" * 300, "one two  three\u2014four\u2013five 5th 3d mp3 h2o"]
    for text in texts:
        assert words_of(text) == pattern.findall(text.lower()), text


def _terms_by_definition(title: str, body: str, top: int) -> dict[str, float]:
    """terms written out word by word (the loop it replaced): tf counted over the lower-cased words of the lead
    (the dateline cut), TITLE_BONUS per title word, stop words and one-letter words dropped, (1 + log tf) x idf,
    the `top` strongest (ties in order), L2-normalised."""
    import heapq
    import math
    import re
    from collections import Counter

    from tui.stories.terms import _DATELINE, LEAD_CHARS, TITLE_BONUS, _stops, _weights

    idf, unseen = _weights()
    pattern = re.compile(r"[a-z][a-z-]*[a-z]")
    tf = Counter(pattern.findall(_DATELINE.sub("", body[:LEAD_CHARS], count=1).lower()))
    for w in pattern.findall(_DATELINE.sub("", title, count=1).lower()):
        tf[w] += TITLE_BONUS
    weights = {t: (1.0 + math.log(n)) * idf.get(t, unseen) for t, n in tf.items() if t not in _stops()}
    best = heapq.nlargest(top, weights.items(), key=lambda kv: kv[1])
    norm = math.sqrt(sum(v * v for _, v in best)) or 1.0
    return {t: v / norm for t, v in best}


def test_terms_follow_their_definition():
    """terms counts and weighs in C calls; the same terms, in the same order, with the same floats as the loop."""
    texts = [(s.title, s.body) for s in STRIKE + RECALL]
    texts += [("Kelvin", "\u212aing \u212aing K\u212a \u0130stanbul \u0130stanbul Istanbul caf\u00e9 x-ray's A-b I a"),
              ("", ""), ("Port Port Port", "port " * 300 + "harbour " * 2), ("A b", "a-- --b a--b ab- -ab- - e-mail")]
    for title, body in texts:
        for top in (150, 300, 2):
            got, want = terms(title, body, top), _terms_by_definition(title, body, top)
            assert list(got) == list(want), (title, top)
            assert list(got.values()) == list(want.values()), (title, top)
