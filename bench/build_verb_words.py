"""Learn which lower-case words act as verbs (or adverbs before a verb), from unlabelled text only.

    python bench/build_verb_words.py [--shared ../shared] [--out assets/models/verb_words.txt]

The quote stage needs to know where a description that opens a clause ends: "The spokesman refused to
comment, saying ..." is said by "The spokesman", "His office put out a statement saying ..." by "His office".
With no part-of-speech tagger, the evidence is how news uses each word: a word written right after a subject
pronoun ("he refused", "they put") and almost never right after a determiner ("the refused") is a verb or an
adverb, and cannot continue a noun phrase after its head.

Reads the same text as bench/build_clusters.py (`<shared>/corpus/news_unlabelled.txt.gz` and the `text` of
the NER and quote training sets, never a label, never dev) and the word clusters shipped in
assets/models/word_clusters.txt.gz. For each lower-case word it counts the word after a subject pronoun and
after a determiner; a rare word borrows its fine cluster's share (words used alike share a cluster: "shrugged",
seen a handful of times, sits with the common past tenses), smoothed by PRIOR_WEIGHT pseudo-counts. Words
whose share reaches THRESHOLD are written, sorted; a word never seen after a pronoun only when it ends in "-ed"
(a cluster of verbs also holds a few plural nouns: "aliens", "bargains"). The same inputs give the same file byte for byte.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_clusters import read_lines  # noqa: E402
from bench.folds import default_eval  # noqa: E402
from tui.engine.entities.tokens import tokenize  # noqa: E402

SUBJECTS = frozenset("he she they we i it".split())
DETERMINERS = frozenset("the a an his her their its this these those our my".split())
PRIOR_WEIGHT = 5.0  # pseudo-counts of the cluster's share added to a word's own counts
THRESHOLD = 0.5  # share of pronoun contexts (among pronoun + determiner contexts) that makes a word verb-like
MIN_EVIDENCE = 2  # a word needs this many pronoun or determiner contexts of its own, or a cluster
OUT = ROOT / "assets" / "models" / "verb_words.txt"


def count(shared: Path) -> tuple[Counter, Counter]:
    """How often each lower-case word follows a subject pronoun, and a determiner (case-folded)."""
    after_subject, after_det = Counter(), Counter()
    for line in read_lines(shared):
        prev = ""
        for s, e in tokenize(line):
            w = line[s:e]
            if w[:1].islower() and w.isalpha():
                if prev in SUBJECTS:
                    after_subject[w] += 1
                elif prev in DETERMINERS:
                    after_det[w] += 1
            prev = w.lower()
    return after_subject, after_det


def clusters(path: Path) -> dict[str, str]:
    """word -> fine cluster id, from the shipped clusters file."""
    import gzip

    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#"):
                continue
            word, _, ids = line.rstrip("\n").partition("\t")
            if ids:
                out[word] = ids.split()[0]
    return out


def verb_words(after_subject: Counter, after_det: Counter, fine: dict[str, str]) -> list[str]:
    """The lower-case words whose smoothed share of pronoun contexts reaches THRESHOLD, sorted."""
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for w, c in fine.items():
        if w[:1].islower():
            pooled[c][0] += after_subject[w]
            pooled[c][1] += after_det[w]
    out = []
    for w in sorted(set(after_subject) | set(after_det) | {w for w in fine if w[:1].islower() and w.isalpha()}):
        a, d = after_subject[w], after_det[w]
        c = fine.get(w)
        if c is not None and sum(pooled[c]):
            prior = pooled[c][0] / sum(pooled[c])
            share = (a + PRIOR_WEIGHT * prior) / (a + d + PRIOR_WEIGHT)
        elif a + d >= MIN_EVIDENCE:
            share = a / (a + d)
        else:
            continue
        if share >= THRESHOLD and w not in DETERMINERS and len(w) > 1 and (a or w.endswith("ed")):
            out.append(w)  # a word never seen after a pronoun borrows its cluster's verdict only as a past form
    return out


def main() -> int:
    """Count, smooth by cluster, write the list."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=str(default_eval().parent), help="the shared folder (corpus/, eval/)")
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    after_subject, after_det = count(Path(args.shared))
    words = verb_words(after_subject, after_det, clusters(ROOT / "assets" / "models" / "word_clusters.txt.gz"))
    head = ("# lower-case words news writes after a subject pronoun and not after a determiner (verbs, adverbs);\n"
            "# rebuilt by bench/build_verb_words.py from unlabelled news, the training texts and the word clusters\n")
    Path(args.out).write_text(head + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out} ({Path(args.out).stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
