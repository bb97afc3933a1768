"""Incremental grouping of articles into stories: single pass against story centroids, bounded by time.

Each new article is compared only with the stories that share one of its salient terms (an inverted
index over the stories' centroid terms) and whose date range lies within WINDOW_DAYS of its day; it joins
the most similar one when the cosine reaches JOIN, else it opens a new story. So grouping costs
O(articles x candidates), never O(articles²), and runs as articles land. A story keeps its id while it
grows; two stories whose centroids come to agree are merged into the older id (MERGE; or BRIDGE, for
stories weeks apart whose evidence is strong enough to overrule the time decay), and `split`
moves chosen articles to a new story. Once a batch is placed, `refine` looks at each of its articles
again with the whole batch in (an early article saw only the stories before it): it moves to the story it
now fits best by the same test, or stands alone. A near-duplicate (the same text from another source, shingle
resemblance >= DUPLICATE) joins its original's story and records which article it repeats. (A big batch whose
terms are few sums an article with its candidates' centroids in numpy, tui/stories/dense.py: the same floats.)

A batch of LIBRARY_FROM articles or more (a folder import, the background pass after a refresh, a rebuild's
batch) is its own period: its terms are weighed by the batch's own idf (tui/stories/library_idf.py: a name in
much of this period's news stops tying its different events together) and placed with the LIBRARY levels, fitted
for that weighting the same way as the background ones, or higher ones where its days are more crowded than those
of the data they were fitted on (`crowded`, tui/stories/density.py: forty articles a day must not melt into topics);
a smaller batch (one article as it lands) keeps the background idf and JOIN / DECAY_DAYS / BRIDGE until a window
has been regrouped (tui/stories/regroup_window.py; but in a library of SMALL_FROM to LIBRARY_FROM articles, too small
for a window, it takes the idf of all the library's articles, at levels scaled up to no lower than SMALL_JOIN: a small
town's name in most of a small library's articles tied the town's different events together under the background idf;
the words one event's reports share within a week keep their weight, library_idf.cohesive), then takes the idf of the articles grouped last and the levels
for how crowded their days and its own are (between two windows a crowded stream must not melt either). A change of any of
this that groups articles differently raises tui/stories/method.py's METHOD (`stories` then suggests a rebuild).
"""

from __future__ import annotations

from array import array
from collections import Counter, _count_elements, deque
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from itertools import chain, islice, repeat
from operator import add, itemgetter, mul, sub
from sys import intern

from tui.models import local_day, timed_key
from tui.store import stories as store
from tui.store.stories import Member
from tui.store.story_features import (article_texts, has_features_table, reader, save_features,
                                      ungrouped_with_features)
from tui.stories import density, features, method
from tui.stories import dense, warm
from tui.stories.dense import DenseScores
from tui.stories.features import decode, encode, encoded_features_of, reweighted_encoded, rounded4, well_formed
from tui.stories.library_idf import LIBRARY_FROM, cohesive, cut, reweighted
from tui.stories.regroup_window import (after_grouping, all_grouped_at_once, reset as reset_window, small_library,
                                       small_vectors, window_days, window_df)
from tui.stories.terms import FEATURE_TERMS, TOP_TERMS, resemblance, sketch, terms

WINDOW_DAYS = 30
GRACE_DAYS = 0        # a story's pull weakens with the days between an article and its nearest one
DECAY_DAYS = 8
# JOIN: the 99th percentile of the cosine between two random articles of the unlabelled corpus
# (bench/story_threshold.py prints 0.0827): only one unrelated pair in a hundred agrees this much.
# MERGE: two stories merge by the same test an article joins by (their average-link similarity reaches
# JOIN; was a separate 0.12 chosen on dev).
# GRACE_DAYS / DECAY_DAYS: fitted on PolNeAR train (840 dated articles, 10 months; not the stories data) by
# bench/story_decay.py: the share of pairs g days apart above the 99th percentile cosine of pairs > 90 days
# apart (less 1%), relative to pairs 0-1 day apart, fitted by 1 / (1 + max(0, g - GRACE) / DECAY): grace 0,
# decay 8.4, rounded to 8. (Until session 5: GRACE_DAYS = 3 / DECAY_DAYS = 8, chosen on the stories dev set.)
JOIN = 0.08
MERGE = JOIN
# BRIDGE: two stories far apart in time (the decay above all but forbids it) still merge when their average-link
# similarity reaches the level at which, on a dated stream, two articles that many days apart are more likely the
# same story than not: the lowest cosine whose local false-discovery rate against pairs > 90 days apart is <= 1/2,
# per band of days apart, fitted on PolNeAR train by bench/story_decay.py (its second table; not the stories
# data). A story's average over many pairs is steadier than one pair, so a pair's level is the cautious one.
# (max days apart, similarity); beyond the last band (the fit's null) nothing bridges.
BRIDGE = ((1, 0.215), (2, 0.22), (14, 0.235), (21, 0.25), (30, 0.245), (60, 0.25), (90, 0.26))
BRIDGE_DAYS = BRIDGE[-1][0]
# Two stories more than WINDOW_DAYS apart with this many pairs of articles or more (sizes na x nb) also merge when
# their average link reaches the level for averages (`Levels.average`): a mean over many pairs is steadier than one
# pair's cosine, for which the bridge table is fitted (bench/story_library_idf.py fits both on PolNeAR train: for
# story pairs of 1 / 2-3 / 4-8 / 9+ pairs of articles, 31-90 days apart, its levels at m = 1 are 0.205 / 0.15 / 0.11 /
# 0.125; from 4 pairs on they agree).
AVERAGE_PAIRS = 4


@dataclass(frozen=True)
class Levels:
    """The join level (MERGE is the same), the decay in days and the bridge table, for one term weighting; and the
    level for the average link of two stories more than WINDOW_DAYS apart with AVERAGE_PAIRS pairs of articles or more
    (None: none, the bridge table decides alone)."""

    join: float
    decay: float
    bridge: tuple[tuple[int, float], ...]
    average: float | None = None


BACKGROUND = Levels(JOIN, DECAY_DAYS, BRIDGE)
# LIBRARY: the same three fitted the same way on PolNeAR train, with terms weighed by the library's own idf
# (tui/stories/library_idf.py), by bench/story_library_idf.py: join = the lowest cosine at which a pair 0-1 day
# apart is more likely the same story than not (0.055), the decay fitted to the share above the null level by days
# apart (4.8), the per-band bridge levels (adjacent equal bands joined), and the level for averages (0.11: fitted on
# the stories the grouper makes of PolNeAR without bridges). A batch of LIBRARY_FROM articles or more is grouped with these.
LIBRARY = Levels(0.055, 4.8, ((2, 0.055), (7, 0.06), (14, 0.065), (21, 0.07), (30, 0.075), (45, 0.095),
                              (60, 0.225), (90, 0.175)), 0.11)


def crowded(days: list[int]) -> Levels:
    """The levels for a library-weighted batch whose articles fall on `days` (day numbers): LIBRARY's, or higher
    ones where its days are more crowded than those of PolNeAR train, where LIBRARY was fitted (density.py)."""
    row = density.row_for(days)
    return LIBRARY if row is density.BY_DENSITY[0] else _levels_of(row)


@lru_cache(maxsize=64)
def _levels_of(row: tuple) -> Levels:
    return Levels(row[1], LIBRARY.decay, row[2], row[3] if len(row) > 3 else None)


# Merges look this far among the stories in memory (loaded for WINDOW_DAYS around a batch, so as not to read three
# times as many per call): a batch that spans weeks (an imported folder, a rebuild) is where stories weeks apart meet.
REACH_DAYS = max(WINDOW_DAYS, BRIDGE_DAYS)
DUPLICATE = 0.9
CENTROID_TERMS = 400
QUERY_TERMS = 12      # an article looks up the stories of its strongest terms only
MAX_CANDIDATES = 20   # candidate stories per article (those sharing most strong terms)
MAX_POSTING = 400     # a term shared by more stories than this in the window says nothing
BATCH = 2000
REFINE_ROUNDS = 3     # passes of `refine` over a batch at most (it stops earlier when nothing moves)
MAX_DUP_CHECKS = 8    # near-duplicate candidates compared in full per article
STORED_TERMS = 30     # terms kept per article in the store (merge and split rebuild centroids from them)
DUP_KEYS = 4          # smallest shingle hashes that index an article for the near-duplicate check
DUP_INDEX_KEYS = 200_000  # near-duplicate index size above which a batch prunes articles older than the window
MAX_STORY = 1000      # a story this big takes no more articles by similarity (keeps one topic from swallowing all)


