"""JSON-LD facts: which objects count as the article and how authors are read."""

from tui.importers.jsonld import jsonld_facts


def _page(*blobs: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blobs)
    return f"<html><head>{scripts}</head><body></body></html>"


def test_article_object_gives_headline_authors_and_date():
    page = _page('{"@type": "BlogPosting", "headline": "Why Owls Hoot at Night &amp; Day",'
                 ' "author": {"@type": "Person", "name": "Ines Moreau"}, "datePublished": "2023-11-02"}')
    assert jsonld_facts(page) == {"headline": "Why Owls Hoot at Night & Day", "authors": ["Ines Moreau"],
                                  "published": "2023-11-02"}


def test_website_and_webpage_names_are_not_headlines():
    page = _page('{"@type": "WebSite", "name": "Owl Weekly", "headline": "Owl Weekly"}',
                 '{"@type": "WebPage", "headline": "Owls | Owl Weekly"}')
    assert jsonld_facts(page)["headline"] == ""


def test_broken_json_is_skipped_and_later_blocks_still_read():
    page = _page('{"@type": "NewsArticle", "headline": ', '[{"@type": ["NewsArticle"], "headline": "Second Block",'
                 ' "author": ["Ana Ruiz", "https://example.org/staff/ana", "Ana Ruiz"]}]')
    facts = jsonld_facts(page)
    assert facts["headline"] == "Second Block"
    assert facts["authors"] == ["Ana Ruiz"]  # URL and repeat dropped


def test_page_without_jsonld():
    assert jsonld_facts("<html><body><p>No markup</p></body></html>") == {"headline": "", "authors": [], "published": ""}
