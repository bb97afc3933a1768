"""What bench/crossval_quotes.py --misses counts apart: a gold speaker that is a bare name marked "nominal"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.crossval_quotes import surname_only_gold  # noqa: E402


def _gold(speaker, kind="nominal", canonical=None):
    return {"speaker": speaker, "speaker_kind": kind, "speaker_canonical": canonical}


def test_a_bare_surname_marked_nominal_is_counted_apart():
    assert surname_only_gold("Mara Quist", _gold("Quist"))
    assert surname_only_gold("Mara Quist", _gold("Quist’s"))  # "Quist’s office said"


def test_real_descriptions_and_other_people_are_not():
    assert not surname_only_gold("Mara Quist", _gold("the harbour chief"))  # a description: a real miss
    assert not surname_only_gold("Ola Brandt", _gold("Quist"))  # another person
    assert not surname_only_gold("Mara Quist", _gold("Quist", kind="name"))  # the scorer matches surnames there
    assert not surname_only_gold("Mara Quist", _gold("Quist", canonical="Mara Quist"))  # the canonical name matches
    assert not surname_only_gold("Quist", _gold("Quist"))  # the same words: the scorer already counts it right
    assert not surname_only_gold(None, _gold("Quist"))


# --errors: each wrong quote goes to one error class (bench/crossval_quotes.error_class)
from bench.crossval_quotes import ERROR_CLASSES, error_class  # noqa: E402

_TEXT = ("Ivo Lund chairs the ferry board. " + "The harbour was quiet all summer long. " * 30 +
         "Mara Quist runs the harbour. “We will close the docks next year,” he said.")
_AT = _TEXT.index("We will")
_WINDOW = (_AT - 600, _AT + 300)


def _q(speaker="Mara Quist", kind="name", canonical="Mara Quist", cue="said"):
    return {"speaker": speaker, "speaker_kind": kind, "speaker_canonical": canonical, "cue": cue}


def test_spans_and_missing_speakers_are_their_own_classes():
    assert error_class(_q(), "<missed>", "none", "") == "span: gold quote missed"
    assert error_class(None, "Mara Quist", "after", "Quist") == "span: extra quote (gold marks none)"
    assert error_class(_q(speaker=None, canonical=None), "Mara Quist", "after", "Quist") == \
        "gold has no speaker, we give one"
    assert error_class(_q(), None, "none", "") == "no speaker found"


def test_a_wrong_he_tag_and_a_wrong_carry_over_are_told_apart():
    gold = _q(speaker="he", kind="pronoun", canonical="Mara Quist")
    assert error_class(gold, "Ivo Lund", "after", "he", _WINDOW, True, False, _TEXT) == "he/she tag resolved wrong"
    assert error_class(_q(), "Ivo Lund", "inherit", "Lund", _WINDOW, True, True, _TEXT) == \
        "previous speaker carried over wrongly"
    assert error_class(_q(), "Ivo Lund", "none", "", _WINDOW, True, True, _TEXT) == \
        "previous speaker carried over wrongly"
    assert error_class(_q(), "Ivo Lund", "none", "", _WINDOW, True, False, _TEXT) == \
        "no tag: a person near the quote, wrong"


def test_a_bare_pronoun_in_gold_with_no_name_cannot_be_won():
    gold = _q(speaker="he", kind="pronoun", canonical=None)
    assert error_class(gold, "Ivo Lund", "after", "he", _WINDOW, False, False, _TEXT) == \
        "gold a bare pronoun with no name"


def test_role_phrases_according_to_and_the_window():
    judge = _q(speaker="the harbour judge", kind="nominal", canonical=None)
    assert error_class(judge, "Ivo Lund", "none", "", _WINDOW, False, False, _TEXT) == "role phrase vs name"
    assert error_class(_q(), "the ferry board", "before", "the ferry board") == "role phrase vs name"
    assert error_class(_q(cue="according to"), "Ivo Lund", "before", "Lund") == "'according to'"
    # Ivo Lund is named 1,100 characters before the quote: outside the 600 the ranker looks back
    lund = _q(speaker="Lund", canonical="Ivo Lund")
    assert error_class(lund, "Mara Quist", "none", "", _WINDOW, False, False, _TEXT) == "speaker outside the window"
    assert error_class(lund, "Mara Quist", "after", "Quist", None, False, False, _TEXT) == "named tag, wrong"
    assert set(ERROR_CLASSES) >= {"span: gold quote missed", "he/she tag resolved wrong", "role phrase vs name"}


# the quote gate in CV: a fold's gate takes its dropped quotes out with their candidates and hows
def test_gated_drops_the_quotes_the_gate_drops_with_their_candidates_and_hows():
    from bench.crossval_quotes import gated
    from bench.train_quotes import Case
    from tui.engine import rules
    from tui.engine.quotes import extract

    text = ("The party ran hard campaigns. “Keep the harbour in our hands” (2009) was the first.\n\n"
            "“We will close the docks next year,” Mara Quist said.")
    with rules.disabled("speaker-ranker"):
        quotes, hows, _ = extract._attributed(text)
    assert len(quotes) == 2
    case = Case("x", text, [], quotes, [["a"], ["b"]], hows)
    out = gated(case, {"bias": 1.0, "next:(": -5.0})  # only the slogan, followed by "(", scores below zero
    assert [q.text for q in out.quotes] == ["We will close the docks next year,"]
    assert out.cands == [["b"]] and out.hows == [hows[1]]
    assert gated(case, None) is case and gated(case, {"bias": 1.0}) is case
