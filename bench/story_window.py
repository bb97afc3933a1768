"""How many articles a windowed regroup needs around it: a stream fed one article at a time against the same
articles grouped at once, by the size of the window (tui/stories/regroup_window.WINDOW_ARTICLES).

    python -m bench.story_window [--sizes 250,500] [--polnear PATH]

A library fed article by article is grouped again every LIBRARY_FROM articles, together with the articles grouped
just before them, up to WINDOW_ARTICLES in all, as one batch weighed by its own idf (regroup_window.py). Grouped at
once, the same articles are one batch. The window exists so that the first comes out as the second; a window too
small sees too little of its period (its idf and its crowding are a few days', its stories' other articles are
stored, not placed again). Here, for each window size, PolNeAR train (840 dated articles, US politics 2015-16, seven
outlets; not the stories data) and a CoNLL-2003 train sample (world news of August 1996, dated by its datelines) are
fed one at a time in date order, and the stories they make are scored against the stories the same articles make
grouped at once, by B-cubed (the at-once stories as the reference: no labels are read). It also prints the seconds
the one-at-a-time feed took. Prints numbers, asserts nothing.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from bench.story_decay import DEFAULT_DATA as DEFAULT_POLNEAR

DEFAULT_CONLL = DEFAULT_POLNEAR.parents[2] / "ner" / "train" / "conll2003_train.jsonl"


def polnear(path: Path) -> list[tuple[str, str, str, str]]:
    """(title, body, day, source) of each PolNeAR train article, oldest first."""
    out = []
    for line in path.open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            title, _, body = r["text"].strip().partition("\n")
            out.append((title.strip(), body.strip() or title.strip(), r["publication_date"][:10], r["publisher"]))
    return sorted(out, key=lambda a: (a[2], a[0]))


def conll(path: Path) -> list[tuple[str, str, str, str]]:
    """(headline, body, day, "conll") of each CoNLL-2003 train article of 80 words or more with a dateline."""
    from bench.quality_stories import conll_dated

    out = [(title or body[:160], body, day, "conll") for _ident, title, body, day in conll_dated(path)]
    return sorted(out, key=lambda a: (a[2], a[0]))


def grouped(arts, tmp: Path, name: str, one_at_a_time: bool) -> tuple[dict[int, int], float]:
    from tui.models import Article
    from tui.store.library import Library
    from tui.stories import group_new, story_of

    lib = Library(tmp / f"{name}.db")
    items = [Article(title=t, body=b, source=s, published=d) for t, b, d, s in arts]
    t0 = time.perf_counter()
    if one_at_a_time:
        ids = []
        for a in items:
            ids.append(lib.add_many([a])[0][1])
            group_new(lib)
    else:
        ids = [i for _, i in lib.add_many(items)]
        group_new(lib)
    took = time.perf_counter() - t0
    out = {i: story_of(lib, i) for i in ids}
    lib.close()
    return out, took


def bcubed(pred: dict[int, int], ref: dict[int, int]) -> tuple[float, float, float]:
    """B-cubed P / R / F1 of `pred` against the reference clustering `ref` (both article -> cluster)."""
    from collections import Counter

    both = Counter((pred[a], ref[a]) for a in ref)
    ps, rs = Counter(pred[a] for a in ref), Counter(ref.values())
    p = sum(both[pred[a], ref[a]] / ps[pred[a]] for a in ref) / len(ref)
    r = sum(both[pred[a], ref[a]] / rs[ref[a]] for a in ref) / len(ref)
    return p, r, 2 * p * r / (p + r)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="250,500")
    ap.add_argument("--polnear", default=str(DEFAULT_POLNEAR))
    ap.add_argument("--conll", default=str(DEFAULT_CONLL))
    args = ap.parse_args()
    from tui.stories import regroup_window

    sets = {"polnear": polnear(Path(args.polnear)), "conll": conll(Path(args.conll))}
    with tempfile.TemporaryDirectory(prefix="story-window-") as d:
        for name, arts in sets.items():
            ref, took = grouped(arts, Path(d), f"{name}-once", False)
            print(f"{name}: {len(arts)} articles, at once {len(set(ref.values()))} stories ({took:.1f} s)", file=sys.stderr)
            for size in [int(x) for x in args.sizes.split(",")]:
                regroup_window.WINDOW_ARTICLES = size
                pred, took = grouped(arts, Path(d), f"{name}-{size}", True)
                p, r, f = bcubed(pred, ref)
                print(f"  window {size}: one at a time against at once B-cubed P {p:.4f} R {r:.4f} F1 {f:.4f}, "
                      f"{len(set(pred.values()))} stories, {took:.1f} s", file=sys.stderr, flush=True)


if __name__ == "__main__":
    main()
