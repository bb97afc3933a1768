"""Where story grouping's join threshold comes from: the cosine that unrelated articles rarely reach.

    python -m bench.story_threshold [--corpus ../shared/corpus/news_unlabelled.txt.gz] [--pairs 200000]

Takes 3,000 articles of the unlabelled corpus (a fixed random sample), describes each with the grouping's
own `terms()` (title = its first line), and prints percentiles of the cosine between random pairs of
them. Random pairs are almost always about different events, so the 99th percentile is the similarity
that only one unrelated pair in a hundred reaches; `tui.stories.grouping.JOIN` is that figure, rounded.
Nothing here reads the stories eval data (its dev set only measures). Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import random

from bench.build_story_idf import DEFAULT_CORPUS, articles

SAMPLE = 3000
SEED = 13
QUANTILES = (0.9, 0.99, 0.995, 0.999)


def cosines(texts: list[str], pairs: int, seed: int = SEED) -> list[float]:
    """Sorted cosines of `pairs` random pairs of distinct texts, as grouping compares articles."""
    from tui.stories.terms import terms

    vecs = [terms(t.split("\n", 1)[0][:160], t) for t in texts]
    rng = random.Random(seed)
    out = []
    while len(out) < pairs:
        i, j = rng.randrange(len(vecs)), rng.randrange(len(vecs))
        if i == j:
            continue
        a, b = (vecs[i], vecs[j]) if len(vecs[i]) <= len(vecs[j]) else (vecs[j], vecs[i])
        out.append(sum(w * b.get(t, 0.0) for t, w in a.items()))
    return sorted(out)


def main() -> None:
    """Print the percentiles and the current JOIN next to them."""
    from tui.stories.grouping import JOIN

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--pairs", type=int, default=200_000)
    args = ap.parse_args()
    texts = [t for t in articles(args.corpus) if len(t.split()) >= 80]
    sample = random.Random(SEED).sample(texts, min(SAMPLE, len(texts)))
    sims = cosines(sample, args.pairs)
    for q in QUANTILES:
        print(f"random-pair cosine, {q:.1%} percentile: {sims[int(q * (len(sims) - 1))]:.4f}")
    print(f"JOIN = {JOIN} (the 99th percentile, rounded to two decimals)")


if __name__ == "__main__":
    main()
