#!/usr/bin/env python3
"""Measure our HTML importer on the article-extraction eval set and print the scores.

    python bench/quality_extract.py [--eval ../shared/eval] [--out preds.jsonl] [--limit N] [--misses]

--eval is the shared eval folder (default: ../shared/eval beside the repository); its
extract/ folder holds truth.jsonl, html/*.html.gz and score.py. Every page goes through the same path as `newsreader add
page.html`: raw bytes -> parse_bytes (charset detection, trafilatura, our headline
choice). Predictions are written as JSONL, score.py is run on them, and the headline
numbers are printed next to the targets, with the time per page.

The title/date/byline scores are also printed for two halves of the pages (split by a
hash of the page id): a rule tuned on the dev set should help, or at least not hurt, on
both halves before we trust it on the hidden set. --misses prints every title miss with
the candidates the page offers (<title>, og/twitter titles, JSON-LD headline, <h1>s).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib.util
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.importers import parse_bytes  # noqa: E402
from tui.importers.decode import decode  # noqa: E402
from tui.importers.html import page_meta  # noqa: E402
from tui.importers.jsonld import jsonld_facts  # noqa: E402

TARGETS = {"body F1 (AEB shingle4)": 0.954, "title match (normalized)": 0.85}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval", help="the shared eval folder")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out" / "quality_extract.jsonl",
                    help="where predictions go (default: bench/out/, which git ignores)")
    ap.add_argument("--limit", type=int, help="only the first N pages (the rest then score as empty)")
    ap.add_argument("--misses", action="store_true", help="print every title miss with the page's candidates")
    args = ap.parse_args(argv)
    args.data = args.eval / "extract" if (args.eval / "extract").is_dir() else args.eval
    truth = [json.loads(line) for line in open(args.data / "truth.jsonl", encoding="utf-8") if line.strip()]
    if args.limit:
        truth = truth[: args.limit]
    # warm-up: the first call pays for importing trafilatura and lxml
    parse_bytes(gzip.decompress((args.data / truth[0]["html_path"]).read_bytes()), "warmup.html")
    times, rows = [], {}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8") as f:
        for rec in truth:
            data = gzip.decompress((args.data / rec["html_path"]).read_bytes())
            t0 = time.perf_counter()
            item = parse_bytes(data, f"{rec['id']}.html")[0]
            ms = (time.perf_counter() - t0) * 1000
            times.append(ms)
            a = item.article
            row = {"id": rec["id"], "body": a.body if a else "", "title": a.title if a else None,
                   "date": a.published if a else None, "byline": a.byline if a else None, "ms": round(ms, 2)}
            rows[rec["id"]] = row
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    report = args.out.with_suffix(".score.json")
    subprocess.run([sys.executable, str(args.data / "score.py"), "--pred", str(args.out),
                    "--truth", str(args.data / "truth.jsonl"), "--json", str(report), "--bootstrap", "200"],
                   check=True)
    _print_targets(json.loads(report.read_text()), times)
    norm_text = _scorer(args.data).norm_text  # the scorer's own normalisation
    _print_folds(truth, rows, norm_text)
    if args.misses:
        _print_title_misses(truth, rows, norm_text, args.data)
    return 0


def _scorer(data: Path):
    spec = importlib.util.spec_from_file_location("extract_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fold(page_id: str) -> int:
    return int(hashlib.sha256(page_id.encode()).hexdigest(), 16) % 2


def _hit(field: str, truth: str, got, norm_text) -> bool:
    if field == "date":
        return str(got or "")[:10] == truth
    return bool(got) and norm_text(got) == norm_text(truth)


def _print_folds(truth: list[dict], rows: dict, norm_text) -> None:
    """Hits/pages per set and field for each half of the pages and for all of them."""
    counts: dict = {}
    for rec in truth:
        for field in ("title", "date", "byline"):
            if not rec.get(field):
                continue
            ok = _hit(field, rec[field], rows[rec["id"]].get(field), norm_text)
            for key in ((field, rec["source_dataset"]), (field, "all")):
                for fold in (_fold(rec["id"]), "both"):
                    hits, n = counts.get((*key, fold), (0, 0))
                    counts[(*key, fold)] = (hits + ok, n + 1)
    print(f"\n{'field':7} {'set':12} {'fold 0':>15} {'fold 1':>15} {'both':>15}")
    for (field, name, _) in sorted(k for k in counts if k[2] == "both"):
        cells = [counts.get((field, name, f), (0, 0)) for f in (0, 1, "both")]
        print(f"{field:7} {name:12} " + " ".join(f"{h}/{n} {h / n if n else 0:.3f}".rjust(15) for h, n in cells))


def _print_title_misses(truth: list[dict], rows: dict, norm_text, data: Path) -> None:
    for rec in truth:
        got = rows[rec["id"]].get("title")
        if not rec.get("title") or _hit("title", rec["title"], got, norm_text):
            continue
        html = decode(gzip.decompress((data / rec["html_path"]).read_bytes()), html=True)
        meta, ld = page_meta(html), jsonld_facts(html)
        print(f"\n{rec['id']} (fold {_fold(rec['id'])})\n  truth   {rec['title']!r}\n  ours    {got!r}")
        for name, value in (("<title>", meta["title"]), ("og", meta["og"]), ("twitter", meta["twitter"]),
                            ("json-ld", ld["headline"]), ("site", meta["site"]), ("h1", meta["h1"]), ("h2", meta["h2"])):
            if value:
                print(f"  {name:8}{value!r}")


def _find(obj, *keys):
    for key in keys:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj


def _print_targets(rep: dict, times: list[float]) -> None:
    body = _find(rep, "datasets", "aeb", "shingle4", "f1")
    title = _find(rep, "overall", "title", "normalized")
    print()
    print(f"{'metric':30} {'ours':>7} {'target':>7}")
    for (name, target), value in zip(TARGETS.items(), (body, title)):
        shown = f"{value:.3f}" if isinstance(value, (int, float)) else "see above"
        print(f"{name:30} {shown:>7} {target:>7.3f}")
    print(f"\n{'set':12} {'title':>6} {'date':>6} {'byline':>6}")
    for name, res in (rep.get("datasets") or {}).items():
        cells = [_find(res, "title", "normalized"), _find(res, "date", "accuracy"), _find(res, "byline", "normalized")]
        print(f"{name:12} " + " ".join(f"{c:6.3f}" if isinstance(c, (int, float)) else f"{'-':>6}" for c in cells))
    print(f"{'ms/page median (mean)':30} {statistics.median(times):7.1f} ({statistics.mean(times):.1f})")


if __name__ == "__main__":
    sys.exit(main())
