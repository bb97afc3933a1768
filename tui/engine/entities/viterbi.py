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
(`best_path`) then runs only over the stretches between them (names and their neighbours). Both break ties
alike (the lower class index in CLASSES): tests/engine/test_tagger_viterbi.py compares them.
"""

from __future__ import annotations

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
    k = 0
    for c in rng:
        if delta[c] > delta[k]:
            k = c
    path = [k]
    for arg in reversed(back):
        k = arg[k]
        path.append(k)
    path.reverse()
    return path


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
        n, m = base.shape
        ender = scores.ender[:, 0]
        E = np.empty((len(trans), n, m), dtype=np.int32)  # [p, t, c]: the pair score into token t's c from p
        for p in range(len(trans)):
            E[p] = after_rows[p]
            E[p] += np.asarray(trans[p], dtype=np.int32)
            E[p] += np.where(ender[:, None], start_mask, masks[p])
        self.E = E
        self.sure_o = _sure_o(base, E, seg_lengths, *hist_bound) if n else np.zeros(0, dtype=bool)


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
