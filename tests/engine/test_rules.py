"""The rule registry: its mechanics on a private registry, and every registered rule's own examples."""

from __future__ import annotations

import pytest

from tui.engine import rules
from tui.engine.rules import Registry, guard, probe, rule


def _cases():
    out = []
    for r in rules.all_rules():
        out += [pytest.param(r, ex, True, id=f"{r.name}-changes-{i}") for i, ex in enumerate(r.changes)]
        out += [pytest.param(r, ex, False, id=f"{r.name}-keeps-{i}") for i, ex in enumerate(r.keeps)]
    return out


@pytest.mark.parametrize("r, example, must_change", _cases())
def test_rule_example(r, example, must_change):
    """A `changes` example comes out differently with the rule off; a `keeps` example does not."""
    run = rules.REGISTRY.probes[r.stage]
    on = run(example.text)
    with rules.disabled(r.name):
        off = run(example.text)
    if must_change:
        assert on != off, f"{r.name} does not change {example.text!r}: {on!r}"
    else:
        assert on == off, f"{r.name} changes {example.text!r}: {off!r} -> {on!r}"
    if example.expected is not None:
        assert on == example.expected


def test_every_rule_is_documented_and_has_both_kinds_of_example():
    found = rules.all_rules()
    assert found, "no rule registered"
    for r in found:
        assert r.reason and "\n" not in r.reason
        assert r.changes and r.keeps, f"{r.name} needs an example it changes and one it leaves alone"
        assert r.stage in rules.REGISTRY.probes, f"stage {r.stage} of {r.name} has no probe"


def test_runner_applies_a_stage_in_order_and_skips_rules_switched_off():
    reg = Registry()

    @rule("demo", "doubles", registry=reg)
    def double(v):
        return v * 2

    @rule("demo", "adds one", registry=reg)
    def add_one(v):
        return v + 1

    @rule("other", "never runs in demo", registry=reg)
    def zero(v):
        return 0

    assert [r.name for r in reg.stage("demo")] == ["double", "add-one"]
    assert reg.apply("demo", 5) == 11
    with reg.disabled("double"):
        assert reg.apply("demo", 5) == 6
        assert not reg.enabled("double")
    assert reg.apply("demo", 5) == 11 and reg.enabled("double")


def test_guards_probes_and_mistakes():
    reg = Registry(off={"g"})
    g = guard("g", "demo", "a branch", changes=["x"], keeps=[("y", 1)], registry=reg)
    assert g.keeps[0].expected == 1 and g.changes[0].text == "x"
    assert not reg.enabled("g")
    with pytest.raises(KeyError):
        reg.enabled("no-such-rule")
    with pytest.raises(ValueError):
        guard("g", "demo", "same name again", registry=reg)
    with pytest.raises(ValueError):
        guard("h", "demo", "two\nlines", registry=reg)
    with pytest.raises(TypeError):
        g(1)

    @probe("demo", registry=reg)
    def words(text):
        return text.split()

    assert reg.probes["demo"]("a b") == ["a", "b"]


def test_switched_off_from_the_environment():
    import subprocess
    import sys
    code = "from tui.engine import rules; print(sorted(rules.REGISTRY.off))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"NEWSREADER_RULES_OFF": "a, b", "PATH": ""}).stdout
    assert out.strip() == "['a', 'b']"
