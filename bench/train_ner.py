"""Train the shipped entity tagger (averaged structured perceptron, BIO tags) with our own code.

    python bench/train_ner.py [--eval ../shared/eval] [--epochs 6] [--seeds 7,8,9] [--word-dropout P]
                              [--decoder viterbi|greedy] [--history sentences|lines] [--two-pass]
                              [--places-silent lead|all|off]

`--decoder viterbi` (the default, the shipped weights since session 15) learns a first-order structured perceptron
(Collins 2002): a line's tags are its best path (tui/engine/entities/viterbi.py) over each token's tag-independent
features plus the features of each pair (previous tag, tag): "t-1=", "t-1w=", "t-1sh=" (no "t-2t-1="); a
capitalised word's history ("h=", "h|si=": how its mentions were tagged) counts the lines before and the earlier
sentences of its own line, exactly as the tagger decodes (both read a line through tagger.line_path, since session
18; `--history lines`: the lines before only, sessions 14-17: on CoNLL train, whose lines are sentences, only one line
repeats a capitalised word in a later sentence: both give the shipped weights byte for byte). One update
per line: the gold path's features +1 and the predicted path's -1, where they differ. `--decoder greedy` (the
shipped weights of sessions 1-14) learns one token at a time, left to right, with the two tags before it and the
history of its line so far. On the honest time split (crossval_ner.py --decoder) Viterbi scored 90.25 (seeds 7-9)
and 90.65 (seeds 10-12) against greedy's 87.96 and 87.97 (session 14); --two-pass is greedy only. --word-dropout P (0.2 for the shipped weights, since session 6) hides,
for a share P of the tokens each epoch, the features that spell the word itself (new names are then read from
shape, clusters and context); every capitalised word also carries its document features (how its other mentions
in the article are used: tui/engine/entities/doc_features.py, since session 7; a listed place's mentions leading a
longer name count for nothing there, since session 9: --places-silent); --two-pass learns the tagger's second pass too (tried, not used: README).
Reads CoNLL-2003 train (`<eval>/ner/train/conll2003_train.jsonl`, research licence) and writes only the
learned weights to assets/models/ner_weights.json.gz. The corpus text is never copied anywhere.
The shipped weights (since session 11) are the mean of seeds 7, 8 and 9's rounded weights (`--seeds 7,8,9`, the default:
one model per seed, `averaged`); `--seeds 7` gives seed 7's model alone (sessions 6-10). A Viterbi model's file
names its decoder ("decoder": "viterbi"; none: greedy). The same command (`python bench/train_ner.py`, all defaults)
reproduces the shipped file byte for byte (with `--first-names as-shipped`, the default since session 35: the
nine words of first_names.txt's old split comment counted as given names, as when the shipped weights learned).
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.engine.entities.features import (CLASSES, HISTORY_TYPES, START, all_static, history_features,  # noqa: E402
                                          history_key, history_type_features, remember, second_pass_types, short_shape,
                                          tag_features)
from bench.folds import default_eval, kept_lexicon, learn_with_split_comment_words  # noqa: E402
from tui.engine.entities.tagger import _ENDERS, WEIGHTS_FILE, allowed, line_budget, line_path, prepare  # noqa: E402

_NEG = float("-inf")

LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}


def gold_tags(spans, entities):
    """BIO tags for the token spans of one segment; counts entities cut inside a token."""
    tags = ["O"] * len(spans)
    bad = 0
    for ent in entities:
        lab = LABELS.get(ent["label"])
        if lab is None:
            continue
        inside = [k for k, (s, e) in enumerate(spans) if s >= ent["start"] and e <= ent["end"]]
        touching = [k for k, (s, e) in enumerate(spans) if s < ent["end"] and e > ent["start"]]
        if not touching:
            continue
        if inside != touching or spans[inside[0]][0] != ent["start"] if inside else True:
            bad += 1
        if not inside:
            continue
        tags[inside[0]] = "B-" + lab
        for k in inside[1:]:
            tags[k] = "I-" + lab
    return tags, bad


def load_examples(path: Path, keep=None):
    """[(static features per token, gold tags, words, short shapes, sentence-initial flags, token spans)] per
    segment (line), grouped by document.

    `keep` (optional) is a predicate on the document id: only those documents are read (cross-validation)."""
    docs = []
    bad_total = 0
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            if keep is not None and not keep(d["id"]):
                continue
            segs, mid, low = prepare(d["text"])
            ents = sorted(d["entities"], key=lambda e: e["start"])
            doc = []
            for seg in segs:
                s0, e0 = seg.spans[0][0], seg.spans[-1][1]
                mine = [e for e in ents if e["start"] < e0 and e["end"] > s0]
                tags, bad = gold_tags(seg.spans, mine)
                bad_total += bad
                feats = [all_static(seg.toks, i, seg.initial[i], seg.upper, mid, low) + list(seg.docf[i] if seg.docf else ())
                         for i in range(len(seg.toks))]
                doc.append((feats, tags, seg.toks, [short_shape(t) for t in seg.toks], seg.initial, seg.spans))
            docs.append(doc)
    return docs, bad_total


class Perceptron:
    """Averaged perceptron with lazy averaging (weights, running totals and last-update stamps)."""

    def __init__(self, n: int):
        self.n = n
        self.w: dict[str, list[float]] = {}
        self.tot: dict[str, list[float]] = {}
        self.ts: dict[str, list[int]] = {}
        self.t = 0

    def scores(self, feats):
        acc = [0.0] * self.n
        w = self.w
        for f in feats:
            v = w.get(f)
            if v is not None:
                for k in range(self.n):
                    acc[k] += v[k]
        return acc

    def update(self, truth: int, guess: int, feats):
        self.t += 1
        if truth == guess:
            return
        n, t = self.n, self.t
        for f in feats:
            w = self.w.get(f)
            if w is None:
                w = self.w[f] = [0.0] * n
                self.tot[f] = [0.0] * n
                self.ts[f] = [0] * n
            tot, ts = self.tot[f], self.ts[f]
            for k, d in ((truth, 1.0), (guess, -1.0)):
                tot[k] += (t - ts[k]) * w[k]
                ts[k] = t
                w[k] += d

    def averaged(self) -> dict[str, list[float]]:
        out = {}
        t = self.t
        for f, w in self.w.items():
            tot, ts = self.tot[f], self.ts[f]
            out[f] = [(tot[k] + (t - ts[k]) * w[k]) / max(t, 1) for k in range(self.n)]
        return out


WORD_DROPOUT = 0.2  # shipped since session 6: time split +0.3, random fold +0.1, GUM dev +1.4 (README); 0 = session 5
# Features that name the word itself (its spelling, its bigrams): hidden together under --word-dropout.
_IDENTITY = ("w=", "bg-=", "bg+=", "Uw=", "p3=", "s4=", "hyh=", "hyt=")


def train(docs, epochs: int, seed: int, min_count: int, dropout: float = 0.0, two_pass: bool = False,
          word_dropout: float = 0.0):
    """Averaged-perceptron weights learned greedily over `epochs` shuffled passes (features seen fewer than
    `min_count` times dropped); with `two_pass`, each document's second pass is learned after its first."""
    counts = Counter(f for doc in docs for feats, *_ in doc for tf in feats for f in tf)
    keep = {f for f, c in counts.items() if c >= min_count}
    docs = [[([[f for f in tf if f in keep] for tf in feats], tags, toks, ss, ini, sp)
             for feats, tags, toks, ss, ini, sp in doc] for doc in docs]
    cidx = {c: k for k, c in enumerate(CLASSES)}
    ok = {p: [allowed(p, c) for c in CLASSES] for p in CLASSES + [START]}
    model = Perceptron(len(CLASSES))
    rng = random.Random(seed)
    order = list(range(len(docs)))
    for ep in range(epochs):
        rng.shuffle(order)
        t0, right, total = time.time(), 0, 0
        for di in order:
            hist: dict[str, list[int]] = {}  # the document's labels so far, as the tagger keeps them
            doc_tags = []
            for feats, tags, toks, sss, ini, _ in docs[di]:
                prev, prev2 = START, START
                seg_tags = []
                for i, tf in enumerate(feats):
                    if dropout:  # hide some features so no single cue (often the word itself) carries a name
                        tf = [f for f in tf if rng.random() >= dropout]
                    if word_dropout and rng.random() < word_dropout:  # now and then, the word is one never seen:
                        tf = [f for f in tf if not f.startswith(_IDENTITY)]  # learn from shape, cluster, context
                    fs = tf + tag_features(prev, prev2, toks[i].lower(), sss[i]) + history_features(hist, toks[i], ini[i])
                    sc = model.scores(fs)
                    allow = ok[prev] if i == 0 or toks[i - 1] not in _ENDERS else ok[START]
                    guess = max((k for k in range(len(CLASSES)) if allow[k]), key=sc.__getitem__)
                    truth = cidx[tags[i]]
                    model.update(truth, guess, fs)
                    right += guess == truth
                    total += 1
                    prev2, prev = prev, CLASSES[guess]
                    remember(hist, toks[i], CLASSES[guess])
                    seg_tags.append(CLASSES[guess])
                doc_tags.append(seg_tags)
            if two_pass:  # learn the second pass too (Tagger.tag_segments): the segments whose history changes
                segs = docs[di]
                before, after = second_pass_types([seg[2] for seg in segs], doc_tags)
                for (feats, tags, toks, sss, ini, _), old, new in zip(segs, before, after):
                    if old == new:
                        continue
                    prev, prev2 = START, START
                    for i, tf in enumerate(feats):
                        fs = tf + tag_features(prev, prev2, toks[i].lower(), sss[i]) + history_type_features(new[i], ini[i])
                        sc = model.scores(fs)
                        allow = ok[prev] if i == 0 or toks[i - 1] not in _ENDERS else ok[START]
                        guess = max((k for k in range(len(CLASSES)) if allow[k]), key=sc.__getitem__)
                        model.update(cidx[tags[i]], guess, fs)
                        prev2, prev = prev, CLASSES[guess]
        print(f"epoch {ep + 1}: token acc {100 * right / total:.2f}% ({time.time() - t0:.1f}s)", flush=True)
    return model.averaged()


