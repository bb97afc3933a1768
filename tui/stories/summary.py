"""Multi-document story summaries: central sentences across outlets, each marked with its source.

Selection maximises a monotone submodular objective greedily (coverage of the story's content, saturated
so one outlet's repetition earns nothing, plus a diversity reward over groups of similar sentences),
each candidate's gain divided by its length to a power so short, dense sentences compete fairly with a
word budget. Sentences come only from bodies (no datelines, bylines or boilerplate), never a bare
quotation, never one that repeats a chosen sentence, in its words (cosine >= REPEAT) or in its content (the same
numbers, days, names and event words said again: tui/stories/facts.py), and never from a near-duplicate article. The
summary opens with what happened: the chosen sentence that tells the event sentence's news (`event_sentence`: the
lead the other articles' leads agree with most), and a summary of so many sentences (the story view's, the
briefing's) with the event sentence itself. A sentence's score counts only its words outside quotation
marks: the summary says what happened, and the story view lists the quotes by speaker beside it. A short summary
(the briefing's) and one of so many sentences (the story view's) also tell the latest development: the latest day's
lead that tells a turn of events, a new figure or a new time (`development`). "What's new": the sentences of the
latest day's articles that no earlier article said, in words or in content, none repeating another, the latest
development first.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from tui.stories.articles import StoryArticle

ALPHA = 6.0        # coverage saturates at ALPHA/N of a sentence's total similarity (N: candidates)
DIVERSITY = 6.0    # weight of the diversity reward
LENGTH_POWER = 0.3  # gain per word^LENGTH_POWER
REPEAT = 0.5       # a sentence this similar to a chosen one repeats it
NEW_OVERLAP = 0.35  # a latest-day sentence this similar to an earlier one is not new ...
NEW_TERMS = 1 / 3  # ... unless this share of its terms or more is in no earlier report: it shares a name and a place
# with the old lines, and says what they did not ("Ines Carrow told a crowded chamber ..." at 0.42 and 0.57 unmarked,
# between marked lines; a latest line that tells the old news again, "buses will keep running", 0.42 and 0.14)
MIN_WORDS, MAX_WORDS = 6, 70
# weight of the lead prior (news puts the event first): fitted on corpus pseudo stories, not dev
# (bench/story_summary_proxy.py: 0.5 -> 0.4188, 1 -> 0.4217, then a plateau 2-5 at 0.4236-0.4256; 2 is its first value)
POSITION = 2.0
MAX_CANDIDATES = 1500
LEAD_SENTENCES = 20  # sentences read per article: the news is at the top, and this keeps a story fast
# A short summary (up to FORCE_UP_TO sentences, or FORCE_UP_TO * 20 words: the briefing's) whose sentences do not tell
# the event sentence's news opens with one that does. Measured (not dev: corpus pseudo stories, an article's first 40
# words as the reference): 40-word summaries 0.3602 -> 0.3717 R-1 forced (both halves up), 0.3636 not forced; dev at
# 100 words forced: R-1 half B -0.0055 (jackknife -0.0045): a longer summary is left to the greedy choice.
FORCE_UP_TO = 3
# ... and so does a summary of any length when the leads agree on the event: a story of one event that every outlet
# leads with (our multi-outlet test stories 0.53-0.69; corpus pseudo stories, linked by shared terms: median 0.37,
# upper quartile 0.48)
AGREED = 0.5
NEAR_BEST = 0.9  # a lead agreed with this much of the best's agreement is as good: the first told of them is taken
LEADS, LEAD_SPAN = 2, 3  # an article's lead for the event sentence: its first 2 candidates among its first 3 sentences
# The latest development: a short summary (FORCE_UP_TO), or one of so many sentences, of a story told over more than
# one day holds the lead of its latest day's report when that lead says what no earlier report said (`development`)
# and no chosen sentence tells it: a briefing that opened a strike story with the walkout and left out its latest
# report, "the strike was called off", told yesterday's news. New: it tells a turn of events (`facts.turns`) or a new
# figure or time for an event told before (`_new_count`: "the bridge will stay shut until the middle of January" was
# in no summary), at least NOVEL of its content terms appear in no earlier report's sentences (or it gives that new
# figure or time), and no earlier sentence
# repeats it in words (cosine >= REPEAT); told: a chosen sentence holds at least half those new terms, or its facts
# (no turn told).
NOVEL = 0.25

_LEADING = re.compile(r"^(?:and|but|also|however|meanwhile|still|yet|so)\s*,?\s+", re.IGNORECASE)


@dataclass
class StorySentence:
    """A summary sentence and where it comes from."""

    text: str
    article: int
    source: str
    day: str
    index: int = 0  # position among its article's sentences
    development: bool = False  # it tells the story's latest development (`development`): marked "new" where shown


@dataclass
class _Cand:
    art: StoryArticle
    index: int
    text: str
    words: int
    terms: list[str] = field(default_factory=list)
    shown: int = 0  # words of the line as the summary shows it (`_tidy`: no leading "But"), what a word budget counts
    quoted: float = 0.0  # share of its words inside quotation marks (its score is weighed by the rest)
    facts: frozenset[str] = frozenset()  # its numbers, days, names and event words (tui/stories/facts.py)


def candidates(arts: list[StoryArticle]) -> list[_Cand]:
    """Eligible body sentences of the story's original (not near-duplicate) articles."""
    from tui.engine.summarize.filters import eligible, inside_quote, straight_marks, whole_quote
    from tui.engine.tokens import content_terms
    from tui.stories.facts import facts, story_names

    out = []
    for a in arts:
        if a.dup_of:
            continue
        lead = a.sentences[:LEAD_SENTENCES]
        ok = eligible(lead)
        inside = inside_quote(lead)
        straight = straight_marks(lead)
        for i, s in enumerate(lead):
            n = len(s.text.split())
            if ok[i] and MIN_WORDS <= n <= MAX_WORDS:
                text = whole_quote(s.text, *inside[i], straight)
                shown = len(_tidy(text).split()) if _LEADING.match(text) else n  # (whole_quote adds no word)
                out.append(_Cand(a, i, text, n, content_terms(s.text), shown, quoted_share(text)))
    if len(out) > MAX_CANDIDATES:  # very large stories: the leads of the articles
        out.sort(key=lambda c: c.index)
        out = out[:MAX_CANDIDATES]
    names = story_names([c.text for c in out])
    for c in out:
        c.facts = facts(c.text, names, c.terms)
    return out


