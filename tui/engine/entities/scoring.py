"""Whole-document scoring for the tagger: every tag-independent score of every token at once, with numpy.

The tagger's score of a class for a token is the sum of the weights of its features. Most features do not
depend on the tags already chosen (the five-word window, the neighbourhood, the document evidence); this
module adds those up for all tokens of a document in a few array operations. It also picks the best tag
every token would get in the commonest state (the two previous tags "O"; no earlier mention of the word,
or one whose commonest label so far is known), so the greedy left-to-right pass in tagger.py only does
Python arithmetic where a name has just been tagged. The Viterbi decoder of the shipped weights (viterbi.py, since
session 15) reads the same tag-independent scores.

Each distinct word gets an id and, once, its summed word features from every slot of the window
(features.word_features) plus the word-only parts of the other features; a document is then array lookups
by word id. Bigram features are looked up only where both words occur in some weighted bigram.

The shipped weights are integers, so sums do not depend on the order they are added in and every score is
exactly the plain per-token computation's (Tagger.tag_plain; tests/engine/test_tagger_scoring.py compares
the two). `usable(weights)` says whether a weight set qualifies; the tagger falls back to its plain path
when not.
"""

from __future__ import annotations

from itertools import accumulate, compress, repeat
from operator import is_
from sys import intern

import numpy as np

from .clusters import cluster_path
from .features import END, SLOTS, START, _gaz_flags, shape, short_shape, window_features
from .weights import LIMIT as _LIMIT, Rows

__all__ = ["DocScores", "ScoreTable", "usable"]

_WORD_LIMIT = 30_000  # distinct words memoised (~9 MB); a full memo is dropped before the next document
_PAIR_LIMIT = 200_000  # word pairs whose bigram rows are memoised, per side (a full memo is dropped)
_LOW = -(1 << 30)  # added to the score of a class the BIO constraint forbids
# Rows kept per word: the five window slots, the all-capitals line slot "U", the word's features after an
# "O" tag (t-1w=O|w, t-1sh=O|shape) and its sentence-initial shape feature (si|ss=shape).
_KINDS = len(SLOTS) + 3
_U, _AFTER_O, _SI_SS = len(SLOTS), len(SLOTS) + 1, len(SLOTS) + 2
_TC = ("FalseFalse", "FalseTrue", "TrueFalse", "TrueTrue")  # str(tc) + str(lc), indexed by 2 * tc + lc


def usable(weights: dict[str, list]) -> bool:
    """True when every weight is an integer and their summed size is modest (int32 sums exact, in any order)."""
    total = 0
    for vec in weights.values():
        for x in vec:
            if type(x) is not int:
                return False
            total += abs(x)
    return total < _LIMIT


# The templates of the features ScoreTable._add_words sums, in the order _feature_keys unpacks them.
_TEMPLATES = ("-2w=", "-2sh=", "-2c2=", "-1w=", "-1sh=", "-1g=", "-1c0=", "-1c1=", "-1c=", "w=", "sh=", "ss=", "p1=",
              "p2=", "p3=", "s1=", "s2=", "s3=", "s4=", "hyt=", "hyh=", "len=", "g=", "c0=", "c1=", "c2=", "c3=",
              "c1|ss=", "c=", "+1w=", "+1sh=", "+1g=", "+1c0=", "+1c1=", "+1c=", "+2w=", "+2sh=", "+2c2=", "Uw=",
              "t-1w=O|", "t-1sh=O|", "si|ss=")


def _families(fid: dict[str, int]) -> dict[str, dict[str, int]]:
    """The ids of the features of _TEMPLATES by template and value: "-1w=" -> {"harbour": id of "-1w=harbour", ...}
    (a name is cut at its first "="; "t-1w=O|" and "t-1sh=O|" after the "O|"), and under "" the names without
    "=" ("bias", "title", ...). Other features (bigrams, tags, document features) are left out."""
    fam: dict[str, dict[str, int]] = {t: {} for t in ("",) + _TEMPLATES}
    after_o = ("t-1w=", "t-1sh=")
    for f, k in fid.items():
        p = f.find("=")
        if p < 0:
            fam[""][f] = k
            continue
        t = f[:p + 1]
        got = fam.get(t)
        if got is not None:
            got[intern(f[p + 1:])] = k  # one string per value: "harbour" under "w=", "-1w=", "+1w=", ...
        elif t in after_o and f.startswith("O|", p + 1):
            fam[t + "O|"][intern(f[p + 3:])] = k
    return fam


