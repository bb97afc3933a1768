"""Search finds what people type (issue 10 item 5) and undated articles sort by when they were added (item 10):
letters folded both ways, tags/source/byline searchable, title matches first; the migration that brings an
existing library there."""

from __future__ import annotations

import json
import sqlite3

from tui.models import Article
from tui.store import Library
from tui.store import library as store
from tui.store.library import _statements
from tui.store.schema import MIGRATIONS, SCHEMA_VERSION

# The migration that folds letters, indexes tags/source/byline and re-keys undated articles.
SEARCH_MIGRATION = next(i for i, m in enumerate(MIGRATIONS) if "articles_search" in m)


def _add(lib, title: str, body: str, **kw) -> int:
    kw.setdefault("published", "2026-02-01")
    return lib.add(Article(title=title, body=body, **kw))[1]


def test_letters_the_tokenizer_keeps_are_folded_both_ways(lib):
    polish = _add(lib, "Łódź opens a battery plant", "The plant on the edge of Łódź employs 900 people.")
    plain = _add(lib, "Lodz tram fares rise", "Fares in Lodz go up in March.")
    danish = _add(lib, "Ørsted wins a wind tender", "The Danish group Ørsted will build forty turbines.")
    german = _add(lib, "Street renamed", "The Hauptstraße becomes a pedestrian zone in May.")
    for typed in ("lodz", "Lodz", "łódź", "ŁÓDŹ", "lódz", "łod"):
        assert sorted(lib.ids(search=typed)) == sorted([polish, plain]), typed
    assert lib.ids(search="orsted") == lib.ids(search="Ørsted") == [danish]
    assert lib.ids(search="hauptstrasse") == lib.ids(search="Hauptstraße ") == [german]


def test_tags_source_and_byline_are_searchable(lib):
    tagged = _add(lib, "Senate vote", "The contract passed by two votes.", tags=["Latin America", "Politics"],
                  source="AFP", byline="Marta Quispe")
    local = _add(lib, "Łódź budget", "The city council met.", tags=["Łódzkie region"], source="Wieści Łódzkie")
    _add(lib, "Harvest report", "Wheat prices rose in the south.", source="Farm Daily")
    assert lib.ids(search="afp") == [tagged]
    assert lib.ids(search="latin america") == [tagged]
    assert lib.ids(search="quispe") == [tagged]
    assert lib.ids(search="lodzkie") == [local]   # a non-ASCII tag, folded
    assert lib.ids(search="wiesci") == [local]    # the source, accents folded
    # Changing the metadata changes what is found (the index follows updates, not only inserts).
    lib.db.execute("UPDATE articles SET source = 'Reuters' WHERE id = ?", (tagged,))
    assert lib.ids(search="afp") == [] and lib.ids(search="reuters") == [tagged]
    lib.remove(tagged)
    assert lib.ids(search="reuters") == []
    assert lib.db.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_a_title_match_ranks_above_body_only_matches(lib):
    rail = _add(lib, "Nine rail operators agree a ticketing standard",
                "The operators said operators of night trains and operators of regional lines would join. "
                "Operators will share one timetable feed, and operators will publish fares.")
    opera = _add(lib, "A forgotten opera reaches the stage",
                 "The score of the opera was found in a trunk in 2023, and the opera was staged at last. "
                 + "The singers rehearsed for months in a cold hall by the river. " * 6)
    review = _add(lib, "Festival week in review",
                  "An opera, another opera and a third opera: the opera festival closed with opera on the lake.")
    # While "opera" is being typed it may also begin "operators" (indexed by its stem "oper", which the prefix
    # "opera" does not find: query.py adds such finished words): what the prefix itself finds comes first, the
    # whole word in a title first of all, then the articles only the finished words find.
    assert lib.ids(search="opera")[0] == opera
    assert lib.ids(search="opera") == [opera, review, rail]
    # Typed out, the body-only article that says "opera" five times still comes after the title match.
    assert lib.ids(search="opera ") == [opera, review]
    assert [r.id for r in lib.rows(search="opera")] == [opera, review, rail]