@lru_cache(maxsize=4096)
def day_number(day: str) -> int:
    """Days since year 1 of an ISO date (its first ten characters); 0 when unreadable."""
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return 0


class _DayNumbers(dict):
    """ISO day -> `day_number`, filled as days are asked for (a dict read costs less than a cached call; the
    candidates' date test reads two per story compared)."""

    def __missing__(self, day: str) -> int:
        n = self[day] = day_number(day)
        return n


_DAYS = _DayNumbers()


def _day_text(number: int) -> str:
    return date.fromordinal(max(1, number)).isoformat()


@dataclass
class _Story:
    id: int
    title: str
    first: str
    last: str
    size: int
    centroid: dict[str, float]
    dirty: bool = False

    def refresh(self) -> bool:
        """Trim the centroid to its CENTROID_TERMS strongest terms when it has grown past twice that; whether it was."""
        if len(self.centroid) > 2 * CENTROID_TERMS:  # trimmed now and then, not at every article
            # the CENTROID_TERMS largest, ties in order (heapq.nlargest's answer, by a stable sort in C)
            self.centroid = dict(sorted(self.centroid.items(), key=itemgetter(1), reverse=True)[:CENTROID_TERMS])
            return True
        return False

    def similarity(self, vec: dict[str, float]) -> float:
        """Average-link similarity: the mean cosine of `vec` with the story's articles (a big story
        pulls no harder than a small one, so one broad topic does not swallow its neighbours)."""
        return sum(map(mul, vec.values(), map(self.centroid.get, vec, repeat(0.0)))) / max(1, self.size)


_ASK = object()  # Grouper.place: the article's matrix columns not given


