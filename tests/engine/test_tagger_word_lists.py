"""The tagger's word lists are those its shipped weights learned under (tagger.LEARNED_UNDER), and `newsreader doctor`
says so when they are not (session 28's measuring fault: weights learned without pycountry's country and subdivision
names scored 90.53 on the time split, read with them 90.16)."""

from __future__ import annotations

from tui.doctor import report_lines
from tui.engine import lexicon as lexicon_mod
from tui.engine.entities import tagger


def _without_pycountry(monkeypatch) -> None:
    monkeypatch.setattr(lexicon_mod, "_pycountry_names", lambda: (set(), set()))
    monkeypatch.setattr(lexicon_mod, "_LEXICON", None)  # rebuilt on next use; the real one comes back after


def test_the_word_lists_are_those_the_shipped_weights_learned():
    # Fails when a list the tagger reads (first_names.txt, places.txt, ...) changed without training again
    # (bench/train_ner.py prints the value to put in LEARNED_UNDER), or when pycountry is missing or another version.
    assert lexicon_mod.lexicon().tagger_fingerprint() == tagger.LEARNED_UNDER
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
