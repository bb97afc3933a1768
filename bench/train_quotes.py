"""Learn the quote speaker ranker's weights (tui/engine/quotes/ranker.py) from PolNeAR's train set.

Usage: python bench/train_quotes.py [EVAL_DIR] [--epochs N] [--out assets/models/quote_speakers.json]
                                    [--check]

For each train article the engine finds its quotes and, for each, the candidate speakers with their
features; a quote matched to a gold quote (overlap of half the longer span) teaches the model which
candidates are right (the shared scorer's own speaker test). A log-linear (softmax) ranker over each quote's
candidates with a strong L2 penalty, full-batch Adam steps, no randomness: the same data gives the same file,
byte for byte (the defaults rebuild the shipped one). ``--epochs N`` learns the bagged averaged perceptron
instead (the learner before session 8). ``--check`` instead trains on one half of train and prints the speaker accuracy of the
rules and of the ranker on the other half (the held-out estimate). Reads ../shared at run time only.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.folds import default_eval, half_of, kept_lexicon, learn_with_split_comment_words  # noqa: E402
from tui.engine.quotes import extract, ranker  # noqa: E402

STEPS = 300  # Adam steps of the log-linear ranker over the whole batch
L2 = 2000.0  # its L2 penalty (CV on train: 76.6 over 1,000-10,000, lower below; the perceptrons reach 76.5-76.7)
# features learnt under a lighter L2 penalty (a factor of L2): the possessive mention ("Okafor's lawyer") is rare (a few
# hundred train candidates) and under the full penalty it stays too small to move a choice (CV on train, --repeats 4,
# plain / with entities: factor 1 78.49 / 78.37, 0.3 78.50 / 78.40, 3 78.47)
L2_SCALE = {"poss": 0.3, "w|poss": 0.3}
EPOCHS = 8  # passes of the (bagged) perceptron, the learner before session 8 (--learner perceptron)
BAGS = 10  # perceptrons averaged, each over the examples in its own fixed order (one order moves CV by +-0.15)
DEFAULT_OUT = ROOT / "assets" / "models" / ranker.WEIGHTS_FILE


def train_file(eval_dir: str) -> tuple[Path, Path] | None:
    """(the quotes folder, PolNeAR's train file) under EVAL_DIR, or None after saying on stderr that it is missing."""
    qdir = Path(eval_dir) / "quotes"
    gold = qdir / "train" / "polnear_train.jsonl"
    if not gold.exists():
        print(f"no training file at {gold}", file=sys.stderr)
        return None
    return qdir, gold


def load_scorer(qdir: Path):
    """The shared scorer module (its speaker test decides which candidates are right)."""
    spec = importlib.util.spec_from_file_location("quote_scorer", qdir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@dataclass
class Case:
    """One train article as the engine sees it with the ranker off: the rules' quotes and, for each quote
    the ranker decides, its candidate speakers (an empty list: the rules' choice stands, see ranker.trusted)."""

    id: str
    text: str
    gold: list[dict]
    quotes: list
    cands: list[list]
    hows: list[str] = field(default_factory=list)  # how the rules found each quote's speaker (extract._Scan.how)


def collect(gold: Path, entities: bool = False) -> list[Case]:
    """Every article of a gold file run through the quote rules, with the ranker's candidates; with `entities`,
    the tagger's entities are passed in first, as the app does (tui/engine/analysis.py)."""
    from tui.engine import rules
    from tui.engine.entities import extract_entities
    out = []
    with gold.open(encoding="utf-8") as f, rules.disabled("speaker-ranker"):
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            text = doc["text"]
            quotes, hows, scan = extract._attributed(text, extract_entities(text) if entities else None)
            cands = []
            if quotes:
                wanted = ranker.decided(text, quotes, hows)
                cands = ranker.candidates(text, quotes, hows, scan.res, scan.lines.bounds, wanted)
            out.append(Case(doc["id"], text, doc["quotes"], quotes, cands, hows))
    return out


def examples_of(cases: list[Case], sc) -> list[tuple[str, list[set[str]], list[bool], int]]:
    """(article id, candidates' features, which are right, index of the rules' choice or -1) per quote the
    ranker decides that matches a gold quote with a speaker (overlap of half the longer span, the scorer's test)."""
    out = []
    for case in cases:
        if not case.quotes:
            continue
        gq = [g for g in case.gold if g.get("speaker")]
        gs = [sc.trim(case.text, g["start"], g["end"]) for g in gq]
        ps = [sc.trim(case.text, q.start, q.end) for q in case.quotes]
        for gi, pi in sc.greedy(gs, ps, lambda a, b, c, d, ov: ov >= 0.5 * max(b - a, d - c)):
            cs = case.cands[pi]
            if not cs:
                continue  # the engine keeps the rules' choice there (ranker.trusted): nothing to learn
            right = [bool(sc.speaker_ok(c.name, gq[gi])) for c in cs]
            rule = next((k for k, c in enumerate(cs) if "rule" in c.feats), -1)
            out.append((case.id, [c.feats for c in cs], right, rule))
    return out


def examples(gold: Path, sc) -> list[tuple[str, list[set[str]], list[bool], int]]:
    """The training examples of a gold file (see examples_of)."""
    return examples_of(collect(gold), sc)


def speakers(case: Case, w: dict[str, float] | None) -> list[str | None]:
    """The speaker the engine gives each of the case's quotes under weights w (None: the rules' speakers)."""
    out = []
    for q, cs in zip(case.quotes, case.cands or [[]] * len(case.quotes)):
        if w is None or not cs:
            out.append(q.speaker)
        else:
            out.append(ranker.choose(cs, w).name)
    return out


def train(data, epochs: int | None = None) -> dict[str, float]:
    """The shipped learner: the log-linear ranker with a strong L2 penalty (train_softmax, STEPS, L2). Its loss is
    convex, so it has one optimum, and a small change to the data (a rule flipping a dozen train quotes) moves
    CV by about what those quotes are worth; the perceptrons, even bagged, moved by +-0.15 on such a change.
    `epochs` given: the bagged perceptron with that many epochs instead."""
    if epochs is not None:
        return train_perceptron(data, epochs)
    return train_softmax(data, STEPS, L2)


def train_perceptron(data, epochs: int, bags: int = BAGS) -> dict[str, float]:
    """The mean of `bags` averaged perceptrons, the first over the examples in file order, each other over
    them in an order fixed by an MD5 of (bag, article, index): one perceptron's weights depend on the order it
    sees the examples in (CV moved by +-0.15 between orders); their mean does not (+-0.02), and it ranks a little
    better. Deterministic: the same data gives the same weights, byte for byte."""
    total: dict[str, float] = {}
    for b in range(bags):
        order = data if b == 0 else [d for _, d in sorted(
            ((hashlib.md5(f"{b}:{d[0]}:{i}".encode()).hexdigest(), d) for i, d in enumerate(data)),
            key=lambda t: t[0])]
        for f, v in _perceptron(order, epochs).items():
            total[f] = total.get(f, 0.0) + v
    out = {}
    for f in sorted(total):
        v = round(total[f] / bags, 3)
        if v:
            out[f] = v
    return out


def _perceptron(data, epochs: int) -> dict[str, float]:
    """Averaged perceptron over the quotes that have a right candidate, in the order given."""
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
        v = t / max(step, 1)
        if v:
            avg[f] = v
    return avg


def train_softmax(data, epochs: int = STEPS, l2: float = L2) -> dict[str, float]:
    """A log-linear (softmax) ranker over each quote's candidates: maximises the log of the probability the
    right candidates get, with an L2 penalty (lighter for the features of L2_SCALE; Adam steps on the whole batch;
    deterministic, numpy at train time only; what ships is the same kind of weight table the perceptron gives)."""
    import numpy as np

    data = [d for d in data if any(d[2])]
    names = sorted({f for _, feats, _, _ in data for fs in feats for f in fs})
    col = {f: k for k, f in enumerate(names)}
    rows, cols, right, group = [], [], [], []
    n = 0
    for g, (_, feats, ok, _) in enumerate(data):
        for fs, r in zip(feats, ok):
            for f in sorted(fs):
                rows.append(n)
                cols.append(col[f])
            right.append(r)
            group.append(g)
            n += 1
    rows_a, cols_a = np.array(rows), np.array(cols)
    right_a, group_a = np.array(right, dtype=float), np.array(group)
    starts = np.flatnonzero(np.r_[True, group_a[1:] != group_a[:-1]])
    l2v = np.array([l2 * L2_SCALE.get(f, 1.0) for f in names])
    w = np.zeros(len(names))
    m, v = np.zeros_like(w), np.zeros_like(w)
    rate, b1, b2 = 0.05, 0.9, 0.999
    for t in range(1, epochs + 1):
        s = np.bincount(rows_a, weights=w[cols_a], minlength=n)
        s -= np.maximum.reduceat(s, starts)[group_a]
        e = np.exp(s)
        p = e / np.add.reduceat(e, starts)[group_a]
        pr = p * right_a
        q = pr / np.add.reduceat(pr, starts)[group_a]
        grad = np.bincount(cols_a, weights=(p - q)[rows_a], minlength=len(names)) + l2v * w / len(data)
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= rate * (m / (1 - b1 ** t)) / (np.sqrt(v / (1 - b2 ** t)) + 1e-8)
    out = {}
    for f, x in zip(names, w):
        x = round(float(x), 3)
        if x:
            out[f] = x
    return out


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
    """The script (the same run as before), leaving the lexicon as it found it (bench/folds.py kept_lexicon)."""
    with kept_lexicon():
        return _main()


def _main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(default_eval()))
    ap.add_argument("--epochs", type=int, default=None, help="learn the bagged perceptron with this many epochs "
                    f"(the learner before session 8: {EPOCHS}) instead of the log-linear ranker")
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    ap.add_argument("--check", action="store_true", help="train on half of train, print accuracy on the other half")
    ap.add_argument("--first-names", choices=("as-shipped", "clean"), default="as-shipped", help="learn with the "
                    "nine words of first_names.txt's old split comment among the given names, as the shipped ranker "
                    "did (tui/engine/lexicon.py LEARNED_FIRST_NAMES; the app reads the list without them), or without "
                    "them (session 35: PolNeAR dev half 2 80.85 -> 80.56, not shipped)")
    args = ap.parse_args()
    if args.first_names == "as-shipped":
        learn_with_split_comment_words()
    found = train_file(args.eval_dir)
    if found is None:
        return 2
    qdir, gold = found
    data = examples(gold, load_scorer(qdir))
    if args.check:
        half = [[d for d in data if half_of(d[0]) == h] for h in (0, 1)]
        for h in (0, 1):
            w = train(half[1 - h], args.epochs)
            print(f"train half {1 - h} -> test half {h}: {len(half[h])} quotes, speaker accuracy "
                  f"rules {accuracy(half[h], None):.2f}, ranker {accuracy(half[h], w):.2f} "
                  f"(oracle {100 * sum(any(d[2]) for d in half[h]) / len(half[h]):.2f})")
        return 0
    w = train(data, args.epochs)
    body = {"about": "quote speaker ranker weights: bench/train_quotes.py from PolNeAR train " +
                     (f"({len(data)} quotes, log-linear, L2 {L2:g}, {STEPS} Adam steps)" if args.epochs is None else
                      f"({len(data)} quotes, mean of {BAGS} averaged perceptrons, {args.epochs} epochs)"),
            "weights": dict(sorted(w.items()))}
    Path(args.out).write_text(json.dumps(body, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(w)} weights -> {args.out}; train accuracy rules {accuracy(data, None):.2f}, ranker {accuracy(data, w):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
