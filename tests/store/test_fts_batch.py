"""Migration 16 (issues 11 and 13, import speed): a transaction storing many articles indexes them for search in
one statement at its end (tui/store/fts_batch.py). What a finished `add` or refresh stored must be found at once,
by prefix and with folded letters; the index must stay exact (FTS5's integrity-check against the rows) whatever
happens inside a batch (an article updated or deleted before the batch ends, a rollback); rows written by other
programs are indexed by the triggers as before; a library from before the migration upgrades and finds old and
new articles alike."""

from __future__ import annotations

import sqlite3

import pytest

from tui.models import Article
from tui.store import Library
from tui.store.feeds import Entry, add_feed, store_entries
from tui.store.schema import MIGRATIONS

BATCH_MIGRATION = next(i for i, m in enumerate(MIGRATIONS) if "fts_later" in m)


def _index_ok(lib) -> None:
    """FTS5 compares the index with what `articles_search` gives for every row; raises when they differ."""
    lib.db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def _segments(lib) -> int:
    """How many segments the full-text index has (FTS5's own table of segment pages)."""
    return lib.db.execute("SELECT count(DISTINCT segid) FROM articles_fts_idx").fetchone()[0]


def _waiting(lib) -> tuple[int, int]:
    return (lib.db.execute("SELECT count(*) FROM fts_batch").fetchone()[0],
            lib.db.execute("SELECT count(*) FROM fts_later").fetchone()[0])


def _articles(n: int, start: int = 0) -> list[Article]:
    return [Article(title=f"Harbour report {i}", source="Coast Courier",
                    body=f"Dockers in port {i} unloaded {i * 7} containers of timber before the tide turned.")
            for i in range(start, start + n)]


def test_everything_an_add_stored_is_found_by_prefix_and_folded_letters_at_once(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        polish = Article(title="Tram fares rise", body="Fares rise in Łódź from March, the council said.",
                         source="Wieści", tags=["Łódzkie"])
        results = lib.add_many([*_articles(30), polish, *_articles(30, start=30)], chunk=25)
        ids = [i for _, i in results]
        assert len(set(ids)) == 61
        assert lib.ids(search="lodz") == [ids[30]] and lib.ids(search="łódź") == [ids[30]]
        assert lib.ids(search="lodzk") == [ids[30]]  # a folded tag, typed as a prefix
        assert len(lib.ids(search="dock")) == 60 and len(lib.ids(search="ti")) == 60  # prefixes as you type
        assert lib.ids(search="containers 203") == [ids[29]] and lib.ids(search="port 45 ") == [ids[46]]
        assert _waiting(lib) == (0, 0)
        _index_ok(lib)


def test_a_batch_writes_one_index_segment_not_one_per_article(tmp_path):
    with Library(tmp_path / "lib.db") as lib:
        lib.db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0)")  # keep them apart
        lib.add_many(_articles(40), chunk=40)
        assert _segments(lib) == 1
        lib.add_many(_articles(40, start=40), chunk=20)
        assert _segments(lib) == 3


def test_a_feed_item_updated_within_its_own_batch_is_indexed_with_its_last_text(tmp_path):
    # Two items with one guid in one fetch: the second updates the article the first made, in the same
    # transaction, before that article was indexed. The index must hold the second text only.
    with Library(tmp_path / "lib.db") as lib:
        feed_id, _ = add_feed(lib, "http://127.0.0.1:9/feed.xml")
        first = Article(title="Ferry delayed", body="The morning ferry was delayed by fog over the strait.")
        second = Article(title="Ferry cancelled", body="The morning ferry was cancelled because of a gale.")
        new, updated = store_entries(lib, feed_id, [Entry("g1", None, "h1", first), Entry("g1", None, "h2", second)])
        assert (new, updated) == (1, 1)
        assert lib.ids(search="cancel") and lib.ids(search="fog") == [] and lib.ids(search="delayed") == []
        assert _waiting(lib) == (0, 0)
        _index_ok(lib)


def test_an_article_deleted_or_changed_inside_a_batch_leaves_the_index_exact(tmp_path):
    from tui.store.library import insert_article

    with Library(tmp_path / "lib.db") as lib:
        kept = lib.add(Article(title="Older note", body="An older note about the lighthouse keeper."))[1]
        with lib.transaction(index_later=True) as db:
            gone, _ = insert_article(db, Article(title="Short lived", body="A notice about the quay gates."), "2026")
            changed, _ = insert_article(db, Article(title="Draft", body="A draft about the pier lamps."), "2026")
            db.execute("DELETE FROM articles WHERE id = ?", (gone,))
            db.execute("UPDATE articles SET body = 'The final text about the pier lanterns.' WHERE id = ?", (changed,))
            db.execute("UPDATE articles SET body = 'A newer note about the lighthouse keeper.' WHERE id = ?", (kept,))
        assert lib.ids(search="quay") == [] and lib.ids(search="lamps") == []
        assert lib.ids(search="lantern") == [changed] and lib.ids(search="newer") == [kept]
        _index_ok(lib)


