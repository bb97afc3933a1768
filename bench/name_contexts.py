"""How plain news uses each capitalised word, and a screen of that as evidence for the entity tagger (issue 12).

    python -m bench.name_contexts table [--corpus ../shared/corpus/news_unlabelled.txt.gz] [--eval ../shared/eval]
                                        [--out name_contexts.txt.gz]
    python -m bench.name_contexts screen [--eval ../shared/eval] [--weights SPLIT_WEIGHTS.json]
    python -m bench.name_contexts openers [--out assets/models/name_openers.txt]

`table` reads the unlabelled corpus and the text of the quotes training set (never a label, never a dev set; the
NER training text is left out, so a tagger would not learn from counts of its own training sentences) and counts,
for every title-case word written inside a sentence (not opening it), its mentions and of those: the ones followed
by another title-case word ("given": "Fred Couples", a given name before its surname), the ones followed by a
person's verb (said, told, asked ...: "verb") and the ones after a place's preposition (in, to, from, near, at,
outside: "place"). One line per word with MIN or more mentions, "word<TAB>n<TAB>given<TAB>verb<TAB>place", sorted;
gzip without a timestamp, so the same texts give the same file byte for byte.

`openers` writes the shipped list assets/models/name_openers.txt (byte for byte from the same texts): the words of
the table that plain news writes before another title-case word at least OPENER_GIVEN of the time and after a
place's preposition less than OPENER_PLACE of the time ("Edith", "Fred": given names, and first words of other
names, "Aetna"): read by the entity rule given-name-alone, which takes a lone word for the given name of a person
the article names in full only when news uses the word so, or does not know it at all ("Biogen" of a mis-tagged
"Biogen Idec" is no given name: before a capitalised word 4 times of 7).

`screen` checks that evidence before any retraining, on labelled data we may learn from (never dev):
1. NER train's one-word names (gold PER / ORG / LOC): how many the table knows, and their labels by band of each
   share: does a band say one label?
2. The time split's held-out fifth (documents 757-946, as `bench/crossval_ner.py --split time`), scored with the
   split's weights (`crossval_ner.py --weights-cache FILE` writes them): of the one-word gold names the whole entity
   pass gets wrong and right, how many the table knows and how many a band that leans to the gold label would reach,
   against the right ones a band that leans elsewhere would threaten.
3. Our outside-news texts (bench/outside_news): how many one-word names the table knows at all.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.build_lower_share import _OPENERS, _TOKEN, DEFAULT_CORPUS, text_lines  # noqa: E402
from bench.folds import default_eval  # noqa: E402

OUT = "name_contexts.txt.gz"
OPENERS = ROOT / "assets" / "models" / "name_openers.txt"
MIN = 3
OPENER_GIVEN, OPENER_PLACE = 0.6, 0.1
PERSON_VERBS = frozenset("said says told tells asked asks added adds replied wrote writes recalled recalls explained "
                         "explains".split())
PLACE_PREPS = frozenset("in to from near at outside".split())
STATS = ("given", "verb", "place")
BANDS = ((0.1, "<0.1"), (0.3, "0.1-0.3"), (0.6, "0.3-0.6"), (2.0, ">=0.6"))


def _title(t: str) -> bool:
    return len(t) > 1 and t[:1].isupper() and t[1:].islower()


def count(lines) -> dict[str, list[int]]:
    """word -> [mentions inside a sentence, followed by a title-case word, by a person's verb, after a place's
    preposition], over the title-case words of `lines` (lines in capitals say nothing and are skipped)."""
    got: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for line in lines:
        toks = _TOKEN.findall(line)
        if not toks or not any(t[:1].islower() for t in toks):
            continue
        start = True
        for i, t in enumerate(toks):
            if not start and _title(t):
                c = got[t]
                c[0] += 1
                nxt = toks[i + 1] if i + 1 < len(toks) else ""
                c[1] += _title(nxt)
                c[2] += nxt in PERSON_VERBS
                c[3] += i > 0 and toks[i - 1] in PLACE_PREPS
            start = t in _OPENERS
    return got


def table(got: dict[str, list[int]]) -> list[str]:
    """The table's lines, sorted, for words with MIN or more mentions."""
    return [f"{w}\t{c[0]}\t{c[1]}\t{c[2]}\t{c[3]}\n" for w, c in sorted(got.items()) if c[0] >= MIN]


