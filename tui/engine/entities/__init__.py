"""Named entities for one article: a trained tagger for names, rules for numbers and dates, and linking.

Public API:
    extract_entities(text) -> list[Entity]        sorted, non-overlapping, canonical names filled in
    link_entities(text, entities) -> list[Entity] canonical names within one article
    group_entities(entities) -> list[EntityGroup] (label, canonical, count, mentions) for the UI
    to_scorer_label(label) -> "PERSON" | "ORG" | "LOC" | "MISC" | ... (the eval's coarse labels)

Labels done well: PERSON, ORG, GPE/LOC, NORP and the rule types DATE, TIME, MONEY, PERCENT, QUANTITY,
CARDINAL. MISC covers events, treaties, products, titles of works, taxa and other names without finer
typing; FAC is only given to a name followed by "station", "stadium" and the like or ending in such a word.

Pipeline: tagger.py (five-word windows; word clusters learned from unlabelled news, gazetteer and document
features) -> repair.py (span corrections that need the sentence or the article: acronyms.py, heads.py,
inner_words.py, layout.py, name_starts.py, kinds.py) -> rules.py (numbers and dates) -> linking.py with evidence.py (one
label per name from the whole article, canonical names). Every hand-written name rule is a named unit
listed in rulebook.py, switchable and measured one by one (bench/quality_ner.py --ablate).
"""

from __future__ import annotations

from ..types import GPE, LOC, MISC, NORP, ORG, PERSON, Entity
from .linking import EntityGroup, group_entities, link_entities
from ..rules import probe
from ..lexicon import entity_words, lexicon
from . import rulebook  # noqa: F401  (registers the entity rules before any of them is asked about)
from .rules import rule_spans

__all__ = ["extract_entities", "link_entities", "group_entities", "EntityGroup", "to_scorer_label", "tag_names"]

_NAME_LABELS = {PERSON, ORG, GPE, LOC}
_ORG_ONLY_HEADS = entity_words().org_only_heads
_SCORER = {GPE: LOC, "FAC": LOC, NORP: MISC, "EVENT": MISC, "PRODUCT": MISC}


def to_scorer_label(label: str) -> str:
    """Map our labels to the evaluation's: GPE/LOC/FAC -> LOC, NORP/EVENT/PRODUCT/MISC -> MISC."""
    return _SCORER.get(label, label)


def _place_label(words: list[str]) -> str:
    known = lexicon().place_words
    content = [w for w in words if w not in ("of", "the", "and")]
    return GPE if content and all(w in known or w.rstrip(".") in known for w in content) else LOC


# The tagger and the number/date rules read at most this much of a text (about 25,000 words); beyond it, the
# people and acronyms already found are re-found by exact search. Keeps huge inputs linear and within the
# analysis budget (issue 14 item 10: 3 s per MB for the whole analysis).
MAX_TAGGED_CHARS = 150_000


def _bounded(text: str) -> str:
    """`text` cut at the last space before MAX_TAGGED_CHARS (the whole text when shorter)."""
    if len(text) <= MAX_TAGGED_CHARS:
        return text
    cut = text.rfind(" ", 0, MAX_TAGGED_CHARS)
    return text[: cut if cut > 0 else MAX_TAGGED_CHARS]


def tag_names(text: str) -> list[tuple[int, int, str]]:
    """The tagger's name spans with our labels (PERSON, ORG, GPE, LOC, NORP, MISC), unlinked."""
    text = _bounded(text)
    from .tagger import load_tagger

    dem, tagger_dem = lexicon().peoples, lexicon().demonyms
    out = []
    seen: dict[tuple[str, str], str] = {}  # (span, tagger label) -> our label: the same for every mention
    from .layout import mask_speaker_turns

    for s, e, lab in load_tagger().entities(mask_speaker_turns(text)):
        span = text[s:e]
        label = seen.get((span, lab))
        if label is None:
            label = seen[span, lab] = _our_label(span, lab, dem, tagger_dem)
        out.append((s, e, label))
    return out


def _our_label(span: str, lab: str, dem, tagger_dem) -> str:
    """Our label for a name the tagger labelled `lab` (PER, ORG, LOC, MISC)."""
    from ..rules import enabled as on

    last = span.rsplit(None, 1)[-1].lower()
    if lab in ("PER", "ORG") and span.lower() in dem and span.lower() not in tagger_dem and on("people-plural"):
        return NORP  # "some Icelanders": a people (the tagger knows "Labour" as a party too)
    if lab == "PER":
        return PERSON
    if lab == "ORG":
        return ORG
    if lab == "LOC" and " " in span and last in _ORG_ONLY_HEADS and on("org-head-not-place"):
        return ORG  # "taught at Varno Academy": NER train never labels such a name a place
    if lab == "LOC":
        return _place_label(span.lower().split())
    parts = span.lower().split("-")  # "Swedish-Polish" as well as "Swedish"
    return NORP if span.lower() in dem or all(p in dem for p in parts) else MISC


def _merge(names: list[tuple[int, int, str]], rules: list[tuple[int, int, str]], n: int,
           text: str = "") -> list[tuple[int, int, str]]:
    """Names win over rule spans, except that a date/number rule beats a MISC/NORP guess, and a
    date rule beats any name that is only a day or month word ("on Tuesdays" is no place)."""
    ruled = bytearray(n + 1)
    for s, e, _ in rules:
        ruled[s:e] = b"\x01" * (e - s)
    times = lexicon().time_words
    keep = [(s, e, lab) for s, e, lab in names
            if not any(ruled[s:e]) or lab in _NAME_LABELS and text[s:e].lower().removesuffix("s") not in times]
    taken = bytearray(n + 1)
    for s, e, _ in keep:
        taken[s:e] = b"\x01" * (e - s)
    merged = keep + [(s, e, lab) for s, e, lab in rules if not any(taken[s:e])]
    merged.sort()
    return merged


def extract_entities(text: str) -> list[Entity]:
    """All entities of `text`, sorted by position, non-overlapping, each with its canonical name.

    Spans are [start, end) character offsets into `text`; `text[e.start:e.end] == e.text` always holds.
    """
    if not text or not text.strip():
        return []
    from .repair import repair_names

    spans = _merge(repair_names(text, tag_names(text)), rule_spans(_bounded(text)), len(text), text)
    ents = [Entity(s, e, lab, text[s:e], " ".join(text[s:e].split())) for s, e, lab in spans]
    return link_entities(text, ents)


@probe("entities")
def _probe(text: str) -> list[tuple[str, str]]:
    """The (text, label) of every entity of a text: what the entity rules' examples are checked on."""
    return [(e.text, e.label) for e in extract_entities(text)]
