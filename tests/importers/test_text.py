"""The plain-text dump importer on our own hand-written dumps."""

from pathlib import Path

import pytest

from tui.importers import parse_text

FIXTURES = Path(__file__).parent / "fixtures"


def read(name):
    return (FIXTURES / name).read_text(encoding="utf-8")


def test_full_dump_layout_yields_clean_article():
    a = parse_text(read("dump_full.txt"))
    assert a.title == "Chilean Port Workers End Strike After Wage Deal in Valparaíso"
    assert a.source == "AFP"
    assert a.published == "2026-01-14"
    assert a.tags == ["Latin America", "Politics", "USA", "World"]
    assert a.byline == "Pacific Ledger Staff"
    paras = a.body.split("\n\n")
    assert len(paras) == 4
    assert paras[0].startswith("VALPARAÍSO, Chile — Dock workers")
    assert paras[-1].startswith("Washington had urged")
    # the repeated title, the meta lines, the byline and the disclaimer are not body
    assert a.title not in a.body
    assert "Source:" not in a.body and "Published" not in a.body
    assert "Staff" not in a.body
    assert "publishes letters" not in a.body


def test_variant_byline_first_updated_date_copyright_footer_and_wrapped_lines():
    a = parse_text(read("dump_variant.txt"))
    assert a.title == "Heavy Rain Floods Old Town of Porto Alegre"
    assert a.tags == []
    assert a.byline == "Rafael Monteiro"
    assert a.published == "2026-03-03"
    assert a.source == ""
    paras = a.body.split("\n\n")
    assert len(paras) == 2
    # hard-wrapped lines inside a paragraph are joined with a space
    assert "forcing about 2,000 residents to leave their homes" in paras[0]
    assert "All rights reserved" not in a.body


def test_plain_text_first_line_is_title_and_nothing_is_dropped():
    a = parse_text(read("plain.txt"))
    assert a.title == "Village Library Reopens After Flood Repairs"
    assert a.body.split("\n\n") == [
        "The library in Little Ashby reopened on Saturday, eight months after floodwater "
        "ruined its ground floor and most of its children's books.",
        "Volunteers catalogued 3,400 donated books over the winter. \"People brought boxes "
        "to the door every week,\" said librarian Margaret Oyelaran.",
    ]
    assert (a.source, a.byline, a.published, a.tags) == ("", "", None, [])


def test_other_footer_wording_is_dropped_and_publisher_becomes_source():
    text = (
        "Council Votes to Keep Night Buses\n\nThe council voted 31 to 12 to keep the night buses.\n\n"
        "\"It is a lifeline for shift workers,\" said councillor Amara Okafor.\n\n"
        "The Harbour Echo publishes reader submissions as a public service; views expressed are the writers' own.\n"
    )
    a = parse_text(text)
    assert a.body.count("\n\n") == 1
    assert "public service" not in a.body
    assert a.source == "Harbour Echo"


def test_one_paragraph_per_line_copy_keeps_paragraphs_apart():
    long1 = "The first paragraph of a page copied from a browser runs on and on, well past any typewriter width, as web text does."
    long2 = "The second paragraph is just as long and must not be glued to the first one by the hard-wrap rule we use."
    a = parse_text(f"A Headline\n\n{long1}\n{long2}\n")
    assert a.body.split("\n\n") == [long1, long2]


def test_one_long_pasted_paragraph_is_body_titled_by_its_first_sentence():
    para = (
        "The regional water board raised its drought warning to amber on Friday. Reservoirs in the "
        "east are at 41% of capacity, the lowest for the time of year since 1976, and hosepipe bans "
        "may follow within a fortnight, a spokesman said."
    )
    a = parse_text(para + "\n")
    assert a.title == "The regional water board raised its drought warning to amber on Friday."
    assert a.body == para


def test_one_short_paragraph_on_one_line_is_body_titled_by_its_first_sentence():
    """A line of two sentences or more with nothing under it is prose, as a line past 200 characters is: it was
    taken for a headline alone, and `echo "..." | newsreader summary -` said "no article text found (title only)"."""
    para = 'Fernwick opened its new footbridge on Friday. "It took nine years," said Mayor Dalia Corran.'
    a = parse_text(para + "\n")
    assert a.title == "Fernwick opened its new footbridge on Friday."
    assert a.body == para


def test_a_headline_alone_is_still_a_title():
    for line in ("Fernwick opens its new footbridge", "Fernwick opened its new footbridge on Friday."):
        a = parse_text(line + "\n")
        assert a.title == line and a.body == ""


