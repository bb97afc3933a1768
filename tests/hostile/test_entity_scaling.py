"""Issue 14 item 10: hostile texts that made entity extraction quadratic.

'Harbour ' x 40,000 took 32 s and 'Acme Corp. ' x 20,000 36 s (one rule rebuilt a list per word of a
giant name), 950 KB of datelines 10.5 s (a rule counted over the whole text per candidate). At 200 KB a
quadratic stage takes minutes while the linear engine needs a few seconds of CPU, so a generous CPU bound
on a child process (tests/cpu_bound.py: CPU seconds, which load does not stretch as it does wall seconds)
catches the fault without timing anything fine-grained (bench/measures/adversarial.py measures the real speed).
"""

from __future__ import annotations

import pytest
from cpu_bound import run_cpu_bounded

SIZE = 200_000
BOUND_S = 40.0  # CPU seconds of the child, imports included: linear ~2-4 s; quadratic: 100 s and more

CASES = {
    "repeated_name": "Harbour ",
    "repeated_company": "Acme Corp. ",
    "datelines": "LONDON (Reuters) - Shares in Acme Holdings rose on Tuesday, traders said.\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_entity_extraction_stays_linear_on_repetitive_text(name):
    code = f"""
        from tui.engine.entities import extract_entities
        unit = {CASES[name]!r}
        text = (unit * ({SIZE} // len(unit) + 1))[:{SIZE}]
        ents = extract_entities(text)
        assert all(text[e.start:e.end] == e.text for e in ents)
    """
    run = run_cpu_bounded(code, BOUND_S, f"{name}: entity extraction of {SIZE} characters")
    print(f"{name}: {run.cpu:.1f} s of CPU")
