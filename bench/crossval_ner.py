"""Cross-validation of the entity tagger on CoNLL-2003 *train*: an honest estimate without touching dev.

    python bench/crossval_ner.py [--eval ../shared/eval] [--folds 5] [--fold 0] [--epochs 6] [--ablate]

Documents of `ner/train` are split into `--folds` folds by an MD5 hash of their id. The tagger is trained
(bench/train_ner.py's code and defaults) on every fold but `--fold`, and the whole entity pass (tagger, rules,
linking) is scored on the held-out fold: exact-span micro F1 over PERSON/ORG/LOC, for the fold and for its two
halves. With --ablate, each entity rule of the registry is then switched off in turn on the held-out fold
(its worth, F1 with the rule on minus off, for each half: bench/folds.py), the same check `quality_ner.py --ablate` makes on dev.
Nothing is written to the repository; the fold's weights live in memory only.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import train_ner  # noqa: E402
from bench.folds import ablation_header, ablation_row, default_eval, fold_of, half_of  # noqa: E402
from bench.quality_ner import exact_f1, predict_sets  # noqa: E402
from tui.engine.entities import tagger as tagger_mod  # noqa: E402

_SCORED = ("PERSON", "ORG", "LOC")


def main() -> int:
    """Train on every fold but one, score the held-out fold, and ablate the rules there on request."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(default_eval()))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--ablate", action="store_true")
    args = ap.parse_args()
    path = Path(args.eval) / "ner" / "train" / "conll2003_train.jsonl"
    from tui.engine import rules

    rules.all_rules()  # import every stage (and its word lists) now, not after minutes of training
    from tui.engine.entities import extract_entities

    extract_entities("Warm-up: Ada Lovelace met Charles Babbage in London.")
    t0 = time.time()
    docs, _ = train_ner.load_examples(path, keep=lambda i: fold_of(i, args.folds) != args.fold)
    print(f"training on {len(docs)} documents ({time.time() - t0:.0f} s to read)", flush=True)
    weights = train_ner.train(docs, args.epochs, args.seed, 2)
    scale = 20.0  # as export() rounds the shipped weights
    rounded = {f: [round(x * scale) for x in v] for f, v in weights.items()}
    rounded = {f: v for f, v in rounded.items() if max(abs(x) for x in v) >= 2}
    tagger_mod._model = tagger_mod.Tagger(rounded, tagger_mod.CLASSES)
    held = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and fold_of(json.loads(ln)["id"], args.folds) == args.fold]
    golds = [{(e["start"], e["end"], e["label"]) for e in d["entities"] if e["label"] in _SCORED} for d in held]
    halves = [[k for k, d in enumerate(held) if half_of(d["id"]) == h] for h in (0, 1)]

    def scores() -> list[float]:
        preds = predict_sets(held)
        return [exact_f1(golds, preds)] + [exact_f1([golds[k] for k in ix], [preds[k] for k in ix]) for ix in halves]

    base = scores()
    print(f"held-out fold {args.fold}/{args.folds}: {len(held)} documents, exact F1 {base[0]:.2f} "
          f"(halves {base[1]:.2f} / {base[2]:.2f})", flush=True)
    if args.ablate:
        print(ablation_header(["fold h0", "fold h1"], 30))
        for r in rules.all_rules():
            if r.stage != "entities":
                continue
            with rules.disabled(r.name):
                off = scores()
            print(ablation_row(r.name, base[1:], off[1:], 30), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
