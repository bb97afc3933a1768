"""Grouping state kept between small `group_new` calls of one process (issue 13: stories kept up one article at a time).

A refresh or a watched folder lands articles one or a few at a time, and each landing is grouped at once. A fresh
`Grouper` loaded the stories around the article's day from the store every time (their centroids decoded, an
inverted index built over their terms) and, to check whether the article repeats another, the shingle sketches of
every article of the story it joins (1,000 in a big one): ~25 ms of CPU per article on the 100,000-article library,
where the article itself costs a few. Here those stay in memory between calls: the stories of the window and their
index (exactly the stories a fresh grouper would load for the call's days: those out of the new window leave it,
those that came into it are read), and the stored sketches of the stories whose repeats were looked for.

They are trusted only while the store's story generation (migration 22: raised by every transaction of the store
that writes story rows, and by a trigger when an article deleted or changed in place leaves its story) is the one
they were last in step with. A grouper writes its own changes in one transaction
(`Grouper.flush`) that reads the generation before and after them and reads back the rows of the stories it changed,
so what is kept afterwards is what a fresh grouper would read; any other change (a delete, an article updated in
place, a merge or split, another process's grouping, a windowed regroup) moves the generation and the next call
starts cold. Only a call whose articles fit one batch smaller than LIBRARY_FROM uses it (bigger batches load their
window once per batch of many articles). tests/stories/test_warm_grouper.py compares it with fresh groupers.
"""

from __future__ import annotations

from bisect import insort
from dataclasses import dataclass, field
from sys import intern
from threading import Lock

from tui.store import stories as store
from tui.store.stories import Member

GEN = store.GENERATION  # counts row: the story generation (migration 22)
KEEP = 2           # libraries (paths) whose warm state a process keeps


@dataclass
class Warm:
    """What one library's last small grouping left in memory: `stories` (id -> grouping._Story, as stored) and their
    inverted `index`, exactly the stories whose dates meet [lo, hi] (ISO days); `sketches`: story id -> the near-
    duplicate index of its stored articles (hash -> the articles whose first DUP_KEYS sketch hashes have it, in the
    story's order: day, then id; as `Grouper._load_sketches` makes it from `store.sketches`); `gen`: the story
    generation they agree with."""

    path: str
    gen: int | None = None
    lo: str = ""
    hi: str = ""
    stories: dict = field(default_factory=dict)
    index: dict[str, set[int]] = field(default_factory=dict)
    sketches: dict[int, dict[int, list[Member]]] = field(default_factory=dict)
    ok: bool = True  # False once something it cannot follow happened in this call: it is not kept
    # the last window's stories (tui/stories/regroup_window.py `_forget`): story id -> (the ids of the members that
    # stayed, in members() order; their terms summed in that order, untrimmed): the next window carries the sum on
    sums: dict[int, tuple[list[int], dict[str, float]]] = field(default_factory=dict)
    # a window's batch as its grouper weighed it: (features version, article ids, articles, document frequencies);
    # regroup_window.after_grouping hands them to window_df when they are what it would count from the store
    counted: tuple | None = None


_KEPT: dict[str, Warm] = {}
_LOCK = Lock()


def generation(db) -> int | None:
    """The library's story generation (None in a library without it: nothing is kept for it)."""
    row = db.execute("SELECT value FROM counts WHERE name = ?", (GEN,)).fetchone()
    return row[0] if row and type(row[0]) is int else None


def take(lib) -> Warm:
    """This library's warm state, taken out of the process's keeping while a call uses it (another thread's call
    meanwhile starts cold), or an empty one when none is kept or the store moved on since."""
    path = str(lib.path)
    with _LOCK:
        kept = _KEPT.pop(path, None)
    gen = generation(lib.db)
    if kept is None or gen is None or kept.gen != gen:
        return Warm(path, gen)
    return kept


