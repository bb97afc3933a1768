"""Library-relative idf for story grouping: how unrelated articles agree under it, across fields and periods.

    python -m bench.story_library_idf [--corpus ...] [--polnear ...] [--conll ...]

The grouper weighs a term by a background idf (the unlabelled corpus, `assets/models/story_idf.txt.gz`), so a
word that is common in this period's news but rare in the corpus ("the name of the year's president") weighs as
much as an event's own name. Library-relative idf weighs it by how many articles of the library hold it,
min(background idf, log((N + 1) / (df + 1))), N the library's articles (tui/stories/library_idf.py). This prints, for three libraries that are
not the stories data, the cosine percentiles of their pairs of articles under both weightings:

- a random sample of the unlabelled corpus (N = 246, 489, 946; Reuters 1987 + BBC 2004-05, years apart: almost
  every pair unrelated);
- CoNLL-2003 train (946 Reuters articles of 10 days of 1996: world news of one period, with its repeated stories);
- PolNeAR train (840 articles of US politics, 10 months: one narrow field).

Under the background idf the levels differ by field (PolNeAR's 99th percentile is three times the corpus's), so a
threshold fitted on one does not carry to another; under library-relative idf they come together. For PolNeAR (it is
dated) it also prints, as bench/story_decay.py does for the background idf, the lowest cosine at which a pair 0-1
day apart is more likely the same story than not (local false-discovery rate against pairs > 90 days apart <= 1/2)
and the decay fitted to the share of pairs above the null level by days apart: together, the levels the grouper
uses for a batch weighed by its own idf (`tui.stories.grouping.LIBRARY`). It also draws five corpus samples of 25,
50 and 100 articles: from which size the library-idf null is steady (`tui.stories.library_idf.LIBRARY_FROM`). Terms are the grouper's own
(`features_of`, then `cut` or `reweighted`, as a batch is placed); only the idf differs. Nothing here reads the stories eval
data. Prints numbers, asserts nothing.

Last, the same levels for batches more crowded than PolNeAR (tui/stories/density.py): where each article meets m
times as many others within a day, a pair is m times less likely to be the same story, so each level is where the
null's local density is at most 1 / (1 + m) of the pairs' (m = 1: the levels above). And the level for averages
(`average_levels`): two stories more than WINDOW_DAYS apart merge by their average link over all their pairs of
articles, which is steadier than one pair's cosine, so the bridge table (fitted for one pair) is too cautious for
them. PolNeAR is grouped by the grouper itself, as one batch, with no bridges (then no pair of its stories more than
WINDOW_DAYS apart was ever tested, so their similarities are not thinned by the test being fitted); for the pairs of
stories with AVERAGE_PAIRS pairs of articles or more (na x nb), the same local false-discovery rule gives the level of
their average link WINDOW_DAYS+1 .. NULL_DAYS days apart (one band: a few thousand such pairs), against the pairs of
such stories more than NULL_DAYS apart, for each m (`Levels.average` in tui/stories/grouping.py, the last item of
each BY_DENSITY row).
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from bench.build_story_idf import DEFAULT_CORPUS, articles
from bench.story_decay import DEFAULT_DATA as DEFAULT_POLNEAR
from bench.story_decay import bayes_thresholds, bridge_table, fit, load, table

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CONLL = DEFAULT_POLNEAR.parents[2] / "ner" / "train" / "conll2003_train.jsonl"
SEED = 13
QUANTILES = (0.9, 0.95, 0.98, 0.99, 0.995)
SIZES = (246, 489, 946)
SMALL = (25, 50, 100)   # library sizes whose null is drawn five times: from which size is it steady?
DENSITIES = (1, 1.25, 1.5, 1.75, 2, 2.5, 3, 3.5, 4, 5, 6, 8, 10, 12, 16, 24, 32)  # batches m times as crowded as PolNeAR


def vectors(docs: list[tuple[str, str]], library: bool) -> list[dict[str, float]]:
    """Each (title, body) as the grouper describes it: `features_of`'s terms, then `cut` to TOP_TERMS (the
    background idf) or, `library`, weighed by the idf of `docs` taken as one batch (`reweighted`)."""
    from tui.stories.grouping import features_of
    from tui.stories.library_idf import cut, reweighted
    from tui.stories.terms import TOP_TERMS

    vecs = [v for v, _ in features_of(docs)]
    return reweighted(vecs, TOP_TERMS) if library else cut(vecs, TOP_TERMS)


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Dot product of two normalised term vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b.get(t, 0.0) for t, w in a.items())


def all_pairs(vecs: list[dict[str, float]], days: list[int] | None = None) -> list[tuple[int, float]]:
    """(days apart, cosine) of every pair (days apart 0 without `days`)."""
    out = []
    for i in range(len(vecs)):
        for j in range(i + 1, len(vecs)):
            out.append((abs(days[i] - days[j]) if days else 0, cosine(vecs[i], vecs[j])))
    return out


def percentiles(sims: list[float]) -> str:
    """The QUANTILES of `sims` as text."""
    s = sorted(sims)
    return "  ".join(f"{q:.1%} {s[int(q * (len(s) - 1))]:.4f}" for q in QUANTILES)


def main() -> None:
    """Print the percentiles under both weightings, and PolNeAR's thresholds and decay under library idf."""
    from tui.stories.grouping import day_number

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--conll", default=str(DEFAULT_CONLL))
    args = ap.parse_args()
    libraries: list[tuple[str, list[tuple[str, str, str]]]] = []
    texts = [t for t in articles(args.corpus) if len(t.split()) >= 80]
    for n in SIZES:
        sample = random.Random(SEED).sample(texts, min(n, len(texts)))
        libraries.append((f"corpus sample of {len(sample)}", [(t.split("\n", 1)[0][:160], t, "") for t in sample]))
    for name, path in (("CoNLL-2003 train", args.conll), ("PolNeAR train", args.polnear)):
        if Path(path).is_file():
            libraries.append((name, load(Path(path))))
    print("cosine percentiles of all pairs of articles of a library")
    for name, docs in libraries:
        for library in (False, True):
            sims = [s for _, s in all_pairs(vectors([(t, b) for t, b, _ in docs], library))]
            print(f"{name:>22}, {'library' if library else 'background'} idf: {percentiles(sims)}")
    print("99th percentile under library idf of five corpus samples of each size (tui.stories.library_idf.LIBRARY_FROM)")
    for n in SMALL:
        qs = []
        for seed in range(5):
            sample = random.Random(seed).sample(texts, min(n, len(texts)))
            sims = sorted(s for _, s in all_pairs(vectors([(t.split("\n", 1)[0][:160], t) for t in sample], True)))
            qs.append(sims[int(0.99 * (len(sims) - 1))])
        print(f"{n:>5} articles: {'  '.join(f'{q:.4f}' for q in qs)}")
    polnear = next((docs for name, docs in libraries if name == "PolNeAR train"), None)
    if polnear is None:
        return
    sims = all_pairs(vectors([(t, b) for t, b, _ in polnear], True), [day_number(d) for _, _, d in polnear])
    level, bands = table(sims)
    print(f"PolNeAR, library idf: null (pairs > 90 days apart) 99th percentile {level:.4f}")
    print("days apart   pairs   share above   relative to 0-1 day (less 1%)   more likely same story from")
    for ((lo, hi), n, mean, share, rel), (_, t) in zip(bands, bayes_thresholds(sims)):
        print(f"{f'{lo}-{hi}' if hi > lo else str(lo):>10} {n:>7} {share:>13.4f} {rel:>12.3f} {t if t else '-':>28}")
    grace, decay, err = fit([(mean, rel) for _, _, mean, _, rel in bands])
    print(f"decay fit 1 / (1 + max(0, g - grace) / decay): grace {grace}, decay {decay:.1f} (squared error {err:.4f})")
    found = bayes_thresholds(sims)
    merged = bridge_table(found)
    from tui.stories.grouping import LIBRARY

    print(f"as tui.stories.grouping.LIBRARY (join = the 0-1 day level, decay, bridge): "
          f"Levels({found[0][1]}, {decay:.1f}, {tuple(merged)})")
    print(f"grouper now: {LIBRARY}")
    averages = average_levels(polnear)
    by_density(polnear, sims, averages)


