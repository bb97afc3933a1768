"""Words of other meanings that Porter's stemmer merges are kept apart (session 24, migration 28), as "news" is from
"new": `import` found every article saying "important", `unit` every "United", `accord` every "according", `general`
every "generation". Each pair: our own sentences, the search for one word does not find the other's article, and each
word still finds its own other forms (and, half typed, what it begins)."""

from __future__ import annotations

import sqlite3

import pytest

from tui.models import Article
from tui.store import Library
from tui.store import library as store
from tui.store.schema import SCHEMA_VERSION

APART_WORDS_MIGRATION = 28

# (word, an article of its own, its other form's article) -> (other word, an article of its own)
PAIRS = [
    ("import", "Grain imports fell", "The port imported less grain this winter than last.",
     "important", "A vote that matters", "The harbour vote is important; its importance was plain to all."),
    ("unit", "A new hospital wing", "The hospital opened two units for the elderly, one unit each floor.",
     "united", "Talks in New York", "The United Nations met; the delegates were united on the ferry levy."),
    ("accord", "Fishing deal signed", "The two coastal states signed an accord on fishing; the accords run ten years.",
     "according", "Storm damage counted", "According to the harbour master, the storm wrecked six boats."),
    ("general", "Strike called", "The union called a general strike; the generals of the army stayed in barracks.",
     "generation", "Power plans", "The generation of power at the dam will generate jobs for a generation."),
    ("federal", "Budget passed", "The federal budget passed the lower house on Thursday.",
     "federation", "Football body meets", "The football federation met its federated clubs at the coast."),
    ("initial", "First results", "Initial results put the mayor ahead; initially the count was slow.",
     "initiative", "Clean beaches", "A citizens' initiative to clean the beaches was initiated in May."),
    ("communication", "Phones restored", "Communication with the island was cut; communications came back at noon.",
     "community", "Village hall", "The community raised money for the hall; other communities will follow."),
    ("office", "Post office closes", "The village post office will close; the offices move to the town.",
     "officer", "Rescue at sea", "An officer of the coast guard and two officers pulled the crew out."),
    ("universe", "Telescope opens", "The new telescope will look at the early universe and its universal laws.",
     "university", "Degrees awarded", "The university gave degrees to four hundred students; other universities wait."),
    ("organ", "Transplant record", "The hospital carried out a record number of organ transplants; organs came by air."),
]


def _add(lib, title: str, body: str) -> int:
    return lib.add(Article(title=title, body=body, published="2026-02-01"))[1]


@pytest.fixture
def lib(lib_path):
    library = Library(lib_path)
    yield library
    library.close()


@pytest.mark.parametrize("pair", PAIRS[:-1], ids=[p[0] for p in PAIRS[:-1]])
def test_a_word_does_not_find_a_word_of_another_meaning(lib, pair):
    word, title, body, other, other_title, other_body = pair
    mine, theirs = _add(lib, title, body), _add(lib, other_title, other_body)
    assert lib.ids(search=word + " ") == [mine]
    assert lib.ids(search=other + " ") == [theirs]
    assert lib.count(search=word + " ") == 1 and lib.count(search=other.upper() + " ") == 1
    # typed half way: the letters both begin with find both; the other word's own letters find it alone
    assert set(lib.ids(search=word[:4])) == {mine, theirs}
    assert lib.ids(search=other[:len(word) + 2]) == [theirs]
    assert lib.ids(search=f'"{other}"') == [theirs]


def test_each_form_of_a_family_keeps_its_stem(lib):
    ids = {w: _add(lib, w.title(), f"The word {w} is in this sentence about the harbour.") for w in (
        "important", "importance", "unimportant", "united", "unite", "uniting", "reunited", "generate", "generated",
        "generator", "generations", "officers", "according", "universities", "initiatives")}
    assert set(lib.ids(search="importance ")) == {ids["important"], ids["importance"]}
    assert set(lib.ids(search="unites ")) == {ids["united"], ids["unite"], ids["uniting"]}
    assert set(lib.ids(search="generating ")) == {ids[w] for w in ("generate", "generated", "generator", "generations")}
    assert lib.ids(search="officer ") == [ids["officers"]] and lib.ids(search="initiative ") == [ids["initiatives"]]
    assert lib.ids(search="university ") == [ids["universities"]]
    assert lib.ids(search="accordi") == [ids["according"]]


