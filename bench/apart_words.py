"""Find the words the search index's stemmer merges although they mean different things (fold.APART's candidates).

    python -m bench.apart_words [--corpus ../shared/corpus/news_unlabelled.txt.gz] [--min-df 15] [--out FILE]

Porter's stemmer (the index's tokenizer, migration 24) gives "import" and "important", "unit" and "united",
"accord" and "according" one stem, so a search for one finds the other. Which pairs of one stem mean different
things is counted, not guessed: words of one meaning are written in the same articles ("ferry" and "ferries", "elect"
and "election" meet in an article far more often than chance), words of two meanings meet about as often as any two
words of their frequencies do. For every pair of words of one stem, each in at least `--min-df` articles of the
unlabelled corpus, with at least 3 articles expected to hold both by chance (enough to tell), its score is
(articles holding both + 1) / (articles expected by chance + 1). The reference is the plain inflections of the same
corpus (a word and itself + s, es, d, ed, ing, of one stem): a pair scoring under their 5th percentile is listed.

The list is the candidates fold.APART was reviewed from (session 24): a reader's judgement of each listed pair (is
it two meanings, or one meaning in another part of speech: "noted" / "note", "shares" / "shared" are listed and kept
together), and whether a spelling apart is clean (a substring no other word holds). Each line says whether the
current APART keeps the pair apart ("apart") or not. Deterministic: the same corpus gives the same lines.
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from tui.store.fold import apart
from tui.store.query import _stems

_WORD = re.compile(r"[A-Za-z]+")
INFLECTIONS = ("s", "es", "d", "ed", "ing")
SHARE = 0.05  # the inflections' percentile under which a pair is listed
MIN_EXPECTED = 3.0  # articles expected to hold both words by chance, at least


def _articles(path: Path) -> list[set[str]]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        blocks = f.read().split("\n\n")
    return [{w.lower() for w in _WORD.findall(b)} for b in blocks if b.strip()]


def candidates(articles: list[set[str]], min_df: int) -> tuple[list[tuple], float, int]:
    """(listed pairs (score, a, b, df a, df b, both, stem), the threshold, pairs with enough evidence)."""
    n = len(articles)
    df: Counter[str] = Counter()
    for words in articles:
        df.update(words)
    vocab = sorted(w for w, c in df.items() if c >= min_df and len(w) >= 3)
    stem_of = {w: s for w, s in zip(vocab, _stems(vocab)) if s}
    families: dict[str, list[str]] = defaultdict(list)
    for w, s in stem_of.items():
        families[s].append(w)
    merged = {w for ws in families.values() if len(ws) > 1 for w in ws}
    both: Counter[tuple[str, str]] = Counter()
    for words in articles:
        by_stem: dict[str, list[str]] = defaultdict(list)
        for w in sorted(words & merged):
            by_stem[stem_of[w]].append(w)
        for ws in by_stem.values():
            for i, a in enumerate(ws):
                for b in ws[i + 1:]:
                    both[a, b] += 1
    scored = []
    for stem in sorted(families):
        ws = sorted(families[stem])
        for i, a in enumerate(ws):
            for b in ws[i + 1:]:
                expected = df[a] * df[b] / n
                if expected >= MIN_EXPECTED:
                    scored.append(((both[a, b] + 1) / (expected + 1), a, b, df[a], df[b], both[a, b], stem))
    reference = sorted(s[0] for s in scored if s[2] in {s[1] + e for e in INFLECTIONS})
    threshold = reference[int(len(reference) * SHARE)] if reference else 0.0
    listed = sorted(s for s in scored if s[0] < threshold)
    return listed, threshold, len(scored)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--corpus", type=Path, default=Path("../shared/corpus/news_unlabelled.txt.gz"))
    p.add_argument("--min-df", type=int, default=15)
    p.add_argument("--out", type=Path, help="write the lines there (default: stdout)")
    args = p.parse_args(argv)
    articles = _articles(args.corpus)
    listed, threshold, pairs = candidates(articles, args.min_df)
    split = _stems([apart(w) for s in listed for w in s[1:3]])
    lines = [f"# {len(articles)} articles; {pairs} pairs of one stem with >= {MIN_EXPECTED:g} articles expected to hold"
             f" both; listed: score < {threshold:.3f} (the {SHARE:.0%} point of plain inflections); {len(listed)} pairs",
             "# score  word  word  articles(a)  articles(b)  both  stem  apart?"]
    for k, (score, a, b, da, db, n_both, stem) in enumerate(listed):
        kept = "apart" if split[2 * k] != split[2 * k + 1] else "-"
        lines.append(f"{score:.3f}  {a}  {b}  {da}  {db}  {n_both}  {stem}  {kept}")
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
