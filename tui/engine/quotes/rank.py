"""Pick the quotes worth showing in the "Key quotes" pane, and trim them for display."""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from .. import rules
from ..types import Quote, Sentence
from .cues import TITLE_ABBREV
from .groups import connective, quote_groups

_NUMBER = re.compile(r"\d")
_CAPWORD = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+")
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*\s")
SHORT_WORDS = 4  # a quote of fewer words is a phrase ("a false economy", a slogan), not a statement
# how well a quote reads alone (`_alone`), a factor of its importance: a whole quotation 1.0; one that finishes a
# sentence of the writer's (Quote.lead), listed after their words, 0.85; a piece that starts in lower case with no
# words of the writer's before it (after a comma: 'Marwood said, “the people of ...”', or the second piece of a split
# quotation) 0.7, a scrap of a sentence shown alone (it scored as high as a whole quotation: 0.87)
LED_IN, SCRAP = 0.85, 0.7

rules.guard(
    "scrap-scores-lower", "quotes.rank",
    "a quoted piece that starts in lower case is worth less than a whole quotation: it is a scrap of a sentence alone",
    changes=["“We have asked the ferry board for one meeting since May,” said Ida Brannock.\n\nBrannock, who has led "
             "the crews' union in Vellmoor since 2019, said, “the people of Oskby and Tarrow will be cut off from the "
             "mainland until March.”"],
    keeps=["“We have asked the ferry board for one meeting since May,” said Ida Brannock.\n\n“The people of Oskby "
           "and Tarrow will be cut off from the mainland until March,” Brannock said."])


@rules.probe("quotes.rank")
def _probe(text: str) -> list[str]:
    """The text's most important quotation (rank_quotes' pick): what the ranking rules' examples change."""
    from ..sentences import split_sentences
    from .extract import extract_quotes

    return [q.text for q in rank_quotes(extract_quotes(text), 1, len(text), sentences=split_sentences(text))]


def quote_score(q: Quote, text_len: int, entity_spans: list[tuple[int, int]] | None = None) -> float:
    """Importance of one quote in [0, ~1]: a named speaker, a useful length, early position, names and numbers; a
    piece starting in lower case counts less (`_alone`: it does not read as a whole quotation)."""
    if entity_spans is not None:
        mentions = sum(1 for s, e in entity_spans if q.start <= s and e <= q.end)
    else:
        mentions = len(_CAPWORD.findall(q.text))
    return _score(q, text_len, mentions)


def _score(q: Quote, text_len: int, mentions: int) -> float:
    words = len(q.text.split())
    if words < SHORT_WORDS:
        length = 0.05
    elif words <= 60:
        length = min(1.0, 0.4 + words / 25)  # 4 words -> 0.56, 15+ words -> 1.0
    else:
        length = max(0.4, 1.0 - (words - 60) / 150)  # very long quotes read badly in a side pane
    if q.speaker is None:
        who = 0.15
    elif q.speaker[:1].isupper() and not q.speaker.lower().startswith("the "):
        who = 1.0  # a named person or organisation
    else:
        who = 0.5  # a description: "a campaign spokesman"
    position = 1.0 - 0.5 * (q.start / text_len) if text_len else 1.0
    content = min(1.0, 0.25 * mentions + (0.3 if _NUMBER.search(q.text) else 0.0))
    return round((0.4 * length + 0.3 * who + 0.2 * position + 0.1 * content) * _alone(q), 4)


def _alone(q: Quote) -> float:
    """How well the quote reads alone (LED_IN, SCRAP): 1.0 unless it starts in lower case, or (LED_IN) it opens with a
    word that goes on from what was said before it ("But we ...": rule "connective-opener-reads-less-alone")."""
    if not q.text[:1].islower() or not rules.enabled("scrap-scores-lower"):
        if connective(q.text.lstrip()) and rules.enabled("connective-opener-reads-less-alone"):
            return LED_IN
        return 1.0
    return LED_IN if q.lead and isinstance(q.lead, str) else SCRAP


rules.guard(
    "connective-opener-reads-less-alone", "quotes.rank",
    "a quotation opening with But/And/Yet/So goes on from something said before it: alone it is worth less",
    changes=["“We kept the Lisk ferry going through two winters.” Marit Olsby said the crews were tired. “But the "
             "county has never paid them on time, and the crews at Quillford have had enough of waiting.”"],
    keeps=["“We kept the Lisk ferry going through two winters.” Marit Olsby said the crews were tired. “The "
           "county has never paid them on time, and the crews at Quillford have had enough of waiting.”"])


