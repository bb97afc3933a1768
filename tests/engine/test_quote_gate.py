"""The learned quote gate (tui/engine/quotes/gate.py): headlines, slogans and the like go; reported speech stays.

Every text here is our own writing."""

from tui.engine import rules
from tui.engine.quotes import extract, extract_quotes, gate

HEADLINES = ("FERRY NEWS—\"Night crossings to stop for the winter season,\" by Coast Daily's Piet Olsen: \"The "
             "harbour board voted on Tuesday to end the night crossings until March.\" http://example.org/y.")
SLOGANS = ("The party ran hard campaigns. “Keep the harbour in our hands” (2009) — “No tolls on the old bridge!” "
           "(2011) — “Yes to the night ferry” (2013). Each one passed.")


def _pairs(text):
    return [(q.text, q.speaker) for q in extract_quotes(text)]


def test_the_shipped_weights_load():
    assert gate.weights() and gate.active()


def test_a_headline_in_a_list_of_links_is_no_quote_but_the_excerpt_after_it_is():
    got = _pairs(HEADLINES)
    assert [t for t, _ in got] == ["The harbour board voted on Tuesday to end the night crossings until March."]
    with rules.disabled("quote-gate"):  # before the gate the headline was a quote, given to the writer
        assert ("Night crossings to stop for the winter season,", "Piet Olsen") in _pairs(HEADLINES)


def test_slogans_listed_with_their_years_are_no_quotes():
    assert _pairs(SLOGANS) == []
    with rules.disabled("quote-gate"):
        assert len(_pairs(SLOGANS)) == 3


def test_reported_speech_stays_with_or_without_a_speaker():
    texts = {
        "“We will rebuild the bridge before winter,” Maria Lopez said.":
            [("We will rebuild the bridge before winter,", "Maria Lopez")],
        "The board met on Monday.\n\n“The docks will close for a year. We have no money for repairs.”\n\nThe "
        "council will vote in May.": [("The docks will close for a year. We have no money for repairs.", None)],
        "Lopez called the plan “a waste of good money and time” and left.": [("a waste of good money and time", "Lopez")],
    }
    for text, want in texts.items():
        assert _pairs(text) == want, text


def test_features_name_the_cues_around_the_marks():
    quotes, hows, scan = extract._attributed(HEADLINES)
    f = gate.features(HEADLINES, quotes[0], hows[0], scan.lines.bounds)
    assert {"at:dash", "head:caps", "nw:by", "end:,", "spk:none"} <= f
    text = "Lopez called the plan “a waste of good money and time” and left Olsen behind."
    quotes, hows, scan = extract._attributed(text)
    f = gate.features(text, quotes[0], hows[0], scan.lines.bounds)
    assert {"at:inline", "pw:plan", "nw:and", "first:lower", "end:none"} <= f
    # a capitalised word beside a mark is a shape, never the name itself
    text = "“We will rebuild the bridge before winter,” Lopez said."
    quotes, hows, scan = extract._attributed(text)
    f = gate.features(text, quotes[0], hows[0], scan.lines.bounds)
    assert "nw:Cap" in f and not any("lopez" in x.lower() for x in f)


def test_the_gate_keeps_nothing_it_scores_below_zero():
    quotes, hows, scan = extract._attributed(SLOGANS)
    assert gate.keep(SLOGANS, quotes, hows, scan.lines.bounds) == [False, False, False]
    assert gate.keep(SLOGANS, quotes, hows, scan.lines.bounds, {"bias": 1.0}) == [True, True, True]
