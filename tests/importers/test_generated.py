"""Generated inputs (seeded, so failures replay): the import contract holds for any bytes
under any file name -- one item or more, each an article or a one-line reason, and
articles carry no control characters."""

import random
import re

import pytest

from tui.importers import parse_bytes, parse_text

NAMES = ["a.txt", "a.md", "a.html", "a.xml", "a.json", "<stdin>", "noext"]
# Pieces that steer inputs into every importer and its edge cases.
PIECES = [
    "Latin America World\n", "Title\n", "Title\n", "Source: AFP\n", "  • Published January 14, 2026\n",
    "Rio Times Staff\n", "The Rio Times publishes letters, opinions, and tips submissions as a public service.\n",
    "---\ntitle: x\n---\n", "# Head\n", "*a* _b_ [c](d) ![e](f) [b][i]x[/i][/b]\n", "<html><body><p>",
    "</p></body></html>", "<?xml version='1.0'?><rss><channel><item><title>t</title><description>d</description>"
    "</item></channel></rss>", "\x1b[31m", "\x1b]0;x\x07", "\x00", "\r\n", "\ufeff", "\u2028", "[bold]", "\n\n",
    "word " * 30, "é", "“", "\t", "\x85", "\x9b1m",
]
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def make_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 25)):
        if rng.random() < 0.7:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(chr(rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF)])) for _ in range(rng.randint(1, 30))))
    return "".join(parts)


def check(items):
    assert items
    for item in items:
        assert (item.article is None) != (item.error is None)
        if item.error is not None:
            assert item.error.strip() and "\n" not in item.error
            assert not item.error.startswith("could not parse"), item.error  # an importer crashed
            continue
        a = item.article
        assert a.body.strip()
        for field in (a.title, a.body, a.source, a.byline, *a.tags):
            assert not _CONTROL.search(field.replace("\n", "")), repr(field)
        assert all(p and p == p.strip() for p in a.body.split("\n\n")), repr(a.body)


@pytest.mark.parametrize("seed", range(4))
def test_generated_text_in_every_encoding(seed):
    rng = random.Random(seed)
    for _ in range(60):
        text = make_text(rng)
        encoding = rng.choice(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"])
        check(parse_bytes(text.encode(encoding, errors="replace"), rng.choice(NAMES)))


@pytest.mark.parametrize("seed", range(4))
def test_random_bytes(seed):
    rng = random.Random(1000 + seed)
    for _ in range(60):
        data = bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 600)))
        check(parse_bytes(data, rng.choice(NAMES)))


def test_parse_text_always_gives_clean_paragraphs():
    rng = random.Random(7)
    for _ in range(300):
        a = parse_text(make_text(rng))
        assert not _CONTROL.search((a.title + a.body).replace("\n", ""))
        assert a.body == "" or all(p and p == p.strip() for p in a.body.split("\n\n"))
