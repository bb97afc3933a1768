"""A grouping step (store.save_groups) drops the stories it wrote that hold no article, and only looks at those: it
deleted `WHERE size <= 0` over the whole stories table, a walk of every story's index entry at each call (one article
grouped as it lands paid it, in a library of tens of thousands of stories)."""

from __future__ import annotations

from tests.stories.samples import ALL
from tui.store import stories as store
from tui.stories import group_new


def _stories(lib) -> dict[int, int]:
    return dict(lib.db.execute("SELECT id, size FROM stories").fetchall())


def _deletes(lib, call) -> list[str]:
    """The query plans of the DELETE statements on stories that `call()` runs (its own, not triggers')."""
    sql: list[str] = []
    lib.db.set_trace_callback(sql.append)
    try:
        call()
    finally:
        lib.db.set_trace_callback(None)
    deletes = [s for s in sql if s.lstrip().upper().startswith("DELETE FROM STORIES")]
    return [row[3] for s in deletes for row in lib.db.execute(f"EXPLAIN QUERY PLAN {s}")]


def test_a_grouping_step_reads_only_the_stories_it_wrote(lib):
    lib.add_many(ALL[:-1])
    group_new(lib)
    assert len(_stories(lib)) > 3
    lib.add_many(ALL[-1:])
    plans = _deletes(lib, lambda: group_new(lib))
    assert plans and all(p.startswith("SEARCH stories USING INTEGER PRIMARY KEY") for p in plans), plans


def test_a_story_written_empty_goes_and_the_others_stay(lib):
    ids = [i for _, i in lib.add_many(ALL[:4])]
    group_new(lib)
    before = _stories(lib)
    story = store.story_of(lib, ids[0])
    # the story's articles move to another story (as a merge moves them), the story written with its old size: the
    # count of its rows (none left) is what decides
    other = max(before) + 1
    members = store.members(lib, story)
    store.save_groups(lib, [], [(story, "t", "2024-01-01", "2024-01-01", len(members), {}),
                                (other, "u", "2024-01-01", "2024-01-01", len(members), {})],
                      moved={m.article_id: other for m in members})
    after = _stories(lib)
    assert story not in after and after[other] == len(members)
    assert {k: v for k, v in after.items() if k != other} == {k: v for k, v in before.items() if k != story}
