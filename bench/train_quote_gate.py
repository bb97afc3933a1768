"""Learn the quote gate's weights (tui/engine/quotes/gate.py) from PolNeAR's train set.

Usage: python bench/train_quote_gate.py [EVAL_DIR] [--out assets/models/quote_gate.json]

Every stretch in quotation marks that the quote rules keep (extract._attributed, the ranker off: the gate reads the
rules' speakers) is one example, labelled by whether the gold marks a quote there (overlap of half the longer span
with any gold quote, the shared scorer's own pairing). The model is a logistic one: the log-linear learner of
bench/train_quotes.py over two "candidates", the quote's features and an empty set, so the quote's score is its
log-odds of being a quotation. Features seen fewer than MIN_COUNT times in the training quotes are left out (a
rare word next to a mark learns the article it came from; CV on train with 3 or 5: more gold quotes dropped than
extra ones). No randomness: the same data gives the same file, byte for byte (the defaults rebuild the shipped
one). Reads ../shared at run time only.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import train_quotes  # noqa: E402
from bench.folds import default_eval  # noqa: E402
from tui.engine.quotes import extract, gate  # noqa: E402

MIN_COUNT = 10  # a feature is learnt only when this many training quotes have it
L2 = 50.0  # the L2 penalty (CV on train: 50 and 200 alike)
STEPS = 300  # full-batch Adam steps
DEFAULT_OUT = ROOT / "assets" / "models" / gate.WEIGHTS_FILE


def examples_of(cases, sc) -> list[tuple[str, set[str], bool]]:
    """(article id, the gate's features, does the gold mark a quote there) for every quote the rules keep."""
    out = []
    for case in cases:
        if not case.quotes:
            continue
        bounds = extract._Lines(case.text).bounds
        gs = [sc.trim(case.text, g["start"], g["end"]) for g in case.gold]
        ps = [sc.trim(case.text, q.start, q.end) for q in case.quotes]
        marked = {p for _, p in sc.greedy(gs, ps, lambda a, b, c, d, ov: ov >= 0.5 * max(b - a, d - c))}
        for i, (q, how) in enumerate(zip(case.quotes, case.hows)):
            out.append((case.id, gate.features(case.text, q, how, bounds), i in marked))
    return out


def train(data) -> dict[str, float]:
    """The gate's weights learnt from examples (examples_of): features of MIN_COUNT or more quotes only."""
    seen = Counter(f for _, feats, _ in data for f in feats)
    pairs = [(doc, [{f for f in feats if seen[f] >= MIN_COUNT}, set()], [ok, not ok], -1) for doc, feats, ok in data]
    return train_quotes.train_softmax(pairs, STEPS, L2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(default_eval()))
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args()
    found = train_quotes.train_file(args.eval_dir)
    if found is None:
        return 2
    qdir, gold = found
    data = examples_of(train_quotes.collect(gold), train_quotes.load_scorer(qdir))
    w = train(data)
    body = {"about": f"quote gate weights: bench/train_quote_gate.py from PolNeAR train ({len(data)} quotes, "
                     f"{sum(not ok for _, _, ok in data)} the gold does not mark; logistic, L2 {L2:g}, {STEPS} Adam "
                     f"steps, features of {MIN_COUNT}+ quotes)",
            "weights": dict(sorted(w.items()))}
    Path(args.out).write_text(json.dumps(body, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    dropped = [ok for _, feats, ok in data if gate.score(feats, w) < 0]
    print(f"{len(w)} weights -> {args.out}; on train the gate drops {len(dropped)} quotes, "
          f"{sum(not ok for ok in dropped)} of them unmarked by the gold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