@dataclass
class Grouper:
    """Stories of a time window held in memory while a batch of articles is placed."""

    lib: object
    stories: dict[int, _Story] = field(default_factory=dict)
    index: dict[str, set[int]] = field(default_factory=dict)
    pending: list[Member] = field(default_factory=list)
    moved: dict[int, int] = field(default_factory=dict)   # article id -> story id, by merges
    dup_index: dict[int, list[Member]] = field(default_factory=dict)  # smallest shingle hashes -> articles
    dup_shared: set[int] = field(default_factory=set)     # its keys whose lists are a kept story's (warm.py): copied
    # before anything is appended to them
    dup_loaded: set[int] = field(default_factory=set)     # stories whose stored sketches are indexed
    gone: set[int] = field(default_factory=set)           # stories merged away
    merged: dict[int, int] = field(default_factory=dict)  # story merged away -> the story that took it
    pruned_to: str = ""                                   # the near-duplicate index holds no article before this day
    loaded: tuple[int, int] | None = None
    clock: int = 0                                        # counts placements and moves (refine's bookkeeping)
    changed: dict[int, int] = field(default_factory=dict)  # story id -> clock when it last gained or lost an article
    seen: dict[int, int] = field(default_factory=dict)     # article id -> clock when its place was last chosen
    next_id: int = 0
    levels: Levels = BACKGROUND                           # the levels of the batch's term weighting
    # the stories whose dates meet [win_day - WINDOW_DAYS, win_day + WINDOW_DAYS] (an article's candidates are among
    # them: `_candidates` filters its hits by this set in C), kept as stories are added, grow or go; None: not made
    win: set[int] = field(default_factory=set)
    win_day: int | None = None
    # a big batch's story centroids as matrix rows (tui/stories/dense.py: the same sums, in numpy), and the columns of
    # each of its articles' terms (None: an article scored by the dicts)
    dense: DenseScores | None = None
    cols: dict[int, object] = field(default_factory=dict)
    # kept between small calls (tui/stories/warm.py; None otherwise): the warm state this grouper started from, the
    # stories it joined, left, merged or dropped, and terms a story's trimmed centroid lost while indexed under them
    warm: object = None
    touched: set[int] | None = None
    trimmed: dict[int, set[str]] | None = None

    def load_window(self, lo: int, hi: int) -> None:
        """Have every stored story whose dates meet [lo - WINDOW, hi + WINDOW] in memory."""
        lo, hi = lo - WINDOW_DAYS, hi + WINDOW_DAYS
        if self.loaded and self.loaded[0] <= lo and hi <= self.loaded[1]:
            return
        for sid, title, first, last, size, cen in store.stories_between(self.lib, _day_text(lo), _day_text(hi)):
            if sid not in self.stories:  # terms interned as the articles' are (features.decode)
                self._index(_Story(sid, title, first, last, size, dict(zip(map(intern, cen), cen.values()))))
        self.loaded = (lo, hi) if not self.loaded else (min(lo, self.loaded[0]), max(hi, self.loaded[1]))
        if not self.next_id:
            self.next_id = store.next_story_id(self.lib)

    def _index(self, s: _Story, terms=None) -> None:
        if self.trimmed is not None and len(s.centroid) > 2 * CENTROID_TERMS:
            self.trimmed.setdefault(s.id, set()).update(s.centroid)
        s.refresh()
        self.stories[s.id] = s
        self._in_window(s)
        for t in (s.centroid if terms is None else terms):
            self.index.setdefault(t, set()).add(s.id)

    def place(self, article_id: int, title: str, body: str, day: str,
              features: tuple[dict[str, float], list[int]] | None = None, cols=_ASK) -> Member:
        """Put one article into the best story (or a new one); returns its membership.

        `features` are the article's (terms, sketch) when computed already (a rebuild's worker processes); `cols`
        its columns of the batch's matrix when made already (`DenseScores.articles`)."""
        vec, shingles = features or (terms(title, body), None)
        n = day_number(day)
        if cols is _ASK:
            cols = self.dense.article(vec) if self.dense is not None else None
        if cols is not None:
            self.cols[article_id] = cols
        best, best_sim = self._best(vec, n, self._open_among(self._candidates(vec, n, n)), cols)
        m = Member(article_id, 0, day[:10], vec, sketch(body) if shingles is None else shingles)
        if best is not None and best_sim >= self.levels.join:
            m.dup_of = self._duplicate_of(best, m)
            self._join(best, m, title)
        else:
            s = _Story(self._new_story_id(article_id), title, day[:10], day[:10], 0, {})
            self.dup_loaded.add(s.id)
            self._join(s, m, title)
        self._index_sketch(m)
        self.pending.append(m)
        self.clock += 1
        self.changed[m.story_id] = self.seen[article_id] = self.clock
        return m

    def refine(self, rounds: int = REFINE_ROUNDS) -> int:
        """Reconsider this batch's articles now that all of them are placed (an article placed early saw
        only the stories of the articles before it): each goes to the story it now fits best by the same
        test it joined by, its own story judged without it; one that fits none opens a story of its own.
        Stops when nothing moves (at most `rounds` passes over the batch). Returns how many moves."""
        total = 0
        changed, seen = self.changed, self.seen
        # a story already at MAX_STORY is left as it is: it takes no one in (as when placing) and its
        # articles stay (such a story is a whole topic; moving articles between its overflow stories is churn)
        closed = {sid for sid, st in self.stories.items() if st.size >= MAX_STORY}
        for _ in range(rounds):
            moves = 0
            for m in self.pending:
                own = self.stories.get(m.story_id)
                if own is None or not m.terms or own.id in closed:
                    continue
                n = _DAYS[m.day]
                near = [i for i in self._candidates(m.terms, n, n) if i not in closed]
                last = seen.get(m.article_id, -1)
                if changed.get(own.id, 0) <= last and all(changed.get(i, 0) <= last for i in near):
                    continue  # nothing it is compared with changed since it was last looked at: same answer
                seen[m.article_id] = self.clock
                vec = m.terms
                best, best_sim = self._best(vec, n, self._open_among([i for i in near if i != own.id]),
                                            self.cols.get(m.article_id))
                if 1 < own.size <= MAX_STORY:  # its own story, judged without it (as if it had left: _without)
                    stay = self._without(own, vec, n)
                    if stay >= best_sim:
                        best, best_sim = own, stay
                if best is None or best_sim < self.levels.join:  # it fits nowhere now: alone (its own story if it was)
                    best = own if own.size == 1 else self._open(own.title, m.day)
                if best is own:
                    continue  # it stays: its story is as it was (it never left)
                moves += 1
                self.clock += 1
                changed[own.id] = changed[best.id] = seen[m.article_id] = self.clock
                self._leave(own, m)
                if own.size == 0:
                    self._drop_empty(own)
                m.dup_of = None
                self._join(best, m, best.title)
                m.dup_of = self._duplicate_of(best, m)
            total += moves
            if not moves:
                break
        if total:  # a repeat whose original moved to another story is no repeat within its story
            where = {m.article_id: m.story_id for m in self.pending}
            for m in self.pending:
                if m.dup_of in where and where[m.dup_of] != m.story_id:
                    m.dup_of = self._duplicate_of(self.stories[m.story_id], m)
        return total

    def _open_among(self, near: list[int]) -> list[_Story]:
        """The stories of `near` that may take an article: not empty, under MAX_STORY."""
        return [st for st in map(self.stories.__getitem__, near) if 0 < st.size < MAX_STORY]

    def _best(self, vec: dict[str, float], n: int, near: list[_Story], cols=None) -> tuple[_Story | None, float]:
        """The story of `near` most similar to `vec` by `_score` (the first of equals) and its similarity. With the
        article's `cols` (a big batch's), the stories that have a matrix row are summed at once (the same floats)."""
        best, best_sim = None, 0.0
        dots = None
        if cols is not None and near:
            dense = self.dense
            rows = dense.rows_of(near)
            if None not in rows:  # (the usual case once a batch is under way) every story has its row
                return self._best_of_dots(near, n, dense.dots(rows, cols))
            else:
                have = [r for r in rows if r is not None]
                if have:
                    found = iter(dense.dots(have, cols))
                    dots = [None if r is None else next(found) for r in rows]
        decay, days = self.levels.decay, _DAYS
        for i, st in enumerate(near):
            dot = dots[i] if dots is not None else None
            if dot is None:
                sim = self._score(st, vec, n)
            else:  # `_score` with the sum made in numpy, its max() calls written out (the same numbers)
                gap = n - days[st.last]
                if (before := days[st.first] - n) > gap:
                    gap = before
                gap -= GRACE_DAYS  # (a gap under 0 counts 0, and so does a gap within the grace)
                size = st.size
                sim = dot / (size if size > 1 else 1) / (1.0 + gap / decay if gap > 0 else 1.0)
            if sim > best_sim:
                best, best_sim = st, sim
        return best, best_sim

    def _best_of_dots(self, near: list[_Story], n: int, dots: list[float]) -> tuple[_Story | None, float]:
        """`_best` when every story of `near` has its sum with the article in `dots` (the loop's numpy branch)."""
        best, best_sim = None, 0.0
        decay, days = self.levels.decay, _DAYS
        for st, dot in zip(near, dots):
            gap = n - days[st.last]
            if (before := days[st.first] - n) > gap:
                gap = before
            gap -= GRACE_DAYS
            size = st.size
            sim = dot / (size if size > 1 else 1) / (1.0 + gap / decay if gap > 0 else 1.0)
            if sim > best_sim:
                best, best_sim = st, sim
        return best, best_sim

    def _score(self, st: _Story, vec: dict[str, float], n: int) -> float:
        gap = max(0, n - _DAYS[st.last], _DAYS[st.first] - n)
        return st.similarity(vec) / (1.0 + max(0, gap - GRACE_DAYS) / self.levels.decay)

    def _without(self, st: _Story, vec: dict[str, float], n: int) -> float:
        """`_score` of story `st` after the article of terms `vec`, one of its members, left it (`_leave`), without
        changing it: each shared term's weight less the article's (the same floats `_leave` would store), a term the
        centroid lacks counted 0 (its get() default is the article's own weight, less itself)."""
        cen, vals = st.centroid, vec.values()
        dot = sum(map(mul, vals, map(sub, map(cen.get, vec, vals), vals)))
        gap = max(0, n - _DAYS[st.last], _DAYS[st.first] - n)
        return dot / max(1, st.size - 1) / (1.0 + max(0, gap - GRACE_DAYS) / self.levels.decay)

    def _leave(self, s: _Story, m: Member) -> None:
        if self.touched is not None:
            self.touched.add(s.id)
        if self.dense is not None:
            self.dense.drop(s.id)
        cen, vec = s.centroid, m.terms
        both = vec.keys() & cen.keys()  # each of them `cen[t] -= w` (in C)
        cen.update(zip(both, map(sub, map(cen.__getitem__, both), map(vec.__getitem__, both))))
        s.size -= 1
        s.dirty = True

    def _open(self, title: str, day: str) -> _Story:
        s = _Story(self.next_id, title, day[:10], day[:10], 0, {})
        self.next_id += 1
        self.dup_loaded.add(s.id)
        return s

    def _drop_empty(self, s: _Story) -> None:
        if self.touched is not None:
            self.touched.add(s.id)
        if self.dense is not None:
            self.dense.drop(s.id)
        for t in s.centroid:
            posting = self.index.get(t)
            if posting is not None:
                posting.discard(s.id)
        self.stories.pop(s.id, None)
        self.win.discard(s.id)

    def _new_story_id(self, article_id: int) -> int:
        """The id of a story `article_id` opens: the one-article story's it had before it was updated in place
        (tui/store/story_left.py) when no story has that id now, else the next id never used."""
        from tui.store.story_left import reusable_story_id

        old = reusable_story_id(self.lib, article_id)
        if old is not None and old not in self.stories and old not in self.gone and old not in self.merged:
            return old
        self.next_id += 1
        return self.next_id - 1

    def _candidates(self, vec: dict[str, float], lo: int, hi: int, window: int = WINDOW_DAYS) -> list[int]:
        """Stories within `window` days sharing the most of `vec`'s strongest terms (at most MAX_CANDIDATES)."""
        # story id -> strong terms shared, in first-seen order (one count over every posting, in C)
        postings = list(filter(None, map(self.index.get, islice(vec, QUERY_TERMS))))
        if postings and max(map(len, postings)) > MAX_POSTING:  # (rare) a term too common to say anything
            postings = [p for p in postings if len(p) <= MAX_POSTING]
        hits: dict[int, int] = {}
        _count_elements(hits, chain.from_iterable(postings))
        if lo == hi and window == WINDOW_DAYS:  # an article's (place, refine): the stories of its day's window
            if self.win_day != lo:
                self._window_at(lo)
            near = list(filter(self.win.__contains__, hits))
        else:
            lo, hi = lo - window, hi + window
            stories, days = self.stories, _DAYS
            near = [sid for sid in hits if (st := stories.get(sid)) is not None and days[st.last] >= lo and days[st.first] <= hi]
        if len(near) > MAX_CANDIDATES:
            # the MAX_CANDIDATES largest by (hits, id), largest first: two stable sorts in C (id, then hits)
            near.sort(reverse=True)
            near.sort(key=hits.__getitem__, reverse=True)
            del near[MAX_CANDIDATES:]
        return near

    def _window_at(self, n: int) -> None:
        """Make `win` the stories whose dates meet [n - WINDOW_DAYS, n + WINDOW_DAYS]."""
        lo, hi, days = n - WINDOW_DAYS, n + WINDOW_DAYS, _DAYS
        self.win = {sid for sid, st in self.stories.items() if days[st.last] >= lo and days[st.first] <= hi}
        self.win_day = n

    def _in_window(self, s: _Story) -> None:
        """Keep `win` as `_window_at` would make it after story `s` was added or its dates grew (dates only grow
        while it lives: a story in the window stays in it)."""
        n = self.win_day
        if n is not None and _DAYS[s.last] >= n - WINDOW_DAYS and _DAYS[s.first] <= n + WINDOW_DAYS:
            self.win.add(s.id)

    def _duplicate_of(self, s: _Story, m: Member) -> int | None:
        """The article `m` repeats in story `s`, found through its smallest shingle hashes (two texts
        with resemblance >= 0.9 share one of their DUP_KEYS smallest almost surely), not by a scan."""
        if s.id not in self.dup_loaded:
            self.dup_loaded.add(s.id)
            self._load_sketches(s.id)
        shared: dict[int, int] = {}
        found: dict[int, Member] = {}
        index, merged, own, target = self.dup_index, self.merged, m.article_id, s.id
        for h in m.sketch[:DUP_KEYS]:
            for other in index.get(h, ())[-MAX_DUP_CHECKS:]:
                aid = other.article_id
                if aid != own:
                    sid = other.story_id
                    while sid in merged:  # `_resolve`, written out
                        sid = merged[sid]
                    if sid == target:
                        shared[aid] = shared.get(aid, 0) + 1
                        found[aid] = other
        likely = sorted((a for a, n in shared.items() if n >= 2), key=lambda a: -shared[a])[:MAX_DUP_CHECKS]
        for aid in likely:
            if resemblance(m.sketch, found[aid].sketch) >= DUPLICATE:
                return found[aid].dup_of or aid
        return None

    def _resolve(self, sid: int) -> int:
        """The story a story id stands for now (after merges)."""
        while sid in self.merged:
            sid = self.merged[sid]
        return sid

    def _index_sketch(self, m: Member) -> None:
        if self.dup_shared:
            self._own(m.sketch[:DUP_KEYS])
        for h in m.sketch[:DUP_KEYS]:
            self.dup_index.setdefault(h, []).append(m)

    def _own(self, keys) -> None:
        """Copy the near-duplicate index's lists of `keys` that are shared with a kept story's (before appending)."""
        index, shared = self.dup_index, self.dup_shared
        for h in keys:
            if h in shared:
                shared.discard(h)
                index[h] = list(index[h])

    def _load_sketches(self, story_id: int) -> None:
        """Index the stored sketches of story `story_id`'s articles (each `_index_sketch`ed in the story's order: day,
        then id). Their terms are not needed here: not read. A warm grouper has each story's entries made already
        (warm.py: kept between calls); the lists are then shared, and copied before anything is appended."""
        index = self.dup_index
        if self.warm is None:
            into = index.setdefault
            for other in store.sketches(self.lib, story_id):  # `_index_sketch`, written out (1,000 articles: 4,000)
                other.sketch = _compact(other.sketch)
                for h in other.sketch[:DUP_KEYS]:
                    into(h, []).append(other)
            return
        sub = warm.sketch_index(self.warm, self.lib, story_id)  # hash -> that story's articles, in its order
        if not index:  # (the usual case: the one story an article joins) no copy at all
            self.dup_index = dict(sub)
            self.dup_shared = set(sub)
            return
        self._own(sub.keys() & index.keys())
        for h, entries in sub.items():
            have = index.get(h)
            if have is None:
                index[h] = entries
                self.dup_shared.add(h)
            else:
                have.extend(entries)

    def _join(self, s: _Story, m: Member, title: str) -> None:
        m.story_id = s.id
        cen, index, sid, vec = s.centroid, self.index, s.id, m.terms
        before = len(cen)
        # each weight added to the story's (-0.0 for a new term: -0.0 + w is w exactly), new terms appended in the
        # article's order: the loop `cen[t] = cen.get(t) + w or w` run in C
        cen.update(zip(vec, map(add, map(cen.get, vec, repeat(-0.0)), vec.values())))
        for t in islice(reversed(cen), len(cen) - before):  # the terms new to the story (appended last): the
            # inverted index learns them
            posting = index.get(t)
            if posting is None:
                index[t] = {sid}
            else:
                posting.add(sid)
        s.size += 1
        s.first, s.last = min(s.first, m.day), max(s.last, m.day)
        s.dirty = True
        if self.touched is not None:
            self.touched.add(sid)
            if len(cen) > 2 * CENTROID_TERMS:  # to be trimmed: the index knows it by these terms
                self.trimmed.setdefault(sid, set()).update(cen)
        if self.dense is None:
            s.refresh()
        else:  # its row (if it has one) follows the centroid, or goes
            cols = self.cols.get(m.article_id)
            if cols is None:
                self.dense.drop(sid)
            else:
                self.dense.joined(sid, cols)
            if s.refresh() and sid in self.dense.rows:
                self.dense.trimmed(sid, cen.keys() - s.centroid.keys())  # `cen`: the centroid before the trim
        self.stories[sid] = s
        self._in_window(s)

    def merge_touched(self, partner=None, chained: bool = True) -> None:
        """Fold each story changed in this batch into another whose centroid now agrees: by the join test
        (decayed average link >= MERGE), or, further apart in time, when the plain average link reaches the
        BRIDGE level for the days between them (or, more than WINDOW_DAYS apart and with AVERAGE_PAIRS pairs of
        articles or more, the level for averages when lower). The older id stays.

        A story made by a merge of this pass merges again in it, with another story of two articles or more, only
        when it is that story's own best partner (`_partner`; else it waits for a later pass): the parts of two events
        of one field and place (a town's laboratory fire and its ferry strike) agree well enough, but a part of one
        is most often claimed by its own event's other part first. Off the stories data (PolNeAR train cut in two by
        date, the halves overlapped, grouped at once: `bench/story_event_days.py --screen --shipped`, and
        `--unchained` for the merges as before), the pairs of articles in a story go 7,466 -> 6,509, those across
        the halves (two events by construction) 1,528 -> 1,138; every merge level 10 % higher gives 5,873 / 1,155.
        There (981 merges), the merges in which a side was made earlier in the same pass made 3,549 pairs, 33 % of
        them across, the others 1,487, 12 %; of the first kind, those of two stories of 2+ articles whose partner
        prefers another, 47 %.

        `partner` (bench/story_entities.py's screens): another way to find a story's partner, called as `_partner`
        is (the partner's own best is still `_partner`'s); `chained` False: a story made in the pass merges again as
        any other (METHOD 6, for the bench's comparisons)."""
        find = self._partner if partner is None else partner
        gone: set[int] = set()
        made: set[int] = set()  # the stories made by a merge of this pass
        for s in sorted((s for s in self.stories.values() if s.dirty), key=lambda s: -s.id):
            if s.id in gone:
                continue
            best, best_sim = find(s, gone)
            if best is None:
                continue
            if self._refused(s, best, best_sim, gone, chained and (s.id in made or best.id in made)):
                continue
            keep, drop = (best, s) if best.id < s.id else (s, best)
            self._absorb(keep, drop)
            gone.add(drop.id)
            made.add(keep.id)
        if gone:
            self.gone |= gone

    def _refused(self, s: _Story, best: _Story, best_sim: float, gone: set[int], chained: bool) -> bool:
        """Whether `merge_touched` turns down the merge of `s` with its partner `best` (`best_sim` past its test):
        when `chained` (a side made by a merge of this pass) and both have 2+ articles, unless `s` is `best`'s own
        best partner. (One place for the pass's refusals: bench/story_big_merges.py adds a rule of its own here.)"""
        if not (chained and s.size > 1 and best.size > 1):
            return False
        other, other_sim = self._partner(best, gone)
        return other is not s and other_sim > best_sim  # its partner has a better one: not chained into it now

    def _partner(self, s: _Story, gone: set[int]) -> tuple[_Story | None, float]:
        """The story `s` merges with by `merge_touched`'s test (None: none passes it), and how far past its test
        (the decayed link over the join level, or the plain link over the bridge or averages level); of equals, the
        last one met. Stories of `gone` are left out."""
        merge = self.levels.join
        best, best_sim = None, 0.0
        for o, sim, raw, level in self._links(s, gone):
            if sim >= merge or raw >= level:
                score = sim / merge if sim >= merge else raw / level  # how far past its test
                if score >= best_sim:
                    best, best_sim = o, score
        return best, best_sim

    def _links(self, s: _Story, gone: set[int]):
        """Each story `s` might merge with (its candidates within REACH_DAYS, strongest terms first, less `gone`
        and those too big to take it), with what `merge_touched`'s test reads: (story, the average link decayed by
        the days between them (0 beyond WINDOW_DAYS), the plain average link, the bridge or averages level for
        those days)."""
        decay, bridge, average = self.levels.decay, self.levels.bridge, self.levels.average
        vec = {t: w / max(1, s.size) for t, w in s.centroid.items()}
        lo, hi = _DAYS[s.first], _DAYS[s.last]
        # strongest first, ties in order (a stable sort by weight, descending)
        for sid in self._candidates(dict(sorted(vec.items(), key=itemgetter(1), reverse=True)), lo, hi, REACH_DAYS):
            o = self.stories[sid]
            if sid == s.id or sid in gone or o.size + s.size > MAX_STORY:
                continue
            gap = max(0, lo - _DAYS[o.last], _DAYS[o.first] - hi)
            raw = o.similarity(vec)
            sim = raw / (1.0 + max(0, gap - GRACE_DAYS) / decay) if gap <= WINDOW_DAYS else 0.0
            level = bridge_level(gap, bridge)
            if average is not None and WINDOW_DAYS < gap <= BRIDGE_DAYS and s.size * o.size >= AVERAGE_PAIRS:
                level = min(level, average)
            yield o, sim, raw, level

    def _absorb(self, keep: _Story, drop: _Story) -> None:
        if self.touched is not None:
            self.touched |= {keep.id, drop.id}
        if self.dense is not None:
            self.dense.drop(keep.id)
            self.dense.drop(drop.id)
        for m in store.members(self.lib, drop.id):
            self.moved[m.article_id] = keep.id
        for m in self.pending:
            if m.story_id == drop.id:
                m.story_id = keep.id
        self.merged[drop.id] = keep.id  # the near-duplicate index resolves ids (no walk over it per merge)
        if drop.id in self.dup_loaded:
            self.dup_loaded.add(keep.id)
        for t, w in drop.centroid.items():
            keep.centroid[t] = keep.centroid.get(t, 0.0) + w
        keep.size += drop.size
        self.clock += 1
        self.changed[keep.id] = self.clock
        keep.first, keep.last = min(keep.first, drop.first), max(keep.last, drop.last)
        keep.dirty = True
        self._index(keep)
        for t in drop.centroid:
            posting = self.index.get(t)
            if posting is not None:
                posting.discard(drop.id)
        del self.stories[drop.id]
        self.win.discard(drop.id)

    def flush(self, features: list[tuple] = ()) -> None:
        """Write the placed articles and the changed stories (and `features`, save_features' rows of the placed
        articles computed here, in the same transaction)."""
        changed = [s for s in self.stories.values() if s.dirty]
        if not self.pending and not changed:
            if features:
                save_features(self.lib, features)
            return
        # each member's STORED_TERMS first terms, rounded as save_groups would (round(w, 4)), all at once
        heads = rounded4(list(chain.from_iterable(islice(m.terms.values(), STORED_TERMS) for m in self.pending)))
        weights = iter(heads)
        stored = [dict(zip(islice(m.terms, STORED_TERMS), islice(weights, STORED_TERMS))) for m in self.pending]
        before = after = None
        if self.warm is not None:  # read in the same transaction: the store as found, then the touched stories
            w, touched, back = self.warm, sorted(self.touched), []
            written = list(self.pending)
            ids = [m.article_id for m in written]
            before = lambda db: warm.check_before(w, db)  # noqa: E731
            after = lambda db: back.append(warm.read_after(w, db, touched, ids))  # noqa: E731
        store.save_groups(self.lib, self.pending, [(s.id, s.title, s.first, s.last, s.size, _rounded(s.centroid))
                                                   for s in changed], moved=self.moved, gone=sorted(self.gone),
                          stored_terms=STORED_TERMS, rounded=stored, before=before, after=after,
                          last_story_id=self.next_id - 1, features=features)
        for s in changed:
            s.dirty = False
        if self.warm is not None:
            warm.synced(self.warm, self, back[0], written, set(self.merged) | set(self.merged.values()))
        for m in self.pending:
            m.terms = {}  # written; the near-duplicate index keeps only what it compares (memory stays flat)
            m.sketch = _compact(m.sketch)
        self.pending, self.moved, self.gone = [], {}, set()
        self.seen.clear()
        self.cols.clear()

    def evict_before(self, n: int) -> None:
        """Forget stories that ended more than a window before day `n` (rebuilds walk forward in time)."""
        old = [sid for sid, s in self.stories.items() if not s.dirty and day_number(s.last) < n - 2 * WINDOW_DAYS]
        for sid in old:
            for t in self.stories[sid].centroid:
                posting = self.index.get(t)
                if posting is not None:
                    posting.discard(sid)
            del self.stories[sid]
            self.win.discard(sid)
            self.changed.pop(sid, None)
        if old and self.loaded:
            self.loaded = (max(self.loaded[0], n - WINDOW_DAYS), self.loaded[1])
        oldest = _day_text(n - 2 * WINDOW_DAYS)
        moved_on = not self.pruned_to or day_number(oldest) >= day_number(self.pruned_to) + WINDOW_DAYS
        if len(self.dup_index) > DUP_INDEX_KEYS and moved_on:  # big, and the window moved a window on since
            self.pruned_to = oldest
            for h in list(self.dup_index):
                kept = [m for m in self.dup_index[h] if m.day >= oldest]
                if kept:
                    self.dup_index[h] = kept
                else:
                    del self.dup_index[h]