def edge_features(prev: str, lw: str, ss: str) -> list[str]:
    """The features of the pair (previous tag, tag) at a token: tag_features without the second-order `t-2t-1=`."""
    return ["t-1=" + prev, "t-1w=" + prev + "|" + lw, "t-1sh=" + prev + "|" + ss]


def line_types(hist: dict[str, list[int]], toks: list[str]) -> list:
    """Each token's history type from `hist` (the labels of the lines before): an index into HISTORY_TYPES or None."""
    out = []
    for tok in toks:
        c = hist.get(tok) if len(tok) > 1 and tok[:1].isupper() else None
        out.append(c.index(max(c)) if c else None)
    return out


def viterbi(w: dict, static: list[list[str]], toks: list[str], types: list, initial: list[bool], ok: dict,
            classes=CLASSES) -> list[int]:
    """Training's decoder: the best path (class indices) of one line under weights `w` (feature -> a weight per
    class): token scores from the `static` features and history types, pair scores from edge_features, the BIO
    constraint (after . ! ? as at a line start). Ties go to the lower class index, as in the engine's
    viterbi.best_path (tests/engine/test_tagger_viterbi.py compares the two)."""
    n, m = len(toks), len(classes)
    if not n:
        return []
    zero = [0.0] * m

    def summed(feats, acc):
        for f in feats:
            v = w.get(f)
            if v is not None:
                acc = [a + b for a, b in zip(acc, v)]
        return acc

    trans = {p: w.get("t-1=" + p, zero) for p in classes + [START]}
    back = []
    delta = None
    for i in range(n):
        emit = summed(static[i] + history_type_features(types[i], initial[i]), zero)
        lw, ss = toks[i].lower(), short_shape(toks[i])
        constr = ok[START] if i == 0 or toks[i - 1] in _ENDERS else None
        if i == 0:
            e = summed(edge_features(START, lw, ss)[1:], trans[START])
            delta = [emit[c] + e[c] if constr[c] else _NEG for c in range(m)]
            back.append([0] * m)
            continue
        best = [_NEG] * m
        arg = [0] * m
        for p in range(m):
            dp = delta[p]
            if dp == _NEG:
                continue
            pc = classes[p]
            e = summed(edge_features(pc, lw, ss)[1:], trans[pc])
            allow = constr if constr is not None else ok[pc]
            for c in range(m):
                if allow[c]:
                    s = dp + e[c]
                    if s > best[c]:
                        best[c], arg[c] = s, p
        delta = [best[c] + emit[c] for c in range(m)]
        back.append(arg)
    k = max(range(m), key=delta.__getitem__)
    path = [k]
    for i in range(n - 1, 0, -1):
        k = back[i][k]
        path.append(k)
    return path[::-1]


