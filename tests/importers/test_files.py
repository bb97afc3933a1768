"""Encodings, bad files, directories, stdin: every problem is one item with a reason."""

import io
import os
import sys
from pathlib import Path

import pytest

from tui.importers import import_paths, parse_bytes
from tui.importers import decode as decode_mod

FIXTURES = Path(__file__).parent / "fixtures"
STORY = "Café Owners Fight Rent Rise\n\nThe owners of Café Rosé in Málaga said the rent “doubled overnight” — a rise of 100%.\n"


@pytest.mark.parametrize(
    "data",
    [
        STORY.encode("utf-8"),
        b"\xef\xbb\xbf" + STORY.encode("utf-8"),
        STORY.encode("utf-16"),  # with BOM
        STORY.encode("utf-16-le"),  # without BOM
        STORY.encode("utf-16-be"),
        STORY.encode("cp1252"),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16le", "utf16be", "cp1252"],
)
def test_encodings_decode_to_the_same_article(data):
    item = parse_bytes(data, "story.txt")[0]
    assert item.error is None
    assert item.article.title == "Café Owners Fight Rent Rise"
    assert item.article.body == "The owners of Café Rosé in Málaga said the rent “doubled overnight” — a rise of 100%."


def test_latin1_text_is_detected():
    text = "Schöne Grüße aus Köln\n\nDer Bürgermeister sagte, die Brücke über den Fluss werde im März geöffnet.\n"
    item = parse_bytes(text.encode("latin-1"), "koeln.txt")[0]
    assert item.article.body.startswith("Der Bürgermeister sagte, die Brücke")


@pytest.mark.parametrize(
    "data,kind",
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(200), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF document"),
        (b"PK\x03\x04" + bytes(100), "ZIP archive"),
        (b"\x7fELF\x02\x01\x01" + bytes(100), "ELF executable"),
        (b"\x1f\x8b\x08\x00" + bytes(50), "gzip archive"),
        (bytes(range(256)) * 4, "binary data"),
    ],
)
def test_binary_files_are_skipped_with_their_kind(data, kind):
    item = parse_bytes(data, "thing.txt")[0]
    assert item.article is None
    assert item.error == f"binary file ({kind})"  # add says "skipped", a summary skips nothing


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  \r\n"])
def test_empty_files(data):
    assert parse_bytes(data, "empty.txt")[0].error == "empty file"


