"""The same article twice, what session 4 left (issue 13): three copies with the shown one deleted stay one
row of the story at once; the star follows the text as the read mark does; a feed's own view shows the text
once, as the main list does."""

from __future__ import annotations

from test_twins_store import BODY, OTHER

from tui.models import Article
from tui.store import Library
from tui.store.feeds import add_feed, feed_article_ids, list_feeds
from tui.store.reader import view_ids
from tui.store.undo import remove_saving
from tui.store.stories import duplicates, story_of
from tui.stories import group_new

OUTLETS = ("Amber Gazette", "Kettle Courier", "Lowmere Post", "Fenwick Herald")


def copies(tmp_path, n: int = 3) -> tuple[Library, list[int], int]:
    """`n` copies of one text from `n` outlets (oldest first) and one other article, grouped."""
    lib = Library(tmp_path / "copies.db")
    ids = []
    for number in range(n):
        (_, i), = lib.add_many([Article(title=f"Valley line reopens ({number})", source=OUTLETS[number],
                                        published="2026-03-02", body=BODY + f"\n\n{OUTLETS[number]} staff.")])
        ids.append(i)
    (_, other), = lib.add_many([Article(title="Fenwick bakery wins bread prize", source="Amber Gazette",
                                        published="2026-03-01", body=OTHER)])
    group_new(lib)
    return lib, ids, other


def story_rows(lib: Library, story_id: int) -> list[int]:
    """The story view's rows: its articles that repeat no other (tui.stories.story._copies' heads)."""
    return [r[0] for r in lib.db.execute(
        "SELECT article_id FROM story_articles WHERE story_id = ? AND dup_of IS NULL ORDER BY article_id", (story_id,))]


def test_three_copies_with_the_shown_one_deleted_stay_one_row_of_the_story_at_once(tmp_path):
    lib, ids, _ = copies(tmp_path, 4)
    with lib:
        story = story_of(lib, ids[0])
        assert story_rows(lib, story) == [ids[0]]
        remove_saving(lib, ids[0])
        assert story_rows(lib, story) == [ids[1]]  # not ids[1], ids[2], ids[3] until the next regroup
        assert duplicates(lib, ids[1]) == [ids[2], ids[3]] and duplicates(lib, ids[3]) == [ids[1], ids[2]]
        # The library list agrees: one row, the oldest copy left, naming the other outlets.
        row = next(r for r in lib.rows(0, 10) if r.id == ids[1])
        assert row.twins == (ids[2], ids[3]) and row.shown_source == "Kettle Courier +2"
        remove_saving(lib, ids[1])
        assert story_rows(lib, story) == [ids[2]] and duplicates(lib, ids[2]) == [ids[3]]


def test_the_star_follows_the_text_as_the_read_mark_does(tmp_path):
    lib, ids, other = copies(tmp_path)
    with lib:
        lib.set_starred(ids[0])
        assert all(lib.get(i).starred for i in ids) and not lib.get(other).starred
        assert view_ids(lib, "starred") == [ids[0]]
        # Starred on the shown row, then that record deleted: the text stays starred.
        removed = remove_saving(lib, ids[0])
        assert view_ids(lib, "starred") == [ids[1]]
        # Unstarring a copy opened on its own (the story view opens each record) unstars the row too.
        lib.set_starred(ids[2], False)
        assert not any(lib.get(i).starred for i in ids[1:])
        assert view_ids(lib, "starred") == []
        # A read mark on a copy opened on its own marks the row too, as on the row.
        lib.set_read(ids[2], True)
        assert all(lib.get(i).read for i in ids[1:]) and not lib.get(other).read
        assert removed is not None


def test_a_copy_starred_before_it_is_joined_keeps_the_row_starred(tmp_path):
    lib = Library(tmp_path / "join.db")
    with lib:
        (_, first), = lib.add_many([Article(title="Valley line reopens", source=OUTLETS[0], published="2026-03-02",
                                            body=BODY)])
        group_new(lib)
        (_, copy), = lib.add_many([Article(title="Rail line to reopen", source=OUTLETS[1], published="2026-03-02",
                                           body=BODY + "\n\nKettle Courier staff.")])
        lib.set_starred(copy)  # starred before grouping joins it to the first
        group_new(lib)
        assert lib.get(copy).starred and lib.get(first).starred
        assert view_ids(lib, "starred") == [first]


def test_a_feeds_own_view_shows_the_text_once_as_the_main_list_does(tmp_path):
    lib, ids, other = copies(tmp_path)
    with lib:
        both, _ = add_feed(lib, "http://127.0.0.1:9/both.xml", "Both Papers")
        second, _ = add_feed(lib, "http://127.0.0.1:9/second.xml", "Second Paper")
        with lib.transaction() as db:
            db.executemany("INSERT INTO feed_items (feed_id, guid, entry_hash, article_id, seen_at) VALUES (?, ?, ?, ?, '')",
                           [(both, "a", "ha", ids[0]), (both, "b", "hb", ids[1]), (both, "o", "ho", other),
                            (second, "c", "hc", ids[2])])
        # The feed that delivered two copies: one row, the one the main list shows.
        assert feed_article_ids(lib, both) == [ids[0], other]
        # The feed that delivered only a copy: its row is the shown one (read, star and outlets as everywhere).
        assert feed_article_ids(lib, second) == [ids[0]]
        counts = {f.title: (f.unread, f.total) for f in list_feeds(lib)}
        assert counts == {"Both Papers": (2, 2), "Second Paper": (1, 1)}
        lib.set_read(ids[0], True)
        assert feed_article_ids(lib, second, unread_only=True) == []
        assert {f.title: f.unread for f in list_feeds(lib)} == {"Both Papers": 1, "Second Paper": 0}
        lib.remove(other)  # its item stays, pointing nowhere
        assert {f.title: (f.unread, f.total) for f in list_feeds(lib)} == {"Both Papers": (0, 1), "Second Paper": (0, 1)}
        assert feed_article_ids(lib, both) == [ids[0]]
