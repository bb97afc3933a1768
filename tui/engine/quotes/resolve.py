"""Turn speaker mentions into the names shown with a quote."""

from __future__ import annotations

from .. import rules
from .coref import PersonIndex
from .names import (NameBook, drop_opener, headline_name, in_headline, is_person, lower_words, person_part,
                    strip_name, tokens)
from .words import Mention


_THINGS = frozenset(("ORG", "GPE", "LOC", "FAC"))  # the tagger's labels for names that are no person
_OTHER_THINGS = frozenset(("NORP", "MISC", "EVENT", "PRODUCT"))


class Resolver:
    """Turns mentions into display names; pronouns go to the person named nearest before them."""

    def __init__(self, text: str, entities, spans) -> None:
        self.text = text
        # The text's own capitalised names, plus the NER pass's linked full names when given: the
        # entity canonicals add forms ("Ortiz" -> "Carmen Ortiz") without letting a mislabelled
        # entity override what the attribution pattern found.
        self.book = NameBook.from_text(text)
        cut: dict[str, str] = {}  # a canonical name read in a headline -> its person's part
        heads: dict[int, bool] = {}
        for ent in sorted(entities or [], key=lambda x: x.start):
            if ent.label != "PERSON" or not ent.canonical:
                continue
            canon = ent.canonical
            if canon in cut:
                canon = cut[canon]
            elif " " in canon and in_headline(text, ent.start, heads):
                # "Woman Recalls Kind Thing Ortiz Did ..." tagged "Kind Thing Ortiz": "Ortiz" is the person
                canon = cut[canon] = headline_name(canon)
            if canon == ent.text:  # "Added Holm" tagged as one person: the opening verb is no part of the name
                canon = " ".join(drop_opener(text, ent.start, list(tokens(canon)), lower_words(text)))
            if is_person(canon):
                self.book.add(canon, ent.start)
        # a run the tagger reads as an organisation or place ("the Dallas Cowboys") is no antecedent for "he"
        # and one it reads as a people, an event, a product or another named thing ("the Wooden Spoon") neither
        labels = _THINGS | _OTHER_THINGS if rules.enabled("other-tagged-things-are-nobody") else _THINGS
        things = [(e.start, e.end) for e in entities or () if e.label in labels]
        persons = None if entities is None else [(e.start, e.end) for e in entities if e.label == "PERSON"]
        self.people = PersonIndex(text, self.book, [(s, e) for s, e, _ in spans], things, persons)
        self.last_speaker: str | None = None
        # quote start -> the speaker a lead ending in a colon names ('The harbour trust reveals a few numbers: “...”'),
        # preferred by the ranker at choice time (extract._Scan._colon_hint, ranker.choose)
        self.colon_hints: dict[int, tuple[str, int, int]] = {}

    def name(self, m: Mention) -> str:
        """The fullest form of a named mention: titles and organisation words before a name dropped."""
        raw = m.text
        if raw.lower().startswith("the "):
            return raw
        person = person_part(tokens(raw))
        if person and 0 < len(person) < len(tokens(raw)):
            raw = " ".join(person)  # "Senate Minority Leader Ada Brandt" -> "Ada Brandt"
        return self.book.resolve(raw, m.start) or strip_name(raw)

    def resolve(self, m: Mention | None) -> str | None:
        """The speaker string for a mention: a full name, a description, or None ("I", nobody found)."""
        if m is None:
            return None
        if m.kind == "name":
            self.last_speaker = self.name(m)
            return self.last_speaker
        if m.kind == "nominal":
            return m.text
        low = m.text.lower()
        if low in ("i", "we", "you", "they", "it"):
            return None  # "they" and "it" stand for groups and things, never for the last named person
        # the person named nearest before, else the last named speaker, else anyone named earlier
        return (self.people.resolve(m.start, low) or self.last_speaker
                or self.people.resolve(m.start, low, max_back=len(self.text)))
