"""The story view's summary process (tui/stories/summary_child.py) imports NLTK's Snowball stemmer and Punkt without
NLTK's package files (light_nltk): `import nltk.stem.snowball` ran nltk/__init__.py, loading its parsers, metrics
and corpus readers, 28 MB of the process's 63 MB, none of it used. Its stems and sentence splits must be those of
NLTK imported whole."""

from __future__ import annotations

import json
import subprocess
import sys

TEXT = ("Dr. Ana Ruiz reached the harbour office at 5 p.m. on Jan. 5, the day the U.S. ferry deal was signed. "
        "She said the port's workers were relieved. \"We kept running the boats,\" she said. Then she left for "
        "St. Ives by the 6.15 train, 1990. then the storms came.")

PROBE = f"""
import json, sys
if sys.argv[1] == "light":
    from tui.stories.summary_child import light_nltk
    assert light_nltk()
from tui.engine.tokens import content_terms
from tui.engine.sentences import split_sentences
text = {TEXT!r}
print(json.dumps({{"terms": content_terms(text), "sentences": [s.text for s in split_sentences(text)],
                  "whole": "nltk.collocations" in sys.modules or "nltk.parse" in sys.modules}}))
"""


def _probe(how: str) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE, how], capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_the_summary_process_stems_and_splits_as_nltk_imported_whole_without_its_package():
    light, whole = _probe("light"), _probe("whole")
    assert whole["whole"] and not light["whole"]  # NLTK's package files did not run
    assert light["terms"] == whole["terms"] and len(light["terms"]) > 10
    assert light["sentences"] == whole["sentences"] and len(light["sentences"]) >= 4, light["sentences"]


def test_a_second_call_or_nltk_imported_already_leaves_it_as_it_is():
    code = ("import sys, nltk.stem.snowball\nfrom tui.stories.summary_child import light_nltk\n"
            "print(light_nltk(), 'nltk.parse' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "True"]
