"""Cross-validation of quotes and speakers on PolNeAR *train*: an honest estimate without touching dev.

    python bench/crossval_quotes.py [EVAL_DIR] [--folds 5] [--fold N] [--entities] [--ablate] [--misses] [--by-how]
                                    [--repeats N] [--errors] [--rule NAME]

Train articles are split into `--folds` folds (bench/folds.py). For each held-out fold (every fold, or only
`--fold N`) the speaker ranker is learnt (bench/train_quotes.py's code and defaults) on the other folds, and
the quote pass with those weights (and the quote gate, bench/train_quote_gate.py, learnt on the same folds) is
scored on the held-out fold with the shared scorer's own tests, in
process (quote+speaker F1, quote spans, and each half of the fold). The rules run once per article; only the
ranker's choice depends on the fold. ``--misses`` sorts every wrongly scored quote of the held-out folds
into buckets (wrong candidate chosen, right speaker never a candidate, spans, pronouns, unnamed speakers).
``--by-how`` prints, for the quotes the ranker decides, by how the rules found their speaker (after / before
the quote, inherited, none ...; with a he/she tag or not), how often the rules, the ranker and the best
candidate (the oracle) are right on the held-out folds: where the ranker still leaves points.
``--repeats N`` also learns and scores N partitions of the articles into folds (the default one first) and prints
their mean and spread: compare changes by that mean, not by one partition's figure.
``--errors`` sorts the same wrong quotes into error classes, one each (the first that fits, in the order of
ERROR_CLASSES: quotes missed or extra, no speaker found, "according to", a role phrase against a name, the
speaker outside the candidate window, a he/she tag resolved wrong, the previous speaker carried over wrongly ...)
and prints a table of counts, with how many of each class had the right speaker among the ranker's candidates
(what a better ranker could still win) and each half's count.
``--ablate`` switches each quote rule off in turn (the ranker keeps each fold's weights) and
prints its worth on all held-out articles pooled and on their two halves (F1 on minus off, bench/folds.py); ``--rule NAME`` (repeatable): only those rules.
``--entities`` gives the quote pass the tagger's entities, as the app does (learnt and scored so). Nothing is
written to the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import train_quote_gate, train_quotes  # noqa: E402
from bench.folds import ablation_header, ablation_row, default_eval, fold_of, half_of  # noqa: E402

MIN_WORDS = 4  # the scorer's default: only quotes of 4+ words are scored


def counts(case, said: list[str | None], sc) -> Counter:
    """The shared scorer's counts (quote+speaker tp, predicted, gold, span matches) for one article."""
    text, c = case.text, Counter()
    gq = [g for g in case.gold if g.get("n_words", 99) >= MIN_WORDS]
    gs = [sc.trim(text, g["start"], g["end"]) for g in gq]
    pq, ps = [], []
    for q, who in zip(case.quotes, said):
        s, e = sc.trim(text, q.start, q.end)
        if len(text[s:e].split()) >= MIN_WORDS:
            pq.append(who)
            ps.append((s, e))
    c["gold"], c["pred"] = len(gs), len(ps)
    for gi, pi in sc.greedy(gs, ps, lambda a, b, cc, d, ov: ov >= 0.5 * max(b - a, d - cc)):
        c["span"] += 1
        g = gq[gi]
        c["tp"] += bool(sc.speaker_ok(pq[pi], g)) if g.get("speaker") else not pq[pi]
    return c


def f1(tp: int, pred: int, gold: int) -> float:
    """F1 in points."""
    return 200 * tp / (pred + gold) if pred + gold else 0.0


def fold_in(doc_id: str, folds: int, repeat: int = 0) -> int:
    """The fold of a document in partition `repeat`: 0 is bench/folds.py's fold_of (the figures in the README);
    each other repeat splits the articles afresh (MD5 of "fold<repeat>:" + id)."""
    if not repeat:
        return fold_of(doc_id, folds)
    return int(hashlib.md5(f"fold{repeat}:{doc_id}".encode("utf-8")).hexdigest(), 16) % folds


