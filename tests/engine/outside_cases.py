"""What the outside-news tests of each session (test_outside_news_s31, _s32) share: one test case per name a reader
expects in a hand-tagged text of bench/outside_news, with its kind and its exact span, and the engine's names of each
text, found once."""

from __future__ import annotations

from collections import Counter

import pytest

from bench.quality_outside import SCORED, TEXTS, parse
from tui.engine.entities import extract_entities, to_scorer_label


def name_cases(files, wrong: dict, wrong_mention: dict | None = None) -> list:
    """pytest params (file, start, end, label) of every scored name of `files`. `wrong`: (file, name, kind) -> what a
    reader sees instead, in every mention; `wrong_mention`: (file, name, kind, mention number from 1) -> the same,
    for one mention. Those are strict xfails (kind: the label, "PER" for a person)."""
    out = []
    for name in files:
        text, gold = parse((TEXTS / name).read_text(encoding="utf-8"))
        seen: Counter = Counter()
        for s, e, label in gold:
            if label not in SCORED:
                continue
            seen[text[s:e]] += 1
            kind = {"PERSON": "PER"}.get(label, label)
            said = wrong.get((name, text[s:e], kind)) or (wrong_mention or {}).get((name, text[s:e], kind,
                                                                                    seen[text[s:e]]))
            marks = [pytest.mark.xfail(strict=True, reason=f"read as {said}")] if said else []
            out.append(pytest.param(name, s, e, label, marks=marks, id=f"{name[:2]}-{text[s:e]}-{seen[text[s:e]]}"))
    return out


_FOUND: dict[str, set[tuple[int, int, str]]] = {}


def names_in(name: str) -> tuple[str, set[tuple[int, int, str]]]:
    """The text of bench/outside_news/`name` and the engine's names in it: (start, end, scorer label)."""
    text, _ = parse((TEXTS / name).read_text(encoding="utf-8"))
    if name not in _FOUND:
        _FOUND[name] = {(e.start, e.end, to_scorer_label(e.label)) for e in extract_entities(text)}
    return text, _FOUND[name]


def assert_found(name: str, start: int, end: int, label: str) -> None:
    text, names = names_in(name)
    assert (start, end, label) in names, [(text[s:e], lab) for s, e, lab in names if s < end and start < e]


def assert_rule_finds(name: str, words: str, label: str, rule: str) -> None:
    """Every mention of `words` in bench/outside_news/`name` is found with `label`, and some mention not with `rule`
    off."""
    from tui.engine.rules import disabled

    text, found = names_in(name)
    at = [i for i in range(len(text)) if text.startswith(words, i)]
    assert at, words
    for i in at:
        assert (i, i + len(words), label) in found, (words, i)
    with disabled(rule):
        off = {(e.start, e.end, to_scorer_label(e.label)) for e in extract_entities(text)}
    assert any((i, i + len(words), label) not in off for i in at), (words, rule)
