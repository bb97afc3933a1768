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
    many articles were regrouped (0 most of the time).

    The window is regrouped aside (`_aside`: computed on a copy of its stories, then written in one short
    transaction), so another program's writes wait for the writing only; when the stories changed meanwhile it is
    computed again (ASIDE_TRIES times in all), then under the library's write lock as a whole, as before."""
    for attempt in range(ASIDE_TRIES + 1):
        window = _window(lib, placed, quiet)
        if window is None:
            return 0
        fresh, top = window
        if kept is not None and (not kept.ok or kept.gen is None):
            kept = None
        after = _aside(lib, fresh, top, regroup, kept) if attempt < ASIDE_TRIES else _CANNOT
        if after is _CHANGED and kept is not None:  # (what it keeps followed the copy: of no use now)
            kept.ok = False
            kept = None
        if after is not _CHANGED:
            break
    if after is _CANNOT:
        # One transaction (the steps' own are savepoints of it): another program reading the stories meanwhile (the
        # app's list, `newsreader stories | story`) saw the window's articles in no story, their stories gone, between
        # the steps' commits ("no stories" for a library the window covers, "no story with id N" for a story regrouped).
        with lib.transaction():
            after = _regrouped(lib, fresh, regroup, kept)
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


ASIDE_TRIES = 2  # a window computed aside this many times at most while the stories change under it; then under the lock


def _window(lib, placed: int, quiet: bool) -> tuple[dict[int, int], int] | None:
    """The window's articles (article id -> story id: those grouped since the mark and the context before them) and
    the new mark; None when no window is due (the mark moved on where a batch was library-weighted already)."""
    mark = _mark(lib, mend=True)
    fresh = dict(lib.db.execute("SELECT article_id, story_id FROM story_articles WHERE article_id > ?",
                                (mark,)).fetchall())
    if not fresh:
        return None
    top = max(fresh)
    if placed >= LIBRARY_FROM or len(fresh) > WINDOW_ARTICLES:
        # a library-weighted batch; or more articles than a window since the mark (a library grouped before
        # windows existed, or rebuilt): the window starts after them
        _set_mark(lib, top)
        return None
    if len(fresh) < LIBRARY_FROM and not quiet:
        return None
    context = max(0, WINDOW_ARTICLES - len(fresh))
    fresh.update(lib.db.execute("SELECT article_id, story_id FROM story_articles WHERE article_id <= ?"
                                " ORDER BY article_id DESC LIMIT ?", (mark, context)).fetchall())
    return fresh, top


def _regrouped(lib, fresh: dict[int, int], regroup, kept) -> dict[int, int]:
    """The window's articles out of their stories and placed again (inside a transaction: the library's, or a
    snapshot's with the stories aside); their stories afterwards (article id -> story id)."""
    _forget(lib, fresh, kept)
    regroup(lib, kept if kept is not None and kept.ok else None)
    ids = sorted(fresh)
    after = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        after.update(lib.db.execute("SELECT article_id, story_id FROM story_articles WHERE article_id IN"
                                    f" ({','.join('?' * len(part))})", part).fetchall())
    _keep_ids(lib, fresh, after, kept if kept is not None and kept.ok else None)
    return after


_CHANGED = object()  # _aside: the stories changed meanwhile (nothing written)
_CANNOT = object()  # _aside: the window cannot be built aside (nothing done)


class _Changed(Exception):
    """The stories changed while a window was computed aside (or its writing did not come out as computed)."""


def _aside(lib, fresh: dict[int, int], top: int, regroup, kept) -> dict[int, int]:
    """The window regrouped on a copy of its stories (store.start_window_aside, in a read transaction: no write lock
    held meanwhile), then what it changed written in the library in one transaction (store.write_window: the
    memberships and stories that differ from the library's, found aside by store.window_changes; else its steps again,
    store.replay) that first checks that the stories are as the copy was made (the story generation: every write of
    story rows, and every article deleted or changed in place, raises it) and, once written, that the window's
    articles are in the stories computed.
    Returns the window's articles' stories (article id -> story id); _CHANGED when nothing was written because the
    stories changed meanwhile (`kept` followed the copy: of no use now), _CANNOT when the window cannot be built aside
    (its days unknown, more articles waiting than a batch, a library without what the copy needs: nothing done)."""
    from tui.stories import warm

    span = _span(lib, fresh)
    if span is None:
        return _CANNOT
    lo, hi = span
    try:
        with lib.snapshot() as db:
            gen = warm.generation(db)
            if gen is None or not store.start_window_aside(lib, lo, hi, sorted(fresh)):
                return _CANNOT
            try:
                steps = lib.story_replay
                after = _regrouped(lib, fresh, regroup, kept)
                made = _stories_of(db, sorted(fresh))  # (after the ids given back)
                ids = sorted(set(made.values()))
                rows = sorted(store.stories_by_id(db, ids))
                final = warm.generation(db)
                changes = store.window_changes(lib)  # (what differs: most of the window's articles come back as they were)
            finally:
                store.end_window_aside(lib)
        with lib.transaction() as db:
            store.hold_lease(lib, db)
            if warm.generation(db) != gen:
                raise _Changed
            # what differs written (checked there: every row it wrote is as computed, and the others were the
            # library's as the copy read them), else every step again, and then checked here
            if changes is None or not store.write_window(lib, changes):
                store.replay(lib, steps)
                if _stories_of(db, sorted(fresh)) != made or sorted(store.stories_by_id(db, ids)) != rows:
                    raise _Changed  # (rolled back: nothing of it written)
            _set_mark(lib, top)
            if kept is not None and kept.ok and warm.generation(db) != final:
                kept.ok = False
            if kept is not None and kept.ok:
                kept.gen = warm.generation(db)
    except _Changed:
        return _CHANGED
    return after


