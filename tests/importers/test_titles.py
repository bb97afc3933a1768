"""Headline, byline and date rules added after reading the extraction dev misses;
each test is a small page we wrote that shows the pattern."""

from tui.importers.jsonld import jsonld_facts


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
