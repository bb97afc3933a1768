"""The number/date rules tried only at their triggers' positions find exactly what a full scan finds."""

from __future__ import annotations

import random

import pytest

from tui.assets import asset
from tui.engine.entities import rules

# Pieces our own test texts are made of: every keyword of the rules in several cases, glued forms, numbers,
# currency signs, Unicode digits and letters that match Latin ones only when case is ignored.
_PIECES = """Monday Mondays Tuesday Sunday Jan Jan. January Feb Mar March Mar. Apr May June Jun July Aug Sep Sept Sept.
September Oct Nov Dec December early mid late mid- last next this the past previous coming week weekend month year
decade spring fall winter yesterday Yesterday today Today tomorrow TODAY tonight Tonight noon midnight morning
afternoon evening night in since by from until till of during before after between and one two three ten eleven
twenty ninety hundred a dozen dozens hundreds thousands millions billions ONE Seven ſeven Kelvin tenkm fivefeet
million billion trillion bn m k thousand km miles mph kg tonnes feet ft metres acres barrels litres degrees Celsius
°C MW kWh dollars euros pounds yen rupees cents US$ C$ HK$ NZ$ S$ $ € £ ¥ USD EUR GBP JPY CHF Rs Rs. % percent per
cent percentage points a.m. p.m. am pm GMT local time 1996 2015 1990s 2020s mid-1990s 1996-08-30 2014-15 2014/2015
3 12 9:30 10.5 1,200 3,400,000 0.75 1st 22nd 3rd 30th ٣ ٢٠١٥ x1 A4 _7 anyone someone thirty-one one's the one this one
word Acme Corp. Harbour Reuters - – / , . ; : ( ) " “ ” '""".split()


# Phrases whose words only make a match together ("in 2015", "the past week", "this\tMonday").
_PHRASES = ["in 2015", "since 1998", "by 2030", "of 1990", "and 2001", "between 1999", "during 2020", "until 2024",
            "the 1990s", "the mid-1980s", "the past week", "the previous month", "the coming year", "this morning",
            "this\tMonday", "this weekend", "last Monday", "next Friday evening", "early March", "late-Sept",
            "mid-June", "Tuesday, March 3, 2015", "3rd of May 2014", "5 p.m. GMT", "US$ 5 million", "€3bn",
            "five tonnes", "ten km", "a dozen", "2014-15", "in\n2016", "inn 2015", "the  past week"]


def _soup(seed: int, n: int = 400) -> str:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        out.append(rnd.choice(_PIECES) if rnd.random() < 0.8 else rnd.choice(_PHRASES))
        out.append(rnd.choice([" ", " ", " ", "", "\n", ", ", "-"]))
    return "".join(out)


def _texts() -> list[str]:
    folder = asset("articles")
    samples = [(folder / p.name).read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    return samples + [_soup(k) for k in range(40)]


@pytest.mark.parametrize("label", sorted(rules._TRIGGERS))
def test_triggered_matches_equal_a_full_scan(label):
    rx = dict(rules.RULES)[label]
    found = 0
    for text in _texts():
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in rules._matches(label, rx, text)] == want
        found += len(want)
    assert found > 20  # the texts do exercise the rule