def test_a_failed_batch_leaves_nothing_and_other_writers_are_indexed_by_the_triggers(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        with pytest.raises(RuntimeError):
            with lib.transaction(index_later=True) as db:
                db.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES"
                           " ('Rolled back', 'Never stored', 'h-rb', 'x', 'x')")
                raise RuntimeError("the import stopped")
        assert _waiting(lib) == (0, 0) and lib.ids(search="stored") == []
    other = sqlite3.connect(path)  # another SQLite program: no batch, so the insert trigger indexes the row
    with other:
        other.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES"
                      " ('Written elsewhere', 'A row from the sqlite3 shell about gulls', 'h-o', 'x', 'x')")
    other.close()
    with Library(path) as lib:
        assert len(lib.ids(search="gull")) == 1 and _waiting(lib) == (0, 0)
        _index_ok(lib)


def test_rows_left_waiting_by_a_batch_committed_open_are_indexed_by_the_next_batch(tmp_path):
    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add(Article(title="First", body="Something about herons."))
    broken = sqlite3.connect(path)  # a writer that committed with its batch open (must not happen; repaired)
    with broken:
        broken.execute("INSERT INTO fts_batch (open) VALUES (1)")
        broken.execute("INSERT INTO articles (title, body, hash, added_at, sort_key) VALUES"
                       " ('Stray', 'A stray row about cormorants', 'h-s', 'x', 'x')")
    broken.close()
    with Library(path) as lib:
        assert lib.ids(search="cormorant") == []
        lib.add(Article(title="Next import", body="Terns nest on the dunes."))
        assert len(lib.ids(search="cormorant")) == 1 and len(lib.ids(search="tern")) == 1
        assert _waiting(lib) == (0, 0)
        _index_ok(lib)


