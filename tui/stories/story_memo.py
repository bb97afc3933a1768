"""A story's summary kept between openings (issue 13: a story opens in one frame the second time).

`story_summary` reads every member article, splits and scores their sentences and merges their quotes and
entities: 80-100 ms for 20 articles. The story view asks for it each time a story is opened; the answer only
changes when the story does (its articles, title or dates) or when its articles' analyses arrive. So a
summary whose articles were all analysed is kept, keyed by the library file, the story and its length, and
the story's row as stored now (title, first and last day, member ids, sources): one indexed read decides whether the
kept summary still holds. A summary with articles not analysed yet is never kept (it is partial).
"""

from __future__ import annotations

import threading
from collections import OrderedDict

KEPT = 32  # summaries kept (a few hundred kilobytes)

_kept: OrderedDict[tuple, object] = OrderedDict()
_busy: dict[tuple, threading.Event] = {}  # summaries being computed now (by key): a second asker waits for it
_lock = threading.Lock()
WAIT = 5.0  # seconds a second asker waits for the first before it computes the summary itself


def story_summary_kept(lib, story_id: int, sentences: int | None = None, analyse: bool = True):
    """(StoryRow, StorySummary) of a story, or None when it is gone: the kept summary while the story is
    unchanged, else `story_summary(lib, story_id, sentences=sentences, analyse=analyse)` (kept when
    analysed)."""
    from tui.stories.story import story_summary
    from tui.store.stories import story_row

    row = story_row(lib, story_id)
    if row is None:
        return None
    key = _key(lib, story_id, sentences, row)
    for _attempt in range(2):  # the second time round, the summary another thread was computing is kept
        with _lock:
            summary = _kept.get(key)
            if summary is not None:
                _kept.move_to_end(key)
                return row, summary
            busy = _busy.get(key)
            if busy is None:
                busy = _busy[key] = threading.Event()
                break
        busy.wait(WAIT)  # the same summary is being computed (the story view read ahead): not twice
    else:
        busy = None  # still not kept (it had articles not analysed yet): compute it here
    try:
        summary = story_summary(lib, story_id, sentences=sentences, analyse=analyse)
        if summary is not None and summary.analysed:
            with _lock:
                _kept[key] = summary
                while len(_kept) > KEPT:
                    _kept.popitem(last=False)
    finally:
        if busy is not None:
            with _lock:
                _busy.pop(key, None)
            busy.set()
    return (row, summary) if summary is not None else None


def keep(lib, story_id: int, row, summary, sentences: int | None = None) -> None:
    """Keep a summary of the story `row` made elsewhere (the app's summary process: tui/stories/summary_child.py),
    as story_summary_kept keeps the one it makes: only when analysed."""
    if summary is None or not summary.analysed:
        return
    with _lock:
        _kept[_key(lib, story_id, sentences, row)] = summary
        while len(_kept) > KEPT:
            _kept.popitem(last=False)


def _key(lib, story_id: int, sentences: int | None, row) -> tuple:
    return (str(lib.path), story_id, sentences, row.title, row.first, row.last, tuple(row.article_ids),
            tuple(row.sources))


def kept_story_summary(lib, story_id: int, sentences: int | None = None):
    """(StoryRow, StorySummary) when a summary of the story as it is now is kept, else None: never computes
    (one indexed read), so the story view can show a kept summary in its first frame."""
    from tui.store.stories import story_row

    with _lock:  # nothing kept for this story: no read at all (a big story's row reads all its members)
        if not any(k[:3] == (str(lib.path), story_id, sentences) for k in _kept):
            return None
    row = story_row(lib, story_id)
    if row is None:
        return None
    with _lock:
        summary = _kept.get(_key(lib, story_id, sentences, row))
    return (row, summary) if summary is not None else None


def forget_kept() -> None:
    """Drop every kept summary (tests; a library replaced under the same path)."""
    with _lock:
        _kept.clear()


def remade(lib, story_id: int, sentences: int | None = None, store: bool = True):
    """`r` on a story of the stories list, as `r` on an article: the articles its summary reads (at most CAP,
    tui/stories/articles.py `chosen`) analysed again and stored, the kept summary dropped and the summary made again
    from them (and kept). A library that cannot be written (read-only) stores nothing: the summary is made again,
    analysing what is not stored, as the story view does. Returns (StoryRow, StorySummary, articles analysed again),
    or None when the story is gone. `store` False (the app found the library damaged): nothing analysed again nor
    stored, the summary made again from what is stored, as a read-only library's."""
    import json

    from tui.engine import analysis as engine
    from tui.stories.articles import CAP, chosen, members
    from tui.store.stories import story_row

    row = story_row(lib, story_id)
    if row is None:
        return None
    with _lock:
        for key in [k for k in _kept if k[:2] == (str(lib.path), story_id)]:
            del _kept[key]
    again = 0
    if store and not getattr(lib, "readonly", False):
        picked = chosen(members(lib, story_id), CAP)
        ids = [m.id for m in picked]
        bodies = dict(lib.db.execute(f"SELECT id, body FROM articles WHERE id IN ({','.join('?' * len(ids))})",
                                     ids).fetchall()) if ids else {}
        key = engine.cache_key()
        for m in picked:
            body = bodies.get(m.id)
            if type(body) is not str:
                continue  # gone meanwhile, or not text: the summary reads it as empty, as ever
            result = engine.analyze(body, title=m.title)
            lib.put_analysis(m.id, key, json.dumps(result.to_dict()), engine.mention_counts(result))
            again += 1
    found = story_summary_kept(lib, story_id, sentences=sentences, analyse=True)
    if found is None:
        return None
    return found[0], found[1], again
