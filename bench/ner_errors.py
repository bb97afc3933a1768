"""Sort the entity pass's errors on the honest time split (or a dev set) into kinds, by the kind of line.

    python bench/ner_errors.py --weights-cache FILE [--clusters FILE] [--eval ../shared/eval] [--set time|conll|gum]
                               [--show KIND] [--limit 40]

`--weights-cache` is a file `crossval_ner.py --weights-cache` wrote (the fold's rounded weights; nothing is trained
here) or, for a dev set, any weights file the tagger reads (gzip JSON as shipped). The scored entities are
PERSON / ORG / LOC with exact spans, as crossval_ner.py and quality_ner.py score them. Every gold or predicted span
that is not an exact match is counted once in one kind:

* ``type``     the same span, another label ("Seattle" LOC where the gold says ORG);
* ``boundary`` a predicted span overlapping a gold one with other edges (a name cut short or run on);
* ``missed``   a gold span no prediction overlaps;
* ``spurious`` a predicted span no gold one overlaps;

and by its line: ``caps`` (every letter a capital: headlines), ``table`` (a number and at most one lower-case
word: scores, standings) or ``prose``. `--show KIND` prints examples of one kind with their line. The dev sets only
measure: read their examples to understand a kind of error, never to write a rule or a word list from them.

`--doc` adds the document-level kinds (`doc_kinds`, session 17): among the names the gold marks at least twice in
a document (by their text), ``flipped`` (every mention wrong: one name read wrongly everywhere) and ``mixed``
(some mentions right, some wrong); ``borrowed``, a wrong predicted span whose label another predicted name of
the document, with other text but a capitalised word in common, also carries ("Asante Kotoko" PERSON beside
"Asante" PERSON); and the tagger's second pass (`Tagger.two_pass`): the gold spans found only with it
(``second pass gains``) and only without it (``second pass losses``). `--show flipped` / `--show borrowed` prints them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import train_ner  # noqa: E402
from bench.folds import TIME_HELD, default_eval  # noqa: E402
from bench.quality_ner import predict_sets  # noqa: E402
from tui.engine.entities import clusters, tagger as tagger_mod  # noqa: E402
from tui.engine.entities.features import is_upper_line  # noqa: E402
from tui.engine.entities.tokens import tokenize  # noqa: E402

_SCORED = ("PERSON", "ORG", "LOC")
_SETS = {"conll": "dev/conll2003_dev.jsonl", "gum": "dev/gum_news_dev.jsonl"}


def line_kind(text: str, start: int) -> str:
    """caps, table or prose: the kind of the line of `text` holding offset `start`."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    line = text[a:b if b >= 0 else len(text)]
    toks = [line[s:e] for s, e in tokenize(line)]
    if is_upper_line(toks):
        return "caps"
    digits = sum(1 for t in toks if t[:1].isdigit())
    lower = sum(1 for t in toks if t[:1].islower() and t.isalpha())
    return "table" if digits and lower <= 1 and len(toks) >= 2 else "prose"


def classify(gold: set, pred: set) -> list[tuple[str, tuple, tuple | None]]:
    """(kind, the gold or predicted span it is about, the other span or None) of each error of one document."""
    out = []
    exact = gold & pred
    g_rest, p_rest = gold - exact, pred - exact
    used = set()
    for g in sorted(g_rest):
        same = [p for p in p_rest if p[:2] == g[:2]]
        if same:
            out.append(("type", g, same[0]))
            used.add(same[0])
            continue
        over = [p for p in p_rest if p[0] < g[1] and g[0] < p[1]]
        if over:
            out.append(("boundary", g, over[0]))
            used.update(over)
        else:
            out.append(("missed", g, None))
    for p in sorted(p_rest - used):
        if not any(g[0] < p[1] and p[0] < g[1] for g in gold):
            out.append(("spurious", p, None))
    return out


_CAPWORD = re.compile(r"[A-Z][\w'.&-]*")