def _stories_of(db, ids: list[int]) -> dict[int, int]:
    out = {}
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        out.update(db.execute("SELECT article_id, story_id FROM story_articles WHERE article_id IN"
                              f" ({','.join('?' * len(part))})", part).fetchall())
    return out


def _span(lib, fresh: dict[int, int]) -> tuple[str, str] | None:
    """The days the window's grouping can read stories of (ISO): those of its articles and of any article in no
    story (the regroup places them too), widened by the grouping's window of days and two more; None when an
    article in no story has no readable date (its day is the day it was added: not read here) or more wait than one
    batch (the grouping would renew its lease between batches: a write)."""
    from tui.stories.grouping import BATCH, WINDOW_DAYS, _day_text, day_number

    waiting = store.ungrouped_count(lib)
    if waiting + len(fresh) > BATCH:
        return None
    days = []
    ids = sorted(fresh)
    for i in range(0, len(ids), 500):
        part = ids[i:i + 500]
        days += lib.db.execute("SELECT min(day), max(day) FROM story_articles WHERE article_id IN"
                               f" ({','.join('?' * len(part))})", part).fetchone()
    if waiting:
        keys = store.ungrouped_keys(lib, waiting + 1, waiting=waiting)
        if any(not day_number(k or "") for _, k in keys):
            return None
        days += [k[:10] for _, k in keys]
    numbers = [day_number(d) for d in days if isinstance(d, str)]
    if not numbers or not all(numbers):
        return None
    return _day_text(min(numbers) - WINDOW_DAYS - 2), _day_text(max(numbers) + WINDOW_DAYS + 2)


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

    def delete(db) -> None:  # (before the window's articles leave: save_groups' `forget`)
        if kept is not None:
            warm.check_before(kept, db)
            for i in range(0, len(ids), 500):
                part = ids[i:i + 500]
                # stories whose stored repeats the delete trigger points at another original
                repointed.update(sid for sid, aid in db.execute(
                    f"SELECT story_id, article_id FROM story_articles WHERE dup_of IN ({','.join('?' * len(part))})",
                    part) if aid not in left)

    def read_back(db) -> None:
        if kept is not None:
            kept.gen = warm.generation(db)
            back.append(store.stories_by_id(db, touched))

    store.save_groups(lib, [], rows, before=delete, after=read_back, forget=ids)
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


SMALL_FROM = 10  # a library of this many articles (grouped and waiting) or more, but fewer than LIBRARY_FROM, is
# weighed by its own idf too (`small_library`); fewer: by the background idf


def small_library(lib, version: int, batch: int) -> tuple[int, Counter, list[str]] | None:
    """(articles, document frequencies of their feature terms, days) of every article grouped so far, for a batch of
    `batch` articles to place in a library too small for a window (fewer than LIBRARY_FROM articles grouped, and no
    window's counts to weigh it by: `window_df` None), when that library holds SMALL_FROM articles or more with the
    batch. Such a library is its own period: the name of its town and of the town's officials, in most of its
    articles, must weigh as little between two of its events as it would in a bigger library (library_idf.py),
    where under the background idf (an invented or small town's name is rare there) it alone tied a town's dam
    cracks to its library's reopening. None otherwise (also without stored features)."""
    if not version:
        return None
    rows = lib.db.execute("SELECT f.words, s.day FROM story_articles s LEFT JOIN story_features f ON"
                          " f.article_id = s.article_id AND f.version = ? LIMIT ?",
                          (version, LIBRARY_FROM)).fetchall()
    if len(rows) >= LIBRARY_FROM or len(rows) + batch < SMALL_FROM:
        return None
    df = Counter(chain.from_iterable(w.split("\n") for w, _ in rows if isinstance(w, str)))
    return len(rows), df, [d for _, d in rows]



def small_vectors(lib, version: int) -> tuple[list[dict[str, float]], list[str]]:
    """The stored feature terms (background-weighted, as stored) and the days of every grouped article of a small
    library (fewer than LIBRARY_FROM: `small_library`); the rows not as `encode` wrote them left out."""
    from tui.stories.features import decode, well_formed

    rows = lib.db.execute("SELECT f.words, f.weights, f.sketch, s.day FROM story_articles s JOIN story_features f ON"
                          " f.article_id = s.article_id AND f.version = ? LIMIT ?", (version, LIBRARY_FROM)).fetchall()
    rows = [r for r in rows if well_formed(*r[:3])]
    return [decode(*r[:3])[0] for r in rows], [str(r[3]) for r in rows]
