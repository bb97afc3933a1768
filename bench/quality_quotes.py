"""Measure key-quote extraction on the PolNeAR dev set with the shared scorer.

Usage: python bench/quality_quotes.py [EVAL_DIR] [--split dev] [--out PRED.jsonl] [--entities]
                                      [--halves] [--misses] [--ablate [--rule NAME]]

EVAL_DIR defaults to ../shared/eval next to the repository. Predictions are written
to a temporary file (or --out) and scored by EVAL_DIR/quotes/score.py; our numbers
are printed next to the measured peers'.

``--halves`` also scores two fixed halves of the articles (split by a hash of the article
id): the hidden set is as small as dev, so a change that helps on one half only is likely
noise. ``--misses`` prints every quote of 4+ words that is scored wrong (wrong speaker,
missed, spurious) with its context, grouped by kind, for reading. ``--ablate`` switches each rule of the
quote stage (tui.engine.rules) off in turn and prints its effect on quote+speaker F1 of both halves: a
rule that does not help both halves goes (``--rule NAME``: only that rule's line). Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.folds import ablation_header, ablation_row, default_eval, half_of  # noqa: E402
from tui.engine.quotes import extract_quotes  # noqa: E402

PEERS = {"naive regex": 41.9, "regex + spaCy speakers": 57.2}
TARGET = 75.0


def predict(gold_path: Path, out_path: Path, with_entities: bool = False) -> list[float]:
    """Run the extractor over every article; return the seconds each extraction took.

    With `with_entities` the NER pass runs first (not timed) and its entities are passed in,
    as the app does.
    """
    if with_entities:
        from tui.engine.entities import extract_entities
    times: list[float] = []
    with gold_path.open(encoding="utf-8") as f, out_path.open("w", encoding="utf-8") as out:
        for line in f:
            if not line.strip():
                continue
            doc = json.loads(line)
            entities = extract_entities(doc["text"]) if with_entities else None
            t0 = time.perf_counter()
            quotes = extract_quotes(doc["text"], entities)
            times.append(time.perf_counter() - t0)
            rows = [{"start": q.start, "end": q.end, "speaker": q.speaker} for q in quotes]
            out.write(json.dumps({"id": doc["id"], "quotes": rows}) + "\n")
    return times


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(default_eval()))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--out", default=None, help="keep the predictions here")
    ap.add_argument("--entities", action="store_true", help="pass the NER entities in, as the app does")
    ap.add_argument("--halves", action="store_true", help="also score two fixed halves of the articles")
    ap.add_argument("--misses", action="store_true", help="print every wrongly scored quote with context")
    ap.add_argument("--ablate", action="store_true", help="each quote rule's effect on both halves")
    ap.add_argument("--rule", action="append", default=None, help="with --ablate: only this rule (repeatable)")
    args = ap.parse_args()
    qdir = Path(args.eval_dir) / "quotes"
    gold = qdir / args.split / f"polnear_{args.split}.jsonl"
    if not gold.exists():
        print(f"no gold file at {gold}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out) if args.out else Path(tmp) / "pred.jsonl"
        code = report(gold, qdir, out, args.entities)
        if args.halves:
            print_halves(gold, qdir, out, Path(tmp))
        if args.misses:
            print_misses(gold, qdir, out)
        if args.ablate:
            print_ablation(gold, qdir, Path(tmp), args.entities, args.rule)
        return code


def score(qdir: Path, gold: Path, pred: Path, runtime: float | None = None, quiet: bool = False) -> dict:
    """Run the shared scorer; return its JSON result."""
    with tempfile.NamedTemporaryFile(suffix=".json") as js:
        cmd = [sys.executable, str(qdir / "score.py"), "--gold", str(gold), "--pred", str(pred), "--json", js.name]
        if runtime is not None:
            cmd += ["--runtime", str(runtime)]
        quiet_out = subprocess.DEVNULL if quiet else None
        subprocess.run(cmd, check=True, stdout=quiet_out, stderr=quiet_out)
        with open(js.name, encoding="utf-8") as f:
            return json.load(f)


def split_halves(gold: Path, tmp: Path) -> list[Path]:
    """The gold file's two halves written to tmp (see half_of)."""
    parts: list[list[str]] = [[], []]
    with gold.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                parts[half_of(json.loads(line)["id"])].append(line.rstrip("\n"))
    paths = []
    for h, lines in enumerate(parts):
        sub = tmp / f"half{h}.jsonl"
        sub.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(sub)
    return paths