def story_pairs(polnear: list[tuple[str, str, str]]) -> list[tuple[int, int, float]]:
    """(days apart, pairs of articles, average link) of every two stories of `polnear` grouped at once (one batch,
    library idf) by the grouper with no bridges and no level for averages: average link as the grouper's (the mean
    cosine of the two stories' articles' library-weighted terms), days apart between their date ranges."""
    import dataclasses
    import tempfile
    from unittest import mock

    import numpy as np

    from tui.models import Article
    from tui.store import Library
    from tui.store.stories import story_of
    from tui.stories import grouping
    from tui.stories.grouping import day_number

    dated = sorted((r for r in polnear if day_number(r[2])), key=lambda r: r[2])
    plain = dataclasses.replace(grouping.LIBRARY, bridge=(), average=None)
    with tempfile.TemporaryDirectory() as tmp, mock.patch.object(grouping, "LIBRARY", plain):
        lib = Library(Path(tmp) / "polnear.db")
        try:
            ids = [i for _, i in lib.add_many([Article(title=t, body=b, source="polnear", published=d)
                                               for t, b, d in dated])]
            grouping.group_new(lib)
            where = [story_of(lib, i) for i in ids]
        finally:
            lib.close()
    vecs = vectors([(t, b) for t, b, _ in dated], True)
    days = [day_number(d) for _, _, d in dated]
    index: dict[str, int] = {}
    for v in vecs:
        for t in v:
            index.setdefault(t, len(index))
    matrix = np.zeros((len(vecs), max(1, len(index))))
    for i, v in enumerate(vecs):
        matrix[i, [index[t] for t in v]] = list(v.values())
    cos = matrix @ matrix.T
    members: dict[int, list[int]] = {}
    for k, sid in enumerate(where):
        members.setdefault(sid, []).append(k)
    stories = [(ms, min(days[k] for k in ms), max(days[k] for k in ms)) for ms in members.values()]
    out = []
    for i, (a, fa, la) in enumerate(stories):
        for b, fb, lb in stories[i + 1:]:
            out.append((max(0, fa - lb, fb - la), len(a) * len(b), float(cos[np.ix_(a, b)].mean())))
    return out


