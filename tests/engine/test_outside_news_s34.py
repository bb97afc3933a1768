"""Session 34's own texts outside news (issue 12): an interview with a clogmaker, a letter from a journey among islands
and a local history of a town's flood (bench/outside_news/80-82, invented people, towns, islands and firms, tagged by
hand before the engine read them: the honest check of session 33's rules, 74.42). Every name a reader would expect is
asserted with its kind and its exact span; the names the engine still gets wrong are strict xfails with what a reader
sees instead."""

from __future__ import annotations

import pytest

from outside_cases import assert_found, name_cases, names_in
from bench.quality_outside import S34_START

# (file, name, kind) -> what a reader sees instead, in every mention of that name in that text
WRONG = {
    ("80_interview.txt", "Rushbrook Morris", "ORG"): "a place (a dance side named after its town)",
    ("80_interview.txt", "Brigstock Timber", "ORG"): "a person (a firm named after its family)",
    ("80_interview.txt", "Cragg Mill", "LOC"): "a person ('the river below Cragg Mill')",
    ("80_interview.txt", "Jaguar", "ORG"): "a person ('went to work for Jaguar')",
    ("80_interview.txt", "Cuthbert", "PER"): "nothing (a given name no list knows, alone)",
    ("81_letter.txt", "Alaric", "PER"): "an organisation (a given name no list knows, alone)",
    ("81_letter.txt", "Ostvik", "LOC"): "nothing ('Our first stop was Ostvik')",
    ("81_letter.txt", "Nordfisk", "ORG"): "a place ('belongs to Nordfisk')",
    ("82_history.txt", "Packhorse", "ORG"): "nothing (an inn called 'the Packhorse')",
    ("82_history.txt", "Gorsey Bank", "LOC"): "an organisation (a town named like a bank: 'In Gorsey Bank itself')",
}


@pytest.mark.parametrize(("name", "start", "end", "label"), name_cases(S34_START, WRONG))
def test_a_reader_sees_each_name_with_its_kind_and_its_whole_span(name, start, end, label):
    assert_found(name, start, end, label)


def test_a_letters_heading_names_the_place_it_was_written():
    """'Skelvoe, 3 August' alone on its line: the island is a place there and in every later mention
    (letter-heading-place), though the tagger reads "Skelvoe is the last island ..." as a company."""
    text, found = names_in("81_letter.txt")
    at = [i for i in range(len(text)) if text.startswith("Skelvoe", i) and not text.startswith(" Cooperative", i + 7)]
    assert len(at) == 3
    assert all((i, i + len("Skelvoe"), "LOC") in found for i in at)


def test_the_name_under_a_letters_closing_is_its_writer():
    """'Yours ever,' then 'Clemency' alone on the last line: a person (sign-off-names-person)."""
    text, found = names_in("81_letter.txt")
    at = text.rindex("Clemency")
    assert text[:at].rstrip().endswith("Yours ever,")
    assert (at, at + len("Clemency"), "PERSON") in found


def test_no_name_opens_with_a_lower_case_function_word():
    """'Sir Marmaduke Holt of Holt Brothers': the firm is 'Holt Brothers', not 'of Holt Brothers'
    (function-word-opens-no-name)."""
    text, found = names_in("82_history.txt")
    at = text.index("of Holt Brothers")
    assert (at + 3, at + len("of Holt Brothers"), "ORG") in found
    assert not any(text[s:e].split()[0] in ("of", "the", "and") for s, e, _ in found)
