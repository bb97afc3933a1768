"""The six kinds of entity a reader sees (person, organisation, place, date, number, other) and which engine
labels fall under each: one naming for the app's legend and headings and the command line's text output (`entities`,
`story`, `who` printed the tagger's labels, PERSON, GPE, NORP, where the app says person, place, other). JSON keeps the
engine's labels. No imports beyond the text cleaner: the app reads this before its first paint."""

from __future__ import annotations

from tui.cells import one_line

# (key, legend name, plural heading, engine labels); the key names the UI's CSS component class.
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
# one entity of a kind, in words (the legend's "Org" written out)
WORDS = {"person": "person", "org": "organisation", "place": "place", "date": "date", "number": "number",
         "other": "other"}


def type_of(label: str) -> str:
    """The kind ("person", "place" ...) of an engine label."""
    for key, _name, _heading, labels in TYPES:
        if label in labels:
            return key
    return "other"


def word_of(label: str) -> str:
    """An engine label in the app's words: "PERSON" -> "person", "GPE" -> "place", "NORP" -> "other"."""
    return WORDS[type_of(label)]


def entity_groups(entities) -> list[tuple[str, str, list[tuple[str, int]]]]:
    """[(type key, heading, [(canonical name, mentions), ...])] most-mentioned first, empty types left out.

    Names are as the engine gave them (the store indexes that exact string); clean them to display. Forms of one name
    that differ only in case are one entry ("Two" opening a sentence and "two" inside one were "Two ×1" and "two ×1"):
    the store's entity index matches names in any case (NOCASE), so either form filters to the same articles. The entry
    shows the form mentioned most, on a tie the one with fewer capitals ("two").
    """
    counts: dict[str, dict[str, dict[str, int]]] = {}
    for ent in entities:
        name = ent.canonical or ent.text  # raw: the store's entity index uses the same string
        if one_line(name):
            forms = counts.setdefault(type_of(ent.label), {}).setdefault(name.casefold(), {})
            forms[name] = forms.get(name, 0) + 1
    out = []
    for key, _name, heading, _labels in TYPES:
        if key in counts:
            merged = [(min(forms, key=lambda f: (-forms[f], sum(c.isupper() for c in f))), sum(forms.values()))
                      for forms in counts[key].values()]
            names = sorted(merged, key=lambda kv: (-kv[1], kv[0].casefold()))
            out.append((key, heading, names))
    return out