def _feature_keys(words: list[str], fam: dict[str, dict[str, int]], fid: dict[str, int]):
    """What ScoreTable._add_words sums for each word, kind by kind (the five window slots, "U", after "O",
    "si|ss"): a family of feature ids and a value to look up in it per feature, and each kind's number of
    features (never none: np.add.reduceat needs every kind to have a row). The same features as
    features.window_features plus the three after it (`_feature_names`), each named by its template and value
    instead of one string (tests/engine/test_tagger_scoring.py compares the rows); no name is built."""
    M2W, M2SH, M2C2, M1W, M1SH, M1G, M1C0, M1C1, M1C, W, SH, SS, P1, P2, P3, S1, S2, S3, S4, HYT, HYH, LEN, G, C0, C1, \
        C2, C3, C1SS, C, P1W, P1SH, P1G, P1C0, P1C1, P1C, P2W, P2SH, P2C2, UW, AOW, AOSH, SISS = map(fam.get, _TEMPLATES)
    plain = fam[""]
    fams: list = []
    vals: list = []
    sizes: list[int] = []
    for w in words:
        if w in (START, END):
            names = _feature_names(w)
            for kind in names:
                fams += [fid] * len(kind)
                vals += kind
                sizes.append(len(kind))
            continue
        lw = w.lower()
        sh, ss = shape(w), short_shape(w)
        path = cluster_path(w)
        flags = _gaz_flags(w, lw)
        c2 = path[2] if path else "-"
        # "-2": w, sh (short), c2
        fams += (M2W, M2SH, M2C2)
        vals += (lw, ss, c2)
        # "-1" and "+1": w, sh, g per flag, c0 and c1 (or c=-)
        near_f1 = [M1W, M1SH] + [M1G] * len(flags)
        near_f3 = [P1W, P1SH] + [P1G] * len(flags)
        near_v = [lw, sh] + flags
        if path:
            near_f1 += (M1C0, M1C1)
            near_f3 += (P1C0, P1C1)
            near_v += (path[0], path[1])
        else:
            near_f1.append(M1C)
            near_f3.append(P1C)
            near_v.append("-")
        fams += near_f1
        vals += near_v
        # "0" (features._centre)
        centre_f = [plain, W, SH, SS, P1, P2, P3, S1, S2, S3, S4]
        centre_v = ["bias", lw, sh, ss, lw[:1], lw[:2], lw[:3], lw[-1:], lw[-2:], lw[-3:], lw[-4:]]
        if w[:1].isupper():
            centre_f.append(plain)
            centre_v.append("title" if not w.isupper() else "caps")
        if w.isdigit() or not w.isalpha() and any(ch.isdigit() for ch in w):
            centre_f.append(plain)
            centre_v.append("digit")
        if "-" in w:
            head, _, tail = lw.rpartition("-")
            centre_f += (plain, HYT, HYH)
            centre_v += ("hyphen", tail, head)
        if "." in w:
            centre_f.append(plain)
            centre_v.append("period")
        centre_f.append(LEN)
        centre_v.append(str(min(len(w), 8)))
        centre_f += [G] * len(flags)
        centre_v += flags
        if path:
            centre_f += (C0, C1, C2, C3, C1SS)
            centre_v += (path[0], path[1], path[2], path[3], path[1] + ss)
        else:
            centre_f += (C, C)
            centre_v += ("-", "-|ss=" + ss)
        fams += centre_f
        vals += centre_v
        fams += near_f3
        vals += near_v
        # "+2", then "U", after "O", "si|ss"
        fams += (P2W, P2SH, P2C2, UW, AOW, AOSH, SISS)
        vals += (lw, ss, c2, lw, lw, ss, ss)
        n = len(near_v)
        sizes += (3, n, len(centre_v), n, 3, 1, 2, 1)
    return fams, vals, sizes


_NO_FAMILY: dict = {}  # a family no value is in: a kind with no feature of its own gets its zero row from it


