"""bench/engine_identity.py --shortcuts: every speed shortcut agrees with its plain computation, and the check
would notice one that does not (on our own texts only: the sample articles and generated ones)."""

from __future__ import annotations

import re

from bench import engine_identity
from tui.engine.entities import tokens


def test_every_shortcut_agrees_with_its_plain_computation(tmp_path):
    bad = engine_identity.shortcut_differences(tmp_path / "no-eval", quick=True)
    assert bad == {"tagger": 0, "rules": 0, "rule_needs": 0, "tokens": 0, "boilerplate": 0, "abbreviations": 0,
                   "voice": 0}


def test_a_shortcut_that_changes_the_result_is_counted(tmp_path, monkeypatch):
    monkeypatch.setattr(tokens, "_TOKEN", re.compile(r"\S+"))
    assert engine_identity.shortcut_differences(tmp_path / "no-eval", quick=True)["tokens"] > 0


def test_a_rule_skipped_wrongly_is_counted(tmp_path, monkeypatch):
    from tui.engine.entities import rules

    monkeypatch.setattr(rules, "_NEEDS", {"CARDINAL": ("no text holds this",)})  # skips a rule that does match
    assert engine_identity.shortcut_differences(tmp_path / "no-eval", quick=True)["rule_needs"] > 0
