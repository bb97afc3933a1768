"""Story centroids as rows of one matrix over a batch's terms: an article's similarity with all its candidates at once.

Placing an article compares it with every candidate story of its window (up to grouping.MAX_CANDIDATES), each a sum
over its TOP_TERMS terms of weight x the story's weight for the term: 150 dictionary look-ups per story, in Python's
objects. Where a library's days hold many big stories (the bench's generated library: every article of a day meets
about eight stories of hundreds of articles) that is most of a rebuild's time. Here the stories compared often in a
batch also hold their centroid as a row of a float64 matrix whose columns are the batch's terms (every term of the
batch's articles, plus one column for all other terms), so the article's sums with all of them are one gather and
one running sum in numpy.

The floats are the same: each product is the same IEEE multiplication, and `cumsum` adds them one after the other in
the article's term order, as Python's `sum` does (CPython 3.11's sum of floats is a plain running sum; from 3.12 it
compensates, so there the matrix is not used). A row
mirrors its story's centroid exactly: built from it, then each article that joins adds its weights to the row as
`_join` adds them to the dict (a term new to the story: 0.0 + w = -0.0 + w = w), and the terms a trim takes out of
the centroid (`_Story.refresh`) are zeroed; anything else that changes the centroid (an article leaving, a merge)
drops the row, to be built again when needed. So grouping gives the same stories with or without it
(tests/stories/test_dense_scores.py compares them).
"""

from __future__ import annotations

import sys
from collections import Counter
from itertools import chain, repeat

DENSE_FROM = 500   # a batch of this many articles or more (a rebuild's, a folder import's) is scored this way
CELLS = 4_000_000  # the matrix holds at most this many floats (32 MB): rows = CELLS // columns
MAX_TERMS = 5000   # only for a batch of at most this many distinct terms: where the matrix is narrow and its stories
# big (the bench's generated library: ~830 terms a batch); a batch of real news has tens of thousands, many small
# stories and rows far apart in memory, and the dicts cost less there (measured on 5,000 corpus articles)
HOT = 8            # a story gets a row the HOT-th time it is compared in a batch (a row costs a pass over its
# centroid and a row of zeros: not worth it for a story few articles meet)


# Python 3.12 sums floats with compensation: the dict sums would no longer be the running sums of numpy's cumsum
_COMPENSATED_SUM = sys.version_info >= (3, 12)


def for_batch(vecs: list[dict[str, float]]) -> DenseScores | None:
    """The matrix for a batch of articles with these term vectors, or None where it would not pay (see above)."""
    if len(vecs) < DENSE_FROM or len(dict.fromkeys(chain.from_iterable(vecs))) > MAX_TERMS or _COMPENSATED_SUM:
        return None
    return DenseScores(vecs)


class DenseScores:
    """Rows of story centroids over the terms of one batch of articles (see the module's doc)."""

    def __init__(self, vecs: list[dict[str, float]]):
        import numpy as np

        self.np = np
        terms = dict.fromkeys(chain.from_iterable(vecs))  # the batch's terms, first seen first
        self.cols = dict(zip(terms, range(len(terms))))
        self.width = len(terms) + 1  # the last column takes every term outside the batch
        self.cap = max(1, CELLS // self.width)
        self.mat = np.zeros((min(self.cap, 16), self.width))
        self.rows: dict[int, int] = {}  # story id -> its row
        self.free: list[int] = []
        self.used = 0
        self.compared: Counter[int] = Counter()  # story id -> times compared without a row

    def article(self, vec: dict[str, float]):
        """(columns, weights) of an article's terms, in its order; None when a term is not the batch's."""
        np = self.np
        cols = np.fromiter(map(self.cols.get, vec, repeat(-1)), dtype=np.intp, count=len(vec))
        if not len(vec) or cols.min() < 0:
            return None
        return cols, np.fromiter(vec.values(), dtype=np.float64, count=len(vec))

    def articles(self, vecs: list[dict[str, float]]) -> list:
        """`article` of each vector of the batch the matrix was made for, all at once: two arrays over the batch's
        terms, each article's (columns, weights) a slice of them (`article` made two arrays per article)."""
        np = self.np
        sizes = list(map(len, vecs))
        total = sum(sizes)
        cols = np.fromiter(map(self.cols.get, chain.from_iterable(vecs), repeat(-1)), dtype=np.intp, count=total)
        if total and cols.min() < 0:  # (not the batch's vectors) a term without a column
            return list(map(self.article, vecs))
        vals = np.fromiter(chain.from_iterable(map(dict.values, vecs)), dtype=np.float64, count=total)
        out, at = [], 0
        for k in sizes:
            out.append((cols[at:at + k], vals[at:at + k]) if k else None)
            at += k
        return out

    def rows_of(self, stories: list) -> list[int | None]:
        """Each story's row: kept, else made now for a story compared HOT times in this batch while rows are left;
        None for the others (summed by the dicts)."""
        rows = list(map(self.rows.get, [st.id for st in stories]))
        if None in rows and (self.free or self.used < self.cap):  # (once every row is taken, none is made)
            compared = self.compared
            for i, st in enumerate(stories):
                if rows[i] is None:
                    compared[st.id] += 1
                    if compared[st.id] >= HOT:
                        rows[i] = self._make(st.id, st.centroid)
        return rows

    def _make(self, sid: int, centroid: dict[str, float]) -> int | None:
        """A row holding `centroid` for story `sid` (None when every row is taken)."""
        if self.free:
            row = self.free.pop()
        elif self.used < self.cap:
            if self.used == len(self.mat):
                grown = self.np.zeros((min(self.cap, 2 * len(self.mat)), self.width))
                grown[:self.used] = self.mat
                self.mat = grown
            row = self.used
            self.used += 1
        else:
            return None
        np, last = self.np, self.width - 1
        self.mat[row] = 0.0
        self.mat[row, np.fromiter(map(self.cols.get, centroid, repeat(last)), dtype=np.intp, count=len(centroid))] = \
            np.fromiter(centroid.values(), dtype=np.float64, count=len(centroid))
        self.rows[sid] = row
        return row

    def dots(self, rows: list[int], article) -> list[float]:
        """The article's sum of products with each row: Σ w_t · row[t] over its terms in order (a running sum)."""
        cols, vals = article
        # the cells gathered by their flat positions (take: ~30 % fewer instructions than indexing by rows and columns)
        g = self.mat.ravel().take(self.np.array(rows)[:, None] * self.width + cols)
        g *= vals
        return g.cumsum(axis=1)[:, -1].tolist()

    def joined(self, sid: int, article) -> None:
        """An article of this batch joined story `sid`: its weights added to the story's row, as to its centroid."""
        row = self.rows.get(sid)
        if row is not None:
            cols, vals = article
            cells = self.mat[row]  # (the row's view, indexed by columns: half the instructions of mat[row, cols])
            cells[cols] += vals  # an article's terms are distinct: each cell gets one addition

    def trimmed(self, sid: int, gone) -> None:
        """The terms `gone` left story `sid`'s centroid (`_Story.refresh`): their cells of its row back to 0."""
        row = self.rows.get(sid)
        if row is not None:
            np, last = self.np, self.width - 1
            self.mat[row, np.fromiter(map(self.cols.get, gone, repeat(last)), dtype=np.intp, count=len(gone))] = 0.0

    def drop(self, sid: int) -> None:
        """Story `sid` changed otherwise (or went): its row is made again from its centroid when next needed."""
        row = self.rows.pop(sid, None)
        if row is not None:
            self.free.append(row)