def _word_keys(words: list[str], fam: dict[str, dict[str, int]]):
    """The features of each word that depend on its own spelling (`_feature_keys`' families and values, kind by
    kind, the sizes of the kinds) and each word's signature: what the rest of its features depend on (its shape,
    short shape, cluster path, gazetteer flags, capitals, digits, hyphen, period and length; START and END are
    their own). Two words of one signature have the same rest (`_shape_keys`), which ScoreTable sums once."""
    M2W, M1W, W, P1, P2, P3, S1, S2, S3, S4, HYT, HYH, P1W, P2W, UW, AOW = map(fam.get, (
        "-2w=", "-1w=", "w=", "p1=", "p2=", "p3=", "s1=", "s2=", "s3=", "s4=", "hyt=", "hyh=", "+1w=", "+2w=", "Uw=",
        "t-1w=O|"))
    none = _NO_FAMILY
    plain_fams = (M2W, M1W, W, P1, P2, P3, S1, S2, S3, S4, P1W, P2W, UW, AOW, none)
    plain_sizes = (1, 1, 8, 1, 1, 1, 1, 1)
    hyphen_fams = (M2W, M1W, W, P1, P2, P3, S1, S2, S3, S4, HYT, HYH, P1W, P2W, UW, AOW, none)
    hyphen_sizes = (1, 1, 10, 1, 1, 1, 1, 1)
    edge_fams, edge_vals, edge_sizes = (none,) * _KINDS, ("",) * _KINDS, (1,) * _KINDS
    fams: list = []
    vals: list = []
    sizes: list[int] = []
    sigs: list = []
    for w in words:
        if w in (START, END):
            fams += edge_fams
            vals += edge_vals
            sizes += edge_sizes
            sigs.append(w)
            continue
        lw = w.lower()
        path = cluster_path(w)
        up = w[:1].isupper()
        sigs.append((shape(w), short_shape(w), path, tuple(_gaz_flags(w, lw)), up and w.isupper(), up,
                     w.isdigit() or not w.isalpha() and any(ch.isdigit() for ch in w), "." in w, min(len(w), 8),
                     "-" in w))
        if "-" in w:
            head, _, tail = lw.rpartition("-")
            fams += hyphen_fams
            vals += (lw, lw, lw, lw[:1], lw[:2], lw[:3], lw[-1:], lw[-2:], lw[-3:], lw[-4:], tail, head, lw, lw, lw,
                     lw, "")
            sizes += hyphen_sizes
        else:
            fams += plain_fams
            vals += (lw, lw, lw, lw[:1], lw[:2], lw[:3], lw[-1:], lw[-2:], lw[-3:], lw[-4:], lw, lw, lw, lw, "")
            sizes += plain_sizes
    return fams, vals, sizes, sigs


def _shape_keys(words: list[str], fam: dict[str, dict[str, int]], fid: dict[str, int]):
    """The features of each word that `_word_keys` leaves out (those its signature decides): families, values and
    sizes kind by kind as `_word_keys` gives them; with them, each word's features are those of
    features.window_features plus the three after it (`_feature_names`: tests/engine/test_tagger_scoring.py)."""
    M2SH, M2C2, M1SH, M1G, M1C0, M1C1, M1C, SH, SS, LEN, G, C0, C1, C2, C3, C1SS, C, P1SH, P1G, P1C0, P1C1, P1C, \
        P2SH, P2C2, AOSH, SISS = map(fam.get, ("-2sh=", "-2c2=", "-1sh=", "-1g=", "-1c0=", "-1c1=", "-1c=", "sh=",
                                               "ss=", "len=", "g=", "c0=", "c1=", "c2=", "c3=", "c1|ss=", "c=",
                                               "+1sh=", "+1g=", "+1c0=", "+1c1=", "+1c=", "+2sh=", "+2c2=",
                                               "t-1sh=O|", "si|ss="))
    plain = fam[""]
    none = _NO_FAMILY
    fams: list = []
    vals: list = []
    sizes: list[int] = []
    for w in words:
        if w in (START, END):
            for kind in _feature_names(w):
                fams += [fid] * len(kind) or [none]
                vals += kind or [""]
                sizes.append(len(kind) or 1)
            continue
        lw = w.lower()
        sh, ss = shape(w), short_shape(w)
        path = cluster_path(w)
        flags = _gaz_flags(w, lw)
        c2 = path[2] if path else "-"
        # "-2": sh (short), c2
        fams += (M2SH, M2C2)
        vals += (ss, c2)
        # "-1" and "+1": sh, g per flag, c0 and c1 (or c=-)
        near_f1 = [M1SH] + [M1G] * len(flags)
        near_f3 = [P1SH] + [P1G] * len(flags)
        near_v = [sh] + flags
        if path:
            near_f1 += (M1C0, M1C1)
            near_f3 += (P1C0, P1C1)
            near_v += (path[0], path[1])
        else:
            near_f1.append(M1C)
            near_f3.append(P1C)
            near_v.append("-")
        fams += near_f1
        vals += near_v
        # "0" (features._centre)
        centre_f = [plain, SH, SS]
        centre_v = ["bias", sh, ss]
        if w[:1].isupper():
            centre_f.append(plain)
            centre_v.append("title" if not w.isupper() else "caps")
        if w.isdigit() or not w.isalpha() and any(ch.isdigit() for ch in w):
            centre_f.append(plain)
            centre_v.append("digit")
        if "-" in w:
            centre_f.append(plain)
            centre_v.append("hyphen")
        if "." in w:
            centre_f.append(plain)
            centre_v.append("period")
        centre_f.append(LEN)
        centre_v.append(str(min(len(w), 8)))
        centre_f += [G] * len(flags)
        centre_v += flags
        if path:
            centre_f += (C0, C1, C2, C3, C1SS)
            centre_v += (path[0], path[1], path[2], path[3], path[1] + ss)
        else:
            centre_f += (C, C)
            centre_v += ("-", "-|ss=" + ss)
        fams += centre_f
        vals += centre_v
        fams += near_f3
        vals += near_v
        # "+2", then "U" (none), after "O", "si|ss"
        fams += (P2SH, P2C2, none, AOSH, SISS)
        vals += (ss, c2, "", ss, ss)
        n = len(near_v)
        sizes += (2, n, len(centre_v), n, 2, 1, 1, 1)
    return fams, vals, sizes