def fold_scores(cases, weights: dict, folds: int, sc, repeat: int = 0, gates: dict | None = None) -> dict:
    """Per held-out fold k: [quote+speaker F1, span F1, half 0 F1, half 1 F1]; under the key "pooled" the same
    over every held-out article at once (each article scored with its own fold's weights, and with `gates` its
    own fold's quote gate)."""
    out, pooled, pooled_h = {}, Counter(), [Counter(), Counter()]
    for k, w in weights.items():
        tot, halves = Counter(), [Counter(), Counter()]
        for case in cases:
            if fold_in(case.id, folds, repeat) != k:
                continue
            case = gated(case, gates.get(k) if gates else None)
            c = counts(case, train_quotes.speakers(case, w), sc)
            tot += c
            halves[half_of(case.id)] += c
        out[k] = _f1s(tot, halves)
        pooled += tot
        for h in (0, 1):
            pooled_h[h] += halves[h]
    out["pooled"] = _f1s(pooled, pooled_h)
    return out


def _f1s(tot: Counter, halves: list[Counter]) -> list[float]:
    return [f1(tot["tp"], tot["pred"], tot["gold"]), f1(tot["span"], tot["pred"], tot["gold"])] + [
        f1(h["tp"], h["pred"], h["gold"]) for h in halves]


def gated(case, w: dict | None):
    """The case with the quotes the quote gate under weights w drops taken out (their candidates and hows too; the
    ranker's features of the others were computed with every quote there, as in the engine). w None: the case."""
    if not w or not case.quotes:
        return case
    from tui.engine.quotes import extract, gate

    keep = gate.keep(case.text, case.quotes, case.hows, extract._Lines(case.text).bounds, w)
    if all(keep):
        return case
    pick = [i for i, k in enumerate(keep) if k]
    return train_quotes.Case(case.id, case.text, case.gold, [case.quotes[i] for i in pick],
                             [case.cands[i] for i in pick] if case.cands else case.cands,
                             [case.hows[i] for i in pick] if case.hows else case.hows)


def learn_gates(cases, held: list[int], folds: int, sc, repeat: int = 0, data=None) -> dict[int, dict] | None:
    """The quote gate's weights for each held-out fold, learnt on the other folds (bench/train_quote_gate.py);
    None when the rule "quote-gate" is off."""
    from tui.engine import rules

    if not rules.enabled("quote-gate"):
        return None
    data = train_quote_gate.examples_of(cases, sc) if data is None else data
    return {k: train_quote_gate.train([d for d in data if fold_in(d[0], folds, repeat) != k]) for k in held}


def learn(cases, held: list[int], folds: int, sc, epochs: int, repeat: int = 0, data=None) -> dict[int, dict]:
    """The ranker's weights for each held-out fold, learnt on the other folds (of partition `repeat`)."""
    data = train_quotes.examples_of(cases, sc) if data is None else data
    return {k: train_quotes.train([d for d in data if fold_in(d[0], folds, repeat) != k], epochs) for k in held}


def repeats(cases, folds: int, sc, epochs: int, n: int) -> None:
    """Pooled CV over `n` partitions of the articles into folds (the first is the default one): one partition's
    luck moves the figure by more than most single changes are worth; the mean over several moves less."""
    import statistics

    data = train_quotes.examples_of(cases, sc)
    gdata = train_quote_gate.examples_of(cases, sc)
    got = []
    for r in range(n):
        w = learn(cases, list(range(folds)), folds, sc, epochs, r, data)
        g = learn_gates(cases, list(range(folds)), folds, sc, r, gdata)
        got.append(fold_scores(cases, w, folds, sc, r, g)["pooled"])
        p = got[-1]
        print(f"partition {r}: quote+speaker F1 {p[0]:.2f} (halves {p[2]:.2f} / {p[3]:.2f})", flush=True)
    mean = [statistics.fmean(p[i] for p in got) for i in range(4)]
    sd = statistics.stdev(p[0] for p in got) if n > 1 else 0.0
    print(f"mean of {n} partitions: quote+speaker F1 {mean[0]:.2f} (sd {sd:.2f}; halves {mean[2]:.2f} / {mean[3]:.2f}), "
          f"spans {mean[1]:.2f}")