_TYPE_OF = {c: HISTORY_TYPES.index(c[2:] if c != "O" else "O") for c in CLASSES}


def line_guess(w: dict, static: list[list[str]], toks: list[str], spans: list, initial: list[bool],
               hist: dict[str, list[int]], ok: dict, budget: list[int]) -> tuple[list[int], list]:
    """Training's first-pass path of one line (class indices) and each token's history type, read sentence by
    sentence exactly as the tagger reads it (tagger.line_path, with `viterbi` as the line's search); `hist` and
    `budget` are updated as there."""
    caps = [i for i, tok in enumerate(toks) if history_key(tok)]

    def path(types: list) -> list[str]:
        return [CLASSES[k] for k in viterbi(w, static, toks, list(types), initial, ok)]

    tags, types = line_path(toks, spans, caps, hist, path, budget, _TYPE_OF)
    cidx = {c: k for k, c in enumerate(CLASSES)}
    return [cidx[t] for t in tags], types


class StructPerceptron(Perceptron):
    """Perceptron with updates of one class by one feature list (the gold path's +1, the predicted path's -1)."""

    def add(self, feats, k: int, d: float):
        n, t = self.n, self.t
        for f in feats:
            w = self.w.get(f)
            if w is None:
                w = self.w[f] = [0.0] * n
                self.tot[f] = [0.0] * n
                self.ts[f] = [0] * n
            tot, ts = self.tot[f], self.ts[f]
            tot[k] += (t - ts[k]) * w[k]
            ts[k] = t
            w[k] += d


