"""The fold/ablation helper every quality and cross-validation script shares (bench/folds.py)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.folds import ablation_row, fold_of, half_of, verdict, worth  # noqa: E402


def test_a_rule_that_helps_prints_a_positive_worth():
    # with the rule on F1 is 80 / 70; with it off 79 / 69.5: the rule is worth +1.00 and +0.50
    assert worth([80.0, 70.0], [79.0, 69.5]) == [1.0, 0.5]
    row = ablation_row("my-rule", [80.0, 70.0], [79.0, 69.5])
    assert "+1.00" in row and "+0.50" in row and row.endswith("helps")


def test_a_rule_that_lowers_one_half_hurts_and_no_change_is_no_harm():
    assert verdict(worth([80.0, 70.0], [79.0, 70.2])) == "HURTS"
    assert verdict(worth([80.0, 70.0], [80.0, 70.0])) == "no harm"
    assert verdict(worth([80.0, 70.0], [79.0, 70.0])) == "no harm"  # helps one half only: not both


def test_folds_and_halves_are_fixed_and_spread():
    ids = [f"doc-{i}" for i in range(400)]
    folds = [fold_of(i, 5) for i in ids]
    assert folds == [fold_of(i, 5) for i in ids]  # the same id always lands in the same fold
    assert all(40 <= folds.count(k) <= 120 for k in range(5))
    halves = [half_of(i) for i in ids]
    assert 150 <= halves.count(0) <= 250
    # the folds do not follow the halves (different digests)
    assert {(f, h) for f, h in zip(folds, halves)} == {(f, h) for f in range(5) for h in (0, 1)}


def test_the_time_split_holds_out_the_last_fifth_in_file_order():
    from bench.crossval_ner import held_out

    ids = [f"conll-train-{k:03d}" for k in range(946)]
    held = [k for k, i in enumerate(ids) if held_out("time", k, len(ids), i, 5, 0)]
    assert held == list(range(757, 946))  # the later documents only, whatever their ids hash to
    rand = [k for k, i in enumerate(ids) if held_out("random", k, len(ids), i, 5, 0)]
    assert rand == [k for k, i in enumerate(ids) if fold_of(i, 5) == 0] and rand != held


def test_clusters_for_the_time_split_leave_out_exactly_the_text_it_scores(tmp_path):
    """build_clusters.py --hold-out-time reads every corpus and quotes line but only the NER train documents the
    time split learns from (the first four fifths, in file order)."""
    import gzip
    import json

    from bench.build_clusters import read_lines
    from bench.crossval_ner import held_out

    (tmp_path / "corpus").mkdir()
    with gzip.open(tmp_path / "corpus" / "news_unlabelled.txt.gz", "wt", encoding="utf-8") as fh:
        fh.write("Corpus line one.\n\nCorpus line two.\n")
    for rel, prefix in (("eval/ner/train/conll2003_train.jsonl", "ner"), ("eval/quotes/train/polnear_train.jsonl", "q")):
        (tmp_path / rel).parent.mkdir(parents=True)
        rows = [json.dumps({"id": f"{prefix}{i}", "text": f"{prefix} doc {i} first\n{prefix} doc {i} second"})
                for i in range(10)]
        (tmp_path / rel).write_text("\n".join(rows) + "\n", encoding="utf-8")
    every = list(read_lines(tmp_path))
    held = list(read_lines(tmp_path, hold_out_time=True))
    scored = [i for i in range(10) if held_out("time", i, 10, f"ner{i}", 5, 0)]
    assert scored == [8, 9]
    assert len(every) == 2 + 20 + 20
    assert held == [ln for ln in every if not any(ln.startswith(f"ner doc {i} ") for i in scored)]


def test_new_names_are_scored_apart_from_names_seen_in_training():
    from bench.crossval_ner import new_names_table

    docs = [{"text": "Ada Vell met Brio Corp and Kestrel Ltd in Oslo."}]
    gold = [{(0, 8, "PERSON"), (13, 22, "ORG"), (27, 38, "ORG"), (42, 46, "LOC")}]
    pred = [{(0, 8, "PERSON"), (13, 22, "ORG"), (27, 34, "ORG"), (42, 46, "LOC")}]
    rows = {tuple(r.split()[:2]): r.split()[2:4] for r in new_names_table(docs, gold, pred, {"Brio Corp", "Oslo"}).splitlines()[1:]}
    assert rows[("ORG", "seen")] == ["100.0", "100.0"]
    assert rows[("ORG", "new")] == ["0.0", "0.0"]  # "Kestrel" for "Kestrel Ltd": a new name missed
    assert rows[("PERSON", "new")] == ["100.0", "100.0"] and rows[("LOC", "seen")] == ["100.0", "100.0"]
