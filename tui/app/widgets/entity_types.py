"""The six entity colours of the UI and which engine labels fall under each."""

from __future__ import annotations

from tui.engine import types as t

# (key, legend name, plural heading, engine labels); the key names the CSS component class.
TYPES: list[tuple[str, str, str, frozenset[str]]] = [
    ("person", "Person", "People", frozenset({t.PERSON})),
    ("org", "Org", "Organisations", frozenset({t.ORG})),
    ("place", "Place", "Places", frozenset({t.GPE, t.LOC, t.FAC})),
    ("date", "Date", "Dates and times", frozenset({t.DATE, t.TIME})),
    ("number", "Number", "Money and quantities", frozenset({t.MONEY, t.PERCENT, t.QUANTITY, t.CARDINAL})),
    ("other", "Other", "Other", frozenset()),  # everything else: groups, events, products ...
]
KEYS = [key for key, *_ in TYPES]


def type_of(label: str) -> str:
    """The UI type key ("person", "place" ...) of an engine label."""
    for key, _name, _heading, labels in TYPES:
        if label in labels:
            return key
    return "other"
