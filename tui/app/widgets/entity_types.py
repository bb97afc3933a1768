"""The six entity colours of the UI and which engine labels fall under each."""

from __future__ import annotations

# (key, legend name, plural heading, engine labels); the key names the CSS component class.
# Labels as tui.engine.types spells them (written out: importing the engine module before the
# first paint costs more than it is worth; tests/ui/test_text_layout.py checks they match).
TYPES: list[tuple[str, str, str, frozenset[str]]] = [
    ("person", "Person", "People", frozenset({"PERSON"})),
    ("org", "Org", "Organisations", frozenset({"ORG"})),
    ("place", "Place", "Places", frozenset({"GPE", "LOC", "FAC"})),
    ("date", "Date", "Dates and times", frozenset({"DATE", "TIME"})),
    ("number", "Number", "Money and quantities", frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})),
    ("other", "Other", "Other", frozenset()),  # everything else: groups, events, products ...
]
KEYS = [key for key, *_ in TYPES]


def type_of(label: str) -> str:
    """The UI type key ("person", "place" ...) of an engine label."""
    for key, _name, _heading, labels in TYPES:
        if label in labels:
            return key
    return "other"
