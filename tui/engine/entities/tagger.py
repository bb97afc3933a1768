"""Averaged-perceptron BIO tagger for PERSON / ORG / LOC / MISC names.

The shipped weights (since session 15) are a structured perceptron's (bench/train_ner.py, `--decoder viterbi`, the
default; their file names the decoder "viterbi"): each line's tags are its best path (`Tagger._paths`, viterbi.py).
A weights file without a decoder (sessions 1-14's) is decoded greedily, left to right (`_walk`, `tag_plain`), as
`Tagger(..., decoder="greedy")` is. Each word sees how its earlier mentions in the article were tagged. A second
pass (TWO_PASS, on since session 6 with the word-dropout weights: README's quality notes) re-tags the lines where a
word's first-pass labels elsewhere in the article, before and after it, say more (Tagger.tag_segments). The weights
are learned by bench/train_ner.py and shipped in assets/models/ner_weights.json.gz.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from itertools import compress
from bisect import bisect_left
from operator import add
from dataclasses import dataclass

from tui.assets import asset

from .features import (
    CLASSES,
    END,
    SLOTS,
    START,
    context_features,
    doc_evidence,
    history_features,
    initial_flags,
    HISTORY_TYPES,
    is_upper_line,
    second_pass_after,
    second_pass_types,
    short_shape,
    tag_features,
    word_features,
)
from ..lexicon import lexicon
from ..tokens import digit_key
from .tokens import lines, tokenize_line
from .doc_features import document_features
from .viterbi import FastPaths, KeyedSearch, best_path, pair_scores, sure_o_at

WEIGHTS_FILE = "ner_weights.json.gz"
# The tagger's word lists (lexicon().tagger_fingerprint(): its gazetteer flags and whole place names, pycountry's
# country and subdivision names among them) when the shipped weights learned (bench/train_ner.py prints it). Another
# value means the features no longer are those the weights learned: a list was edited without training again, or
# pycountry is missing or another version (session 28's measuring fault; `newsreader doctor` says so).
# Since session 35 the lists are read without the nine words of first_names.txt's old split comment, which these
# weights learned as given names (lexicon.LEARNED_FIRST_NAMES; the check adds them back: Lexicon.learned_fingerprint).
LEARNED_UNDER = "8ffe80f626a1"
_MEMO_LIMIT = 30_000  # words per slot; a full cache is simply dropped (keeps memory to a few MB)
MAX_TOKENS = 80_000  # about 60,000 words of prose: more than any article, and it bounds hostile inputs
_ENDERS = frozenset(".!?")  # a name never runs on across the end of a sentence
_VECTOR_AFTER = 64
_DIV = 16
_FORBIDDEN = -(1 << 40)  # added to a class the BIO constraint rules out (integer weights sum to far less)
_LOW = -(1 << 30)  # the same in the Viterbi decoder's int32 pair scores
# a document of at least KEYED_MIN tokens with at most KEYED_SHARE times as many distinct rows (hostile texts: a page
# of one name) is searched line by line, each step once (viterbi.KeyedSearch); prose (dev texts: 0.7-1.0) as before
KEYED_MIN = 64
KEYED_SHARE = 0.5
KEYED_WORDS = 0.1  # ... looked for only with at most KEYED_WORDS times as many distinct words (an 800-word text: ~0.45)
USE_DOC_FEATURES = True  # document features (doc_features.py), session 7: README
TWO_PASS = True  # re-tag with each word's labels elsewhere in the document (Tagger.tag_segments): README
# a line whose capitalised words are all distinct is not read sentence by sentence (`line_path`: the same tags)
LINE_SHORTCUT = True
# the keyed search's tokens met once that every best path tags "O" lead into the state of "O" alone (viterbi.sure_o_at),
# when a document has at least SURE_ONCE_MIN such tokens not capitalised (fewer cost the search less than the test)
SURE_ONCE = True
SURE_ONCE_MIN = 64


@dataclass
class Segment:
    """One line of the document, tokenised."""

    spans: list[tuple[int, int]]
    toks: list[str]
    initial: list[bool]
    upper: bool
    docf: list | None = None  # per token, its document features (doc_features.py); None: none
    caps: list[int] | None = None  # the positions of the tokens starting with a capital; None: not worked out
    key: int | None = None  # the lines of a digit key met more than once share it (`_keyed_segments`); None: other


def prepare(text: str) -> tuple[list[Segment], set, set]:
    """Tokenise `text` line by line and collect the document-level evidence."""
    segs = []
    spans_of = lines(text)
    if len(spans_of) >= KEYED_LINES:
        segs = _keyed_segments(text, spans_of)
    else:
        for ls, le in spans_of:
            spans, toks = tokenize_line(text, ls, le)  # each line starts the text or follows a line break
            if not spans:
                continue
            caps = [k for k, tok in enumerate(toks) if tok[:1].isupper()]
            segs.append(Segment(spans, toks, initial_flags(toks), is_upper_line(toks), caps=caps))
    mid, low = doc_evidence([s.toks for s in segs], [s.initial for s in segs], [s.upper for s in segs])
    add_document_features(segs)
    return segs, mid, low


# a text of at least KEYED_LINES lines is segmented line by line per digit key (`_keyed_segments`); fewer: line by line
KEYED_LINES = 64


def _keyed_segments(text: str, spans_of: list[tuple[int, int]]) -> list[Segment]:
    """`prepare`'s segments of the lines `spans_of`, a line repeated but for its digits (a page of numbered quotations)
    tokenised once. What a line's tokens, their kinds and the line's flags read of a digit is only that it is one
    (`\\d`, `\\w`, str.isalnum / isupper / isalpha / split, none of the openers or abbreviations holds one), never its
    value (tokens.digit_key): a line and its key have tokens at the same places, with the same sentence starts,
    capitals and case (tests/engine/test_tagger_line_keys.py). A key met again gives its line's words by slicing the
    line where the first line's tokens were."""
    keyed = digit_key(text)
    seen: dict[str, tuple | list | None] = {}  # key -> its first line's segment (then its tokens' places), or None
    segs = []
    for ls, le in spans_of:
        key = keyed[ls:le]
        got = seen.get(key, _NEW)
        if got is _NEW:
            spans, toks = tokenize_line(text, ls, le)  # each line starts the text or follows a line break
            if not spans:
                seen[key] = None
                continue
            caps = [k for k, tok in enumerate(toks) if tok[:1].isupper()]
            seg = Segment(spans, toks, initial_flags(toks), is_upper_line(toks), caps=caps, key=len(seen))
            seen[key] = [ls, seg]  # (its places worked out when the key is met again)
            segs.append(seg)
            continue
        if got is None:
            continue
        if type(got) is list:  # the second line of the key: the places of the first line's tokens, from its start
            first, seg = got
            got = seen[key] = ([slice(a - first, b - first) for a, b in seg.spans],
                               [a - first for a, _ in seg.spans], [b - first for _, b in seg.spans],
                               seg.initial, seg.upper, seg.caps, seg.key)
        cuts, starts, ends, initial, upper, caps, kid = got
        segs.append(Segment(list(zip(map(ls.__add__, starts), map(ls.__add__, ends))),
                            list(map(text[ls:le].__getitem__, cuts)), list(initial), upper, caps=list(caps), key=kid))
    for got in seen.values():
        if type(got) is list:  # a line whose key no other line has: not keyed (nothing to share)
            got[1].key = None
    return segs