def give_back(warm: Warm | None) -> None:
    """Keep `warm` for the library's next call (when it is still in step with the store)."""
    if warm is None or not warm.ok or warm.gen is None:
        return
    with _LOCK:
        _KEPT.pop(warm.path, None)
        while len(_KEPT) >= KEEP:
            _KEPT.pop(next(iter(_KEPT)))
        _KEPT[warm.path] = warm


def forget(lib=None) -> None:
    """Drop what is kept (of one library, or of all)."""
    with _LOCK:
        if lib is None:
            _KEPT.clear()
        else:
            _KEPT.pop(str(lib.path), None)


def start(warm: Warm, g, lo: str, hi: str) -> None:
    """Give grouper `g` the stories whose dates meet [lo, hi], as `Grouper.load_window` would read them: the kept
    ones that still meet it, and those the store has that meet it and did not meet the kept window."""
    from tui.stories.grouping import _Story

    stories, index = warm.stories, warm.index
    if warm.gen is not None and stories:
        gone = [s for s in stories.values() if not (s.last >= lo and s.first <= hi)]
        for s in gone:
            _unindex(index, s.id, s.centroid)
            del stories[s.id]
            warm.sketches.pop(s.id, None)
        rows = store.stories_between(g.lib, lo, hi, outside=(warm.lo, warm.hi))
    else:
        stories.clear()
        index.clear()
        warm.sketches.clear()
        rows = store.stories_between(g.lib, lo, hi)
    g.stories, g.index = stories, index
    for sid, title, first, last, size, cen in rows:
        if sid not in stories:  # terms interned as the articles' are (features.decode)
            g._index(_Story(sid, title, first, last, size, dict(zip(map(intern, cen), cen.values()))))
    warm.lo, warm.hi = lo, hi
    g.warm, g.touched, g.trimmed = warm, set(), {}


def sketch_index(warm: Warm, lib, story_id: int) -> dict[int, list[Member]]:
    """The near-duplicate index of story `story_id`'s stored articles (`Warm.sketches`), read once while it is kept."""
    from tui.stories.grouping import DUP_KEYS

    got = warm.sketches.get(story_id)
    if got is None:
        got = warm.sketches[story_id] = {}
        into = got.setdefault
        for other in store.sketches(lib, story_id):
            for h in other.sketch[:DUP_KEYS]:
                into(h, []).append(other)
    return got


def check_before(warm: Warm, db) -> None:
    """In the grouper's write transaction, before its writes: the store is as the call found it."""
    if generation(db) != warm.gen:
        warm.ok = False


def read_after(warm: Warm, db, touched: list[int], pending: list[int]) -> list[tuple] | None:
    """In the grouper's write transaction, after its writes: the new generation, and the rows of the `touched`
    stories as stored (their memberships checked: every `pending` article was written)."""
    warm.gen = generation(db)
    if pending:
        marks = ",".join("?" * len(pending))
        found = db.execute(f"SELECT count(*) FROM story_articles WHERE article_id IN ({marks})", pending).fetchone()[0]
        if found != len(pending):  # an article deleted meanwhile was left out: not followed here
            warm.ok = False
    return store.stories_by_id(db, touched)


def synced(warm: Warm, g, rows: list[tuple], written: list[Member], merged: set[int]) -> None:
    """After the grouper's flush: the stories it touched made as the store now holds them (read back in the same
    transaction: `rows`), their index entries with them; the kept sketches of the stories that took `written`
    members follow (those of stories in a merge, `merged`, are read again when next needed)."""
    from tui.stories.grouping import DUP_KEYS

    touched = g.touched
    for sid in touched:
        g.win.discard(sid)
    _remade(warm, touched, g.trimmed, rows)
    kept, stories = warm.sketches, warm.stories
    for sid in merged:
        kept.pop(sid, None)
    for sid in touched:
        if sid not in stories:
            kept.pop(sid, None)
    for m in written:
        got = kept.get(m.story_id)
        if got is not None:
            stored = Member(m.article_id, m.story_id, m.day, {}, m.sketch, m.dup_of)
            for h in m.sketch[:DUP_KEYS]:
                insort(got.setdefault(h, []), stored, key=_order)
    g.touched, g.trimmed = set(), {}