def score_quotes(quotes: list[Quote], text_len: int | None = None, entities=None) -> list[Quote]:
    """The quotes, each with its `score` (quote_score) filled in: what `analyze` stores, so that a story can put its
    most important quotation first (the extractor leaves every score 0.0). `entities` (the article's, optional) count
    the names a quote holds; without them its capitalised words do. Each quote's names are found by bisection over
    the entities' starts (a page of 200 quotations and thousands of names stays linear)."""
    if not quotes:
        return []
    text_len = text_len or max(q.end for q in quotes)
    if not entities:
        return [replace(q, score=_score(q, text_len, len(_CAPWORD.findall(q.text)))) for q in quotes]
    spans = sorted((e.start, e.end) for e in entities)
    starts = [s for s, _ in spans]
    out = []
    for q in quotes:
        lo, hi = bisect.bisect_left(starts, q.start), bisect.bisect_right(starts, q.end)
        out.append(replace(q, score=_score(q, text_len, sum(1 for _, e in spans[lo:hi] if e <= q.end))))
    return out


def rank_quotes(quotes: list[Quote], n: int = 5, text_len: int | None = None, entities=None,
                sentences: list[Sentence] | None = None) -> list[Quote]:
    """The `n` most important quotes, in article order, each with its `score` filled in.

    `sentences` are the article's (Analysis.sentences, split_sentences): with them the pieces are grouped as every list
    of quotes groups them (quote_groups: a whole sentence of the writer's between two pieces makes two quotations).
    Without them (a caller that has only the quotes, not the text) that one check cannot run, and such pieces count as
    one quotation; key_quotes, which has the text, passes them.

    Pieces of one quote split by an attribution ("“We had,” she said, “a good call.”") count
    once: only the best piece of a run of same-speaker pieces in one paragraph-sized window is kept. A quotation
    split into pieces (groups.quote_groups) is put forward by its best piece of SHORT_WORDS words or more: a short
    first piece ('“The slipway,” she said, “is older ...”') is never the one kept over its continuation, which the
    lower-case factor (SCRAP) scores below it (rule "split-quote-by-its-whole-piece").
    """
    if not quotes or n <= 0:
        return []
    scored = score_quotes(quotes, text_len, entities)
    if rules.enabled("split-quote-by-its-whole-piece"):
        scored = [_for_group(g) for g in quote_groups(scored, sentences)]
    best: list[Quote] = []
    for q in sorted(scored, key=lambda q: (-q.score, q.start)):
        if any(_same_run(q, b) for b in best):
            continue
        best.append(q)
        if len(best) == n:
            break
    return sorted(best, key=lambda q: q.start)


def _for_group(group: list[Quote]) -> Quote:
    """The piece that stands for a quotation split into pieces: the best scored of SHORT_WORDS words or more, when
    one is (a two-word opener, "The slipway,", scores 0.05 for its length yet can beat its lower-case continuation
    once that is multiplied by SCRAP), else the best scored."""
    return max(group, key=lambda q: (len(q.text.split()) >= SHORT_WORDS, q.score, -q.start))


rules.guard(
    "split-quote-by-its-whole-piece", "quotes.rank",
    "a quotation split by its attribution is ranked by its piece of four words or more, never a short opener",
    changes=["“The footbridge,” said county engineer Tamsin Elderkin, “stays shut until the divers come.”",
             "“The footbridge,” said Tamsin Elderkin, “stays shut for the winter.”"],
    keeps=["“The footbridge is shut,” said county engineer Tamsin Elderkin, “until the divers have looked at the "
           "piers.”",
           "“The footbridge,” said county engineer Tamsin Elderkin.\n\n“It is shut until further notice,” she "
           "said."])


def _same_run(a: Quote, b: Quote) -> bool:
    return a.speaker is not None and a.speaker == b.speaker and abs(a.start - b.start) < 300


def key_quotes(text: str, entities=None, n: int = 5) -> list[Quote]:
    """Extract and rank in one call: the quotes for the "Key quotes" pane."""
    from ..sentences import split_sentences
    from .extract import extract_quotes

    return rank_quotes(extract_quotes(text, entities), n, len(text), entities, split_sentences(text))


def quote_words(q: Quote) -> str:
    """The quote's whole words as a reader sees them: spaces collapsed, and the comma (or ; :) that ended
    its piece before an attribution ("We had," she said) dropped."""
    return " ".join(q.text.split()).rstrip(",;:")


def display_text(q: Quote, max_chars: int = 200) -> str:
    """The quote's words for a narrow pane: whole sentences when they fit, else cut at a word with "…".

    The comma that ends the first piece of a split quote ("We had," she said) is dropped, and a piece
    that starts mid-sentence ("a hard night and an honest vote.") is shown as "…a hard night ...".
    """
    t = quote_words(q)
    if t[:1].islower():
        t = "…" + t
    if len(t) <= max_chars:
        return t
    cut = 0
    for m in _SENTENCE_END.finditer(t):
        if m.end() - 1 > max_chars:
            break
        word = t[: m.start()].rsplit(" ", 1)[-1].lower()
        if word in TITLE_ABBREV or len(word) == 1:
            continue  # "Ms. Okafor", "J. Smith": not a sentence end
        cut = m.end() - 1
    if cut >= max_chars // 3:  # a whole first sentence beats a longer, cut one
        return t[:cut].rstrip()
    head = t[: max_chars - 1]
    space = head.rfind(" ")
    if space > max_chars // 2:
        head = head[:space]
    return head.rstrip(" ,;:—-") + "…"
