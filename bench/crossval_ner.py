"""Cross-validation of the entity tagger on CoNLL-2003 *train*: an honest estimate without touching dev.

    python bench/crossval_ner.py [--eval ../shared/eval] [--split random|time] [--folds 5] [--fold 0]
                                 [--epochs 6] [--seeds 7,8,9] [--decoder viterbi|greedy]
                                 [--history sentences|lines] [--ablate [--rules a,b]]

`--split random` (the default): documents of `ner/train` are split into `--folds` folds by an MD5 hash of their
id. `--split time`: the file's documents are in the order Reuters filed them (their datelines run from
1996-08-22 to 1996-08-30, day by day); the tagger learns on the first 80% and is scored on the last 20%
(documents 757-946, the last two and a half days). CoNLL's own test set is later news than its train (new
names, new stories), and a random fold shares stories, names and sports tables with its training folds: the
time split is the more honest proxy for that date shift (it scores lower). The tagger is trained
(bench/train_ner.py's code and defaults: one model per seed, averaged) on every fold but `--fold`, and the whole entity pass (tagger, rules,
linking) is scored on the held-out fold: exact-span micro F1 over PERSON/ORG/LOC, for the fold and for its two
halves. With --ablate, each entity rule of the registry is then switched off in turn on the held-out fold
(its worth, F1 with the rule on minus off, for each half: bench/folds.py), the same check `quality_ner.py --ablate` makes on dev.
Nothing is written to the repository; the fold's weights live in memory only (or in `--weights-cache`, a file
of your choosing, so that decoding and rule experiments need not train again). The cache keeps the fingerprint of
the lexicon the weights learned under, and a process whose lexicon differs (pycountry or sumy missing, or another
version of them) refuses it, as training refuses to start without them (session 28: weights learned while the venv
was still being installed, without pycountry and sumy, scored 90.53 there and 90.16 read back in a full venv).
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
from bench.folds import TIME_HELD, ablation_header, ablation_row, default_eval, fold_of, half_of, kept_lexicon  # noqa: E402
from bench.quality_ner import exact_f1, predict_sets  # noqa: E402
from tui.engine.entities import clusters, tagger as tagger_mod  # noqa: E402

_SCORED = ("PERSON", "ORG", "LOC")



def held_out(split: str, index: int, total: int, doc_id: str, folds: int, fold: int) -> bool:
    """Is the document scored (not learned from)? `index` is its position in the train file."""
    if split == "time":
        return index >= round(total * (1 - TIME_HELD))
    return fold_of(doc_id, folds) == fold


def new_names_table(docs: list[dict], golds: list[set], preds: list[set], seen: set[str]) -> str:
    """Recall and precision by type, apart for names seen marked in the learned-from text and new ones."""
    rows = ["type  seen/new   recall  precision  (gold, predicted)"]
    for lab in _SCORED:
        for new in (False, True):
            def mine(spans, d):
                return {x for x in spans if x[2] == lab and (d["text"][x[0]:x[1]] not in seen) == new}
            tp = ng = np_ = 0
            for d, g, p in zip(docs, golds, preds):
                gm, pm = mine(g, d), mine(p, d)
                tp, ng, np_ = tp + len(gm & pm), ng + len(gm), np_ + len(pm)
            rows.append(f"{lab:7} {'new' if new else 'seen':5} {100 * tp / max(ng, 1):8.1f} {100 * tp / max(np_, 1):9.1f}"
                        f"   ({ng}, {np_})")
    return "\n".join(rows)


def main() -> int:
    """The script (the same run as before), leaving the lexicon as it found it (bench/folds.py kept_lexicon)."""
    with kept_lexicon():
        return _main()


def _main() -> int:
    """Train on every fold but one, score the held-out fold, and ablate the rules there on request."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(default_eval()))
    ap.add_argument("--split", choices=("random", "time"), default="random")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, default=0)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--seeds", default=",".join(map(str, train_ner.SEEDS)), help="as bench/train_ner.py: one model "
                    "per seed, their rounded weights averaged (a single seed: that model alone)")
    ap.add_argument("--min-count", type=int, default=2, help="as bench/train_ner.py")
    ap.add_argument("--weights-cache", default="", help="read the fold's rounded weights from this file if it "
                    "exists, else write them there after training (for decoding-only experiments)")
    ap.add_argument("--train-two-pass", action="store_true", help="learn the second pass too (train_ner --two-pass)")
    ap.add_argument("--word-dropout", type=float, default=train_ner.WORD_DROPOUT, help="as bench/train_ner.py")
    ap.add_argument("--decoder", choices=("viterbi", "greedy"), default="viterbi", help="as bench/train_ner.py: "
                    "learn and decode each line's best path (structured: the shipped tagger) or greedily; a "
                    "--weights-cache holds weights only: give the decoder they were learned for")
    ap.add_argument("--history", choices=("sentences", "lines"), default=train_ner.HISTORY, help="as "
                    "bench/train_ner.py (Viterbi): the history a line is learned with")
    ap.add_argument("--one-pass", action="store_true", help="score with the tagger's second pass off")
    ap.add_argument("--no-doc-features", action="store_true", help="train and score without the tagger's "
                    "document features (entities/doc_features.py), as before session 7")
    ap.add_argument("--places-silent", choices=("lead", "all", "off"), default="lead", help="as bench/train_ner.py: "
                    "which of a listed place's mentions inside longer names are left out of its document features")
    ap.add_argument("--ablate", action="store_true")
    ap.add_argument("--rules", default="", help="with --ablate: only these rules (comma-separated)")
    ap.add_argument("--new", action="store_true", help="recall and precision by type for entities whose text the "
                    "learned-from documents never mark (new names) and for the others (seen names)")
    ap.add_argument("--first-names", choices=("as-shipped", "clean"), default="as-shipped", help="as "
                    "bench/train_ner.py: learn with the nine words of first_names.txt's old split comment among the "
                    "given names, as the shipped weights did (scored without them, as the app reads the list)")
    ap.add_argument("--clusters", default="", help="word clusters to use instead of the shipped ones, e.g. "
                    "`build_clusters.py --hold-out-time`'s, which never saw the time split's scored text")
    args = ap.parse_args()
    path = Path(args.eval) / "ner" / "train" / "conll2003_train.jsonl"
    if args.clusters:
        clusters.use_file(Path(args.clusters))
    if args.no_doc_features:
        tagger_mod.USE_DOC_FEATURES = False
    from tui.engine.entities import doc_features

    doc_features.PLACES_IN_RUNS_SILENT = False if args.places_silent == "off" else args.places_silent
    from tui.engine import rules

    rules.all_rules()  # import every stage (and its word lists) now, not after minutes of training
    from tui.engine.entities import extract_entities

    extract_entities("Warm-up: Ada Lovelace met Charles Babbage in London.")
    ids = [json.loads(ln)["id"] for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    held_ids = {d for k, d in enumerate(ids) if held_out(args.split, k, len(ids), d, args.folds, args.fold)}
    cache = Path(args.weights_cache) if args.weights_cache else None
    app_lexicon = train_ner.learn_with_split_comment_words() if args.first_names == "as-shipped" else None
    if cache and cache.is_file():
        try:
            rounded = train_ner.read_cache(cache)
        except (train_ner.CacheMismatch, ValueError) as exc:
            print(f"crossval_ner: {exc}".splitlines()[0], file=sys.stderr)
            return 2
        print(f"weights read from {cache}", flush=True)
    else:
        if train_ner.lexicon_gaps():
            print(f"crossval_ner: {train_ner.lexicon_gaps()}", file=sys.stderr)
            return 2
        t0 = time.time()
        docs, _ = train_ner.load_examples(path, keep=lambda i: i not in held_ids)
        print(f"training on {len(docs)} documents ({time.time() - t0:.0f} s to read)", flush=True)
        models = []
        for seed in (int(x) for x in args.seeds.split(",") if x.strip()):
            if args.decoder == "viterbi":
                models.append(train_ner.rounded(train_ner.train_struct(docs, args.epochs, seed, args.min_count,
                                                                       word_dropout=args.word_dropout,
                                                                       history=args.history)))
                continue
            models.append(train_ner.rounded(train_ner.train(docs, args.epochs, seed, args.min_count,
                                                            two_pass=args.train_two_pass, word_dropout=args.word_dropout)))
        rounded = train_ner.averaged(models)  # as the shipped weights are made
        if cache:
            train_ner.write_cache(cache, rounded)
    if app_lexicon is not None:  # scored as the app reads the lists
        from tui.engine import lexicon as lexicon_mod

        lexicon_mod._LEXICON = app_lexicon
    tagger_mod._model = tagger_mod.Tagger(rounded, tagger_mod.CLASSES, decoder=args.decoder)
    tagger_mod._model.two_pass = not args.one_pass
    held = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and json.loads(ln)["id"] in held_ids]
    golds = [{(e["start"], e["end"], e["label"]) for e in d["entities"] if e["label"] in _SCORED} for d in held]
    halves = [[k for k, d in enumerate(held) if half_of(d["id"]) == h] for h in (0, 1)]

    def scores() -> list[float]:
        preds = predict_sets(held)
        return [exact_f1(golds, preds)] + [exact_f1([golds[k] for k in ix], [preds[k] for k in ix]) for ix in halves]

    base = scores()
    what = "time split (last 20%)" if args.split == "time" else f"held-out fold {args.fold}/{args.folds}"
    print(f"{what}: {len(held)} documents, exact F1 {base[0]:.2f} "
          f"(halves {base[1]:.2f} / {base[2]:.2f})", flush=True)
    model = tagger_mod._model
    model.two_pass = not model.two_pass
    other = scores()
    model.two_pass = not model.two_pass
    print(f"  with the second pass {'off' if model.two_pass else 'on'}: {other[0]:.2f} "
          f"(halves {other[1]:.2f} / {other[2]:.2f})", flush=True)
    if args.new:
        learned = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines()
                   if ln.strip() and json.loads(ln)["id"] not in held_ids]
        seen = {d["text"][e["start"]:e["end"]] for d in learned for e in d["entities"]}
        print(new_names_table(held, golds, predict_sets(held), seen), flush=True)
    if args.ablate:
        print(ablation_header(["fold h0", "fold h1"], 30))
        only = {n.strip() for n in args.rules.split(",") if n.strip()}
        for r in rules.all_rules():
            if r.stage != "entities" or only and r.name not in only:
                continue
            with rules.disabled(r.name):
                off = scores()
            print(ablation_row(r.name, base[1:], off[1:], 30), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
