"""Count how often plain news writes each word in lower case: a table a name tagger's feature can read.

    python -m bench.build_lower_share [--corpus ../shared/corpus/news_unlabelled.txt.gz] [--eval ../shared/eval]
                                      [--out lower_share.txt.gz]

Reads the unlabelled corpus and the text of the quotes training set (`<eval>/quotes/train`, its text only: never a
label, never a dev set; the NER training text is left out, so that a tagger would not learn from counts of the
very sentences it is trained on). For every word of letters (an apostrophe or hyphen inside allowed) it counts the
mentions written in lower case ("marine") and those written capitalised that do not start a sentence ("the Marine
Corps"); a word with at least MIN such mentions gets the bucket of its lower-case share (BUCKETS: "lr0" under 5 %,
... "lr3" from 95 %). Sorted lines, gzip without a timestamp: the same texts give the same file byte for byte.

Session 21 tried the buckets as gazetteer flags of capitalised words in the entity tagger (a common noun
capitalised in a company's name, "Trask Plumbing", is rarely a surname). It did not ship: over two triples of
seeds the time split moved +0.16 and the second halves of CoNLL dev and GUM dev -0.27 and -2.21, past their bands
(bench/README.md, the seed noise section). The table is not an asset, so the default output goes to the working
folder.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or beside the folder of worktrees that holds it)
DEFAULT_CORPUS = str(next((p / "shared" / "corpus" / "news_unlabelled.txt.gz" for p in (ROOT.parent, ROOT.parent.parent)
                           if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared" / "corpus" / "news_unlabelled.txt.gz"))
sys.path.insert(0, str(ROOT))

from bench.folds import default_eval  # noqa: E402

OUT = "lower_share.txt.gz"
MIN = 3
# (upper bound of the lower-case share, class): the first bound above the share names its class
BUCKETS = ((0.05, "lr0"), (0.5, "lr1"), (0.95, "lr2"), (2.0, "lr3"))
_TOKEN = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*|\S")
_OPENERS = frozenset('. ! ? : ; " “ ” ‘ ’ ( [ - – — …'.split())


def count(lines) -> tuple[Counter, Counter]:
    """(lower-case mentions, capitalised mentions not starting a sentence) per lower-cased word of `lines`."""
    low: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    for line in lines:
        toks = _TOKEN.findall(line)
        if not toks or not any(t[:1].islower() for t in toks):
            continue  # a line in capitals (or with no letters) says nothing about case
        start = True
        for t in toks:
            if t[:1].isalpha():
                if t.islower():
                    low[t] += 1
                elif t[:1].isupper() and not start and not t.isupper():
                    cap[t.lower()] += 1
            start = t in _OPENERS
    return low, cap


def table(low: Counter, cap: Counter) -> list[str]:
    """"word<TAB>class" lines, sorted, for the words with MIN or more counted mentions."""
    out = []
    for w in sorted(set(low) | set(cap)):
        n = low[w] + cap[w]
        if n < MIN or len(w) < 2:
            continue
        share = low[w] / n
        out.append(f"{w}\t{next(c for bound, c in BUCKETS if share < bound)}\n")
    return out


def text_lines(corpus: str, eval_dir: Path):
    """The corpus's lines (paragraphs), then those of the quotes training set's texts."""
    with gzip.open(corpus, "rt", encoding="utf-8") as f:
        yield from f
    for path in sorted((eval_dir / "quotes" / "train").glob("*.jsonl")):
        for ln in path.read_text(encoding="utf-8").splitlines():
            if ln.strip():
                yield from json.loads(ln).get("text", "").splitlines()


def build(corpus: str, eval_dir: Path) -> bytes:
    """The gzipped table for the texts (the corpus at `corpus`, the quotes training texts under `eval_dir`)."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
        gz.write("".join(table(*count(text_lines(corpus, eval_dir)))).encode("utf-8"))
    return buf.getvalue()


def main() -> None:
    """Write the table and print its size."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--eval", default=str(default_eval()))
    ap.add_argument("--out", default=OUT)
    args = ap.parse_args()
    data = build(args.corpus, Path(args.eval))
    Path(args.out).write_bytes(data)
    print(f"wrote {args.out} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