def _feature_names(w: str) -> list[list[str]]:
    """The feature names ScoreTable sums for a word, kind by kind: features.window_features (the five slots and
    "U"), then the word after an "O" tag and its sentence-initial shape (the reference of _feature_keys)."""
    lw, ss = w.lower(), short_shape(w)
    return window_features(w) + [["t-1w=O|" + lw, "t-1sh=O|" + ss], ["si|ss=" + ss]]


def _distinct(ids):
    """The distinct values of an array of word ids, in increasing order (`np.unique`'s answer), counted in one pass
    instead of sorting: ~30x faster on a 100 KB text's ids."""
    return np.flatnonzero(np.bincount(ids))


class DocScores:
    """Scores of a document's tokens, segments concatenated in order."""

    __slots__ = ("base", "fast", "fast_hist", "words", "ini", "ender", "after", "states", "hits", "quiet_to",
                 "distinct")

    def __init__(self, base, fast: list[int] | None, fast_hist, words, ini, ender, quiet_to=None, distinct: int = 0):
        self.base = base  # int32 array: base[t][k], every tag-independent feature of token t for class k, summed
        self.fast = fast  # best allowed class of token t when the two previous tags are "O" (no word history)
        self.fast_hist = fast_hist  # [h][t]: the same when the word's commonest earlier label type is h
        self.words, self.ini, self.ender = words, ini, ender  # word ids; starts a sentence; follows . ! ? or opens
        self.after: dict[str, object] = {}  # previous tag -> rows of the t-1w / t-1sh features of every token
        self.states: dict[tuple, list[int]] = {}  # (tag before last, last tag, history type) -> best class per token
        self.hits: dict[tuple, int] = {}  # how often the greedy pass met each state not yet in `states`
        # quiet_to[t]: the first token at or after t that is capitalised (it has a word history) or whose `fast`
        # class is not the "O" class; every token before it is tagged "O" in the state ("O", "O"). None: unknown
        self.quiet_to = quiet_to
        self.distinct = distinct  # how many distinct words the document has


class _HistBest(dict):
    """`DocScores.fast_hist`: [h][t], the best class of token t in the state ("O", "O") when the word's commonest
    earlier label type is h, worked out for every token the first time some token needs it (a dict: a type already
    worked out is found without a Python call; `len` is the number of history types)."""

    __slots__ = ("o_state", "ini", "rows")

    def __init__(self, o_state, ini, rows) -> None:
        super().__init__()
        self.o_state, self.ini, self.rows = o_state, ini, rows

    def __missing__(self, h: int) -> list[int]:
        off, on = self.rows[h]
        got = self[h] = (self.o_state + np.where(self.ini[:, None], on, off)).argmax(axis=1).tolist()
        return got

    def __len__(self) -> int:
        return len(self.rows)


