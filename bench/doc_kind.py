"""How a document's kind (tables and scores, or prose) changes what its capitalised words are, on NER train.

    python -m bench.doc_kind [--eval ../shared/eval]

Reads CoNLL-2003 train (`<eval>/ner/train/conll2003_train.jsonl`, labels and text; never a dev set), splits its
documents by `document_kind` below, and prints, for each kind, the label shares of its title-case words that start
a name or are none (mixed-case lines only): all of them, those after in / to / from / at / near, those the word
clusters do not know, and those of each gazetteer flag (50 or more). Nothing is written.

Session 25 (issue 12, places in prose read as clubs): 657 documents of prose, 289 of tables and scores; a listed
city is a place 74 % / a club 16 % in prose, a club 66 % / a place 26 % in tables; a word the clusters do not know
is a place 18 % / 7 %, a company 23 % / 39 %. The kind as tagger features (every capitalised word: the kind alone
and joined with its gazetteer flags and its cluster path, riding on the document features' tuples; retrained,
seeds 7-9) did not ship: time split 90.31 (90.85 / 89.57) -> 90.21 (90.45 / 89.88), CoNLL dev 93.05 (94.14 /
91.80) -> 92.88 (93.86 / 91.77), GUM dev 73.21 (72.67 / 74.17) -> 69.56 (68.41 / 71.66), our outside texts
80.39 -> 79.32 (the newest five 75.90 -> 74.23): bench/README.md, session 25.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.folds import default_eval  # noqa: E402
from bench.train_ner import gold_tags  # noqa: E402
from tui.engine.entities.clusters import cluster_path  # noqa: E402
from tui.engine.entities.features import _gaz_flags  # noqa: E402
from tui.engine.entities.tagger import prepare  # noqa: E402

_PREPS = frozenset(("in", "to", "from", "at", "near"))
_SCORE = re.compile(r"\d{1,3}-\d{1,3}")  # a score, "2-1"; a date "1996-08-30" is longer


def document_kind(segments) -> str:
    """ "T" (tables and scores) or "P" (prose): "T" when at least two of the lines, and a fifth of them, hold two
    numbers or more and at most two lower-case words, or when the document holds two scores ("2-1")."""
    table = scores = 0
    for seg in segments:
        nums = low = 0
        for tok in seg.toks:
            c = tok[:1]
            if c.isdigit():
                nums += 1
                scores += bool(_SCORE.fullmatch(tok))
            elif c.islower():
                low += 1
        table += nums >= 2 and low <= 2
    return "T" if scores >= 2 or table >= 2 and table >= 0.2 * len(segments) else "P"
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
