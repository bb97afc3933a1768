"""Does a story's vocabulary drift mark a story that holds two events? A self-supervised screen off the stories data
(issue 13, session 25).

    python -m bench.story_drift [--polnear PATH] [--shifts 90,120,150,180,210,240,270] [--min 6]

The idea screened: one event's coverage keeps its vocabulary from its first articles to its last, while a story that
holds two events of one topic (the precision the grouper loses, session 17-22) talks of one of them first and of the
other later. So a story whose earlier articles (by day) agree with its later ones less than any random cut of it
into two parts of the same sizes would, is a candidate for a split at that time cut (a split signal that looks at the
whole story as grouped, not at one merge, which every merge feature tried has failed to judge).

The data is `bench/story_merges.py`'s: PolNeAR train (US politics, ten months) cut in two by date, the later part
moved back SHIFT days so the halves overlap, the whole grouped at once by the grouper as shipped; a story whose
articles come from both halves (its smaller part at least MIXED_SHARE of it and two articles or more) holds two
events by construction (a floor: a story within one half may hold two events too).

For each story of `--min` articles or more, ordered by day (then id), with each article's terms as grouping computes
them (cosine = dot product): the mean pair cosine of the story (`own`); for each time cut leaving two articles or more
on each side, the mean cosine of the pairs across it, and the lowest of those (`cut`); the same lowest for PERMUTATIONS
random orders of the story's articles (`null`, its mean). drift = cut / null: below 1, the story's time order splits
it better than chance. It prints the share of mixed stories by band of drift and by band of the best cut's depth (cut
/ own), the AUC of each (mixed over pure: above 0.5, lower values mark mixed stories), and, for the mixed stories,
how well the best time cut separates the halves (the share of articles on the side of their part's majority).
Prints numbers, asserts nothing, reads nothing of the stories eval data.
"""

from __future__ import annotations

import argparse
import math
import random
from dataclasses import dataclass
from pathlib import Path

from bench.story_merges import DEFAULT_POLNEAR, SHIFTS, load_polnear, overlapped

MIXED_SHARE = 0.2
PERMUTATIONS = 50
MIN_SIDE = 2


@dataclass(frozen=True)
class Story:
    size: int
    mixed: bool
    own: float      # mean pair cosine
    cut: float      # lowest mean cosine across a time cut
    null: float     # the mean of that lowest over random orders
    below: float    # share of random orders whose lowest is below the time order's (a one-sided p-value)
    span: int       # days from first to last article
    separated: float  # share of articles on their part's majority side of the best time cut (mixed stories)

    @property
    def drift(self) -> float:
        return self.cut / self.null if self.null > 0 else 1.0

    @property
    def depth(self) -> float:
        return self.cut / self.own if self.own > 0 else 1.0


def cross_means(sim: list[list[float]], order: list[int]) -> list[tuple[int, float]]:
    """(k, mean cosine of the pairs across the cut after the first k of `order`) for each k leaving MIN_SIDE or more
    on each side."""
    n = len(order)
    out = []
    # running sum of cross pairs: moving article order[k-1] from the late side to the early side
    early: list[int] = []
    cross = 0.0
    for k in range(1, n):
        a = order[k - 1]
        late_rest = order[k:]
        cross += sum(sim[a][b] for b in late_rest) - sum(sim[e][a] for e in early)
        early.append(a)
        if MIN_SIDE <= k <= n - MIN_SIDE:
            out.append((k, cross / (k * (n - k))))
    return out


def judge(vecs: list[dict[str, float]], parts: list[int], days: list[int], rng: random.Random) -> Story:
    """A story's drift figures: `vecs` its articles' terms in time order, `parts` their halves, `days` their days."""
    n = len(vecs)
    sim = [[sum(w * b.get(t, 0.0) for t, w in a.items()) if i != j else 0.0 for j, b in enumerate(vecs)]
           for i, a in enumerate(vecs)]
    own = sum(map(sum, sim)) / (n * (n - 1))
    cuts = cross_means(sim, list(range(n)))
    k, cut = min(cuts, key=lambda kc: kc[1])
    nulls = []
    for _ in range(PERMUTATIONS):
        order = list(range(n))
        rng.shuffle(order)
        nulls.append(min(c for _, c in cross_means(sim, order)))
    minority = min(parts.count(0), parts.count(1))
    mixed = minority >= 2 and minority >= MIXED_SHARE * n
    separated = float("nan")
    if mixed:
        early, late = parts[:k], parts[k:]
        # the best of the two labellings: early = part 0, or early = part 1
        a = early.count(0) + late.count(1)
        separated = max(a, n - a) / n
    return Story(n, mixed, own, cut, sum(nulls) / len(nulls), sum(c < cut for c in nulls) / len(nulls),
                 days[-1] - days[0], separated)


