"""Coverage: how much a sentence shares the vocabulary of the whole article.

A sentence's coverage is its degree in the TextRank-style graph whose edges are the cosine
similarities between the sentences' word-count vectors: the sum over every other sentence
of cos(this, that). With unit vectors u_i that sum is u_i · (sum of all u_j) - 1, so one
pass over the words gives every degree: linear in the article's length, with no graph to
cap and no iterations to bound. (On news the degree ranks sentences almost exactly as
PageRank over the same graph does.)

The vocabulary differs from ``tokens.content_terms`` on purpose: only closed-class function
words are dropped (not news verbs such as "said", which tie quotes to their reporting),
and numbers are not words here: a figure repeated across sentences says little about what
the story covers.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from tui.engine.tokens import stem

# Letters only, with inner apostrophes ("don't", "Europe's").
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")

# The core of English function words: pronouns, determiners, the auxiliaries be / have /
# do / will, prepositions, the commonest conjunctions and the pieces contractions leave
# behind. Modals such as "could" or "may" stay: they mark claims and forecasts.
FUNCTION_WORDS = frozenset(
    """
    i me my myself we us our ours ourselves you your yours yourself yourselves
    he him his himself she her hers herself it its itself they them their theirs themselves
    this that these those who whom which what where when why how
    a an the some any each both few more most other such no nor not only own same so
    than too very all
    am is are was were be been being have has had having do does did doing will can should
    and but or if because as until while
    of at by for with about against between into through during before after above below
    to from up down in out on off over under again further then once here there
    just now s t d ll m o re ve y
    you're you've you'll you'd it's she's don't should've isn't aren't wasn't weren't
    doesn't didn't hasn't haven't hadn't won't wouldn't couldn't shouldn't
    """.split()
)

def coverage_terms(text: str) -> Counter[str]:
    """Word counts of ``text`` for the coverage graph: lower-cased stems of its letter
    words, function words left out. Curly apostrophes count as straight ones."""
    out: Counter[str] = Counter()
    for w in _WORD.findall(text):
        lw = w.lower().replace("’", "'")
        if lw not in FUNCTION_WORDS or w == "US":  # "US" in capitals is the country
            out[stem(lw)] += 1
    return out


def coverage(texts: list[str]) -> list[float]:
    """Every sentence's summed cosine similarity to all the other sentences, scaled so the
    best sentence scores 1 (all zeros when no two sentences share a word)."""
    units = []
    by_text: dict[str, dict[str, float]] = {}  # a sentence repeated word for word (a page of datelines) is read once
    for text in texts:
        unit = by_text.get(text)
        if unit is None:
            counts = coverage_terms(text)
            norm = math.sqrt(sum(c * c for c in counts.values()))
            unit = by_text[text] = {w: c / norm for w, c in counts.items()} if norm else {}
        units.append(unit)
    total: Counter[str] = Counter()
    for u in units:
        total.update(u)
    # u · total counts the sentence with itself once (u · u = 1 for a non-empty sentence); the same unit, the same sum
    degree: dict[int, float] = {}
    raw = []
    for u in units:
        if (d := degree.get(id(u))) is None:
            d = degree[id(u)] = max(0.0, sum(x * total[w] for w, x in u.items()) - 1.0) if u else 0.0
        raw.append(d)
    top = max(raw, default=0.0)
    return [x / top for x in raw] if top > 0 else raw
