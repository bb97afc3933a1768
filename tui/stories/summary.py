"""Multi-document story summaries: central sentences across outlets, each marked with its source.

Selection maximises a monotone submodular objective greedily (coverage of the story's content, saturated
so one outlet's repetition earns nothing, plus a diversity reward over groups of similar sentences),
each candidate's gain divided by its length to a power so short, dense sentences compete fairly with a
word budget. Sentences come only from bodies (no datelines, bylines or boilerplate), never a bare
quotation, never one that repeats a chosen sentence (cosine >= REPEAT), and never from a near-duplicate
article. A sentence's score counts only its words outside quotation marks: the summary says what happened, and the story
view lists the quotes by speaker beside it. "What's new": the sentences of the latest day's articles that no earlier article said, none repeating another.
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
NEW_OVERLAP = 0.35  # a latest-day sentence this similar to an earlier one is not new
MIN_WORDS, MAX_WORDS = 6, 70
# weight of the lead prior (news puts the event first): fitted on corpus pseudo stories, not dev
# (bench/story_summary_proxy.py: 0.5 -> 0.4188, 1 -> 0.4217, then a plateau 2-5 at 0.4236-0.4256; 2 is its first value)
POSITION = 2.0
MAX_CANDIDATES = 1500
LEAD_SENTENCES = 20  # sentences read per article: the news is at the top, and this keeps a story fast

_LEADING = re.compile(r"^(?:and|but|also|however|meanwhile|still|yet|so)\s*,?\s+", re.IGNORECASE)


@dataclass
class StorySentence:
    """A summary sentence and where it comes from."""

    text: str
    article: int
    source: str
    day: str
    index: int = 0  # position among its article's sentences


@dataclass
class _Cand:
    art: StoryArticle
    index: int
    text: str
    words: int
    terms: list[str] = field(default_factory=list)
    shown: int = 0  # words of the line as the summary shows it (`_tidy`: no leading "But"), what a word budget counts
    quoted: float = 0.0  # share of its words inside quotation marks (its score is weighed by the rest)


def candidates(arts: list[StoryArticle]) -> list[_Cand]:
    """Eligible body sentences of the story's original (not near-duplicate) articles."""
    from tui.engine.summarize.filters import eligible, inside_quote, straight_marks, whole_quote
    from tui.engine.tokens import content_terms

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
    return out


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


def select(cands: list[_Cand], sentences: int | None = None, words: int | None = None, x=None) -> list[_Cand]:
    """Choose sentences: `sentences` of them, or until `words` words are reached (the last may run over).
    `x` may pass matrix(cands)."""
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
    covered = np.zeros(n, dtype=np.float32)
    group_sum = np.zeros(groups.max() + 1, dtype=np.float32)
    cost = np.array([c.words for c in cands], dtype=np.float32) ** LENGTH_POWER
    told = np.array([1.0 - c.quoted for c in cands], dtype=np.float32)  # quotations are the quotes' place
    chosen: list[int] = []
    blocked = np.zeros(n, dtype=bool)
    used_words = 0
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
        best = int(np.argmax(score))
        if not np.isfinite(score[best]):
            break
        chosen.append(best)
        used_words += cands[best].shown or cands[best].words
        covered += sim[best]
        group_sum[groups[best]] += reward[best]
        blocked |= sim[best] >= REPEAT
        blocked[best] = True
    return [cands[i] for i in chosen]


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
    """The story summary, in story order (by day, then article, then position). A story of one article
    (near-duplicates aside) gets the article's own news summary. `cands` may pass candidates(arts), and
    then `x` matrix(cands)."""
    originals = [a for a in arts if not a.dup_of]
    if len(originals) == 1:
        return _single(originals[0], sentences, words)
    picked = select(candidates(arts) if cands is None else cands, sentences, words, x=None if cands is None else x)
    picked.sort(key=lambda c: (c.art.day, c.art.id, c.index))
    return [StorySentence(_tidy(c.text), c.art.id, c.art.source, c.art.day, c.index) for c in picked]


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


def whats_new(arts: list[StoryArticle], limit: int = 3, cands: list[_Cand] | None = None,
              x=None) -> list[StorySentence]:
    """Sentences of the latest day's articles that no earlier article said (most central first).
    `cands` may pass candidates(arts), and then `x` matrix(cands)."""
    return latest_news(arts, limit, cands, x)[0]


def latest_news(arts: list[StoryArticle], limit: int = 3, cands: list[_Cand] | None = None,
                x=None) -> tuple[list[StorySentence], set[tuple[int, int]]]:
    """(whats_new's sentences, the (article, index) keys of every sentence of the latest day's articles that no
    earlier article said): the summary marks each of its lines that is one of those "new", not only the `limit`
    most central (a story's summary showed two sentences of the latest report, one marked "new", the other not)."""
    import numpy as np

    originals = [a for a in arts if not a.dup_of]
    if len(originals) < 2:
        return [], set()
    last_day = max(a.day for a in originals)
    if cands is None:
        cands, x = candidates(originals), None
    latest = [i for i, c in enumerate(cands) if c.art.day == last_day]
    earlier = [i for i, c in enumerate(cands) if c.art.day < last_day]
    if not latest or not earlier:
        return [], set()
    x = matrix(cands) if x is None else x
    sim = x[latest] @ x[earlier].T
    fresh = [latest[j] for j in range(len(latest)) if sim[j].max() < NEW_OVERLAP]
    if not fresh:
        return [], set()
    central = (x[fresh] @ x[latest].T).sum(axis=1)
    order: list[int] = []
    for i in np.argsort(-central):  # most central first, none repeating one already taken (two outlets'
        if any(float(x[fresh[i]] @ x[j]) >= REPEAT for j in order):  # same new line, worded a little apart)
            continue
        order.append(fresh[i])
        if len(order) == limit:
            break
    order.sort(key=lambda i: (cands[i].art.id, cands[i].index))
    return ([StorySentence(_tidy(cands[i].text), cands[i].art.id, cands[i].art.source, cands[i].art.day,
                           cands[i].index) for i in order],
            {(cands[i].art.id, cands[i].index) for i in fresh})
