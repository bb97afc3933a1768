"""Where story grouping's time decay comes from: how fast "more alike than unrelated" fades with the days apart.

    python -m bench.story_decay [--data ../shared/eval/quotes/train/polnear_train.jsonl]

Reads the PolNeAR train articles (840 dated articles of US politics, seven outlets, 10 months) at run time;
title = first line, body = the rest (as bench/quality_stories.py salts with them). Each article is described by
the grouper's own `features_of` and two articles are compared by the grouper's own average-link similarity
(a one-article story), so the cosine is the one grouping uses. Every pair is compared (about 350,000; no
sampling, so the output is the same on every run).

Pairs more than NULL_DAYS apart are taken as unrelated: the 99th percentile of their cosine is the level that
only one unrelated pair in a hundred reaches. For each band of days apart, the share of pairs above that level,
less the 1% that unrelated pairs reach anyway, is the share of pairs that are "the same story" more than chance;
divided by the same share for pairs 0-1 day apart it is how much of a story's pull is left after that gap. The
grouper divides similarity by 1 + max(0, gap - GRACE_DAYS) / DECAY_DAYS; this fits GRACE_DAYS (whole days) and
DECAY_DAYS (least squares over the bands, each at its pairs' mean gap) to those relative shares and prints
the table and the fit. `tui.stories.grouping.GRACE_DAYS` / `DECAY_DAYS` are the printed values, DECAY_DAYS
rounded to whole days.

A second table reads the same pairs as thresholds: for each band, the lowest similarity at which a pair is more
likely the same story than not (the local false-discovery rate, null density over the band's density in a window
of +-FDR_WINDOW, is at most one half; the null = the pairs > NULL_DAYS apart), and that threshold relative to the
0-1 day band's. Adjacent bands with the same threshold joined, it is `tui.stories.grouping.BRIDGE`: two stories
that many days apart merge when their average link reaches it, whatever the decay (which, as a ratio of
thresholds, the table shows to be far weaker than the shares suggest: x1.2 over 90 days). Nothing here reads the
stories eval data (its dev set only measures). Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = next((p / "shared" / "eval" / "quotes" / "train" / "polnear_train.jsonl"
                     for p in (ROOT.parent, ROOT.parent.parent)
                     if (p / "shared" / "eval" / "quotes" / "train").is_dir()),
                    ROOT.parent / "shared" / "eval" / "quotes" / "train" / "polnear_train.jsonl")
NULL_DAYS = 90          # pairs further apart than this are taken as unrelated
QUANTILE = 0.99         # the null level: one unrelated pair in a hundred reaches it
BANDS = ((0, 1), (2, 2), (3, 5), (6, 7), (8, 14), (15, 21), (22, 30), (31, 45), (46, 60), (61, 90))
GRACES = range(0, 8)    # whole days tried for GRACE_DAYS
DECAYS = [d / 10 for d in range(10, 601)]  # 1.0 .. 60.0 days tried for DECAY_DAYS


def load(path: Path) -> list[tuple[str, str, str]]:
    """(title, body, day) of each article, in file order."""
    out = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            title, _, body = r["text"].strip().partition("\n")
            out.append((title.strip(), body.strip() or title.strip(), (r.get("publication_date") or "")[:10]))
    return out


def bridge_table(found: list[tuple[tuple[int, int], float | None]]) -> list[tuple[int, float]]:
    """(max days apart, threshold) of the bands up to the first without one, adjacent equal thresholds as one band."""
    merged: list[tuple[int, float]] = []
    for (_, hi), t in found:
        if t is None:
            break
        if merged and merged[-1][1] == t:
            merged[-1] = (hi, t)
        else:
            merged.append((hi, t))
    return merged


def pairs(rows: list[tuple[str, str, str]]) -> list[tuple[int, float]]:
    """(days apart, similarity) of every pair of distinct articles, by the grouper's own functions."""
    from tui.stories.grouping import _Story, day_number, features_of

    vecs = [v for v, _ in features_of([(t, b) for t, b, _ in rows])]
    days = [day_number(d) for _, _, d in rows]
    out = []
    for i, (vec, day) in enumerate(zip(vecs, days)):
        story = _Story(i, "", rows[i][2], rows[i][2], 1, dict(vec))
        for j in range(i + 1, len(vecs)):
            out.append((abs(day - days[j]), story.similarity(vecs[j])))
    return out


