"""Viterbi decoding for the entity tagger's structured weights (bench/train_ner.py --decoder viterbi, session 14;
the shipped weights since session 15).

A line's tags are its best path: each token's score for a tag is its tag-independent features (scoring.py's
`base`) plus, for a capitalised word met in an earlier line, its history row (how those mentions were tagged), and
each pair (previous tag, tag) adds the features "t-1=PREV", "t-1w=PREV|word", "t-1sh=PREV|shape" and the BIO
constraint (an I-X only after B-X or I-X; after . ! ? and at a line start as at a sentence start).

`Tagger.path_plain` is the reference (feature strings, any weights). `FastPaths` gets the same tags from
scoring.py's whole-document scores: it first finds, with array operations over the whole document, the tokens
every best path tags "O" whatever the history of the words says (`_sure_o`: bounds of how much better any other
tag can do there, from the token's own and its neighbours' scores, are below zero), and the Python search
(`best_path`) then runs only over the stretches between them (names and their neighbours). A document whose
tokens' rows repeat much (hostile texts: a page of one name, a dateline on every line, numbered quotations) is
searched line by line with `KeyedSearch` instead, each distinct step once (session 16). All break ties alike (the
lower class index in CLASSES): tests/engine/test_tagger_viterbi.py compares them.
"""

from __future__ import annotations

from itertools import islice
from operator import add

_NEG = float("-inf")
ROUNDS = 2  # tightening rounds of the bounds that find the tokens sure to be "O" (_sure_o)


def best_path(emit: list[list[int]], pairs: list[list[list[int]]], first: int | None, last: list[int] | None) -> list[int]:
    """The best path (class indices) of a stretch: `emit[i][c]` the token scores, `pairs[i][p][c]` the pair scores
    into token i from class p (BIO constraint included as a large negative score); the stretch starts after class
    `first` (an index into pairs' rows; `None`: pairs[0] has one row, the line start's) and, with `last` (the pair
    scores into the token after the stretch, which is "O": one score per class p), ends before an "O".
    Ties go to the lower class index, as in `plain_path`."""
    m = len(emit[0])
    rows0 = pairs[0][first if first is not None else 0]
    delta = [a + b for a, b in zip(emit[0], rows0)]
    back = []
    rng = range(m)
    for i in range(1, len(emit)):
        pr = pairs[i]
        best = [_NEG] * m
        arg = [0] * m
        for p in rng:
            dp = delta[p]
            row = pr[p]
            for c in rng:
                s = dp + row[c]
                if s > best[c]:
                    best[c] = s
                    arg[c] = p
        e = emit[i]
        delta = [a + b for a, b in zip(best, e)]
        back.append(arg)
    if last is not None:
        delta = [a + b for a, b in zip(delta, last)]
    return backtrack(delta, back)


def backtrack(final: list, back: list[list[int]]) -> list[int]:
    """The path that ends in the best class of `final` (ties: the lower index), following the back pointers."""
    k = 0
    for c in range(1, len(final)):
        if final[c] > final[k]:
            k = c
    path = [k]
    for arg in reversed(back):
        k = arg[k]
        path.append(k)
    path.reverse()
    return path