def scored_pairs(case, sc) -> tuple[list[dict], list[int], list[tuple[int, int]], list[tuple[int, int]]]:
    """The case's gold quotes of MIN_WORDS or more, the indexes of its predicted quotes as long, their trimmed spans,
    and the scorer's pairs (gold index, index into those predicted) of quotes overlapping by half the longer span."""
    text = case.text
    gq = [g for g in case.gold if g.get("n_words", 99) >= MIN_WORDS]
    gs = [sc.trim(text, g["start"], g["end"]) for g in gq]
    idx = [i for i, q in enumerate(case.quotes)
           if len(text[slice(*sc.trim(text, q.start, q.end))].split()) >= MIN_WORDS]
    ps = [sc.trim(text, case.quotes[i].start, case.quotes[i].end) for i in idx]
    return gq, idx, ps, sc.greedy(gs, ps, lambda a, b, cc, d, ov: ov >= 0.5 * max(b - a, d - cc))


def misses(cases, weights: dict[int, dict], folds: int, sc, show: int, gates: dict | None = None) -> None:
    """Bucket every wrongly scored quote of the held-out folds by what went wrong."""
    buckets: Counter = Counter()
    samples: dict[str, list[str]] = {}
    for case in cases:
        k = fold_of(case.id, folds)
        if k not in weights:
            continue
        case = gated(case, gates.get(k) if gates else None)
        said = train_quotes.speakers(case, weights[k])
        text = case.text
        gq, idx, ps, pairs = scored_pairs(case, sc)
        got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
        for gi, g in enumerate(gq):
            if gi not in got_g:
                _add(buckets, samples, "span: gold quote missed", case, g["start"], g.get("speaker"), None)
        for pi in range(len(ps)):
            if pi not in got_p:
                q = case.quotes[idx[pi]]
                _add(buckets, samples, "span: spurious quote", case, q.start, None, said[idx[pi]])
        for gi, pi in pairs:
            g, i = gq[gi], idx[pi]
            who = said[i]
            ok = sc.speaker_ok(who, g) if g.get("speaker") else not who
            if ok:
                continue
            kind = g.get("speaker_kind") or "none"
            cs = case.cands[i] if case.cands else []
            if not g.get("speaker"):
                why = "gold has no speaker, we give one"
            elif not cs:
                why = "rules' choice kept (trusted), " + ("no speaker" if who is None else "wrong")
            elif any(sc.speaker_ok(c.name, g) for c in cs):
                why = "ranker: wrong candidate chosen"
            else:
                why = "ranker: right speaker never a candidate"
            if surname_only_gold(who, g):
                kind += ", a bare name marked nominal"  # our full name fails the scorer's word-subset test
            elif kind in ("nominal", "pronoun") and not g.get("speaker_canonical"):
                kind += ", no name in gold"  # only the gold words themselves can match
            _add(buckets, samples, f"{why} [gold {kind}]", case, g["start"], g.get("speaker_canonical") or g.get("speaker"), who)
    print(f"\n{'wrong quotes on the held-out folds, by bucket':<70}{'count':>6}")
    for name, n in buckets.most_common():
        print(f"{name:<70}{n:>6}")
        for line in samples[name][:show]:
            print("    " + line)


# The error classes of --errors, in the order they are tried (the first that fits a wrong quote is its class).
ERROR_CLASSES = (
    "span: gold quote missed",
    "span: extra quote (gold marks none)",
    "gold has no speaker, we give one",
    "no speaker found",
    "gold a bare pronoun with no name",  # only the gold words score: "he", "one", "it"
    "gold a bare surname marked nominal",  # our fuller name fails the scorer's word test (surname_only_gold)
    "'according to'",
    "role phrase vs name",
    "speaker outside the window",  # named in the text, never within the ranker's window (ranker.BEFORE / AFTER)
    "he/she tag resolved wrong",
    "previous speaker carried over wrongly",
    "no tag: a person near the quote, wrong",
    "named tag, wrong",  # the rules' own name in the quote's tag, kept (ranker.trusted) or overruled
    "other",
)


def _description(s: str | None) -> bool:
    """Is a speaker string a description ("the president", "a top aide", "officials") rather than a name?"""
    s = (s or "").strip()
    return bool(s) and (s[:1].islower() or s.lower().startswith(("the ", "a ", "an ")))


def _outside(g: dict, text: str, window: tuple[int, int]) -> bool:
    """Is the gold speaker's name (canonical, or the gold words when a name) in the text but never inside the
    candidate window (so the ranker could not see them)?"""
    name = g.get("speaker_canonical") or (g.get("speaker") if g.get("speaker_kind") == "name" else None)
    words = (name or "").replace("\u2019", "'").removesuffix("'s").split()
    if not words:
        return False
    last = re.compile(r"\b" + re.escape(words[-1]) + r"\b")
    return bool(last.search(text)) and not last.search(text, window[0], window[1])