def doc_kinds(text: str, gold: set, pred: set, one_pass: set | None = None) -> dict[str, list]:
    """The document-level errors of one document (see the module's docstring): kind -> the spans it is about
    (for ``flipped`` and ``mixed``, one list of gold spans per name; for ``borrowed``, (wrong span, the other
    name's span)); ``gains`` / ``losses`` compare `pred` with `one_pass` (the second pass off), when given."""
    out: dict[str, list] = {"names": [], "flipped": [], "mixed": [], "borrowed": [], "gains": [], "losses": []}
    by_name: dict[str, list] = {}
    for g in sorted(gold):
        by_name.setdefault(text[g[0]:g[1]], []).append(g)
    for spans in by_name.values():
        if len(spans) < 2:
            continue
        out["names"].append(spans)
        right = sum(g in pred for g in spans)
        if not right:
            out["flipped"].append(spans)
        elif right < len(spans):
            out["mixed"].append(spans)
    words = {p: set(_CAPWORD.findall(text[p[0]:p[1]])) for p in pred}
    for p in sorted(pred - gold):
        name = text[p[0]:p[1]]
        other = next((q for q in sorted(pred) if q[2] == p[2] and text[q[0]:q[1]] != name and words[q] & words[p]),
                     None)
        if other is not None:
            out["borrowed"].append((p, other))
    if one_pass is not None:
        out["gains"] = sorted((gold & pred) - one_pass)
        out["losses"] = sorted((gold & one_pass) - pred)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default=str(default_eval()))
    ap.add_argument("--set", choices=("time", "conll", "gum"), default="time")
    ap.add_argument("--weights-cache", required=True)
    ap.add_argument("--clusters", default="", help="as crossval_ner.py (the held-out clusters for the time split)")
    ap.add_argument("--decoder", choices=("viterbi", "greedy"), default="viterbi", help="the decoder a "
                    "--weights-cache (weights only) was learned for (crossval_ner.py --decoder); a .gz file names its own")
    ap.add_argument("--show", default="", help="print examples of this kind (type, boundary, missed, spurious)")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--doc", action="store_true", help="the document-level kinds too (flipped, mixed, borrowed, "
                    "the second pass's gains and losses): `doc_kinds`")
    args = ap.parse_args()
    if args.clusters:
        clusters.use_file(Path(args.clusters))
    cache = Path(args.weights_cache)
    if cache.suffix == ".gz":
        with gzip.open(cache, "rt", encoding="utf-8") as fh:
            text = fh.read()
        tagger_mod._model = tagger_mod.Tagger(*tagger_mod.read_weights(text), decoder=tagger_mod.decoder_of(text))
    else:
        try:
            weights = train_ner.read_cache(cache)
        except (train_ner.CacheMismatch, ValueError) as exc:
            print(f"ner_errors: {exc}".splitlines()[0], file=sys.stderr)
            return 2
        tagger_mod._model = tagger_mod.Tagger(weights, tagger_mod.CLASSES, decoder=args.decoder)
    ner = Path(args.eval) / "ner"
    if args.set == "time":
        rows = [ln for ln in (ner / "train" / "conll2003_train.jsonl").read_text(encoding="utf-8").splitlines()
                if ln.strip()]
        docs = [json.loads(ln) for ln in rows[round(len(rows) * (1 - TIME_HELD)):]]
    else:
        docs = [json.loads(ln) for ln in (ner / _SETS[args.set]).read_text(encoding="utf-8").splitlines()
                if ln.strip()]
    golds = [{(e["start"], e["end"], e["label"]) for e in d["entities"] if e["label"] in _SCORED} for d in docs]
    preds = predict_sets(docs)
    counts: Counter = Counter()
    lines: Counter = Counter()  # gold spans by line kind
    shown = 0
    for d, g, p in zip(docs, golds, preds):
        text = d["text"]
        for s in g:
            lines[line_kind(text, s[0])] += 1
        for kind, span, other in classify(g, p):
            where = line_kind(text, span[0])
            counts[kind, where] += 1
            if args.show == kind and shown < args.limit:
                shown += 1
                a = text.rfind("\n", 0, span[0]) + 1
                b = text.find("\n", span[0])
                line = text[a:b if b >= 0 else len(text)]
                got = f" / {text[other[0]:other[1]]!r} {other[2]}" if other else ""
                print(f"{where:6} {text[span[0]:span[1]]!r} {span[2]}{got}   | {line[:110]}")
    kinds = ("type", "boundary", "missed", "spurious")
    wheres = ("prose", "caps", "table")
    print(f"{len(docs)} documents, {sum(map(len, golds))} gold spans (prose {lines['prose']}, caps {lines['caps']}, "
          f"table {lines['table']})")
    print("kind      " + "".join(f"{w:>8}" for w in wheres) + "   total")
    for k in kinds:
        print(f"{k:9} " + "".join(f"{counts[k, w]:8}" for w in wheres) + f"{sum(counts[k, w] for w in wheres):8}")
    if args.doc:
        print_doc_kinds(docs, golds, preds, args.show, args.limit)
    return 0


def print_doc_kinds(docs: list[dict], golds: list[set], preds: list[set], show: str, limit: int) -> None:
    """`--doc`: the document-level kinds summed over `docs` (the second pass switched off once to compare)."""
    model = tagger_mod.load_tagger()
    model.two_pass = not model.two_pass
    try:
        others = predict_sets(docs)
    finally:
        model.two_pass = not model.two_pass
    ones = others if model.two_pass else preds
    twos = preds if model.two_pass else others
    total: Counter = Counter()
    shown = 0
    for d, g, p, o in zip(docs, golds, twos, ones):
        text = d["text"]
        got = doc_kinds(text, g, p, o)
        total["names"] += len(got["names"])
        for k in ("flipped", "mixed"):
            total[k] += len(got[k])
            total[k + " wrong"] += sum(s not in p for spans in got[k] for s in spans)
        for k in ("borrowed", "gains", "losses"):
            total[k] += len(got[k])
        for item in got[show] if show in ("flipped", "borrowed") else ():
            if shown < limit:
                shown += 1
                if show == "flipped":
                    spans = item
                    found = sorted({f"{text[q[0]:q[1]]!r} {q[2]}" for q in p for s in spans if q[0] < s[1] and s[0] < q[1]})
                    print(f"flipped  {text[spans[0][0]:spans[0][1]]!r} {spans[0][2]} x{len(spans)} -> "
                          f"{', '.join(found) or 'nothing'}")
                else:
                    (a, b, lab), (c, e, _) = item
                    print(f"borrowed {text[a:b]!r} {lab}, as {text[c:e]!r}")
    print(f"names marked twice or more: {total['names']}; flipped (every mention wrong) {total['flipped']} "
          f"({total['flipped wrong']} mentions), mixed {total['mixed']} ({total['mixed wrong']} wrong mentions); "
          f"borrowed {total['borrowed']}; second pass gains {total['gains']}, losses {total['losses']}")


if __name__ == "__main__":
    sys.exit(main())
