"""Our default summariser for news: position, centrality, title overlap and redundancy
control, in one pass that is linear in the article's length.

Why these signals:
* News is written in inverted-pyramid order, so the lead carries the story (LEAD-3 is
  the baseline to beat). The prior falls off as 1 / (1 + i / POSITION_DECAY).
* A sentence that shares much of its vocabulary with the rest of the article is central
  to it. We use TextRank's degree: the sum over other sentences of shared terms divided
  by the log lengths of both. Summing per term (how many other sentences contain it)
  gives the same numerator without comparing every pair, so a 50,000-word article costs
  no more per word than a short one; the other sentence's log length is replaced by the
  article's mean, which leaves the ranking nearly unchanged.
* The longer the summary asked for, the further it must reach past the lead, so the
  weight of centrality grows with the requested length beyond three sentences
  (x (count / 3) ** 1.5): a 3-sentence summary leans on the lead, a 10-sentence one
  on coverage of the whole article.
* When the reader asks for a large share of the article (more than 30% of the sentences
  it may pick from), the lead no longer matters: the summary should cover the story.
  The ranking then blends into coverage (coverage.py: each sentence's summed cosine
  similarity to all others, in linear time), which alone ranks from 40% on; position,
  headline and length signals fade out with the lead score they are part of (on BBC
  summaries of 40% of an article, adding them back only cost ROUGE). Redundancy control
  fades too, since a summary that keeps half the article repeats its themes anyway.
* A quoted sentence that does not name its speaker may come in together with the
  sentence of its paragraph that does (filters.quote_anchors), never alone.
* A short article asked for a large share of its sentences (where coverage ranks) still opens its summary on
  its lead: the first sentence it may pick is always in (a five-sentence feed item summed up in three lines
  otherwise lost the sentence that says what happened). A quotation whose only speaker is a pronoun ("'We were
  lucky,' he said.") leans on the sentences before it like "He ..." does and loses the same weight; and it comes
  in only with the sentence before it (`pronoun_anchors`), as a bare quotation comes with its speaker's: four of a
  short item's five sentences held "she said" without the sentence naming her, a longer summary could end on
  "'...,' he added." (on the dev sets: CNN/DailyMail unchanged, BBC R-1 85.50 -> 85.84, both halves up).
* A sentence echoing the headline is on topic.
* A sentence opening with "He", "She", "They", "His", "Her" or "Their" leans on the one before it to say who
  that is; shown without it, it leaves the reader asking, so it loses weight (on the dev sets no summary changed:
  the lead and coverage already pass over such sentences there; on our articles it keeps "She spent the past
  week ..." out of a short summary that does not name her).
* A summary speaks in the reporter's voice: sentences in the first or second person
  ("I", "we", "you") are mostly quoted speech or a columnist's aside, and lose weight.
* Fragments are weak summary lines and very long sentences crowd out others.
* Greedy choice with a penalty for overlap with already chosen sentences keeps the
  summary from saying one thing twice.

The weights were chosen among a few round values on a development set of CNN/DailyMail
(3-sentence summaries of long articles) and BBC (summaries of 40% of short articles);
bench/quality_summary.py prints the resulting scores.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from tui.engine.summarize.base import Ranking, Request
from tui.engine.summarize.coverage import coverage
from tui.engine.summarize.filters import _outside_quotes, quote_anchors, sentence_keys, sentence_words
from tui.engine.tokens import WORD_RE, content_term_set, content_terms


@dataclass(frozen=True)
class NewsParams:
    position_decay: float = 2.0  # the lead prior halves after this many sentences
    centrality: float = 0.6  # at three sentences; grows with the requested count
    coverage_growth: float = 1.5
    title: float = 0.3
    redundancy: float = 0.3  # penalty per unit of overlap with an already chosen sentence
    duplicate: float = 0.7  # overlap at which a sentence is a restatement and never chosen
    short_words: int = 8  # sentences shorter than this lose up to short_penalty
    short_penalty: float = 0.3
    long_words: int = 40  # ... longer than this lose up to long_penalty
    long_penalty: float = 0.5
    voice_penalty: float = 0.2  # for first/second-person sentences (three such words or more: full penalty)
    share_low: float = 0.3  # requested share of the article where coverage starts to count
    share_high: float = 0.4  # ... and from which it alone ranks
    dangling: float = 0.3  # for a sentence whose subject is a pronoun ("She spent the week ...")
    lead_kept: int = 3  # a summary of this many sentences or fewer always holds the lead, even where coverage ranks


DEFAULT = NewsParams()
# A sentence that opens with a third-person pronoun needs the one before it to say who that is: shown alone in a
# summary, "She spent the past week ..." leaves the reader asking who. ("It" is left out: mostly "It was ...".)
_DANGLING = re.compile(r"(?:He|She|They|His|Her|Their)\b")
# A quotation opening the sentence whose speaker is only a pronoun: '"We were lucky," he said.', '... said she.'
_OPENS_QUOTED = re.compile(r"[\s(]*[\"“‘'«]")
_PRONOUN_SPEAKER = re.compile(r"[\W_]*(?:(?:he|she|they)\s+[a-z]+|[a-z]+\s+(?:he|she|they))\W*", re.IGNORECASE)
COMPARE_LIMIT = 100  # chosen sentences a candidate's overlap is measured against
_PERSONAL = frozenset("i me my we us our you your".split())
# Where such a word can stand: a counted word (the part of a token before an apostrophe) is one of them in some
# case, with no letter or digit on either side, so a sentence this finds nothing in has none.
_PERSONAL_WORD = re.compile(r"(?<![^\W_])(?:i|me|my|we|us|our|you|your)(?![^\W_])", re.IGNORECASE)


# A counted word (WORD_RE's word up to its first apostrophe) that is one of them: it starts a word (no letter or
# digit before it, nor one joined to it by ' ’ . -) and the word ends there or goes on with an apostrophe.
_PERSONAL_COUNTED = re.compile(r"(?<![^\W_])(?<![^\W_]['’.\-])(?:i|me|my|we|us|our|you|your)(?![^\W_])(?![.\-][^\W_])",
                               re.IGNORECASE)


# The two patterns above, case-sensitive, for the lower-cased text, each word's first letter first (the regex engine
# then skips to those letters) and the check for no letter or digit (nor a joiner and one) before it made after
# that letter. The same words where lower-casing keeps every character's place and the text has none of the letters
# that match one of these only when case is ignored (İ ı ſ: every code point checked by tests/engine/
# test_summarize_speed.py); ~2x faster than ignoring case.
_AFTER_FIRST = r"(?<![^\W_].)"
_LOW_WORDS = (r"(?:i{0}|m{0}[ey]|w{0}e|u{0}s|o{0}ur|y{0}our?)").format(_AFTER_FIRST + r"(?<![^\W_]['’.\-].)")
_PERSONAL_WORD_LOW = re.compile(r"(?:i{0}|m{0}[ey]|w{0}e|u{0}s|o{0}ur|y{0}our?)(?![^\W_])".format(_AFTER_FIRST))
_PERSONAL_COUNTED_LOW = re.compile(_LOW_WORDS + r"(?![^\W_])(?![.\-][^\W_])")
_FOLDS_TO_PERSONAL = re.compile("[\u0130\u0131\u017f]")


def personal_voice(text: str) -> float:
    """0..1: how much a sentence speaks in the first or second person. "US" in capitals is
    the country, so only lower-case or capitalised forms count ("I" itself always does)."""
    low = text.lower()
    if len(low) == len(text) and _FOLDS_TO_PERSONAL.search(text) is None:
        if _PERSONAL_WORD_LOW.search(low) is None:  # none of the words at all: the common case
            return 0.0
        words = [text[m.start():m.end()] for m in _PERSONAL_COUNTED_LOW.finditer(low)]
    elif _PERSONAL_WORD.search(text) is None:
        return 0.0
    else:
        words = _PERSONAL_COUNTED.findall(text)
    hits = 0
    for w in words:  # the counted words that can be one (tests: = word by word)
        if w == "I" or (w.lower() in _PERSONAL and (w.islower() or (w[0].isupper() and w[1:].islower()))):
            hits += 1
    return min(1.0, hits / 3)


def personal_voice_of_words(text: str, words: list[str], lowered: list[str]) -> float:
    """`personal_voice` of a text given its words (`WORD_RE.findall(text)`) and those lower-cased: without an
    apostrophe in the text its counted words are its words, so they are looked up as they are (no pattern)."""
    if "'" in text or "’" in text:
        return personal_voice(text)
    if _PERSONAL.isdisjoint(lowered):  # none of the words at all: the common case
        return 0.0
    hits = 0
    for w, low in zip(words, lowered):  # as _personal_voice_counted ("I".lower() is in _PERSONAL too)
        if low in _PERSONAL and (w == "I" or w.islower() or (w[0].isupper() and w[1:].islower())):
            hits += 1
    return min(1.0, hits / 3)


def _personal_voice_counted(text: str) -> float:
    """personal_voice word by word, without its quick look (tests hold the quick look to it)."""
    hits = 0
    for w in WORD_RE.findall(text):
        w = w.split("'")[0].split("’")[0]
        if w == "I" or (w.lower() in _PERSONAL and (w.islower() or (w[0].isupper() and w[1:].islower()))):
            hits += 1
    return min(1.0, hits / 3)


def centrality(term_sets: list[set[str]]) -> list[float]:
    """TextRank-style degree of every sentence, scaled to [0, 1], in linear time."""
    df: Counter[str] = Counter(chain.from_iterable(term_sets))  # in how many sentences each term is
    logs = [math.log(len(t) + 1) for t in term_sets]
    mean_log = sum(logs) / max(1, len(logs))
    # (sum of df - 1 over a sentence's terms, in integers: the same as summing df[w] - 1 term by term)
    raw = [(sum(map(df.__getitem__, t)) - len(t)) / (logs[i] + mean_log) if t else 0.0 for i, t in enumerate(term_sets)]
    top = max(raw, default=0.0)
    return [x / top for x in raw] if top > 0 else raw


def pronoun_quote(text: str) -> bool:
    """True for a sentence that opens on a quotation and names its speaker only by a pronoun: '"We were lucky the
    water was calm," he said.' Shown without the sentences before it, nobody is speaking."""
    if _OPENS_QUOTED.match(text) is None:
        return False
    return _PRONOUN_SPEAKER.fullmatch(_outside_quotes(text, False)[0]) is not None