def test_a_library_from_before_the_batches_upgrades_and_finds_old_and_new_articles(tmp_path, monkeypatch):
    import tui.store.library as library_module

    path = tmp_path / "old.db"
    with monkeypatch.context() as m:  # the newsreader before migration 16: every article indexed by its trigger
        m.setattr(library_module, "SCHEMA_VERSION", BATCH_MIGRATION)
        with Library(path) as old:
            assert old.db.execute("PRAGMA user_version").fetchone()[0] == BATCH_MIGRATION
            assert old.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'fts_later'").fetchone() is None
            old_ids = [i for _, i in old.add_many([
                Article(title="Budget vote in Łódź", body="The city council of Łódź voted on the budget.",
                        source="Gazeta"),
                Article(title="Bridge repairs", body="Engineers began repairs on the old bridge.")])]
    with Library(path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        new_ids = [i for _, i in lib.add_many([
            Article(title="Budget passed in Lodz", body="The budget of Łódź passed with two votes to spare."),
            Article(title="Bridge reopens", body="The bridge reopened after the repairs.")])]
        assert sorted(lib.ids(search="lodz")) == sorted([old_ids[0], new_ids[0]])
        assert sorted(lib.ids(search="łódź budg")) == sorted([old_ids[0], new_ids[0]])
        assert sorted(lib.ids(search="repai")) == sorted([old_ids[1], new_ids[1]])
        assert sorted(lib.ids(search="bri")) == sorted([old_ids[1], new_ids[1]])
        lib.remove(old_ids[1])  # an article indexed by the old trigger leaves the index as before
        assert lib.ids(search="repai") == [new_ids[1]]
        _index_ok(lib)


# Texts of our own for the spelling apart done in Python (fts_batch._apart_bytes): each word of fold.APART in several
# cases and inside longer words, letters the index folds (the view's articles_folded), capitals outside ASCII that
# SQLite's lower() leaves alone, and characters of two to four bytes.
_APART_TEXTS = [
    "NEWS from Quillan: the Newsroom of the Harbour News said the newsletter was late.",
    "The UNITED crews, uniting again, reunited the Unite branch of Fernholt.",
    "Importantly, the important IMPORTANCE of the generator: generations of federated initiatives.",
    "According to the Community officer, the University organised an organisation; ORGANIZING it took weeks.",
    "Organising and organisers in Łódź, Ørsted Quay and Straße 9: İzmir, ÀÉÎ, Ǳ, 東京 and 🐟 by the pier.",
    "",
]


def test_the_index_of_a_batch_holds_the_bytes_the_view_spells_apart(tmp_path):
    from tui.store import fts_batch
    from tui.store.fold import apart_sql

    db = sqlite3.connect(":memory:")
    db.create_function("spelt", 1, fts_batch._apart_bytes, deterministic=True)
    values = [*_APART_TEXTS, None, 42, 2.5, "Organising\x00NEWS after a zero byte", b"NEWS as a blob, organised"]
    for value in values:
        view, ours = db.execute(f"SELECT {apart_sql('?1')}, CAST(spelt(CAST(?1 AS BLOB)) AS TEXT)", (value,)).fetchone()
        assert ours == view and type(ours) is type(view), value


def test_the_spelling_apart_skips_only_groups_of_words_a_text_does_not_hold():
    # _apart_bytes looks once for what a group of APART's words share ("organi"): texts made of pieces of those words
    # are spelt as the view's chain of replace() calls spells them (SQL, and each replace in turn)
    import random

    from tui.store import fts_batch
    from tui.store.fold import apart_sql

    assert any(shared for shared, _ in fts_batch._APART_GROUPS)
    for shared, pairs in fts_batch._APART_GROUPS:
        assert shared is None or all(word.startswith(shared) for word, _ in pairs)
    rng = random.Random(9)
    pieces = ["organ", "ORGANI", "organis", "iz", "Sa", "se", "sing", "unit", "UNITE", "e", "ing", "comm", "news", "s",
              "according", "q", " ", "Brenwick", "Łódź", "İ", "."]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    db = sqlite3.connect(":memory:")
    db.create_function("spelt", 1, fts_batch._apart_bytes, deterministic=True)
    for text in texts:
        raw = text.encode().translate(fts_batch._LOWER)
        for word, spelt in fts_batch._APART_BYTES:
            raw = raw.replace(word, spelt)
        assert fts_batch._apart_bytes(text.encode()) == raw, text
    for text in texts[:300]:
        view, ours = db.execute(f"SELECT {apart_sql('?1')}, CAST(spelt(CAST(?1 AS BLOB)) AS TEXT)", (text,)).fetchone()
        assert ours == view, text


def _index_rows(lib) -> list:
    return [lib.db.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
            for t in ("articles_fts_data", "articles_fts_idx", "articles_fts_docsize")]


def test_a_batch_spelt_apart_in_python_stores_the_index_the_view_gives(tmp_path, monkeypatch):
    from tui.store import fts_batch

    articles = [Article(title=t[:40] or "(empty)", body=t or "A quiet day at Fernholt quay.", source="Newsline Weekly",
                        byline="Organiser Desk", tags=["UNITED", "Łódź"]) for t in _APART_TEXTS]
    with Library(tmp_path / "ours.db") as lib:
        assert fts_batch._apart_ready(lib.db)
        lib.add_many(articles, chunk=4)
        ours = _index_rows(lib)
        _index_ok(lib)  # FTS5 checks the index against the view, row by row
        assert lib.ids(search="news") and lib.ids(search="organising") and lib.ids(search="lodz")
    monkeypatch.setattr(fts_batch, "_apart_ready", lambda db: False)  # the view's own SQL, as before
    with Library(tmp_path / "view.db") as lib:
        lib.add_many(articles, chunk=4)
        assert _index_rows(lib) == ours


def test_a_library_whose_view_another_program_changed_is_indexed_from_that_view(tmp_path):
    from tui.store import fts_batch

    path = tmp_path / "lib.db"
    with Library(path) as lib:
        lib.add(Article(title="Gulls", body="Gulls over the Fernholt harbour."))
    other = sqlite3.connect(path)
    with other:  # the same text, written another way: not the view fts_batch spells apart in Python
        sql = other.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_search'").fetchone()[0]
        other.execute("DROP VIEW articles_search")
        other.execute(sql.replace("SELECT id,", "SELECT id ,", 1))
    other.close()
    with Library(path) as lib:
        assert not fts_batch._apart_ready(lib.db)
        lib.add_many([Article(title="Terns", body="NEWS of terns at the quay.")])
        assert len(lib.ids(search="news tern")) == 1 and len(lib.ids(search="gull")) == 1
        _index_ok(lib)


def test_a_batch_closes_while_another_statement_of_the_connection_is_reading(tmp_path):
    # SQLite refuses to register a function again while a statement of the connection is under way: the function is
    # registered once per connection (registered again, the batch would read the view)
    from tui.store import fts_batch

    with Library(tmp_path / "lib.db") as lib:
        lib.add_many(_articles(3))
        reading = lib.db.execute("SELECT id FROM articles")
        reading.fetchone()  # under way
        assert fts_batch._apart_ready(lib.db)
        lib.add_many(_articles(3, start=3))
        assert len(lib.ids(search="dock")) == 6
        _index_ok(lib)