def test_a_trigger_that_misses_starts_would_be_caught(monkeypatch):
    """The comparison above can fail: a trigger without digits loses the number matches."""
    monkeypatch.setitem(rules._TRIGGERS, "CARDINAL", rules.re.compile(r"(?<!\w)(?=one)"))
    rx = dict(rules.RULES)["CARDINAL"]
    text = _soup(1)
    assert [m.span() for m in rules._matches("CARDINAL", rx, text)] != [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("label", sorted(rules._NEEDS))
def test_every_match_holds_one_of_the_literals_its_rule_needs(label):
    """rule_spans skips a rule for a text holding none of them: that is safe only if every match holds one."""
    rx = dict(rules.RULES)[label]
    found = 0
    every_form = ("3 gallons, 2 inches, 5 hectares, 4 square miles, 7 lbs, 9 mm, 6 cm, 2 km/h, 3 kilograms, 8 grams,"
                  " 1 ton, 2 litres, 5 liters, 60 degrees Fahrenheit, 20°F, 10 acres, 9 barrels, 4 GW, 5 MWh, 6 foot,"
                  " 6 francs, 2 won, 8 lira, 5 rand, 7 pesos, 3 roubles, 3 rubles, 9 yuan, 4 renminbi, 5 pounds sterling,"
                  " A$5, Rs 40, CHF 9, 12:30 EST, noon, 11 AM, 4 PM, this evening, 5 per cent, 3 percentage points, 7%")
    for text in _texts() + [every_form]:
        for m in rx.finditer(text):
            assert any(w in m.group() for w in rules._NEEDS[label]), m.group()
            found += 1
    assert found > 20


def test_skipping_rules_a_text_cannot_match_changes_nothing(monkeypatch):
    texts = _texts() + ["We will mend bridge 4 before the frost, said Vera Lind. " * 5, "no digits here at all"]
    fast = [rules.rule_spans(t) for t in texts]
    monkeypatch.setattr(rules, "_NEEDS", {})
    assert fast == [rules.rule_spans(t) for t in texts]


def test_lower_casing_keeps_what_the_cardinal_trigger_reads_for_every_character():
    """CARDINAL's trigger is run on the lower-cased text with a case-sensitive pattern: for every character that
    lower-cases to one other character (a text with one that changes length, or with İ ı ſ K, takes the original
    trigger), being a word character or a digit does not change, and a Latin letter matches it ignoring case
    exactly when it is its lower case. Characters that lower-case to themselves match a Latin letter ignoring case
    only among the special folds (ı ſ K), which take the original trigger."""
    import re

    import re._casefix as casefix  # the regex engine's own table of extra case folds

    assert {chr(k) for k in casefix._EXTRA_CASES if k < 128} <= set("isk")
    extra = {chr(v) for k, vs in casefix._EXTRA_CASES.items() if k < 128 for v in vs}
    assert extra <= set("\u0130\u0131\u017f\u212a")
    word, digit = re.compile(r"\w"), re.compile(r"\d")
    latin = re.compile("(?i)[a-z]")
    checked = 0
    for cp in range(0x110000):
        c = chr(cp)
        low = c.lower()
        if low == c or len(low) != 1 or 0xD800 <= cp <= 0xDFFF or rules._FOLDS_TO_LATIN.match(c):
            continue
        assert (word.match(c) is None) == (word.match(low) is None), hex(cp)
        assert (digit.match(c) is None) == (digit.match(low) is None), hex(cp)
        if latin.match(c):
            assert low.isascii() and re.match("(?i)" + low, c), hex(cp)
        checked += 1
    assert checked > 1000


def test_triggers_read_from_cardinal_positions_equal_their_own_scan():
    """PERCENT and QUANTITY are tried at CARDINAL's trigger positions that their own trigger accepts: the same
    positions as scanning the text with their own trigger (also with İ, ſ and an "İ" that lower-cases longer)."""
    extra = ["İstanbul has ſeven 3 percent 5 km", "ſix ONE Three 7%", "ten kilometres 4 miles " * 3]
    for text in _texts() + extra:
        for label in ("PERCENT", "QUANTITY", "CARDINAL"):
            assert rules._trigger_starts(label, text) == [m.start() for m in rules._TRIGGERS[label].finditer(text)]


def test_cardinal_and_date_positions_found_by_words_equal_the_triggers():
    """CARDINAL's (lower-cased text) and DATE's positions found by `str.find` of the words each trigger looks for
    (and a scan for digits) are the trigger patterns' own: on our texts and soups, and after every BMP character
    (a word character before a word or digit takes the position away)."""
    texts = _texts() + ["in 2015,in 2015 the\u00a0one this\u2028Monday by\t1999 the_end _one 2one one2 x\u0301one"]
    texts += [chr(cp) + w for cp in range(0x10000) for w in ("one", "7", "the ", "in 2015", "Monday")]
    cardinal = date = 0
    for text in texts:
        low = text.lower()
        want = [m.start() for m in rules._CARDINAL_LOWER.finditer(low)]
        assert rules._cardinal_starts(low) == want, repr(text)
        cardinal += len(want)
        want = [m.start() for m in rules._TRIGGERS["DATE"].finditer(text)]
        assert rules._date_starts(text) == want, repr(text)
        date += len(want)
    assert cardinal > 100_000 and date > 100_000
    assert set(rules._NUMWORDS) >= set(rules._CARDINAL_WORDS) and "six" in rules._CARDINAL_WORDS
    assert "sixty" not in rules._CARDINAL_WORDS


def test_year_words_found_from_the_years_equal_a_search_of_every_word():
    """The DATE trigger's "in 2015" positions found from the years (white space and a year, then the words ending right
    before it) are those of finding every year word and looking after it: on our texts and on soups of year words,
    years, joiners and white space of every kind."""
    import random

    rnd = random.Random(21)
    bits = list(rules._YEAR_WORDS) + ["1999", "2015", "1499", "20", " ", "\t", "\u00a0", "\n", "x", "_", "9", "é", "-"]
    texts = _texts() + ["".join(rnd.choice(bits) for _ in range(rnd.randint(0, 14))) for _ in range(20000)]
    found = 0
    for text in texts:
        want = sorted(rules._word_starts(text, rules._YEAR_WORDS, rules._SPACE_YEAR.match))
        assert sorted(rules._year_word_starts(text)) == want, repr(text)
        found += len(want)
    assert found > 500