HISTORY = "sentences"  # since session 18: a word's history counts its own line's earlier sentences, as decoded


def train_struct(docs, epochs: int, seed: int, min_count: int, word_dropout: float = 0.0, history: str = HISTORY):
    """Averaged structured-perceptron weights over `epochs` shuffled passes: each line's Viterbi path under the
    current weights, then (where it differs from the gold path) the gold path's features +1 and the path's -1. The
    averaging clock ticks once per token, as in `train`. `history` "sentences": a line is read as the tagger reads
    it (tagger.line_path: a sentence's history counts the lines before and the line's earlier sentences, the line's
    path searched again when that history changes, the same budget); "lines" (sessions 14-17): the lines before only."""
    counts = Counter(f for doc in docs for feats, *_ in doc for tf in feats for f in tf)
    keep = {f for f, c in counts.items() if c >= min_count}
    docs = [[([[f for f in tf if f in keep] for tf in feats], tags, toks, ss, ini, sp)
             for feats, tags, toks, ss, ini, sp in doc] for doc in docs]
    cidx = {c: k for k, c in enumerate(CLASSES)}
    ok = {p: [allowed(p, c) for c in CLASSES] for p in CLASSES + [START]}
    model = StructPerceptron(len(CLASSES))
    rng = random.Random(seed)
    order = list(range(len(docs)))
    for ep in range(epochs):
        rng.shuffle(order)
        t0, right, total = time.time(), 0, 0
        for di in order:
            hist: dict[str, list[int]] = {}
            budget = line_budget(sum(len(seg[2]) for seg in docs[di]))
            for feats, tags, toks, sss, ini, spans in docs[di]:
                if word_dropout:  # as in `train`: now and then a word is one never seen
                    feats = [[f for f in tf if not f.startswith(_IDENTITY)] if rng.random() < word_dropout
                             else tf for tf in feats]
                if history == "lines":
                    types = line_types(hist, toks)
                    guess = viterbi(model.w, feats, toks, types, ini, ok)
                    for tok, k in zip(toks, guess):
                        remember(hist, tok, CLASSES[k])
                else:
                    guess, types = line_guess(model.w, feats, toks, spans, ini, hist, ok, budget)
                gold = [cidx[t] for t in tags]
                model.t += len(toks)
                prev_g = prev_p = START
                for i, (g, p) in enumerate(zip(gold, guess)):
                    if g != p or prev_g != prev_p:
                        lw, ss = toks[i].lower(), sss[i]
                        own = feats[i] + history_type_features(types[i], ini[i])
                        model.add(own + edge_features(prev_g, lw, ss), g, 1.0)
                        model.add(own + edge_features(prev_p, lw, ss), p, -1.0)
                    right += g == p
                    prev_g, prev_p = CLASSES[g], CLASSES[p]
                total += len(toks)
        print(f"epoch {ep + 1}: token acc {100 * right / total:.2f}% ({time.time() - t0:.1f}s)", flush=True)
    return model.averaged()


