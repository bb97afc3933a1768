"""Named rules: every hand-written rule of the engine is a unit that can be listed, tested and switched off.

A rule has a name (unique), a stage (where it runs, e.g. "quotes.speaker" or "entities.repair"), a
one-line reason, and our own example sentences: ``changes`` it must change and ``keeps`` it must
leave alone (never phrases from the dev or training data). An example is a text, or a pair
``(text, expected)`` where ``expected`` is what the stage's probe must give with the rule on.

    @rule("quotes.speaker", reason="...", changes=[...], keeps=[...])
    def my_rule(value, *ctx):                # a transform: returns the (possibly) new value
        ...

    value = apply("quotes.speaker", value, *ctx)   # the runner: the stage's rules, in registration order
    if enabled("my-rule"): ...                       # a guard, for a rule that is a branch of a function

Each stage registers one *probe* (``probe("quotes.speaker")(fn)``): text in, a comparable result out
(e.g. the (quote, speaker) pairs). tests/engine/test_rules.py runs every rule's examples through its
stage's probe with the rule on and off: a ``changes`` example must differ, a ``keeps`` example must not.

Switching off: ``NEWSREADER_RULES_OFF="name,name"`` in the environment (read at import), or
``with disabled("name"):`` in code (the ablation benches). Cached analyses do not know which rules
were off: the benches run the engine directly, never through the cache.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

# the packages whose import registers their rules and probes (see load()): the engine's, and the story facts' turn
RULE_PACKAGES = ("tui.engine.entities", "tui.engine.quotes", "tui.engine.sentences", "tui.stories.facts")


@dataclass(frozen=True)
class Example:
    """One example sentence of a rule; `expected` (optional) is the probe's result with the rule on."""

    text: str
    expected: Any = None


@dataclass(frozen=True)
class Rule:
    """A named, documented, switchable rule."""

    name: str
    stage: str
    reason: str
    fn: Callable[..., Any] | None = None  # None for a guard rule (checked with enabled(name))
    changes: tuple[Example, ...] = field(default=())
    keeps: tuple[Example, ...] = field(default=())

    def __call__(self, value: Any, *ctx: Any) -> Any:
        """Apply the rule (whether or not it is switched off: the runner checks that)."""
        if self.fn is None:
            raise TypeError(f"rule {self.name} is a guard, not a transform")
        return self.fn(value, *ctx)


def _examples(items: Iterable[Any]) -> tuple[Example, ...]:
    out = []
    for it in items:
        out.append(it if isinstance(it, Example) else Example(*it) if isinstance(it, tuple) else Example(it))
    return tuple(out)


class Registry:
    """Rules and probes by name and stage; a set of names switched off."""

    def __init__(self, off: Iterable[str] = ()) -> None:
        self.rules: dict[str, Rule] = {}
        self.probes: dict[str, Callable[[str], Any]] = {}
        self.off: set[str] = set(off)

    def add(self, r: Rule) -> Rule:
        """Register a rule; a second rule with the same name is an error."""
        if r.name in self.rules and self.rules[r.name] is not r:
            raise ValueError(f"two rules named {r.name!r}")
        if "\n" in r.reason.strip() or not r.reason.strip():
            raise ValueError(f"rule {r.name!r}: the reason is one non-empty line")
        self.rules[r.name] = r
        return r

    def stage(self, stage: str) -> list[Rule]:
        """The rules of a stage, in registration order."""
        return [r for r in self.rules.values() if r.stage == stage]

    def enabled(self, name: str) -> bool:
        """Is the rule on? (An unknown name is an error, so a typo cannot silently switch a rule off.)"""
        if name not in self.rules:
            raise KeyError(f"no rule named {name!r}")
        return name not in self.off

    def apply(self, stage: str, value: Any, *ctx: Any) -> Any:
        """Run the stage's transform rules that are on, in order, each on the previous one's result."""
        for r in self.stage(stage):
            if r.fn is not None and r.name not in self.off:
                value = r.fn(value, *ctx)
        return value

    @contextmanager
    def disabled(self, *names: str) -> Iterator[None]:
        """Switch rules off for the duration of a `with` block."""
        saved = set(self.off)
        self.off |= set(names)
        try:
            yield
        finally:
            self.off = saved


REGISTRY = Registry(n.strip() for n in os.environ.get("NEWSREADER_RULES_OFF", "").split(",") if n.strip())


def rule(stage: str, reason: str, changes: Iterable[Any] = (), keeps: Iterable[Any] = (),
         name: str | None = None, registry: Registry = REGISTRY) -> Callable[[Callable[..., Any]], Rule]:
    """Decorator: register a transform rule named after its function (underscores become hyphens)."""
    def wrap(fn: Callable[..., Any]) -> Rule:
        return registry.add(Rule(name or fn.__name__.strip("_").replace("_", "-"), stage, reason, fn,
                                 _examples(changes), _examples(keeps)))
    return wrap


def guard(name: str, stage: str, reason: str, changes: Iterable[Any] = (), keeps: Iterable[Any] = (),
          registry: Registry = REGISTRY) -> Rule:
    """Register a guard rule: a branch inside a function, taken only when ``enabled(name)``."""
    return registry.add(Rule(name, stage, reason, None, _examples(changes), _examples(keeps)))


def probe(stage: str, registry: Registry = REGISTRY) -> Callable[[Callable[[str], Any]], Callable[[str], Any]]:
    """Decorator: the stage's probe, text in, a comparable result out (used by the example tests)."""
    def wrap(fn: Callable[[str], Any]) -> Callable[[str], Any]:
        registry.probes[stage] = fn
        return fn
    return wrap


def enabled(name: str) -> bool:
    """Is the named rule on in the default registry?"""
    return REGISTRY.enabled(name)


def apply(stage: str, value: Any, *ctx: Any) -> Any:
    """Run a stage's rules of the default registry (see Registry.apply)."""
    return REGISTRY.apply(stage, value, *ctx)


def disabled(*names: str):
    """Context manager: switch rules of the default registry off (see Registry.disabled)."""
    return REGISTRY.disabled(*names)


def all_rules() -> list[Rule]:
    """Every registered rule of the default registry, after loading the engine packages."""
    load()
    return list(REGISTRY.rules.values())


def load() -> None:
    """Import the engine packages so that their rules and probes are registered."""
    for pkg in RULE_PACKAGES:
        importlib.import_module(pkg)
