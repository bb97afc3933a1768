"""Measure key-quote extraction on the PolNeAR dev set with the shared scorer.

Usage: python bench/quality_quotes.py [EVAL_DIR] [--split dev] [--out PRED.jsonl] [--entities]

EVAL_DIR defaults to ../shared/eval next to the repository. Predictions are written
to a temporary file (or --out) and scored by EVAL_DIR/quotes/score.py; our numbers
are printed next to the measured peers'.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
    ap.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--split", default="dev")
    ap.add_argument("--out", default=None, help="keep the predictions here")
    ap.add_argument("--entities", action="store_true", help="pass the NER entities in, as the app does")
    args = ap.parse_args()
    qdir = Path(args.eval_dir) / "quotes"
    gold = qdir / args.split / f"polnear_{args.split}.jsonl"
    if not gold.exists():
        print(f"no gold file at {gold}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(args.out) if args.out else Path(tmp) / "pred.jsonl"
        return report(gold, qdir, out, args.entities)


def report(gold: Path, qdir: Path, out: Path, with_entities: bool) -> int:
    """Predict, score with the shared scorer, and print our numbers next to the peers'."""
    times = predict(gold, out, with_entities)
    spent = sum(times)
    with tempfile.NamedTemporaryFile(suffix=".json") as js:
        cmd = [sys.executable, str(qdir / "score.py"), "--gold", str(gold), "--pred", str(out),
               "--runtime", str(spent), "--json", js.name]
        subprocess.run(cmd, check=True)
        with open(js.name, encoding="utf-8") as f:
            res = json.load(f)
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
