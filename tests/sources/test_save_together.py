"""The refresh's writer stores the feeds that finished while it was busy in ONE transaction (`_save_many`,
`store_feeds`): each feed's outcome is what storing it alone gave, a failure and an unchanged feed ride
along, two feeds moved to one URL by permanent redirects in one batch do not collide, and the whole batch
is one commit (so a kill leaves each feed as it was or fully refreshed)."""

from __future__ import annotations

from tui.models import Article
from tui.sources.parse import ParsedFeed
from tui.sources.refresh import _Fetched, _save_many
from tui.store.feeds import Entry, add_feed, feed_article_ids, get_feed


def _parsed(feed: int, n: int) -> ParsedFeed:
    entries = [Entry(f"f{feed}-{i}", None, f"h{feed}-{i}",
                     Article(title=f"Quay notice {feed}.{i}", body=f"Berth {feed * 100 + i} opens at dawn for ferries."))
               for i in range(n)]
    return ParsedFeed(title=f"Port bulletin {feed}", site_url=None, entries=entries)


def test_several_feeds_are_stored_in_one_commit_each_with_its_own_outcome(lib):
    feeds = [get_feed(lib, add_feed(lib, f"http://127.0.0.1:9/feed/{i}.xml")[0]) for i in range(4)]
    commits = []
    lib.db.set_trace_callback(lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None)
    results = _save_many(lib, [
        (feeds[0], _Fetched("ok", parsed=_parsed(0, 3), headers={"etag": '"e0"'})),
        (feeds[1], _Fetched("error", error="HTTP 500")),
        (feeds[2], _Fetched("not_modified", headers={})),
        (feeds[3], _Fetched("ok", parsed=_parsed(3, 2), headers={})),
    ])
    lib.db.set_trace_callback(None)
    assert len(commits) == 1
    assert [(r.status, r.new, r.updated) for r in results] == [("ok", 3, 0), ("error", 0, 0),
                                                                ("not_modified", 0, 0), ("ok", 2, 0)]
    stored = [get_feed(lib, f.id) for f in feeds]
    assert stored[0].etag == '"e0"' and stored[0].title == "Port bulletin 0" and stored[0].total == 3
    assert stored[1].failures == 1 and stored[1].last_error == "HTTP 500" and stored[1].total == 0
    assert stored[2].last_status == "not_modified" and stored[3].total == 2
    assert len(feed_article_ids(lib, feeds[3].id)) == 2
    [found] = lib.ids(search="berth 301")  # indexed for search by the batch's commit
    assert found in feed_article_ids(lib, feeds[3].id) and lib.get(found).title == "Quay notice 3.1"


def test_two_feeds_redirected_to_one_url_in_a_batch_do_not_collide(lib):
    a = get_feed(lib, add_feed(lib, "http://127.0.0.1:9/old-a.xml")[0])
    b = get_feed(lib, add_feed(lib, "http://127.0.0.1:9/old-b.xml")[0])
    moved = "http://127.0.0.1:9/merged.xml"
    results = _save_many(lib, [(a, _Fetched("not_modified", headers={}, new_url=moved)),
                               (b, _Fetched("ok", parsed=_parsed(7, 1), headers={}, new_url=moved))])
    assert [r.feed for r in results] == [moved, "http://127.0.0.1:9/old-b.xml"]
    assert get_feed(lib, a.id).url == moved and get_feed(lib, b.id).url == "http://127.0.0.1:9/old-b.xml"
    assert results[1].new == 1 and get_feed(lib, b.id).total == 1


def test_a_cancelled_feed_in_a_batch_stays_as_it_was(lib):
    a = get_feed(lib, add_feed(lib, "http://127.0.0.1:9/a.xml")[0])
    b = get_feed(lib, add_feed(lib, "http://127.0.0.1:9/b.xml")[0])
    results = _save_many(lib, [(a, _Fetched("error", error="cancelled")), (b, _Fetched("ok", parsed=_parsed(2, 1)))])
    assert get_feed(lib, a.id).last_refresh is None and get_feed(lib, a.id).failures == 0
    assert results[1].new == 1 and get_feed(lib, b.id).last_status == "ok"
