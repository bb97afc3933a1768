"""Incremental grouping of articles into stories: single pass against story centroids, bounded by time.

Each new article is compared only with the stories that share one of its salient terms (an inverted
index over the stories' centroid terms) and whose date range lies within WINDOW_DAYS of its day; it joins
the most similar one when the cosine reaches JOIN, else it opens a new story. So grouping costs
O(articles x candidates), never O(articles²), and runs as articles land. A story keeps its id while it
grows; two stories whose centroids come to agree are merged into the older id (MERGE), and `split`
moves chosen articles to a new story. A near-duplicate (the same text from another source, shingle
resemblance >= DUPLICATE) joins its original's story and records which article it repeats.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from tui.store import stories as store
from tui.store.stories import Member
from tui.stories.terms import resemblance, sketch, terms

WINDOW_DAYS = 30
GRACE_DAYS = 3        # a story's pull weakens with the days between an article and its nearest one
DECAY_DAYS = 10
JOIN = 0.24
MERGE = 0.5
DUPLICATE = 0.9
CENTROID_TERMS = 80
QUERY_TERMS = 12      # an article looks up the stories of its strongest terms only
MAX_POSTING = 400     # a term shared by more stories than this in the window says nothing
BATCH = 2000


@lru_cache(maxsize=4096)
def day_number(day: str) -> int:
    """Days since year 1 of an ISO date (its first ten characters); 0 when unreadable."""
    try:
        return date.fromisoformat(day[:10]).toordinal()
    except ValueError:
        return 0


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
    norm: float = 0.0
    members: list[Member] | None = None  # loaded only when a near-duplicate check needs them
    dirty: bool = False

    def refresh(self) -> None:
        if len(self.centroid) > CENTROID_TERMS:
            self.centroid = dict(sorted(self.centroid.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS])
        self.norm = math.sqrt(sum(v * v for v in self.centroid.values())) or 1.0

    def similarity(self, vec: dict[str, float]) -> float:
        c = self.centroid
        return sum(w * c.get(t, 0.0) for t, w in vec.items()) / self.norm


@dataclass
class Grouper:
    """Stories of a time window held in memory while a batch of articles is placed."""

    lib: object
    stories: dict[int, _Story] = field(default_factory=dict)
    index: dict[str, set[int]] = field(default_factory=dict)
    pending: list[Member] = field(default_factory=list)
    loaded: tuple[int, int] | None = None
    next_id: int = 0

    def load_window(self, lo: int, hi: int) -> None:
        """Have every stored story whose dates meet [lo - WINDOW, hi + WINDOW] in memory."""
        lo, hi = lo - WINDOW_DAYS, hi + WINDOW_DAYS
        if self.loaded and self.loaded[0] <= lo and hi <= self.loaded[1]:
            return
        for sid, title, first, last, size, cen in store.stories_between(self.lib, _day_text(lo), _day_text(hi)):
            if sid not in self.stories:
                self._index(_Story(sid, title, first, last, size, cen))
        self.loaded = (lo, hi) if not self.loaded else (min(lo, self.loaded[0]), max(hi, self.loaded[1]))
        if not self.next_id:
            self.next_id = store.next_story_id(self.lib)

    def _index(self, s: _Story) -> None:
        s.refresh()
        self.stories[s.id] = s
        for t in s.centroid:
            self.index.setdefault(t, set()).add(s.id)

    def place(self, article_id: int, title: str, body: str, day: str) -> Member:
        """Put one article into the best story (or a new one); returns its membership."""
        vec = terms(title, body)
        n = day_number(day)
        best, best_sim = None, 0.0
        for sid in self._candidates(vec, n):
            st = self.stories[sid]
            gap = max(0, n - day_number(st.last), day_number(st.first) - n)
            sim = st.similarity(vec) / (1.0 + max(0, gap - GRACE_DAYS) / DECAY_DAYS)
            if sim > best_sim:
                best, best_sim = self.stories[sid], sim
        m = Member(article_id, 0, day[:10], vec, sketch(body))
        if best is not None and best_sim >= JOIN:
            m.dup_of = self._duplicate_of(best, m)
            self._join(best, m, title)
        else:
            s = _Story(self.next_id, title, day[:10], day[:10], 0, {}, members=[])
            self.next_id += 1
            self._join(s, m, title)
        self.pending.append(m)
        return m

    def _candidates(self, vec: dict[str, float], n: int) -> set[int]:
        found: set[int] = set()
        for t in list(vec)[:QUERY_TERMS]:
            posting = self.index.get(t)
            if posting and len(posting) <= MAX_POSTING:
                found |= posting
        return {sid for sid in found if sid in self.stories
                and day_number(self.stories[sid].last) >= n - WINDOW_DAYS
                and day_number(self.stories[sid].first) <= n + WINDOW_DAYS}

    def _duplicate_of(self, s: _Story, m: Member) -> int | None:
        if s.members is None:
            s.members = store.members(self.lib, s.id)
        for other in s.members:
            if resemblance(m.sketch, other.sketch) >= DUPLICATE:
                return other.dup_of or other.article_id
        return None

    def _join(self, s: _Story, m: Member, title: str) -> None:
        m.story_id = s.id
        if s.members is not None:
            s.members.append(m)
        for t, w in m.terms.items():
            s.centroid[t] = s.centroid.get(t, 0.0) + w
        s.size += 1
        s.first, s.last = min(s.first, m.day), max(s.last, m.day)
        s.dirty = True
        self._index(s)

    def flush(self) -> None:
        """Write the placed articles and the changed stories."""
        changed = [s for s in self.stories.values() if s.dirty]
        if not self.pending and not changed:
            return
        store.save_groups(self.lib, self.pending, [(s.id, s.title, s.first, s.last, s.size, _rounded(s.centroid))
                                                   for s in changed])
        for s in changed:
            s.dirty = False
        self.pending = []
        store.remember_story_ids(self.lib, self.next_id - 1)

    def evict_before(self, n: int) -> None:
        """Forget stories that ended more than a window before day `n` (rebuilds walk forward in time)."""
        old = [sid for sid, s in self.stories.items() if not s.dirty and day_number(s.last) < n - 2 * WINDOW_DAYS]
        for sid in old:
            for t in self.stories[sid].centroid:
                posting = self.index.get(t)
                if posting is not None:
                    posting.discard(sid)
            del self.stories[sid]
        if old and self.loaded:
            self.loaded = (max(self.loaded[0], n - WINDOW_DAYS), self.loaded[1])


def _rounded(vec: dict[str, float]) -> dict[str, float]:
    return {t: round(w, 4) for t, w in vec.items()}


def group_new(lib, batch: int = BATCH) -> int:
    """Group every article that is in no story yet (the on-insert hook: import, refresh, watched folder).

    Returns how many articles were placed. Safe to call at any time and from several places: an
    article already grouped is never placed twice.
    """
    g = Grouper(lib)
    done, after = 0, ("", 0)
    while rows := store.ungrouped(lib, batch, after):
        days = [day_number(_day_of(r)) for r in rows]
        g.evict_before(min(days))
        g.load_window(min(days), max(days))
        for r, _ in zip(rows, days):
            g.place(r[0], r[1], r[2], _day_of(r))
        g.flush()
        done += len(rows)
        after = (rows[-1][3], rows[-1][0])
    return done


def _day_of(row: tuple) -> str:
    """An ungrouped row's day: its sort key (published date) when readable, else the day it was added."""
    key = row[3] or ""
    return key[:10] if day_number(key) else (row[4] or "")[:10] or "1970-01-01"


def rebuild(lib) -> int:
    """Regroup the whole library from scratch (after a change of method); returns the articles placed."""
    store.clear(lib)
    return group_new(lib)


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
    cen: dict[str, float] = {}
    for m in ms:
        for t, w in m.terms.items():
            cen[t] = cen.get(t, 0.0) + w
    return _rounded(dict(sorted(cen.items(), key=lambda kv: -kv[1])[:CENTROID_TERMS]))
