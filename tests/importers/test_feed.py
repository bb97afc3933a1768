"""RSS/Atom feeds, including hostile ones."""

import time
from pathlib import Path

from tui.importers import import_paths, parse_bytes

FIXTURES = Path(__file__).parent / "fixtures"


def test_rss_entries_become_articles_and_title_only_entry_is_reported():
    path = str(FIXTURES / "feed_rss.xml")
    items = list(import_paths([path]))
    assert [i.origin for i in items] == [f"{path}#entry-1", f"{path}#entry-2", f"{path}#entry-3"]
    first, second, third = items
    a = first.article
    assert a.title == "Orchard Growers Report Record Apple Harvest"
    assert a.url == "https://example.org/apples"
    assert a.source == "Valley Gazette"
    assert a.published == "2025-10-06"
    assert a.tags == ["Agriculture", "Economy"]
    assert "Lena Hoffmann" in a.byline
    assert a.body == (
        "Growers in the upper valley picked 41,000 tonnes of apples this autumn, the most since records began in 1987."
        "\n\n\"The weather was kind to us for once,\" said cooperative chair Jonas Brandt."
    )
    assert second.article.body.startswith("The old stone bridge at Altmühl will stay closed until October 24")
    assert third.article is None and "no article text" in third.error


def test_atom_entries_use_content_then_summary():
    items = parse_bytes((FIXTURES / "feed_atom.xml").read_bytes(), "notes.atom")
    assert len(items) == 2
    cod, lifeboat = (i.article for i in items)
    assert cod.title == "Fishing Quotas Cut for Cod in the North Basin"
    assert cod.byline == "Sigrid Aalto"
    assert cod.published == "2026-02-09"  # published wins over updated
    assert cod.tags == ["Fisheries"]
    assert cod.body.split("\n\n")[1] == "Skipper Olli Niemi called the decision \"painful but probably right\"."
    assert lifeboat.published == "2026-02-10"
    assert lifeboat.body == "The station cost 1.6 million euros and will be staffed by 24 volunteers."


def test_xxe_feed_is_refused_without_reading_the_file(monkeypatch):
    import builtins

    opened = []
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda f, *a, **k: opened.append(str(f)) or real_open(f, *a, **k))
    items = parse_bytes((FIXTURES / "xxe.xml").read_bytes(), "xxe.xml")
    assert len(items) == 1 and items[0].article is None
    assert "entities" in items[0].error
    assert not any("hostname" in f for f in opened)


def test_billion_laughs_is_refused_fast():
    data = (FIXTURES / "billion_laughs.xml").read_bytes()
    t0 = time.thread_time()  # CPU seconds of this thread (the parser runs in it): load does not stretch them
    items = parse_bytes(data, "bomb.rss")
    assert time.thread_time() - t0 < 1.0
    assert items[0].article is None and "entities" in items[0].error


def test_feed_sniffed_from_content_without_extension():
    data = (FIXTURES / "feed_atom.xml").read_bytes()
    items = parse_bytes(data, "<stdin>")
    assert [i.origin for i in items] == ["<stdin>#entry-1", "<stdin>#entry-2"]


def test_broken_xml_feed_is_one_error_item():
    items = parse_bytes(b"<?xml version='1.0'?><rss><channel><title>x</title>", "broken.xml")
    assert len(items) == 1 and items[0].article is None and items[0].error


def test_entity_declaration_hidden_in_utf16_is_refused():
    data = (FIXTURES / "xxe.xml").read_text(encoding="utf-8").replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    items = parse_bytes(data.encode("utf-16"), "xxe16.xml")
    assert items[0].article is None and "entities" in items[0].error


def test_feedparser_itself_never_resolves_external_entities(tmp_path):
    """Our guard is the first line; this checks the second (feedparser's own parsing) holds too."""
    import io

    import feedparser

    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-7731")
    xml = (FIXTURES / "xxe.xml").read_text(encoding="utf-8").replace("file:///etc/hostname", secret.as_uri())
    parsed = feedparser.parse(io.BytesIO(xml.encode()))
    assert "TOP-SECRET-7731" not in repr(parsed)
