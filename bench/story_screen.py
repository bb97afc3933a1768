"""Screen a change of the grouping's term representation at its operating point, in seconds (issue 13).

    python -m bench.story_screen [EVAL_DIR] [--proxy 246] [--fp 10,25,50]

A change of how articles are described (terms.py, features_of, library_idf.py) moves every cosine, so its levels must
be fitted again before the grouping can be judged, and a full `bench.quality_stories` run then mixes the change
with the clustering. This prints, for the code as it is, in about ten seconds of CPU:

1. The levels the repo's fit would give it (as bench/story_library_idf.py fits `grouping.LIBRARY` and
   `density.BY_DENSITY` on PolNeAR train: the decay, and the join and bridge levels at local false-discovery rate
   1 / (1 + m) for a set m times as crowded as PolNeAR), next to the grouper's constants.
2. For the dev events (all 25, each half alone) and the proxy (dev plus `--proxy` distractors, as
   bench/quality_stories.py builds it), all weighed as one batch (a folder import): every pair of articles at most
   90 days apart with a dev article in it, put through the grouper's own test for two one-article stories
   (`merge_touched`: the decayed cosine reaches the join level within WINDOW_DAYS, or the plain cosine the bridge
   level for the days between them). It prints the share of same-event pairs that pass (recall) and how many
   pairs of different events (or with a distractor) pass, at the fitted levels; then the recall at a fixed number
   of false positives (`--fp`), ranking the pairs by how far past the test they are, so that two representations
   are compared at the same false-positive count whatever their levels' rounding.

Judge a representation at these operating points, not by AUC (a change can raise AUC and lose recall where the
levels sit: session 12's names x2). A pair screen does not replace the grouping figures: it tells which changes are
worth fitting and running; read both columns (session 13: tf falling with position raised dev's near recall at
10 false positives 0.558 -> 0.614, but its far false positives rose 65 -> 104, and grouped at once dev fell 0.905 ->
0.864). The dev set only measures here: nothing is learnt from it. Prints numbers, asserts
nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench import quality_stories as q  # noqa: E402

MAX_GAP = 90  # the last bridge band of the fits (story_decay.NULL_DAYS): further apart, nothing merges


def fitted(sims: list[tuple[int, float]], m: float):
    """(join, decay, bridge) the fit gives for a set m times as crowded as PolNeAR (m below 1 counts 1), from
    PolNeAR's (days apart, cosine) pairs under library idf."""
    from bench.story_decay import bayes_thresholds, bridge_table, fit, table

    _, bands = table(sims)
    _, decay, _ = fit([(mean, rel) for _, _, mean, _, rel in bands])
    found = bayes_thresholds(sims, 1 / (1 + max(1.0, m)))
    return found[0][1], decay, tuple(bridge_table(found))


def labels(row: dict) -> frozenset:
    return frozenset(row.get("clusters") or ([row["cluster"]] if row.get("cluster") else []))


def screen(rows: list[dict], polnear: list[tuple[int, float]], fps: list[int]) -> str:
    """One line: the fitted levels for `rows`' crowding and the pair recall / false positives at them and at `fps`."""
    from bench.story_library_idf import vectors
    from tui.stories import density
    from tui.stories.grouping import WINDOW_DAYS, bridge_level, day_number

    days = [day_number(r["date"]) for r in rows]
    m = density.neighbours(days) / density.REFERENCE
    join, decay, bridge = fitted(polnear, m)
    vecs = vectors([(r["title"], r["text"]) for r in rows], True)
    gold = [labels(r) for r in rows]
    near: tuple[list[float], list[float]] = ([], [])  # (same event, not) scores of pairs within WINDOW_DAYS
    far: tuple[list[float], list[float]] = ([], [])   # the same beyond, up to MAX_GAP days (only a bridge joins them)
    for i in range(len(rows)):
        a = vecs[i]
        for j in range(i + 1, len(rows)):
            gap = abs(days[i] - days[j])
            if gap > MAX_GAP or not (gold[i] or gold[j]):
                continue
            x, y = (a, vecs[j]) if len(a) <= len(vecs[j]) else (vecs[j], a)
            raw = sum(w * y.get(t, 0.0) for t, w in x.items())
            # how far past the grouper's test the pair is (>= 1: it passes): an article joins by the decayed cosine
            # within WINDOW_DAYS (`place`); two stories further apart merge by the plain one (`merge_touched`)
            if gap <= WINDOW_DAYS:
                near[not gold[i] & gold[j]].append(raw / (1.0 + gap / decay) / join)
            else:
                far[not gold[i] & gold[j]].append(raw / bridge_level(gap, bridge))
    parts = []
    for name, (pos, neg) in (("near", near), ("far", far)):
        neg.sort(reverse=True)
        at = [f"R@{k}FP {sum(s > (neg[k] if k < len(neg) else 0.0) for s in pos) / max(1, len(pos)):.3f}" for k in fps]
        parts.append(f"{name}: recall {sum(s >= 1 for s in pos) / max(1, len(pos)):.3f} of {len(pos)}, "
                     f"FP {sum(s >= 1 for s in neg)} of {len(neg)}" + (", " + " ".join(at) if name == "near" else ""))
    return f"m {m:.2f}: join {join}, decay {decay:.1f} | " + " | ".join(parts)


def main() -> None:
    """Print the fitted levels and the screen of the dev events, its halves and the proxy."""
    from bench.story_decay import DEFAULT_DATA, load
    from bench.story_library_idf import all_pairs, vectors
    from tui.stories import density
    from tui.stories.grouping import LIBRARY, day_number

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("eval_dir", nargs="?", default=str(q.DEFAULT_DIR))
    ap.add_argument("--proxy", type=int, default=246, help="distractors of the proxy (0: none)")
    ap.add_argument("--fp", default="10,25,50", help="false-positive counts to read the recall at")
    args = ap.parse_args()
    eval_dir = Path(args.eval_dir)
    fps = [int(x) for x in args.fp.split(",") if x.strip()]
    missing = [str(p) for p in (Path(DEFAULT_DATA), eval_dir / "dev" / "clusters.jsonl") if not p.is_file()]
    if missing:
        raise SystemExit(f"not found: {', '.join(missing)} (the shared eval data: PolNeAR train, the stories dev)")
    t0 = time.process_time()
    pol = load(Path(DEFAULT_DATA))
    pdays = [day_number(d) for _, _, d in pol]
    polnear = all_pairs(vectors([(t, b) for t, b, _ in pol], True), pdays)
    join, decay, bridge = fitted(polnear, 1.0)
    print(f"fitted on PolNeAR (library idf): join {join}, decay {decay:.1f}, bridge {bridge}")
    print(f"grouper now: LIBRARY = {LIBRARY}; density rows {len(density.BY_DENSITY)}")
    rows = q.load(eval_dir)
    sets = [("dev, all events", rows)] + [(f"dev half {k}", v) for k, v in q.halves(rows).items()]
    if args.proxy > 0:
        first, last, third = rows[0]["date"], rows[-1]["date"], args.proxy // 3
        extra = (q.salt(eval_dir, third, first) + q.corpus_salt(third, first, last)
                 + q.conll_salt(eval_dir, args.proxy - 2 * third, first, last))
        sets.append((f"proxy (+{len(extra)})", rows + extra))
    for name, part in sets:
        print(f"{name:>16}: {screen(part, polnear, fps)}")
    print(f"({time.process_time() - t0:.1f} s CPU)")


if __name__ == "__main__":
    main()
