"""Small libraries grouped as a bigger one would group them: a screen for the small-library idf (issue 13, session 32).

    python -m bench.story_small_library [--sizes 10,15,20,30,45] [--windows 12]

A library of fewer than LIBRARY_FROM (50) articles has no window's counts to weigh its terms by, so it was grouped by
the background idf alone: a name rare in the background corpus (a small town's, its mayor's) then weighs as much
between two of the town's events as an event's own words, and one such word ties them (walk31: a town's dam cracks
and its library's reopening became one story). `tui.stories.regroup_window.small_library` weighs such a library by
its own idf from SMALL_FROM articles on, as a bigger library is weighed.

No labels are read. The reference is the grouper's own answer for a bigger library: each source grouped whole, at once
(a library-weighted batch). A small library is a run of `size` consecutive articles of the source by date (`--windows`
runs per size, spread evenly over it), stored at once and grouped, then settled (`tui.stories.settle`, the quiet
round: what `stories` shows); and fed one at a time (`group_new` after each, as a feed brings them) before that settle.
Each is scored against the reference cut to its articles: B-cubed F1, and the pairs of articles in one story that the
reference keeps apart (joined) or together (kept), shipped (the background idf below LIBRARY_FROM) and with the
small-library idf. Sources, none of them the stories data: PolNeAR train (840 articles of US politics over 10 months:
one field whose few names fill every article, the small-town case at national scale), CoNLL-2003 train (Reuters
world news of August 1996) and a random sample of the unlabelled corpus dated over 5 days (almost every pair
unrelated: what a small library of unrelated news joins). Prints numbers, asserts nothing.

Session 32 (12 runs per size; B-cubed shipped -> small idf, stored at once / fed one at a time): PolNeAR train, runs of
10 / 20 / 45 articles, 0.499 -> 0.912 / 0.499 -> 0.565, 0.493 -> 0.887 / 0.491 -> 0.775, 0.464 -> 0.862 / 0.461 ->
0.827; CoNLL train 0.922 -> 0.982 / 0.922 -> 0.927, 0.887 -> 0.958 / 0.882 -> 0.926, 0.864 -> 0.938 / 0.859 -> 0.901;
the corpus sample 0.969 -> 0.983 / 0.987 -> 0.991, 0.953 -> 0.962 / 0.960 -> 0.966, 0.920 -> 0.928 / 0.921 -> 0.914.
Tried: the LIBRARY levels as they are (no floor at SMALL_JOIN): PolNeAR 10 / 20 0.940 / 0.895, CoNLL 0.930 / 0.907,
but the corpus sample 0.885 / 0.883 (28 of its 540 pairs of runs of 10 joined, against 7 shipped); a floor of 0.08
(JOIN): corpus 0.945 / 0.915, below shipped. The library counted as 50 articles, those missing as background news (a
smoothed idf): two events of one town with one mayor stayed one story. The small idf from 3 or 5 articles on
(`--small-from`): fed one at a time it lumps less (PolNeAR runs of 10 at the LIBRARY levels, 0.838 / 0.806), but at
5 articles stored at once, floored at SMALL_JOIN, nothing joins (PolNeAR: none of the 11 pairs the whole source joins), and the random pairs' 99th percentile is not
steady below 10 (0.081 at 5): SMALL_FROM stays 10.

Session 34 (METHOD 9; the "small idf" column, main -> this): a small library's bridge scaled, not floored, and the
words of the event it mostly is kept (library_idf.cohesive): CoNLL and the corpus sample the same at every size;
PolNeAR at once 10 / 20 / 45 0.9122 / 0.8865 / 0.8616 -> 0.9122 / 0.8815 / 0.8623, fed 0.5646 / 0.7747 / 0.8266 ->
0.5646 / 0.7790 / 0.8221. Kept without the half-library bound (COHESIVE_SHARE): CoNLL at once 0.9820 / 0.9581 /
0.9378 -> 0.9509 / 0.9095 / 0.9044, the corpus 20 / 45 0.9620 / 0.9284 -> 0.9528 / 0.9193: dropped.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from contextlib import contextmanager
from itertools import combinations
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def polnear() -> list[tuple[str, str, str]]:
    from bench.story_decay import DEFAULT_DATA, load

    return [r for r in load(DEFAULT_DATA) if r[2]]


def conll() -> list[tuple[str, str, str]]:
    from bench.quality_stories import conll_dated
    from bench.story_library_idf import DEFAULT_CONLL

    return [(t, b, d) for _, t, b, d in conll_dated(Path(DEFAULT_CONLL))]


def corpus(n: int = 600) -> list[tuple[str, str, str]]:
    from bench.quality_stories import corpus_salt

    return [(r["title"], r["text"], r["date"]) for r in corpus_salt(n, "2026-03-02", "2026-03-06")]


@contextmanager
def shipped():
    """Grouping as before the small-library idf: a small library weighed by the background idf."""
    with mock.patch("tui.stories.grouping.small_library", lambda *a: None):
        yield


def group(rows: list[tuple[str, str, str]], folder: Path, name: str, fed: bool = False) -> tuple[list[int], list[int]]:
    """Each row's story after storing them all at once and grouping (or feeding them one at a time), and after the
    quiet round (settle): (fed or at once, settled)."""
    from tui.models import Article
    from tui.store import Library
    from tui.stories import group_new, settle, story_of

    lib = Library(folder / f"{name}.db")
    try:
        arts = [Article(title=t or "(untitled)", source="s", published=d, body=b) for t, b, d in rows]
        ids = []
        if fed:
            for a in arts:
                ids += [i for _, i in lib.add_many([a])]
                group_new(lib)
        else:
            ids = [i for _, i in lib.add_many(arts)]
            group_new(lib)
        before = [story_of(lib, i) for i in ids]
        settle(lib)
        return before, [story_of(lib, i) for i in ids]
    finally:
        lib.close()


def bcubed_f1(pred: list, gold: list) -> float:
    n = len(pred)
    p = r = 0.0
    for i in range(n):
        same_p = {j for j in range(n) if pred[j] == pred[i]}
        same_g = {j for j in range(n) if gold[j] == gold[i]}
        both = len(same_p & same_g)
        p += both / len(same_p)
        r += both / len(same_g)
    p, r = p / n, r / n
    return 2 * p * r / (p + r) if p + r else 0.0


def pairs(pred: list, gold: list) -> tuple[int, int, int]:
    """(pairs in one story, of them kept apart by the reference, pairs the reference joins that are apart here)."""
    joined = wrong = missed = 0
    for i, j in combinations(range(len(pred)), 2):
        if pred[i] == pred[j]:
            joined += 1
            wrong += gold[i] != gold[j]
        elif gold[i] == gold[j]:
            missed += 1
    return joined, wrong, missed


def null(sizes: list[int], pool_size: int = 3000, seed: int = 7) -> None:
    """The 99th percentile of the cosine of two random articles of the unlabelled corpus (80 words or more) in
    samples of n articles, their terms weighed by the sample's own idf (library_idf.reweighted, as a small library's
    are) and by the background idf (JOIN's measure): grouping.SMALL_JOIN; and the 90th under the sample's own idf, the
    level 90 % of unrelated pairs fall under (library_idf.RANDOM_P90: one event's words keep their weight when at most
    a tenth of its articles' pairs fall under it, `library_idf.cohesive`)."""
    import itertools

    import numpy as np

    from bench.build_story_idf import DEFAULT_CORPUS, articles
    from tui.stories.grouping import features_of
    from tui.stories.library_idf import cut, reweighted
    from tui.stories.terms import TOP_TERMS

    rng = random.Random(seed)
    texts = [t for t in itertools.islice(articles(DEFAULT_CORPUS), 20000) if len(t.split()) >= 80]
    feats = [v for v, _ in features_of([(t.split("\n")[0][:200], t) for t in rng.sample(texts, pool_size)])]
    print(f"random pairs of the corpus ({pool_size} articles drawn), 99th percentile cosine by sample size:")
    for n in sizes:
        own, background = [], []
        for _ in range(max(20, pool_size // n)):
            vecs = [feats[i] for i in rng.sample(range(len(feats)), n)]
            lib, bg = reweighted(vecs, TOP_TERMS), cut(vecs, TOP_TERMS)
            for a, b in itertools.combinations(range(n), 2):
                own.append(sum(w * lib[b].get(t, 0.0) for t, w in lib[a].items()))
                background.append(sum(w * bg[b].get(t, 0.0) for t, w in bg[a].items()))
        print(f"  {n:4} articles ({len(own)} pairs): own idf {np.percentile(own, 99):.4f} (90th percentile "
              f"{np.percentile(own, 90):.4f}: library_idf.RANDOM_P90), background idf {np.percentile(background, 99):.4f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="10,15,20,30,45")
    ap.add_argument("--windows", type=int, default=12)
    ap.add_argument("--sources", default="polnear,conll,corpus")
    ap.add_argument("--no-fed", action="store_true", help="skip feeding the small libraries one at a time")
    ap.add_argument("--small-join", type=float, default=0.0, help="SMALL_JOIN (0: as shipped)")
    ap.add_argument("--null", action="store_true", help="print the random pairs' 99th percentile by sample size only")
    ap.add_argument("--small-from", type=int, default=0, help="SMALL_FROM for the small-library idf (0: as shipped)")
    args = ap.parse_args()
    if args.small_from:
        from tui.stories import regroup_window

        regroup_window.SMALL_FROM = args.small_from
    if args.small_join:
        from tui.stories import grouping

        grouping.SMALL_JOIN = args.small_join
    sizes = [int(x) for x in args.sizes.split(",")]
    if args.null:
        null(sizes)
        return
    loaders = {"polnear": polnear, "conll": conll, "corpus": corpus}
    with tempfile.TemporaryDirectory(prefix="small-library-") as tmp:
        folder = Path(tmp)
        for source in args.sources.split(","):
            rows = sorted(loaders[source](), key=lambda r: r[2])
            ref = group(rows, folder, f"{source}-whole")[0]
            print(f"{source}: {len(rows)} articles, {len(set(ref))} stories grouped whole (the reference)")
            print("  size  kind          F1 shipped -> small idf   pairs joined / apart in the reference / missed")
            for size in sizes:
                starts = [round(k * (len(rows) - size) / max(1, args.windows - 1)) for k in range(args.windows)]
                totals: dict[str, list] = {}
                for w, s in enumerate(starts):
                    part, gold = rows[s:s + size], ref[s:s + size]
                    for fed in ((False,) if args.no_fed else (False, True)):
                        for version in ("shipped", "small"):
                            name = f"{source}-{size}-{w}-{int(fed)}-{version}"
                            if version == "shipped":
                                with shipped():
                                    before, after = group(part, folder, name, fed)
                            else:
                                before, after = group(part, folder, name, fed)
                            for kind, pred in ((("fed" if fed else "at once"), before), ("settled", after)):
                                if kind == "settled" and fed:
                                    continue  # (settled after a feed: the same as at once)
                                t = totals.setdefault(f"{kind}:{version}", [0.0, 0, 0, 0])
                                t[0] += bcubed_f1(pred, gold) / len(starts)
                                for k, v in enumerate(pairs(pred, gold)):
                                    t[k + 1] += v
                for kind in ("at once", "settled", "fed"):
                    a, b = totals.get(f"{kind}:shipped"), totals.get(f"{kind}:small")
                    if a and b:
                        print(f"  {size:4}  {kind:12}  {a[0]:.4f} -> {b[0]:.4f}      "
                              f"{a[1]} / {a[2]} / {a[3]} -> {b[1]} / {b[2]} / {b[3]}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
