"""The Markdown importer."""

from pathlib import Path

from tui.importers import parse_bytes
from tui.importers.markdown import front_matter, inline, parse_markdown

FIXTURES = Path(__file__).parent / "fixtures"


def test_front_matter_fields_and_markdown_reduced_to_text():
    a = parse_markdown((FIXTURES / "article.md").read_text(encoding="utf-8"))
    assert a.title == "Tram Line to the Airport Opens Two Years Late"
    assert a.byline == "Ines Varga"
    assert a.published == "2025-09-18"
    assert a.tags == ["Transport", "Local News"]
    assert a.source == "Danube Observer"
    assert a.url == "https://example.org/tram-airport"
    assert a.body.split("\n\n") == [
        "The new tram line between the central station and the airport carried its first "
        "passengers on Thursday, two years behind schedule and 15% over budget.",
        "Fares",
        "A single ticket costs 2.40 euros",
        "Airport staff travel free until December",
        "\"It was late, but it is here,\" said city transport director Bence Horváth.",
    ]


def test_without_front_matter_first_h1_is_title():
    a = parse_markdown((FIXTURES / "no_front_matter.md").read_text(encoding="utf-8"))
    assert a.title == "Bakers Protest Rising Flour Prices in Lyon"
    assert a.body.startswith("Some intro line that is not the title.\n\nAround 300 bakers marched through central Lyon")
    assert "*" not in a.body


def test_front_matter_dash_list_and_unknown_keys():
    fields, rest = front_matter("---\ntitle: X\nlayout: post\ntags:\n  - One\n  - Two Words\n---\nBody\n")
    assert fields == {"title": "X", "tags": ["One", "Two Words"]}
    assert rest.strip() == "Body"


def test_unclosed_front_matter_is_plain_text():
    fields, rest = front_matter("---\ntitle: never closed\n\nBody")
    assert fields == {}
    assert "never closed" in rest


def test_inline_reductions():
    assert inline("**bold** and *it* and `code` [link](http://x) ![img](a.png) <br> \\*star\\*") == (
        "bold and it and code link *star*"
    )
    # snake_case words are not emphasis
    assert inline("call my_function_name now") == "call my_function_name now"


def test_md_extension_routes_to_markdown():
    item = parse_bytes(b"# Head Line\n\nA *short* body.\n", "note.md")[0]
    assert item.article.title == "Head Line"
    assert item.article.body == "A short body."


def test_reference_links_need_a_definition_and_rich_markup_stays_literal():
    text = (
        "# Notes\n\nRead the [council report][rep] and the [b][i]draft[/i][/b] text, "
        "plus ![map][m] here.\n\n[rep]: https://example.org/report\n[m]: map.png\n"
    )
    a = parse_markdown(text)
    assert a.body == "Read the council report and the [b][i]draft[/i][/b] text, plus here."