class _AfterIndex:
    """The features "t-1w=PREV|word" by word and "t-1sh=PREV|shape" by shape, for the previous tags `prevs`:
    word -> (first, count), the features' places in the flat arrays `prev` (PREV's index in `prevs`) and
    `feature` (the feature's id); the same for shapes (a tag never holds a "|")."""

    __slots__ = ("prevs", "by_word", "by_shape", "prev", "feature")

    def __init__(self, fid: dict[str, int], prevs: list[str]):
        self.prevs = tuple(prevs)
        at = {p: k for k, p in enumerate(prevs)}
        groups: tuple[dict, dict] = ({}, {})
        for f, k in fid.items():
            for side, prefix in enumerate(("t-1w=", "t-1sh=")):
                if f.startswith(prefix):
                    prev, _, value = f[len(prefix):].partition("|")
                    if prev in at:
                        groups[side].setdefault(value, []).append((at[prev], k))
        prev_ids, feature_ids = [], []
        self.by_word, self.by_shape = {}, {}
        for side, out in zip(groups, (self.by_word, self.by_shape)):
            for value, pairs in side.items():
                out[value] = (len(prev_ids), len(pairs))
                for p, k in pairs:
                    prev_ids.append(p)
                    feature_ids.append(k)
        self.prev = np.array(prev_ids, dtype=np.intp)
        self.feature = np.array(feature_ids, dtype=np.intp)


def _bigram_sides(weights, prefix: str) -> tuple[set, set]:
    """Words that can stand left / right in a weighted bigram feature (every split at a "|", a superset)."""
    left, right = set(), set()
    for f in weights:
        if f.startswith(prefix):
            body = f[len(prefix):]
            for p, ch in enumerate(body):
                if ch == "|":
                    left.add(body[:p])
                    right.add(body[p + 1:])
    return left, right


