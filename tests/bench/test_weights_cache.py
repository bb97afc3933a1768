"""Session 28's measuring fault: tagger weights learned under one lexicon and read under another.

The engine's country and subdivision lists come from pycountry and its stop words from sumy. A process that ran while
the venv was still being installed learned and scored without pycountry's names (time split 90.53); the same weights
read back in a later process, with the names, scored 90.16. bench/train_ner.py and crossval_ner.py now refuse to
train without those packages, and a weights cache carries the fingerprint of the lexicon it was learned under.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is not installed with the package: import it from the checkout
    sys.path.insert(0, str(REPO))

from bench import crossval_ner, train_ner  # noqa: E402
from bench.folds import kept_lexicon, learn_with_split_comment_words  # noqa: E402
from tui.engine import lexicon as lexicon_mod  # noqa: E402

# Our own short documents, tagged by hand (the last one is the time split's held-out fifth).
_DOCS = [
    ("Mara Lind flew from Varno to Kessling on Monday.", [("Mara Lind", "PER"), ("Varno", "LOC"), ("Kessling", "LOC")]),
    ("Velmora Bank said its profits rose in Harlo.", [("Velmora Bank", "ORG"), ("Harlo", "LOC")]),
    ("Ines Roe joined Harlo Rovers last spring.", [("Ines Roe", "PER"), ("Harlo Rovers", "ORG")]),
    ("The ferry to Kessling left late, Tavi Asante said.", [("Kessling", "LOC"), ("Tavi Asante", "PER")]),
    ("Roe said Velmora Bank would open in Varno.", [("Roe", "PER"), ("Velmora Bank", "ORG"), ("Varno", "LOC")]),
]


def _eval_dir(root: Path) -> Path:
    rows = []
    for k, (text, names) in enumerate(_DOCS):
        ents = []
        for name, label in names:
            start = text.index(name)
            ents.append({"start": start, "end": start + len(name), "label": label})
        rows.append(json.dumps({"id": f"doc-{k}", "text": text, "entities": ents}))
    folder = root / "eval" / "ner" / "train"
    folder.mkdir(parents=True)
    (folder / "conll2003_train.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root / "eval"


def _without_pycountry(monkeypatch) -> None:
    """This process's lexicon as a venv without pycountry builds it (rebuilt on next use)."""
    monkeypatch.setattr(lexicon_mod, "_pycountry_names", lambda: (set(), set()))
    monkeypatch.setattr(lexicon_mod, "_LEXICON", None)


def test_the_fingerprint_tells_a_lexicon_without_pycountry_from_the_full_one(monkeypatch):
    full = lexicon_mod.lexicon().fingerprint()
    assert lexicon_mod.missing_sources() == []
    with monkeypatch.context() as m:
        _without_pycountry(m)
        assert lexicon_mod.missing_sources() == ["pycountry"]
        assert lexicon_mod.lexicon().fingerprint() != full
    assert lexicon_mod.lexicon().fingerprint() == full


def test_a_cache_learned_without_pycountry_is_refused_in_a_process_with_it(tmp_path, monkeypatch, capsys):
    eval_dir = _eval_dir(tmp_path)
    cache = tmp_path / "split.json"
    weights = {"bias": [3, 0, 0, 0, 0, 0, 0, 0, 0], "g=ctry": [0, 0, 0, 0, 0, 4, 0, 0, 0]}
    with monkeypatch.context() as m:
        _without_pycountry(m)
        train_ner.write_cache(cache, weights)
    args = ["crossval_ner.py", "--eval", str(eval_dir), "--split", "time", "--weights-cache", str(cache)]
    monkeypatch.setattr(sys, "argv", args)
    assert crossval_ner.main() == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "learned under the word lists" in err and "train again" in err


def test_a_cache_learned_under_the_same_lexicon_is_read_back_and_scored(tmp_path, monkeypatch, capsys):
    eval_dir = _eval_dir(tmp_path)
    cache = tmp_path / "split.json"
    weights = {"bias": [3, 0, 0, 0, 0, 0, 0, 0, 0], "title": [-2, 1, 0, 1, 0, 1, 0, 0, 0]}
    with kept_lexicon():  # written as crossval_ner learns by default (--first-names as-shipped)
        learn_with_split_comment_words()
        train_ner.write_cache(cache, weights)
        assert train_ner.read_cache(cache) == weights
    monkeypatch.setattr(sys, "argv", ["crossval_ner.py", "--eval", str(eval_dir), "--split", "time",
                                      "--weights-cache", str(cache)])
    from tui.engine.entities import tagger as tagger_mod

    monkeypatch.setattr(tagger_mod, "_model", None)  # crossval_ner installs the cache's tagger: undone after
    assert crossval_ner.main() == 0
    assert "time split (last 20%): 1 documents" in capsys.readouterr().out


def test_a_cache_without_a_fingerprint_is_refused(tmp_path):
    cache = tmp_path / "old.json"
    cache.write_text(json.dumps({"bias": [3, 0, 0, 0, 0, 0, 0, 0, 0]}), encoding="utf-8")  # written before session 28
    with pytest.raises(train_ner.CacheMismatch, match="no lexicon fingerprint"):
        train_ner.read_cache(cache)


def test_training_without_pycountry_is_refused_and_writes_nothing(tmp_path, monkeypatch, capsys):
    eval_dir = _eval_dir(tmp_path)
    out = tmp_path / "weights.json.gz"
    _without_pycountry(monkeypatch)
    monkeypatch.setattr(sys, "argv", ["train_ner.py", "--eval", str(eval_dir), "--epochs", "1", "--seeds", "1",
                                      "--out", str(out)])
    assert train_ner.main() == 2
    assert not out.exists()
    assert "pycountry missing" in capsys.readouterr().err


def test_the_scripts_leave_the_lexicon_as_they_found_it(tmp_path, monkeypatch):
    # crossval_ner.main learns with first_names.txt's old comment words among the given names (as the shipped weights
    # did); run in-process, it left them in the lexicon for every later caller (CI, session 35: the tagger-scoring
    # tests after tests/bench failed, and this file's tests passed only in their order).
    cache = tmp_path / "other.json"
    cache.write_text(json.dumps({"lexicon": "0" * 12, "weights": {}}), encoding="utf-8")
    monkeypatch.setattr(sys, "argv", ["crossval_ner.py", "--eval", str(_eval_dir(tmp_path)), "--split", "time",
                                      "--weights-cache", str(cache)])
    assert crossval_ner.main() == 2
    assert not lexicon_mod.LEARNED_FIRST_NAMES & lexicon_mod.lexicon().first_names