def build(corpus: str, eval_dir: Path) -> bytes:
    """The gzipped table for the corpus at `corpus` and the quotes training texts under `eval_dir`."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as gz:
        gz.write("".join(table(count(text_lines(corpus, eval_dir)))).encode("utf-8"))
    return buf.getvalue()


def openers(stats: dict[str, tuple[int, ...]]) -> str:
    """The text of name_openers.txt: a header, then the words (lower case, sorted) that news mostly writes before
    another title-case word and seldom after a place's preposition."""
    words = sorted({w.lower() for w, (n, given, _, place) in stats.items()
                    if given >= OPENER_GIVEN * n and place < OPENER_PLACE * n})
    head = (f"# Words plain news writes before another capitalised word at least {OPENER_GIVEN:.0%} of the time and after "
            f"a place's preposition under {OPENER_PLACE:.0%} (of {MIN}+ mentions inside a sentence).\n"
            "# Learned by bench/name_contexts.py openers from the unlabelled corpus and the quotes training texts; "
            "do not edit.\n")
    return head + "".join(w + "\n" for w in words)


def read_table(data: bytes) -> dict[str, tuple[int, ...]]:
    """word -> (n, given, verb, place) from a table's gzipped bytes."""
    out = {}
    for ln in gzip.decompress(data).decode("utf-8").splitlines():
        w, *nums = ln.split("\t")
        out[w] = tuple(int(x) for x in nums)
    return out


def band(share: float) -> str:
    """The band name of a share."""
    return next(name for bound, name in BANDS if share < bound)


def leaning(stats: dict[str, tuple[int, ...]], word: str) -> dict[str, str]:
    """For each statistic, the band of the word's share ("rare" when the table lacks the word)."""
    c = stats.get(word)
    if c is None:
        return {s: "rare" for s in STATS}
    return {s: band(c[k + 1] / c[0]) for k, s in enumerate(STATS)}


def _one_word_golds(doc: dict) -> list[tuple[int, int, str]]:
    t = doc["text"]
    return [(e["start"], e["end"], e["label"]) for e in doc["entities"]
            if e["label"] in ("PERSON", "ORG", "LOC") and " " not in t[e["start"]:e["end"]]
            and _title(t[e["start"]:e["end"]])]


