"""Plain result types of the analysis engine. Every span is [start, end) into the article body."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int = 0  # index of the paragraph the sentence sits in


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


@dataclass(frozen=True)
class Entity:
    start: int
    end: int
    label: str
    text: str
    canonical: str  # the fullest name of this entity in the article ("Trump" -> "Donald Trump")


@dataclass(frozen=True)
class Quote:
    start: int  # the text inside the quotation marks
    end: int
    text: str
    speaker: str | None  # canonical speaker name, or None when nobody is named
    speaker_start: int | None = None  # span of the speaker mention in the body (may be a pronoun)
    speaker_end: int | None = None
    score: float = 0.0


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
        summ = d.get("summary")
        return cls(
            sentences=[Sentence(**s) for s in d.get("sentences", [])],
            summary=Summary(summ["method"], [ScoredSentence(**s) for s in summ["sentences"]], summ.get("limited", ""))
            if summ
            else None,
            entities=[Entity(**e) for e in d.get("entities", [])],
            quotes=[Quote(**q) for q in d.get("quotes", [])],
        )
