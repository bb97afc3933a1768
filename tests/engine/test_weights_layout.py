"""The tagger's weights and the word clusters are held compactly (README: resident memory): the weights as one int32
matrix read straight from the shipped file (entities/weights.py), the same numbers json reads; one tuple per
distinct cluster path."""

from __future__ import annotations

import gzip
import json

import pytest

from tui.assets import asset
from tui.engine.entities import clusters
from tui.engine.entities.tagger import WEIGHTS_FILE, Tagger, load_tagger, read_weights
from tui.engine.entities.weights import Rows, read_rows


def _shipped_text() -> str:
    with gzip.open(asset("models", WEIGHTS_FILE), "rt", encoding="utf-8") as fh:
        return fh.read()


def test_the_shipped_weights_read_as_a_matrix_are_jsons_numbers_in_jsons_order():
    text = _shipped_text()
    rows, classes = read_rows(text)
    data = json.loads(text)
    assert classes == data["classes"]
    assert list(rows) == list(data["weights"])  # names (escaped quotes included) and order
    assert rows.W.shape == (len(data["weights"]) + 1, len(classes)) and not rows.W[-1].any()
    assert all(rows[f] == tuple(v) for f, v in data["weights"].items())
    assert any('"' in f for f in rows)  # names with escaped characters were read


def test_the_loaded_tagger_keeps_one_matrix_shared_with_its_scorer():
    tagger = load_tagger()
    assert isinstance(tagger.w, Rows)
    assert tagger.table.W is tagger.w.W and tagger.table.fid is tagger.w.fid
    assert tagger.w.get("no such feature") is None
    assert tagger.w.get("bias") == tuple(tagger.w.W[tagger.w.fid["bias"]].tolist())


_SMALL = {"classes": ["O", "B-PER", "I-PER"], "scale": 1.0,
          "weights": {"bias": [3, -1, -2], 'w="': [0, 5, -5], "w=ada": [-4, 7, 0], "t-1=O": [1, 0, -9]}}


@pytest.mark.parametrize("text", [
    json.dumps(_SMALL, indent=1),  # not compact
    json.dumps({**_SMALL, "weights": {**_SMALL["weights"], "w=ada": [-4.5, 7, 0]}}, separators=(",", ":")),  # a float
    json.dumps({**_SMALL, "weights": {**_SMALL["weights"], "w=ada": [-4, 7]}}, separators=(",", ":")),  # one short
    json.dumps({"weights": _SMALL["weights"], "classes": _SMALL["classes"]}, separators=(",", ":")),  # not last
    json.dumps({**_SMALL, "weights": {**_SMALL["weights"], "w=ada": [1 << 27, 0, 0]}}, separators=(",", ":")),  # big
])
def test_other_weight_files_are_left_to_json_and_read_the_same(text):
    assert read_rows(text) is None
    weights, classes = read_weights(text)
    data = json.loads(text)
    assert (weights, classes) == (data["weights"], data["classes"])


def test_a_compact_file_reads_as_json_does_and_tags_the_same():
    text = json.dumps(_SMALL, separators=(",", ":"), ensure_ascii=False)
    rows, classes = read_rows(text)
    assert dict(rows.items()) == {f: tuple(v) for f, v in _SMALL["weights"].items()} and classes == _SMALL["classes"]
    shipped = load_tagger()
    from_dict = Tagger(dict(shipped.w.items()), shipped.classes, decoder="viterbi")  # json's dict of lists
    assert not isinstance(from_dict.w, dict)  # integer weights always become a matrix
    text = "Officials in Brakova said Irma Lendl would visit Ostrava on Friday with Acme Holdings."
    assert from_dict.entities(text) == shipped.entities(text)


def test_words_with_the_same_cluster_path_share_one_tuple():
    table = clusters._loaded()
    assert len(table) > 20_000
    assert len({id(p) for p in table.values()}) == len(set(table.values())) <= 512
