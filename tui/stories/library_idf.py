"""Library-relative term weights for a batch of articles grouped together (a folder import, a rebuild's batch).

The grouper's terms weigh a word by a background idf (the unlabelled corpus), so a name that fills this
period's news ("the president of the year") weighs as much between two different events of the period as an
event's own name. When many articles are grouped at once they are their own period: each term is weighed by
min(background idf, log((N + 1) / (df + 1))), df the batch's articles holding it among their salient terms, and
the vector is normalised again. bench/story_library_idf.py shows why that carries across fields (the cosine
levels of unrelated pairs come together: PolNeAR's 99th percentile 0.265 under the background idf, 0.071 under
the library's; the corpus's 0.085 -> 0.10) and fits the grouping levels under it on PolNeAR train (`LIBRARY` in
tui/stories/grouping.py).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import chain, repeat
from operator import itemgetter, mul, truediv

# From this many articles a batch weighs its terms by its own idf: the 99th percentile cosine of random pairs of
# the unlabelled corpus under library idf stays within 0.09-0.12 for samples of 50 articles and more (five samples
# each; at 25 it spreads 0.08-0.13): bench/story_library_idf.py prints it.
LIBRARY_FROM = 50


def reweighted(vecs: list[dict[str, float]], top: int,
               base: tuple[int, Counter] | None = None) -> list[dict[str, float]]:
    """Each term vector (background-weighted, strongest first) weighted by min(background, batch idf) instead:
    its `top` strongest terms by the new weights, L2-normalised; a term every article holds drops out. The
    batch's document frequencies are counted over all the terms given (more than `top`: see features_of), plus
    those of `base` = (articles, document frequencies) when given (the articles grouped just before: see
    regroup_window.window_df)."""
    from tui.stories.terms import _weights

    idf, unseen = _weights()
    df = Counter(chain.from_iterable(vecs))  # each vector's terms, in order (counted in C)
    n, get = len(vecs), idf.get
    if base is not None:  # (the base's counts added to the batch's terms only: no other term is weighed)
        n += base[0]
        more = base[1].get
        df = {t: k + more(t, 0) for t, k in df.items()}
    # each term's factor once per batch: min(1, library idf / background idf); 0 drops it
    factor = {t: min(1.0, math.log((n + 1) / (k + 1)) / (get(t) or unseen)) for t, k in df.items()}  # = factor_of
    if base is not None and len(base) > 2 and base[2]:  # a small library's event terms keep their weight (`cohesive`)
        factor.update((t, 1.0) for t in base[2] if t in factor)
    out = []
    dropped = [t for t, f in factor.items() if not f > 0]  # terms every article holds (factor 0): rare
    weigh = factor.__getitem__
    for vec in vecs:
        if dropped and not vec.keys().isdisjoint(dropped):
            w = [(t, x * f) for t, x in vec.items() if (f := factor[t]) > 0]
        else:  # the same pairs, made in C
            w = list(zip(vec, map(mul, vec.values(), map(weigh, vec))))
        # the `top` strongest, ties in order: heapq.nlargest's answer (a stable sort is its documented equivalent)
        w.sort(key=itemgetter(1), reverse=True)
        out.append(normalised(w[:top]))
    return out


# `cohesive` (session 34): a term a small library's own idf damps is its event's, and keeps its background weight,
# when the articles that hold it agree with each other on their other terms and fall within a week:
# - COHESIVE_FROM articles or more hold it, and half the library or more (COHESIVE_SHARE: only there does its own
#   idf weigh it at log 2 over its background idf or less; without this, on the small-library screen,
#   bench/story_small_library.py, runs of CoNLL's wire joined what the whole wire keeps apart: 45 articles at once,
#   pairs joined / apart in the reference 145 / 86 -> 200 / 143, B-cubed 0.938 -> 0.904; with it, as before);
# - at most COHESIVE_LOW of their pairs have an own-idf cosine (the term's share taken out) at or under RANDOM_P90,
#   the level 90 % of the pairs of unrelated articles fall under (the unlabelled corpus's random pairs under a small
#   library's own idf, bench/story_small_library.py --null: 0.043-0.046 for samples of 10 to 45 articles), where
#   unrelated articles would have 90 % of theirs;
# - their days span at most COHESIVE_DAYS: on the Reuters screen (bench/story_big_merges.py --gaps, the wire at its
#   own density) the merges of stories 8 days apart or more join more pairs of articles across parts than within at
#   every link, so the same words over weeks may be two events of a kind (a second strike of the same crews) and stay
#   damped.
RANDOM_P90 = 0.044
COHESIVE_LOW = 0.1
COHESIVE_FROM = 3
COHESIVE_DAYS = 7
COHESIVE_SHARE = 0.5


def cohesive(vecs: list[dict[str, float]], days: list[int], top: int) -> set[str]:
    """The terms of a small library (its articles' background-weighted term vectors, and their day numbers) that its
    own idf damps but that are the event the library mostly is (see RANDOM_P90): `reweighted` keeps their background
    weight. A town's
    name in most of a small library's articles is in the articles of each of its events, and the pairs across events
    agree on nothing else; a strike's words in most of a library that is mostly that strike are in reports that agree
    with each other on more (damped, they tied nothing: its reports stayed apart)."""
    from itertools import combinations

    from tui.stories.terms import _weights

    n = len(vecs)
    if n < COHESIVE_FROM:
        return set()
    holders: dict[str, list[int]] = {}
    for i, v in enumerate(vecs):
        for t in v:
            holders.setdefault(t, []).append(i)
    idf, unseen = _weights()
    damped = {t: idx for t, idx in holders.items()
              if len(idx) >= max(COHESIVE_FROM, COHESIVE_SHARE * n)
              and max(days[i] for i in idx) - min(days[i] for i in idx) <= COHESIVE_DAYS
              and math.log((n + 1) / (len(idx) + 1)) < (idf.get(t) or unseen)}
    if not damped:
        return set()
    own = reweighted(vecs, top)
    sims: dict[tuple[int, int], float] = {}
    keep = set()
    for t, idx in damped.items():
        pairs = len(idx) * (len(idx) - 1) // 2
        low = 0
        for a, b in combinations(idx, 2):
            sim = sims.get((a, b))
            if sim is None:
                va, vb = own[a], own[b]
                sim = sims[a, b] = sum(w * vb.get(u, 0.0) for u, w in va.items())
            if not sim - own[a].get(t, 0.0) * own[b].get(t, 0.0) > RANDOM_P90:  # (a weight edited to NaN: low)
                low += 1
                if low > COHESIVE_LOW * pairs:
                    break
        else:
            keep.add(t)
    return keep


def factor_of(term: str, df: int, n: int) -> float:
    """What `reweighted` multiplies a term's weight by in a batch of `n` articles (base included) of which `df` hold
    it: min(1, library idf / background idf); 0 or less drops the term."""
    from tui.stories.terms import _weights

    idf, unseen = _weights()
    return min(1.0, math.log((n + 1) / (df + 1)) / (idf.get(term) or unseen))


def normalised(items: list[tuple[str, float]]) -> dict[str, float]:
    """The (term, weight) pairs as a dict with unit L2 norm, in their order."""
    values = list(map(itemgetter(1), items))
    norm = math.sqrt(sum(map(mul, values, values))) or 1.0  # the same products summed in the same order
    return dict(zip(map(itemgetter(0), items), map(truediv, values, repeat(norm))))


def cut(vecs: list[dict[str, float]], top: int) -> list[dict[str, float]]:
    """Each vector's first `top` terms (its strongest: vectors keep weight order), normalised again."""
    out = []
    for vec in vecs:
        out.append(vec if len(vec) <= top else normalised(list(vec.items())[:top]))
    return out
