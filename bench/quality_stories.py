"""Story quality on the stories dev set: grouping B-cubed F1 and story-summary ROUGE-1 recall.

    python -m bench.quality_stories [EVAL_DIR] [--scorer-python PY] [--words 100] [--only group|summary]

EVAL_DIR defaults to ../shared/eval/stories next to the repository. Every dev article goes into a fresh
temporary library through the store (title, text, source, date), then through the same calls as
`newsreader stories` (incremental `group_new`, oldest first as they would arrive) and
`newsreader story ID --words 100`. Grouping is scored with the eval folder's score_clusters.py; for the
summaries each gold event is summarised as a story made of exactly its articles (so the summary score does not depend on the grouping), with score_summaries.py
(needs rouge-score: pass --scorer-python of a scratch venv that has it). Prints numbers, asserts nothing.
The dev data only measures: nothing here learns from it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tui.models import Article  # noqa: E402
from tui.store import Library  # noqa: E402

DEFAULT_DIR = next((p / "shared" / "eval" / "stories" for p in (ROOT.parent, ROOT.parent.parent)
                    if (p / "shared" / "eval" / "stories").is_dir()), ROOT.parent / "shared" / "eval" / "stories")
TARGETS = {"bcubed_f1": 0.93, "rouge1_recall": 0.39}
PEERS = "grouping: TF-IDF single pass 0.825 (50 events mixed), 0.89 (one half); summary R1: LexRank 0.359, +redundancy 0.372, human 0.394"


def load(eval_dir: Path) -> list[dict]:
    """The dev articles, oldest first (the order a reader's library would receive them)."""
    rows = [json.loads(line) for line in (eval_dir / "dev" / "clusters.jsonl").open(encoding="utf-8") if line.strip()]
    rows.sort(key=lambda r: (r["date"], r["id"]))
    return rows


def fill(lib: Library, rows: list[dict]) -> dict[int, dict]:
    """Store the rows as articles; returns article id -> row (a row repeated in the data maps to the same id)."""
    arts = [Article(title=r["title"], body=r["text"], source=r["source"], published=r["date"]) for r in rows]
    by_id = {}
    for r, (status, ident) in zip(rows, lib.add_many(arts)):
        by_id.setdefault(ident, r)
    return by_id


def grouping(eval_dir: Path, tmp: Path, py: str, at_once: bool = False) -> dict:
    """Group the dev set one article at a time (or, `at_once`, all stored first and grouped in one call,
    as `newsreader add FOLDER` does) and score it with score_clusters.py."""
    from tui.stories import group_new
    from tui.store.stories import story_of

    rows = load(eval_dir)
    lib = Library(tmp / ("group-once.db" if at_once else "group.db"))
    ident = {}
    t0 = time.perf_counter()
    if at_once:
        arts = [Article(title=r["title"], body=r["text"], source=r["source"], published=r["date"]) for r in rows]
        ident = {r["id"]: i for r, (_, i) in zip(rows, lib.add_many(arts))}
        group_new(lib)
    for r in rows if not at_once else ():  # incrementally, as articles arrive
        ident[r["id"]] = next(iter(fill(lib, [r])))
        group_new(lib)
    seconds = time.perf_counter() - t0
    pred = tmp / "clusters.jsonl"
    with pred.open("w") as f:
        for doc, aid in ident.items():
            f.write(json.dumps({"id": doc, "cluster": story_of(lib, aid)}) + "\n")
    lib.close()
    out = subprocess.run([py, str(eval_dir / "score_clusters.py"), str(pred), "--gold",
                          str(eval_dir / "dev" / "clusters.jsonl")], capture_output=True, text=True)
    print(out.stdout.strip() or out.stderr.strip()[-400:], file=sys.stderr)
    return {"stdout": out.stdout, "seconds": seconds}


def summaries(eval_dir: Path, tmp: Path, py: str, words: int) -> dict:
    """Summarise each gold event (a story made of its articles) and score with score_summaries.py."""
    from tui.stories import story_summary
    from tui.stories.grouping import split  # noqa: F401  (stories are built below through the store)
    from tui.store import stories as store
    from tui.store.stories import Member

    rows = load(eval_dir)
    lib = Library(tmp / "summ.db")
    by_id = fill(lib, rows)
    clusters: dict[str, list[int]] = {}
    for aid, r in by_id.items():
        clusters.setdefault(r["cluster"], []).append(aid)
    stories, members = [], []
    for n, (cluster, ids) in enumerate(sorted(clusters.items()), start=1):
        days = sorted(by_id[i]["date"] for i in ids)
        stories.append((n, by_id[ids[0]]["title"], days[0], days[-1], len(ids), {}))
        members += [Member(i, n, by_id[i]["date"], {}, []) for i in ids]
    store.save_groups(lib, members, stories)
    pred = tmp / "summaries.jsonl"
    times = []
    with pred.open("w") as f:
        for n, (cluster, _) in enumerate(sorted(clusters.items()), start=1):
            t0 = time.perf_counter()
            s = story_summary(lib, n, words=words)
            times.append(time.perf_counter() - t0)
            f.write(json.dumps({"cluster": cluster, "summary": "\n".join(x.text for x in s.sentences)}) + "\n")
    lib.close()
    out = subprocess.run([py, str(eval_dir / "score_summaries.py"), str(pred), "--refs",
                          str(eval_dir / "dev" / "refs.jsonl")], capture_output=True, text=True)
    print(out.stdout.strip() or out.stderr.strip()[-600:], file=sys.stderr)
    times.sort()
    return {"stdout": out.stdout, "median_ms": 1000 * times[len(times) // 2]}


def main() -> None:
    """Run the measures and print their numbers."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("eval_dir", nargs="?", default=str(DEFAULT_DIR))
    ap.add_argument("--scorer-python", default=sys.executable)
    ap.add_argument("--words", type=int, default=100)
    ap.add_argument("--only", choices=["group", "summary"])
    args = ap.parse_args()
    eval_dir = Path(args.eval_dir)
    print(f"targets: {TARGETS}; peers: {PEERS}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="stories-bench-") as d:
        if args.only in (None, "group"):
            g = grouping(eval_dir, Path(d), args.scorer_python)
            print(f"grouping: {g['seconds']:.2f} s for the dev set, one article at a time", file=sys.stderr)
            g = grouping(eval_dir, Path(d), args.scorer_python, at_once=True)
            print(f"grouping: {g['seconds']:.2f} s for the dev set stored at once, then grouped", file=sys.stderr)
        if args.only in (None, "summary"):
            s = summaries(eval_dir, Path(d), args.scorer_python, args.words)
            print(f"summary: median {s['median_ms']:.1f} ms per story (first time, analyses computed)", file=sys.stderr)


if __name__ == "__main__":
    main()
