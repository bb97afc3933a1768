"""A note written with labelled header lines, "Title: …", "Author: …", "Date: …", "Source: …" (walk37: `add`
kept "Title:" in the title, and the "Author:" line, with the date and source lines under it, stayed in the text: the
note was undated and its text opened "Author: Ana Liss Date: 2019-03-14 Source: my notebook"). Our own texts."""

from __future__ import annotations

import pytest

from tui.importers.text import parse_text

BODY = "Councillor Wenna Drace asked for a new footbridge at Orlby Mill.\n\nThe vote was put off to April."


@pytest.mark.parametrize("label", ["Title: ", "Headline: ", "TITLE:", "title : "])
def test_a_title_label_is_not_part_of_the_title(label):
    a = parse_text(f"{label}Notes from the Orlby council\nDate: 2019-03-14\n\n{BODY}\n")
    assert a.title == "Notes from the Orlby council"
    assert str(a.published)[:10] == "2019-03-14" and a.body == BODY


@pytest.mark.parametrize("label", ["Author:", "By:", "Writer:", "author:"])
def test_a_labelled_writer_line_is_the_byline_and_the_lines_under_it_are_read(label):
    a = parse_text(f"Title: Notes from the Orlby council\n{label} Ana Liss\nDate: 2019-03-14\nSource: my notebook\n\n"
                   f"{BODY}\n")
    assert (a.title, a.byline, a.source) == ("Notes from the Orlby council", "Ana Liss", "my notebook")
    assert str(a.published)[:10] == "2019-03-14"
    assert a.body == BODY


@pytest.mark.parametrize("text", [
    "Title fight in Orlby goes to a third round\n\n" + BODY,  # the word, no label
    "Titles: a history of the Orlby crown\n\n" + BODY,  # another word
    "Title:\n\n" + BODY,  # a label and nothing after it
])
def test_a_headline_that_only_begins_like_a_label_is_kept_whole(text):
    assert parse_text(text).title == text.split("\n")[0]


def test_a_label_followed_by_prose_is_no_byline():
    a = parse_text(f"Notes from the Orlby council\n\nAuthor: the council's own clerk wrote these notes.\n\n{BODY}\n")
    assert a.byline == "" and a.body.startswith("Author: the council's own clerk")
