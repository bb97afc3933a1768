"""bench/quality_ner.py's distinct-name F1: a name repeated all through one article weighs as one name."""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench.quality_ner import distinct_f1  # noqa: E402

_TEXT = "Mara Lind met the Varno Harbour Board. Lind said the board would vote. Lind left. Lind came back."


def _ents(*items: tuple[str, str, int]) -> list[dict]:
    out = []
    for word, label, nth in items:
        start = -1
        for _ in range(nth + 1):
            start = _TEXT.index(word, start + 1)
        out.append({"start": start, "end": start + len(word), "label": label})
    return out


def test_a_name_flipped_in_every_mention_counts_once():
    gold = [{"id": "a", "text": _TEXT, "entities": _ents(("Mara Lind", "PERSON", 0), ("Varno Harbour Board", "ORG", 0),
                                                            ("Lind", "PERSON", 1), ("Lind", "PERSON", 2),
                                                            ("Lind", "PERSON", 3))}]
    # every "Lind" read as a place: 1 of 3 distinct gold names right, 1 of 3 distinct predicted names right
    pred = [{"id": "a", "entities": _ents(("Mara Lind", "PERSON", 0), ("Lind", "LOC", 1), ("Lind", "LOC", 2),
                                          ("Lind", "LOC", 3), ("Varno", "LOC", 0))}]
    assert round(distinct_f1(gold, pred), 2) == 33.33
    assert distinct_f1(gold, [{"id": "a", "entities": gold[0]["entities"]}]) == 100.0
    assert distinct_f1(gold, [{"id": "a", "entities": []}]) == 0.0


def test_the_same_name_in_two_documents_counts_twice():
    gold = [{"id": d, "text": _TEXT, "entities": _ents(("Mara Lind", "PERSON", 0))} for d in ("a", "b")]
    pred = [{"id": "a", "entities": _ents(("Mara Lind", "PERSON", 0))}, {"id": "b", "entities": []}]
    assert round(distinct_f1(gold, pred), 2) == 66.67


def test_weights_flag_scores_the_file_given_not_the_shipped_one(tmp_path, monkeypatch):
    """`--weights FILE` (use_weights): the entity pass reads that file's weights (bench/README.md's seed noise)."""
    from bench.quality_ner import use_weights
    from bench.train_ner import export
    from tui.engine.entities import extract_entities
    from tui.engine.entities import tagger as tagger_mod
    from tui.engine.entities.features import CLASSES

    monkeypatch.setattr(tagger_mod, "_model", None)  # the shipped model comes back after the test
    text = "The ferry left Quellmar at dawn, and Quellmar waited."
    for tag, label in (("B-PER", "PERSON"), ("B-LOC", "LOC"), ("B-ORG", "ORG")):
        weights = {"bias": [40 if c == "O" else 0 for c in CLASSES],
                   "w=quellmar": [200 if c == tag else 0 for c in CLASSES]}
        path = tmp_path / f"{tag}.json.gz"
        export(weights, path, 20.0, 2)
        use_weights(path)
        got = [(e.text, e.label) for e in extract_entities(text)]
        assert got == [("Quellmar", label), ("Quellmar", label)]


_FAKE_SCORER = '''import argparse, json
ap = argparse.ArgumentParser()
ap.add_argument("--gold"); ap.add_argument("--pred"); ap.add_argument("--json")
a = ap.parse_args()
json.dump({"overall_exact": {"f1": 50.0, "p": 50.0, "r": 50.0}, "per_type": {}}, open(a.json, "w"))
'''


def _fake_eval(root: Path) -> Path:
    """An eval folder of our own: both dev sets one document each, a scorer that answers 50."""
    from bench.quality_ner import SETS

    (root / "ner" / "dev").mkdir(parents=True)
    for name, *_ in SETS:
        doc = {"id": "d1", "text": "Mara Lind met the Varno Harbour Board in Kessby.", "entities": []}
        (root / "ner" / "dev" / name).write_text(json.dumps(doc) + "\n", encoding="utf-8")
    (root / "ner" / "score.py").write_text(_FAKE_SCORER, encoding="utf-8")
    return root


def test_the_predictions_go_to_a_temporary_folder_removed_at_the_end_unless_out_keeps_them(tmp_path, monkeypatch,
                                                                                          capsys):
    """It wrote a fixed folder of the temp dir (newsreader_ner_pred) by default and left it there."""
    import tempfile

    from bench import quality_ner

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    evaluation = _fake_eval(tmp_path / "eval")
    monkeypatch.setattr(sys, "argv", ["quality_ner.py", "--eval", str(evaluation)])
    quality_ner.main()
    out = capsys.readouterr().out
    assert "conll2003_dev.jsonl" in out and "50.00" in out, out
    assert list(temp.iterdir()) == []  # nothing left behind
    kept = tmp_path / "kept"
    monkeypatch.setattr(sys, "argv", ["quality_ner.py", "--eval", str(evaluation), "--out", str(kept)])
    quality_ner.main()
    assert sorted(p.name for p in kept.iterdir()) == ["conll2003_dev_pred.jsonl", "gum_news_dev_pred.jsonl"]
    assert f"predictions in {kept}" in capsys.readouterr().out