def test_ansi_coloured_text_is_cleaned_not_rejected():
    from tui.importers import parse_bytes

    data = ("Build Report\n\n" + "\x1b[32mPASS\x1b[0m step finished in 3 seconds\n" * 40).encode()
    item = parse_bytes(data, "log.txt")[0]
    assert item.error is None
    assert "\x1b" not in item.article.body and "PASS step finished" in item.article.body


def test_published_wins_over_updated_and_by_phrase_is_not_a_byline():
    text = (
        "Wildfire Contained Near Valencia\n"
        "  • Updated June 3, 2025 · 4 min read\n"
        "  • Published June 2, 2025\n\n"
        "By the evening the fire was contained\n\n"
        "Crews from three regions worked through the night, the regional government said.\n"
    )
    a = parse_text(text)
    assert a.published == "2025-06-02"
    assert a.byline == ""
    assert a.body.startswith("By the evening the fire was contained")


# A text -> the fields it gives (the same check for every row: its id names the case).
FIELDS = [
    pytest.param("Middle East Economy\n\nJordan Opens Solar Park Near Ma'an\nSource: Levant Wire\n"
                 "Published: 2025-06-30\n\nThe park will supply power to 90,000 homes, officials said.\n",
                 {"tags": ["Middle East", "Economy"], "title": "Jordan Opens Solar Park Near Ma'an",
                  "source": "Levant Wire", "published": "2025-06-30",
                  "body": "The park will supply power to 90,000 homes, officials said."},
                 id="tags-line-without-repeated-title"),
    pytest.param("Storm Closes Schools Across Three Counties\n\nSchools in three counties closed on Friday.\n",
                 {"title": "Storm Closes Schools Across Three Counties", "tags": [],
                  "body": "Schools in three counties closed on Friday."},
                 id="title-case-headline-is-not-mistaken-for-tags"),
    pytest.param("\ufeffTitle [bold]here[/bold]\r\n\r\nBody with \x1b[31mred\x1b[0m text,\x07 a\x00 NUL\tand a tab.\r\n",
                 {"title": "Title [bold]here[/bold]", "body": "Body with red text, a NUL and a tab."},
                 id="crlf-bom-and-control-characters-are-cleaned-but-markup-kept-literally"),
    pytest.param("T\n\nBefore\x1b]0;evil title\x07after and \x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\ done.\n",
                 {"body": "Beforeafter and link done."}, id="osc-sequence-is-removed-with-its-payload"),
    pytest.param("  \n\n \t\n", {"title": "", "body": ""}, id="empty-text-gives-empty-article"),
    pytest.param("politics world\n\nJanuary 9, 2026\n\nMinisters Agree Border Reopening\n\n"
                 "Ministers Agree Border Reopening\nSource: Reuters\n\n"
                 "The border crossing at Ruse will reopen on Monday, the two interior ministers said.\n",
                 {"tags": ["politics", "world"], "title": "Ministers Agree Border Reopening", "published": "2026-01-09",
                  "source": "Reuters",
                  "body": "The border crossing at Ruse will reopen on Monday, the two interior ministers said."},
                 id="date-above-the-headline-and-lowercase-tags-line"),
    pytest.param("Published 2025-12-24\n\nSnow Closes Mountain Pass\n\nThe pass closed at noon after 60 cm of snow fell.\n",
                 {"title": "Snow Closes Mountain Pass", "published": "2025-12-24",
                  "body": "The pass closed at noon after 60 cm of snow fell."},
                 id="date-line-first-then-plain-title"),
    pytest.param("Rio Exclusive Transport\n\nMetro Line 4 Extension Opens in Barra\nSource: Rio Daily\n"
                 "  • Published 12 May 2025\n\nThe extension adds three stations, the state government said.\n",
                 {"tags": ["Rio", "Exclusive", "Transport"], "title": "Metro Line 4 Extension Opens in Barra",
                  "source": "Rio Daily", "published": "2025-05-12"},
                 id="unknown-tags-line-recognised-by-the-source-line-under-the-title"),
]


@pytest.mark.parametrize("text, fields", FIELDS)
def test_the_fields_a_text_gives(text, fields):
    a = parse_text(text)
    assert {name: getattr(a, name) for name in fields} == fields


@pytest.mark.parametrize("staff", ["Kessby Evening Standard and Advertiser Staff", "Times of Brannick Staff",
                                   "Courier & Herald Staff", "The Voice of the Valley Newsroom"])
def test_a_staff_line_whose_outlet_has_and_or_of_in_it_is_the_byline(staff):
    """"X Staff" took capitalised words only: "Kessby Evening Standard and Advertiser Staff" stayed the body's last
    paragraph, and the entities listed "Advertiser Staff" as a person (walk26, a generated library)."""
    dump = ("Local Transport\nNight buses stay in Kessby\nNight buses stay in Kessby\nSource: Kessby Evening Standard\n"
            "• Published March 3, 2026\n\nThe council voted on Thursday to keep the three night bus routes.\n\n"
            f"The routes cost the town about 400,000 crowns a year, the council said.\n\n{staff}\n")
    a = parse_text(dump)
    assert a.byline == staff
    assert a.body.split("\n\n")[-1].startswith("The routes cost") and staff not in a.body, a.body


