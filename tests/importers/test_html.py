"""The HTML importer (trafilatura body, our headline choice) and the title chooser."""

from pathlib import Path

from html_pages import page_article, paragraphs

from tui.importers import parse_bytes
from tui.importers.titles import choose_title, strip_site

FIXTURES = Path(__file__).parent / "fixtures"


def test_article_extracted_without_page_furniture():
    item = parse_bytes((FIXTURES / "page.html").read_bytes(), "page.html")[0]
    assert item.error is None
    a = item.article
    assert a.title == "Ferry Service Returns to Island After Storm Repairs"
    assert a.source == "Coastline Times"
    assert a.published == "2025-12-02"
    assert "Wierzbicki" in a.byline
    assert a.body.startswith("The ferry link between the harbour town of Kessock")
    assert "reopen on Monday." in a.body
    assert '"We have been cut off before, but never for this long," said Fiona MacRae' in a.body
    for junk in ("Share on Facebook", "Related stories", "Privacy policy", "All rights reserved", "Weather"):
        assert junk not in a.body
    assert len(a.paragraphs) >= 5


def test_page_without_article_text_is_an_error():
    item = parse_bytes(b"<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>", "e.html")[0]
    assert item.article is None
    assert item.error.startswith("no article text found")


def test_declared_legacy_charset_is_honoured():
    body = "".join(f"<p>Le maire de Nîmes a déclaré que la fête aura lieu, paragraphe numéro {i}, malgré la pluie.</p>" for i in range(6))
    page = f'<html><head><meta charset="iso-8859-1"><title>Fête à Nîmes</title></head><body><article><h1>Fête à Nîmes</h1>{body}</article></body></html>'
    item = parse_bytes(page.encode("latin-1"), "fete.html")[0]
    assert item.article.title == "Fête à Nîmes"
    assert "Le maire de Nîmes a déclaré" in item.article.body


def test_strip_site_suffix_and_prefix():
    assert strip_site("Storm Hits Coast | Daily Planet") == "Storm Hits Coast"
    assert strip_site("Storm Hits Coast - Daily Planet") == "Storm Hits Coast"
    assert strip_site("example.com - Storm Hits Coast Hard Today") == "Storm Hits Coast Hard Today"
    assert strip_site("No Separator Here") == "No Separator Here"


def test_choose_title_prefers_h1_confirmed_by_meta():
    assert choose_title(["Daily Planet", "Storm Hits Coast"], "", "", "Storm Hits Coast | Daily Planet", "") == "Storm Hits Coast"


def test_choose_title_ignores_h1_that_is_the_site_name():
    got = choose_title(["The Daily Planet Blog"], "Rain, Again", "", "Rain, Again | The Daily Planet Blog", "Rain, Again")
    assert got == "Rain, Again"


def test_choose_title_falls_back_to_meta_without_h1():
    assert choose_title([], "", "", "Markets Slide on Rate Fears - Money Desk", "") == "Markets Slide on Rate Fears"


def test_strip_site_cuts_section_and_site_tails():
    assert strip_site("Dockers Vote to End Strike | Business | Harbour Times") == "Dockers Vote to End Strike"
    # after the first cut, a headline-sized rest must remain
    assert strip_site("Week Ahead - Big Rains | Harbour Times") == "Week Ahead - Big Rains"


def test_only_h1_reading_like_a_headline_beats_search_engine_titles():
    got = choose_title(["Council approves flood barrier after ten-year wait"], "Flood barrier: news and updates",
                       "", "Flood barrier: news and updates - Town Hall", "")
    assert got == "Council approves flood barrier after ten-year wait"


def test_generic_page_title_is_ignored():
    assert choose_title(["Time to say goodbye."], "", "", "Home", "") == "Time to say goodbye."


def test_kicker_inside_h1_does_not_glue_onto_headline():
    html = (
        "<html><head><title>Ferry Fares Frozen Until Spring | Isles Post</title></head><body><article>"
        "<h1><span>Transport</span>Ferry Fares Frozen Until Spring</h1>"
        + "<p>The island ferry company said on Monday that fares would not rise before April, after a petition signed by 4,000 people.</p>" * 3
        + "</article></body></html>"
    )
    item = parse_bytes(html.encode(), "kicker.html")[0]
    assert item.article.title == "Ferry Fares Frozen Until Spring"


def test_section_line_above_the_headline_becomes_tags_not_body():
    paras = "".join(
        f"<p>Paragraph {i}: the lake authority said water levels at Ohrid fell by 40 centimetres over the summer, "
        f"the lowest reading since measurements began in 1961.</p>" for i in range(1, 6)
    )
    html = (
        "<html><head><title>Lake Levels Fall to Record Low | Balkan Review</title></head><body><article>"
        "<p>Environment · Science</p><h1>Lake Levels Fall to Record Low</h1>" + paras + "</article></body></html>"
    )
    a = parse_bytes(html.encode(), "lake.html")[0].article
    assert a.title == "Lake Levels Fall to Record Low"
    assert a.body.startswith("Paragraph 1: the lake authority said")
    assert a.tags == ["Environment", "Science"]


def test_h1_equal_to_the_jsonld_headline_beats_kicker_and_headline_together():
    h1s = ["Recipe of the Week Slow-Cooked Bean Stew", "Recipe of the Week", "Slow-Cooked Bean Stew"]
    meta = "Recipe of the Week | Slow-Cooked Bean Stew - Kitchen Notes"
    got = choose_title(h1s, meta, "", meta, "", "Kitchen Notes", ld="Slow-Cooked Bean Stew")
    assert got == "Slow-Cooked Bean Stew"


def test_meta_title_repeated_by_jsonld_keeps_a_tail_that_is_not_the_site():
    meta = "Grow Basil Indoors | A Beginner's Guide"
    assert choose_title([], meta, "", meta, "", "Leafy Corner", ld=meta) == meta
    # the same tail is cut when the structured headline does not vouch for it
    assert choose_title([], meta, "", meta, "", "Leafy Corner") == "Grow Basil Indoors"
    site_tail = "Grow Basil Indoors | Leafy Corner"
    assert choose_title([], site_tail, "", site_tail, "", "Leafy Corner", ld=site_tail) == "Grow Basil Indoors"


def test_meta_titles_that_are_only_the_site_name_are_ignored():
    site = ":: Pixel Forge :: Templates and Themes"
    got = choose_title(["Privacy Rules for Templates"], site, "", site, "", site)
    assert got == "Privacy Rules for Templates"


def test_jsonld_headline_authors_and_date_feed_the_article():
    ld = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Valley Ledger"},'
        '{"@type": "NewsArticle", "headline": "Bridge Tolls Scrapped in Valley Towns",'
        ' "datePublished": "2024-03-09T07:30:00+01:00",'
        ' "author": [{"@type": "Person", "name": "Marta Lindqvist"}, {"@type": "Person", "name": "Omar Haddad"}]}]}'
    )
    paras = paragraphs("Drivers crossing the river at Elmford will no longer pay a toll from April, the county council "
                       "decided on Friday in a vote of 31 to {i}, ending a charge introduced in 1998.")
    a = page_article(f'<title>Valley Ledger</title><script type="application/ld+json">{ld}</script>',
                     f"<article>{paras}</article>", "toll.html")
    assert a.title == "Bridge Tolls Scrapped in Valley Towns"
    assert a.published == "2024-03-09"
    assert a.byline == "Marta Lindqvist; Omar Haddad"
