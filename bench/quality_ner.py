"""Entity quality and speed on the shared NER dev sets, next to the measured peers.

    python bench/quality_ner.py [--eval ../shared/eval] [--out FOLDER] [--halves] [--ablate] [--weights FILE]

Writes one prediction file per dev set (labels mapped for the scorer: GPE/LOC/FAC -> LOC,
NORP/EVENT/PRODUCT/MISC -> MISC), runs the shared scorer on it, and prints exact-span micro F1
over PERSON+ORG+LOC, the weight load time and the tokens/s of the whole entity pass. With --halves it
also scores the two halves of each set (documents split by an MD5 hash of their id), the check a change
must pass on both before it is kept, and those halves again counting each document's distinct names once
(`distinct_f1`: is a drop one name flipped all through one article?). With --ablate it switches each entity
rule of the registry (tui/engine/entities/rulebook.py) off in turn and prints the change in F1 on both halves
of both dev sets that the rule makes (F1 with the rule on minus F1 with it off; an in-process exact-span scorer,
checked against the shared one on the full run), and a verdict: HURTS (some half lower: the rule goes), helps
(both halves of a set higher, none lower) or no harm (a rule for our own texts' errors may stay). --weights
scores another weights file (as bench/train_ner.py --out writes it) instead of the shipped one: e.g. a model of
other seeds, to see how far retraining alone moves each figure (bench/README.md, "The NER model's seed noise").
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.folds import ablation_header, ablation_row, default_eval, half_of  # noqa: E402
from tui.engine.entities import extract_entities, to_scorer_label  # noqa: E402
from tui.engine.entities.tagger import load_tagger  # noqa: E402
from tui.engine.entities.tokens import tokenize  # noqa: E402

SETS = [  # (file, peer name, peer F1, our target)
    ("conll2003_dev.jsonl", "spaCy en_core_web_sm", 64.3, 86.0),
    ("gum_news_dev.jsonl", "spaCy en_core_web_sm", 57.6, 65.0),
]


_default_eval = default_eval  # (the name other scripts import)


def run_set(gold: Path, pred: Path) -> tuple[int, float, float]:
    """Predict every document of `gold` into `pred`; return (tokens, wall seconds, CPU seconds)."""
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    tokens = sum(len(tokenize(d["text"])) for d in docs)
    t0, c0 = time.perf_counter(), time.process_time()
    rows = []
    for d in docs:
        ents = extract_entities(d["text"])
        rows.append({"id": d["id"], "entities": [
            {"start": e.start, "end": e.end, "label": to_scorer_label(e.label), "text": e.text} for e in ents]})
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    pred.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return tokens, secs, cpu


def score(scorer: Path, gold: Path, pred: Path) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as tmp:
        out = Path(tmp.name)
    subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json", str(out)],
                   check=True, capture_output=True, text=True)
    res = json.loads(out.read_text())
    out.unlink()
    return res


def half_scores(scorer: Path, gold: Path, pred: Path) -> list[float]:
    """Exact-span F1 of each half of the documents (half = MD5 of the id, mod 2)."""
    def half(line: str) -> int:
        return half_of(json.loads(line)["id"])

    golds = [ln for ln in gold.read_text(encoding="utf-8").splitlines() if ln.strip()]
    preds = [ln for ln in pred.read_text(encoding="utf-8").splitlines() if ln.strip()]
    out = []
    for h in (0, 1):
        with tempfile.TemporaryDirectory() as tmp:
            g, p = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
            g.write_text("".join(ln + "\n" for ln in golds if half(ln) == h), encoding="utf-8")
            p.write_text("".join(ln + "\n" for ln in preds if half(ln) == h), encoding="utf-8")
            out.append(score(scorer, g, p)["overall_exact"]["f1"])
    return out


_half = half_of


_SCORED = ("PERSON", "ORG", "LOC")


def exact_f1(golds: list[set], preds: list[set]) -> float:
    """Micro exact-span F1 over PERSON/ORG/LOC of parallel lists of (start, end, label) sets."""
    tp = sum(len(g & p) for g, p in zip(golds, preds))
    np_, ng = sum(map(len, preds)), sum(map(len, golds))
    if not tp:
        return 0.0
    p, r = tp / np_, tp / ng
    return 100 * 2 * p * r / (p + r)


def distinct_f1(gold_docs: list[dict], pred_docs: list[dict]) -> float:
    """Micro F1 over PERSON/ORG/LOC counting each document's distinct (text, label) once: a name mentioned thirty
    times in one long article weighs as one. A retrain often flips one protagonist's every mention in one GUM
    article (session 13: "Warhol" ORG, "Scientology" LOC), which moves the span F1 of a half by 3-5 points; this
    figure shows whether the rest moved. Documents are matched by id."""
    def names(docs, text_of):
        return {(d["id"], text_of(d, e), e["label"]) for d in docs for e in d["entities"] if e["label"] in _SCORED}

    texts = {d["id"]: d["text"] for d in gold_docs}
    g = names(gold_docs, lambda d, e: d["text"][e["start"]:e["end"]])
    p = names(pred_docs, lambda d, e: texts[d["id"]][e["start"]:e["end"]])
    tp = len(g & p)
    return 200 * tp / (len(g) + len(p)) if tp else 0.0


def predict_sets(docs: list[dict]) -> list[set]:
    """Our (start, end, scorer label) spans of each document, PERSON/ORG/LOC only."""
    out = []
    for d in docs:
        out.append({(e.start, e.end, lab) for e in extract_entities(d["text"])
                    if (lab := to_scorer_label(e.label)) in _SCORED})
    return out


def tag_once():
    """Make the loaded tagger tag each text once (an ablation runs the rules again and again over the same texts, and
    the tagger's output does not depend on them): its `entities` remembers each text's answer. Returns the call that
    puts it back."""
    tagger = load_tagger()
    memo: dict[str, list] = {}
    plain = tagger.entities

    def cached(text: str):
        if text not in memo:
            memo[text] = plain(text)
        return list(memo[text])

    tagger.entities = cached

    def restore() -> None:
        tagger.entities = plain

    return restore


def each_rule_off(scores, base: list[float], only: set[str] | None, width: int = 30) -> None:
    """Print each entity rule's row: `scores()` with the rule switched off against `base` (all rules on)."""
    from tui.engine import rules

    for r in rules.all_rules():
        if r.stage != "entities" or only and r.name not in only:
            continue
        with rules.disabled(r.name):
            off = scores()
        print(ablation_row(r.name, base, off, width), flush=True)


def ablate(ner: Path, only: set[str] | None = None) -> None:
    """Print each entity rule's effect on both halves of both dev sets (F1 on minus F1 off)."""
    restore = tag_once()
    sets = []
    for name, *_ in SETS:
        docs = [json.loads(ln) for ln in (ner / "dev" / name).read_text(encoding="utf-8").splitlines() if ln.strip()]
        golds = [{(e["start"], e["end"], e["label"]) for e in d["entities"] if e["label"] in _SCORED} for d in docs]
        halves = [[k for k, d in enumerate(docs) if _half(d["id"]) == h] for h in (0, 1)]
        sets.append((name, docs, golds, halves))

    def scores() -> list[float]:
        out = []
        for _, docs, golds, halves in sets:
            preds = predict_sets(docs)
            out += [exact_f1([golds[k] for k in idx], [preds[k] for k in idx]) for idx in halves]
        return out

    base = scores()
    print(f"all rules on: CoNLL {base[0]:.2f} / {base[1]:.2f}, GUM {base[2]:.2f} / {base[3]:.2f}")
    print(ablation_header(["CoNLL h0", "CoNLL h1", "GUM h0", "GUM h1"], 30))
    each_rule_off(scores, base, only)
    restore()


def use_weights(path: Path):
    """Make the entity pass of this process read the weights file at `path` (gzip JSON, as bench/train_ner.py --out
    writes it) instead of the shipped one."""
    from tui.engine.entities import tagger as tagger_mod

    with gzip.open(path, "rt", encoding="utf-8") as fh:
        text = fh.read()
    tagger_mod._model = tagger_mod.Tagger(*tagger_mod.read_weights(text), decoder=tagger_mod.decoder_of(text))
    return tagger_mod._model


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(_default_eval()), help="the shared eval folder")
    ap.add_argument("--out", default="", help="folder to keep the prediction files in (default: a temporary folder "
                    "removed at the end; it was a fixed folder of the temp dir, left behind)")
    ap.add_argument("--halves", action="store_true", help="also score the two halves of each set")
    ap.add_argument("--ablate", action="store_true", help="only print each entity rule's effect on the halves")
    ap.add_argument("--rules", default="", help="with --ablate: only these rules (comma-separated)")
    ap.add_argument("--weights", default="", help="a weights file (gzip JSON, as bench/train_ner.py --out writes "
                    "it) to score instead of the shipped one")
    args = ap.parse_args()
    if args.weights:
        use_weights(Path(args.weights))
    ner = Path(args.eval) / "ner"
    if args.ablate:
        ablate(ner, {n.strip() for n in args.rules.split(",") if n.strip()} or None)
        return
    if args.out:
        outdir = Path(args.out)
        outdir.mkdir(parents=True, exist_ok=True)
        report(ner, outdir, args.halves)
        print(f"predictions in {outdir}")
    else:
        with tempfile.TemporaryDirectory(prefix="newsreader_ner_pred") as tmp:
            report(ner, Path(tmp), args.halves)
        print("predictions not kept (--out FOLDER keeps them)")