def test_british_and_american_spellings_of_organise_find_each_other(lib):
    organ = _add(lib, *PAIRS[-1][1:3])
    us = _add(lib, "Aid group", "The aid organization organized a convoy to the flooded valley.")
    uk = _add(lib, "Charity walk", "The charity organisation organised a walk; organising it took a month.")
    assert set(lib.ids(search="organisation ")) == {us, uk}
    assert set(lib.ids(search="organized ")) == {us, uk}
    assert set(lib.ids(search="organising ")) == {us, uk}
    assert lib.ids(search="organ ") == [organ]
    assert set(lib.ids(search="organ")) == {organ, us, uk}  # typed: a prefix of all three


def test_a_library_of_the_schema_before_is_made_again_once(lib_path, monkeypatch):
    with Library(lib_path) as lib:
        lib.add_many([Article(title=f"Harbour report {i}", body=f"It is important: the United fleet, number {i}.",
                              published="2026-02-01") for i in range(120)])
    db = sqlite3.connect(lib_path)
    db.execute(f"PRAGMA user_version = {APART_WORDS_MIGRATION - 1}")
    db.execute("DROP VIEW articles_search")  # as migration 25 made it: "news" apart only, in its three spellings
    db.execute("CREATE VIEW articles_search (id, title, body, meta) AS SELECT id, replace(title, 'news', 'newss'),"
               " replace(body, 'news', 'newss'), replace(meta, 'news', 'newss') FROM articles_folded")
    db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    db.commit()
    assert db.execute("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'import'").fetchone()[0] == 120
    db.close()
    said: list[str] = []
    monkeypatch.setattr(store, "UPGRADE_NOTICE", said.append)
    monkeypatch.setattr(store, "UPGRADE_NOTICE_FROM", 100)
    monkeypatch.setattr(store, "REBUILD_BATCH", 50)
    monkeypatch.setattr(store, "PROGRESS_EVERY", 0.0)
    made = []
    real = Library._rebuild_index
    monkeypatch.setattr(Library, "_rebuild_index", lambda self, *a: made.append(1) or real(self, *a))
    with Library(lib_path) as lib:
        assert made == [1] and lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert said[0].startswith("upgrading the library") and said[1].startswith("search index: 41% (50 of 120"), said
        assert lib.ids(search="import ") == [] and len(lib.ids(search="important ")) == 120
        assert lib.ids(search="unit ") == [] and len(lib.ids(search="united ")) == 120
        assert lib.check() == "ok" and lib.check_search_index() is None


def test_a_library_waiting_for_its_merge_is_made_again_not_merged_first(lib_path, monkeypatch):
    """A library at 25 whose index automerge has much to merge (migration 26's case) is made again by 28, which ends
    merged: 26's merge is not run first (~8 s of CPU at 100,000 articles for an index thrown away at once)."""
    from tests.store.test_index_merge import _library_before

    from tui.store.library import search_index_segments

    _library_before(lib_path, 400, unmerged=True)
    monkeypatch.setattr(store, "MERGE_PAGES", 0)
    merges, made = [], []
    real_merge, real_rebuild = Library._merge_index, Library._rebuild_index
    monkeypatch.setattr(Library, "_merge_index", lambda self, notice: merges.append(1) or real_merge(self, notice))
    monkeypatch.setattr(Library, "_rebuild_index", lambda self, *a: made.append(1) or real_rebuild(self, *a))
    with Library(lib_path) as lib:
        assert merges == [] and made == [1] and search_index_segments(lib.db) == 1
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= APART_WORDS_MIGRATION
        assert len(lib.ids(search="news ")) == 400 and len(lib.ids(search="berth 3 ")) == 57


def test_a_library_whose_index_is_damaged_is_upgraded_and_its_index_made_whole(lib_path):
    """The upgrade's writes to a damaged index (FTS5's terms table dropped: "SQL logic error") failed, and the library
    did not open at all; the index is made again whole first, as `doctor --repair` does."""
    with Library(lib_path) as lib:
        ids = [_add(lib, "Talks in New York", "The United Nations met at noon."), _add(lib, *PAIRS[0][1:3])]
    db = sqlite3.connect(lib_path)
    db.execute(f"PRAGMA user_version = {APART_WORDS_MIGRATION - 1}")
    db.execute("DROP TABLE articles_fts_idx")
    db.commit()
    db.close()
    with Library(lib_path) as lib:
        assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert lib.ids(search="united ") == [ids[0]] and lib.ids(search="imports ") == [ids[1]]
        assert lib.check_search_index() is None
