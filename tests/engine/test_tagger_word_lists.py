"""The tagger's word lists are those its shipped weights learned under (tagger.LEARNED_UNDER), and `newsreader doctor`
says so when they are not (session 28's measuring fault: weights learned without pycountry's country and subdivision
names scored 90.53 on the time split, read with them 90.16)."""

from __future__ import annotations

import re

import pytest

from tui.doctor import report_lines
from tui.engine import lexicon as lexicon_mod
from tui.engine.entities import tagger


def _without_pycountry(monkeypatch) -> None:
    monkeypatch.setattr(lexicon_mod, "_pycountry_names", lambda: (set(), set()))
    monkeypatch.setattr(lexicon_mod, "_LEXICON", None)  # rebuilt on next use; the real one comes back after


def test_the_word_lists_are_those_the_shipped_weights_learned():
    # Fails when a list the tagger reads (first_names.txt, places.txt, ...) changed without training again
    # (bench/train_ner.py prints the value to put in LEARNED_UNDER), or when pycountry is missing or another version.
    assert lexicon_mod.lexicon().learned_fingerprint() == tagger.LEARNED_UNDER
    assert tagger.word_lists_as_learned()


def test_a_list_the_tagger_does_not_read_leaves_the_fingerprint_alone(monkeypatch):
    import dataclasses

    full = lexicon_mod.lexicon()
    changed = dataclasses.replace(full, street_words=full.street_words | {"wynd"})  # a rule's list, not a feature's
    assert changed.tagger_fingerprint() == full.tagger_fingerprint()
    assert changed.fingerprint() != full.fingerprint()
    more = dataclasses.replace(full, first_names=full.first_names | {"zebedee"})
    assert more.tagger_fingerprint() != full.tagger_fingerprint()


def test_doctor_warns_when_the_word_lists_differ(monkeypatch):
    assert not [ln for ln in report_lines() if "word lists" in ln]
    _without_pycountry(monkeypatch)
    assert not tagger.word_lists_as_learned()
    warned = [ln for ln in report_lines() if "word lists" in ln]
    assert len(warned) == 1 and warned[0].startswith("warning:") and "pycountry not installed" in warned[0]


def test_a_lists_comment_is_no_entry():
    # Until session 35 first_names.txt opened with "#" alone and its comment one word a line below it, so "common",
    # "given", "across", "many", "languages" and "own" were given names to the tagger's "first" feature and the rules.
    first = lexicon_mod.lexicon().first_names
    assert "james" in first
    assert not lexicon_mod.LEARNED_FIRST_NAMES & first
    assert not lexicon_mod.LEARNED_FIRST_NAMES & dict(lexicon_mod.lexicon().tagger_lists())["first"]


def test_the_check_counts_the_words_the_weights_learned_by_mistake():
    # The shipped weights learned with the nine words; LEARNED_UNDER says so, and the lists read without them pass.
    full = lexicon_mod.lexicon()
    assert full.tagger_fingerprint() != tagger.LEARNED_UNDER
    assert full.learned_fingerprint() == tagger.LEARNED_UNDER
    import dataclasses

    as_learned = dataclasses.replace(full, first_names=full.first_names | lexicon_mod.LEARNED_FIRST_NAMES)
    assert as_learned.tagger_fingerprint() == tagger.LEARNED_UNDER


@pytest.mark.parametrize("text, wrong", [
    ("Many Brenmoor residents stayed at home on Sunday.", "Many Brenmoor"),
    ("Given Harwell's record, the board agreed to wait.", "Given Harwell"),
    ("Many Tolverne families left before the storm.", "Many Tolverne"),
    ("Across the valley, Many said nothing.", "Many"),
])
def test_an_opening_word_of_the_old_comment_makes_no_person(text, wrong):
    from tui.engine.entities import extract_entities

    people = [e.text for e in extract_entities(text) if e.label == "PERSON"]
    assert wrong not in people


def test_real_given_names_still_make_persons():
    from tui.engine.entities import extract_entities

    people = [e.text for e in extract_entities("Aldwin Farrow warned the council on Monday.") if e.label == "PERSON"]
    assert people == ["Aldwin Farrow"]
def test_no_list_entry_is_a_spilled_comment():
    # A word list's entries are names or words, never a bracket or a sentence's end: those come from a comment whose
    # lines lost their "#".
    from tui.assets import asset

    folder = asset("models")
    for path in sorted(folder.glob("*.txt")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            entry = line.split("#", 1)[0].strip()
            if re.fullmatch(r"\[\w+\]", entry):  # a section heading of entity_words.txt / quote_words.txt
                continue
            assert not any(ch in entry for ch in "()[]"), f"{path.name}:{number}: {line!r}"
