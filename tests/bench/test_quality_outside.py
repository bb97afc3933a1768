"""bench/quality_outside.py: the markup of our outside-news texts."""

from __future__ import annotations

from bench.quality_outside import TEXTS, parse


def test_parse_gives_the_plain_text_and_the_hand_tagged_spans():
    text, spans = parse("Dear [Margaret|PER], [Father|O] is in [Bombay|LOC] with the [Varno Gazette|ORG].")
    assert text == "Dear Margaret, Father is in Bombay with the Varno Gazette."
    assert [(text[s:e], lab) for s, e, lab in spans] == [
        ("Margaret", "PERSON"), ("Bombay", "LOC"), ("Varno Gazette", "ORG")]


def test_every_text_parses_into_names_with_no_markup_left():
    paths = sorted(TEXTS.glob("*.txt"))
    assert len(paths) == 20
    for path in paths:
        text, spans = parse(path.read_text(encoding="utf-8"))
        assert spans and "|" not in text and "[" not in text, path.name