def rounded(weights, scale: float = 20.0, min_abs: int = 2) -> dict[str, list[int]]:
    """Round to integers (x scale) and drop features whose every class weight is tiny."""
    out = {}
    for f, v in weights.items():
        iv = [round(x * scale) for x in v]
        if max(abs(x) for x in iv) >= min_abs:
            out[f] = iv
    return out


SEEDS = (7, 8, 9)  # the shipped weights (session 11): the mean of three seeds' rounded weights; `--seeds 7` = seed 7 alone (sessions 6-10)


def averaged(models: list[dict[str, list[int]]], min_abs: int = 2) -> dict[str, list[int]]:
    """The mean of several rounded weight tables (a feature missing from one counts 0 there), rounded again and
    pruned as `rounded` prunes: a cheap ensemble of perceptrons trained with different shuffles and dropouts."""
    if len(models) == 1:
        return dict(models[0])
    n = len(models)
    out = {}
    for f in sorted(set().union(*models)):
        vs = [m[f] for m in models if f in m]
        iv = [round(sum(col) / n) for col in zip(*vs)]
        if max(abs(x) for x in iv) >= min_abs:
            out[f] = iv
    return out


def lexicon_gaps() -> str:
    """A one-line reason not to train here, or "": the lexicon lacks a package's lists (pycountry, sumy: not yet
    installed, a venv half built), so the weights would learn features the app's lexicon gives otherwise."""
    from tui.engine.lexicon import missing_sources

    gaps = missing_sources()
    return f"{' and '.join(gaps)} missing: the engine's word lists would lack {'their' if len(gaps) > 1 else 'its'} " \
        "names and the weights would not fit the app's (install the project first)" if gaps else ""


def write_cache(path: Path, weights: dict[str, list[int]]) -> None:
    """Keep rounded weights in `path` (crossval_ner.py --weights-cache) with the fingerprint of the lexicon they were
    learned under (`read_cache` checks it)."""
    from tui.engine.lexicon import lexicon

    path.write_text(json.dumps({"lexicon": lexicon().fingerprint(), "weights": weights}), encoding="utf-8")


class CacheMismatch(Exception):
    """A weights cache learned under other word lists than this process has (the fault of session 28)."""


def read_cache(path: Path) -> dict[str, list[int]]:
    """The rounded weights `write_cache` kept in `path`. Raises CacheMismatch when they were learned under another
    lexicon (its fingerprint differs) or the file has none (written before session 28): a tagger then reads other
    features than it learned from, and scores lower (90.53 learned and read without pycountry's names, 90.16 read
    with them: bench/README.md)."""
    from tui.engine.lexicon import lexicon

    data = json.loads(path.read_text(encoding="utf-8"))
    here = lexicon().fingerprint()
    if not isinstance(data, dict) or not isinstance(data.get("weights"), dict) or "lexicon" not in data:
        raise CacheMismatch(f"{path}: no lexicon fingerprint (written before session 28): train again")
    if data["lexicon"] != here:
        raise CacheMismatch(f"{path}: learned under the word lists {data['lexicon']}, this process has {here} "
                            f"(pycountry or sumy missing or another version in one of the two): train again")
    return data["weights"]


def export(weights, path: Path, scale: float, min_abs: int, decoder: str = "viterbi"):
    """Write rounded weights (a table from `rounded` or `averaged`) as the shipped file."""
    out = weights
    data = {"classes": CLASSES, "scale": scale, "trained_on": "CoNLL-2003 English train (eng.train), weights only",
            "weights": dict(sorted(out.items()))}
    if decoder != "greedy":
        data = {"decoder": decoder, **data}
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    return len(out), path.stat().st_size


