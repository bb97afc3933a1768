"""A plain-text article laid out as its page shows it: the headline, the outlet's name on a line of its own, the date
on the next (or both on one line, "Kessby Courier · 3 December 2026"), then the text. The outlet and the date were not
read: the article had no source, was dated when it was added ("~15:16"), and its text opened with a paragraph
"Fenland Post 2026-12-01" (walk35: such notes then grouped as one story of today). Our own texts."""

from __future__ import annotations

import pytest

from tui.importers.text import parse_text

BODY = "The ferry to Skerrvik was late again on Tuesday, the fourth time this month.\n\nIts crew blamed the tide."


@pytest.mark.parametrize("header, source, byline, day", [
    ("Kessby Courier\n3 December 2026", "Kessby Courier", "", "2026-12-03"),
    ("Kessby Courier\n\n2026-12-03", "Kessby Courier", "", "2026-12-03"),
    ("3 December 2026\nRadio Ossing", "Radio Ossing", "", "2026-12-03"),  # the date first
    ("Kessby Courier · 3 December 2026", "Kessby Courier", "", "2026-12-03"),  # on one line
    ("By Marta Quellin | Kessby Courier | 3 December 2026", "Kessby Courier", "Marta Quellin", "2026-12-03"),
    ("Brackwater\nDecember 3, 2026", "Brackwater", "", "2026-12-03"),  # one word above a date: an outlet
    ("Marta Quellin\nDecember 3, 2026", "", "Marta Quellin", "2026-12-03"),  # a name above a date: the writer
])
def test_an_outlet_s_line_and_a_date_line_under_the_headline_are_read(header, source, byline, day):
    a = parse_text(f"Ferry late again\n\n{header}\n\n{BODY}\n")
    assert (a.title, a.source, a.byline) == ("Ferry late again", source, byline)
    assert a.published is not None and str(a.published)[:10] == day
    assert a.body.startswith("The ferry to Skerrvik was late"), a.body


@pytest.mark.parametrize("header", [
    "Background",  # a subheading, no date beside it
    "Kessby Courier | Harbour news",  # an outlet's name with no date on the line
    "Marta Quellin",  # a name with no date under it
    "2026-12-03\nBackground",  # one word under a date, no outlet's word in it
])
def test_a_line_that_is_no_outlet_beside_a_date_stays_in_the_text(header):
    a = parse_text(f"Ferry late again\n\n{header}\n\n{BODY}\n")
    first = header.splitlines()[-1]
    assert a.source == "" and a.byline == "" and a.body.startswith(first), (a.source, a.byline, a.body)


@pytest.mark.parametrize("line, source, byline", [
    ("By Marta Quellin, Kessby Courier", "Kessby Courier", "Marta Quellin"),
    ("By Tomas Reyl, The Northfold Ledger", "The Northfold Ledger", "Tomas Reyl"),
    ("By Marta Quellin and Idris Pellow, Radio Ossing", "Radio Ossing", "Marta Quellin and Idris Pellow"),
])
def test_a_byline_that_names_its_outlet_after_a_comma_gives_both(line, source, byline):
    # walk37: two outlets' reports of one event, each signed "By Name, Outlet", made a story of "– src", "no outlet"
    a = parse_text(f"Ferry late again\n{line}\n\n{BODY}\n")
    assert (a.title, a.source, a.byline) == ("Ferry late again", source, byline)
    assert a.body.startswith("The ferry to Skerrvik was late"), a.body


@pytest.mark.parametrize("line", [
    "By Marta Quellin, Staff Reporter",  # a role, though "reporter" is an outlet's word
    "By Marta Quellin, Media Editor",
    "By Marta Quellin, Brackwater",  # a place, no outlet's word
])
def test_a_role_or_a_place_after_the_comma_stays_in_the_byline(line):
    a = parse_text(f"Ferry late again\n{line}\n\n{BODY}\n")
    assert (a.source, a.byline) == ("", line[3:])


def test_an_outlet_line_of_its_own_wins_over_the_byline_s():
    a = parse_text(f"Ferry late again\nSource: Fenland Post\nBy Marta Quellin, Kessby Courier\n\n{BODY}\n")
    assert (a.source, a.byline) == ("Fenland Post", "Marta Quellin")


@pytest.mark.parametrize("line", [
    "Harbour Gazette 7 December 2026",
    "Harbour Gazette, 2026-12-07",
    "Harbour Gazette 2026-12-07",
    "7 December 2026, Harbour Gazette",  # the date first, a comma between
    "December 7, 2026 Harbour Gazette",
])
def test_an_outlet_and_a_date_side_by_side_on_one_line_give_both(line):
    # cli38: the one header line "Outlet DATE" was read as a date alone (parse_date finds the date anywhere in it)
    # and the outlet was lost; "DATE — Outlet" gave both (session 37)
    for text in (f"Ferry late again\n{line}\n\n{BODY}\n", f"Ferry late again\n\n{line}\n\n{BODY}\n",
                 f"{line}\nFerry late again\n\n{BODY}\n"):
        a = parse_text(text)
        assert (a.title, a.source, str(a.published)[:10]) == ("Ferry late again", "Harbour Gazette", "2026-12-07"), \
            (text, a)
        assert a.body == BODY


@pytest.mark.parametrize("line", ["Meeting 7 December 2026", "Published 7 December 2026", "Marta Quellin 2026-12-07"])
def test_a_date_beside_words_of_no_outlet_is_a_date_alone(line):
    a = parse_text(f"Ferry late again\n{line}\n\n{BODY}\n")
    assert (a.source, str(a.published)[:10], a.body) == ("", "2026-12-07", BODY), a