def test_oversize_file_is_skipped_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr("tui.importers.dispatch.MAX_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text("Title\n\n" + "word " * 500)
    items = list(import_paths([str(big)]))
    assert items[0].article is None and items[0].error.startswith("larger than")


def test_oversize_stream_reads_at_most_the_limit_plus_one(monkeypatch):
    monkeypatch.setattr("tui.importers.dispatch.MAX_BYTES", 1000)

    class Counting(io.BytesIO):
        asked = []

        def read(self, n=-1):
            self.asked.append(n)
            return super().read(n)

    stream = Counting(b"x" * 5000)
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": stream})())
    items = list(import_paths(["-"]))
    assert items[0].origin == "<stdin>" and items[0].error.startswith("larger than")
    assert stream.asked == [1001]


def test_real_size_limit_is_20_mb():
    assert decode_mod.MAX_BYTES == 20 * 1024 * 1024


def test_stdin_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", type("S", (), {"buffer": io.BytesIO(STORY.encode())})())
    items = list(import_paths(["-"]))
    assert items[0].origin == "<stdin>"
    assert items[0].article.title == "Café Owners Fight Rent Rise"


def test_directory_mixed_good_and_bad(tmp_path):
    (tmp_path / "b_story.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "a_note.md").write_text("# Short Note\n\nA council meeting was moved to Thursday.\n", encoding="utf-8")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_image.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "e_ignored.jpg").write_bytes(b"\xff\xd8\xff" + bytes(64))
    (tmp_path / ".hidden.txt").write_text(STORY, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "feed.xml").write_bytes((FIXTURES / "feed_atom.xml").read_bytes())
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(STORY, encoding="utf-8")

    items = list(import_paths([str(tmp_path), str(tmp_path / "missing.txt")]))
    got = [(os.path.relpath(i.origin, tmp_path), i.error) for i in items]
    assert got == [
        ("a_note.md", None),
        ("b_story.txt", None),
        ("c_empty.txt", "empty file"),
        ("d_image.html", "binary file (PNG image)"),
        ("sub/feed.xml#entry-1", None),
        ("sub/feed.xml#entry-2", None),
        ("missing.txt", "no such file or directory"),
    ]


def test_unreadable_url_is_one_clean_error():
    items = list(import_paths(["http://127.0.0.1:9/article.html"]))
    assert len(items) == 1 and items[0].article is None
    assert items[0].error == "could not connect (offline, or the server is down)"  # as `feed add` says it
    assert "\n" not in items[0].error


def test_json_export_round_trip():
    data = b'[{"title": "One", "body": "First para.\\n\\nSecond para.", "tags": ["A"], "published": "2025-01-02"}, {"title": "Bad"}]'
    items = parse_bytes(data, "export.json")
    assert items[0].article.body == "First para.\n\nSecond para."
    assert items[0].article.published == "2025-01-02"
    assert items[1].article is None and "body" in items[1].error


def test_importers_do_not_pull_in_textual_or_heavy_libraries():
    import subprocess

    code = (
        "import sys; from tui.importers import import_paths, parse_text;"
        "parse_text('T\\n\\nbody');"
        "bad=[m for m in ('textual','trafilatura','feedparser','nltk','charset_normalizer') if m in sys.modules];"
        "print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "[]"


def test_url_import_from_a_local_server():
    from tests.sources.feedserver import Site

    site = Site()
    site.routes["/feed"] = (200, {"Content-Type": "application/atom+xml"}, (FIXTURES / "feed_atom.xml").read_bytes())
    site.routes["/ferry"] = (200, {"Content-Type": "text/html; charset=utf-8"}, (FIXTURES / "page.html").read_bytes())
    try:
        base = site.base
        page_item, *feed_items = import_paths([f"{base}/ferry", f"{base}/feed"])
    finally:
        site.close()
    assert page_item.origin == f"{base}/ferry"
    assert page_item.article.title == "Ferry Service Returns to Island After Storm Repairs"
    assert page_item.article.url == f"{base}/ferry"
    assert [i.origin for i in feed_items] == [f"{base}/feed#entry-1", f"{base}/feed#entry-2"]
    assert feed_items[0].article.url == "https://example.org/cod"


@pytest.mark.parametrize(
    "text,encoding",
    [
        ("Выборы в городе\n\nГородской совет утвердил бюджет на следующий год, сообщил мэр Иван Петров.\n", "cp1251"),
        ("Wybory w mieście\n\nRada miejska zatwierdziła budżet na przyszły rok, powiedział burmistrz Łukasz Żak.\n", "cp1250"),
    ],
    ids=["cp1251", "cp1250"],  # Greek CP1253 is read as Cyrillic by charset-normalizer: a known gap
)
def test_non_western_legacy_encodings_are_not_read_as_cp1252(text, encoding):
    item = parse_bytes(text.encode(encoding), "story.txt")[0]
    assert item.error is None
    assert item.article.title == text.split("\n")[0]


def test_utf16_bom_followed_by_nul_is_not_taken_for_utf32():
    data = "\x00Harbour Fees Rise\n\nFees at the harbour rise by 4% in May.\n".encode("utf-16")
    item = parse_bytes(data, "fees.txt")[0]
    assert item.article.title == "Harbour Fees Rise"


def test_pathlib_paths_are_accepted():
    items = list(import_paths([FIXTURES / "plain.txt"]))
    assert items[0].article.title == "Village Library Reopens After Flood Repairs"


@pytest.mark.parametrize("stray", [b"\xe9", b"\xff", b"\x81", b"\x92"], ids=["latin1-e", "ff", "81", "cp1252-quote"])
@pytest.mark.parametrize("text", [
    STORY.replace("100%.", "100%. \u202eIts owner \u2066Rosa Lind\u2069 said so.\u202c"),  # bidi controls in it
    "Ferry fares rise\n\nThe ferry fares rise again on Monday, said \u202eRosa Lind\u202c of the harbour board.\n",
], ids=["accents-and-bidi", "bidi-only"])
def test_utf8_with_a_stray_byte_of_another_encoding_is_read_as_utf8(text, stray):
    # cli38: strict UTF-8 failed on the one stray byte, and the whole file was read as Mac Roman, CP1252 or CP1256:
    # "Caf√©", "â€®" (a bidi control's three bytes as letters), "cafﺃﺏ"; the stray byte alone is lost now
    data = text.encode("utf-8") + b"\n\nOne more line" + stray + b" at the end.\n"
    item = parse_bytes(data, "story.txt")[0]
    assert item.error is None
    assert item.article.title == text.split("\n")[0]
    assert item.article.body.startswith(text.split("\n\n", 1)[1].strip().split("\n")[0][:40])
    assert item.article.body.endswith("One more line\ufffd at the end.")


def test_a_text_mostly_of_another_encoding_is_not_read_as_utf8():
    # a CP1252 text (seven letters and marks of single bytes) with three UTF-8 characters pasted in: not "mostly
    # UTF-8", so its own letters are not all lost to U+FFFD
    data = STORY.encode("cp1252") + "\n\nPrices in €: see the “menu”.\n".encode("utf-8")
    item = parse_bytes(data, "story.txt")[0]
    assert "\ufffd" not in item.article.title
