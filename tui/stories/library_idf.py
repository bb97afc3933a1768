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
