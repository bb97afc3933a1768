"""Headline, byline and date rules added after reading the extraction dev misses;
each test is a small page we wrote that shows the pattern."""

from html_pages import page_article, paragraphs

from tui.importers import parse_bytes
from tui.importers.html import page_meta
from tui.importers.jsonld import jsonld_facts
from tui.importers.titles import choose_title, strip_site


def test_jsonld_inside_cdata_or_comment_wrappers_is_read():
    blob = '{"@type": "NewsArticle", "headline": "Tram Line Opens", "datePublished": "2022-05-04"}'
    for wrapped in (f"<![CDATA[\n  {blob}\n  ]]>", f"<!--\n{blob}\n-->"):
        page = f'<html><head><script type="application/ld+json">{wrapped}</script></head></html>'
        facts = jsonld_facts(page)
        assert facts["headline"] == "Tram Line Opens"
        assert facts["published"] == "2022-05-04"


def test_jsonld_followed_by_a_stray_semicolon_is_read():
    page = ('<script type="application/ld+json">{"@type": "Article", "headline": "Dam Repairs Finish",'
            ' "author": "Lena Ortiz"};</script>')
    facts = jsonld_facts(page)
    assert facts["headline"] == "Dam Repairs Finish"
    assert facts["authors"] == ["Lena Ortiz"]


def test_title_part_repeated_by_the_description_is_the_headline():
    title = "Harbour Rowing Club Lindau - New Boat Shed Opens in March - Club News - Archive"
    got = choose_title([], "", "", title, "", description="New Boat Shed Opens in March")
    assert got == "New Boat Shed Opens in March"


def test_site_slogan_in_title_tail_and_description_is_not_the_headline():
    title = "Otters Return to the Upper Isar - Isar Watch - Protecting the River"
    got = choose_title([], "", "", title, "", description="Protecting the River")
    assert got == "Otters Return to the Upper Isar"


def test_description_rule_reaches_the_article_through_the_importer():
    paras = paragraphs("Members of the rowing club voted {i} times on the design before the shed, built from larch "
                       "by two local carpenters, was finished on time and under its budget of 80,000 euros.")
    a = page_article("<title>Harbour Rowing Club Lindau - New Boat Shed Opens in March - Club News</title>"
                     '<meta name="description" content="New Boat Shed Opens in March">',
                     f"<table><tr><td>{paras}</td></tr></table>", "shed.html")
    assert a.title == "New Boat Shed Opens in March"


def test_questions_quotes_and_hashtags_at_the_end_belong_to_the_headline():
    assert strip_site("Rent or buy a bike - which pays off?") == "Rent or buy a bike - which pays off?"
    assert strip_site("Ferry strike enters week two – \u2018We are exhausted\u2019") == (
        "Ferry strike enters week two – \u2018We are exhausted\u2019")
    assert strip_site("Interview with a lighthouse keeper – #KeepersWeek") == (
        "Interview with a lighthouse keeper – #KeepersWeek")
    # an ordinary short tail is still the site name
    assert strip_site("Rent or buy a bike - Cycle Weekly") == "Rent or buy a bike"


def _story(head: str, extra: str = "") -> bytes:
    paras = paragraphs("The county's night-bus trial carried {i} thousand riders in its first month, twice the number "
                       "the planners expected, and the operator now wants to add a second route to the airport.")
    return f"<html><head>{head}</head><body><main>{extra}{paras}</main></body></html>".encode()


def test_link_to_an_author_page_gives_the_byline():
    a = parse_bytes(_story("<title>Night Buses Double Ridership</title>",
                           '<div class="meta"><a href="/autor/nora-feld">Nora Feld</a></div>'), "bus.html")[0].article
    assert a.byline == "Nora Feld"


def test_author_page_link_that_is_not_a_name_is_ignored():
    a = parse_bytes(_story("<title>Night Buses Double Ridership</title>",
                           '<div class="meta"><a href="/author/nora-feld">12 articles</a></div>'), "bus.html")[0].article
    assert a.byline == ""


def test_style_inside_an_h1_is_not_heading_text():
    html = ('<html><head><title>Storm Hits Coast | Harbour Times</title></head><body>'
            '<h1><style>.logo{display:block;width:330px}</style>Harbour Times</h1></body></html>')
    assert page_meta(html)["h1"] == ["Harbour Times"]


def test_h2_confirmed_by_a_meta_title_is_the_headline_when_there_is_no_h1():
    og = "Night Market Returns to the Old Port (Issue 2024/3)"
    got = choose_title([], og, "", og + ": Port Letters", "", "Port Letters",
                       h2s=["Latest issues", "Night Market Returns to the Old Port"])
    assert got == "Night Market Returns to the Old Port"


def test_h2_that_no_meta_title_confirms_is_passed_over():
    got = choose_title([], "", "", "Night Market Returns to the Old Port | Port Letters", "", "Port Letters",
                       h2s=["Related stories", "Newsletter sign-up"])
    assert got == "Night Market Returns to the Old Port"


def test_h2_is_ignored_when_the_page_has_an_h1():
    og = "Night Market Returns to the Old Port (Issue 2024/3)"
    got = choose_title(["Port Letters Magazine"], og, "", og, "", "Port Letters",
                       h2s=["Night Market Returns to the Old Port"])
    assert got == og  # the meta titles' headline, not the <h2>


def test_short_h2_inside_the_title_is_a_section_not_the_headline():
    title = "Local News - Storm Floods Road"
    assert choose_title([], "", "", title, "", h2s=["Local News"]) == title