def error_class(g: dict | None, pred: str | None, how: str, tag: str, window: tuple[int, int] | None = None,
                has_right: bool = False, prev: bool = False, text: str = "") -> str:
    """The error class (ERROR_CLASSES) of one wrongly scored quote. `g`: its gold quote (None: we found a quote
    the gold does not mark); `pred`: our speaker; `how`: how the rules found theirs (extract._Scan.how); `tag`:
    the words of the rules' speaker mention ("he", "Smith", "" when none); `window`: the characters where the
    ranker gathers candidates (None: no candidates, the rules' choice stands); `has_right`: a candidate was the
    right speaker; `prev`: our speaker also spoke the previous quote."""
    if g is None:
        return "span: extra quote (gold marks none)"
    if pred == "<missed>":
        return "span: gold quote missed"
    gold = g.get("speaker")
    if not gold:
        return "gold has no speaker, we give one"
    if pred is None:
        return "no speaker found"
    kind, canon = g.get("speaker_kind"), g.get("speaker_canonical")
    if kind == "pronoun" and not canon and not has_right:
        return "gold a bare pronoun with no name"
    if surname_only_gold(pred, g):
        return "gold a bare surname marked nominal"
    if "according" in (g.get("cue") or "").lower():
        return "'according to'"
    if _description(canon or gold) != _description(pred) and (kind != "pronoun" or canon):
        return "role phrase vs name"  # gold writes a description as the phrase itself ("the judge")
    if window and not has_right and _outside(g, text, window):
        return "speaker outside the window"
    if tag.lower() in ("he", "she"):
        return "he/she tag resolved wrong"
    if how == "inherit" or (how == "none" and prev):
        return "previous speaker carried over wrongly"
    if how == "none":
        return "no tag: a person near the quote, wrong"
    if how in ("after", "before", "intro"):
        return "named tag, wrong"
    return "other"


def errors(cases, weights: dict[int, dict], folds: int, sc, show: int = 0, gates: dict | None = None) -> None:
    """A table of the wrong quotes of the held-out folds by error class (error_class), with how many had the
    right speaker among the ranker's candidates, and each half's count; then `show` examples of each class."""
    from tui.engine.quotes import ranker

    rows: dict[str, Counter] = {name: Counter() for name in ERROR_CLASSES}
    samples: dict[str, list[str]] = {}
    total = Counter()
    for case in cases:
        k = fold_of(case.id, folds)
        if k not in weights:
            continue
        case = gated(case, gates.get(k) if gates else None)
        h = half_of(case.id)
        text = case.text
        said = train_quotes.speakers(case, weights[k])
        gq, idx, ps, pairs = scored_pairs(case, sc)
        got_g, got_p = {g for g, _ in pairs}, {p for _, p in pairs}
        wrong = [(gq[gi], "<missed>", "none", "", None, False, False, gq[gi]["start"])
                 for gi in range(len(gq)) if gi not in got_g]
        wrong += [(None, said[idx[pi]], "none", "", None, False, False, ps[pi][0])
                  for pi in range(len(ps)) if pi not in got_p]
        total["quotes"] += len(gq)
        for gi, pi in pairs:
            g, i = gq[gi], idx[pi]
            who = said[i]
            if (sc.speaker_ok(who, g) if g.get("speaker") else not who):
                continue
            q = case.quotes[i]
            cs = case.cands[i] if case.cands else []
            how = case.hows[i] if case.hows else "none"
            tag = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else ""
            window = (max(0, q.start - ranker.BEFORE), q.end + ranker.AFTER) if cs else None
            has_right = bool(g.get("speaker")) and any(sc.speaker_ok(c.name, g) for c in cs)
            prev = bool(i and who and case.quotes[i - 1].speaker == who) or any(
                c.name == who and "prev" in c.feats for c in cs)
            wrong.append((g, who, how, tag, window, has_right, prev, q.start))
        for g, who, how, tag, window, has_right, prev, at in wrong:
            name = error_class(g, who, how, tag, window, has_right, prev, text)
            if show:
                gold = (g.get("speaker"), g.get("speaker_canonical")) if g else None
                ctx = " ".join(text[max(0, at - 200) : at + 160].split())
                samples.setdefault(name, []).append(f"{case.id} @{at} how={how} tag={tag!r} gold={gold!r} "
                                                    f"pred={who!r}\n      {ctx}")
            rows[name]["n"] += 1
            rows[name]["fixable"] += has_right
            rows[name][f"h{h}"] += 1
    n = sum(c["n"] for c in rows.values())
    print(f"\n{'wrong quotes on the held-out folds, by error class':<48}{'count':>7}{'share':>7}"
          f"{'cand ok':>9}{'half 0':>8}{'half 1':>8}")
    for name in sorted(ERROR_CLASSES, key=lambda x: -rows[x]["n"]):
        c = rows[name]
        if c["n"]:
            print(f"{name:<48}{c['n']:>7}{100 * c['n'] / max(n, 1):>6.1f}%{c['fixable']:>9}{c['h0']:>8}{c['h1']:>8}")
    print(f"{'all':<48}{n:>7}{'':>7}{sum(c['fixable'] for c in rows.values()):>9}"
          f"{sum(c['h0'] for c in rows.values()):>8}{sum(c['h1'] for c in rows.values()):>8}"
          f"   (gold quotes of 4+ words: {total['quotes']})")
    print("cand ok: the right speaker was among the ranker's candidates (a better choice could win it)")
    for name in ERROR_CLASSES:
        for line in samples.get(name, [])[:show]:
            print(f"[{name}] {line}")