def report(ner: Path, outdir: Path, halves: bool) -> None:
    """Predict and score every dev set of `ner` into `outdir`, printing the figures."""
    t0 = time.perf_counter()
    load_tagger()
    load_s = time.perf_counter() - t0
    extract_entities("Warm-up: Ada Lovelace met Charles Babbage in London.")  # word lists, regexes
    warm_s = time.perf_counter() - t0
    print(f"weights load {load_s * 1000:.0f} ms (first call incl. word lists {warm_s * 1000:.0f} ms)")

    total_tok, total_s, total_cpu = 0, 0.0, 0.0
    print(f"{'dev set':<22}{'ours F1':>9}{'P':>7}{'R':>7}{'peer':>28}{'target':>8}")
    per_type = {}
    for name, peer, peer_f1, target in SETS:
        gold = ner / "dev" / name
        pred = outdir / name.replace(".jsonl", "_pred.jsonl")
        tok, secs, cpu = run_set(gold, pred)
        total_tok += tok
        total_s += secs
        total_cpu += cpu
        res = score(ner / "score.py", gold, pred)
        ov = res["overall_exact"]
        ok = "ok" if ov["f1"] >= target else "MISS"
        print(f"{name:<22}{ov['f1']:>9.2f}{ov['p']:>7.2f}{ov['r']:>7.2f}{peer + ' ' + str(peer_f1):>28}{target:>6.1f} {ok}")
        per_type[name] = {lab: m["exact"]["f1"] for lab, m in res["per_type"].items()}
        if halves:
            a, b = half_scores(ner / "score.py", gold, pred)
            print(f"  halves (MD5 of id mod 2): {a:.2f} / {b:.2f}")
            golds = [json.loads(ln) for ln in gold.read_text(encoding="utf-8").splitlines() if ln.strip()]
            preds = [json.loads(ln) for ln in pred.read_text(encoding="utf-8").splitlines() if ln.strip()]
            a, b = (distinct_f1([d for d in golds if half_of(d["id"]) == h],
                                [d for d in preds if half_of(d["id"]) == h]) for h in (0, 1))
            print(f"  distinct names per document (each (text, label) once), halves: {a:.2f} / {b:.2f}")
    for name, row in per_type.items():
        print(f"  {name} per type exact F1: " + ", ".join(f"{k} {v:.1f}" for k, v in row.items()))
    print(f"speed: {total_tok} tokens in {total_s:.2f} s wall = {total_tok / total_s:,.0f} tokens/s; "
          f"{total_cpu:.2f} s CPU = {total_tok / total_cpu:,.0f} tokens/s (target >= 25,000; wall time suffers "
          f"when other work shares the 2 cores)")


if __name__ == "__main__":
    main()