class KeyedSearch:
    """The best paths of the lines of a document whose tokens' rows repeat (a page of one name, a dateline on every
    line), each step of the search worked out once.

    A token is named by a key (`rows(key)` -> its emit row and pair rows, as best_path's `emit[i]` and `pairs[i]`,
    and an id of its pair rows; equal keys, equal rows; equal ids, equal pair rows). A step (the best scores into
    each class at token i from those into i - 1) depends only on token i's rows and on how the scores into i - 1
    differ from each other; each (those differences, key) is worked out once and kept, and the part before token
    i's own scores once per (those differences, pair rows id). So that the differences repeat, a class that cannot
    be on a best path from here is dropped from them (its score becomes -inf; `_state`). The arithmetic and the ties
    are best_path's: the same path (tests/engine/test_tagger_viterbi.py). Classes as in _sure_o: 0 "O", 2y + 1 and
    2y + 2 B-Y and I-Y.

    An int key below zero (~key: the token's key) marks a token every best path tags "O" (`sure_o_at`): the state
    after it keeps "O" alone. A path through another class there is no best path, so the path and its ties are the same,
    and a token met once (a page of numbered quotations: every number is new) then leads into a state met before
    instead of a new one that the next token's step would work out again."""

    __slots__ = ("rows", "worked", "starts", "states", "lead", "partner", "m", "near", "after", "tied", "nears",
                 "o_only", "pieces")

    def __init__(self, rows, emit_rows, pair_rows, extra_rows, ender):
        """`emit_rows` [k, c]: every distinct token's emit row, `pair_rows` [j, p, c] every distinct pair rows (int
        arrays; the last p, the line start's, is not a previous class); `extra_rows`: rows that may be added to a
        token's emit row (history); `ender[j]`: pair rows j are those of a token after . ! ? or at a line start
        (every class then constrained alike: no I-Y)."""
        import numpy as np

        self.rows = rows
        self.worked = 0  # how many steps (state, key) were worked out
        self.o_only = None  # the state after a token every best path tags "O" (a key < 0), made on first use
        # (where the piece starts: the line start's previous class, or -1 after a token sure to be "O"; its keys; the
        # id of the pair scores into "O" of the sure token ending it, or None at the line end) -> the piece's classes
        # (`path`'s `cuts`)
        self.pieces: dict = {}
        self.starts: dict = {}  # (first, key) -> the state after a line's first token
        # differences -> their state: [differences, live classes, {key: (next state, its steps by key, arg)},
        # {pair rows id: (best scores into each class before the token's own, arg)}]
        self.states: dict = {}
        k, P, m = pair_rows.shape
        self.m = m
        self.lead = self.partner = self.near = None
        free = np.asarray(ender, dtype=bool)
        tied = ~free  # tokens where I-Y may only follow B-Y or I-Y
        if not k:
            return
        R = pair_rows[:, :m].astype(np.int64)
        floor = -(1 << 62)
        opens = [c for c in range(m) if c == 0 or c % 2 == 1]
        # lead[c][c*]: the most c can gain on c* on the way into a next class that every class may precede alike
        # ("O", a B-Y; any class after . ! ? or at a line start)
        A, F = R[:, :, opens], R[free]
        lead = np.empty((m, m), dtype=np.int64)
        for cs in range(m):
            lead[:, cs] = (A - A[:, cs:cs + 1]).max(axis=(0, 2))
            if len(F):
                lead[:, cs] = np.maximum(lead[:, cs], (F - F[:, cs:cs + 1]).max(axis=(0, 2)))
        # partner[c]: (B-Y's I-Y or I-Y's B-Y, the most c can gain on it on the way into I-Y elsewhere)
        partner = [None] * m
        for c in range(1, m):
            q = c + 1 if c % 2 else c - 1
            into = 2 * ((c - 1) // 2) + 2
            partner[c] = (q, int(np.where(tied, R[:, c, into] - R[:, q, into], floor).max()))
        # Into I-Y (not after . ! ?) from a class c that may not precede it, B-Y must always lead c enough: checked
        # once here, from the least B-Y can trail c by after a step (when it cannot, nothing is ever dropped)
        E = emit_rows.astype(np.int64)
        extra = np.array([[0] * m] + [list(r) for r in extra_rows], dtype=np.int64)
        first = pair_rows[:, P - 1].astype(np.int64)
        for y in range(m // 2):
            b, i = 2 * y + 1, 2 * y + 2
            for c in range(m):
                if c in (b, i):
                    continue
                trail = (E[:, b] - E[:, c]).min() + (extra[:, b] - extra[:, c]).min() + \
                    min((R[:, :, b] - R[:, :, c]).min(), (first[:, b] - first[:, c]).min())
                if trail <= np.where(tied, R[:, c, i] - R[:, b, i], floor).max():
                    return
        self.lead = lead.T.tolist()  # lead[c*][c]: by the leader c*
        # partner[c] as (its class, its bound); "O" has none: (itself, -1) drops as None would (0 > -1)
        self.partner = ([0] + [q for q, _ in partner[1:]], [-1] + [b for _, b in partner[1:]])
        # For the step into a given token (`_reduce`): near[j, c*, c] the most c can gain on c* into any class of a
        # token with pair rows j that every class may precede alike, after[y] what I-Y can gain on B-Y after a token
        diff = np.empty((k, m, m), dtype=np.int64)
        for cs in range(m):
            d = R[:, :m, :] - R[:, cs:cs + 1, :]  # [j, c, c']
            diff[:, cs, :] = np.where(free[:, None], d.max(axis=2), d[:, :, opens].max(axis=2))
        self.near = diff
        self.after = [max(int(lead[2 * y + 2, 2 * y + 1]), partner[2 * y + 2][1], 0) for y in range(m // 2)]
        self.tied = tied.tolist()
        self.nears: dict = {}  # (j, c*) -> near[j, c*] as a list

    def _state(self, delta: list) -> list:
        """The state of the scores `delta` into a token (its differences, live classes, steps). Class c is dropped
        when, for every class c' of the next token, some other class c* leads c by more than c can gain on c* on
        the way into c' (pair rows[c][c'] - pair rows[c*][c'], at most `lead[c][c*]` over the document for c' "O" or
        a B-Y, taken from the leader; for c' I-Y, from c's partner): c is then never the best way into any class,
        nor the best at the line end (it trails the leader there, or ties it from a higher index)."""
        top = max(delta)
        lead = self.lead
        if lead is not None:  # (lead[t][t] is 0: the leader t itself is never dropped)
            norm = tuple([x - top if top - x <= gain or delta[q] - x <= bound else _NEG
                          for x, gain, q, bound in zip(delta, lead[delta.index(top)], *self.partner)])
        else:
            norm = tuple([x - top for x in delta])
        got = self.states.get(norm)
        if got is None:
            got = self.states[norm] = [norm, [c for c in range(self.m) if norm[c] != _NEG], {}, {}]
        return got

    def _step(self, state: list, key) -> tuple:
        """(next state, its steps by key, arg) of token `key` after `state`: worked out once."""
        norm, live, _, pre = state
        e, pr, pid = self.rows(key)
        if self.near is not None and len(live) > 1 and not state[2]:  # (a new state: after a token met once)
            fewer = self._reduce(norm, live, e, pr, pid)
            if fewer is not None:  # the same step as from the state without the classes this token rules out
                other = self.states.get(fewer)
                if other is None:
                    other = self.states[fewer] = [fewer, [c for c in live if fewer[c] != _NEG], {}, {}]
                got = other[2].get(key)
                if got is None:
                    got = self._step(other, key)
                state[2][key] = got
                return got
        step = pre.get(pid)  # the scores before the token's own: the same for the same pair rows
        if step is None:  # (the first live class is best so far everywhere: it beats -inf)
            m = self.m
            rng = range(m)
            p = live[0]
            dp = norm[p]
            best = [dp + x for x in pr[p]]
            arg = [p] * m
            for p in live[1:]:
                dp = norm[p]
                row = pr[p]
                for c in rng:
                    s = dp + row[c]
                    if s > best[c]:
                        best[c] = s
                        arg[c] = p
            step = pre[pid] = (best, arg)
        self.worked += 1
        if key.__class__ is int and key < 0:  # a token every best path tags "O" (sure_o_at): only "O" goes on
            nxt = self.o_only
            if nxt is None:
                nxt = self.o_only = self._state([0] + [_NEG] * (self.m - 1))
        else:
            nxt = self._state(list(map(add, step[0], e)))
        got = state[2][key] = (nxt, nxt[2], step[1])
        return got

    def _reduce(self, norm: tuple, live: list, e: list, pr: list, pid: int):
        """`norm` without the classes that are on no best path through the next token (emit row `e`, pair rows `pr`,
        id `pid`), or None when it keeps them all. Class c (its score x, the leader's 0) is dropped when it is the
        best way into no class of the token: into "O" and the B-Y (every class there, after . ! ?), the leader
        beats it by more than near[pid][leader][c]; into I-Y its partner (I-Y's B-Y, B-Y's I-Y) beats it there,
        or the path from c into I-Y trails the leader's into B-Y by more than after[y] (what I-Y can gain on B-Y
        after this token: that I-Y is then on no best path either). Strict comparisons: ties stay."""
        t = norm.index(0)
        near = self.nears.get((pid, t))
        if near is None:
            near = self.nears[pid, t] = self.near[pid, t].tolist()
        out = None
        tied = self.tied[pid]
        for c in live:
            x = norm[c]
            if c == t or -x <= near[c]:
                continue
            if tied and c:
                b = c - 1 + (c & 1)  # B-Y of c's type
                i = b + 1
                q = i if c == b else b
                row = pr[c][i]
                if norm[q] - x <= row - pr[q][i] and -x <= row - pr[t][b] + e[i] - e[b] + self.after[b >> 1]:
                    continue
            if out is None:
                out = list(norm)
            out[c] = _NEG
        return None if out is None else tuple(out)

    def path(self, keys: list, first: int, cuts: list | None = None) -> list[int]:
        """The best path of a line of tokens `keys`, after previous class (pair row) `first` (the line start's).

        `cuts`: (position, an id of its pair scores into "O" from each class) of the line's tokens every best path
        tags "O" (keys below zero), in order, none at position 0. The state after such a token keeps "O" alone, so
        the classes of the tokens after it up to the next one (and of that one, "O") depend only on their keys and
        on that token's pair scores into "O" (its step into "O": which class leads there; dropping classes, as
        `_reduce` does, drops none that leads there): the path is the same from piece to piece (the line's start up to the first cut, from one cut to the
        next, the last cut to the line's end). Each piece met before is not searched again (a page of numbered
        quotations: every line has new numbers between the same words, tests/engine/test_tagger_viterbi.py)."""
        if not cuts:
            return self._path(keys, first)
        pieces = self.pieces
        out: list[int] = []
        a, lead = 0, first
        for c, p in cuts:
            if c == a and lead < 0:  # (right after another: from the state of "O" alone, "O")
                out.append(0)
                a += 1
                continue
            got = pieces.get((lead, tuple(keys[a:c]), p))
            if got is None:
                break
            out += got
            a, lead = c + 1, -1
        else:
            got = pieces.get((lead, tuple(keys[a:]), None))
            if got is not None:
                out += got
                return out
        path = self._path(keys, first)
        a, lead = 0, first
        for c, p in cuts:
            pieces[(lead, tuple(keys[a:c]), p)] = path[a:c + 1]
            a, lead = c + 1, -1
        pieces[(lead, tuple(keys[a:]), None)] = path[a:]
        return path

    def _path(self, keys: list, first: int) -> list[int]:
        """`path` of the whole line, step by step."""
        state = self.starts.get((first, keys[0]))
        if state is None:
            e, pr, _ = self.rows(keys[0])
            state = self.starts[(first, keys[0])] = self._state(list(map(add, e, pr[first])))
        back = []
        keep = back.append
        steps = state[2]
        for key in islice(keys, 1, None):
            got = steps.get(key)
            if got is None:
                got = self._step(state, key)
            state, steps, arg = got
            keep(arg)
        return backtrack(state[0], back)


class FastPaths:
    """Per document: the pair scores of every token from every previous class, and the tokens sure to be "O"."""

    __slots__ = ("E", "sure_o")

    def __init__(self, scores, trans, after_rows, masks, start_mask, seg_lengths: list[int], hist_bound):
        """`trans[p]`: the "t-1=" row of previous class p (the last p: the line start); `after_rows[p]`: the
        t-1w/t-1sh rows of every token after p; `masks[p]`: the BIO constraint after p (0 or a large negative),
        `start_mask` after a line start or . ! ?; `hist_bound`: ([t][c] the most a token's history row can add to
        class c's score over "O"'s, [t][y] the most it can add to I-Y's over B-Y's; 0 but for capitalised tokens,
        which can have a history)."""
        import numpy as np

        base = scores.base
        self.E = E = pair_scores(trans, after_rows, masks, start_mask, scores.ender[:, 0])
        self.sure_o = _sure_o(base, E, seg_lengths, *hist_bound) if len(base) else np.zeros(0, dtype=bool)


def pair_scores(trans, after_rows, masks, start_mask, ender):
    """E[p, t, c]: the pair score into token t's class c from previous class p (FastPaths' arguments; `ender[t]`:
    token t starts a line or follows . ! ?), int32."""
    import numpy as np

    P, n, m = after_rows.shape
    E = np.empty((P, n, m), dtype=np.int32)
    for p in range(P):
        E[p] = after_rows[p]
        E[p] += np.asarray(trans[p], dtype=np.int32)
        E[p] += np.where(ender[:, None], start_mask, masks[p])
    return E


def _sure_o(base, E, seg_lengths, hist_bound, ib_bound, rounds: int = ROUNDS):
    """Tokens every best path tags "O". For each class c but "O", U[t][c] bounds from above how much more the best
    path INTO class c at token t scores than the best into "O" (delta_t(c) - delta_t(O)), and G[t][c] how much more
    the best path on FROM c can score than the best on from "O" (beta_t(c) - beta_t(O)); where U + G < 0 for every
    c, "O" is on every best path. First bounds: from the token's own scores and the most the pair into it favours c
    (U), from the next token's pair scores and, for an I-Y there (only B-Y or I-Y may precede it), the pair
    scores after it (G: I-Y and B-Y allow the same classes next). Then each round tightens them from the
    neighbour's bounds: U_t(c) <= e_t(c) + max_p (U_{t-1}(p) + pair_t(p, c)) - pair_t(O, O) and G_t(c) <=
    max_c' (pair_{t+1}(c, c') + e_{t+1}(c') + G_{t+1}(c')) - pair_{t+1}(O, O), with U(O) = G(O) = 0 and e the
    token's score over "O"'s (plus the most a history row can add, `hist_bound`; `ib_bound[t][y]`: the most it can
    add to I-Y's over B-Y's). Class 0 is "O"; 2y + 1 and
    2y + 2 are B-Y and I-Y. All in int64 (the constraint's large negatives added up stay exact)."""
    import numpy as np

    P, n, m = E.shape
    lines = P - 1  # the rows of real previous classes; the last row is the line start's
    starts = np.zeros(n, dtype=bool)
    ends = np.zeros(n, dtype=bool)
    bounds = np.cumsum(seg_lengths)
    starts[bounds[:-1]] = True
    starts[0] = True
    ends[bounds - 1] = True
    base = base.astype(np.int64)
    e = base - base[:, :1] + hist_bound
    up = None
    for p in range(lines):
        d = E[p].astype(np.int64)
        d -= d[:, :1]
        up = d if up is None else np.maximum(up, d, out=up)
    d = E[lines].astype(np.int64)
    d -= d[:, :1]
    up[starts] = d[starts]
    U = up + e
    U[:, 0] = 0
    G = np.zeros((n, m), dtype=np.int64)
    if n > 1:
        opens = [c for c in range(m) if c == 0 or c % 2 == 1]  # "O" and the B-Y: the classes "O" allows next
        o_next = E[0, 1:].astype(np.int64)
        first = np.empty((n - 1, m), dtype=np.int64)
        for c in range(m):
            first[:, c] = (E[c, 1:][:, opens] - o_next[:, opens]).max(axis=1)
        # H[t][y]: how much more a path can gain after I-Y at token t than after B-Y (t + 1's pair scores)
        H = np.zeros((n, m // 2), dtype=np.int64)
        if n > 2:
            for y in range(m // 2):
                H[1:-1, y] = (E[2 * y + 2, 2:].astype(np.int64) - E[2 * y + 1, 2:]).max(axis=1)
        H[ends] = 0
        second = np.full((n - 1, m), -(1 << 40), dtype=np.int64)
        for y in range(m // 2):
            b, i = 2 * y + 1, 2 * y + 2
            gain = base[1:, i] - base[1:, b] + ib_bound[1:, y] - o_next[:, b] + H[1:, y]
            into = np.stack([E[c, 1:, i] for c in range(m)], axis=1).astype(np.int64)  # [t, c]: c -> I-Y at t + 1
            second = np.maximum(second, into + gain[:, None])
        G[:-1] = np.maximum(first, second)
        G[ends] = 0
        G[:, 0] = 0
        inner = ~starts[1:]  # token t + 1 is in token t's line
        for _ in range(rounds):
            # U from the token before (not at a line start)
            ch = None
            for p in range(m):
                v = U[:-1, p:p + 1] + E[p, 1:]
                ch = v if ch is None else np.maximum(ch, v, out=ch)
            ch += e[1:] - E[0, 1:, :1]
            U[1:][inner] = np.minimum(U[1:][inner], ch[inner])
            U[:, 0] = 0
            # G from the token after (not at a line end)
            nxt = e[1:] + G[1:]
            ch = np.empty((n - 1, m), dtype=np.int64)
            for c in range(m):
                ch[:, c] = (E[c, 1:] + nxt).max(axis=1)
            ch -= E[0, 1:, :1]
            G[:-1][inner] = np.minimum(G[:-1][inner], ch[inner])
            G[:, 0] = 0
    return (U + G)[:, 1:].max(axis=1) < 0


def sure_o_at(tokens, base, pairs_of, lengths, hist_bound, ib_bound, ids, pair_ids):
    """`_sure_o(rounds=1)` of the tokens at positions `tokens` only (distinct, increasing): what one round reads of
    token t is its own scores and pair scores (the U bound), the U bound of the token before it, and the G bounds of
    the token after it and of the one after that (their pair scores and those of the two tokens after them). A
    token's U bound is its scores over "O"'s plus a part that depends on its pair scores and the token before it,
    and its G bound depends only on the tokens after it: each part is worked out once per distinct neighbourhood
    (tokens with equal `ids` have equal scores, pair scores and history bounds; equal `pair_ids`, equal pair
    scores), by _sure_o's formulas on the same int64 values (tests/engine/test_tagger_viterbi.py compares the two).
    `pairs_of(positions)` -> the pair scores of those tokens as [k, p, c]; `hist_bound(positions)`,
    `ib_bound(positions)`: _sure_o's rows of those tokens; `lengths`: the lines' token counts."""
    import numpy as np

    tokens = np.asarray(tokens, dtype=np.intp)
    n = int(sum(lengths))
    line_ends = np.cumsum(lengths)
    starts = np.zeros(n + 4, dtype=bool)
    starts[line_ends[:-1]] = True
    starts[0] = True
    ends = np.zeros(n + 4, dtype=bool)
    ends[line_ends - 1] = True
    ends[n:] = True  # (past the document: treated as line ends, never read as a token)
    m = base.shape[1]
    opens = [c for c in range(m) if c == 0 or c % 2 == 1]
    idx = np.concatenate([np.asarray(ids, dtype=np.int64), np.full(4, -1, dtype=np.int64)])

    def rows(ts):
        return pairs_of(np.minimum(ts, n - 1)).astype(np.int64)

    def e_of(ts):
        ts = np.minimum(ts, n - 1)
        b = base[ts].astype(np.int64)
        return b - b[:, :1] + hist_bound(ts)

    def u0(ts, E):  # _sure_o's first U bound of tokens ts (pair scores E)
        lines = E.shape[1] - 1
        up = (E[:, :lines] - E[:, :lines, :1]).max(axis=1)
        up = np.where(starts[ts][:, None], E[:, lines] - E[:, lines, :1], up)
        U = up + e_of(ts)
        U[:, 0] = 0
        return U

    def h(us, En):  # H[u] from the pair scores of u + 1 (En); 0 where u ends its line
        H = np.stack([(En[:, 2 * y + 2] - En[:, 2 * y + 1]).max(axis=1) for y in range(m // 2)], axis=1)
        H[ends[us]] = 0
        return H

    def g0(ts, En, Hn):  # G[t] from the pair scores of t + 1 (En) and H[t + 1] (Hn); 0 where t ends its line
        nxt = np.minimum(ts + 1, n - 1)
        b = base[nxt].astype(np.int64)
        ib = ib_bound(nxt)
        first = np.stack([(En[:, c][:, opens] - En[:, 0][:, opens]).max(axis=1) for c in range(m)], axis=1)
        second = np.full((len(ts), m), -(1 << 40), dtype=np.int64)
        for y in range(m // 2):
            bb, i = 2 * y + 1, 2 * y + 2
            gain = b[:, i] - b[:, bb] + ib[:, y] - En[:, 0, bb] + Hn[:, y]
            second = np.maximum(second, En[:, :m, i] + gain[:, None])
        G = np.maximum(first, second)
        G[ends[ts]] = 0
        G[:, 0] = 0
        return G

    def distinct(cols):  # (one token of each distinct row of the columns cols, each token's row)
        key = np.zeros(len(tokens), dtype=np.int64)
        for col in cols:  # (ranks stay below len(tokens), a column's values below 2 n + 2: no overflow)
            col = np.asarray(col, dtype=np.int64)
            col = col - col.min()
            key = np.unique(key * (int(col.max()) + 1) + col, return_inverse=True)[1].reshape(-1)
        _, first, inverse = np.unique(key, return_index=True, return_inverse=True)
        return tokens[first], inverse.reshape(-1)

    # the part of U after one round beside the token's own scores over "O"'s: from its pair scores and, when it
    # does not start its line, the token before it
    t = tokens
    st = starts[t]
    before = np.maximum(t - 1, 0)
    reps, which = distinct([np.asarray(pair_ids)[t], st, np.where(st, -1, idx[before]), starts[before] & ~st])
    E0 = rows(reps)
    L = u0(reps, E0) - e_of(reps)
    inner = ~starts[reps]
    if inner.any():
        ti = reps[inner]
        Ub = u0(ti - 1, rows(ti - 1))
        Et = E0[inner]
        ch = np.max([Ub[:, p:p + 1] + Et[:, p] for p in range(m)], axis=0) - Et[:, 0, :1]
        L[inner] = np.minimum(L[inner], ch)
    # G after one round: from the tokens after it (a token ending its line: 0)
    en = ends[t]
    right = [en]
    for k in (1, 2, 3):
        right += [np.where(en, -1, idx[t + k]), ends[t + k] | en]
    reps2, which2 = distinct(right)
    E1, E2, E3 = rows(reps2 + 1), rows(reps2 + 2), rows(reps2 + 3)
    G1n = g0(reps2 + 1, E2, h(reps2 + 2, E3))  # G of the token after
    G = g0(reps2, E1, h(reps2 + 1, E2))
    nxt = e_of(reps2 + 1) + G1n
    ch = np.stack([(E1[:, c] + nxt).max(axis=1) for c in range(m)], axis=1) - E1[:, 0, :1]
    go = ~ends[reps2]
    G[go] = np.minimum(G[go], ch[go])
    total = e_of(t) + L[which] + G[which2]
    return total[:, 1:].max(axis=1) < 0