_NEW = object()


def add_document_features(segs: list[Segment]) -> None:
    """Give each segment its tokens' document features (how each word is used elsewhere: doc_features.py)."""
    if USE_DOC_FEATURES:
        for seg, feats in zip(segs, document_features(segs)):
            seg.docf = feats


def allowed(prev: str, tag: str) -> bool:
    """BIO constraint: I-X may only continue B-X or I-X."""
    return not tag.startswith("I-") or (prev != "O" and prev[2:] == tag[2:])


def line_budget(segs_tokens: int) -> list[int]:
    """How many tokens a document's lines may be searched again for (`line_path`): about twice its tokens."""
    return [2 * segs_tokens + 1000]


def line_path(toks: list[str], spans: list[tuple[int, int]], caps: list[int], hist: dict[str, list[int]], path,
              budget: list[int], type_of: dict[str, int]) -> tuple[list[str], list]:
    """One line's first-pass tags and the history type each token saw; `hist` (the document's label counts per
    capitalised word) is updated with the line's labels. `caps`: the positions of the capitalised words of two or
    more characters; `path(types)`: the line's best path (tags) under those history types (an index into
    HISTORY_TYPES or None per token); `type_of`: tag -> its history type. The decoder (Tagger._paths) and the
    trainer (bench/train_ner.py train_struct) both read a line through this function, so they build the history
    alike.

    The line is read sentence by sentence (a sentence starts after . ! ? and a space): a sentence's tags are those
    of the line's best path under the types known when it is reached, which count the lines before and the line's
    earlier sentences (prose writes paragraphs of several sentences on one line; GUM's paragraphs lost one
    protagonist's every mention to the Viterbi decoder of session 15, which counted the lines before only). The
    line is searched again only when some later type changed, while `budget` (tokens the document may search
    again: `line_budget`) lasts; then the rest of the line keeps the types known."""
    n = len(toks)
    types = [None] * n
    for i in caps:
        counts = hist.get(toks[i])
        if counts is not None:
            types[i] = counts.index(max(counts))
    tags = path(types)
    # a later token's type changes only when an earlier sentence of the line holds the same word: with every
    # capitalised word of the line distinct, none does (the line's path is then never searched again)
    if LINE_SHORTCUT and (len(caps) < 2 or len({toks[i] for i in caps}) == len(caps)):
        _remember(hist, toks, caps, tags, type_of)
        return tags, types
    starts = [i for i in range(1, n) if toks[i - 1] in _ENDERS and spans[i][0] > spans[i - 1][1]]
    if not starts or not caps:
        _remember(hist, toks, caps, tags, type_of)
        return tags, types
    ends = starts + [n]
    # each capitalised word's positions: after a sentence only the words it holds may change type, and all of a word's
    # later positions hold one type (asking every later token at every sentence was quadratic: 18 s of a 140 KB line
    # of 4,666 sentences naming one club, hostile36)
    where: dict[str, list[int]] = {}
    for i in caps:
        where.setdefault(toks[i], []).append(i)
    c = 0  # caps[c:] are the capitalised tokens not yet remembered
    for b in ends:
        done = c
        while c < len(caps) and caps[c] < b:
            c += 1
        _remember(hist, toks, caps[done:c], tags, type_of)
        if b == n or budget[0] < n:
            continue
        changed = False
        for w in dict.fromkeys(toks[i] for i in caps[done:c]):
            at = where[w]
            k = bisect_left(at, b)
            if k == len(at):
                continue
            counts = hist.get(w)
            t = counts.index(max(counts)) if counts is not None else None
            if t != types[at[k]]:
                for i in at[k:]:
                    types[i] = t
                changed = True
        if changed:
            budget[0] -= n
            new = path(types)
            tags = tags[:b] + new[b:]
    return tags, types


def _remember(hist: dict[str, list[int]], toks: list[str], caps: list[int], tags: list[str],
              type_of: dict[str, int]) -> None:
    """Count the labels of the capitalised tokens `caps` (positions) in the document's history."""
    n_types = len(HISTORY_TYPES)
    for i in caps:
        counts = hist.get(toks[i])
        if counts is None:
            counts = hist[toks[i]] = [0] * n_types
        counts[type_of[tags[i]]] += 1


