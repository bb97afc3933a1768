"""Issue 14 item 10: hostile texts that made entity extraction quadratic.

'Harbour ' x 40,000 took 32 s and 'Acme Corp. ' x 20,000 36 s (one rule rebuilt a list per word of a
giant name), 950 KB of datelines 10.5 s (a rule counted over the whole text per candidate). At 200 KB a
quadratic stage takes minutes while the linear engine needs a few seconds even on a busy machine, so a
generous bound in a child process catches the fault without timing anything fine-grained
(bench/measures/adversarial.py measures the real speed).
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SIZE = 200_000
BOUND_S = 40.0  # linear: ~2-5 s here under load; quadratic: 100 s and more

CASES = {
    "repeated_name": "Harbour ",
    "repeated_company": "Acme Corp. ",
    "datelines": "LONDON (Reuters) - Shares in Acme Holdings rose on Tuesday, traders said.\n",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_entity_extraction_stays_linear_on_repetitive_text(name):
    code = textwrap.dedent(f"""
        import time
        from tui.engine.entities import extract_entities
        extract_entities("Warm-up: Ada Lovelace met Charles Babbage in London.")
        unit = {CASES[name]!r}
        text = (unit * ({SIZE} // len(unit) + 1))[:{SIZE}]
        t0 = time.perf_counter()
        ents = extract_entities(text)
        assert all(text[e.start:e.end] == e.text for e in ents)
        print(time.perf_counter() - t0)
    """)
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=BOUND_S + 30,
                             check=True).stdout
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: entity extraction of {SIZE} characters did not finish in {BOUND_S + 30:.0f} s")
    assert float(out.strip()) < BOUND_S, f"{name}: {out.strip()} s for {SIZE} characters"