class ScoreTable:
    """Weights as an int32 matrix with feature ids, plus memoised per-word score rows."""

    def __init__(self, weights: Rows | dict[str, list[int]], n_classes: int, o_pair, o_allowed: list[bool], hist_rows,
                 o_class: int | None = None):
        self.n = n_classes
        self.o_class = o_class  # the index of the "O" class (DocScores.quiet_to), or None
        rows = weights if isinstance(weights, Rows) else Rows(weights, n_classes)
        self.fid = rows.fid
        self.zero_id = len(self.fid)  # a row of zeros for features without weights
        self.fam = _families(self.fid)
        self.W = rows.W
        self.o_pair = np.array(o_pair, dtype=np.int32)  # "t-1=O" + "t-2t-1=O|O"
        self.o_mask = np.array([0 if ok else _LOW for ok in o_allowed], dtype=np.int32)
        self.hist_rows = [(np.array(hist_rows[h, False], dtype=np.int32), np.array(hist_rows[h, True], dtype=np.int32))
                          for h in range(len(hist_rows) // 2)]
        self.bg_minus = _bigram_sides(weights, "bg-=")
        self.bg_plus = _bigram_sides(weights, "bg+=")
        row = self._feature_row
        self.si = row("si")
        self.up = row("up")
        self.tc_rows = {k: np.stack([row(k + "=" + tc) for tc in _TC]) for k in ("si|tc", "up|tc", "mid|tc")}
        self.after_index: _AfterIndex | None = None  # prev_rows' index of the features, built on first use
        self._reset()

    def _feature_row(self, feature: str):
        return self.W[self.fid.get(feature, self.zero_id)]

    def _reset(self) -> None:
        self.wid: dict[str, int] = {}
        self.R = np.zeros((_KINDS, 1024, self.n), dtype=np.int32)  # R[kind][word id]: summed features
        self.flags = np.zeros((4, 1024), dtype=bool)  # can the word stand left/right in a bg-/bg+ feature
        self.words: list[str] = []  # by word id
        self.lows: list[str] = []  # the same, lower-cased
        self.sig_at: dict = {}  # a word's signature (_word_keys) -> its row in sig_rows
        self.sig_rows = np.zeros((64, _KINDS, self.n), dtype=np.int32)  # the summed rest of a signature's features
        self.caps = np.zeros(1024, dtype=bool)  # by word id: capitalised, longer than one character (history_key)
        # (bg-, bg+): (left word id << 32) + right word id -> the bigram feature's row (memo; word ids are per reset)
        self.pair_rows: tuple[dict[int, int], dict[int, int]] = ({}, {})

    def _ids(self, words: list[str]) -> list[int]:
        """Word ids of `words`, adding rows for words not seen before."""
        wid = self.wid
        get = wid.get
        ids = list(map(get, words))
        if None in ids:
            new = list(dict.fromkeys(compress(words, map(is_, ids, repeat(None)))))  # in order of first use
            for w in new:
                wid[w] = len(self.lows)
                self.words.append(w)
                self.lows.append(w.lower())
            self._add_words(new)
            ids = list(map(get, words))
        return ids

    def _add_words(self, words: list[str]) -> None:
        fid = self.fid
        first = len(self.lows) - len(words)
        need = len(self.lows)
        if need > self.R.shape[1]:
            size = max(need, 2 * self.R.shape[1])
            grown = np.zeros((_KINDS, size, self.n), dtype=np.int32)
            grown[:, :first] = self.R[:, :first]
            self.R = grown
            flags = np.zeros((4, size), dtype=bool)
            flags[:, :first] = self.flags[:, :first]
            self.flags = flags
            caps = np.zeros(size, dtype=bool)
            caps[:first] = self.caps[:first]
            self.caps = caps
        digits = list(map(str.isdigit, words))
        if True in digits:  # numbers: their own features summed, plus the rest once per signature (`_number_rows`)
            sums = np.empty((len(words), _KINDS, self.n), dtype=np.int32)
            numbers = np.array(digits, dtype=bool)
            sums[numbers] = self._number_rows([w for w, d in zip(words, digits) if d])
            if False in digits:
                others = [w for w, d in zip(words, digits) if not d]
                sums[~numbers] = self._sums(*_feature_keys(others, self.fam, fid)).reshape(len(others), _KINDS, self.n)
        else:
            sums = self._sums(*_feature_keys(words, self.fam, fid)).reshape(len(words), _KINDS, self.n)
        self.R[:, first:need] = sums.transpose(1, 0, 2)
        self.caps[first:need] = [len(w) > 1 and w[:1].isupper() for w in words]
        lows = self.lows[first:need]
        for k, (left, right) in enumerate((self.bg_minus, self.bg_plus)):
            self.flags[2 * k, first:need] = [lw in left for lw in lows]
            self.flags[2 * k + 1, first:need] = [lw in right for lw in lows]

    def _number_rows(self, words: list[str]):
        """The summed rows of `words` ([word, kind, class]) as each word's own features (_word_keys) plus the rest,
        summed once per signature and kept (a page of numbered quotations: one for all the numbers of a length
        but those with a cluster; prose words seldom share one, so only numbers are summed so)."""
        fams, vals, sizes, sigs = _word_keys(words, self.fam)
        sums = self._sums(fams, vals, sizes).reshape(len(words), _KINDS, self.n)
        sig_at = self.sig_at
        reps = [(sig, w) for sig, w in dict(zip(sigs, words)).items() if sig not in sig_at]  # a word of each new one
        if reps:
            new_sigs, new = zip(*reps)
            have = len(sig_at)
            rows = self._sums(*_shape_keys(new, self.fam, self.fid)).reshape(len(new), _KINDS, self.n)
            if have + len(new) > len(self.sig_rows):
                grown = np.zeros((max(have + len(new), 2 * len(self.sig_rows)), _KINDS, self.n), dtype=np.int32)
                grown[:have] = self.sig_rows[:have]
                self.sig_rows = grown
            self.sig_rows[have:have + len(new)] = rows
            sig_at.update(zip(new_sigs, range(have, have + len(new))))
        sums += self.sig_rows[list(map(sig_at.__getitem__, sigs))]
        return sums

    def _sums(self, fams: list, vals: list, sizes: list[int]):
        """The summed rows of features given as families and values (`_word_keys`), one sum per size: [sums, n]."""
        zero = self.zero_id
        flat = np.fromiter(map(dict.get, fams, vals, repeat(zero, len(vals))), dtype=np.intp, count=len(vals))
        starts = np.fromiter(accumulate(sizes, initial=0), dtype=np.intp, count=len(sizes) + 1)[:-1]
        # (take: the same rows as W[flat], gathered without the fancy-indexing machinery)
        return np.add.reduceat(self.W.take(flat, axis=0), starts, axis=0)

    def document(self, segments, mid: set, low: set, enders: frozenset = frozenset(), greedy: bool = True) -> DocScores:
        """Scores of every token of `segments` (objects with toks, initial, upper), in order; a token after one
        of `enders` (and a segment's first) is constrained like a sentence start. Without `greedy` (the Viterbi
        decoder reads `base` alone), the greedy walk's classes in the state ("O", "O") are not worked out: `fast`,
        `fast_hist` and `quiet_to` are None."""
        n_tok = sum(len(s.toks) for s in segments)
        if len(self.lows) + n_tok > _WORD_LIMIT and self.lows:
            self._reset()
        padded: list[str] = []
        initial: list[bool] = []
        upper: list[bool] = []
        for s in segments:
            padded += [START, START]
            padded += s.toks
            padded += [END, END]
            initial += s.initial
            upper += [s.upper] * len(s.toks)
        P = np.array(self._ids(padded), dtype=np.intp)
        keep = np.ones(len(P), dtype=bool)  # positions of real tokens in the padded sequence
        sizes = np.fromiter(map(len, [s.toks for s in segments]), dtype=np.intp, count=len(segments)) + 4
        ends = np.cumsum(sizes)  # each segment padded: two starts, its tokens, two ends
        for pads in (ends - sizes, ends - sizes + 1, ends - 2, ends - 1):
            keep[pads] = False
        at = np.flatnonzero(keep)
        R, W = self.R, self.W
        words = P[at]
        # a token after one of `enders` in its segment, or a segment's first
        ender_ids = [self.wid[t] for t in enders if t in self.wid]
        ender = np.empty(len(words), dtype=bool)
        ender[1:] = np.isin(words[:-1], ender_ids)
        if len(words):
            ender[np.cumsum([0] + [len(s.toks) for s in segments[:-1]])] = True
        base = R[0][P[at - 2]]
        for k, (_, off) in enumerate(SLOTS[1:], 1):
            base += R[k][P[at + off]]
        up = np.array(upper, dtype=bool)
        ini = np.array(initial, dtype=bool)
        if up.any():
            base += R[_U][words] * up[:, None]
        base += self._bigrams(P, at, "bg-=", -1, 0)
        base += self._bigrams(P, at, "bg+=", 0, 1)
        code, distinct = self._evidence_codes(words, mid, low)
        if ini.any():  # (only the rows of the tokens starting a sentence, or of the lines in capitals, change)
            t = np.flatnonzero(ini)
            base[t] += self.si + R[_SI_SS][words[t]] + self.tc_rows["si|tc"][code[t]]
        if up.any():
            t = np.flatnonzero(up)
            base[t] += self.up + self.tc_rows["up|tc"][code[t]]
        base += self.tc_rows["mid|tc"][code] * (~up & ~ini)[:, None]
        self._add_document_features(base, segments)
        if not greedy:
            return DocScores(base, None, None, words, ini, ender[:, None], None, distinct)
        o_state = base + (self.o_pair + self.o_mask) + R[_AFTER_O][words]
        best = o_state.argmax(axis=1)
        fast = best.tolist()
        fast_hist = _HistBest(o_state, ini, self.hist_rows)
        quiet_to = None
        if self.o_class is not None:
            loud = np.flatnonzero(self.caps[words] | (best != self.o_class))
            quiet_to = np.append(loud, len(words))[np.searchsorted(loud, np.arange(len(words)))].tolist()
        return DocScores(base, fast, fast_hist, words, ini, ender[:, None], quiet_to, distinct)

    def _add_document_features(self, base, segments) -> None:
        """Add each token's document features (doc_features.py; segments' `docf`), summed once per distinct set and
        added to the tokens' rows in one array operation."""
        fid, W = self.fid, self.W
        rows: dict[tuple, int] = {}  # a set of features -> its index in `summed` (-1: none has a weight)
        summed = []
        at: list[int] = []  # token positions that get a row, and which row
        which: list[int] = []
        pos = 0
        for s in segments:
            docf = getattr(s, "docf", None)
            if docf is not None:
                caps = getattr(s, "caps", None)  # only capitalised tokens have document features
                for k in (caps if caps is not None else range(len(docf))):
                    feats = docf[k]
                    if feats:
                        r = rows.get(feats)
                        if r is None:
                            ids = [fid[f] for f in feats if f in fid]
                            r = rows[feats] = len(summed) if ids else -1
                            if ids:
                                summed.append(W[ids].sum(axis=0, dtype=np.int32))
                        if r >= 0:
                            at.append(pos + k)
                            which.append(r)
            pos += len(s.toks)
        if at:
            base[at] += np.array(summed, dtype=np.int32)[which]  # each token at most once: no index repeats

    def state_best(self, doc: DocScores, prev: str, pair, h: int | None, allowed_prev, allowed_start) -> list[int]:
        """Best allowed class of every token of `doc` in one greedy state: previous tag `prev`, `pair` the summed
        weights of the two previous tags' features, `h` the word's commonest earlier label type (or None)."""
        s = doc.base + np.array(pair, dtype=np.int32)
        s += self._after(doc, prev)
        if h is not None:
            off, on = self.hist_rows[h]
            s += np.where(doc.ini[:, None], on, off)
        mask = [np.array([0 if ok else _LOW for ok in a], dtype=np.int32) for a in (allowed_prev, allowed_start)]
        s += np.where(doc.ender, mask[1], mask[0])
        return s.argmax(axis=1).tolist()

    def prev_rows(self, doc: DocScores, prevs: list[str], at=None):
        """[p][t]: the summed rows of the features "t-1w=PREV|word" and "t-1sh=PREV|shape" of every token of `doc`
        after each previous tag of `prevs` (the line start's "<s>" too: the Viterbi decoder's pair scores), as one
        int32 array. The features are found by the word and by the shape (each distinct one looked up once in
        `_AfterIndex`), not by their names per previous tag. With `at` (token positions), only those tokens' rows."""
        index = self.after_index
        if index is None or index.prevs != tuple(prevs):
            index = self.after_index = _AfterIndex(self.fid, prevs)
        uniq = _distinct(doc.words)
        ids = uniq.tolist()
        local = np.zeros(len(self.lows), dtype=np.intp)
        local[uniq] = np.arange(len(ids))
        shapes: dict[str, int] = {}
        shape_of = [shapes.setdefault(short_shape(self.words[i]), len(shapes)) for i in ids]
        out = np.zeros((len(prevs), len(ids) + len(shapes), self.n), dtype=np.int32)
        lows, by_word, by_shape = self.lows, index.by_word, index.by_shape
        rows, spans = [], []
        for j, i in enumerate(ids):
            got = by_word.get(lows[i])
            if got is not None:
                rows.append(j)
                spans.append(got)
        for ss, j in shapes.items():
            got = by_shape.get(ss)
            if got is not None:
                rows.append(len(ids) + j)
                spans.append(got)
        if spans:
            first, size = np.array(spans, dtype=np.intp).T
            ends = np.cumsum(size)
            flat = np.arange(ends[-1]) + np.repeat(first - (ends - size), size)
            # a word has one feature per previous tag, and words and shapes have rows of their own: no repeats
            out[index.prev[flat], np.repeat(np.array(rows, dtype=np.intp), size)] += self.W[index.feature[flat]]
        tok_local = local[doc.words if at is None else doc.words[at]]
        return out[:, tok_local] + out[:, len(ids) + np.array(shape_of, dtype=np.intp)[tok_local]]

    def _after(self, doc: DocScores, prev: str):
        """Rows of the features "t-1w=PREV|word" + "t-1sh=PREV|shape" of every token of `doc`."""
        if prev == "O":
            return self.R[_AFTER_O][doc.words]
        rows = doc.after.get(prev)
        if rows is None:
            uniq = _distinct(doc.words)
            fid, zero, spell, lows = self.fid, self.zero_id, self.words, self.lows
            ids = uniq.tolist()
            by_id = np.zeros((len(lows), self.n), dtype=np.int32)
            by_id[uniq] = self.W[[fid.get("t-1w=" + prev + "|" + lows[i], zero) for i in ids]]
            by_id[uniq] += self.W[[fid.get("t-1sh=" + prev + "|" + short_shape(spell[i]), zero) for i in ids]]
            rows = doc.after[prev] = by_id[doc.words]
        return rows

    def _evidence_codes(self, words, mid: set, low: set):
        """2 * tc + lc of each token (features.context_features: capitalised and seen capitalised mid-sentence
        in the document; seen in lower case), worked out once per distinct word; and how many distinct words."""
        uniq = _distinct(words)
        spell, lows = self.words, self.lows
        by_id = np.zeros(len(lows), dtype=np.intp)
        by_id[uniq] = [2 * (spell[i][:1].isupper() and lows[i] in mid) + (lows[i] in low) for i in uniq.tolist()]
        return by_id[words], len(uniq)

    def _bigrams(self, P, at, prefix: str, left_off: int, right_off: int):
        """Summed bigram feature rows: only pairs whose words both occur in some weighted bigram are built."""
        k = 0 if prefix == "bg-=" else 2
        a, b = P[at + left_off], P[at + right_off]
        hit = np.flatnonzero(self.flags[k][a] & self.flags[k + 1][b])
        out = np.zeros((len(at), self.n), dtype=np.int32)
        if len(hit):
            lows, fid, zero, memo = self.lows, self.fid, self.zero_id, self.pair_rows[k // 2]
            pairs = ((a[hit] << 32) + b[hit]).tolist()  # one int per pair of word ids
            ids = list(map(memo.get, pairs))
            if None in ids:  # pairs not met before: their feature row, remembered (each new pair once)
                if len(memo) > _PAIR_LIMIT:
                    memo.clear()
                new = {pair: fid.get(prefix + lows[pair >> 32] + "|" + lows[pair & 0xFFFFFFFF], zero)
                       for pair in dict.fromkeys([p for p, i in zip(pairs, ids) if i is None])}
                memo.update(new)
                ids = list(map(new.get, pairs, ids))  # a new pair's row, else the one found
            out[hit] = self.W[ids]
        return out
