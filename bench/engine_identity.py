"""Digest of the engine's whole output on many texts: proves a speed change changed no result.

Usage: python bench/engine_identity.py [--write FILE | --check FILE | --shortcuts] [--eval EVAL_DIR] [--quick]

Texts (read at run time, nothing is copied into the repository): our ten sample articles (their imported bodies,
with titles), the texts of the summary, quote and NER dev sets under EVAL_DIR (default ../shared/eval next to
the repository; measured only), generated bench articles of 800 and 10,000 words, and the adversarial bench texts
at 100 KB. Each text's `analyze()` output (sentences, summary, entities, quotes, as JSON) is hashed with SHA-256.
`--write FILE` stores {text id: digest}; `--check FILE` compares against such a file and prints every text whose
output differs (exit 1 if any). Without either it prints the overall digest. `--quick` skips the 100 KB texts.
Compare two trees: run `--write` with PYTHONPATH=OLD_TREE, then `--check` here.

`--shortcuts` checks, on the same texts and within this tree, each speed shortcut against the plain computation it
replaces (useful when other changes to the output landed meanwhile, so no old tree has the same output): the
tagger's whole-document scoring and decoding against its plain per-token path (for the shipped weights' decoder:
Viterbi's `path_plain`, or greedy `tag_plain`), the number/date rules' triggers against `finditer`,
the guarded token pattern against the plain one, the summary's boilerplate shortcut against the full pattern, the
rules skipped for texts without their literals against running every rule, the sentence splitter's quick look for
abbreviation ends against searching every span, and personal_voice's pattern against its word-by-word count.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _jsonl(path: Path):
    if not path.exists():
        return
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def texts(eval_dir: Path, quick: bool = False):
    """(id, title, text) of every text the check runs on."""
    from tui.assets import asset
    from tui.importers import import_paths

    folder = Path(asset("articles"))
    for path in sorted(folder.iterdir()):
        if path.name == "README.md":
            continue
        for item in import_paths([str(path)]):
            if item.article is not None:
                yield f"sample:{path.name}", item.article.title, item.article.body
    for doc in _jsonl(eval_dir / "summ" / "dev.jsonl"):
        yield f"summ:{doc['id']}", doc.get("title"), doc["text"]
    for doc in _jsonl(eval_dir / "quotes" / "dev" / "polnear_dev.jsonl"):
        yield f"quotes:{doc['id']}", None, doc["text"]
    for name in ("conll2003_dev.jsonl", "gum_news_dev.jsonl"):
        for doc in _jsonl(eval_dir / "ner" / "dev" / name):
            yield f"ner:{doc['id']}", None, doc["text"]
    from bench.generate import body_of_words

    for k, words in enumerate([800] * 6 + [10_000] * (0 if quick else 2)):
        title, body = body_of_words(words, seed=500 + k)
        yield f"generated:{words}:{k}", title, body
    if not quick:
        from bench.measures.adversarial import texts as hostile

        for name, text in hostile(100_000).items():
            yield f"adversarial:{name}", None, text


def digests(eval_dir: Path, quick: bool = False) -> dict[str, str]:
    """{text id: SHA-256 of its analysis as canonical JSON}."""
    from tui.engine.analysis import analyze

    out = {}
    for key, title, text in texts(eval_dir, quick):
        data = json.dumps(analyze(text, title=title).to_dict(), sort_keys=True, ensure_ascii=False)
        out[key] = hashlib.sha256(data.encode("utf-8")).hexdigest()
    return out


def shortcut_differences(eval_dir: Path, quick: bool = False) -> dict[str, int]:
    """How many texts (or sentences) each speed shortcut gets different from its plain computation."""
    from tui.engine.entities import _bounded, rules, tokens
    from tui.engine.entities.tagger import Tagger, load_tagger, prepare
    from tui.engine import sentences
    from tui.engine.sentences import split_sentences
    from tui.engine.summarize import filters
    from tui.engine.summarize.news import _personal_voice_counted, personal_voice

    tagger = load_tagger()
    # float weights: no whole-document scorer, each token's scores summed from its feature strings
    plain_tagger = Tagger({f: [float(x) for x in v] for f, v in tagger.w.items()}, tagger.classes,
                          decoder="viterbi" if tagger.viterbi else "greedy")
    bad = dict.fromkeys(("tagger", "rules", "rule_needs", "tokens", "boilerplate", "abbreviations", "voice"), 0)
    needs = rules._NEEDS
    for _, _, text in texts(eval_dir, quick):
        bounded = _bounded(text)
        segs, mid, low = prepare(bounded)
        plain = plain_tagger.tag_segments(segs, mid, low, {})
        bad["tagger"] += tagger.tag_segments(segs, mid, low, {}) != plain
        bad["rules"] += any([m.span() for m in rules._matches(label, rx, bounded)] != [m.span() for m in rx.finditer(bounded)]
                            for label, rx in rules.RULES)
        bad["tokens"] += [m.span() for m in tokens._TOKEN.finditer(text)] != [
            m.span() for m in tokens.PLAIN_TOKEN.finditer(text)]
        sents = split_sentences(bounded)
        bad["boilerplate"] += sum(filters.is_boilerplate(s.text) != (filters._BOILERPLATE.search(s.text) is not None)
                                  for s in sents)
        bad["voice"] += sum(personal_voice(s.text) != _personal_voice_counted(s.text) for s in sents)
        fast = rules.rule_spans(bounded)
        rules._NEEDS = {}  # every rule run over every text
        try:
            bad["rule_needs"] += rules.rule_spans(bounded) != fast
        finally:
            rules._NEEDS = needs
        quick_look = sentences._PERIOD_SPACE
        sentences._PERIOD_SPACE = re.compile("")  # matches everywhere: every span searched for abbreviations
        try:
            bad["abbreviations"] += split_sentences(bounded) != sents
        finally:
            sentences._PERIOD_SPACE = quick_look
    return bad


def main(argv: list[str] | None = None) -> int:
    """Command line: write or check the digests."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", type=Path)
    ap.add_argument("--check", type=Path)
    ap.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--shortcuts", action="store_true")
    args = ap.parse_args(argv)
    if args.shortcuts:
        bad = shortcut_differences(args.eval, args.quick)
        print("shortcuts:", ", ".join(f"{k} {v} differ" for k, v in bad.items()))
        return 1 if any(bad.values()) else 0
    t0 = time.process_time()
    got = digests(args.eval, args.quick)
    total = hashlib.sha256("".join(f"{k}={v}\n" for k, v in sorted(got.items())).encode()).hexdigest()
    print(f"{len(got)} texts, digest {total[:16]}, {time.process_time() - t0:.1f} s CPU")
    if args.write:
        args.write.write_text(json.dumps(got, indent=0, sort_keys=True), encoding="utf-8")
    if args.check:
        want = json.loads(args.check.read_text(encoding="utf-8"))
        bad = sorted(k for k in set(want) | set(got) if want.get(k) != got.get(k))
        for k in bad:
            print("DIFFERS:", k)
        print("identical" if not bad else f"{len(bad)} of {len(want)} texts differ")
        return 1 if bad else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
