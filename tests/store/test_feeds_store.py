"""Feeds, items and watched folders in the store (migration 4), without the network."""

from __future__ import annotations

import sqlite3

from tui.models import Article
from tui.store import Library
from tui.store.feeds import Entry, add_feed, feed_article_ids, get_feed, list_feeds, remove_feed, store_entries
from tui.store.library import _statements
from tui.store.schema import MIGRATIONS, SCHEMA_VERSION


def _entry(guid, title, body, link=None):
    return Entry(guid, link, f"h-{guid}-{hash(body) & 0xffff}", Article(title=title, body=body, source="S"))


def test_a_version_3_library_upgrades_and_keeps_its_articles(lib_path):
    db = sqlite3.connect(lib_path)
    for number in range(3):
        for stmt in _statements(MIGRATIONS[number]):
            db.execute(stmt)
    db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES ('Old', 'old body', 'h1', 'x', 'x')")
    db.execute("UPDATE counts SET value = 1")
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.count() == 1
        fid, created = add_feed(lib, "http://example.invalid/f.xml", "F")
        assert created and list_feeds(lib)[0].url == "http://example.invalid/f.xml"


def test_store_entries_counts_and_remove_feed(lib):
    fid, _ = add_feed(lib, "http://a.invalid/rss", "A", tags=["news", "local"])
    other, _ = add_feed(lib, "http://b.invalid/rss", "B")
    new, updated = store_entries(lib, fid, [_entry("1", "One", "first body"), _entry("2", "Two", "second body")],
                                 last_status="ok")
    assert (new, updated) == (2, 0)
    # the same text delivered by another feed is the same article, shared
    assert store_entries(lib, other, [_entry("x", "One", "first body")]) == (0, 0)
    feed = get_feed(lib, fid)
    assert (feed.total, feed.unread, feed.tags, feed.last_status) == (2, 2, ["news", "local"], "ok")
    lib.set_read(feed_article_ids(lib, fid)[0])
    assert get_feed(lib, "http://a.invalid/rss").unread == 1
    assert remove_feed(lib, fid) == 1  # "One" stays: feed B delivered it too
    assert lib.count() == 1 and get_feed(lib, fid) is None
    assert remove_feed(lib, other, keep_articles=True) == 0 and lib.count() == 1


def test_feed_title_of_an_article(lib):
    from tui.store.feeds import feed_title_of

    fid, _ = add_feed(lib, "http://a.invalid/rss")
    store_entries(lib, fid, [_entry("1", "One", "first body")])
    [ident] = feed_article_ids(lib, fid)
    assert feed_title_of(lib, ident) == "http://a.invalid/rss"  # no title yet: the URL
    lib.db.execute("UPDATE feeds SET title = 'Alpha' WHERE id = ?", (fid,))
    assert feed_title_of(lib, ident) == "Alpha"
    assert feed_title_of(lib, ident + 100) == ""


def test_an_undone_delete_is_the_feed_s_and_the_folder_s_article_again(lib, tmp_path):
    """Deleting an article set its feed item's (and watched file's) article to NULL, and undoing the delete (z) left it
    so: the feed counted one article less, its filter left the article out, and a refresh, which knows the item, never
    linked it back (seen in tmux: "Tideline  2 articles" of 3). The restore points them at the article again. (Undo is
    tui.store.undo's; session 17 removed a second copy in tui/store/reader.py that only tests used.)"""
    from tui.store import undo
    from tui.store.watch import add_watch, file_states, folder_article_ids, folder_counts, store_files

    fid, _ = add_feed(lib, "http://a.invalid/rss", "A")
    entries = [_entry("1", "One", "first body"), _entry("2", "Two", "second body")]
    store_entries(lib, fid, entries)
    folder = tmp_path / "news"
    folder.mkdir()
    three_txt = str(folder / "three.txt")
    watch, _ = add_watch(lib, str(folder))
    store_files(lib, watch, [(three_txt, 10, 1, [Article(title="Three", body="third body")], None)])
    one = feed_article_ids(lib, fid)[-1]
    three = folder_article_ids(lib, watch)[0]
    for article_id in (one, three):
        saved = undo.remove_saving(lib, article_id)
        assert undo.restore(lib, saved) is True
    feed = get_feed(lib, fid)
    assert (feed.total, feed.unread) == (2, 2) and one in feed_article_ids(lib, fid)
    assert store_entries(lib, fid, entries) == (0, 0) and lib.count() == 3  # a refresh: nothing new, no copy
    assert folder_counts(lib)[watch] == (1, 1) and folder_article_ids(lib, watch) == [three]
    assert file_states(lib, watch)[three_txt].article_id == three


def test_a_library_from_before_the_undo_fix_links_its_restored_articles_to_their_feed_and_file_again(lib_path, tmp_path):
    """Before session 17's fix an undone delete left the feed item's (and the watched file's) link NULL: the feed counted
    one article less for good. Opening such a library (schema 20) links them again (migration 21); a deleted article's
    item stays unlinked, and so does the item of a deleted article whose link a later, hand-added article has."""
    from tui.store import undo
    from tui.store.watch import add_watch, file_states, folder_counts, store_files

    def linked(guid, title, body):
        link = f"http://a.invalid/{guid}"
        return Entry(guid, link, f"h-{guid}", Article(title=title, body=body, source="S", url=link))

    with Library(lib_path) as lib:
        fid, _ = add_feed(lib, "http://a.invalid/rss", "A")
        store_entries(lib, fid, [linked("1", "One", "first body"), linked("2", "Two", "second body"),
                                 linked("3", "Three", "third body"), linked("4", "Four", "fourth body")])
        folder = tmp_path / "news"
        folder.mkdir()
        watch, _ = add_watch(lib, str(folder))
        store_files(lib, watch, [(str(folder / "five.txt"), 10, 1, [Article(title="Five", body="fifth body")], None)])
        by_title = {lib.get(i).title: i for i in feed_article_ids(lib, fid)}
        five = lib.db.execute("SELECT article_id FROM watched_articles").fetchone()[0]
        for article_id in (by_title["One"], five):  # deleted and undone as the old undo did: the links left NULL
            assert undo.restore(lib, undo.remove_saving(lib, article_id))
            lib.db.execute("UPDATE feed_items SET article_id = NULL WHERE article_id = ?", (article_id,))
            lib.db.execute("UPDATE watched_files SET article_id = NULL WHERE article_id = ?", (article_id,))
        undo.remove_saving(lib, by_title["Two"])  # deleted for good
        undo.remove_saving(lib, by_title["Three"])  # deleted, then its link added by hand later
        lib.db.execute("UPDATE feed_items SET seen_at = '2020-01-01T00:00:00' WHERE link = 'http://a.invalid/3'")
        lib.add(Article(title="Three again", body="third body, as the page has it", url="http://a.invalid/3"))
        lib.db.commit()
        assert get_feed(lib, fid).total == 1 and file_states(lib, watch)[str(folder / "five.txt")].article_id is None
        lib.db.execute("PRAGMA user_version = 20")
        lib.db.commit()
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        feed = get_feed(lib, fid)
        assert (feed.total, feed.unread) == (2, 2), (feed.total, feed.unread)
        assert sorted(lib.get(i).title for i in feed_article_ids(lib, fid)) == ["Four", "One"]
        assert file_states(lib, watch)[str(folder / "five.txt")].article_id == five
        assert folder_counts(lib)[watch] == (1, 1)
        assert lib.db.execute("SELECT count(*) FROM feed_items WHERE article_id IS NULL").fetchone()[0] == 2
