"""Windowed regrouping of articles placed a few at a time (issue 13).

A batch of LIBRARY_FROM articles or more is grouped by its own idf and the LIBRARY levels (library_idf.py); an
article that lands alone is placed by the background idf. So a library fed one article at a time (or imported in
bulk and then fed) would keep the weaker background grouping for everything that came in later. Here, once
LIBRARY_FROM articles have been grouped since the last window, they leave their stories and are placed again
together, as one library-weighted batch against the stories around them; a story whose articles mostly come
back together keeps its id (`surviving_ids`, as a rebuild does). Each article is regrouped at most once this way
(the counts row WINDOW_MARK records the highest article id already in a window), so the cost stays O(articles).

When the stream goes quiet (`grouping.settle`: the app's refresh round that brought nothing, `newsreader stories |
story | brief`), the articles still waiting for their window (fewer than LIBRARY_FROM) are regrouped as one now
(`after_grouping(..., quiet=True)`), so a feed that brings ten articles an hour does not keep the weaker grouping
for hours; they count as that window's own, and the next window starts after them. Never while articles arrive:
`group_new`, called as each lands, does not.
"""

from __future__ import annotations

from collections import Counter
from itertools import chain, repeat

from tui.store import stories as store
from tui.stories.library_idf import LIBRARY_FROM

WINDOW_ARTICLES = 500  # a window is regrouped with the articles grouped just before it, up to this many in all
# (bench/story_window.py: PolNeAR train fed one article at a time against it grouped at once, B-cubed F1 by window
# size 100 / 250 / 500 / 1000: 0.795 / 0.823 / 0.869 / 0.966; the feed took 35 % longer at 500 than at 250)
WINDOW_MARK = "story_window_mark"  # counts row: articles up to this id were grouped in a library-weighted batch


def _mark(lib, mend: bool = False) -> int:
    """The window mark; 0 (none) for a row edited by hand to other than a whole number (text sorted after every id in
    SQL: no article would ever have waited for a window again). With `mend` (where the library is written anyway: a
    settle, a placing), a mark past the last grouped article (that article deleted since, or a number written by
    hand: 2^63-1 kept every article after it out of the windows for good) is read as that article's id and written
    so, and the articles grouped from then on wait for their window. (Without it, as stored: what the `<= mark`
    queries find is the same.)"""
    if not mend:
        row = lib.db.execute("SELECT value FROM counts WHERE name = ?", (WINDOW_MARK,)).fetchone()
        return row[0] if row and type(row[0]) is int else 0
    row = lib.db.execute("SELECT value, (SELECT max(article_id) FROM story_articles) FROM counts WHERE name = ?",
                         (WINDOW_MARK,)).fetchone()
    if not row or type(row[0]) is not int:
        return 0
    mark, top = row[0], row[1] if type(row[1]) is int else 0
    if mark <= top:
        return mark
    _set_mark(lib, top)
    return top


def _set_mark(lib, value: int) -> None:
    """The mark moved on to `value` (never back, but from a value edited by hand: not a whole number, or past the
    last grouped article)."""
    with lib.transaction() as db:
        db.execute("INSERT INTO counts (name, value) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET value ="
                   " CASE WHEN typeof(value) = 'integer' AND value <= coalesce((SELECT max(article_id) FROM"
                   " story_articles), 0) THEN max(value, excluded.value) ELSE excluded.value END",
                   (WINDOW_MARK, value))


def reset(lib) -> None:
    """Before a rebuild from scratch: no window has been regrouped yet, and nothing is remembered of the ones
    before (their mark and document frequencies steered a rebuild's small batches, so two rebuilds of one
    library differed)."""
    with lib.transaction() as db:
        db.execute("DELETE FROM counts WHERE name = ?", (WINDOW_MARK,))
    _DF_MEMO.clear()
    _DAYS_MEMO.clear()
    _HANDED.clear()


def all_grouped_at_once(lib) -> None:
    """Every article grouped so far was placed at once (a rebuild, however few): none waits for a window, the next
    one starts after them (a settle would only place them again as they are)."""
    top = lib.db.execute("SELECT max(article_id) FROM story_articles").fetchone()[0]
    if top:
        _set_mark(lib, top)


def pending(lib, mend: bool = False) -> int:
    """How many articles were grouped since the last window (they wait for theirs); one range of the memberships'
    primary key, fewer than LIBRARY_FROM rows but after a big batch placed before windows existed. `mend`: a mark
    past the last grouped article is written back to it (`_mark`)."""
    return lib.db.execute("SELECT count(*) FROM story_articles WHERE article_id > ?",
                          (_mark(lib, mend),)).fetchone()[0]