def test_title_first_also_when_the_match_set_is_too_large_to_rank(lib, monkeypatch):
    body_only = _add(lib, "Festival week", "The opera festival closed with an opera.")
    titled = _add(lib, "Opera house reopens", "Builders finished in May.")
    monkeypatch.setattr(store, "RANK_LIMIT", 1)
    assert lib.ids(search="opera") == [titled, body_only]


def test_undated_articles_sort_by_when_they_were_added(lib, monkeypatch):
    monkeypatch.setattr(store, "_now", lambda: "2026-03-02T16:00:00Z")
    undated = _add(lib, "Undated letter", "A letter about the harbour.", published=None)
    monkeypatch.setattr(store, "_now", lambda: "2026-03-02T18:00:00Z")
    earlier = _add(lib, "Morning bulletin", "Published before the letter arrived.", published="2026-03-02T15:30:00Z")
    later = _add(lib, "Evening bulletin", "Published after it.", published="2026-03-02T17:00:00Z")
    old = _add(lib, "Last week", "Older news.", published="2026-02-20")
    assert [r.id for r in lib.rows()] == [later, undated, earlier, old]
    assert lib.ids() == [later, undated, earlier, old]


def _library_before_search_migration(path) -> None:
    """A library as newsreader wrote it before that migration (tags JSON-escaped, undated keyed by the day)."""
    db = sqlite3.connect(path)
    for migration in MIGRATIONS[:SEARCH_MIGRATION]:
        for statement in _statements(migration):
            db.execute(statement)
    rows = [("Łódź bets on batteries", "The plant employs 900.", None, json.dumps(["Łódzkie", "Economy"]),
             "Vistula Ledger", "2026-01-05T09:00:00Z", "2026-01-05"),
            ("Harbour dues", "The council debated the harbour.", "2026-01-04", "[]", "AFP", "2026-01-05T10:00:00Z",
             "2026-01-04")]
    for i, (title, body, published, tags, source, added, key) in enumerate(rows):
        db.execute("INSERT INTO articles (title, body, published, tags, source, hash, added_at, sort_key)"
                   " VALUES (?,?,?,?,?,?,?,?)", (title, body, published, tags, source, f"h{i}", added, key))
    db.execute(f"PRAGMA user_version = {SEARCH_MIGRATION}")
    db.commit()
    db.close()


def test_search_migration_reindexes_and_rekeys_an_existing_library(lib_path):
    _library_before_search_migration(lib_path)
    lib = Library(lib_path)
    assert lib.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION > SEARCH_MIGRATION
    assert [r.title for r in lib.rows(search="lodz")] == ["Łódź bets on batteries"]
    assert [r.title for r in lib.rows(search="lodzkie")] == ["Łódź bets on batteries"]  # escaped tag, now found
    assert [r.title for r in lib.rows(search="afp")] == ["Harbour dues"]
    assert lib.get(1).tags == ["Łódzkie", "Economy"]
    assert lib.rows()[0].sort_key == "2026-01-05T09:00:00Z"  # undated: the time it was added
    assert lib.check() == "ok"
    lib.close()


def test_a_long_upgrade_says_so_first(lib_path, monkeypatch):
    _library_before_search_migration(lib_path)
    said = []
    monkeypatch.setattr(store, "UPGRADE_NOTICE", said.append)
    monkeypatch.setattr(store, "UPGRADE_NOTICE_FROM", 2)
    Library(lib_path).close()
    # what it does and about how long first, then how long it took (no progress line: 2 articles take no time)
    assert len(said) == 2 and "2 articles" in said[0] and "search index" in said[0] and "about 1 s" in said[0]
    assert said[1].startswith("upgraded in ")
    Library(lib_path).close()  # already upgraded: nothing to say
    assert len(said) == 2
