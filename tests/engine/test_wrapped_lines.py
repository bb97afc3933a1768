"""A pasted note wrapped at 72 columns: a line that ends in an abbreviation ("Dr."), a time ("7 p.m.") before a line in
lower case, or a quotation mark that closes no sentence split its sentence in two, and a summary showed half of it
(session 38). A single line break inside a paragraph is a space to the splitter; a blank line stays a paragraph's
end. Our own invented note."""

from __future__ import annotations

import textwrap

from tui.engine.sentences import split_sentences

PARAGRAPHS = [
    "The parish council of Quenby Cross met on Tuesday evening to decide the future of the old swimming baths on "
    "Mill Lane. The chair of the meeting, Dr. Anwen Price, said the building could be saved for two million pounds.",
    "The meeting began at 7 p.m. and went on until well after midnight, when the vote was finally taken by a show "
    "of hands in the crowded hall. Residents called the rescue plan \"a lifeline\" for the town and said they would "
    "raise money for a new roof.",
    "A trust has offered to run the baths.",
]
WHOLE = [
    "The parish council of Quenby Cross met on Tuesday evening to decide the future of the old swimming baths on "
    "Mill Lane.",
    "The chair of the meeting, Dr. Anwen Price, said the building could be saved for two million pounds.",
    "The meeting began at 7 p.m. and went on until well after midnight, when the vote was finally taken by a show "
    "of hands in the crowded hall.",
    "Residents called the rescue plan \"a lifeline\" for the town and said they would raise money for a new roof.",
    "A trust has offered to run the baths.",
]


def _wrapped(width: int) -> str:
    return "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS)


def test_a_note_wrapped_at_fixed_widths_splits_as_on_one_line():
    for width in (60, 66, 72, 76, 80):
        text = _wrapped(width)
        got = split_sentences(text)
        assert [" ".join(s.text.split()) for s in got] == WHOLE, (width, text)
        assert all(text[s.start:s.end] == s.text for s in got)
        # the blank lines still end paragraphs
        assert [s.paragraph for s in got] == [0, 0, 1, 1, 2]


def test_lines_that_end_sentences_and_short_lines_still_end_them():
    from tui.engine.sentences import split_with_kinds

    text = ("Ferries from Port Hallam will not sail on Saturday, the company said.\n"
            "Passengers booked on Saturday may travel on Sunday at no extra cost.\n"
            "Tide times\nhigh water 06:12\nlow water 12:30")
    assert [(s.text, kind) for s, kind in split_with_kinds(text)] == [
        ("Ferries from Port Hallam will not sail on Saturday, the company said.", "body"),
        ("Passengers booked on Saturday may travel on Sunday at no extra cost.", "body"),
        ("Tide times", "heading"), ("high water 06:12", "heading"), ("low water 12:30", "heading")]