def surname_only_gold(pred: str | None, g: dict) -> bool:
    """Is the gold speaker a bare name ("Sanders") marked "nominal" with no canonical name, while our speaker
    is that person's fuller name ("Bernie Sanders")? The scorer then wants our words to be a subset of the
    gold's, so the right person scores as wrong (a quirk of the data, counted apart by --misses)."""
    gold = (g.get("speaker") or "").replace("\u2019", "'").split()
    if g.get("speaker_kind") != "nominal" or g.get("speaker_canonical") or not gold or not pred:
        return False
    if not all(w[:1].isupper() for w in gold):
        return False
    last = gold[-1].removesuffix("'s").strip(",.").lower()
    return len(pred.split()) > len(gold) and pred.split()[-1].lower() == last


def by_how(cases, weights: dict[int, dict], folds: int, sc) -> None:
    """Held-out accuracy of the rules, the ranker and the oracle on the quotes the ranker decides, by how the
    rules found the speaker (the candidates' "how:" feature) and whether it was a he/she in the quote's tag."""
    rows: dict[str, Counter] = {}
    for d in train_quotes.examples_of(cases, sc):
        k = fold_of(d[0], folds)
        if k not in weights:
            continue
        _, feats, right, rule = d
        how = next((f.split(":")[1] for f in feats[0] if f.startswith("how:")), "?")
        tag = "he/she tag" if any("rule:pronoun" in fs for fs in feats) else "no pronoun"
        w = weights[k]
        scores = [sum(w.get(f, 0.0) for f in fs) for fs in feats]
        best = max(range(len(feats)), key=lambda i: scores[i])
        c = rows.setdefault(f"{how}, {tag}", Counter())
        c["n"] += 1
        c["rules"] += rule >= 0 and right[rule]
        c["ranker"] += right[best]
        c["oracle"] += any(right)
    print(f"\n{'decided quotes by how the rules found the speaker':<44}{'quotes':>8}{'rules':>8}{'ranker':>8}{'oracle':>8}")
    for name, c in sorted(rows.items(), key=lambda t: -t[1]["n"]):
        print(f"{name:<44}{c['n']:>8}" + "".join(f"{100 * c[x] / c['n']:>8.1f}" for x in ("rules", "ranker", "oracle")))


def _add(buckets, samples, name, case, at, gold, pred) -> None:
    buckets[name] += 1
    ctx = " ".join(case.text[max(0, at - 200) : at + 160].split())
    samples.setdefault(name, []).append(f"{case.id} @{at} gold={gold!r} pred={pred!r}\n      {ctx}")


