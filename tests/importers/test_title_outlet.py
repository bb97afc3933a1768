"""A saved page that names no site (no og:site_name, no application-name) takes its outlet from its <title>'s tail,
"Headline — The Kessby Courier", and the headline keeps none of it; a tail that belongs to the headline is never
taken. Before: the source was empty ("no source" in `add`), though the <title> named the outlet. Our own pages."""

from __future__ import annotations

import pytest
from html_pages import page_article, paragraphs

from tui.importers.titles import title_outlet

BODY = paragraphs("The harbour board met for the {i}th time this year to weigh the winter timetable of the island "
                  "ferry, and residents of Skerrvik asked again for the late boat to stay.")
HEADLINE = "Harbour ferry timetable changes for winter"


@pytest.mark.parametrize("title, h1, outlet", [
    (f"{HEADLINE} — The Kessby Courier", HEADLINE, "The Kessby Courier"),
    (f"{HEADLINE} | Kessby Courier", HEADLINE, "Kessby Courier"),
    (f"{HEADLINE} — The Kessby Courier", None, "The Kessby Courier"),  # no <h1>: a sentence, then a name
    (f"{HEADLINE} | Local News | Kessby Courier", None, "Kessby Courier"),  # a section between
    (f"Kessby Courier | {HEADLINE}", HEADLINE, "Kessby Courier"),  # the name first, the <h1> says where it ends
    (f"{HEADLINE} - Kessby Evening Courier and Advertiser", None, "Kessby Evening Courier and Advertiser"),
    (f"{HEADLINE} | kessbycourier.example", None, "kessbycourier.example"),
    ("Council Votes To Close Library - Kessby Courier", "Council Votes To Close Library", "Kessby Courier"),
])
def test_the_title_tail_names_the_outlet(title, h1, outlet):
    heading = f"<h1>{h1}</h1>" if h1 else ""
    a = page_article(f"<title>{title}</title>", f"<article>{heading}{BODY}</article>")
    assert (a.source, a.title) == (outlet, h1 or HEADLINE.split(" | ")[0])


@pytest.mark.parametrize("title, h1, headline", [
    ("Storm closes coast road - again", "Storm closes coast road - again", "Storm closes coast road - again"),
    ("Lease or buy - which pays?", "Lease or buy - which pays?", "Lease or buy - which pays?"),
    ("Ferry vote: what it means | Explainer", "Ferry vote: what it means", "Ferry vote: what it means"),
    ("Harbour ferry cut | Opinion", "Harbour ferry cut", "Harbour ferry cut"),
    # a headline in capitals throughout: its tail may be its own words, so no outlet without more to go on
    ("Council Votes To Close Library - Residents Protest", None, "Council Votes To Close Library"),
])
def test_a_tail_that_is_part_of_the_headline_or_a_section_is_no_outlet(title, h1, headline):
    heading = f"<h1>{h1}</h1>" if h1 else ""
    a = page_article(f"<title>{title}</title>", f"<article>{heading}{BODY}</article>")
    assert a.source == ""
    assert a.title == headline


def test_a_site_name_the_page_states_wins_over_the_title():
    a = page_article(f'<title>{HEADLINE} | Kessby Courier</title><meta property="og:site_name" content="Courier Online">',
                     f"<article><h1>{HEADLINE}</h1>{BODY}</article>")
    assert (a.source, a.title) == ("Courier Online", HEADLINE)


def test_title_outlet_on_its_own():
    assert title_outlet([f"{HEADLINE} — The Kessby Courier"], HEADLINE) == ("The Kessby Courier", HEADLINE)
    assert title_outlet([f"{HEADLINE} - again"], HEADLINE) == ("", HEADLINE)  # lower case: words, not a name
    assert title_outlet([f"{HEADLINE} - again"], f"{HEADLINE} - again") == ("", f"{HEADLINE} - again")
    assert title_outlet([HEADLINE], HEADLINE) == ("", HEADLINE)
