"""bench/story_merges.py: the self-supervised screen of merges of stories (PolNeAR cut in two and overlapped; a merge
across the halves joins two events by construction)."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_merges import Merge, by_band, evidence, logistic, merges, overlapped, profile_cosine, run  # noqa: E402

# Invented articles over 20 days (title, body, day, outlet): the first ten days are the early half, the rest late.
DOCS = [(f"Harbour note {d}", f"The harbour board met on day {d}.", f"2016-03-{d:02d}", "gazette" if d % 2 else "wire")
        for d in range(1, 21)]


def test_the_later_half_is_moved_back_and_labelled_by_its_part():
    rows = overlapped(DOCS, 10)
    # the range 03-01..03-20 is cut at its middle day, 03-10: from there on a day moves 10 back and is part 1
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)
    late = {r[0]: r for r in rows if r[4] == 1}
    assert sorted(late) == sorted(f"Harbour note {d}" for d in range(10, 21))
    assert late["Harbour note 10"][2] == "2016-02-29" and late["Harbour note 20"][2] == "2016-03-10"
    early = {r[0]: r for r in rows if r[4] == 0}
    assert early["Harbour note 9"][2:] == ("2016-03-09", "gazette", 0)
    assert len(rows) == len(DOCS)


def test_merges_are_counted_by_band_of_a_feature():
    found = [Merge(True, 1, 1, 0, 0.08, math.nan, math.nan, 1.0, 0, 0),
             Merge(False, 2, 3, 4, 0.10, 0.2, 0.1, 0.5, 1, 2),
             Merge(True, 5, 4, 40, 0.12, 0.3, 0.3, 0.0, 3, 9)]
    assert by_band(found, lambda m: m.pairs, ((1, 2), (2, 16), (16, math.inf))) == \
        [("1-2", 1, 1), ("2-16", 1, 0), ("16+", 1, 1)]
    assert found[2].ratio == pytest.approx(0.12 / 0.3)
    assert found[0].ratio == 1.0  # two single articles: no own cohesion to compare with
    assert Merge(False, 1, 3, 0, 0.05, math.nan, 0.1, 0.0, 0, 2).ratio == pytest.approx(0.5)  # the one known


def test_the_logistic_fit_is_the_maximum_likelihood_one():
    # two groups of four: x = 0 has one positive, x = 1 three. The likelihood is largest where each group's fitted
    # probability is its own share: intercept log(1/3), slope log(3) - log(1/3); the standard errors are the
    # two-group closed forms: 1 / sqrt(n p (1 - p)) for the intercept, the two groups' variances summed for the slope
    x = [[0.0]] * 4 + [[1.0]] * 4
    y = [True, False, False, False, True, True, True, False]
    (a, b), (sa, sb) = logistic(x, y)
    assert a == pytest.approx(math.log(1 / 3), abs=1e-6) and b == pytest.approx(2 * math.log(3), abs=1e-6)
    assert sa == pytest.approx(1 / math.sqrt(4 * 0.25 * 0.75), rel=1e-4)
    assert sb == pytest.approx(math.sqrt(2 / (4 * 0.25 * 0.75)), rel=1e-4)


# Two invented events told twice each, 50 days apart (beyond the window in which an article joins a story, within
# the reach of a bridge merge): the grouper places every article alone, then merges each pair of tellings.
STRIKE = ("Lighthouse keepers strike at Port Evander", "Lighthouse keepers at Port Evander walked out on Monday over "
          "night shifts. The keepers' union said the harbour lamps would stay dark until the council restores the "
          "winter allowance. Fishing crews moored early as fog rolled over the breakwater.")
STRIKE_END = ("Port Evander keepers end lighthouse strike", "The lighthouse keepers of Port Evander returned to their "
              "towers after the council agreed to pay the winter allowance. Ferry captains welcomed the deal, and the "
              "first trawlers sailed at dawn past the lit breakwater.")
ORCHARD = ("Frost ruins Malvern Hollow cherry orchards", "A late frost blackened the cherry blossom across Malvern "
           "Hollow's orchards overnight. Growers lit smudge pots and ran sprinklers, but the valley cooperative "
           "expects to lose most of the cherry harvest and asked the province for frost relief.")
ORCHARD_AID = ("Province grants frost relief to Malvern Hollow cherry growers", "Cherry growers of Malvern Hollow will "
               "receive frost relief from the province after the late frost destroyed the blossom in the valley's "
               "orchards. The cooperative said smudge pots and sprinklers had saved few cherry trees.")


def test_a_merge_across_the_halves_is_recorded_as_wrong_and_one_within_a_half_as_not():
    rows = [(*STRIKE, "2016-01-01", "gazette", 0), (*ORCHARD, "2016-01-02", "wire", 1),
            (*STRIKE_END, "2016-02-20", "wire", 1), (*ORCHARD_AID, "2016-02-21", "wire", 1)]
    found = sorted(merges(rows), key=lambda m: m.wrong)
    assert len(found) == 2
    orchard, strike = found
    assert strike.wrong and not orchard.wrong
    for m in found:
        assert (m.na, m.nb, m.gap, m.span_a, m.span_b) == (1, 1, 50, 0, 0)
        assert m.link > 0.26  # past the bridge level for 50 days apart (grouping.BRIDGE)
        assert math.isnan(m.within_a) and math.isnan(m.within_b)
        assert m.pair_days == 50  # one article each, 50 days apart
    assert (strike.outlets, orchard.outlets) == (0.0, 1.0)
    # each pair of tellings names its place (Port Evander, Malvern Hollow) and no figure
    assert (strike.names, orchard.names) == (pytest.approx(1.0), pytest.approx(1.0))
    assert (strike.figures, orchard.figures) == (0.0, 0.0)
    assert strike.title > 0 and orchard.title > 0  # "evander", "keepers" / "malvern", "cherry" in both titles


def test_a_run_counts_the_pairs_of_articles_in_a_story_and_those_across_the_halves():
    rows = [(*STRIKE, "2016-01-01", "gazette", 0), (*ORCHARD, "2016-01-02", "wire", 1),
            (*STRIKE_END, "2016-02-20", "wire", 1), (*ORCHARD_AID, "2016-02-21", "wire", 1)]
    done = run(rows)
    # two stories of two articles: the strike's pair is across the halves, the orchard's within the later one
    assert (done.stories, done.pairs, done.cross, len(done.merges)) == (2, 2, 1, 2)


def test_evidence_finds_names_figures_and_rare_title_words_in_the_lead():
    found = evidence("Quake of 7.1 magnitude shakes Port Evander",
                     "A 7.1 magnitude quake struck Port Evander on Monday, and 1,312 people left their homes in 1998. "
                     "The U.S. Coast Guard sent 3 cutters. Evander is calm. Relief came from Malvern Hollow's growers.")
    # runs of capitalised words, an opening stop word ("The") taken off, initials kept; a lone capitalised word at a
    # sentence start ("Evander is calm", "Relief") is not taken for a name, nor a weekday (a stop word here)
    assert found["names"] == {"port evander", "us coast guard", "malvern hollow"}
    assert found["figures"] == {"7.1", "1312"}  # not the year, nor a number under 13
    assert {"evander", "quake", "magnitude"} <= found["title"] and "of" not in found["title"]
    assert evidence("", "") == {"names": set(), "figures": set(), "title": set(), "triggers": set(), "amounts": set()}


def test_evidence_reads_trigger_words_from_the_lead_sentences_and_amounts_with_their_units():
    found = evidence("Quake of 7.1 magnitude shakes Port Evander",
                     "PORT EVANDER (Harbour Wire) — A 7.1 magnitude quake struck Port Evander on Monday and 1,312 people "
                     "left their homes. The U.S. Coast Guard sent 3 cutters and $2 billion in aid, 5% of the budget. "
                     "Fishermen's nets drifted ashore in 1998 and in 4 of the bays.")
    # the first two sentences' words written in lower case, no stop word of the grouper's ("and", "their", "sent"),
    # none of the capitalised ones (names, the dateline) and none of the third sentence ("drifted", "ashore")
    assert found["triggers"] == {"magnitude", "quake", "struck", "left", "homes", "cutters", "billion", "aid",
                                 "budget"}
    # each figure with its unit: a currency sign, percent, or the word after it unless that is a function word
    # ("in"); the year and the bare small number are left out
    assert found["amounts"] == {"7.1 magnitude", "1312 people", "3 cutters", "$2 billion", "5 percent"}
    # initials do not end a sentence, a title's sentence does not count toward the lead's
    assert evidence("", "The U.S. Coast Guard sailed. Keepers waved. Gulls circled.")["triggers"] == \
        {"sailed", "waved"}


def test_profile_cosine_weighs_an_item_by_how_rare_it_is_in_the_run():
    from collections import Counter

    df = Counter({"port evander": 2, "harbour": 10, "storm": 2})
    assert profile_cosine([{"port evander"}], [{"port evander"}], df, 10) == pytest.approx(1.0)
    assert profile_cosine([{"port evander"}], [{"storm"}], df, 10) == 0.0
    # an item every article holds weighs nothing: only the rare one is left to compare
    assert profile_cosine([{"harbour", "storm"}], [{"harbour", "storm"}], df, 10) == pytest.approx(1.0)
    assert profile_cosine([{"harbour"}], [{"harbour"}], df, 10) == 0.0
    # counts of articles: a story naming "storm" twice and "port evander" once against one naming only "storm"
    two = [{"storm"}, {"storm", "port evander"}]
    assert profile_cosine(two, [{"storm"}], df, 10) == pytest.approx(2 / math.sqrt(5))
    assert profile_cosine([], [{"storm"}], df, 10) == 0.0


def test_event_days_are_read_against_the_articles_own_date():
    from datetime import date

    from bench.story_merges import event_days

    thursday = date(2016, 10, 27).toordinal()

    def told(text: str) -> list[str]:
        return [date.fromordinal(d).isoformat() for d in event_days(text, thursday)]

    # a weekday is its latest day on or before the publication day (the day itself when it is that weekday)
    assert told("The ferry ran aground on Tuesday off Port Evander.") == ["2016-10-25"]
    assert told("Keepers said on Thursday that the lamps were lit.") == ["2016-10-27"]
    assert told("The council met yesterday. Crews left last night.") == ["2016-10-26"]  # each day once
    # a month and day is the nearest such date; one followed by a year is history, not the event
    assert told("The vote on Oct. 24 was close.") == ["2016-10-24"]
    assert told("The Nov 2 hearing") == ["2016-11-02"]
    assert told("Since Sept. 3, 2015 the harbour has been closed.") == []
    assert told("Growers met on Monday and again on Wednesday.") == ["2016-10-24", "2016-10-26"]
    # only the lead counts; no readable date, no days
    assert told("x" * 1500 + " on Monday") == []
    assert event_days("on Monday", 0) == []


def test_event_day_profiles_in_common_and_the_gap_between_their_medians():
    from bench.story_merges import event_gap, event_overlap

    assert event_overlap([[10]], [[10]]) == pytest.approx(1.0)
    # each named day spread a quarter to the days either side: one day apart shares half
    assert event_overlap([[10]], [[11]]) == pytest.approx(0.5)
    assert event_overlap([[10]], [[13]]) == 0.0
    assert event_overlap([[10], []], [[10]]) == pytest.approx(1.0)  # an article naming no day adds nothing
    assert math.isnan(event_overlap([[]], [[10]]))
    # an article naming two days gives each half its weight: against one of them, half the profile
    assert event_overlap([[10, 20]], [[10]]) == pytest.approx(0.5)
    assert event_gap([[10, 12]], [[20]]) == 8
    assert math.isnan(event_gap([[]], [[20]]))


def test_time_overlap_compares_the_stories_day_profiles():
    from bench.story_merges import time_overlap

    assert time_overlap([0], [0]) == pytest.approx(1.0)
    # triangles of half-width 3 (weights 1, 2, 3, 2, 1 ninths) one day apart share 1 + 2 + 2 + 1 ninths
    assert time_overlap([0], [1]) == pytest.approx(6 / 9)
    assert time_overlap([0], [6]) == 0.0
    assert time_overlap([0, 0], [0, 6]) == pytest.approx(0.5)


def test_core_contrast_counts_each_storys_core_terms_missing_from_the_other():
    from bench.story_merges import core_contrast

    # invented words: the background idf weighs them all alike
    a = [{"zorbleq": 0.6, "quandrix": 0.8}, {"zorbleq": 0.6, "quandrix": 0.8}]
    assert core_contrast(a, a) == 0.0
    # one core term in common, one held by every article of a and none of b
    assert core_contrast(a, [{"zorbleq": 1.0}, {"zorbleq": 1.0}]) == pytest.approx(0.5)
    assert core_contrast(a, [{"plinvex": 1.0}, {"plinvex": 1.0}]) == pytest.approx(1.0)
    assert math.isnan(core_contrast(a, [{"zorbleq": 1.0}]))  # one article: no core to speak of


def test_spread_places_the_cross_pairs_among_the_stories_own_pairs():
    from bench.story_merges import spread

    # each story's own pair agrees fully, every cross pair not at all: every own pair is the closer
    sep, z = spread([{"p": 1.0}, {"p": 1.0}], [{"q": 1.0}, {"q": 1.0}])
    assert sep == 1.0 and math.isnan(z)  # own pairs all alike: no spread to measure z by
    # one own pair (0.6); the cross pairs 0 and 0.8 sit below and above it
    assert spread([{"p": 1.0}, {"p": 0.6, "q": 0.8}], [{"q": 1.0}])[0] == pytest.approx(0.5)
    # own pairs 1, 0, 0 (mean 1/3, sd sqrt(2) / 3); cross pairs 0.6, 0.6, 0.8 (mean 2/3): each below the one own
    # pair of 1 only
    sep, z = spread([{"p": 1.0}, {"p": 1.0}, {"q": 1.0}], [{"p": 0.6, "q": 0.8}])
    assert sep == pytest.approx(1 / 3) and z == pytest.approx((1 / 3) / (math.sqrt(2) / 3))
    # a cross pair equal to an own pair counts half
    assert spread([{"p": 1.0}, {"p": 1.0}], [{"p": 1.0}])[0] == pytest.approx(0.5)
    assert all(map(math.isnan, spread([{"p": 1.0}], [{"p": 1.0}])))  # one article each: no own pair


def test_burst_weights_and_the_bursty_ratio():
    from bench.story_merges import burst_weights, bursty_ratio

    weights = burst_weights([{"tide": 1.0}, {"tide": 0.6, "gale": 0.8}, {"tide": 1.0}], [0, 14, 28], scale=7.0)
    # "tide": days 0, 14, 28, median 14, mean distance 28 / 3 days: 1 / (1 + 4 / 3); "gale" in one article: 1
    assert weights == {"tide": pytest.approx(3 / 7), "gale": 1.0}
    pair = [{"tide": 0.6, "gale": 0.8}]
    assert bursty_ratio(pair, pair, {"tide": 0.5, "gale": 1.0}) == pytest.approx(0.18 + 0.64)
    assert math.isnan(bursty_ratio([{"tide": 1.0}], [{"gale": 1.0}], weights))
