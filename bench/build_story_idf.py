"""Rebuild assets/models/story_idf.txt.gz (document frequencies for story grouping) from the corpus.

    python -m bench.build_story_idf [--corpus ../shared/corpus/news_unlabelled.txt.gz]

Counts, for every lower-cased word (the grouping's own tokenizer), how many corpus articles contain it;
keeps words in at least 3 articles. First line: the number of articles. Byte for byte reproducible
(sorted lines, gzip without a timestamp).
"""

from __future__ import annotations

import argparse
import gzip
import io
from collections import Counter
from pathlib import Path

from tui.stories.terms import words_of

ROOT = Path(__file__).resolve().parent.parent
# ../shared beside the checkout (or beside the folder of worktrees that holds it)
DEFAULT_CORPUS = str(next((p / "shared" / "corpus" / "news_unlabelled.txt.gz" for p in (ROOT.parent, ROOT.parent.parent)
                           if (p / "shared" / "corpus").is_dir()), ROOT.parent / "shared" / "corpus" / "news_unlabelled.txt.gz"))
OUT = ROOT / "assets" / "models" / "story_idf.txt.gz"
MIN_DF = 3


def articles(path: str):
    """The corpus's articles (blocks separated by a blank line)."""
    block: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                block.append(line)
            elif block:
                yield "".join(block)
                block = []
    if block:
        yield "".join(block)


def build(path: str) -> bytes:
    """The gzipped table for the corpus at `path`."""
    df: Counter[str] = Counter()
    n = 0
    for text in articles(path):
        n += 1
        df.update(set(words_of(text)))
    lines = [f"{n}\n"] + [f"{w} {c}\n" for w, c in sorted(df.items()) if c >= MIN_DF]
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
        gz.write("".join(lines).encode("utf-8"))
    return buf.getvalue()


def main() -> None:
    """Write the table and print its size."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    args = ap.parse_args()
    data = build(args.corpus)
    OUT.write_bytes(data)
    print(f"wrote {OUT} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
