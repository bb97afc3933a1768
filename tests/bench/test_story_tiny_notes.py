"""bench/story_tiny_notes.py: a text's first sentence read as a pasted note, scored against other texts (the null) and
against the rest of its own text, by band of the note's terms."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.story_tiny_notes import band, scores  # noqa: E402

# Our own invented texts: two about one town's pier, one about a mountain railway elsewhere.
TEXTS = [
    "Brenmoor pier will keep its moorings. The Brenmoor harbour board said the pier moorings would stay after the "
    "storm, and harbour master Tove Brand said repairs to the pier would start in spring.",
    "Wardle funicular reopens after repairs. The Wardle funicular carried its first passengers up the hill on Friday "
    "after a winter of repairs to its cable and cars, the railway's owners said.",
    "Brenmoor ferry crews strike over shifts. Ferry crews in Brenmoor walked out over night shifts, and the boats "
    "stayed at the pier, harbour master Tove Brand said.",
]


def test_bands():
    assert [band(n) for n in (1, 5, 6, 10, 11, 20, 21, 300)] == ["<=5", "<=5", "6-10", "6-10", "11-20", "11-20",
                                                                   "21+", "21+"]


def test_a_note_scores_high_with_its_own_text_and_its_town_and_low_with_another_place():
    null, own = scores(TEXTS, partners=3)
    owns = [x for xs in own.values() for x in xs]
    nulls = sorted(x for xs in null.values() for x in xs)
    assert len(owns) == 3 and min(owns) > 0.1  # each note shares its words with the rest of its own text
    assert len(nulls) == 6  # each note against the two other texts
    # the two Brenmoor notes meet each other's text well above the join level (0.08), and every other pair (the
    # funicular and the town: one common word at most) below it
    assert all(x < 0.08 for x in nulls[:4]) and all(x > 0.3 for x in nulls[4:])
