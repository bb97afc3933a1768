"""Who groups when: the app's background pass groups what a bulk import left, one grouper at a time."""

from __future__ import annotations

import time

import pytest

from tests.stories.samples import ALL, STRIKE
from tui.stories import group_new, rebuild, story_of
from tui.store import StoreError
from tui.store import stories as store


def test_the_background_pass_groups_articles_a_bulk_import_left_ungrouped(lib, lib_path):
    from tui.app.parts.background import run_pass

    ids = [ident for _, ident in lib.add_many(ALL)]  # stored, as `add` stores a big import, not grouped
    assert story_of(lib, ids[0]) is None
    seen = []
    done, error = run_pass(lib_path, lambda: False, lambda d, t: None, seen.append)
    assert error == "" and seen == [len(ALL)]
    assert all(story_of(lib, i) is not None for i in ids)
    assert len({story_of(lib, ids[ALL.index(a)]) for a in STRIKE}) == 1


def test_one_grouper_at_a_time_across_connections(lib, lib_path):
    from tui.store import Library

    ids = [ident for _, ident in lib.add_many(ALL)]
    with Library(lib_path) as other:  # another process or thread holds the right to group
        assert store.take_lease(other, 60)
        assert group_new(lib) == 0 and story_of(lib, ids[0]) is None
        with pytest.raises(StoreError, match="another process"):
            rebuild(lib)
        store.drop_lease(other)
    assert group_new(lib) == len(ALL) and story_of(lib, ids[0]) is not None


def test_a_grouper_that_died_does_not_block_grouping_for_ever(lib):
    ids = [ident for _, ident in lib.add_many(ALL)]
    with lib.transaction() as db:  # a claim that lapsed a second ago (its process was killed)
        db.execute("INSERT INTO counts (name, value) VALUES (?, ?)", (store.LEASE, int(time.time()) - 1))
    assert group_new(lib) == len(ALL) and story_of(lib, ids[-1]) is not None


def test_an_article_updated_in_place_is_regrouped_by_what_it_says_now(filled):
    from tests.stories.samples import RECALL
    from tui.models import Article
    from tui.store.feeds import update_article
    from tui.stories import story_row

    lib, ids = filled
    moved, strike, recall = ids[STRIKE[1].title], story_of(lib, ids[STRIKE[0].title]), story_of(lib, ids[RECALL[0].title])
    size = story_row(lib, strike).size
    # the feed item now carries a report of the recall (a publisher reused the item's link)
    new = Article(title=RECALL[1].title + " (updated)", body=RECALL[1].body + " The recall covers every batch.",
                  source="Northbay Times", published=RECALL[1].published)
    with lib.transaction() as db:
        assert update_article(db, moved, new)
    assert story_of(lib, moved) is None and story_row(lib, strike).size == size - 1
    assert group_new(lib) == 1
    assert story_of(lib, moved) == recall
    with lib.transaction() as db:  # a mark changing touches no story
        db.execute("UPDATE articles SET read = 1 WHERE id = ?", (moved,))
    assert story_of(lib, moved) == recall


def test_a_grouper_whose_lease_was_taken_while_it_waited_writes_nothing(lib, lib_path, monkeypatch):
    """A grouper waits for the library longer than its lease (another program's long write), and another grouper
    takes the lapsed lease meanwhile: the first one's write is rolled back (LeaseLost) instead of landing beside the
    other's, and letting go of its lease leaves the other's alone (it set the lease to 0 whoever held it)."""
    from tui.store import Library
    from tui.stories import grouping

    ids = [ident for _, ident in lib.add_many(ALL)]
    real = grouping._group
    with Library(lib_path) as other, Library(lib_path) as third:

        def waited(lib_, *args, **kwargs):
            with lib_.transaction() as db:  # the lease ran out while this grouper waited for the library ...
                db.execute("UPDATE counts SET value = ? WHERE name = ?", (int(time.time()) - 1, store.LEASE))
            assert store.take_lease(other, 60)  # ... and another grouper took it
            return real(lib_, *args, **kwargs)

        monkeypatch.setattr(grouping, "_group", waited)
        assert group_new(lib) == 0 and all(story_of(lib, i) is None for i in ids)
        assert not store.take_lease(third, 60)  # the other grouper's lease still holds
        monkeypatch.setattr(grouping, "_group", real)
        assert group_new(lib) == 0  # held off while the other holds it
        store.drop_lease(other)
    assert group_new(lib) == len(ALL) and all(story_of(lib, i) is not None for i in ids)


def test_a_lease_that_lapsed_while_its_grouper_waited_is_renewed_by_its_next_write(lib, lib_path, monkeypatch):
    """Nobody took the lapsed lease: the grouper's next write renews it (for as long as it was taken) and goes on."""
    from tui.store import Library
    from tui.stories import grouping

    ids = [ident for _, ident in lib.add_many(ALL)]
    real, seen = grouping._group, []

    def waited(lib_, *args, **kwargs):
        with lib_.transaction() as db:
            db.execute("UPDATE counts SET value = ? WHERE name = ?", (int(time.time()) - 1, store.LEASE))
        placed = real(lib_, *args, **kwargs)
        with Library(lib_path) as other:
            seen.append(store.take_lease(other, 60))  # held again after the grouper's write
        return placed

    monkeypatch.setattr(grouping, "_group", waited)
    assert group_new(lib) == len(ALL) and all(story_of(lib, i) is not None for i in ids)
    assert seen == [False]