def fact_matrix(cands: list[_Cand]):
    """0/1 matrix of the candidates' facts (a row per candidate, a column per fact), and each row's count: the
    facts two candidates share are one product, so only pairs that could repeat each other are read in Python."""
    import numpy as np

    vocab: dict[str, int] = {}
    cols = [vocab.setdefault(f, len(vocab)) for c in cands for f in c.facts]
    width = max(1, len(vocab))
    rows = np.repeat(np.arange(len(cands)), [len(c.facts) for c in cands])
    m = np.zeros((len(cands), width), dtype=np.float32)
    m[rows, np.array(cols, dtype=np.intp)] = 1.0
    return m, np.array([len(c.facts) for c in cands], dtype=np.float32)


def _repeating(cands: list[_Cand], f, counts, of: int, among) -> list[int]:
    """The indices in `among` (an array of candidate indices) whose candidate says again what candidate `of` said,
    by content (`facts.repeats`)."""
    from tui.stories.facts import COVER, repeats

    shared = f[among] @ f[of]
    maybe = among[(shared > 0) & (shared >= COVER * counts[among])]
    return [int(i) for i in maybe if repeats(cands[i].facts, cands[of].facts)]


def _repeating_of(cands: list[_Cand], f, counts, of: int) -> list[int]:
    """The candidates that hold candidate `of`'s facts, so that it says again what they say (`facts.repeats`): the
    sentences that tell what it tells, in their own words."""
    import numpy as np

    from tui.stories.facts import COVER, repeats

    shared = f @ f[of]
    if shared[of] == 0 or shared.max() < COVER * counts[of]:
        return []
    return [int(i) for i in np.flatnonzero(shared >= COVER * counts[of]) if repeats(cands[of].facts, cands[i].facts)]


def _tells_of(event: frozenset[str], other: frozenset[str]) -> bool:
    """Whether a sentence of facts `other` tells the news of the event sentence's `event` facts, if not all of it:
    it holds every event word of it (one at least) and one of its names, numbers or days."""
    kinds = {f for f in event if f.startswith("e:")}
    return bool(kinds) and kinds <= other and any(not f.startswith("e:") and f in other for f in event)


def event_sentence(cands: list[_Cand], x, f=None, counts=None) -> int | None:
    """The candidate that says what happened (`event_lead`'s), or None."""
    return event_lead(cands, x, f, counts)[0]


def event_lead(cands: list[_Cand], x, f=None, counts=None, speech: bool = False) -> tuple[int | None, float]:
    """The candidate that says what happened: of the articles' leads (each original article's first LEADS
    candidates among its first LEAD_SPAN sentences), the one the other articles' leads agree with most (the sum
    over the other articles of the closest of their leads, by words and by facts), the first told of those about
    as agreed with; and how much the leads agree on it (the mean over the other articles of its closest lead's
    similarity, 0-1). (None, 0.0) for a story of fewer than two articles. `f`, `counts` may pass fact_matrix(cands).
    A lead's words inside quotation marks are the quotes' place: it counts for the share outside them. With `speech`
    (the opening of a summary of so many sentences) so are the words a speaker's report says (`facts.reported`:
    "Ysolde Marr said the teams were checking the gullies"), both as a lead and as what another lead agrees with (a
    line close to what she said agrees with no statement of the event): the summary opens with what happened, not with
    who said something. Not at a word budget: dev, at 100 words R-1 half A -0.0019; at 40 words +0.0047 but the
    jackknife's half B -0.0030 (dev measures only)."""
    import numpy as np

    from tui.stories.facts import reported

    by_art: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.index < LEAD_SPAN:
            lead = by_art.setdefault(c.art.id, [])
            if len(lead) < LEADS:
                lead.append(i)
    if len(by_art) < 2:
        return None, 0.0
    if f is None:
        f, counts = fact_matrix(cands)
    leads = [i for ids in by_art.values() for i in ids]  # article by article
    starts = np.cumsum([0] + [len(ids) for ids in by_art.values()])[:-1]
    owner = np.repeat(np.arange(len(by_art)), [len(ids) for ids in by_art.values()])
    fl, nl = f[leads], counts[leads]
    both = (fl @ fl.T) / np.maximum(np.sqrt(nl[:, None] * nl[None, :]), 1.0)
    sim = (x[leads] @ x[leads].T + both) / 2
    if speech:  # what a speaker said: the quotes' place, as a lead and as what another agrees with
        told = np.array([1.0 - max(cands[i].quoted, reported(cands[i].text)) for i in leads], dtype=np.float32)
        sim = sim * told[None, :]
    else:  # a quotation: the quotes' place
        told = np.array([1.0 - cands[i].quoted for i in leads])
    closest = np.maximum.reduceat(sim, starts, axis=1)  # each lead's closest lead of each article
    closest[np.arange(len(leads)), owner] = 0.0  # not its own article's
    agree = closest.sum(axis=1) * told
    # of the leads about as agreed with as the best, the first told (the first report's opening)
    near = [leads[j] for j in np.flatnonzero(agree >= NEAR_BEST * agree.max())]
    return (min(near, key=lambda i: (cands[i].art.day, cands[i].index, cands[i].art.id)),
            float(agree.max()) / (len(by_art) - 1))


