"""The tagger's integer weights as one int32 matrix (a row per feature), read straight from the shipped file.

`json.load` of assets/models/ner_weights.json.gz makes a list and int objects for each of its 55,480 features;
kept as a dict of tuples they held ~11 MB of the app's resident memory, and parsing them left ~15 MB more behind
(memory freed in pieces among the feature names that stay). `read_rows` reads the file's compact JSON (as
bench/train_ner.py's `export` writes it: "weights" the last key, each value a list of integers, one per class)
into a matrix with a few whole-text operations and no per-feature objects but the names; any other text is left
to json (the caller's fallback). Needs numpy, like scoring.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

import numpy as np

from .features import CLASSES

LIMIT = 1 << 27  # the summed size of all weights stays below this: no int32 sum can overflow (scoring.usable)
_WEIGHTS = '"weights":{'  # only the key can hold this text: a quote inside a JSON string is escaped
_KEY = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)":(?=\[)')  # a JSON string followed by ":" and a list
_OTHER = re.compile(r"[^-0-9,\[\]]")  # a character no list of integers has


class Rows(Mapping):
    """Integer weights (scoring.usable) as one int32 matrix `W`, a row per feature, and `fid`: feature -> row; the
    tagger's `w`. A row reads as the tuple of Python ints the weights were (`get`, `items`); W's last row is zeros
    (the row of a feature without weights)."""

    __slots__ = ("fid", "W")

    def __init__(self, weights, n_classes: int):
        self.fid = {f: k for k, f in enumerate(weights)}
        self.W = np.zeros((len(self.fid) + 1, n_classes), dtype=np.int32)
        if self.fid:
            self.W[:-1] = np.array(list(weights.values()), dtype=np.int32)

    @classmethod
    def of_matrix(cls, names: list[str], matrix) -> "Rows":
        rows = cls.__new__(cls)
        rows.fid = {f: k for k, f in enumerate(names)}
        rows.W = np.zeros((len(names) + 1, matrix.shape[1]), dtype=np.int32)
        rows.W[:-1] = matrix
        return rows

    def get(self, feature, default=None):
        k = self.fid.get(feature)
        return default if k is None else tuple(self.W[k].tolist())

    def __getitem__(self, feature):
        return tuple(self.W[self.fid[feature]].tolist())

    def __contains__(self, feature) -> bool:
        return feature in self.fid

    def __iter__(self):
        return iter(self.fid)

    def __len__(self) -> int:
        return len(self.fid)


def read_rows(text: str) -> tuple[Rows, list[str]] | None:
    """(weights, classes) of a weights file's text, or None when it is not compact JSON with "weights" last, integer
    lists of one weight per class, distinct names and a summed size within scoring.usable's bound (json then)."""
    at = text.find(_WEIGHTS)
    text = text.rstrip()
    if at < 0 or not text.endswith("}}"):
        return None
    try:
        head = json.loads(text[:at].rstrip().removesuffix(",") + "}")
    except ValueError:
        return None
    classes = head.get("classes", CLASSES) if isinstance(head, dict) else None
    if not isinstance(classes, list) or not classes:
        return None
    body = text[at + len(_WEIGHTS):-2]
    raw = _KEY.findall(body)
    names = [json.loads('"' + k + '"') if "\\" in k else k for k in raw]
    matrix = _integer_lists(_KEY.sub("", body), len(names), len(classes))
    if matrix is None or len(set(names)) != len(names):
        return None
    return Rows.of_matrix(names, matrix), classes


def _integer_lists(lists: str, m: int, n: int):
    """`lists` ("[1,-2,...],[...]": what is left of the weights once the names are cut out) as an (m, n) array: m
    lists of n integers each and nothing else, within LIMIT; else None. Checked with array operations on the
    characters (a regular expression of the whole took longer than json): brackets and separators in place, n - 1
    commas inside each list, every number -?[0-9]+ (a "-" only starts one and a digit ends one)."""
    if not m:
        return np.zeros((0, n), dtype=np.int64) if not lists else None
    if _OTHER.search(lists) is not None:
        return None
    b = np.frombuffer(lists.encode("ascii"), dtype=np.uint8)
    opens, closes = np.flatnonzero(b == ord("[")), np.flatnonzero(b == ord("]"))
    if len(opens) != m or len(closes) != m or opens[0] != 0 or closes[-1] != len(b) - 1 \
            or not (opens[1:] == closes[:-1] + 2).all():
        return None
    comma = b == ord(",")
    if not comma[closes[:-1] + 1].all():  # the commas between lists
        return None
    # commas from each "[" to the next: n - 1 inside the list and the one after it (none after the last)
    inside = np.add.reduceat(comma, opens, dtype=np.int32)
    inside[-1] += 1
    if not (inside == n).all():
        return None
    # a digit before every "," and "]" but the commas between lists (they follow a "]"), so no number is empty
    # and none ends in "-"; a "-" only after "[" or "," and before a digit
    digit = (b >= ord("0")) & (b <= ord("9"))
    close = b == ord("]")
    minus = b == ord("-")
    if not (digit[:-1] | ~(comma[1:] | close[1:]) | close[:-1]).all() or minus[0] or minus[-1] \
            or not (~minus[1:] | comma[:-1] | (b[:-1] == ord("["))).all() or not (~minus[:-1] | digit[1:]).all():
        return None
    numbers = np.fromstring(lists.replace("[", "").replace("]", ""), dtype=np.int64, sep=",")
    if len(numbers) != m * n or numbers.min() <= -LIMIT or numbers.max() >= LIMIT or np.abs(numbers).sum() >= LIMIT:
        return None
    return numbers.reshape(m, n)
