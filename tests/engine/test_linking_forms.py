"""linking._mixed_case_forms (plain dicts of counts) gives the forms of its Counter version."""

from __future__ import annotations

import itertools
import random

from tui.assets import asset
from tui.engine.entities import extract_entities
from tui.engine.entities.linking import _mixed_case_forms, _mixed_case_forms_plain
from tui.engine.types import GPE, PERSON, Entity


def _ents(forms: list[str]) -> list[Entity]:
    return [Entity(k, k + len(f), GPE, f, f) for k, f in enumerate(forms)]


def test_ties_and_majorities_pick_the_form_counters_pick():
    cases = [
        ["Porto", "porto"],  # a tie: the first met
        ["porto", "Porto", "Porto"],  # the most used
        ["PORTO", "Porto", "PORTO"],  # capitals are never a form
        ["New  York", "new york", "New York", "NEW YORK"],  # spacing does not matter
        ["Vera Lind", "vera lind", "Vera lind", "vera lind", "Vera Lind"],
    ]
    rnd = random.Random(7)
    pool = ["Porto", "porto", "PORTO", "Kranj", "kranj", "Vera Lind", "vera lind", "VERA LIND", "Ana  Kent"]
    cases += [[rnd.choice(pool) for _ in range(rnd.randint(0, 12))] for _ in range(300)]
    for forms in cases:
        assert _mixed_case_forms(_ents(forms)) == _mixed_case_forms_plain(_ents(forms)), forms
    assert _mixed_case_forms(_ents(["porto", "Porto"])) == {"porto": "porto"}


def test_same_forms_on_our_articles():
    folder = asset("articles")
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md")]
    texts.append("PORTO, Portugal — The mayor of Porto met Vera Lind. VERA LIND said porto was calm.")
    for text in texts:
        ents = extract_entities(text)
        assert _mixed_case_forms(ents) == _mixed_case_forms_plain(ents)
        assert _mixed_case_forms(ents, [" ".join(e.text.split()) for e in ents]) == _mixed_case_forms_plain(ents)
        people = [e for e in ents if e.label == PERSON]
        for pair in itertools.islice(itertools.permutations(people[:6], 2), 20):
            assert _mixed_case_forms(list(pair)) == _mixed_case_forms_plain(list(pair))