def matrix(cands: list[_Cand]):
    """Row-normalised tf-idf matrix of the candidates (idf over the candidates themselves); `select` and
    `whats_new` take it (`x`) so that a story's summary builds it once."""
    import numpy as np

    vocab: dict[str, int] = {}
    cols: list[int] = []  # each term of each candidate, as its column
    for c in cands:
        cols += [vocab.setdefault(t, len(vocab)) for t in c.terms]
    width = max(1, len(vocab))
    rows = np.repeat(np.arange(len(cands)), [len(c.terms) for c in cands])
    # each cell the count of its term in its candidate (whole numbers: the same floats however they are added up)
    m = np.bincount(rows * width + np.array(cols, dtype=np.intp), minlength=len(cands) * width)
    m = m.reshape(len(cands), width).astype(np.float32)
    df = (m > 0).sum(axis=0)
    m *= np.log((len(cands) + 1) / (df + 1)) + 1.0
    norms = np.linalg.norm(m, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return m / norms


def select(cands: list[_Cand], sentences: int | None = None, words: int | None = None, x=None,
           event: bool = True) -> list[_Cand]:
    """Choose sentences: `sentences` of them, or until `words` words are reached (the last may run over), none
    repeating a chosen one by its words (cosine >= REPEAT) or by its content (`facts.repeats`). With `event`, the
    first is the one that tells the event sentence's news (`event_sentence`; in its words or its facts), and a short
    summary (FORCE_UP_TO) that holds none is chosen again opening with the best of those; a short summary, or one of
    so many `sentences`, that does not tell the story's latest development (`development`) is chosen again with it
    second. `x` may pass
    matrix(cands)."""
    import numpy as np

    if not cands:
        return []
    if sentences is None and words is None:
        sentences = 5
    x = matrix(cands) if x is None else x
    sim = x @ x.T
    n = len(cands)
    total = sim.sum(axis=1)
    cap = ALPHA / n * total
    # lead prior: the first sentences of each article say what happened
    prior = np.array([1.0 + POSITION / (1.0 + c.index) for c in cands], dtype=np.float32)
    reward = prior * total / n
    groups = _groups(x, max(2, n // 5))
    cost = np.array([c.words for c in cands], dtype=np.float32) ** LENGTH_POWER
    told = np.array([1.0 - c.quoted for c in cands], dtype=np.float32)  # quotations are the quotes' place
    f, counts = fact_matrix(cands)
    stale = np.zeros(n, dtype=bool)  # an earlier day's time to come that a later day's line says happened
    stale[list(happened(cands))] = True

    def greedy(first=None, seeds=()) -> list[int]:
        chosen: list[int] = []
        blocked = stale.copy()
        covered = np.zeros(n, dtype=np.float32)
        group_sum = np.zeros(groups.max() + 1, dtype=np.float32)
        used_words = 0

        def take(best: int) -> None:
            nonlocal used_words
            chosen.append(best)
            used_words += cands[best].shown or cands[best].words
            covered[:] += sim[best]
            group_sum[groups[best]] += reward[best]
            blocked[:] |= sim[best] >= REPEAT
            blocked[best] = True
            blocked[_repeating(cands, f, counts, best, np.flatnonzero(~blocked))] = True  # the same fact, other words

        for best in seeds:  # chosen before the rest (the event sentence and the latest development)
            take(best)
        while True:
            if sentences is not None and len(chosen) >= sentences:
                break
            if words is not None and used_words >= words:
                break
            base = np.minimum(covered, cap).sum()
            gains = np.minimum(covered[None, :] + sim, cap[None, :]).sum(axis=1) - base
            div = np.sqrt(group_sum[groups] + reward) - np.sqrt(group_sum[groups])
            score = (gains + DIVERSITY * div) / cost * told
            score[blocked] = -np.inf
            if first is not None and not chosen:
                score[~first] = -np.inf  # what happened, before anything else: the best of the sentences telling it
            best = int(np.argmax(score))
            if not np.isfinite(score[best]):
                break
            take(best)
        return chosen

    chosen = greedy()
    ev, agreed = event_lead(cands, x, f, counts, speech=words is None) if event else (None, 0.0)
    if ev is not None and chosen:
        # the event told: by the event sentence itself or by a chosen one it repeats (in words or in content),
        # which then comes first; not told: the event sentence is chosen first and the rest chosen after it
        tells = sim[:, ev] >= REPEAT
        tells[ev] = True
        tells[_repeating_of(cands, f, counts, ev)] = True
        tellers = [c for c in chosen if tells[c] or _tells_of(cands[ev].facts, cands[c].facts)]
        # the event sentence itself, else the teller closest to it in words
        teller = max(tellers, key=lambda c: (c == ev, float(sim[c, ev])), default=None)
        short = (sentences or 0) <= FORCE_UP_TO if words is None else words <= FORCE_UP_TO * 20
        if teller is not None and teller != ev and words is None:
            # a summary of so many sentences (the story view's, the briefing's) opens with the event sentence itself,
            # what the story is about, not with a line that tells it by the way ("Replacement buses carried
            # commuters ... after the rail bridge was closed"); a summary of so many words keeps the teller, whose
            # words are its budget's (sum33: the event sentence first at 100 words, dev jackknife -0.0015)
            chosen = greedy(seeds=(ev,))
        elif teller is not None:
            chosen = [teller] + [c for c in chosen if c != teller]
        elif agreed >= AGREED or short:
            chosen = greedy(tells)
        if (short or words is None) and len(chosen) > 1:
            # the latest report's news, when none of the chosen sentences tells it: after what happened, before the
            # rest. In a summary of so many sentences too (the story view's: a reader opening a story wants where it
            # stands now), not in a longer one of so many words, whose words are its budget's (tried at 100 words:
            # dev R-1 half A 0.3882 -> 0.3867, one event; dev measures only)
            dev, novel = development(cands, x, standing=True, days=words is None)
            if dev is not None and not any(_tells(cands[c], cands[dev], novel) for c in chosen):
                chosen = greedy(seeds=(chosen[0], dev))
    return [cands[i] for i in chosen]


def _tells(c: _Cand, dev: _Cand, novel: set[str]) -> bool:
    """Whether chosen sentence `c` tells the latest development `dev` (whose terms no earlier report holds are
    `novel`): it is that sentence, holds half those terms, or says it again by content (`facts.repeats`) when `dev`
    tells no turn of events (the same numbers, days and names are then the same news)."""
    from tui.stories.facts import repeats, turns

    return (c is dev or len(novel & set(c.terms)) * 2 >= len(novel)
            or (not turns(dev.text) and repeats(dev.facts, c.facts)))


def _new_count(facts: frozenset[str], said: set[str], when: frozenset[str] = frozenset(),
               said_when: set[str] | frozenset[str] = frozenset(), ahead: bool = False, figures: bool = True) -> bool:
    """Whether a sentence of `facts` gives a figure or a time no earlier report gave for a kind of event one did tell
    (the toll rose to 12, a second count of the evacuated; the line stays shut until January, the vote moved to
    2027): `said` is the earlier reports' facts. A time: a year or a dated day ("d:jan-14") among its facts, or a
    month named alone (`months`: `when`, the earlier reports' `said_when`); a day of the week only in a sentence that
    tells what is to come (`ahead`: "the families will go home on Thursday"), as each day's report names its own day
    for what happened. `figures` False: a new time alone counts (not a figure)."""
    if not any(f.startswith("e:") and f in said for f in facts):
        return False
    return (any(f.startswith(("n:", "y:") if figures else "y:") and f not in said for f in facts)
            or any(f.startswith("d:") and ("-" in f or ahead) and f not in said for f in facts)
            or bool(when - said_when))


_AHEAD = re.compile(r"\b(?:will|shall|(?:is|are) (?:due|set|expected) to)\b", re.IGNORECASE)


def ahead(text: str) -> bool:
    """Whether a sentence tells what is to come ("will go home", "is due to reopen"): a day of the week it names is
    then a time of its own (`_new_count`), not the day of its report."""
    return bool(_AHEAD.search(text))


# what is to come, and its verb: "will return home", "is due to be reopened" (the verb after a "be"), not "will not"
_TO_COME = re.compile(r"\b(?:will|shall|(?:is|are) (?:due|set|expected) to)\s+(?:(?:also|now|then|still|only|soon|"
                      r"finally|be)\s+)*([^\W\d_]+)", re.IGNORECASE)
_NOT_YET = re.compile(r"\b(?:not|never|no longer|yet to|hope[sd]? to|plan(?:s|ned)? to)\b|n[’']t\b", re.IGNORECASE)
# a verb after one of these is still to come, or only wished for ("hoped to return", "could reopen")
_UNDONE = frozenset("to will would could can may might shall should must".split())


def happened(cands: list[_Cand]) -> dict[int, list[int]]:
    """The candidates that tell a time to come (`ahead`: "families will return home on Saturday") which a later day's
    sentence says happened ("the families returned home on Saturday morning"), each with those later sentences
    (`_came`; rule time-to-come-came-about). An earlier day's "will" is then old news told as if it were still ahead: a
    summary leaves it out (`select`), and one of so many sentences tells the later line as the latest development
    (session 37)."""
    from tui.engine.rules import enabled

    days = sorted({c.art.day for c in cands})
    if len(days) < 2 or not enabled("time-to-come-came-about"):
        return {}
    later_of: dict[str, list[int]] = {}
    out: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.art.day == days[-1]:
            continue
        verb = _to_come(c.text)
        if verb is None:
            continue
        others, common = _others(c.text, c.terms, verb)
        if c.art.day not in later_of:
            later_of[c.art.day] = [k for k, o in enumerate(cands) if o.art.day > c.art.day]
        for k in later_of[c.art.day]:
            if _came(verb, others, common, cands[k].text, cands[k].terms):
                out.setdefault(i, []).append(k)
    return out


def _to_come(text: str) -> str | None:
    """The stem of the verb of what a sentence says is to come ("will return home": "return"), or None."""
    from tui.engine.tokens import content_terms

    m = _TO_COME.search(text)
    if m is None or m.group(1).lower() in ("not", "never"):
        return None
    verb = content_terms(m.group(1))
    return verb[0] if verb else None


def _others(text: str, terms: list[str], verb: str) -> tuple[set[str], set[str]]:
    """The content terms of a sentence of a time to come but its verb's, and those of them written in lower case (who
    or what: "families", "ferry"; not a name)."""
    from tui.engine.tokens import WORD_RE, content_terms

    others = set(terms) - {verb}
    return others, {t for w in WORD_RE.findall(text) if w[:1].islower() for t in content_terms(w)} & others


def _came(verb: str, others: set[str], common: set[str], text: str, terms: list[str]) -> bool:
    """Whether a later sentence (`text`, its content `terms`) says that what an earlier one said was to come (its verb's
    stem `verb`, its other content terms `others`, those in lower case `common`) came about: the same verb, not after
    "to", "will" or "could" and not denied ("have not returned", "hoped to return"), and two more of its content terms,
    one of them in lower case (who or what, and where or when: "engineers returned to Pellow Quay" is not the families'
    homecoming)."""
    from tui.engine.tokens import WORD_RE, stem

    shared = others & set(terms)
    if verb not in terms or len(shared) < min(2, len(others)) or (common and not shared & common) \
            or _NOT_YET.search(text):
        return False
    words = [w.lower() for w in WORD_RE.findall(text)]
    return any(stem(w) == verb and (j == 0 or words[j - 1] not in _UNDONE) for j, w in enumerate(words))


def came_about(pair: str) -> bool:
    """Whether the second of two sentences ("EARLIER | LATER") says that what the first said was to come came about
    (`happened` of one pair): the rule registry's probe of stage stories.came."""
    from tui.engine.rules import enabled
    from tui.engine.tokens import content_terms

    earlier, _, later = pair.partition(" | ")
    verb = _to_come(earlier)
    return (enabled("time-to-come-came-about") and verb is not None
            and _came(verb, *_others(earlier, content_terms(earlier), verb), later, content_terms(later)))


_MONTH = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|December"
                    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?")


def months(text: str) -> frozenset[str]:
    """The months a sentence names, capitalised as a month is ("until January", "by mid-March", "in Sept."), as their
    first three letters: "may" and "march" in lower case are words of their own."""
    return frozenset(m.group(1)[:3].lower() for m in _MONTH.finditer(text))


ARRIVAL_GAP = 3600  # seconds: within one day, reports that came this long after the ones before are the later ones


@dataclass
class Latest:
    """A story's latest reports: the ids of its original articles that came last (`latest`), and when."""

    ids: frozenset[int]
    day: str
    after: str = ""  # within one day: the time ("14:00") the later reports came after ("" when by day)
    originals: int = 0  # the story's original articles, these among them

    @property
    def mostly(self) -> bool:
        """Whether the latest reports are almost the whole story (MOSTLY of its original articles or more): against
        so little that came before, every line of its summary is new, and the views say so once instead of marking
        each line."""
        return len(self.ids) >= MOSTLY * self.originals


MOSTLY = 0.8


def latest(arts: list[StoryArticle]) -> Latest | None:
    """The story's latest reports against which its earlier ones are "before": the original articles of its latest
    day, when an earlier day has one; for a story told within one day whose articles' times are known (StoryArticle.at:
    the time each came into the library, that day), the ones after the last gap of ARRIVAL_GAP or more between them (a
    rescue ended that evening, after the morning's reports). None when nothing came before them. Of a story with dated
    articles, only those: a note with no date of its own (a reading list kept beside the story, placed by the day it
    was stored) is no report, and a note stored the day after the last reports was taken for the story's latest news,
    its line the only one marked "new" and the reports' latest development left unmarked (walk38)."""
    originals = [a for a in arts if not a.dup_of]
    if not originals:
        return None
    reports = [a for a in originals if a.dated] or originals
    last = max(a.day for a in reports)
    if any(a.day < last for a in reports):
        return Latest(frozenset(a.id for a in reports if a.day == last), last, "", len(originals))
    times = sorted({a.at for a in reports})
    if len(times) < 2 or not all(_seconds(t) is not None for t in times):
        return None
    cut = next((t for before, t in zip(times[::-1][1:], times[::-1]) if _seconds(t) - _seconds(before) >= ARRIVAL_GAP),
               None)
    if cut is None:
        return None
    return Latest(frozenset(a.id for a in reports if a.at >= cut), last, times[times.index(cut) - 1][:5],
                  len(originals))


def _seconds(at: str) -> int | None:
    """"14:05:00" as seconds into the day; None when it is no time."""
    try:
        h, m, sec = (int(x) for x in at.split(":"))
    except ValueError:
        return None
    return h * 3600 + m * 60 + sec if 0 <= h < 24 and 0 <= m < 60 and 0 <= sec < 62 else None


def development(cands: list[_Cand], x, standing: bool = False, days: bool = False) -> tuple[int | None, set[str]]:
    """The candidate that tells the story's latest development, and its terms no earlier report holds: of the leads
    of the latest day's reports (each one's first candidate among its first LEAD_SPAN sentences) that tell news, the
    most central among the latest day's candidates. (None, set()) for a story told on one day, or whose latest
    reports lead with no news. News: a turn of events (`facts.turns`: called off, postponed, ended ...) or a new
    figure or time for an event told before (`_new_count`: a closure to last "until the middle of January"; measured
    at 40 words, the time added: dev R-1 unchanged, jackknife 0.2972 -> 0.2974), in a sentence at least NOVEL of
    whose terms are new unless it gives that new figure or time (a strike "suspended after the company raised its
    offer to 6.5 per cent", its other words the earlier reports'; session 34, with a day of the week ahead as a time:
    dev at 40 and 100 words unchanged), and that no earlier sentence repeats in words (cosine >= REPEAT) unless it
    gives that new figure or time (a latest lead that recalls the story so far, then says how long the closure now
    lasts). A turn word counts only of what the story is about (`facts.turns` with the earlier reports' leads' terms as
    its subject: "volunteers halted for lunch" is no turn of a search). With `standing` (what a short summary tells:
    where the story stands), a story told within one day whose latest reports tell none gives the turn of the reports
    before them, and so on back (a festival called off at 08:50 stays told when the traders' report of 10:05 leads with
    their losses; only a turn of events, not a new figure or time: those change as the day goes on). With `days` too
    (a summary of so many sentences: the briefing's, the story view's) the same over days: a ferry strike suspended
    on the second day stays told when the third day's reports lead with the island's shops restocking (session 35),
    and so does a time still to come that an earlier day's lead gave (a sentence that tells what is to come, `ahead`,
    with a time no report before it gave: "families will return home on Saturday", told on the second day, stays told
    when the third day's reports lead with the clean-up; a reader of what's new wants it: session 36; not a new figure,
    which the later days may have changed). Not at a word budget: dev at 40 words R-1 -0.0026 (B -0.0075; with new
    figures and times too, -0.0080, B -0.0158; session 34). A latest
    lead that only tells the story again in words of its own (a later day's report of the same strike) is none: in a
    short summary it would take the place of a central sentence (tried on any new lead: dev at 40 words -0.011 R-1,
    11 of 25 events changed; as it is, 1)."""
    arts = every = list({c.art.id: c.art for c in cands}.values())
    # with `days`: an earlier day's time to come that a later day says came about (`happened`) is no development, and
    # the later line that says so is one (the families returned home)
    stale = happened(cands) if days else {}
    came = {k for ks in stale.values() for k in ks}
    while True:
        cut = latest(arts)
        if cut is None:
            return None, set()
        # the latest reports: a turn, a new figure or a new time; an earlier day's: a turn or a time still to come;
        # the earlier reports of one day: a turn alone
        counts = True if len(arts) == len(every) else AHEAD if days and not cut.after else False
        found = _development(cands, x, cut.ids, {a.id for a in arts}, counts=counts,
                             stale=set(stale) if counts == AHEAD else set(), came=came if counts is True else set())
        if found[0] is not None or not standing or not (cut.after or days):
            return found
        arts = [a for a in arts if a.id not in cut.ids]  # the reports before these: their turn, if any


AHEAD = "ahead"  # `_development`'s `counts` of an earlier day's reports: a new time in a line telling what is to come


def _development(cands: list[_Cand], x, ids: frozenset[int], among: set[int],
                 counts: bool | str = True, stale: set[int] = frozenset(),
                 came: set[int] = frozenset()) -> tuple[int | None, set[str]]:
    """`development` of the reports `ids` against the others of `among` (article ids); with `counts` False a turn of
    events alone is news (not a new figure or time); AHEAD, a turn or a new time in a line that tells what is to come
    (`ahead`), not a new figure; none of `stale` (`happened`: a later day says it came about), and one of `came` (a
    line that says such a time to come came about) is news."""
    from tui.stories.facts import turns

    earlier = [i for i, c in enumerate(cands) if c.art.id in among and c.art.id not in ids]
    later = [i for i, c in enumerate(cands) if c.art.id in ids]
    if not earlier:
        return None, set()
    said = {t for i in earlier for t in cands[i].terms}
    said_facts = set().union(*(cands[i].facts for i in earlier))
    said_when = set().union(*(months(cands[i].text) for i in earlier))
    subject = {t for i in earlier if cands[i].index < LEAD_SPAN for t in cands[i].terms}  # what the story is about
    leads: dict[int, int] = {}
    for i in later:
        if cands[i].index < LEAD_SPAN:
            leads.setdefault(cands[i].art.id, i)
    leads = {a: i for a, i in leads.items() if i not in stale}  # (an article whose lead came about has none)
    found: list[tuple[float, int, set[str]]] = []
    for i in leads.values():
        terms = set(cands[i].terms)
        novel = terms - said
        to_come = ahead(cands[i].text)
        counted = i in came or bool(counts) and (counts is True or to_come) and _new_count(
            cands[i].facts, said_facts, months(cands[i].text), said_when, to_come, figures=counts is True)
        # a new figure or time for the event is news however many of its words are old ("The strike was suspended
        # after the company raised its offer to 6.5 per cent"); else NOVEL of them are its own
        if not terms or (len(novel) < NOVEL * len(terms) and not counted):
            continue
        # a lead that repeats earlier words is news only with a new figure or time for the event: it told the story so
        # far in their words, then the news ("The bridge, closed since ..., will stay shut until January")
        if float((x[earlier] @ x[i]).max()) >= REPEAT and not counted:
            continue
        if not (turns(cands[i].text, subject) or counted):
            continue
        found.append((float((x[later] @ x[i]).sum()), -i, novel))
    if not found:
        return None, set()
    _, i, novel = max(found, key=lambda t: t[:2])
    return -i, novel


def _groups(x, k: int, rounds: int = 6):
    """k-means (cosine, spherical) cluster of every row: the diversity reward's groups."""
    return _k_means(x, k, rounds)[0]


def _k_means(x, k: int, rounds: int = 6):
    """(the group of every row, the centres) of `_groups`."""
    import numpy as np

    n = x.shape[0]
    k = min(k, n)
    # deterministic seeds: evenly spread rows
    centres = x[np.linspace(0, n - 1, k).astype(int)].copy()
    labels = np.zeros(n, dtype=int)
    for _ in range(rounds):
        labels = np.argmax(x @ centres.T, axis=1)
        # Each centre becomes the normalised sum of its rows, computed for all groups at once with the same floats
        # as `c = x[labels == j].sum(axis=0); c / (np.linalg.norm(c) or 1.0)` group by group: that sum adds the
        # rows one by one in row order, and so do the steps below (step r adds each group's r-th row); the norm is
        # np.linalg.norm's own for a vector, the square root of its dot product with itself (tests/stories compare).
        order = np.argsort(labels, kind="stable")  # the rows group by group, in row order within one
        grouped = labels[order]
        starts = np.searchsorted(grouped, np.arange(k))
        rank = np.arange(n) - starts[grouped]  # each row's place in its group
        sums = np.zeros_like(centres)
        for r in range(int(rank.max()) + 1):
            at = order[rank == r]
            sums[labels[at]] += x[at]
        present = np.flatnonzero(np.bincount(labels, minlength=k))
        sums = sums[present]
        norms = np.sqrt(np.array([row.dot(row) for row in sums], dtype=sums.dtype))
        norms[norms == 0] = 1.0
        centres[present] = sums / norms[:, None]
    return labels, centres


def summarise(arts: list[StoryArticle], sentences: int | None = None, words: int | None = None,
              cands: list[_Cand] | None = None, x=None) -> list[StorySentence]:
    """The story summary: the event sentence first (`event_sentence`), then the rest in story order (by day, then
    article, then position). A story of one article
    (near-duplicates aside) gets the article's own news summary. `cands` may pass candidates(arts), and
    then `x` matrix(cands)."""
    originals = [a for a in arts if not a.dup_of]
    if len(originals) == 1:
        return _single(originals[0], sentences, words)
    if cands is None:
        cands = candidates(arts)
        x = matrix(cands) if cands else None
    picked = select(cands, sentences, words, x=x)
    # what happened first (select's first choice), then the rest in story order
    picked[1:] = sorted(picked[1:], key=lambda c: (c.art.day, c.art.id, c.index))
    dev, novel = development(cands, x) if len(picked) > 1 else (None, set())
    return [StorySentence(_tidy(c.text), c.art.id, c.art.source, c.art.day, c.index,
                          dev is not None and _tells(c, cands[dev], novel)) for c in picked]


_QUOTE_TOKENS = re.compile(r'[“”«»"]|[^\s“”«»"]*\w[^\s“”«»"]*')  # a mark, or a word (a run holding a letter or digit)


def quoted_share(text: str) -> float:
    """The share of the words of `text` that are inside double quotation marks (curly, straight or guillemets;
    `whole_quote` has put back the marks a sentence's neighbours hold). 'He called the plan “unworkable.”' 0.2;
    '“We will stay,” she said.' 0.6. Single marks are left out: they are apostrophes as often."""
    if '"' not in text and "“" not in text and "”" not in text and "«" not in text and "»" not in text:
        return 0.0
    inside = False
    words = quoted = 0
    for tok in _QUOTE_TOKENS.findall(text):
        if tok in "“«":
            inside = True
        elif tok in "”»":
            inside = False
        elif tok == '"':
            inside = not inside
        else:
            words += 1
            quoted += inside
    return quoted / words if words else 0.0


def _single(a: StoryArticle, sentences: int | None, words: int | None) -> list[StorySentence]:
    from tui.engine.summarize import summarize
    from tui.engine.summarize.filters import shown_texts

    if sentences is None and words is None:
        sentences = 5
    count = sentences or max(1, min(len(a.sentences), round(words / 22)))
    picked = summarize(a.body, sentences=count, title=a.title, sents=a.sentences).sentences
    out = []
    for s, text in zip(picked, shown_texts(a.sentences, picked)):
        out.append(StorySentence(text, a.id, a.source, a.day, s.index))
        if words is not None and sum(len(x.text.split()) for x in out) >= words:
            break
    return out


def _tidy(text: str) -> str:
    """A summary sentence without a leading connective ("But ...") that refers to a sentence not shown."""
    out = _LEADING.sub("", text, count=1)
    return out[:1].upper() + out[1:] if out != text else text


def _said_before(cands: list[_Cand], f, counts, latest: list[int], earlier: list[int]) -> set[int]:
    """The candidates of `latest` that repeat, by content, one of `earlier`."""
    import numpy as np

    from tui.stories.facts import COVER, repeats

    if not latest or not earlier:
        return set()
    shared = f[latest] @ f[earlier].T
    ok = (shared > 0) & (shared >= COVER * counts[latest][:, None])
    out = set()
    for j, k in zip(*np.nonzero(ok)):
        i = latest[int(j)]
        if i not in out and repeats(cands[i].facts, cands[earlier[int(k)]].facts):
            out.add(i)
    return out


def _novel(c: _Cand, before: set[str]) -> bool:
    """Whether NEW_TERMS or more of a sentence's terms are in none of the earlier reports' sentences (`before`)."""
    terms = set(c.terms)
    return bool(terms) and len(terms - before) >= NEW_TERMS * len(terms)


def whats_new(arts: list[StoryArticle], limit: int = 3, cands: list[_Cand] | None = None,
              x=None) -> list[StorySentence]:
    """Sentences of the latest day's articles that no earlier article said (most central first).
    `cands` may pass candidates(arts), and then `x` matrix(cands)."""
    return latest_news(arts, limit, cands, x)[0]


def latest_news(arts: list[StoryArticle], limit: int = 3, cands: list[_Cand] | None = None,
                x=None) -> tuple[list[StorySentence], set[tuple[int, int]]]:
    """(whats_new's sentences, the (article, index) keys of every sentence of the latest day's articles that no
    earlier article said): the summary marks each of its lines that is one of those "new", not only the `limit`
    most central (a story's summary showed two sentences of the latest report, one marked "new", the other not).
    A latest-day sentence that says again, in other words, what an earlier one said (`facts.repeats`) is not new;
    one similar in words to an earlier one (NEW_OVERLAP) is new only when NEW_TERMS of its terms are its own or it
    gives a new figure or time for an event told before (`_new_count`: "the strike was suspended after the company
    raised its offer to 6.5 per cent" after "it had offered 4 per cent"; "will go home on Thursday"). The
    latest development (`development`) is new whatever it shares, and listed first."""
    import numpy as np

    from tui.stories.facts import repeats

    originals = [a for a in arts if not a.dup_of]
    if len(originals) < 2:
        return [], set()
    cut = latest(originals)
    if cut is None:
        return [], set()
    if cands is None:
        cands, x = candidates(originals), None
    later = [i for i, c in enumerate(cands) if c.art.id in cut.ids]
    earlier = [i for i, c in enumerate(cands) if c.art.id not in cut.ids]
    if not later or not earlier:
        return [], set()
    x = matrix(cands) if x is None else x
    sim = x[later] @ x[earlier].T
    f, counts = fact_matrix(cands)
    said = _said_before(cands, f, counts, later, earlier)
    came = {k for ks in happened(cands).values() for k in ks}  # it says an earlier day's time to come came about
    before = {t for i in earlier for t in cands[i].terms}
    said_facts = set().union(*(cands[i].facts for i in earlier))
    said_when = set().union(*(months(cands[i].text) for i in earlier))
    fresh = [i for j, i in enumerate(later)
             if i in came or i not in said and (sim[j].max() < NEW_OVERLAP or _novel(cands[i], before)
                                   or _new_count(cands[i].facts, said_facts, months(cands[i].text), said_when,
                                                 ahead(cands[i].text)))]
    dev = development(cands, x)[0]  # the latest development is new, whatever words it shares with what came before
    if dev is not None and dev not in fresh:
        fresh.append(dev)
    if not fresh:
        return [], set()
    central = (x[fresh] @ x[later].T).sum(axis=1)
    order: list[int] = [] if dev is None else [dev]  # it first: where the story stands now
    for i in np.argsort(-central):  # most central first, none repeating one already taken (two outlets'
        if fresh[i] in order:
            continue
        if any(float(x[fresh[i]] @ x[j]) >= REPEAT for j in order):  # same new line, worded a little apart)
            continue
        if any(repeats(cands[fresh[i]].facts, cands[j].facts) for j in order):  # or in words of its own
            continue
        order.append(fresh[i])
        if len(order) >= limit:
            break
    order.sort(key=lambda i: (cands[i].art.id, cands[i].index))
    return ([StorySentence(_tidy(cands[i].text), cands[i].art.id, cands[i].art.source, cands[i].art.day,
                           cands[i].index) for i in order],
            {(cands[i].art.id, cands[i].index) for i in fresh})