def _compact(sketch) -> array:
    """A sketch the near-duplicate index holds, as 8-byte integers (the same hashes, compared the same way): a list
    of SKETCH_SIZE Python ints took ~2.6 KB, and the index holds one per article it has seen (a rebuild of the bench's
    100,000 articles grew by ~5 MB a batch of 2,000, most of it these; tracemalloc)."""
    return sketch if type(sketch) is array else array("q", sketch)


def bridge_level(gap: int, bridge: tuple[tuple[int, float], ...] = BRIDGE) -> float:
    """The average-link similarity at which two stories `gap` days apart merge whatever the decay (`bridge`, by
    default BRIDGE); above 1, which no similarity reaches, beyond its last band."""
    for days, level in bridge:
        if gap <= days:
            return level
    return 2.0


def _rounded(vec: dict[str, float]) -> dict[str, float]:
    return {t: round(w, 4) for t, w in vec.items()}


def group_new(lib, batch: int = BATCH, jobs: int | None = None) -> int:
    """Group every article that is in no story yet (the on-insert hook: import, refresh, watched folder).

    Returns how many articles were placed. Safe to call at any time and from several places: an
    article already grouped is never placed twice. With `jobs` > 1 that many worker processes compute the
    terms and sketches of the articles whose features are not stored, a batch ahead of the placing (default:
    up to 2 when NEW_PARALLEL_FROM articles or more wait, e.g. after a bulk `add`; else none).
    """
    return _group_new(lib, batch, jobs)[0]


