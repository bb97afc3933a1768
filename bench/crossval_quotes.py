"""Cross-validation of quotes and speakers on PolNeAR *train*: an honest estimate without touching dev.

    python bench/crossval_quotes.py [EVAL_DIR] [--folds 5] [--fold 0] [--ablate] [--entities]

Train articles are split into `--folds` folds by an MD5 hash of their id. The speaker ranker is learnt
(bench/train_quotes.py's code and defaults) on every fold but `--fold`; the quote pass with those weights is
scored by the shared scorer on the held-out fold (quote+speaker F1, quote spans, and each half of the fold).
With --ablate each quote rule is switched off in turn on the held-out fold (F1 change for each half), the
check `quality_quotes.py --ablate` makes on dev. Nothing is written to the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import train_quotes  # noqa: E402
from bench.quality_ner import _default_eval  # noqa: E402
from bench.quality_quotes import predict, score, split_halves  # noqa: E402
from tui.engine.quotes import ranker  # noqa: E402


def fold_of(doc_id: str, folds: int) -> int:
    """The fold of an article: MD5 of its id (a different digest than the dev halves use)."""
    return int(hashlib.md5(("fold:" + doc_id).encode()).hexdigest(), 16) % folds


def main() -> int:
    """Train on every fold but one, score the held-out fold, and ablate the rules there on request."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(_default_eval()))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--ablate", action="store_true")
    ap.add_argument("--entities", action="store_true", help="pass the NER entities in, as the app does")
    args = ap.parse_args()
    qdir = Path(args.eval_dir) / "quotes"
    gold = qdir / "train" / "polnear_train.jsonl"
    data = train_quotes.examples(gold, train_quotes.load_scorer(qdir))
    learn = [d for d in data if fold_of(d[0], args.folds) != args.fold]
    w = train_quotes.train(learn, args.epochs)
    ranker.weights = lambda: w  # the fold's weights instead of the shipped ones
    with tempfile.TemporaryDirectory() as tmp:
        held = Path(tmp) / "held.jsonl"
        lines = [ln for ln in gold.read_text(encoding="utf-8").splitlines()
                 if ln.strip() and fold_of(json.loads(ln)["id"], args.folds) == args.fold]
        held.write_text("\n".join(lines) + "\n", encoding="utf-8")
        halves = split_halves(held, Path(tmp))
        pred = Path(tmp) / "pred.jsonl"

        def f1s() -> list[float]:
            predict(held, pred, args.entities)
            res = score(qdir, held, pred, quiet=True)
            return [res["quote_speaker"]["f1"], res["quote_overlap50"]["f1"]] + [
                score(qdir, h, pred, quiet=True)["quote_speaker"]["f1"] for h in halves]

        base = f1s()
        print(f"held-out fold {args.fold}/{args.folds}: {len(lines)} articles; ranker learnt on {len(learn)} quotes; "
              f"quote+speaker F1 {base[0]:.2f} (halves {base[2]:.2f} / {base[3]:.2f}), spans F1 {base[1]:.2f}",
              flush=True)
        if args.ablate:
            from tui.engine import rules

            print(f"{'F1 change with the rule off':<36}{'fold h0':>9}{'fold h1':>9}")
            for r in rules.all_rules():
                if not r.stage.startswith("quotes"):
                    continue
                with rules.disabled(r.name):
                    off = f1s()
                print(f"{r.name:<36}{off[2] - base[2]:>+9.2f}{off[3] - base[3]:>+9.2f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