@pytest.mark.parametrize("line", ["Members of the staff", "the Staff", "Terms and Conditions of the Newsroom tour"])
def test_lines_that_only_end_like_a_staff_byline_stay_text(line):
    dump = ("Night buses stay in Kessby\n\nThe council voted on Thursday to keep the three night bus routes.\n\n"
            f"{line}\n\nThe routes cost the town about 400,000 crowns a year, the council said.\n")
    a = parse_text(dump)
    assert a.byline == "" and line in a.body, (a.byline, a.body)


def test_a_date_decades_ahead_is_no_date_in_any_imported_file():
    """A text dump "Published January 1, 2100" (a typo, a template's placeholder) stood first in the library and
    the briefing for ever, as a feed's 2100 did; a day more than a day and a half ahead of the clock is no date (the
    article is dated when added), in every kind of file `add` takes. Today's date is kept."""
    from datetime import date

    from tui.importers import parse_bytes

    today = date.today()
    dump = ("Harbour Local\nPier lights switched back on\nPier lights switched back on\nSource: Quay Post\n"
            "• Published {day}\nThe pier lights of Port Ellin were switched back on after the storm, the council said.\n")
    far = parse_bytes(dump.format(day="January 1, 2100").encode(), "pier.txt")[0].article
    now = parse_bytes(dump.format(day=f"{today:%B} {today.day}, {today.year}").encode(), "pier.txt")[0].article
    assert far is not None and far.title == "Pier lights switched back on" and far.published is None
    assert now.published == today.isoformat()
    md = parse_bytes(b"---\ntitle: Pier lights\ndate: 2100-01-01\n---\n\nThe pier lights of Port Ellin were switched "
                     b"back on after the storm, the council said on Monday evening.\n", "pier.md")[0].article
    assert md is not None and md.published is None


def test_a_text_of_a_sentence_a_line_keeps_its_first_sentence():
    """Three sentences on three lines, no headline: the first was the title and gone from the body (a summary of it
    missed the lead). A first line that is plainly a sentence (words ending in a full stop) with prose under it stays
    the title and is the body's first sentence too; a headline (no full stop) or one with its meta lines under it is
    the title alone, as before."""
    text = ("The ferry to Quillan Sound stops for the winter on Friday.\n"
            "Its crew will refit the hull at the Dunmere yard.\n"
            "Sailings start again in March, the harbour office said.\n")
    a = parse_text(text)
    assert a.title == "The ferry to Quillan Sound stops for the winter on Friday."
    assert a.body == " ".join(text.split("\n")).strip()
    headline = parse_text("Ferry to Quillan Sound stops for the winter\nIts crew will refit the hull at Dunmere.\n"
                          "Sailings start again in March.\n")
    assert headline.title == "Ferry to Quillan Sound stops for the winter"
    assert headline.body == "Its crew will refit the hull at Dunmere. Sailings start again in March."
    dated = parse_text("The ferry to Quillan Sound stops for the winter.\nSource: Dunmere Gazette\n"
                       "Published March 3, 2026\n\nIts crew will refit the hull at the Dunmere yard.\n")
    assert (dated.title, dated.source, dated.body) == ("The ferry to Quillan Sound stops for the winter.",
                                                       "Dunmere Gazette", "Its crew will refit the hull at the "
                                                       "Dunmere yard.")
    short = parse_text("Notes.\nThe crew will refit the hull at the Dunmere yard.\n")  # a word, not a sentence
    assert (short.title, short.body) == ("Notes.", "The crew will refit the hull at the Dunmere yard.")


@pytest.mark.parametrize("raw, body", [
    ("The ferry\x00crossing was cancelled.", "The ferry crossing was cancelled."),
    ("The ferry\x00\x00\x00crossing was cancelled.", "The ferry crossing was cancelled."),  # a run of them
    ("It cost 12\x0050 a head.", "It cost 12 50 a head."),
    ("The ferry\x00 crossing\x00. Fares\x00, too.", "The ferry crossing. Fares, too."),  # beside a space or a mark
])
def test_a_nul_between_two_words_is_a_space(raw, body):
    # cli38: a NUL was dropped with nothing in its place, gluing the words ("ferrycrossing")
    a = parse_text(f"Harbour\x00news\n\n{raw}\n")
    assert (a.title, a.body) == ("Harbour news", body)