def stories(rows: list[tuple[str, str, str, str, int]], least: int, rng: random.Random) -> list[Story]:
    """`rows` (title, body, day, outlet, part) grouped at once in a fresh library; each story of `least` articles or
    more judged (`judge`)."""
    import tempfile

    from tui.models import Article
    from tui.store import Library
    from tui.store import stories as store
    from tui.stories import grouping
    from tui.stories.terms import terms

    with tempfile.TemporaryDirectory() as tmp:
        lib = Library(Path(tmp) / "drift.db")
        try:
            added = lib.add_many([Article(title=t, body=b, source=o or "polnear", published=d)
                                  for t, b, d, o, _ in rows])
            by_id = {i: r for (_, i), r in zip(added, rows)}
            grouping.group_new(lib)
            by_story: dict[int, list[int]] = {}
            for aid, sid in store.assignments(lib).items():
                by_story.setdefault(sid, []).append(aid)
        finally:
            lib.close()
    out = []
    for ids in by_story.values():
        if len(ids) < least:
            continue
        ids.sort(key=lambda i: (by_id[i][2], i))
        out.append(judge([terms(by_id[i][0], by_id[i][1]) for i in ids], [by_id[i][4] for i in ids],
                         [grouping.day_number(by_id[i][2]) for i in ids], rng))
    return out


def auc(found: list[Story], key) -> float:
    """P(key of a mixed story < key of a pure one), ties half: above 0.5, low values mark mixed stories."""
    mixed = [key(s) for s in found if s.mixed]
    pure = [key(s) for s in found if not s.mixed]
    if not mixed or not pure:
        return float("nan")
    wins = sum((m < p) + 0.5 * (m == p) for m in mixed for p in pure)
    return wins / (len(mixed) * len(pure))


def table(found: list[Story], key, bands) -> str:
    parts = []
    for lo, hi in bands:
        inside = [s for s in found if lo <= key(s) < hi]
        label = f"{lo:g}-{hi:g}" if hi != math.inf else f"{lo:g}+"
        parts.append(f"{label} {len(inside)} stories, mixed {sum(s.mixed for s in inside) / max(1, len(inside)):.2f}")
    return "; ".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--shifts", default=",".join(map(str, SHIFTS)))
    ap.add_argument("--min", type=int, default=6, help="judge stories of at least this many articles")
    args = ap.parse_args()
    docs = load_polnear(Path(args.polnear))
    rng = random.Random(25)
    found: list[Story] = []
    for shift in (int(s) for s in args.shifts.split(",")):
        made = stories(overlapped(docs, shift), args.min, rng)
        print(f"later half moved back {shift} days: {len(made)} stories of {args.min}+ articles, "
              f"{sum(s.mixed for s in made)} mixed", flush=True)
        found += made
    mixed = [s for s in found if s.mixed]
    print(f"pooled: {len(found)} stories, {len(mixed)} mixed (both halves, the smaller >= {MIXED_SHARE:g} and 2+)")
    inf = math.inf
    print("drift (lowest time cut / its mean over random orders): "
          + table(found, lambda s: s.drift, ((0, 0.7), (0.7, 0.85), (0.85, 0.95), (0.95, 1.05), (1.05, inf))))
    print("p (share of random orders cutting lower): "
          + table(found, lambda s: s.below, ((0, 0.02), (0.02, 0.1), (0.1, 0.3), (0.3, inf))))
    print("depth (lowest time cut / own mean pair cosine): "
          + table(found, lambda s: s.depth, ((0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1), (1, inf))))
    print("size: " + table(found, lambda s: s.size, ((6, 11), (11, 21), (21, 51), (51, inf))))
    print(f"AUC (mixed lower than pure): drift {auc(found, lambda s: s.drift):.3f}, p {auc(found, lambda s: s.below):.3f}, "
          f"depth {auc(found, lambda s: s.depth):.3f}, own {auc(found, lambda s: s.own):.3f}, "
          f"-size {auc(found, lambda s: -s.size):.3f}, -span {auc(found, lambda s: -s.span):.3f}")
    for lo, hi in ((6, 11), (11, 21), (21, 10**9)):
        band = [s for s in found if lo <= s.size < hi]
        print(f"  size {lo}-{hi - 1 if hi < 10**9 else '+'}: {len(band)} stories, {sum(s.mixed for s in band)} mixed; "
              f"AUC drift {auc(band, lambda s: s.drift):.3f}, depth {auc(band, lambda s: s.depth):.3f}, "
              f"own {auc(band, lambda s: s.own):.3f}")
    if mixed:
        sep = sorted(s.separated for s in mixed)
        print(f"mixed stories: the best time cut puts {sum(sep) / len(sep):.2f} of their articles on their half's side "
              f"(median {sep[len(sep) // 2]:.2f}; 1.00 = the cut is the halves' border)")


if __name__ == "__main__":
    main()
