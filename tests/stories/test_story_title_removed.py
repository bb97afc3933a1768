"""A story's title when its latest article leaves it other than by grouping: its feed removed, the article deleted and
the delete undone (the app's `d` and `z`). Our own invented articles (one_town_samples.VOTE)."""

from __future__ import annotations

from tests.stories.one_town_samples import VOTE
from tui.models import Article
from tui.store.feeds import Entry, add_feed, remove_feed, store_entries
from tui.store.undo import remove_saving, restore
from tui.stories import group_new, story_of, story_row

EARLIER, LATEST = VOTE[1][1], VOTE[2][1]


def _articles(reports) -> list[Article]:
    return [Article(title=t, source=s, published=d, body=b) for _, t, s, d, b in reports]


def test_the_latest_article_s_feed_removed(lib):
    ids = [i for _, i in lib.add_many(_articles(VOTE[:2]))]
    fid, _ = add_feed(lib, "http://pellrow.invalid/rss", "Echo")
    (article,) = _articles(VOTE[2:])
    store_entries(lib, fid, [Entry("v3", None, "h-v3", article)])
    group_new(lib)
    sid = story_of(lib, ids[0])
    assert story_row(lib, sid).title == LATEST and story_row(lib, sid).size == 3
    assert remove_feed(lib, fid) == 1
    assert story_row(lib, sid).title == EARLIER  # was the removed article's


def test_the_latest_article_deleted_then_the_delete_undone(lib):
    ids = [i for _, i in lib.add_many(_articles(VOTE))]
    group_new(lib)
    sid = story_of(lib, ids[0])
    assert story_row(lib, sid).title == LATEST
    saved = remove_saving(lib, ids[2])
    assert story_row(lib, sid).title == EARLIER
    assert restore(lib, saved)
    assert story_of(lib, ids[2]) == sid and story_row(lib, sid).title == LATEST