def settle(lib) -> int:
    """The stream went quiet (the app's refresh round that brought nothing new, `newsreader stories | story |
    brief`): group what waits as `group_new` does, then regroup the articles grouped since the last window (fewer
    than LIBRARY_FROM: they wait for theirs) as a window now, with the articles grouped just before them
    (tui/stories/regroup_window.py), so that they are grouped as they would be at once. Costs one window (up to
    WINDOW_ARTICLES articles) when some wait, one query when none do. Not for a stream that is still arriving:
    `group_new` after each landing never does this. Returns how many articles were placed or regrouped (0: the
    stories did not change)."""
    from tui.stories.regroup_window import pending

    if not store.ungrouped_count(lib) and not pending(lib, mend=True) and not store.stories_untrue(lib):
        return 0  # the usual case: settled already
    # (a story another program deleted with its foreign keys on left its memberships: its articles were in no story
    # any list showed and never grouped again, until `stories --rebuild`; a hand-made story with no articles was listed
    # with the figures it was given: both mended under the lease below, store.mend_stories)
    placed, regrouped = _group_new(lib, BATCH, None, quiet=True)
    return placed + regrouped


def _group_new(lib, batch: int, jobs: int | None, quiet: bool = False) -> tuple[int, int]:
    """group_new's work under the lease: (articles placed, articles a window regrouped); `quiet`: settle's."""
    waiting = store.ungrouped_count(lib)
    if not waiting and not quiet:
        return 0, 0  # the usual case: one query, no write (a read-only library lists its stories too)
    if not store.take_lease(lib, LEASE_SECONDS):
        return 0, 0  # another grouper runs (the app's background pass, a refresh): it places these too
    try:
        if quiet and store.stories_untrue(lib):  # (settle: story tables another program left disagreeing)
            store.mend_stories(lib)
            waiting = store.ungrouped_count(lib)
        if jobs is None:
            jobs = _default_jobs(waiting, NEW_PARALLEL_FROM)
        first = lib.db.execute("SELECT 1 FROM stories LIMIT 1").fetchone() is None
        # a few articles (a refresh, a watched folder, one at a time): placed against the stories kept from the last
        # such call when the store has not changed since (tui/stories/warm.py)
        kept = None
        if waiting < min(LIBRARY_FROM, batch):
            kept = warm.take(lib)
        else:  # a big batch reads its own window (and changes many stories): nothing kept is of use after it
            warm.forget(lib)
        placed = _group(lib, batch, jobs, kept, waiting) if waiting else 0
        if first and placed:  # a library's first stories are made by this method (method.py)
            method.record(lib)
        # articles placed a few at a time are placed again together, as a library-weighted batch, every
        # LIBRARY_FROM of them, or as soon as the stream goes quiet (tui/stories/regroup_window.py)
        # (the warm state followed through it: the regroup starts from it, and it follows the window's writes)
        regrouped = after_grouping(lib, placed, lambda lib, kept: _group(lib, batch, 1, kept), kept, quiet)
        warm.give_back(kept)
        return placed, regrouped
    except store.LeaseLost:
        # waited for the library past the lease, and another grouper took it meanwhile: it places these articles (the
        # step that found out was rolled back; the kept state is not given back, so it is read again next time)
        return 0, 0
    finally:
        store.drop_lease(lib)


