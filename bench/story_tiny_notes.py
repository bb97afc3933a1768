"""How a tiny text (a pasted note of one sentence) scores against articles, off the stories data (issue 13, session 30).

    python -m bench.story_tiny_notes [--articles 1500] [--partners 60]

A short pasted note about the Brenmoor pier ("Brand said the moorings would stay.", walk29) joined the one story of
its town, a ferry strike. Reproduced with our own invented strike reports that name the harbour master Brand and the
pier, and the note titled "Brenmoor pier": its five terms are the town, the pier, the harbour master and two common words, the title's two weighing
most, and its cosine with each strike report is 0.46 against the join level of 0.08 (the 99th percentile of random
pairs of whole articles, bench/story_threshold.py). Whether tiny texts need a bar of their own is measured here on the
unlabelled corpus: each sampled article's first sentence, read as a note (its line is its title and its text), scored
against `--partners` other articles (the null: random pairs) and against the rest of its own article (what it is
about), by how many terms the note has. Prints, per band, the null's 99th and 99.9th percentiles and the own
article's median and 10th percentile, and the share of each at or above a level (`--level`, default the note's
0.47). Prints numbers, asserts nothing, reads nothing of the stories eval data.

Session 30 (1,500 articles of 120+ words, 60 partners each): the null's 99th percentile is 0.065 / 0.065 / 0.068 /
0.076 for notes of <= 5 / 6-10 / 11-20 / 21+ terms (99.9th 0.126 / 0.143 / 0.165 / 0.223), no higher than whole
articles' 0.08: a tiny text is no likelier to meet a random article by chance. At 0.47 the null has 3 pairs of
87,716, and a note's own article 0 / 3 / 6 / 5 % (medians 0.09 / 0.22 / 0.26 / 0.25): a bar that kept the Brenmoor
note out would keep almost every note out of its own story. No bar for tiny texts is learned; grouping unchanged.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

BANDS = ((5, "<=5"), (10, "6-10"), (20, "11-20"), (10**9, "21+"))  # (most terms, name)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z])")


def band(n: int) -> str:
    """The name of the band of a note with `n` terms."""
    return next(name for most, name in BANDS if n <= most)


def scores(texts: list[str], partners: int, seed: int = 3) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
    """For each text's first sentence read as a note: its cosine with `partners` other texts (whole, title = first
    sentence) and with the rest of its own text; both by band of the note's terms."""
    from tui.stories.terms import terms

    rng = random.Random(seed)
    whole = [terms(_SENTENCE.split(t, maxsplit=1)[0][:300], t) for t in texts]
    null: dict[str, list[float]] = {name: [] for _, name in BANDS}
    own: dict[str, list[float]] = {name: [] for _, name in BANDS}
    for i, text in enumerate(texts):
        sentences = _SENTENCE.split(text)
        note = terms(sentences[0], sentences[0])
        if not note:
            continue
        name = band(len(note))
        if len(sentences) > 1:
            rest = terms(sentences[1][:300], " ".join(sentences[1:]))
            own[name].append(sum(w * rest.get(t, 0.0) for t, w in note.items()))
        for j in rng.sample(range(len(texts)), min(partners, len(texts))):
            if j != i:
                null[name].append(sum(w * whole[j].get(t, 0.0) for t, w in note.items()))
    return null, own


def _at(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(q * len(xs)))] if xs else float("nan")


def main(argv: list[str] | None = None) -> None:
    from bench.build_story_idf import DEFAULT_CORPUS, articles

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--partners", type=int, default=60)
    ap.add_argument("--level", type=float, default=0.47)
    args = ap.parse_args(argv)
    texts = [" ".join(t.split()) for t in articles(DEFAULT_CORPUS)]
    texts = random.Random(3).sample([t for t in texts if len(t.split()) >= 120], args.articles)
    null, own = scores(texts, args.partners)
    for _, name in BANDS:
        xs, ys = null[name], own[name]
        print(f"notes of {name} terms: null {len(xs)} pairs, p99 {_at(xs, 0.99):.3f} p99.9 {_at(xs, 0.999):.3f}, "
              f">= {args.level:g}: {sum(x >= args.level for x in xs)}; own article {len(ys)}, median "
              f"{_at(ys, 0.5):.3f} p10 {_at(ys, 0.1):.3f}, >= {args.level:g}: "
              f"{sum(y >= args.level for y in ys) / max(1, len(ys)):.2f}", flush=True)


if __name__ == "__main__":
    main()