class Tagger:
    """Holds the weights and a per-word cache of summed word-feature scores."""

    def __init__(self, weights: dict[str, list[float]], classes: list[str] = CLASSES, decoder: str = "viterbi"):
        self.viterbi = decoder == "viterbi"  # structured weights: each line's best path (viterbi.py)
        rows = _int_rows(weights, len(classes))  # integer weights as one matrix (weights.Rows), else None
        # feature -> its weights per class (tuples: the garbage collector skips them)
        self.w = rows if rows is not None else {f: tuple(v) for f, v in weights.items()}
        self.classes = classes
        self.n = len(classes)
        self.memo: dict[str, dict[str, tuple]] = {}  # slot -> word -> summed scores
        self.zero = (0,) * self.n
        # allowed[p][c]: may class c follow previous class p
        self.ok = {p: [allowed(p, c) for c in classes] for p in classes + [START]}
        self.lock = threading.Lock()
        self.two_pass = TWO_PASS
        self.pairs: dict[tuple[str, str], tuple] = {}  # (tag before last, last tag) -> summed tag-feature scores
        self.type_index = {c: HISTORY_TYPES.index(c[2:] if c != "O" else "O") for c in classes}
        self.hist_vecs = {(k, ini): self._sum(history_features({"Xx": [int(j == k) for j in range(len(HISTORY_TYPES))]},
                                                               "Xx", ini)) for k in range(len(HISTORY_TYPES))
                          for ini in (False, True)}
        # the whole-segment scorer assumes "O" allows what a sentence start allows (true of BIO)
        self.dyns: dict[tuple, list[int]] = {}  # _dynamic's memo
        self.table = _score_table(rows, classes, self._pair_vec("O", "O"), self.ok["O"], self.hist_vecs) \
            if rows is not None and self.ok["O"] == self.ok[START] else None

    def _pair_vec(self, prev2: str, prev: str) -> tuple:
        pv = self.pairs.get((prev2, prev))
        if pv is None:
            pv = self.pairs[(prev2, prev)] = self._sum(tag_features(prev, prev2, "", "")[:2])
        return pv

    def _sum(self, feats) -> tuple:
        w = self.w
        acc = self.zero
        for f in feats:
            v = w.get(f)
            if v is not None:
                acc = tuple(map(add, acc, v))
        return acc

    def _slot_vecs(self, slot: str, words: list[str]) -> list[tuple]:
        """Summed word-feature scores of each word seen from `slot`, memoised per (slot, word)."""
        memo = self.memo.setdefault(slot, {})
        if len(memo) > _MEMO_LIMIT:
            memo.clear()
        out = []
        for word in words:
            v = memo.get(word)
            if v is None:
                v = memo[word] = self._sum(word_features(slot, word))
            out.append(v)
        return out

    def tag(self, seg: Segment, mid: set, low: set, hist: dict[str, list[int]]) -> list[str]:
        """BIO tags for one segment (its best path, or greedy left to right); `hist` (the document's labels so far)
        is updated."""
        return self.tag_segments([seg], mid, low, hist)[0]

    def tag_segments(self, segs: list[Segment], mid: set, low: set, hist: dict[str, list[int]],
                     two_pass: bool = False) -> list[list[str]]:
        """`tag` of each segment in turn (one document), from whole-document scores when the weights allow.

        With `two_pass`, a second pass then re-tags the segments where some word's labels elsewhere in the
        document (its other mentions before AND after it, as the first pass tagged them) say something its
        earlier mentions alone did not: the history feature ("h=") then means the commonest first-pass label
        of the word's other mentions (features.second_pass_types). Other segments keep their tags.
        With Viterbi weights (`viterbi`), each line's tags are its best path instead (`_paths`)."""
        if self.viterbi:
            return self._paths(segs, mid, low, hist, two_pass)
        if self.table is None:
            out = [self.tag_plain(seg, mid, low, hist) for seg in segs]
            if two_pass:
                before, after = second_pass_types([seg.toks for seg in segs], out)
                out = [tags if new == old else self.tag_plain(seg, mid, low, {}, new)
                       for seg, tags, old, new in zip(segs, out, before, after)]
            return out
        scores = self.table.document(segs, mid, low, _ENDERS)
        out, offs, off = [], [], 0
        fresh = two_pass and not hist  # the first pass's counts then are second_pass_types' own: kept, not redone
        seen_by_seg = []
        for seg in segs:
            seen = [None] * len(seg.toks) if fresh else None
            out.append(self._walk(seg, scores, off, hist, seen=seen))
            seen_by_seg.append(seen)
            offs.append(off)
            off += len(seg.toks)
        if two_pass:
            caps = [seg.caps for seg in segs]
            toks = [seg.toks for seg in segs]
            if fresh:
                caps = None if None in caps else [[(i, t[i]) for i in c if len(t[i]) > 1] for t, c in zip(toks, caps)]
                before, after = seen_by_seg, second_pass_after(toks, out, hist, seen_by_seg, caps_by_seg=caps)
            else:
                before, after = second_pass_types(toks, out, caps_by_seg=None if None in caps else caps)
            out = [tags if new == old else self._rewalk(seg, scores, off, tags, old, new)
                   for seg, tags, off, old, new in zip(segs, out, offs, before, after)]
        return out

    def _rewalk(self, seg: Segment, scores, off: int, tags: list[str], old: list, new: list) -> list[str]:
        """The second pass over one segment whose history types changed (`old` -> `new`), from its first token whose
        type changed, until the greedy state (the two tags before a token) is the first pass's again after the last
        changed one: before and after that every input of each greedy choice is the first pass's, and so are the
        tags (a line of thousands of words re-tags a few words, not the line; `_walk` with `fixed` over the whole
        segment gives the same tags: tests/engine/test_tagger_passes.py)."""
        changed = [i for i, (a, b) in enumerate(zip(old, new)) if a != b]
        return self._walk(seg, scores, off, {}, new, tags, changed[0], changed[-1])

    def _walk(self, seg: Segment, scores, off: int, hist: dict[str, list[int]], fixed: list | None = None,
              first_tags: list[str] | None = None, begin: int = 0, last: int = -1, seen: list | None = None) -> list[str]:
        """The greedy pass of `tag_plain` over precomputed scores (scoring.py): Python arithmetic only where the
        two tags before a token are not both "O", and only until such a state has come up often enough in the
        document to be worked out for every token at once (`_VECTOR_AFTER`). `fixed` (the second pass) gives
        each token's history type instead of `hist`, which is then neither read nor updated. With `first_tags` (the
        first pass's tags of the segment, `fixed` given) the walk starts at token `begin` after the first pass's
        tags, and once past token `last` it ends as soon as the two tags before a token are the first pass's,
        which it then keeps (`_rewalk`). `seen` (first pass only) gets each capitalised token's history type as read
        from `hist` (what features.second_pass_types gives as the first pass's types)."""
        toks = seg.toks
        base, fast, fast_hist = scores.base, scores.fast, scores.fast_hist
        states, quiet_to, hits = scores.states, scores.quiet_to, scores.hits
        enough = max(_VECTOR_AFTER, len(base) // _DIV)
        classes, type_of, initial, dyns = self.classes, self.type_index, seg.initial, self.dyns
        n_types = len(HISTORY_TYPES)
        prev, prev2 = START, START
        out = []
        n = len(toks)
        i = 0
        if first_tags is not None:
            out = first_tags[:begin]
            i = begin
            prev = first_tags[begin - 1] if begin > 0 else START
            prev2 = first_tags[begin - 2] if begin > 1 else START
        while i < n:
            if i > last and first_tags is not None and prev == first_tags[i - 1] and \
                    prev2 == (first_tags[i - 2] if i > 1 else START):
                out += first_tags[i:]  # the same state and, from here on, the same inputs: the same tags
                break
            t = off + i
            if prev == "O" and prev2 == "O" and quiet_to is not None:
                # a run of lower-case tokens the "O" state tags "O": no history to read or count, the state stays
                j = quiet_to[t] - off
                if j > i:
                    if j >= n:
                        out += ["O"] * (n - i)
                        break
                    out += ["O"] * (j - i)
                    i, t = j, off + j
            tok = toks[i]
            cap = len(tok) > 1 and tok[:1].isupper()
            if fixed is None:
                counts = hist.get(tok) if cap else None
                h = None if counts is None else counts.index(max(counts))
            else:  # the second pass: the history type is given
                counts, h = None, fixed[i]
            if prev == "O" and prev2 == "O":
                tag = classes[fast[t] if h is None else fast_hist[h][t]]
            else:
                state = (prev2, prev, h)
                best = states.get(state)
                if best is None:  # one more meeting of a state not yet worked out for every token
                    hits[state] = met = hits.get(state, 0) + 1
                    if met >= enough:
                        best = self._vectorise(scores, state)
                if best is not None:
                    tag = classes[best[t]]
                else:
                    after_end = i == 0 or toks[i - 1] in _ENDERS
                    key = (prev2, prev, h, initial[i], after_end, tok)
                    dyn = dyns.get(key)
                    if dyn is None:
                        dyn = self._dynamic(key)
                    sc = list(map(add, base[t].tolist(), dyn))
                    tag = classes[sc.index(max(sc))]
            out.append(tag)
            if cap and fixed is None:
                if counts is None:
                    counts = hist[tok] = [0] * n_types
                counts[type_of[tag]] += 1
                if seen is not None:
                    seen[i] = h
            prev2, prev = prev, tag
            i += 1
        return out

    def _dynamic(self, key: tuple) -> list[int]:
        """The tag-dependent part of a token's scores (the two previous tags' features, the word after the last
        tag, its history) plus the BIO constraint as a large negative score; memoised."""
        prev2, prev, h, initial, after_end, tok = key
        sc = list(self._pair_vec(prev2, prev))
        for f in ("t-1w=" + prev + "|" + tok.lower(), "t-1sh=" + prev + "|" + short_shape(tok)):
            v = self.w.get(f)
            if v is not None:
                sc = list(map(add, sc, v))
        if h is not None:
            sc = list(map(add, sc, self.hist_vecs[h, initial]))
        ok = self.ok[START] if after_end else self.ok[prev]
        sc = [x if a else x + _FORBIDDEN for x, a in zip(sc, ok)]
        if len(self.dyns) > _MEMO_LIMIT:
            self.dyns.clear()
        self.dyns[key] = sc
        return sc

    def _vectorise(self, scores, state: tuple) -> list[int]:
        """The best class of every token in a greedy state (tag before last, last tag, history type), once the
        state has been met often enough (`_walk` counts the meetings in scores.hits); kept in scores.states."""
        prev2, prev, h = state
        best = scores.states[state] = self.table.state_best(scores, prev, self._pair_vec(prev2, prev), h,
                                                            self.ok[prev], self.ok[START])
        return best

    def _paths(self, segs: list[Segment], mid: set, low: set, hist: dict[str, list[int]], two_pass: bool) -> list[list[str]]:
        """The Viterbi decoder's tags of each segment in turn: a capitalised word's history type is the commonest
        label of its mentions in the segments before and in the earlier sentences of its own line (`_line_path`);
        with `two_pass`, the segments whose types the second pass changes (features.second_pass_after over the
        first pass's counts) get their paths again. From whole-document scores when the weights allow
        (`_fast_decoder`), else token by token (`path_plain`, the reference)."""
        decode = self._fast_decoder(segs, mid, low) if self.table is not None else None
        out, before = [], []
        # re-decoding a line when its later sentences learn a history costs at most about twice the document
        budget = line_budget(sum(len(seg.toks) for seg in segs))
        for k, seg in enumerate(segs):
            tags, types = self._line_path(k, seg, mid, low, hist, decode, budget)
            out.append(tags)
            before.append(types)
        if two_pass:
            toks = [seg.toks for seg in segs]
            caps = [seg.caps for seg in segs]
            caps = None if None in caps else [[(i, t[i]) for i in c if len(t[i]) > 1] for t, c in zip(toks, caps)]
            after = second_pass_after(toks, out, hist, before, caps_by_seg=caps)
            out = [tags if new == old else decode(k, new) if decode is not None else self.path_plain(seg, mid, low, new)
                   for k, (seg, tags, old, new) in enumerate(zip(segs, out, before, after))]
        return out

    def _line_path(self, k: int, seg: Segment, mid: set, low: set, hist: dict[str, list[int]], decode,
                   budget: list[int]) -> tuple[list[str], list]:
        """One line's first-pass tags and the history type each token saw (`line_path`); `hist` is updated."""
        toks = seg.toks
        caps = [i for i in (seg.caps if seg.caps is not None else range(len(toks)))
                if len(toks[i]) > 1 and toks[i][:1].isupper()]

        def path(types: list) -> list[str]:
            return decode(k, list(types)) if decode is not None else self.path_plain(seg, mid, low, types)

        return line_path(toks, seg.spans, caps, hist, path, budget, self.type_index)

    def path_plain(self, seg: Segment, mid: set, low: set, types: list) -> list[str]:
        """The best path of one segment computed token by token from the feature strings (any weights; the
        reference of the Viterbi decoder): `types` gives each token's history type (an index into HISTORY_TYPES,
        or None)."""
        toks = seg.toks
        if not toks:
            return []
        prevs = self.classes + [START]
        emit, pairs = [], []
        for i, sc in enumerate(self._static_scores(seg, mid, low)):
            if types[i] is not None:
                sc = list(map(add, sc, self.hist_vecs[types[i], seg.initial[i]]))
            emit.append(list(sc))
            lw, ss = toks[i].lower(), short_shape(toks[i])
            after_end = i == 0 or toks[i - 1] in _ENDERS
            rows = []
            for p in prevs:
                row = self._sum(["t-1=" + p, "t-1w=" + p + "|" + lw, "t-1sh=" + p + "|" + ss])
                ok = self.ok[START] if after_end else self.ok[p]
                rows.append([x if a else x + _FORBIDDEN for x, a in zip(row, ok)])
            pairs.append(rows)
        return [self.classes[c] for c in best_path(emit, pairs, len(prevs) - 1, None)]

    def _static_scores(self, seg: Segment, mid: set, low: set) -> list[list]:
        """Every tag-independent score of each token of `seg` (the window's word features, the context features, the
        document features), summed from the feature strings."""
        toks, n = seg.toks, len(seg.toks)
        w = self.w
        padded = [START, START] + toks + [END, END]
        cols = [self._slot_vecs(slot, padded[2 + off:2 + off + n]) for slot, off in SLOTS]
        if seg.upper:
            cols.append(self._slot_vecs("U", toks))
        out = []
        for i, vs in enumerate(zip(*cols)):
            vecs = list(vs)
            for f in context_features(toks, i, seg.initial[i], seg.upper, mid, low):
                v = w.get(f)
                if v is not None:
                    vecs.append(v)
            if seg.docf is not None:
                for f in seg.docf[i]:
                    v = w.get(f)
                    if v is not None:
                        vecs.append(v)
            out.append(list(map(sum, zip(*vecs))))
        return out

    def _fast_decoder(self, segs: list[Segment], mid: set, low: set):
        """A function (segment index, history types) -> the segment's best path (its tags), from the whole
        document's scores (scoring.py) and viterbi.FastPaths: the tokens sure to be "O" are left "O" and the search
        runs over the stretches between them; or, when the document's rows repeat much, viterbi.KeyedSearch."""
        import numpy as np

        table = self.table
        scores = table.document(segs, mid, low, _ENDERS, greedy=False)  # (base scores only)
        classes = self.classes
        prevs = classes + [START]
        zero = self.zero
        trans = [self.w.get("t-1=" + p, zero) for p in prevs]
        low_mask = [np.array([0 if a else _LOW for a in self.ok[p]], dtype=np.int32) for p in prevs]
        lengths = [len(seg.toks) for seg in segs]
        # Tokens with the same rows (the same base scores, word and constraint: a token's pair scores are its word's
        # and its constraint's) share a row id. When the document's rows repeat much (hostile texts: a page of one
        # name, a dateline on every line), every line is searched whole, each step once (viterbi.KeyedSearch); else
        # the search runs between the tokens sure to be "O" (FastPaths).
        n_all = len(scores.words)
        hist_vecs = self.hist_vecs
        start_row = len(prevs) - 1
        # (a row holds its word: a document of many distinct words has as many distinct rows, and is not hashed)
        rid = reps = None
        cuts: dict[int, list] = {}  # line -> its tokens sure to be "O" (`_mark_sure_once`), for KeyedSearch.path
        if n_all >= KEYED_MIN and scores.distinct <= KEYED_WORDS * n_all:
            rid, reps = _row_ids(scores.base, scores.words, scores.ender[:, 0])
        if reps is not None and len(reps) <= KEYED_SHARE * n_all:
            at = (rid * 16).tolist()
            emits = scores.base[reps].tolist()
            R = pair_scores(trans, table.prev_rows(scores, prevs, reps), low_mask, low_mask[-1],
                            scores.ender[reps, 0]).transpose(1, 0, 2)
            pid, firsts = _same_rows(R.reshape(len(reps), -1))  # the distinct pair rows (a row's word and constraint)
            R, pid = R[firsts], pid.tolist()
            pair_rows = R.tolist()

            def rows(key: int):
                if key < 0:  # (a token sure to be "O": KeyedSearch)
                    key = ~key
                r, code = key >> 4, key & 15
                p = pid[r]
                if code:
                    code -= 1
                    return list(map(add, emits[r], hist_vecs[code >> 1, bool(code & 1)])), pair_rows[p], p
                return emits[r], pair_rows[p], p

            search = KeyedSearch(rows, scores.base[reps], R, hist_vecs.values(), scores.ender[reps[firsts], 0])
            if SURE_ONCE:
                cuts = self._mark_sure_once(at, scores, rid, np.asarray(pid, dtype=np.intp), R, lengths)
        else:
            search = None
            after = table.prev_rows(scores, prevs)
            caps = table.caps[scores.words]
            hb = self._hist_bounds()
            bound = tuple(np.where(scores.ini[:, None], on, off) * caps[:, None] for off, on in hb)
            fp = FastPaths(scores, trans, after, low_mask, low_mask[-1], lengths, bound)
            E, sure = fp.E, fp.sure_o
            # the rows of the tokens the search visits, as lists once (a stretch is then a slice of them)
            loud = np.flatnonzero(~sure)
            at = np.zeros(len(sure), dtype=np.intp)
            at[loud] = np.arange(len(loud))
            at = at.tolist()
            emits = scores.base[loud].tolist()
            pair_rows = E[:, loud].transpose(1, 0, 2).tolist()
            sure = sure.tolist()
        offs = [0]
        for n in lengths:
            offs.append(offs[-1] + n)

        def decode(k: int, types: list) -> list[int]:
            off, n = offs[k], lengths[k]
            if search is not None:  # the whole line, each step once
                keys = at[off:off + n]  # 16 x the row id, plus 1 + 2 h + (starts a sentence) with a history h
                ini = segs[k].initial
                for t in (segs[k].caps if segs[k].caps is not None else range(n)):
                    if types[t] is not None:
                        keys[t] += 1 + 2 * types[t] + ini[t]
                return list(map(classes.__getitem__, search.path(keys, start_row, cuts.get(k))))
            tags = [0] * n
            i = 0
            while i < n:
                if sure[off + i]:
                    i += 1
                    continue
                j = i + 1
                while j < n and not sure[off + j]:
                    j += 1
                a = at[off + i]
                emit = emits[a:a + j - i]
                for t in range(i, j):
                    if types[t] is not None:
                        emit[t - i] = list(map(add, emit[t - i], hist_vecs[types[t], segs[k].initial[t]]))
                last = E[:start_row, off + j, 0].tolist() if j < n else None
                tags[i:j] = best_path(emit, pair_rows[a:a + j - i], start_row if i == 0 else 0, last)
                i = j
            return list(map(classes.__getitem__, tags))

        return decode

    def _mark_sure_once(self, at: list, scores, rid, pid, R, lengths: list[int]) -> dict[int, list]:
        """For the keyed search: the key of each token whose rows no other token of the document has (a number of a
        page of numbered quotations), not capitalised (no history), and that every best path tags "O"
        (viterbi.sure_o_at), made negative (~key), so that the state after it keeps "O" alone (KeyedSearch).
        Returns the `cuts` of KeyedSearch.path by line: (position in the line, an id of its pair scores into "O") of
        each such token but a line's first."""
        import numpy as np

        caps = self.table.caps[scores.words]
        once = np.flatnonzero((np.bincount(rid)[rid] == 1) & ~caps)
        if len(once) < max(SURE_ONCE_MIN, 1):  # (a few: their steps cost less than the test's array operations)
            return {}
        (off, on), (ib_off, ib_on) = self._hist_bounds()
        ini = scores.ini
        sure = sure_o_at(once, scores.base, lambda ts: R[pid[rid[ts]]], lengths,
                         lambda ts: np.where(ini[ts][:, None], on, off) * caps[ts][:, None],
                         lambda ts: np.where(ini[ts][:, None], ib_on, ib_off) * caps[ts][:, None],
                         rid * 2 + ini, pid[rid])
        marked = once[sure]
        for t in marked.tolist():
            at[t] = ~at[t]
        starts = np.cumsum(lengths) - lengths  # each line's first token
        line = np.searchsorted(starts, marked, side="right") - 1
        # the step into "O" reads only the pair scores into "O" from each previous class: tokens with equal ones share
        # an id (the others, only KeyedSearch's o_only state follows them)
        into_o, _ = _same_rows(np.ascontiguousarray(R[:, :-1, 0]))
        cuts: dict[int, list] = {}
        for k, c, p in zip(line.tolist(), (marked - starts[line]).tolist(), into_o[pid[rid[marked]]].tolist()):
            if c:
                cuts.setdefault(k, []).append((c, p))
        return cuts

    def _hist_bounds(self):
        """([ini][c] the most a history row can add to class c's score over "O"'s, [ini][y] the most it can add to
        I-Y's over B-Y's; no history: 0), for a token not starting a sentence (ini 0) and one starting it (1)."""
        import numpy as np

        got = getattr(self, "_hb", None)
        if got is None:
            over_o, i_over_b = [], []
            for ini in (False, True):
                rows = np.array([self.hist_vecs[h, ini] for h in range(len(HISTORY_TYPES))], dtype=np.int64)
                over_o.append(np.maximum(0, (rows - rows[:, :1]).max(axis=0)))
                i_over_b.append(np.maximum(0, (rows[:, 2::2] - rows[:, 1::2]).max(axis=0)))
            got = self._hb = (over_o, i_over_b)
        return got

    def tag_plain(self, seg: Segment, mid: set, low: set, hist: dict[str, list[int]],
                  fixed: list | None = None) -> list[str]:
        """Greedy tags computed token by token from the feature strings (any weights; the reference path).
        `fixed`, as in `_walk`, gives each token's history type (an index into HISTORY_TYPES, or None)."""
        toks, n = seg.toks, len(seg.toks)
        w, classes, ok = self.w, self.classes, self.ok
        padded = [START, START] + toks + [END, END]
        cols = [self._slot_vecs(slot, padded[2 + off:2 + off + n]) for slot, off in SLOTS]
        if seg.upper:
            cols.append(self._slot_vecs("U", toks))
        static = [list(map(sum, zip(*vs))) for vs in zip(*cols)]
        prev, prev2 = START, START
        out = []
        initial, upper, docf = seg.initial, seg.upper, seg.docf
        pairs, hvec, type_of = self.pairs, self.hist_vecs, self.type_index
        for i in range(n):
            tok = toks[i]
            pv = pairs.get((prev2, prev))
            if pv is None:
                pv = pairs[(prev2, prev)] = self._sum(tag_features(prev, prev2, "", "")[:2])
            vecs = [static[i], pv]
            lw = tok.lower()
            for f in context_features(toks, i, initial[i], upper, mid, low) + [
                    "t-1w=" + prev + "|" + lw, "t-1sh=" + prev + "|" + short_shape(tok)]:
                v = w.get(f)
                if v is not None:
                    vecs.append(v)
            if docf is not None:  # how the word is used elsewhere in the document (doc_features.py)
                for f in docf[i]:
                    v = w.get(f)
                    if v is not None:
                        vecs.append(v)
            if fixed is None:
                counts = hist.get(tok) if len(tok) > 1 and tok[:1].isupper() else None
                h = counts.index(max(counts)) if counts else None
            else:
                counts, h = None, fixed[i]
            if h is not None:  # how the same word was tagged elsewhere in the document (features.history_features)
                vecs.append(hvec[h, initial[i]])
            scores = list(map(sum, zip(*vecs)))
            allowed_now = ok[prev] if i == 0 or toks[i - 1] not in _ENDERS else ok[START]
            best, best_s = 0, None
            for k, sc in enumerate(scores):
                if allowed_now[k] and (best_s is None or sc > best_s):
                    best, best_s = k, sc
            tag = classes[best]
            out.append(tag)
            if fixed is None and len(tok) > 1 and tok[:1].isupper():  # features.remember, inlined
                if counts is None:
                    counts = hist[tok] = [0] * len(HISTORY_TYPES)
                counts[type_of[tag]] += 1
            prev2, prev = prev, tag
        return out

    def entities(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of the names in `text`, labels PER/ORG/LOC/MISC."""
        segs, mid, low = prepare(text)
        kept = []
        budget = MAX_TOKENS
        for seg in segs:
            if budget <= 0:
                break
            if len(seg.toks) > budget:  # only the first MAX_TOKENS tokens of a document are tagged
                seg = Segment(seg.spans[:budget], seg.toks[:budget], seg.initial[:budget], seg.upper,
                              seg.docf[:budget] if seg.docf is not None else None,
                              [k for k in seg.caps if k < budget] if seg.caps is not None else None)
            budget -= len(seg.toks)
            kept.append(seg)
        with self.lock:  # the memo is shared; keep it consistent across worker threads
            tagged = self.tag_segments(kept, mid, low, {}, self.two_pass)
        found = []
        # (line key, tags) -> the line's names from its start: lines of one digit key tagged alike have their names at
        # the same places (what decode and drop_initial_function_words read of a token is digit-blind: `_DECODE_KEYED`)
        names: dict[tuple, list] = {}
        for seg, tags in zip(kept, tagged):
            if seg.key is None or not _DECODE_KEYED:
                found.extend(drop_initial_function_words(decode(seg.spans, tags, seg.toks), seg))
                continue
            at = seg.spans[0][0]
            got = names.get((seg.key, tuple(tags)))
            if got is None:
                got = drop_initial_function_words(decode(seg.spans, tags, seg.toks), seg)
                found.extend(got)
                names[seg.key, tuple(tags)] = [(s - at, e - at, lab) for s, e, lab in got]
                continue
            found.extend([(s + at, e + at, lab) for s, e, lab in got])
        return found


_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true (the same Unicode test)
# Words that never end a name: "University of Tarn of", "Kingston D.C. The", "Sheriff's".
_BAD_LAST = frozenset("of the and for a an in on at to 's ’s".split())
# Caption labels glued to a name by the layout: "Ada Brandt Image: ...".
_CAPTION = frozenset("Image Photo Photos Picture Video Audio Source Credit Caption Map Graphic".split())


def decode(spans: list[tuple[int, int]], tags: list[str], toks: list[str]) -> list[tuple[int, int, str]]:
    """Turn BIO tags into (start, end, label) spans, trimming punctuation and function words off the edges."""
    groups: list[list] = []  # [label, first token, last token]
    for k in compress(range(len(tags)), map("O".__ne__, tags)):  # the tokens not tagged "O"
        t = tags[k]
        if t.startswith("I-") and groups and groups[-1][0] == t[2:] and groups[-1][2] == k - 1:
            groups[-1][2] = k
        elif (t.startswith("B-") and groups and groups[-1][2] == k - 1 and groups[-1][1] == k - 1
              and "PER" in (t[2:], groups[-1][0]) and toks[k - 1][:1].isupper() and toks[k][:1].isupper()
              and spans[k][0] == spans[k - 1][1] + 1):
            # a lone first word glued to a person ("Regina" + "Ip"): one person, not two names
            groups[-1] = ["PER", k - 1, k]
        else:
            groups.append([t[2:], k, k])
    groups = _split_at_open_brackets(_split_at_day_abbreviations(groups, toks), toks)
    out = []
    for label, a, b in groups:
        while a <= b and _ALNUM.search(toks[a]) is None:
            a += 1
        while b >= a and (_ALNUM.search(toks[b]) is None or toks[b].lower() in _BAD_LAST
                          or (b > a and toks[b] in _CAPTION)):
            b -= 1
        if b - a >= 2 and toks[a] in ("The", "the"):
            a += 1  # "The Harbour Courier" -> "Harbour Courier"; short ones like "The Hague" stay whole
        if a <= b:
            cut = 1 if b > a and toks[b] in _DAY_ABBREVIATIONS else 0  # "Edmonton Sun." ends before the period
            out.append((spans[a][0], spans[b][1] - cut, label))
    return out


# "Sun." and "Sat." are kept whole by the tokenizer (weekday abbreviations), so "the Edmonton Sun. Traffic
# on ..." reads as one name: a name never runs on over such a word into a capitalised one.
_DAY_ABBREVIATIONS = frozenset("Sun. Sat. Mon. Tue. Wed. Thu. Fri.".split())


def _split_at_day_abbreviations(groups: list[list], toks: list[str]) -> list[list]:
    out = []
    for label, a, b in groups:
        k = a
        while k < b:
            if toks[k] in _DAY_ABBREVIATIONS and toks[k + 1][:1].isupper():
                out.append([label, a, k])
                a = k + 1
            k += 1
        out.append([label, a, b])
    return out


def _split_at_open_brackets(groups: list[list], toks: list[str]) -> list[list]:
    """A name never runs on over a bracket it does not close: "Union for the Coast (UFC" is the name and then
    its acronym (balanced ones stay inside: "Total Petroleum (North America) Ltd")."""
    out = []
    for label, a, b in groups:
        k = a
        while k <= b:
            if toks[k] in ("(", "[") and not any(t in (")", "]") for t in toks[k + 1:b + 1]):
                if k > a:
                    out.append([label, a, k - 1])
                a = k + 1
            k += 1
        if a <= b:
            out.append([label, a, b])
    return out


def _digit_blind_decode() -> bool:
    """Do decode and drop_initial_function_words read a token's digits only as digits? They test a token's first
    character's case, str.isupper, `_ALNUM` and membership in word lists: true when no listed word holds a digit."""
    listed = _BAD_LAST | _CAPTION | _DAY_ABBREVIATIONS | lexicon().stop_words | {"The", "the", "(", "[", ")", "]"}
    return not any(ch.isdigit() for w in listed for ch in w)


def drop_initial_function_words(found, seg: Segment):
    """Drop one-word names that are only a capitalised function word at a sentence start ("Later, ...")."""
    if seg.upper:
        return list(found)
    stops = lexicon().stop_words
    spans, initial = seg.spans, seg.initial
    out = []
    for s, e, lab in found:
        k = bisect_left(spans, (s,))  # the token starting at s, if any (token starts are increasing)
        if k < len(spans) and spans[k][0] == s and initial[k] and spans[k][1] == e:
            w = seg.toks[k]
            if not w.isupper() and w.lower() in stops:
                continue
        out.append((s, e, lab))
    return out


_DECODE_KEYED = _digit_blind_decode()


def word_lists_as_learned() -> bool:
    """Are the tagger's word lists those the shipped weights learned under (LEARNED_UNDER), given the nine words of
    first_names.txt's split comment they learned as given names and are read without (lexicon.LEARNED_FIRST_NAMES)?"""
    return lexicon().learned_fingerprint() == LEARNED_UNDER


def read_weights(text: str) -> tuple:
    """(weights, classes) of the weights file's text: the integer weights read straight into a matrix
    (weights.read_rows: no list or int objects per feature) when numpy is there and they qualify, else json's."""
    try:
        from .weights import read_rows
    except ImportError:
        got = None
    else:
        got = read_rows(text)
    if got is not None:
        return got
    data = json.loads(text)
    return data["weights"], data.get("classes", CLASSES)


def decoder_of(text: str) -> str:
    """The decoder a weights file's text was learned for: its "decoder" ("viterbi"), read from the
    head before the weights; a file without one is greedy's."""
    at = text.find('"weights":')
    got = re.search(r'"decoder":\s*"(\w+)"', text[:at] if at >= 0 else text)
    return got.group(1) if got else "greedy"


def _int_rows(weights, n_classes: int):
    """The weights as weights.Rows when numpy is there and they are integers (scoring.usable), else None."""
    try:
        from .scoring import usable
        from .weights import Rows
    except ImportError:
        return None
    if isinstance(weights, Rows):
        return weights
    return Rows(weights, n_classes) if usable(weights) else None


def _row_ids(base, words, ender):
    """(row id of each token, the first token of each id): tokens with the same base scores, word and constraint
    (after . ! ? or a line start or not) get the same id."""
    import numpy as np

    return _same_rows(np.concatenate([base, words[:, None].astype(np.int32), ender[:, None].astype(np.int32)], axis=1))


def _same_rows(cols):
    """(id of each row, the first row of each id) of an int32 matrix: equal rows, equal ids. Found by hashing the
    rows, then checked: a row that differs from its id's first row (a hash collision) gets an id of its own."""
    import numpy as np

    mult = ((np.arange(cols.shape[1], dtype=np.uint64) + np.uint64(1)) * np.uint64(0x9E3779B97F4A7C15)
            | np.uint64(1)).view(np.int64)
    _, reps, rid = np.unique(cols.astype(np.int64) @ mult, return_index=True, return_inverse=True)  # (wraps around)
    rid = rid.reshape(-1)
    bad = np.flatnonzero((cols != cols[reps[rid]]).any(axis=1))
    if len(bad):
        rid[bad] = len(reps) + np.arange(len(bad))
        reps = np.concatenate([reps, bad])
    return rid, reps


def _score_table(rows, classes, o_pair, o_allowed, hist_vecs):
    """The whole-segment scorer over integer weights (`_int_rows`)."""
    from .scoring import ScoreTable

    o_class = classes.index("O") if "O" in classes else None
    return ScoreTable(rows, len(classes), o_pair, o_allowed, hist_vecs, o_class)


_model: Tagger | None = None
_load_lock = threading.Lock()


def load_tagger() -> Tagger:
    """The shipped tagger, loaded once per process."""
    global _model
    if _model is None:
        with _load_lock:
            if _model is None:
                with gzip.open(asset("models", WEIGHTS_FILE), "rt", encoding="utf-8") as fh:
                    text = fh.read()
                _model = Tagger(*read_weights(text), decoder=decoder_of(text))
    return _model
