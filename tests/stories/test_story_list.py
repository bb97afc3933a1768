"""The stories list pages: every page in list order whichever way it is reached, by index seeks, with the
figures stored per story (story_stats): a page reads no article and no membership row."""

from __future__ import annotations

from tui.store import stories as store
from tui.store.stories import Member


def _many_stories(lib, n=450):
    """n one-article stories over 30 days, sizes varied by hand-made duplicates of the date (ties in `last`)."""
    from tui.models import Article

    arts = [Article(title=f"Council vote number {i}", body=f"The council voted on motion {i} after a long debate.",
                    source=("Valley Courier", "Coastal Herald")[i % 2], published=f"2026-04-{1 + i % 30:02d}")
            for i in range(n)]
    ids = [ident for _, ident in lib.add_many(arts)]
    stories, members = [], []
    for i, aid in enumerate(ids):
        sid = 1 + i // 2 if i % 7 == 0 else 1000 + i  # some stories of two articles
        day = arts[i].published
        members.append(Member(aid, sid, day, {}, []))
        stories.append((sid, arts[i].title, day, day, 1, {}))
    last = {}
    for s in stories:
        last[s[0]] = s
    store.save_groups(lib, members, list(last.values()))
    return len(last)


def _keys(rows):
    return [(r.id, r.title, r.first, r.last, r.size, r.outlets, r.unread) for r in rows]


def test_every_way_of_reaching_a_page_gives_the_list_order(lib):
    from tui.app.widgets.story_rows import PAGE, StorySource

    n = _many_stories(lib)
    whole = store.story_rows(lib, 0, 10_000)
    assert len(whole) == n > 3 * PAGE
    forward = StorySource(lib)  # j j j ... from the top: each page a seek from the one before
    assert _keys(forward.row(i) for i in range(n)) == _keys(whole)
    backward = StorySource(lib)  # G, then k k k ...: the last page from the far end, then seeks back
    assert _keys(backward.row(i) for i in reversed(range(n))) == _keys(whole)[::-1]
    middle = StorySource(lib)  # a jump into the middle
    assert _keys([middle.row(n // 2 + 7)]) == _keys([whole[n // 2 + 7]])
    assert middle.row(n) is None


def test_a_page_reads_no_article_and_no_page_sorts_or_walks_an_offset(lib):
    from tui.app.widgets.story_rows import PAGE, StorySource

    n = _many_stories(lib)
    seen: list[str] = []
    lib.db.set_trace_callback(seen.append)
    try:
        source = StorySource(lib)
        for index in (0, PAGE, n - 1, n - 1 - PAGE, n // 2):  # top, j over an edge, G, k over an edge, a jump
            seen.clear()
            assert source.row(index) is not None
            # neither articles nor story_articles, but for the copies of the page's stories (few, through their own
            # index: a story's article and unread figures count rows, not copies)
            assert seen and not any("articles" in q and "INDEXED BY story_articles_copies" not in q for q in seen), seen
            assert not any("OFFSET" in q and "OFFSET 0" not in q for q in seen if index != n // 2)
    finally:
        lib.db.set_trace_callback(None)
    # The page query itself: stories through the list's index, one story_stats row by its key per story.
    plan = " ".join(r[-1] for r in lib.db.execute(f"EXPLAIN QUERY PLAN {store._ROW} {store._ORDER} LIMIT 100"))
    assert "stories_order" in plan and "SEARCH t USING INTEGER PRIMARY KEY" in plan and "TEMP B-TREE" not in plan
    assert "articles" not in plan, plan
    for sql, args in ((f"SELECT id FROM stories {store._ORDER} LIMIT 100", ()),
                      (f"SELECT id FROM stories WHERE (last, size, id) < (?, ?, ?) {store._ORDER} LIMIT 100",
                       ("2026-04-20", 1, 5000)),
                      (f"SELECT id FROM stories {store._REVERSE} LIMIT 100", ())):
        plan = " ".join(r[-1] for r in lib.db.execute("EXPLAIN QUERY PLAN " + sql, args))
        assert "TEMP B-TREE" not in plan and "stories_order" in plan, plan