def after_grouping(lib, placed: int, regroup, kept=None, quiet: bool = False) -> int:
    """Call after `placed` articles were grouped (`regroup(lib, kept)` groups every ungrouped article as `_group`
    does, from the warm state `kept` when given).

    A call that placed LIBRARY_FROM or more was a library-weighted batch already: the window starts after it.
    Otherwise, when LIBRARY_FROM articles have been grouped since the last window, they are regrouped as one
    batch. `kept`: the warm state of the small call that grouped the last of them (tui/stories/warm.py), followed
    through the window's writes (its `ok` is False when it could not be). `quiet`: the stream went quiet, so the
    articles grouped since the last window are regrouped now however few they are (`grouping.settle`). Returns how
    many articles were regrouped (0 most of the time)."""
    mark = _mark(lib, mend=True)
    fresh = dict(lib.db.execute("SELECT article_id, story_id FROM story_articles WHERE article_id > ?",
                                (mark,)).fetchall())
    if not fresh:
        return 0
    top = max(fresh)
    if placed >= LIBRARY_FROM or len(fresh) > WINDOW_ARTICLES:
        # a library-weighted batch; or more articles than a window since the mark (a library grouped before
        # windows existed, or rebuilt): the window starts after them
        _set_mark(lib, top)
        return 0
    if len(fresh) < LIBRARY_FROM and not quiet:
        return 0
    context = max(0, WINDOW_ARTICLES - len(fresh))
    fresh.update(lib.db.execute("SELECT article_id, story_id FROM story_articles WHERE article_id <= ?"
                                " ORDER BY article_id DESC LIMIT ?", (mark, context)).fetchall())
    if kept is not None and (not kept.ok or kept.gen is None):
        kept = None
    # One transaction (the steps' own are savepoints of it): another program reading the stories meanwhile (the
    # app's list, `newsreader stories | story`) saw the window's articles in no story, their stories gone, between the
    # steps' commits ("no stories" for a library the window covers, "no story with id N" for a story regrouped).
    with lib.transaction():
        _forget(lib, fresh, kept)
        regroup(lib, kept if kept is not None and kept.ok else None)
        ids = sorted(fresh)
        after = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            after.update(lib.db.execute("SELECT article_id, story_id FROM story_articles WHERE article_id IN"
                                        f" ({','.join('?' * len(part))})", part).fetchall())
        _keep_ids(lib, fresh, after, kept if kept is not None and kept.ok else None)
        _set_mark(lib, top)
    if kept is not None and kept.ok and kept.counted is not None:
        # the batch's own document frequencies are window_df's for the new mark when the batch was exactly these
        # articles, all grouped again, and nothing but this grouping changed the stories meanwhile (the warm state
        # followed every write): the grouped articles up to `top` are the same, so are their WINDOW_ARTICLES last
        ver, batch_ids, n, df = kept.counted
        if len(after) == len(fresh) == len(batch_ids) and fresh.keys() == set(batch_ids):
            _hand_over(lib, top, ver, kept.gen, n, df)
    if kept is not None:
        kept.counted = None
    return len(fresh)


def _forget(lib, fresh: dict[int, int], kept=None) -> None:
    """Take the `fresh` articles out of their stories; a story that keeps others gets its centroid, dates and
    size from those (the store's triggers drop a story left empty). One transaction; `kept` (a warm state,
    tui/stories/warm.py) follows it."""
    from tui.stories import warm
    from tui.stories.grouping import _rounded, _summed, _top

    ids = sorted(fresh)
    left = set(ids)
    touched = sorted(set(fresh.values()))
    rows = []
    sums = {}
    for sid in touched:  # the members that stay
        stay = [(a, d) for a, d in store.member_days(lib, sid) if a not in left]
        if not stay:
            continue
        order = [a for a, _ in stay]
        # their terms summed in order: carried on from the sum of the same first members at the last window, kept
        # with the warm state (nothing but this process's grouping changed the store since: no member's terms changed)
        done, cen = kept.sums.get(sid, ((), None)) if kept is not None else ((), None)
        if cen is None or order[:len(done)] != done:
            done, cen = [], None
        rest = order[len(done):]
        terms = store.member_terms(lib, rest)
        cen = _summed(map(terms.get, rest, repeat({})), cen)
        sums[sid] = (order, cen)
        rows.append((sid, store.story_title(lib, sid), stay[0][1], stay[-1][1], len(stay), _rounded(_top(cen))))
    if kept is not None:
        kept.sums = sums  # (this window's stories: most are the next window's too)
    repointed: set[int] = set()
    back: list = []

    def delete(db) -> None:
        if kept is not None:
            warm.check_before(kept, db)
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            marks = ",".join("?" * len(part))
            if kept is not None:  # stories whose stored repeats the delete trigger points at another original
                repointed.update(sid for sid, aid in db.execute(
                    f"SELECT story_id, article_id FROM story_articles WHERE dup_of IN ({marks})", part)
                    if aid not in left)
            db.execute(f"DELETE FROM story_articles WHERE article_id IN ({marks})", part)

    def read_back(db) -> None:
        if kept is not None:
            kept.gen = warm.generation(db)
            back.append(store.stories_by_id(db, touched))

    store.save_groups(lib, [], rows, before=delete, after=read_back)
    if kept is not None and kept.ok:
        warm.forgotten(kept, left, touched, back[0], repointed)