def print_ablation(gold: Path, qdir: Path, tmp: Path, with_entities: bool, only: list[str] | None = None) -> None:
    """Quote+speaker F1 of each half with each quote rule (or each of `only`) switched off, as a change from all
    rules on."""
    from tui.engine import rules

    halves = split_halves(gold, tmp)
    pred = tmp / "ablate.jsonl"

    def f1s() -> list[float]:
        predict(gold, pred, with_entities)
        return [score(qdir, h, pred, quiet=True)["quote_speaker"]["f1"] for h in halves]

    base = f1s()
    print(f"\nablation: quote+speaker F1 with all rules on: half 0 {base[0]:.2f}, half 1 {base[1]:.2f}")
    print(ablation_header(["half 0", "half 1"]))
    for r in rules.all_rules():
        if not r.stage.startswith("quotes") or (only and r.name not in only):
            continue
        with rules.disabled(r.name):
            off = f1s()
        print(ablation_row(r.name, base, off), flush=True)


def print_halves(gold: Path, qdir: Path, pred: Path, tmp: Path) -> None:
    """Quote+speaker and span F1 on each half of the articles."""
    parts: list[list[str]] = [[], []]
    with gold.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                parts[half_of(json.loads(line)["id"])].append(line.rstrip("\n"))
    print()
    for h, lines in enumerate(parts):
        sub = tmp / f"half{h}.jsonl"
        sub.write_text("\n".join(lines) + "\n", encoding="utf-8")
        res = score(qdir, sub, pred, quiet=True)
        qs, span = res["quote_speaker"], res["quote_overlap50"]
        print(f"half {h}: {len(lines)} articles, quote+speaker F1 {qs['f1']:.2f} (tp {qs['tp']}, pred {qs['pred']}, "
              f"gold {qs['gold']}), span F1 {span['f1']:.2f}")


def _load_scorer(qdir: Path):
    spec = importlib.util.spec_from_file_location("quote_scorer", qdir / "score.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def print_misses(gold: Path, qdir: Path, pred: Path, min_words: int = 4) -> None:
    """Every gold quote missed or given a wrong speaker, and every spurious quote, with context."""
    sc = _load_scorer(qdir)
    golds, preds = sc.load(str(gold)), sc.load(str(pred))
    rows: dict[str, list[str]] = {"wrong speaker": [], "missed": [], "spurious": []}
    for did, gd in golds.items():
        text = gd["text"]
        gq = [q for q in gd["quotes"] if q.get("n_words", 99) >= min_words]
        gs = [sc.trim(text, q["start"], q["end"]) for q in gq]
        pq = [q for q in preds.get(did, {}).get("quotes", [])
              if len(text[slice(*sc.trim(text, q["start"], q["end"]))].split()) >= min_words]
        ps = [sc.trim(text, q["start"], q["end"]) for q in pq]
        pairs = sc.greedy(gs, ps, lambda a, b, c, d, ov: ov >= 0.5 * max(b - a, d - c))
        got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}

        def ctx(s: int, e: int) -> str:
            return " ".join(text[max(0, s - 160) : min(len(text), e + 120)].split())

        for gi, pi in pairs:
            g, p = gq[gi], pq[pi]
            ok = sc.speaker_ok(p.get("speaker"), g) if g.get("speaker") else not p.get("speaker")
            if not ok:
                rows["wrong speaker"].append(
                    f"{did} @{g['start']} gold={g.get('speaker')!r} ({g.get('speaker_kind')}, canonical "
                    f"{g.get('speaker_canonical')!r}) pred={p.get('speaker')!r}\n    {ctx(g['start'], g['end'])}")
        for gi, g in enumerate(gq):
            if gi not in got_g:
                rows["missed"].append(f"{did} @{g['start']} gold={g.get('speaker')!r}\n    {ctx(g['start'], g['end'])}")
        for pi, p in enumerate(pq):
            if pi not in got_p:
                rows["spurious"].append(f"{did} @{p['start']} pred={p.get('speaker')!r}\n    {ctx(p['start'], p['end'])}")
    for kind, lines in rows.items():
        print(f"\n== {kind}: {len(lines)}")
        for line in lines:
            print(line)


def report(gold: Path, qdir: Path, out: Path, with_entities: bool) -> int:
    """Predict, score with the shared scorer, and print our numbers next to the peers'."""
    times = predict(gold, out, with_entities)
    res = score(qdir, gold, out, runtime=sum(times))
    ours = res["quote_speaker"]["f1"]
    print()
    print(f"{'system':<28}{'quote+speaker F1':>18}")
    for name, f1 in PEERS.items():
        print(f"{name:<28}{f1:>18.1f}")
    name = "newsreader + NER entities" if with_entities else "newsreader (ours)"
    print(f"{name:<28}{ours:>18.1f}   target >= {TARGET}  {'MET' if ours >= TARGET else 'MISSED'}")
    times.sort()
    print(f"{len(times)} articles, quote extraction {1000 * times[len(times) // 2]:.2f} ms median, "
          f"{1000 * times[-1]:.2f} ms max per article")
    return 0


if __name__ == "__main__":
    sys.exit(main())
