"""Summary quality on the extractive-summary dev set, next to the measured peers.

    python bench/quality_summary.py [EVAL_DIR] [--methods news,lead,...] [--scorer-python PY]
                                    [--compare lead] [--halves]

EVAL_DIR defaults to ../shared/eval next to the repository. For each method we summarise
every record of summ/dev.jsonl (3 sentences for CNN/DailyMail, ``budget_sentences`` for
BBC, the BBC title passed as the title) and score the output with the eval folder's own
score.py (ROUGE with the Porter stemmer). The scorer needs ``rouge-score`` and ``numpy``;
pass ``--scorer-python`` to run it with another interpreter that has them. sumy's
lexrank / textrank / lsa need numpy in this interpreter, otherwise they are reported as
unavailable. ``--compare M`` adds, for every other method, the scorer's paired bootstrap
of its difference to M on the same articles (95% CI, e.g. news vs lead for LEAD-3).
``--halves`` also prints each method's means on two fixed halves of every dataset (split
by a hash of the record id): a change that helps on one half only is likely noise, since
the hidden test set is larger than the dev set. Prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.engine.summarize import METHODS, MethodUnavailable, summarize  # noqa: E402

# Peers quoted in the engine issue (same dev set, same scorer). ROUGE-1 unless marked.
PEERS = {
    "cnndm": [("LEAD-3", 39.6), ("best sumy method", 35.7), ("summa TextRank", 35.1)],
    "bbc": [("summa TextRank", 83.4), ("sumy Reduction", 81.4), ("LEAD", 66.2)],
}
TARGETS = {"cnndm": "news: R1 >= LEAD-3 + 1.0 (40.6) and RLsum >= LEAD-3 + 0.5", "bbc": "news: R1 >= 85"}


def run_method(method: str, records: list[dict], out_path: Path) -> tuple[float, int, str]:
    """Summarise every record into out_path; returns seconds, error count and a limit note."""
    errors, limited, notes = 0, 0, set()
    t0 = time.perf_counter()
    with out_path.open("w", encoding="utf-8") as f:
        for rec in records:
            try:
                summ = summarize(rec["text"], method=method, sentences=rec["budget_sentences"], title=rec.get("title"))
                text = "\n".join(s.text for s in summ.sentences)
                limited += bool(summ.limited)
            except MethodUnavailable:
                raise
            except Exception as e:  # keep going: one bad article must not hide the others
                errors += 1
                text = ""
                notes.add(f"error: {e!r}"[:80])
            f.write(json.dumps({"id": rec["id"], "summary": text}) + "\n")
    note = f"limited on {limited} of {len(records)} articles" if limited else ""
    if notes:
        note += " " + "; ".join(sorted(notes))
    return time.perf_counter() - t0, errors, note.strip()


def score(
    scorer_python: str,
    score_py: Path,
    system: Path,
    dev: Path,
    json_out: Path,
    compare: Path | None = None,
    per_doc: Path | None = None,
) -> dict:
    cmd = [scorer_python, str(score_py), str(system), str(dev), "--json-out", str(json_out), "--bootstrap", "1000"]
    if compare is not None:
        cmd += ["--compare", str(compare)]
    if per_doc is not None:
        cmd += ["--per-doc-out", str(per_doc)]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return json.loads(json_out.read_text())["datasets"]


def half_of(record_id: str) -> int:
    """0 or 1: a fixed split of the records that does not depend on their order."""
    return int(hashlib.md5(record_id.encode("utf-8")).hexdigest(), 16) % 2


def half_means(per_doc: Path, records: list[dict]) -> dict:
    """{(dataset, half): (R1 mean, RLsum mean, n)} from the scorer's per-document output."""
    dataset = {r["id"]: r.get("source_dataset") for r in records}
    sums: dict = {}
    for line in per_doc.read_text().splitlines():
        doc = json.loads(line)
        key = (dataset.get(doc["id"]), half_of(doc["id"]))
        r1, rl, n = sums.get(key, (0.0, 0.0, 0))
        sums[key] = (r1 + doc["rouge1"], rl + doc["rougeLsum"], n + 1)
    return {k: (r1 / n, rl / n, n) for k, (r1, rl, n) in sums.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--methods", default="all", help="comma-separated method names, or 'all'")
    ap.add_argument("--scorer-python", default=sys.executable, help="interpreter with rouge-score and numpy")
    ap.add_argument("--compare", help="a method to compare every other one with (paired bootstrap CI)")
    ap.add_argument("--halves", action="store_true", help="also print means on two fixed halves of each dataset")
    a = ap.parse_args(argv)
    summ_dir = Path(a.eval_dir) / "summ"
    dev = summ_dir / "dev.jsonl"
    records = [json.loads(line) for line in dev.open(encoding="utf-8") if line.strip()]
    methods = list(METHODS) if a.methods == "all" else a.methods.split(",")
    if a.compare:  # the baseline runs first so the others can be compared with it
        methods = [a.compare] + [m for m in methods if m != a.compare]

    rows = []
    halves: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for m in methods:
            system = Path(tmp) / f"{m}.jsonl"
            try:
                secs, errors, note = run_method(m, records, system)
            except MethodUnavailable as e:
                rows.append((m, None, 0.0, 0, str(e)))
                continue
            base = Path(tmp) / f"{a.compare}.jsonl" if a.compare and m != a.compare else None
            per_doc = Path(tmp) / f"{m}.docs.jsonl" if a.halves else None
            result = score(a.scorer_python, summ_dir / "score.py", system, dev, Path(tmp) / f"{m}.json", base, per_doc)
            if per_doc is not None:
                halves[m] = half_means(per_doc, records)
            rows.append((m, result, secs, errors, note))

    for ds in ("cnndm", "bbc"):
        n = sum(1 for r in records if r.get("source_dataset") == ds)
        print(f"\n[{ds}] n={n}   target: {TARGETS[ds]}")
        print(f"  {'method':12s} {'R1':>6s} {'R2':>6s} {'RLsum':>6s} {'words':>6s} {'secs':>6s}  note (secs: whole dev set)")
        for m, result, secs, errors, note in rows:
            if result is None:
                print(f"  {m:12s} {'-':>6s} {'-':>6s} {'-':>6s} {'-':>6s} {'-':>6s}  {note}")
                continue
            d = result[ds]
            extra = f"{errors} errors " if errors else ""
            print(
                f"  {m:12s} {d['rouge1']['mean']:6.2f} {d['rouge2']['mean']:6.2f} {d['rougeLsum']['mean']:6.2f}"
                f" {d['summary_words_mean']:6.1f} {secs:6.2f}  {extra}{note}".rstrip()
            )
        print("  peers (R1): " + ", ".join(f"{name} {v}" for name, v in PEERS[ds]))
        for m, by_half in halves.items():
            parts = [by_half.get((ds, h)) for h in (0, 1)]
            if all(parts):
                print(
                    f"  {m} halves: "
                    + "  ".join(f"h{h} n={p[2]} R1 {p[0]:.2f} RLsum {p[1]:.2f}" for h, p in enumerate(parts))
                )
        for m, result, *_ in rows:
            delta = {k: result[ds][k].get("delta_vs_compare") for k in ("rouge1", "rougeLsum")} if result else {}
            if all(delta.values()) and delta:
                print(
                    f"  {m} - {a.compare}: "
                    + ", ".join(
                        f"{k} {d['mean']:+.2f} [{d['ci95'][0]:+.2f}, {d['ci95'][1]:+.2f}]" for k, d in delta.items()
                    )
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