LEASE_SECONDS = 120  # a grouper that died lets others in after this long; a live one renews per batch


def _group(lib, batch: int, jobs: int, kept: warm.Warm | None = None, waiting: int | None = None) -> int:
    # the store's bigger page cache while the batches are written (Library.bulk): 3,000 new articles' memberships and
    # features spilled pages from SQLite's default 2 MB (writes ~10 % less CPU, the same rows)
    with lib.bulk():
        return _group_batches(lib, batch, jobs, kept, waiting)


def _group_batches(lib, batch: int, jobs: int, kept: warm.Warm | None = None, waiting: int | None = None) -> int:
    """Place every ungrouped article, batch after batch. `kept`: the warm state of the last small call (warm.py),
    whose stories the first batch starts from instead of reading them; kept up to date by the batch's flush.
    `waiting`: how many articles wait, counted just before (not counted again for the first batch)."""
    g = Grouper(lib)
    ver = features.version() if has_features_table(lib) else 0
    pool = None
    try:
        done = 0
        rows = _rows(lib, batch, ("", 0), ver, waiting)
        pool = _pool(jobs) if _to_compute(rows) >= _CHUNK else None
        # the batches read, their features sent to the workers: up to AHEAD of them wait while one is placed, so
        # that the workers keep computing (one batch ahead, they finished it early and waited for the next)
        queue = deque([(rows, _features_async(pool, rows, lib))])
        # (a batch shorter than `batch` was every article waiting when it was read: no next one to look for; one
        # stored meanwhile waits for the next call, as one stored a moment after the last batch always did)
        last = rows[-1] if len(rows) >= batch else None
        while True:
            while last is not None and len(queue) <= AHEAD:
                nxt = _rows(lib, batch, (last[3], last[0]), ver)
                if pool is None and _to_compute(nxt) >= _CHUNK:
                    pool = _pool(jobs)  # stored features so far, the rest to compute (workers only when worth it)
                queue.append((nxt, _features_async(pool, nxt, lib)))
                last = nxt[-1] if len(nxt) >= batch else None
            rows, ahead = queue.popleft() if queue else ([], None)
            if not rows:
                break
            raw, computed = _features(rows, ahead, lib)
            days = [day_number(_day_of(r)) for r in rows]
            # many articles at once: weighed by their own idf (library_idf), at the levels for how crowded their days
            # are (density.py), else by the background idf
            # a few articles after a windowed regroup: weighed by the idf of the articles grouped just before them, at
            # the levels for how crowded their days and those articles' were (as that window's batch was placed)
            base = window_df(lib, ver) if len(rows) < LIBRARY_FROM else None
            small = small_library(lib, ver, len(rows)) if len(rows) < LIBRARY_FROM and not base else None
            if len(rows) >= LIBRARY_FROM:
                g.levels = crowded(days)
            elif base:
                g.levels = _crowded_after(days, window_days(lib))
            elif small:  # a small library, weighed by its own idf (regroup_window.small_library), its event's words
                # kept (library_idf.cohesive)
                stored, stored_days = small_vectors(lib, ver)
                base = (*small[:2], cohesive([decode(*f)[0] if len(f) == 3 else f[0] for f in raw] + stored,
                                             days + [day_number(d) for d in stored_days], TOP_TERMS))
                g.levels = _small(crowded(days + [day_number(d) for d in small[2]]))
            else:
                g.levels = BACKGROUND
            # the batch's encoded features decoded and reweighted at once (features.reweighted_encoded: the same
            # floats), else row by row (a few articles: numpy's calls cost more than they save)
            # (a window's batch, with the warm state followed: its own document frequencies are kept for the next
            # calls' window_df, regroup_window.after_grouping)
            counted = [] if kept is not None and len(rows) >= LIBRARY_FROM and ver else None
            made = (reweighted_encoded(raw, TOP_TERMS, base, counted) if g.levels is not BACKGROUND
                    and len(raw) >= ENCODED_FROM else None)
            if kept is not None:
                kept.counted = (ver, [r[0] for r in rows], *counted[0]) if counted else None
            if made is None:
                feats = [decode(*f) if len(f) == 3 else f for f in raw]
                vecs = (reweighted([v for v, _ in feats], TOP_TERMS, base) if g.levels is not BACKGROUND
                        else cut([v for v, _ in feats], TOP_TERMS))
                made = vecs, [sk for _, sk in feats]
            vecs = made[0]
            feats = list(zip(*made))
            g.evict_before(min(days))
            if kept is not None and not done:  # the kept stories, as load_window would read them
                warm.start(kept, g, _day_text(min(days) - WINDOW_DAYS), _day_text(max(days) + WINDOW_DAYS))
                g.loaded, g.next_id = (min(days) - WINDOW_DAYS, max(days) + WINDOW_DAYS), store.next_story_id(lib)
            elif g.warm is not None:  # a second batch (articles stored meanwhile): the kept state is not followed
                kept.ok = False
                g.warm = g.touched = g.trimmed = None
            g.load_window(min(days), max(days))
            g.dense = dense.for_batch(vecs)
            cols = g.dense.articles(vecs) if g.dense is not None else repeat(None)
            for r, f, c in zip(rows, feats, cols):
                g.place(r[0], r[1], r[2], _day_of(r), f, c)
            g.refine()
            g.merge_touched()
            g.flush([(aid, ver, *enc) for aid, enc in computed if enc is not None] if ver else ())
            done += len(rows)
            if (queue or last is not None) and not store.take_lease(lib, LEASE_SECONDS, renew=True):
                raise store.LeaseLost("another grouper took over the stories")  # more batches: renewed, else given up
        return done
    finally:
        if pool is not None:
            pool.terminate()
            pool.join()


# SMALL_JOIN: a library too small for windows (regroup_window.small_library) weighed by its own idf joins no two
# articles, and merges no two stories, below the 99th percentile of the cosine of two random articles of the
# unlabelled corpus under that weighting (bench/story_small_library.py --null: 0.107-0.113 for samples of 10 to 100
# articles, 0.081 at 5), as JOIN is that percentile under the background idf: at the LIBRARY levels, fitted on PolNeAR
# train's 840 articles where most pairs are months apart, 28 of the 540 pairs of that bench's twelve runs of 10
# unrelated corpus articles joined (7 under the background idf, 4 with this level).
SMALL_JOIN = 0.11