def _remade(warm: Warm, touched, trimmed: dict[int, set[str]], rows: list[tuple], window: bool = False) -> None:
    """The `touched` stories made again from their stored `rows` (as load_window reads them: the same entries of
    the index; `trimmed`: terms a story's index entries may hold beyond its kept centroid); a touched story without
    a row is gone. `window`: a story whose dates no longer meet the kept days is gone from what is kept too."""
    from tui.stories.grouping import _Story

    stories, index = warm.stories, warm.index
    was: dict[int, set[str]] = {}  # story -> the terms the index may know it by (its centroid's, and trimmed ones)
    for sid in touched:
        s = stories.pop(sid, None)
        was[sid] = set(s.centroid if s is not None else ()) | trimmed.get(sid, set())
    for sid, title, first, last, size, cen in rows:
        if window and not (last >= warm.lo and first <= warm.hi):
            continue
        s = _Story(sid, title, first, last, size, dict(zip(map(intern, cen), cen.values())))
        s.refresh()
        stories[sid] = s
        old, new = was.pop(sid, set()), s.centroid.keys()
        _unindex(index, sid, old - new)
        for t in new - old:
            index.setdefault(t, set()).add(sid)
    for sid, old in was.items():  # gone from the store (merged away, emptied), or from the kept days
        _unindex(index, sid, old)


def forgotten(warm: Warm, left: set[int], touched: list[int], rows: list[tuple], repointed: set[int]) -> None:
    """After a window's articles `left` their stories (tui/stories/regroup_window.py `_forget`, whose transaction
    read back the `touched` stories' `rows`): those stories as stored now, the kept near-duplicate entries without
    the articles that left; a story whose stored repeats were pointed at another original by the store's delete
    trigger (`repointed`) is read again when next needed."""
    _remade(warm, touched, {}, rows, window=True)
    kept, stories = warm.sketches, warm.stories
    for sid in set(touched) | repointed:
        got = kept.get(sid)
        if got is None:
            continue
        if sid in repointed or sid not in stories:
            del kept[sid]
            continue
        for h, entries in list(got.items()):
            stay = [m for m in entries if m.article_id not in left]
            if len(stay) != len(entries):
                if stay:
                    got[h] = stay
                else:
                    del got[h]


def renumbered(warm: Warm, ids: dict[int, int]) -> None:
    """Stories given other ids (`ids`: current id -> new id, as `store.renumber` wrote them): the kept stories and
    their index entries under their new ids. (Renumbered are stories a window's regroup opened: none has kept
    near-duplicate entries, made only for stored stories the grouper looked in; any would be read again.)"""
    stories, index = warm.stories, warm.index
    moving = [(stories.pop(a), b) for a, b in ids.items() if a in stories]
    for s, _ in moving:
        _unindex(index, s.id, s.centroid)
    for s, b in moving:
        s.id = b
        stories[b] = s
        for t in s.centroid:
            index.setdefault(t, set()).add(b)
    for a in ids:
        warm.sketches.pop(a, None)


def following(warm: Warm | None):
    """`(before, after)` for a store writer's transaction (save_groups, renumber): the store checked to be as `warm`
    last saw it before the writes, its new generation read after them; (None, None) without a warm state."""
    if warm is None:
        return None, None
    return (lambda db: check_before(warm, db)), (lambda db: setattr(warm, "gen", generation(db)))


def _order(m: Member) -> tuple[str, int]:
    return m.day, m.article_id


def _unindex(index: dict[str, set[int]], sid: int, terms) -> None:
    for t in terms:
        posting = index.get(t)
        if posting is not None:
            posting.discard(sid)
            if not posting:
                del index[t]