PRONOUN_LOOK_BACK = 3  # sentences before a pronoun-only quotation read for the one that says who is speaking


def pronoun_anchors(sents, allowed: list[bool], taken: dict[int, int]) -> dict[int, int]:
    """For each quotation whose only speaker is a pronoun ('"...," he added.'), the sentence before it that says who
    that is: the nearest one that may be picked and is not such a quotation itself, at most PRONOUN_LOOK_BACK back.
    A summary shows the quotation only with it (`select`'s anchors), as a bare quotation with its speaker's sentence:
    alone, "he added" has nobody to refer to. One with no such sentence keeps its penalty alone."""
    out: dict[int, int] = {}
    for i, s in enumerate(sents):
        if i in taken or not allowed[i] or not pronoun_quote(s.text):
            continue
        for j in range(i - 1, max(-1, i - 1 - PRONOUN_LOOK_BACK), -1):
            if allowed[j] and not pronoun_quote(sents[j].text):
                out[i] = j
                break
    return out


def _overlap(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def score_sentences(req: Request, p: NewsParams = DEFAULT) -> tuple[list[float], list[set[str]]]:
    """A score for every sentence (before redundancy control) and each sentence's terms."""
    seen: dict[str, tuple[set[str], float, int]] = {}  # a sentence repeated word for word is read once
    words = sentence_words(req.sents)  # (the filters read them too)
    keys = sentence_keys(req.sents)
    # digit key -> (voice, words): a sentence repeated but for its digits is read once (filters.digit_key); its
    # terms are its own ("Lind3")
    blind: dict[str, tuple[float, int]] = {}
    parts = []
    for s in req.sents:
        got = seen.get(s.text)
        if got is None:
            w = words[s.text]
            low = list(map(str.lower, w))
            b = blind.get(keys[s.text])
            if b is None:
                b = blind[keys[s.text]] = (personal_voice_of_words(s.text, w, low), len(s.text.split()))
            got = seen[s.text] = (content_term_set(low), *b)
        parts.append(got)
    terms = [t for t, _, _ in parts]  # (the same set for repeated sentences: nothing changes them)
    cent = centrality(terms)
    cent_weight = p.centrality * max(1.0, req.count / 3) ** p.coverage_growth
    title_terms = set(content_terms(req.title)) if req.title else set()
    scores = []
    for i, s in enumerate(req.sents):
        words = parts[i][2]
        score = p.position_decay / (p.position_decay + i) + cent_weight * cent[i]
        if title_terms:
            score += p.title * len(terms[i] & title_terms) / len(title_terms)
        if words < p.short_words:
            score -= p.short_penalty * (p.short_words - words) / p.short_words
        elif words > p.long_words:
            score -= p.long_penalty * min(1.0, (words - p.long_words) / p.long_words)
        score -= p.voice_penalty * parts[i][1]
        if _DANGLING.match(s.text) or pronoun_quote(s.text):
            score -= p.dangling
        scores.append(score)
    return scores, terms


def select(
    scores: list[float],
    terms: list[set[str]],
    allowed: list[bool],
    count: int,
    p: NewsParams,
    anchors: dict[int, int] | None = None,
    redundancy: float | None = None,
    first: int | None = None,
) -> list[int]:
    """Greedy choice: the best remaining sentence after a penalty for overlap with the chosen
    ones. A sentence listed in ``anchors`` (a quotation continued from, or closed by, the
    sentence naming its speaker) may be taken only with its anchor: after it, or both at once.

    The greedy is lazy: a candidate's overlap only grows as sentences are chosen, so its
    last computed value bounds its current one, and only the candidate on top of the heap
    is brought up to date. Long summaries of long articles stay fast this way.

    ``first``, when given, is chosen before any other (the lead of a short article)."""
    anchors = anchors or {}
    redundancy = p.redundancy if redundancy is None else redundancy
    pool = [i for i, ok in enumerate(allowed) if ok or (i in anchors and allowed[anchors[i]])]
    # Only the strongest candidates can win; this keeps selection cheap on huge articles.
    pool = sorted(pool, key=lambda i: (-scores[i], i))[: max(count * 8, 40)]
    if first is not None and first not in pool:
        pool.append(first)
    if len(pool) <= count:
        return sorted(pool)  # everything that may be shown is wanted: nothing to choose
    overlap = dict.fromkeys(pool, 0.0)
    seen = dict.fromkeys(pool, 0)  # how many chosen sentences each overlap accounts for
    chosen: list[int] = []
    taken: set[int] = set()
    heap = [(-scores[i], i) for i in pool]
    heapq.heapify(heap)
    restated: list[int] = []  # near-duplicates: used only when nothing else is left
    dup_limit = p.duplicate

    def refresh(i: int) -> None:
        # Overlap is measured against the first COMPARE_LIMIT sentences chosen (the best
        # ranked, so the likeliest to be restated): very long summaries stay linear.
        upto = min(len(chosen), COMPARE_LIMIT)
        for j in chosen[seen.get(i, 0) : upto]:
            overlap[i] = max(overlap.get(i, 0.0), _overlap(terms[i], terms[j]))
        seen[i] = upto

    def take(i: int) -> None:
        chosen.append(i)
        taken.add(i)

    if first is not None and count > 0:
        take(first)
    while len(chosen) < count:
        if not heap:
            if not restated:
                break
            # Nothing new is left: fall back on the restatements, without the duplicate test.
            heap = [(-(scores[i] - redundancy * overlap[i]), i) for i in restated]
            heapq.heapify(heap)
            restated, dup_limit = [], math.inf
        key, i = heapq.heappop(heap)
        if i in taken:
            continue
        refresh(i)
        if overlap[i] >= dup_limit:
            restated.append(i)
            continue
        current = -(scores[i] - redundancy * overlap[i])
        if heap and (current, i) > heap[0]:
            heapq.heappush(heap, (current, i))  # stale: someone else may be better now
            continue
        anchor = anchors.get(i)
        if anchor is not None and anchor not in taken:
            if len(chosen) + 2 > count:
                continue  # the quote cannot come without its speaker
            take(anchor)
        take(i)
    return sorted(chosen[:count])


def news(req: Request, allowed: list[bool], p: NewsParams = DEFAULT) -> Ranking:
    """Rank with the news signals and choose ``req.count`` sentences without repeating content.

    How much the ranking leans on coverage depends on the share of the article asked for
    (see ``coverage_weight``)."""
    if not req.sents:
        return Ranking([], [])
    scores, terms = score_sentences(req, p)
    w = coverage_weight(req.count, sum(allowed), p)
    if w > 0:
        cover = coverage([s.text for s in req.sents])
        top = max(scores)
        lead = [x / top for x in scores] if top > 0 else scores
        scores = [(1 - w) * a + w * b for a, b in zip(lead, cover)]
        if req.count <= p.lead_kept:  # (in a few lines, a quotation only a pronoun attributes stays weaker)
            scores = [x - w * p.dangling if pronoun_quote(s.text) else x for x, s in zip(scores, req.sents)]
    # A quoted sentence without its speaker may still come in, together with the sentence
    # that names the speaker; so may a quotation only a pronoun attributes, with the sentence before it.
    anchors = quote_anchors(req.sents)
    anchors.update(pronoun_anchors(req.sents, allowed, anchors))
    # Where coverage ranks a summary of a few sentences (a large share of a short article), the lead still opens it.
    first = next((i for i, ok in enumerate(allowed) if ok), None) if w > 0 and req.count <= p.lead_kept else None
    chosen = select(scores, terms, allowed, req.count, p, anchors, redundancy=p.redundancy * (1 - w), first=first)
    return Ranking(scores, chosen)


def coverage_weight(count: int, available: int, p: NewsParams = DEFAULT) -> float:
    """0..1: the weight of coverage against the lead-based score. A reader who asks for a
    few sentences of a long article wants its lead; one who asks for a large share of it
    (more than ``share_low`` of the sentences it may pick from) wants the whole story covered."""
    if available <= 0:
        return 0.0
    share = count / available
    return min(1.0, max(0.0, (share - p.share_low) / (p.share_high - p.share_low)))