@lru_cache(maxsize=64)
def _small(levels: Levels) -> Levels:
    """`levels` with no level below SMALL_JOIN (a small library's: see SMALL_JOIN): each level scaled up by the share
    that lifts the join to SMALL_JOIN, so the bridge keeps its fitted rise with the days apart (session 34; floored
    instead, the bridge was SMALL_JOIN from 1 to 45 days apart, and a second strike of the same crews 39 days later
    merged into the first's story in a library of 16 of our own articles, plain link 0.131: now its level is 0.19;
    the Reuters screen, `bench/story_big_merges.py --gaps` at the wire's own density, has the merges 8 days apart or
    more join more pairs across parts than within at every link); and no level for averages (as
    BACKGROUND, which such a library had before: its 0.11 was fitted on the stories of PolNeAR's 840 articles, and in a
    small library it is the random pairs' 99th percentile, no evidence; at it a town council's harbour hotel vote merged
    with another town's harbour wall repairs 84 days later in a library of 26 of our own articles)."""
    scale = max(1.0, SMALL_JOIN / levels.join)
    return Levels(max(levels.join, SMALL_JOIN), levels.decay,
                  tuple((days, max(level * scale, SMALL_JOIN)) for days, level in levels.bridge), None)


_CROWDED: dict[tuple[int, ...], tuple[list[str], Levels]] = {}


def _crowded_after(days: list[int], window: list[str]) -> Levels:
    """`crowded(days + the window's days)`, remembered for the window's list of days (window_days keeps one per
    window) and these days: one article at a time, the same few days come again and again."""
    key = tuple(days)
    hit = _CROWDED.get(key)
    if hit is not None and hit[0] is window:
        return hit[1]
    if len(_CROWDED) > 64:
        _CROWDED.clear()
    levels = crowded(days + [day_number(d) for d in window])
    _CROWDED[key] = (window, levels)
    return levels


def _rows(lib, batch: int, after: tuple[str, int], ver: int, waiting: int | None = None) -> list[tuple]:
    """The next ungrouped articles: (id, title, body, sort_key, added_at, words, weights, sketch), the last
    three the stored features or None. The body is not read (None) when the features are stored, nor, with a
    features table, when they are not: the process that computes them reads it (`_features`, `_features_async`)."""
    if not ver:
        return [(*r, None, None, None) for r in store.ungrouped(lib, batch, after, waiting)]
    rows = ungrouped_with_features(lib, batch, after, ver, day_number, bodies=False, waiting=waiting)
    # a stored row that is not as `encode` wrote it (edited by hand, half-written): computed again, as if not stored
    return [r if r[5] is None or well_formed(r[5], r[6], r[7]) else (*r[:5], None, None, None) for r in rows]


def _to_compute(rows: list[tuple]) -> int:
    return sum(r[5] is None for r in rows)


def _features(rows: list[tuple], ahead, lib) -> tuple[list, list[tuple[int, tuple | None]]]:
    """Each row's features: encoded (words, weights, sketch) as stored, as sent back by the workers (`ahead`) or
    as computed here, or decoded (terms, sketch) when computed here and not encodable (`features.encode`); and
    (article id, encoded features) of those not stored yet, to store."""
    missing = [r for r in rows if r[5] is None]
    if ahead is not None:
        encoded = ahead.get()
        made = [e if e is not None else features_of([_text(r, lib)])[0] for r, e in zip(missing, encoded)]
    else:
        texts = article_texts(lib.db, [r[0] for r in missing if r[2] is None]) if missing else {}
        feats = [(dict(zip(map(intern, v), v.values())), sk)  # terms interned as decoded ones are
                 for v, sk in features_of([_text(r, lib, texts) for r in missing])] if missing else []
        encoded = [encode(*f) for f in feats]
        made = [e if e is not None else f for e, f in zip(encoded, feats)]
    new = iter(made)
    raw = [(r[5], r[6], r[7]) if r[5] is not None else next(new) for r in rows]
    return raw, [(r[0], e) for r, e in zip(missing, encoded)]


_CHUNK = 250  # articles per task sent to a worker process
AHEAD = 3  # batches read and sent to the workers while one is placed


def _pool(jobs: int):
    """A pool of forked worker processes, or None (one job, no fork on this system, or threads running: forking a
    threaded process can deadlock, and spawning would re-run the caller's script). `jobs` of them, but no more than
    the cores less one: the placing process is the longer job and must keep a core of its own (100,000 articles on 2
    cores, features computed, quiet-ish: 2 workers 62.7 / 123.3 s wall, 1 worker 54.9 / 88.6 s, runs alternating at
    load 1.7-4: with 2, three processes shared two cores and the placing ran at 2/3 speed)."""
    import multiprocessing
    import os
    import threading

    if jobs <= 1 or threading.active_count() > 1 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    global _CLAIMS
    features.preload()  # the idf table, stop words and numpy load once, here, and the workers inherit them
    ctx = multiprocessing.get_context("fork")
    _CLAIMS = _Claims(ctx)  # before the fork: the workers share it
    return ctx.Pool(max(1, min(jobs, (os.cpu_count() or 1) - 1)))


class _Claims:
    """Who computes each chunk sent to the workers: whichever process takes it first. The workers take the chunks
    in the order sent; the placing process, when it asks for a batch whose features are not all in (`_Joined.get`),
    takes that batch's chunks from the back, and computes them instead of waiting. So the two share the features as
    they come, each chunk computed once, and neither waits while the other has work (on 2 cores one worker computes
    the features, ~1.1 s a batch of 2,000, and the placing ~0.8 s: it waited ~0.3 s a batch for the worker).

    A ring of SLOTS chunk numbers in memory shared with the forked workers: a slot holds the number of the chunk that
    waits in it, -1 once taken. (A chunk whose slot was taken over by a chunk SLOTS later, never in practice, is
    computed by the placing process: its worker finds the slot changed and sends None.)"""

    SLOTS = 4096

    def __init__(self, ctx):
        self.slots = ctx.RawArray("q", self.SLOTS)
        self.lock = ctx.Lock()
        self.sent = 0

    def number(self) -> int:
        """The number of a chunk about to be sent (its slot made ready)."""
        n, self.sent = self.sent, self.sent + 1
        held = self.lock.acquire(timeout=LOCK_SECONDS)  # (a worker killed while it held the lock: written anyway)
        self.slots[n % self.SLOTS] = n
        if held:
            self.lock.release()
        return n

    def take(self, n: int) -> bool:
        """Take chunk `n` for this process; False when another process took it (or the lock is not to be had: a
        worker killed while it held it; then the placing process waits for the worker's answer, and a worker's
        chunk not taken is computed by the placing process)."""
        if not self.lock.acquire(timeout=LOCK_SECONDS):
            return False
        try:
            if self.slots[n % self.SLOTS] != n:
                return False
            self.slots[n % self.SLOTS] = -1
            return True
        finally:
            self.lock.release()


LOCK_SECONDS = 5  # a claim holds the lock for a few instructions; longer than this is a process that died holding it


_CLAIMS: _Claims | None = None  # the last pool's (`_pool`)


def _text(row: tuple, lib, texts: dict[int, tuple[str, str]] | None = None) -> tuple[str, str]:
    """A row's (title, body): the body read with it, else from `texts` or the library ("" when deleted since)."""
    if row[2] is not None:
        return row[1], row[2]
    if texts is None:
        texts = article_texts(lib.db, [row[0]])
    return row[1], texts.get(row[0], (row[1], ""))[1]


def _features_async(pool, rows: list[tuple], lib):
    """Start computing the encoded features of the `rows` not stored yet in the pool (the workers read the texts
    from the library themselves: the ids are all that is sent, a chunk at a time); None without a pool or such rows.
    The placing process computes the chunks the workers have not taken yet when it asks for the batch (`_Joined.get`,
    `_Claims`): until the first batch is in it has nothing else to do (3,000 new articles on 2 cores: its wait for
    the worker was most of the grouping's wall time), and later it would wait."""
    missing = [r[0] for r in rows if r[5] is None]
    if pool is None or not missing:
        return None
    path = str(lib.path)
    chunks = [missing[i:i + _CHUNK] for i in range(0, len(missing), _CHUNK)]
    numbers = [_CLAIMS.number() for _ in chunks]
    return _Joined(pool.map_async(_encoded_by_id, [(path, c, n) for c, n in zip(chunks, numbers)], chunksize=1),
                   lib.db, chunks, numbers, _CLAIMS)


