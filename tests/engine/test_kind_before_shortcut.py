"""kinds.kind_of_name and street_start search a window before a name for a pattern ending in `$` (the lower-case word
before "the ferry Aurora", the street word before "Via del Corso"). Session 26: the window is searched only when the
character right before the name (or before its line break) is one such a match ends with; these check that the
shortcut finds exactly what the search finds, on random texts of the characters that matter and on our sentences."""

from __future__ import annotations

import random

from tui.engine.entities import kinds
from tui.engine.entities.kinds import kind_of_name, street_start

_BITS = list("ab Z\t\n*_.'-ç") + ["ferry ", "Via ", "del ", "the ", "Rua da ", "on "]


def _both(rx, ends_with, text: str, s: int):
    full = rx.search(text, max(0, s - 30), s)
    fast = rx.search(text, max(0, s - 30), s) if kinds._last_before(text, s) in ends_with else None
    return (full and full.span()), (fast and fast.span())


def test_the_shortcut_finds_what_the_search_finds():
    rnd = random.Random(26)
    found = 0
    for _ in range(20000):
        text = "".join(rnd.choice(_BITS) for _ in range(rnd.randint(0, 8)))
        for s in range(len(text) + 1):
            for rx, ends_with in ((kinds._KIND_BEFORE, kinds._KIND_BEFORE_LAST), (kinds._STREET_BEFORE, kinds._BLANKS)):
                full, fast = _both(rx, ends_with, text, s)
                assert full == fast, (text, s, rx.pattern)
                found += full is not None
    assert found > 1000  # the patterns do match often in these texts


def test_names_after_a_vehicle_a_street_word_and_a_line_break_keep_their_kinds():
    text = "Crews boarded the ferry Aurora at dawn. Cafes line Via del Corso in the old town.\nOn Monday ferry\nAurora"
    s = text.index("Aurora")
    assert kind_of_name(text, s, s + 6, "PERSON") == "PRODUCT"  # "the ferry Aurora": a vehicle
    corso = text.index("Corso")
    assert street_start(text, corso) == text.index("Via del")
    last = text.rindex("Aurora")  # "ferry" right before a line break: no blank, no vehicle word read
    assert kinds._last_before(text, last) == "y" and kind_of_name(text, last, last + 6, "PERSON") == "PERSON"
    spaced = "On Monday the ferry \nAurora"  # a blank before the break: `$` matches before it, as the search did
    at = spaced.index("Aurora")
    assert kinds._last_before(spaced, at) == " " and kind_of_name(spaced, at, at + 6, "PERSON") == "PRODUCT"
    assert street_start("Aurora sails", 0) is None and kinds._last_before("Aurora", 0) == ""
