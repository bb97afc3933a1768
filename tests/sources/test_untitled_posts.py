"""Posts with no title (a microblog's, a note feed's): a JSON Feed or RSS item of one paragraph and no title was
skipped, "no article text found (feed entry has no content)", its one paragraph taken for the title and nothing left.
Such a post is an article now, its text kept whole and its title made from it: the first sentence, or the first
words cut after a word with "…" (tui/importers/titles.py title_from_text). A first paragraph that reads as a
headline (short, more text under it) is still the title."""

from __future__ import annotations

import json

from tui.cli import main
from tui.importers.titles import POST_TITLE, title_from_text

SHORT = "Ferry to Corrowick runs late tonight."
TWO = "The Corrowick allotments opened their gates at six. Three plots are still free, the warden says."
LONG = ("Walked the old tow path from Corrowick to the lock keeper's cottage and counted herons along the way, seven "
        "of them standing in the reeds like grey umbrellas left out to dry")
RSS_POST = "Corrowick library keeps late hours all week. Bring a lamp: the porch light is out."
RSS_NOTE = "Heron count at the weir: eleven"
HEADED = ["Notes from the quay", "The Corrowick quay was quiet on Sunday; two boats came in with the tide."]


def _articles(lib_path):
    from tui.store import Library

    lib = Library(lib_path)
    try:
        return sorted((a.title, a.body) for a in (lib.get(i) for i in lib.ids()))
    finally:
        lib.close()


def test_a_title_from_a_post_s_text():
    assert title_from_text(SHORT) == SHORT
    assert title_from_text(TWO) == "The Corrowick allotments opened their gates at six."
    cut = title_from_text(LONG)
    assert cut == "Walked the old tow path from Corrowick to the lock keeper's cottage and counted herons along the…"
    assert len(cut) <= POST_TITLE and LONG.startswith(cut[:-1])
    assert title_from_text("Sunny  in\nCorrowick") == "Sunny in Corrowick"  # short, no full stop: the whole text
    assert title_from_text("Dr. Ames opens the Corrowick clinic on Monday. Book ahead.") == \
        "Dr. Ames opens the Corrowick clinic on Monday."  # (not "Dr.": a sentence is 12 characters or more)


def test_untitled_json_feed_and_rss_posts_import_titled_from_their_text(lib_path, site, capsys):
    site.feed("/notes.json", json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Corrowick Notes", "items": [
            {"id": "n1", "content_text": SHORT},
            {"id": "n2", "content_html": f"<p>{TWO}</p>"},
            {"id": "n3", "content_text": LONG},
            {"id": "n4", "content_text": "\n\n".join(HEADED)},
            {"id": "n5", "title": "A title and nothing else"}]}).encode(), ctype="application/feed+json")
    site.feed("/micro.xml", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Corrowick Micro</title>'
        '<link>http://corrowick.invalid/</link><description>notes</description>'
        f'<item><guid isPermaLink="false">m1</guid><description><![CDATA[<p>{RSS_POST}</p>]]></description></item>'
        f'<item><guid isPermaLink="false">m2</guid><description>{RSS_NOTE}</description></item>'
        '</channel></rss>').encode())
    assert main(["feed", "add", site.url("/notes.json"), site.url("/micro.xml"), "--timeout", "5"]) == 0
    capsys.readouterr()
    assert _articles(lib_path) == sorted([
        (SHORT, SHORT),
        ("The Corrowick allotments opened their gates at six.", TWO),
        ("Walked the old tow path from Corrowick to the lock keeper's cottage and counted herons along the…", LONG),
        (HEADED[0], HEADED[1]),
        ("Corrowick library keeps late hours all week.", RSS_POST),
        (RSS_NOTE, RSS_NOTE),
    ])


def test_a_post_s_title_never_ends_where_a_br_broke_a_line(lib_path, site, capsys):
    """A <br> made a paragraph, so "<p>Relative more and <br>breaks</p>" was two, and the first, short with text under
    it, became the title: "Relative more and". A line a single <br> ends mid-sentence (the next line starts in lower
    case, or the line ends with "and", "of", a comma ...) is now joined to the next for the title; the body keeps the
    post's lines. A line that reads finished above a <br> is still a headline."""
    from tui.importers.htmltext import html_to_paragraphs
    from tui.importers.titles import untitled

    assert html_to_paragraphs("<p>Relative more and <br>breaks</p>") == ["Relative more and", "breaks"]
    assert html_to_paragraphs("<p>Relative more and <br>breaks</p>", join_lines=True) == ["Relative more and breaks"]
    assert html_to_paragraphs("Fares rise for<br/>Corrowick ferries.<br><br>More soon.", join_lines=True) == \
        ["Fares rise for Corrowick ferries.", "More soon."]
    assert html_to_paragraphs("Quay news<br>The Corrowick quay is shut.", join_lines=True) == \
        ["Quay news", "The Corrowick quay is shut."]
    assert untitled(["Relative more and", "breaks"], ["Relative more and breaks"]) == \
        ("Relative more and breaks", ["Relative more and", "breaks"])
    site.feed("/br.xml", (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Corrowick Lines</title>'
        '<link>http://corrowick.invalid/</link><description>notes</description>'
        '<item><guid isPermaLink="false">b1</guid>'
        '<description><![CDATA[<p>Relative more and <br>breaks</p>]]></description></item>'
        '<item><guid isPermaLink="false">b2</guid><description><![CDATA[<p>The Corrowick ferry leaves at six from the'
        '<br>east pier, weather allowing.<br>Bring a coat. Tea on board.</p>]]></description></item>'
        '<item><guid isPermaLink="false">b3</guid>'
        '<description><![CDATA[Quay news<br>The Corrowick quay is shut for repairs until Friday.]]></description>'
        '</item>'
        '<item><guid isPermaLink="false">b4</guid><description><![CDATA[Heron count at the weir,<br>eleven at dawn'
        '<br>and two at noon<br/><br/>Seen from the Corrowick lock.]]></description></item>'
        '</channel></rss>').encode())
    site.feed("/br.json", json.dumps({
        "version": "https://jsonfeed.org/version/1.1", "title": "Corrowick Lines JSON", "items": [
            {"id": "j1", "content_html": "<p>Lamps lit along the Corrowick tow path tonight for<br>the winter fair</p>"}]
    }).encode(), ctype="application/feed+json")
    assert main(["feed", "add", site.url("/br.xml"), site.url("/br.json"), "--timeout", "5"]) == 0
    capsys.readouterr()
    assert _articles(lib_path) == sorted([
        ("Relative more and breaks", "Relative more and\n\nbreaks"),
        # (its first line, joined, is short with text under it: the headline, as a first paragraph is)
        ("The Corrowick ferry leaves at six from the east pier, weather allowing.", "Bring a coat. Tea on board."),
        ("Quay news", "The Corrowick quay is shut for repairs until Friday."),
        ("Heron count at the weir, eleven at dawn and two at noon", "Seen from the Corrowick lock."),
        ("Lamps lit along the Corrowick tow path tonight for the winter fair",
         "Lamps lit along the Corrowick tow path tonight for\n\nthe winter fair"),
    ])