def table(sims: list[tuple[int, float]]) -> tuple[float, list[tuple[tuple[int, int], int, float, float, float]]]:
    """The null level and, per band, (band, pairs, mean gap, share above the level, share relative to 0-1 day)."""
    null = sorted(s for g, s in sims if g > NULL_DAYS)
    level = null[int(QUANTILE * (len(null) - 1))]
    rows = []
    for lo, hi in BANDS:
        band = [(g, s) for g, s in sims if lo <= g <= hi]
        share = sum(s > level for _, s in band) / max(1, len(band))
        rows.append(((lo, hi), len(band), sum(g for g, _ in band) / max(1, len(band)), share))
    base = rows[0][3] - (1 - QUANTILE)
    return level, [(b, n, mean, share, (share - (1 - QUANTILE)) / base) for b, n, mean, share in rows]


FDR_WINDOW = 0.02       # half-width of the similarity window the local densities are counted in
FDR_GRID = 0.005        # similarities tried, from FDR_FROM up
FDR_FROM = 0.05


def bayes_thresholds(sims: list[tuple[int, float]], fdr: float = 0.5,
                     bands: tuple[tuple[int, int], ...] = BANDS) -> list[tuple[tuple[int, int], float | None]]:
    """Per band (of `bands`), the lowest similarity where the local false-discovery rate against the far-apart null is
    <= `fdr` (1/2: more likely the same story than not)."""
    from bisect import bisect_left

    null = sorted(s for g, s in sims if g > NULL_DAYS)

    def mass(xs: list[float], lo: float, hi: float) -> float:
        return (bisect_left(xs, hi) - bisect_left(xs, lo)) / max(1, len(xs))

    out = []
    for lo, hi in bands:
        band = sorted(s for g, s in sims if lo <= g <= hi)
        found = None
        for k in range(int(round((1.0 - FDR_FROM) / FDR_GRID))):
            x = FDR_FROM + k * FDR_GRID
            fb = mass(band, x - FDR_WINDOW, x + FDR_WINDOW)
            if fb > 0 and mass(null, x - FDR_WINDOW, x + FDR_WINDOW) / fb <= fdr:
                found = round(x, 3)
                break
        out.append(((lo, hi), found))
    return out


def fit(points: list[tuple[float, float]]) -> tuple[int, float, float]:
    """(grace, decay, squared error) of 1 / (1 + max(0, g - grace) / decay) closest to the (g, y) points."""
    best = None
    for grace in GRACES:
        for decay in DECAYS:
            err = sum((y - 1.0 / (1.0 + max(0.0, g - grace) / decay)) ** 2 for g, y in points)
            if best is None or err < best[2] - 1e-12:
                best = (grace, decay, err)
    return best


def main() -> None:
    """Print the per-band table, the fit, and the grouper's current values next to it."""
    from tui.stories.grouping import BRIDGE, DECAY_DAYS, GRACE_DAYS

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    args = ap.parse_args()
    rows = load(Path(args.data))
    sims = pairs(rows)
    level, bands = table(sims)
    print(f"{len(rows)} articles, {len(sims)} pairs; {sum(g > NULL_DAYS for g, _ in sims)} pairs more than "
          f"{NULL_DAYS} days apart, their {QUANTILE * 100:.0f}th percentile cosine: {level:.4f}")
    print("days apart   pairs   mean gap   share above   relative to 0-1 day (less 1%)")
    for (lo, hi), n, mean, share, rel in bands:
        print(f"{f'{lo}-{hi}' if hi > lo else str(lo):>10} {n:>7} {mean:>10.2f} {share:>13.4f} {rel:>12.3f}")
    grace, decay, err = fit([(mean, rel) for _, _, mean, _, rel in bands])
    print(f"fit 1 / (1 + max(0, g - GRACE_DAYS) / DECAY_DAYS): GRACE_DAYS = {grace}, DECAY_DAYS = {decay:.1f} "
          f"(squared error {err:.4f}); rounded: GRACE_DAYS = {grace}, DECAY_DAYS = {round(decay)}")
    print(f"grouper now: GRACE_DAYS = {GRACE_DAYS}, DECAY_DAYS = {DECAY_DAYS}")
    print("as thresholds: lowest similarity where a pair is more likely the same story than not")
    found = bayes_thresholds(sims)
    base = found[0][1]
    print("days apart   threshold   relative to 0-1 day")
    for ((lo, hi), t), (_, _, mean, _, _) in zip(found, bands):
        rel = f"{t / base:.3f}" if t and base else "-"
        print(f"{f'{lo}-{hi}' if hi > lo else str(lo):>10} {t if t is not None else '-':>11} {rel:>12}")
    merged = bridge_table(found)
    print(f"as tui.stories.grouping.BRIDGE (max days apart, similarity): {tuple(merged)}")
    print(f"grouper now: BRIDGE = {BRIDGE}")


if __name__ == "__main__":
    main()
