"""Plain result types of the analysis engine. Every span is [start, end) into the article body."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


# Sentence and Entity are made by the thousand for a long text: their __init__ fills the instance's dict directly,
# ~2x faster than the frozen dataclass's generated one (object.__setattr__ per field); still frozen, equal and
# hashed by value, and dataclasses.replace/asdict work as before (tests/engine/test_types.py).
@dataclass(frozen=True, init=False)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph the sentence sits in

    def __init__(self, start: int, end: int, text: str, paragraph: int = 0) -> None:
        d = self.__dict__
        d["start"], d["end"], d["text"], d["paragraph"] = start, end, text, paragraph


@dataclass(frozen=True)
class ScoredSentence:
    start: int
    end: int
    text: str
    score: float
    index: int  # position of the sentence among the article's sentences


@dataclass(frozen=True)
class Summary:
    method: str
    sentences: list[ScoredSentence]
    limited: str = ""  # non-empty when the method was capped (e.g. "first 400 sentences")

    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)


# Entity labels (OntoNotes-style names).
PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT = "PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"
DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL, MISC = "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "MISC"


@dataclass(frozen=True, init=False)
class Entity:
    start: int
    end: int
    label: str
    text: str
    canonical: str  # the fullest name of this entity in the article ("Trump" -> "Donald Trump")

    def __init__(self, start: int, end: int, label: str, text: str, canonical: str) -> None:
        d = self.__dict__  # (see Sentence)
        d["start"], d["end"], d["label"], d["text"], d["canonical"] = start, end, label, text, canonical


@dataclass(frozen=True)
class Quote:
    start: int  # the text inside the quotation marks
    end: int
    text: str
    speaker: str | None  # canonical speaker name, or None when nobody is named
    speaker_start: int | None = None  # span of the speaker mention in the body (may be a pronoun)
    speaker_end: int | None = None
    score: float = 0.0
    # a quotation that starts in lower case inside a sentence ('the crews would “listen before they walk out.”'): the
    # writer's words of that sentence before its opening mark (the last few, "…" first when cut), shown before it
    lead: str = ""


@dataclass
class Analysis:
    """Everything the reading panes need for one article."""

    sentences: list[Sentence] = field(default_factory=list)
    summary: Summary | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Analysis":
        """The analysis `to_dict` gave, read back (a stored one). TypeError when it is not one: a field of another
        type than the engine writes (the database is untrusted: a quote's text 5 stopped `story`, `brief` and `who`
        with "AttributeError: 'int' object has no attribute 'split'"); its readers then make it again or go without."""
        if not isinstance(d, dict):
            raise TypeError("a stored analysis is not an object")
        summ = d.get("summary")
        made = cls(
            sentences=[Sentence(**s) for s in d.get("sentences", [])],
            summary=Summary(summ["method"], [ScoredSentence(**s) for s in summ["sentences"]], summ.get("limited", ""))
            if summ
            else None,
            entities=[Entity(**e) for e in d.get("entities", [])],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
        )
        if not _well_typed(made):
            raise TypeError("a stored analysis has a field of the wrong type")
        return made


_NUMBER = (int, float)


def _well_typed(a: Analysis) -> bool:
    """Every field of `a` of the type the engine writes (a number where a count goes is an int, not a bool)."""
    int_, str_ = int, str
    if not all(type(s.start) is int_ and type(s.end) is int_ and type(s.text) is str_ and type(s.paragraph) is int_
               for s in a.sentences):
        return False
    if not all(type(e.start) is int_ and type(e.end) is int_ and type(e.label) is str_ and type(e.text) is str_
               and type(e.canonical) is str_ for e in a.entities):
        return False
    if not all(type(q.start) is int_ and type(q.end) is int_ and type(q.text) is str_
               and (q.speaker is None or type(q.speaker) is str_) and type(q.score) in _NUMBER
               and (q.speaker_start is None or type(q.speaker_start) is int_)
               and (q.speaker_end is None or type(q.speaker_end) is int_) for q in a.quotes):
        # (a lead that is no text is read as none where it is shown: tests/stories/test_quote_leads.py)
        return False
    summ = a.summary
    return summ is None or (type(summ.method) is str_ and type(summ.limited) is str_ and all(
        type(s.start) is int_ and type(s.end) is int_ and type(s.text) is str_ and type(s.score) in _NUMBER
        and type(s.index) is int_ for s in summ.sentences))