def average_levels(polnear: list[tuple[str, str, str]]) -> dict[float, float | None]:
    """m -> the level for the average link of two stories of AVERAGE_PAIRS pairs of articles or more, WINDOW_DAYS+1
    .. NULL_DAYS days apart, in a batch m times as crowded as PolNeAR (None: no level found)."""
    import bench.story_decay as decay_fit
    from tui.stories.grouping import AVERAGE_PAIRS, WINDOW_DAYS

    pairs = story_pairs(polnear)
    print(f"PolNeAR grouped at once without bridges: story pairs {len(pairs)}; the level of the average link of two "
          f"stories more than {WINDOW_DAYS} days apart, by pairs of articles (na x nb), at m = 1 / 2 / 3:")
    band = ((WINDOW_DAYS + 1, decay_fit.NULL_DAYS),)
    out = {}

    def with_bands(sims: list[tuple[int, float]], m: float) -> float | None:
        return decay_fit.bayes_thresholds(sims, 1 / (1 + m), band)[0][1]

    for lo, hi in ((1, 1), (2, 3), (4, 8), (9, None), (AVERAGE_PAIRS, None)):
        sims = [(g, s) for g, k, s in pairs if lo <= k and (hi is None or k <= hi)]
        levels = [with_bands(sims, m) for m in (1, 2, 3)]
        far = sum(WINDOW_DAYS < g <= decay_fit.NULL_DAYS for g, _ in sims)
        null = sum(g > decay_fit.NULL_DAYS for g, _ in sims)
        print(f"{f'{lo}-{hi}' if hi else f'{lo}+':>8} pairs: {far:>6} story pairs in the band, {null:>6} in the null: "
              f"{' / '.join(str(x) for x in levels)}")
    sims = [(g, s) for g, k, s in pairs if k >= AVERAGE_PAIRS]
    for m in DENSITIES:
        out[m] = with_bands(sims, m)
    return out


def by_density(polnear: list[tuple[str, str, str]], sims: list[tuple[int, float]],
               averages: dict[float, float | None]) -> None:
    """Print PolNeAR's crowding (tui.stories.density.REFERENCE) and, for a batch m times as crowded, the same
    levels at local false-discovery rate 1 / (1 + m), with the level for averages (`average_levels`) last when
    found (tui.stories.density.BY_DENSITY)."""
    from tui.stories import density
    from tui.stories.grouping import day_number

    ref = round(density.neighbours([day_number(d) for _, _, d in polnear if day_number(d)]), 2)
    print(f"PolNeAR: {ref} other articles within a day of each, on average (tui.stories.density.REFERENCE)")
    print("m (times as crowded)   join   bridge (max days apart, level)   average")
    rows = []
    for m in DENSITIES:
        found = bayes_thresholds(sims, 1 / (1 + m))
        rows.append((m, found[0][1], tuple(bridge_table(found))) + ((averages[m],) if averages.get(m) else ()))
        print(f"{m:>20}   {found[0][1]}   {rows[-1][2]}   {averages.get(m)}")
    print(f"as tui.stories.density: REFERENCE = {ref}, BY_DENSITY = {tuple(rows)}")
    print(f"grouper now: REFERENCE = {density.REFERENCE}, BY_DENSITY = {density.BY_DENSITY}")


if __name__ == "__main__":
    main()
