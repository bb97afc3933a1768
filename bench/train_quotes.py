"""Learn the quote speaker ranker's weights (tui/engine/quotes/ranker.py) from PolNeAR's train set.

Usage: python bench/train_quotes.py [EVAL_DIR] [--epochs 8] [--out assets/models/quote_speakers.json]
                                    [--check]

For each train article the engine finds its quotes and, for each, the candidate speakers with their
features; a quote matched to a gold quote (overlap of half the longer span) teaches the model which
candidates are right (the shared scorer's own speaker test). An averaged perceptron, articles in file
order, no randomness: the same data gives the same file, byte for byte (the defaults rebuild the
shipped one). ``--check`` instead trains on one half of train and prints the speaker accuracy of the
rules and of the ranker on the other half (the held-out estimate). Reads ../shared at run time only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.engine.quotes import extract, ranker  # noqa: E402

DEFAULT_OUT = ROOT / "assets" / "models" / ranker.WEIGHTS_FILE


def load_scorer(qdir: Path):
    """The shared scorer module (its speaker test decides which candidates are right)."""
    spec = importlib.util.spec_from_file_location("quote_scorer", qdir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def examples(gold: Path, sc) -> list[tuple[str, list[set[str]], list[bool], int]]:
    """(article id, candidates' features, which are right, index of the rules' choice or -1) per matched
    quote that the ranker decides (see ranker.trusted)."""
    from tui.engine import rules
    out = []
    with gold.open(encoding="utf-8") as f, rules.disabled("speaker-ranker"):
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            quotes, hows, scan = extract._attributed(text)
            if not quotes:
                continue
            wanted = [not ranker.trusted(text, q, how) for q, how in zip(quotes, hows)]
            cands = ranker.candidates(text, quotes, hows, scan.res, scan.lines.bounds, wanted)
            gq = [g for g in doc["quotes"] if g.get("speaker")]
            gs = [sc.trim(text, g["start"], g["end"]) for g in gq]
            ps = [sc.trim(text, q.start, q.end) for q in quotes]
            for gi, pi in sc.greedy(gs, ps, lambda a, b, c, d, ov: ov >= 0.5 * max(b - a, d - c)):
                cs = cands[pi]
                if not cs:
                    continue  # the engine keeps the rules' choice there (ranker.trusted): nothing to learn
                right = [bool(sc.speaker_ok(c.name, gq[gi])) for c in cs]
                rule = next((k for k, c in enumerate(cs) if "rule" in c.feats), -1)
                out.append((doc["id"], [c.feats for c in cs], right, rule))
    return out


def train(data, epochs: int) -> dict[str, float]:
    """Averaged perceptron over the quotes that have a right candidate."""
    w: dict[str, float] = {}
    total: dict[str, float] = {}  # sum of each weight over all steps (lazy: stamp of last change)
    stamp: dict[str, int] = {}
    step = 0

    def bump(f: str, d: float) -> None:
        total[f] = total.get(f, 0.0) + w.get(f, 0.0) * (step - stamp.get(f, 0))
        stamp[f] = step
        w[f] = w.get(f, 0.0) + d

    for _ in range(epochs):
        for _, feats, right, _ in data:
            if not any(right):
                continue
            step += 1
            scores = [sum(w.get(f, 0.0) for f in fs) for fs in feats]
            guess = max(range(len(feats)), key=lambda k: scores[k])
            if right[guess]:
                continue
            gold = max((k for k in range(len(feats)) if right[k]), key=lambda k: scores[k])
            for f in feats[gold] - feats[guess]:
                bump(f, 1.0)
            for f in feats[guess] - feats[gold]:
                bump(f, -1.0)
    avg = {}
    for f in w:
        t = total.get(f, 0.0) + w[f] * (step - stamp.get(f, 0))
        v = round(t / max(step, 1), 3)
        if v:
            avg[f] = v
    return avg


def accuracy(data, w: dict[str, float] | None) -> float:
    """Share of the quotes the ranker decides whose chosen candidate is right (w None: the rules' choice)."""
    ok = 0
    for _, feats, right, rule in data:
        if w is None:
            k = rule
        else:
            scores = [sum(w.get(f, 0.0) for f in fs) for fs in feats]
            k = max(range(len(feats)), key=lambda i: scores[i])
        ok += k >= 0 and right[k]
    return 100 * ok / max(len(data), 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check", action="store_true", help="train on half of train, print accuracy on the other half")
    args = ap.parse_args()
    qdir = Path(args.eval_dir) / "quotes"
    gold = qdir / "train" / "polnear_train.jsonl"
    if not gold.exists():
        print(f"no training file at {gold}", file=sys.stderr)
        return 2
    data = examples(gold, load_scorer(qdir))
    if args.check:
        half = [[d for d in data if int(hashlib.md5(d[0].encode()).hexdigest(), 16) % 2 == h] for h in (0, 1)]
        for h in (0, 1):
            w = train(half[1 - h], args.epochs)
            print(f"train half {1 - h} -> test half {h}: {len(half[h])} quotes, speaker accuracy "
                  f"rules {accuracy(half[h], None):.2f}, ranker {accuracy(half[h], w):.2f} "
                  f"(oracle {100 * sum(any(d[2]) for d in half[h]) / len(half[h]):.2f})")
        return 0
    w = train(data, args.epochs)
    body = {"about": "quote speaker ranker weights: bench/train_quotes.py from PolNeAR train "
                     f"({len(data)} quotes, averaged perceptron, {args.epochs} epochs)",
            "weights": dict(sorted(w.items()))}
    Path(args.out).write_text(json.dumps(body, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(w)} weights -> {args.out}; train accuracy rules {accuracy(data, None):.2f}, ranker {accuracy(data, w):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
