"""The tagger's per-line flags and document evidence (features.initial_flags, is_upper_line, doc_evidence) equal
their plain token-by-token definitions on our own texts, including a word used both as a name and as a common
word ("Hope"/"hope", "Bill"/"bill") and headlines in capitals; initial_flags' memo does not change an answer."""

from __future__ import annotations

from tui.assets import asset
from tui.engine.entities import features
from tui.engine.entities.features import _OPENERS, doc_evidence, initial_flags, is_upper_line
from tui.engine.entities.tagger import prepare
from tui.engine.entities.tokens import lines, tokenize_line

_OWN = """HOPE FOR THE HARBOUR
Hope Okafor said there was little hope. Bill Carver paid the bill; U.S. officials met him.
"Hope is not a plan," said Hope. The Bill passed: BILL CARVER WINS
U.S. Mr. Lind left. ... then Lind came back - Lind! (Hope) [bill] A
ACME
"""


def _texts() -> list[str]:
    folder = asset("articles")
    return [_OWN] + [(folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir())
                     if p.suffix in (".txt", ".md")]


def _plain_initial(tokens):
    out, prev = [], None
    for w in tokens:
        out.append(prev is None or prev in _OPENERS or (prev[-1:] == "." and len(prev) > 2 and prev.count(".") > 1))
        prev = w
    return out


def _plain_upper(tokens):
    letters = [w for w in tokens if w[:1].isalpha()]
    return len(letters) >= 2 and all(w.isupper() for w in letters) or (
        len(letters) == 1 and len(letters[0]) > 3 and letters[0].isupper())


def _plain_evidence(toks_by_line, inits_by_line, upper_lines):
    mid, low = set(), set()
    for toks, inits, up in zip(toks_by_line, inits_by_line, upper_lines):
        if up:
            continue
        for w, ini in zip(toks, inits):
            if w[:1].isupper() and not ini:
                mid.add(w.lower())
            elif w[:1].islower():
                low.add(w)
    return mid, low


def test_line_flags_and_evidence_equal_the_plain_definitions():
    for text in _texts():
        toks = [tokenize_line(text, a, b)[1] for a, b in lines(text)]
        for run in range(2):  # the second time initial_flags answers from its memo
            if run == 0:
                features._OPENS_AFTER.clear()
            inits = [initial_flags(t) for t in toks]
            assert inits == [_plain_initial(t) for t in toks]
        uppers = [is_upper_line(t) for t in toks]
        assert uppers == [_plain_upper(t) for t in toks]
        assert doc_evidence(toks, inits, uppers) == _plain_evidence(toks, inits, uppers)
    segs, mid, low = prepare(_OWN)
    assert [s.upper for s in segs] == [True, False, False, False, True]
    assert "hope" in mid and "hope" in low and "bill" in low
    assert [t for t, i in zip(segs[1].toks, segs[1].initial) if i] == ["Hope", "Bill", "U.S.", "officials"]
    assert initial_flags([]) == [] and not is_upper_line(["A"]) and is_upper_line(["ACME"])


def test_initial_flags_of_lines_whose_words_are_partly_known():
    """Lines mixing remembered words and new ones (a new number on every line, a new word twice in one line, a
    new opener and a new dotted abbreviation) get the plain flags."""
    features._OPENS_AFTER.clear()
    known = "Vera Lind said it is fine . He said so".split()
    assert initial_flags(known) == _plain_initial(known)
    for k in range(40):
        line = known[:3] + [str(k), f"x{k}", f"x{k}", "said", ":", f"U.S{k}.", "Mr.", f"J.K.{k}", "went", "?", "Lind"]
        assert initial_flags(line) == _plain_initial(line), line
        assert initial_flags(line[::-1]) == _plain_initial(line[::-1])
