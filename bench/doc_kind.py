"""How a document's kind (tables and scores, or prose) changes what its capitalised words are, on NER train.

    python -m bench.doc_kind [--eval ../shared/eval]

Reads CoNLL-2003 train (`<eval>/ner/train/conll2003_train.jsonl`, labels and text; never a dev set), splits its
documents by tui/engine/entities/doc_kind.py's `document_kind`, and prints, for each kind, the label shares of
its title-case words that start a name or are none (mixed-case lines only): all of them, those after in / to /
from / at / near, those the word clusters do not know, and those of each gazetteer flag (50 or more). This is the
table that says why the tagger carries the kind as a feature (session 25): a listed city is mostly a place in
prose and mostly a club in tables. Nothing is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.folds import default_eval  # noqa: E402
from bench.train_ner import gold_tags  # noqa: E402
from tui.engine.entities.clusters import cluster_path  # noqa: E402
from tui.engine.entities.doc_kind import document_kind  # noqa: E402
from tui.engine.entities.features import _gaz_flags  # noqa: E402
from tui.engine.entities.tagger import prepare  # noqa: E402

_PREPS = frozenset(("in", "to", "from", "at", "near"))
_TYPES = ("O", "PER", "ORG", "LOC", "MISC")


def main() -> int:
    """Print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(default_eval()))
    args = ap.parse_args()
    path = Path(args.eval) / "ner" / "train" / "conll2003_train.jsonl"
    stats: dict[str, Counter] = defaultdict(Counter)
    docs = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        segs, _, _ = prepare(d["text"])
        kind = document_kind(segs)
        docs[kind] += 1
        ents = sorted(d["entities"], key=lambda e: e["start"])
        for seg in segs:
            if seg.upper:
                continue
            s0, e0 = seg.spans[0][0], seg.spans[-1][1]
            tags, _ = gold_tags(seg.spans, [e for e in ents if e["start"] < e0 and e["end"] > s0])
            for i, tok in enumerate(seg.toks):
                if not tok[:1].isupper() or tags[i].startswith("I-"):
                    continue
                lab = tags[i][2:] or "O"
                stats[kind + " all"][lab] += 1
                if i and seg.toks[i - 1].lower() in _PREPS:
                    stats[kind + " after in/to/from/at/near"][lab] += 1
                if cluster_path(tok) is None:
                    stats[kind + " not in the clusters"][lab] += 1
                for flag in _gaz_flags(tok, tok.lower()):
                    stats[kind + " g=" + flag][lab] += 1
    print(f"documents: {docs['P']} prose (P), {docs['T']} tables and scores (T)")
    print(f"{'kind, words':34} {'n':>6}  " + "  ".join(f"{t:>5}" for t in _TYPES))
    for key in sorted(stats, key=lambda k: (k[2:], k[0])):
        c = stats[key]
        n = sum(c.values())
        if n >= 50:
            print(f"{key:34} {n:6}  " + "  ".join(f"{100 * c[t] / n:4.0f}%" for t in _TYPES))
    return 0


if __name__ == "__main__":
    sys.exit(main())