def _keep_ids(lib, before: dict[int, int], after: dict[int, int], kept=None) -> None:
    """A new story that holds most of a story the window emptied takes that story's id back (`kept`, a warm state,
    follows)."""
    from tui.stories import warm
    from tui.stories.grouping import surviving_ids

    taken = {r[0] for r in lib.db.execute("SELECT id FROM stories")}
    fresh_new = set(after.values()) - set(before.values())
    keep = {new: old for new, old in surviving_ids(before, after).items()
            if new in fresh_new and old not in taken}
    check, read = warm.following(kept)
    store.renumber(lib, keep, before=check, after=read)
    if kept is not None and kept.ok and keep:
        warm.renumbered(kept, keep)


_DF_MEMO: dict[tuple[str, int, int], tuple[int, Counter]] = {}
_DAYS_MEMO: dict[tuple[str, int], list[str]] = {}
# (path, mark, version) -> (story generation, articles, document frequencies) counted by the window's own batch
# (after_grouping): window_df's answer for that mark while the stories are as the window left them
_HANDED: dict[tuple[str, int, int], tuple[int, int, Counter]] = {}


def _hand_over(lib, mark: int, version: int, gen: int | None, n: int, df: Counter) -> None:
    if gen is None or not version:
        return
    if len(_HANDED) > 8:
        _HANDED.clear()
    _HANDED[(str(getattr(lib, "path", id(lib))), mark, version)] = (gen, n, df)


def window_days(lib) -> list[str]:
    """The days of the WINDOW_ARTICLES articles grouped last, once a window has been regrouped (a few articles placed
    after them are placed at the levels for how crowded those days were: grouping.crowded); [] before. Remembered
    per window."""
    mark = _mark(lib)
    if not mark:
        return []
    key = (str(getattr(lib, "path", id(lib))), mark)
    if key not in _DAYS_MEMO:
        if len(_DAYS_MEMO) > 8:
            _DAYS_MEMO.clear()
        _DAYS_MEMO[key] = [r[0] for r in lib.db.execute(
            "SELECT day FROM story_articles WHERE article_id <= ? ORDER BY article_id DESC LIMIT ?",
            (mark, WINDOW_ARTICLES))]
    return _DAYS_MEMO[key]


def window_df(lib, version: int) -> tuple[int, Counter] | None:
    """(articles, document frequencies of their feature terms) of the WINDOW_ARTICLES articles grouped last, once
    a window has been regrouped (their stories then hold library-weighted terms, so a few articles placed after
    them are weighed the same way); None before, or without stored features. Remembered per window."""
    mark = _mark(lib)
    if not mark or not version:
        return None
    key = (str(getattr(lib, "path", id(lib))), mark, version)
    handed = _HANDED.pop(key, None)
    if key not in _DF_MEMO:
        from tui.stories.warm import generation

        if len(_DF_MEMO) > 8:
            _DF_MEMO.clear()
        if handed is not None and handed[0] == generation(lib.db):
            # the window's batch counted them (after_grouping) and the stories are as it left them: the same counts
            # as from the store's rows, ~10 ms of CPU a window less at 100,000 articles
            _DF_MEMO[key] = handed[1:]
        else:
            words = [r[0] for r in lib.db.execute(
                "SELECT f.words FROM story_features f JOIN (SELECT article_id FROM story_articles WHERE article_id <= ?"
                " ORDER BY article_id DESC LIMIT ?) s ON s.article_id = f.article_id WHERE f.version = ?",
                (mark, WINDOW_ARTICLES, version))]
            # (each article's words in turn, counted in C: the Counter of every word of every article)
            _DF_MEMO[key] = (len(words), Counter(chain.from_iterable(w.split("\n") for w in words
                                                                  if isinstance(w, str))))  # (else: edited by hand)
    n, df = _DF_MEMO[key]
    return (n, df) if n >= LIBRARY_FROM else None