def main():
    """The script (the same run as before), leaving the lexicon as it found it (bench/folds.py kept_lexicon)."""
    with kept_lexicon():
        return _main()


def _main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(default_eval()), help="the shared eval folder")
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seeds", default=",".join(map(str, SEEDS)), help="train once per seed and ship the mean of "
                    "the rounded weights (one seed: that model alone, as before session 10)")
    ap.add_argument("--min-count", type=int, default=2, help="drop features seen fewer times in training")
    ap.add_argument("--dropout", type=float, default=0.0, help="chance of hiding each feature of a token per epoch")
    ap.add_argument("--word-dropout", type=float, default=WORD_DROPOUT,
                    help="chance, per token and epoch, of hiding the features that name the word itself")
    ap.add_argument("--decoder", choices=("viterbi", "greedy"), default="viterbi", help="learn for Viterbi "
                    "decoding (a structured perceptron: the shipped weights) or for the greedy left-to-right tagger "
                    "(shipped until session 14)")
    ap.add_argument("--history", choices=("sentences", "lines"), default=HISTORY, help="Viterbi: a word's "
                    "history counts the earlier sentences of its own line too, as the tagger decodes since session 17 "
                    "(sentences, shipped since session 18), or the lines before only (lines, sessions 14-17)")
    ap.add_argument("--two-pass", action="store_true", help="learn the second pass too (time split +0.3 "
                    "but both dev sets lower: not used for the shipped weights)")
    ap.add_argument("--places-silent", choices=("lead", "all", "off"), default="lead", help="which of a listed "
                    "place's mentions inside longer names give it no document features (doc_features."
                    "PLACES_IN_RUNS_SILENT): those before the run's last word (shipped since session 9), all (session 8, "
                    "not shipped) or none (session 7)")
    ap.add_argument("--first-names", choices=("as-shipped", "clean"), default="as-shipped", help="learn with the "
                    "nine words of first_names.txt's old split comment among the given names, as the shipped weights "
                    "did (tui/engine/lexicon.py LEARNED_FIRST_NAMES; the app reads the list without them), or without "
                    "them (session 35: GUM dev 74.13 -> 69.40, not shipped)")
    ap.add_argument("--scale", type=float, default=20.0)
    ap.add_argument("--min-abs", type=int, default=2, help="prune features whose |weight| x scale stays below this")
    ap.add_argument("--out", default=str(ROOT / "assets" / "models" / WEIGHTS_FILE))
    args = ap.parse_args()
    if lexicon_gaps():
        print(f"train_ner: {lexicon_gaps()}", file=sys.stderr)
        return 2
    from tui.engine.entities import doc_features

    if args.first_names == "as-shipped":
        learn_with_split_comment_words()
    doc_features.PLACES_IN_RUNS_SILENT = False if args.places_silent == "off" else args.places_silent
    t0 = time.time()
    docs, bad = load_examples(Path(args.eval) / "ner" / "train" / "conll2003_train.jsonl")
    print(f"{len(docs)} docs, {sum(len(s[1]) for d in docs for s in d)} tokens, {bad} entity/token misalignments "
          f"({time.time() - t0:.1f}s)", flush=True)
    seeds = tuple(int(x) for x in args.seeds.split(",") if x.strip())
    models = []
    for seed in seeds:
        print(f"seed {seed}", flush=True)
        if args.decoder == "viterbi":
            learned = train_struct(docs, args.epochs, seed, args.min_count, args.word_dropout, args.history)
        else:
            learned = train(docs, args.epochs, seed, args.min_count, args.dropout, args.two_pass, args.word_dropout)
        models.append(rounded(learned, args.scale, args.min_abs))
    n, size = export(averaged(models, args.min_abs), Path(args.out), args.scale, args.min_abs, args.decoder)
    from tui.engine.lexicon import lexicon

    print(f"wrote {args.out}: {n} features, {size / 1024:.0f} KiB; learned under the word lists "
          f"{lexicon().tagger_fingerprint()} (shipped weights: tui/engine/entities/tagger.py LEARNED_UNDER)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