def main() -> int:
    """Learn on all folds but one, score the held-out one, for every fold (or one), with misses or ablation."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("eval_dir", nargs="?", default=str(default_eval()))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--fold", type=int, default=None, help="only this held-out fold (default: every fold)")
    ap.add_argument("--epochs", type=int, default=None, help="the bagged perceptron with this many epochs instead "
                    "of the shipped log-linear ranker")
    ap.add_argument("--entities", action="store_true", help="pass the tagger's entities in, as the app does "
                    "(tui/engine/analysis.py); the weights are learned on the same view")
    ap.add_argument("--ablate", action="store_true")
    ap.add_argument("--rule", action="append", default=None, help="with --ablate: only this rule (repeatable)")
    ap.add_argument("--misses", action="store_true")
    ap.add_argument("--repeats", type=int, default=0, help="also the pooled CV over this many partitions into "
                    "folds (the default one first) and their mean")
    ap.add_argument("--by-how", action="store_true", help="held-out accuracy of rules / ranker / oracle by how "
                    "the rules found the speaker")
    ap.add_argument("--errors", action="store_true", help="a table of the wrong quotes by error class (quotes "
                    "missed or extra, he/she tag resolved wrong, previous speaker carried over, role phrase vs name, "
                    "speaker outside the window, 'according to', no speaker found ...)")
    ap.add_argument("--show", type=int, default=None, help="with --misses: examples shown per bucket (default 3); "
                    "with --errors: examples shown per class (default none)")
    args = ap.parse_args()
    args.show_given = args.show is not None
    args.show = 3 if args.show is None else args.show
    qdir = Path(args.eval_dir) / "quotes"
    gold = qdir / "train" / "polnear_train.jsonl"
    sc = train_quotes.load_scorer(qdir)
    held = list(range(args.folds)) if args.fold is None else [args.fold]
    cases = train_quotes.collect(gold, args.entities)
    weights = learn(cases, held, args.folds, sc, args.epochs)
    gates = learn_gates(cases, held, args.folds, sc)
    base = fold_scores(cases, weights, args.folds, sc, gates=gates)
    for k in held:
        n = sum(fold_of(c.id, args.folds) == k for c in cases)
        b = base[k]
        print(f"held-out fold {k}/{args.folds}: {n} articles, quote+speaker F1 {b[0]:.2f} "
              f"(halves {b[2]:.2f} / {b[3]:.2f}), spans F1 {b[1]:.2f}", flush=True)
    if len(held) > 1:
        p = base["pooled"]
        print(f"all {len(held)} held-out folds pooled: quote+speaker F1 {p[0]:.2f} (halves {p[2]:.2f} / {p[3]:.2f}), "
              f"spans {p[1]:.2f}; mean of the folds {sum(base[k][0] for k in held) / len(held):.2f}")
        rules_only = fold_scores(cases, {k: None for k in held}, args.folds, sc, gates=gates)["pooled"]
        print(f"rules only (ranker off), pooled: {rules_only[0]:.2f} (halves {rules_only[2]:.2f} / {rules_only[3]:.2f})")
    if args.repeats:
        repeats(cases, args.folds, sc, args.epochs, args.repeats)
    if args.misses:
        misses(cases, weights, args.folds, sc, args.show, gates)
    if args.errors:
        errors(cases, weights, args.folds, sc, args.show if args.show_given else 0, gates)
    if args.by_how:
        by_how(cases, weights, args.folds, sc)
    if args.ablate:
        from tui.engine import rules

        key = "pooled" if len(held) > 1 else held[0]
        print(ablation_header(["all", "half 0", "half 1"]))
        flat = [base[key][0], base[key][2], base[key][3]]
        for r in rules.all_rules():
            if not r.stage.startswith("quotes") or (args.rule and r.name not in args.rule):
                continue
            with rules.disabled(r.name):
                if r.name == "speaker-ranker":
                    off = fold_scores(cases, {k: None for k in held}, args.folds, sc, gates=gates)
                elif r.name == "quote-gate":
                    off = fold_scores(cases, weights, args.folds, sc)
                else:  # the fold's weights as learnt with every rule on (relearning adds the learner's own noise,
                    # +-0.2 F1 a half: more than most rules are worth)
                    off = fold_scores(train_quotes.collect(gold, args.entities), weights, args.folds, sc, gates=gates)
            print(ablation_row(r.name, flat, [off[key][0], off[key][2], off[key][3]]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