def screen(stats: dict[str, tuple[int, ...]], eval_dir: Path, weights: str) -> None:
    """Print the three checks of the module notes."""
    path = eval_dir / "ner" / "train" / "conll2003_train.jsonl"
    docs = [json.loads(ln) for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    # 1. labels by band, all of NER train
    by: dict[tuple[str, str], Counter] = defaultdict(Counter)
    known = total = 0
    for d in docs:
        for s, e, lab in _one_word_golds(d):
            w = d["text"][s:e]
            total += 1
            known += w in stats
            for st, b in leaning(stats, w).items():
                by[st, b][lab] += 1
    print(f"1. NER train, one-word names: {total}, the table knows {known} ({100 * known / max(total, 1):.1f} %)")
    for st in STATS:
        for _, b in BANDS + ((0, "rare"),):
            c = by[st, b]
            n = sum(c.values())
            if n:
                shares = " ".join(f"{lab} {100 * c[lab] / n:4.1f}" for lab in ("PERSON", "ORG", "LOC"))
                print(f"   {st:5} {b:8} {n:6}  {shares}")
    lean = {}  # (stat, band) -> the label it leans to, if one has 70 % or more of its names
    for (st, b), c in by.items():
        n = sum(c.values())
        lab, top = c.most_common(1)[0]
        if b != "rare" and n >= 30 and top / n >= 0.7:
            lean[st, b] = lab
    print("   bands leaning to one label (70 %+, 30+ names): "
          + ", ".join(f"{st} {b} -> {lab}" for (st, b), lab in sorted(lean.items())))
    # 2. the time split's held-out fifth, with its weights
    if weights:
        from tui.engine.entities import extract_entities, to_scorer_label
        from tui.engine.entities import tagger as tagger_mod

        from bench.train_ner import CacheMismatch, read_cache

        try:
            learned = read_cache(Path(weights))
        except (CacheMismatch, ValueError) as exc:
            print(f"name_contexts: {exc}".splitlines()[0], file=sys.stderr)
            return
        tagger_mod._model = tagger_mod.Tagger(learned, tagger_mod.CLASSES, decoder="viterbi")
        held = docs[757:]
        rows = Counter()
        relabel: dict[tuple[str, str, str, str], list[int]] = defaultdict(lambda: [0, 0])
        for d in held:
            pred = {(e.start, e.end): to_scorer_label(e.label) for e in extract_entities(d["text"])}
            for s, e, lab in _one_word_golds(d):
                w = d["text"][s:e]
                got = pred.get((s, e))
                right = got == lab
                kind = "right" if right else "wrong"
                for st, b in leaning(stats, w).items():  # a relabelling "tagged `got`, in this band -> its lean"
                    to = lean.get((st, b))
                    if to and got in ("PERSON", "ORG", "LOC") and got != to:
                        relabel[st, b, got, to][0 if to == lab else 1] += 1
                rows[kind, "all"] += 1
                rows[kind, "known"] += w in stats
                leans = {lean.get((st, b)) for st, b in leaning(stats, w).items()} - {None}
                if leans == {lab}:
                    rows[kind, "leans to gold"] += 1
                elif leans and lab not in leans:
                    rows[kind, "leans elsewhere"] += 1
        print(f"2. time split held out ({len(held)} documents), one-word gold names, the whole entity pass:")
        for kind in ("wrong", "right"):
            print(f"   {kind:5}: {rows[kind, 'all']:5}, known {rows[kind, 'known']:5}, a band leans to the gold label "
                  f"{rows[kind, 'leans to gold']:5}, only elsewhere {rows[kind, 'leans elsewhere']:5}")
        print("   each band's lean as a relabelling of the pass's one-word names (names it would fix / break):")
        for (st, b, got, to), (fix, brk) in sorted(relabel.items()):
            print(f"   {st:5} {b:8} {got:6} -> {to:6} fixes {fix:4}, breaks {brk:4}")
    # 3. our outside texts
    sys.path.insert(0, str(ROOT / "bench"))
    from bench.quality_outside import TEXTS, parse

    n = k = 0
    for p in sorted(TEXTS.glob("*.txt")):
        text, gold = parse(p.read_text(encoding="utf-8"))
        for s, e, lab in gold:
            if lab in ("PERSON", "ORG", "LOC") and " " not in text[s:e]:
                n += 1
                k += text[s:e] in stats
    print(f"3. our outside texts: {n} one-word gold names, the table knows {k}")


def main() -> None:
    """Write the table, or screen it."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("what", choices=("table", "screen", "openers"))
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--eval", default=str(default_eval()))
    ap.add_argument("--out", default="", help=f"table: {OUT} in the working folder; openers: the shipped asset")
    ap.add_argument("--weights", default="", help="screen: the time split's weights (crossval_ner --weights-cache)")
    args = ap.parse_args()
    data = build(args.corpus, Path(args.eval))
    if args.what == "table":
        Path(args.out or OUT).write_bytes(data)
        print(f"wrote {args.out or OUT} ({len(data)} bytes)")
        return
    if args.what == "openers":
        out = Path(args.out or OPENERS)
        out.write_text(openers(read_table(data)), encoding="utf-8")
        print(f"wrote {out} ({out.stat().st_size} bytes)")
        return
    screen(read_table(data), Path(args.eval), args.weights)


if __name__ == "__main__":
    main()
