"""bench/quality_outside.py: the markup of our outside-news texts."""

from __future__ import annotations

from bench.quality_outside import (AFTER_RULES, LATEST, NEWEST, S31, S32, S32_AFTER, S33_AFTER, S34_START, S35_START,
                                   S36_START, S37_START, S38_START, TEXTS, ablate, parse, prf)


def test_parse_gives_the_plain_text_and_the_hand_tagged_spans():
    text, spans = parse("Dear [Margaret|PER], [Father|O] is in [Bombay|LOC] with the [Varno Gazette|ORG].")
    assert text == "Dear Margaret, Father is in Bombay with the Varno Gazette."
    assert [(text[s:e], lab) for s, e, lab in spans] == [
        ("Margaret", "PERSON"), ("Bombay", "LOC"), ("Varno Gazette", "ORG")]


def test_every_text_parses_into_names_with_no_markup_left():
    paths = sorted(TEXTS.glob("*.txt"))
    assert len(paths) == 94
    assert set(AFTER_RULES) <= {p.name for p in paths}
    assert set(NEWEST) <= set(AFTER_RULES) and [n[:2] for n in NEWEST] == ["54", "55", "56", "57", "58"]
    assert set(LATEST) <= set(AFTER_RULES) and [n[:2] for n in LATEST] == ["59", "60", "61"]
    assert set(S31) <= {p.name for p in paths} and not set(S31) & set(AFTER_RULES)
    assert [n[:2] for n in S32] == ["68", "69", "70", "71", "72", "73"] and not set(S32) & set(AFTER_RULES)
    assert [n[:2] for n in S32_AFTER] == ["74", "75", "76"] and set(S32_AFTER) <= {p.name for p in paths}
    assert [n[:2] for n in S33_AFTER] == ["77", "78", "79"] and set(S33_AFTER) <= {p.name for p in paths}
    assert [n[:2] for n in S34_START] == ["80", "81", "82"] and set(S34_START) <= {p.name for p in paths}
    assert [n[:2] for n in S35_START] == ["83", "84", "85"] and set(S35_START) <= {p.name for p in paths}
    assert [n[:2] for n in S36_START] == ["86", "87", "88"] and set(S36_START) <= {p.name for p in paths}
    assert [n[:2] for n in S37_START] == ["89", "90", "91"] and set(S37_START) <= {p.name for p in paths}
    assert [n[:2] for n in S38_START] == ["92", "93", "94"] and set(S38_START) <= {p.name for p in paths}
    for path in paths:
        text, spans = parse(path.read_text(encoding="utf-8"))
        assert spans and "|" not in text and "[" not in text, path.name


def test_precision_recall_and_f1_come_from_the_counts():
    assert prf(3, 4, 6) == (0.5, 0.75, 0.6)
    assert prf(0, 4, 0) == (0.0, 0.0, 0.0)


def test_ablate_prints_a_rules_worth_on_our_texts(capsys):
    """--ablate --rules place-end: one line for the rule, its worth on all texts, the ones after every rule and 77-79
    ("Ember Canal", "Tolley Quay", "Saxby Wharf" are organisations or persons without it)."""
    ablate({"place-end"})
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("all rules on: all texts ")
    rows = [line.split() for line in out if line.startswith("place-end ")]
    assert len(rows) == 1 and len(out) == 3
    worth_all, _, worth_latest = (float(x) for x in rows[0][1:4])
    assert worth_all > 0 and worth_latest > 0