def _encoded_by_id(job: tuple) -> list[tuple[str, bytes, bytes] | None] | None:
    """In a worker process: the encoded features of the articles `ids` of the library at `path`, in that order
    (None for an article deleted since: the grouping reads its text again and stores nothing); None for the whole
    chunk when the placing process took it (`_Claims`: the job's third item is the chunk's number)."""
    path, ids, *number = job
    if number and _CLAIMS is not None and not _CLAIMS.take(number[0]):
        return None
    return _encoded_of(reader(path), ids)


def _encoded_of(db, ids: list[int]) -> list[tuple[str, bytes, bytes] | None]:
    texts = article_texts(db, ids)
    found = [i for i in ids if i in texts]
    made = dict(zip(found, encoded_features_of([texts[i] for i in found])))
    return [made.get(i) for i in ids]


class _Joined:
    """The per-chunk results of a map_async as one flat list, the chunks the placing process took (`_Claims`)
    computed here, from `db`, when asked for."""

    def __init__(self, result, db, chunks: list[list[int]], numbers: list[int], claims: _Claims):
        self.result, self.db, self.chunks, self.numbers, self.claims = result, db, chunks, numbers, claims

    def get(self) -> list:
        here: dict[int, list] = {}
        # while the workers are not done with this batch: its chunks none of them has taken, from the back (they
        # take them from the front: the first one found taken means the others before it are taken too)
        for k in reversed(range(len(self.chunks))):
            if self.result.ready() or not self.claims.take(self.numbers[k]):
                break
            here[k] = _encoded_of(self.db, self.chunks[k])
        out = []
        for k, got in enumerate(self.result.get()):
            if got is None:  # taken here (or its slot reused: computed now)
                got = here[k] if k in here else _encoded_of(self.db, self.chunks[k])
            out += got
        return out


def features_of(texts: list[tuple[str, str]]) -> list[tuple[dict[str, float], list[int]]]:
    """(terms, sketch) of each (title, body): the part of grouping that needs no other article. The terms are
    the FEATURE_TERMS strongest by the background idf (placing keeps TOP_TERMS of them: the strongest by the
    background idf, or by the batch's library idf, whose document frequencies count all FEATURE_TERMS)."""
    return [(terms(title, body, FEATURE_TERMS), sketch(body)) for title, body in texts]


def _day_of(row: tuple) -> str:
    """An ungrouped row's day: its sort key's (published date) when readable, else the day it was added; a time (its
    feed's, or when an undated article was added) on the reader's clock, the day the library list shows it on
    (tui.models.local_day: it was the UTC day, so near midnight an undated article's "(no outlet, day)" and "since
    today" were not the list's)."""
    key = row[3] or ""
    if day_number(key):
        return (timed_key(key) and local_day(key)) or key[:10]
    added = row[4] or ""
    return local_day(added) or added[:10] or "1970-01-01"


# a batch of this many articles or more is reweighted in numpy (features.reweighted_encoded); fewer row by row
# (library_idf.reweighted): one article, as it lands against the last window's idf, 0.65 -> 0.23 ms, equal at 20
ENCODED_FROM = 10
PARALLEL_FROM = 5000  # a rebuild of at least this many articles computes their terms in worker processes
NEW_PARALLEL_FROM = 1000  # as many new articles (a bulk `add`, whose features are not stored) do too (a pool is
# started only when a batch has features to compute, and never while threads run: the app's background pass)


def _default_jobs(articles: int, from_: int) -> int:
    """Worker processes for grouping `articles`: up to 2 from `from_` articles on (the features are computed a
    batch ahead while the batch before is placed), else none."""
    import os

    return min(2, os.cpu_count() or 1) if articles >= from_ else 1


def rebuild(lib, jobs: int | None = None) -> int:
    """Regroup the whole library from scratch (after a change of method); returns the articles placed.

    `jobs` worker processes compute the articles' terms (default: up to 2 when the library holds
    PARALLEL_FROM articles or more, else none; never more than the cores less one: `_pool`)."""
    if not store.take_lease(lib, LEASE_SECONDS):
        raise store.StoreError("stories are being grouped by another process (the app?); try again in a minute")
    try:
        before = store.assignments(lib)
        # built aside (store.start_aside): another program reads the old stories until the new ones are all made,
        # then the new ones, never a library half grouped (it saw none, then more and more, for ~60 s at 100,000)
        store.start_aside(lib)
        try:
            reset_window(lib)  # (the window mark and memos: none for the rebuild's own small batches)
            if jobs is None:
                jobs = _default_jobs(store.ungrouped_count(lib), PARALLEL_FROM)
            placed = _group(lib, BATCH, jobs)
            store.renumber(lib, surviving_ids(before, store.assignments(lib)))

            def then() -> None:  # in the same transaction: the new stories' method and window mark
                reset_window(lib)
                method.record(lib)
                all_grouped_at_once(lib)  # the next window starts after them (fewer than LIBRARY_FROM too: none waits)

            store.swap_aside(lib, then)
        finally:
            store.end_aside(lib)
        return placed
    except store.LeaseLost:
        raise store.StoreError("stories were taken over by another process (the app?) while this waited for the "
                               "library; run it again") from None
    finally:
        store.drop_lease(lib)


def surviving_ids(before: dict[int, int], after: dict[int, int]) -> dict[int, int]:
    """New story id -> the old id it keeps: a new story that holds more than half of an old story's
    articles is that story surviving (when it holds the majority of several, it keeps the oldest id)."""
    old_size: dict[int, int] = {}
    for sid in before.values():
        old_size[sid] = old_size.get(sid, 0) + 1
    overlap: dict[tuple[int, int], int] = {}
    for aid, new in after.items():
        if aid in before:
            key = (new, before[aid])
            overlap[key] = overlap.get(key, 0) + 1
    keep: dict[int, int] = {}
    for (new, old), n in overlap.items():
        if 2 * n > old_size[old] and (new not in keep or old < keep[new]):
            keep[new] = old
    return keep


def merge(lib, keep: int, other: int) -> None:
    """Move every article of story `other` into story `keep` (the user or new evidence says they are one)."""
    a, b = store.members(lib, keep), store.members(lib, other)
    if not a or not b or keep == other:
        return
    row = store.story_row(lib, keep)
    cen = dict(_centroid(a + b))
    store.save_groups(lib, [], [(keep, row.title, min(m.day for m in a + b), max(m.day for m in a + b),
                                 len(a) + len(b), cen)], moved={m.article_id: keep for m in b}, gone=[other])


def split(lib, story_id: int, article_ids: list[int]) -> int | None:
    """Move the given articles of a story into a new story; returns its id (None if nothing moved)."""
    ms = store.members(lib, story_id)
    out = [m for m in ms if m.article_id in set(article_ids)]
    rest = [m for m in ms if m.article_id not in set(article_ids)]
    if not out or not rest:
        return None
    new_id = store.next_story_id(lib)
    titles = dict(lib.db.execute(f"SELECT id, title FROM articles WHERE id IN ({','.join('?' * len(ms))})",
                                 [m.article_id for m in ms]).fetchall())
    stories = [(story_id, titles.get(rest[0].article_id, ""), rest[0].day, rest[-1].day, len(rest), _centroid(rest)),
               (new_id, titles.get(out[0].article_id, ""), out[0].day, out[-1].day, len(out), _centroid(out))]
    store.save_groups(lib, [], stories, moved={m.article_id: new_id for m in out})
    store.remember_story_ids(lib, new_id)
    return new_id


def _centroid(ms: list[Member]) -> dict[str, float]:
    return _top(_summed(m.terms for m in ms))


def _summed(vecs, cen: dict[str, float] | None = None) -> dict[str, float]:
    """The vectors summed into `cen` (a new dict when None) one after the other: `cen[t] = cen.get(t, 0.0) + w` for
    each term, in C (new terms appended in order). So a sum carried on from the sum of the first vectors is the sum of
    all of them, the same floats."""
    if cen is None:
        cen = {}
    for vec in vecs:
        cen.update(zip(vec, map(add, map(cen.get, vec, repeat(0.0)), vec.values())))
    return cen


def _top(cen: dict[str, float]) -> dict[str, float]:
    """A summed centroid as stored: its CENTROID_TERMS largest terms (ties in order), rounded."""
    return _rounded(dict(sorted(cen.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS]))
