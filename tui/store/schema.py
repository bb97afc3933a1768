"""Schema and migrations. Each migration runs once, in order, inside one transaction.

`PRAGMA user_version` records how many have run, so an old library is upgraded in place
and a newer one (from a later newsreader) is refused instead of damaged.
"""

import functools

from tui.store.fold import apart_sql, fold_sql


def _folded(columns: list[str]) -> str:
    """The SELECT list folding each column (fold.py); each column is one nest of replace() calls."""
    return ", ".join(fold_sql(c) for c in columns)


def _folded_if_needed(columns: list[str]) -> str:
    """The SELECT list folding each column only in rows that need it (`folds` <> 0, migration 10)."""
    return ", ".join(f"CASE WHEN folds = 0 THEN {c} ELSE {fold_sql(c)} END" for c in columns)


def _apart(columns: list[str]) -> str:
    """The SELECT list spelling apart, in each column, the words Porter's stemmer merges (fold.APART, migration 25)."""
    return ", ".join(apart_sql(c) for c in columns)


# The statement that makes the search index again from its view. Library._migrate runs it in batches of articles, with
# progress, and once when several pending migrations ask for it (see REBUILD_FROM).
REBUILD_INDEX = "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');"
# Pending migrations from this number on rebuild the index once, in the last of them that asks for it: their index is
# read by nothing between them (a library at schema 23 upgraded to 25 rebuilt it twice, ~40 s each at 100,000).
REBUILD_FROM = 24
# The statement that merges the search index into one segment (FTS5's 'optimize'). Library._migrate runs it only when
# FTS5's automerge has a large share of the index still to merge (Library._merge_index): a merged library pays one
# read of a record.
MERGE_INDEX = "INSERT INTO articles_fts (articles_fts) VALUES ('optimize');"
# Migration 38's step: the feeds subscribed twice merged into one (tui.store.feeds.merge_same_feeds, Python: the URLs
# are compared normalised), what it did said through UPGRADE_NOTICE
MERGE_FEEDS = "SELECT 'merge the feeds subscribed twice';"


_INDEXED = ["title", "body", "tags || ' ' || source || ' ' || byline"]
# The search index's tokenizer since migration 24 (tui/store/query.py stems what is typed with the same one).
TOKENIZE = "porter unicode61 remove_diacritics 2"
# The search index (migration 24) and the views it reads the indexed text from (migration 25): also what
# `Library.repair_search_index` (`newsreader doctor --repair`) makes again.
SEARCH_TABLE = f"""CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, meta, content='articles_search', content_rowid='id',
        tokenize='{TOKENIZE}', prefix='2 3'
    );"""
SEARCH_VIEWS = f"""DROP VIEW IF EXISTS articles_search;
    DROP VIEW IF EXISTS articles_folded;
    CREATE VIEW articles_folded (id, title, body, meta) AS
        SELECT id, {_folded_if_needed(_INDEXED)} FROM articles;
    CREATE VIEW articles_search (id, title, body, meta) AS
        SELECT id, {_apart(["title", "body", "meta"])} FROM articles_folded;"""
# FTS5's own tables behind articles_fts, as it makes them (SQLite 3.40's fts5.c), for a repair that finds one gone:
# FTS5 cannot open (nor so drop) the index without its data and config tables.
SEARCH_SHADOWS = {
    "articles_fts_data": "CREATE TABLE articles_fts_data (id INTEGER PRIMARY KEY, block BLOB)",
    "articles_fts_idx": "CREATE TABLE articles_fts_idx (segid, term, pgno, PRIMARY KEY (segid, term)) WITHOUT ROWID",
    "articles_fts_docsize": "CREATE TABLE articles_fts_docsize (id INTEGER PRIMARY KEY, sz BLOB)",
    "articles_fts_config": "CREATE TABLE articles_fts_config (k PRIMARY KEY, v) WITHOUT ROWID",
}


MIGRATIONS: list[str] = [
    # 1: articles, full-text index kept in sync by triggers, analysis cache.
    """
    CREATE TABLE articles (
        id        INTEGER PRIMARY KEY,
        title     TEXT NOT NULL,
        source    TEXT NOT NULL DEFAULT '',
        byline    TEXT NOT NULL DEFAULT '',
        published TEXT,
        tags      TEXT NOT NULL DEFAULT '[]',
        url       TEXT,
        body      TEXT NOT NULL,
        words     INTEGER NOT NULL DEFAULT 0,
        hash      TEXT NOT NULL UNIQUE,
        added_at  TEXT NOT NULL,
        sort_key  TEXT NOT NULL,
        read      INTEGER NOT NULL DEFAULT 0,
        starred   INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX articles_newest ON articles (sort_key DESC, id DESC);
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, content='articles', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
        INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
    END;
    CREATE TABLE analysis (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        key        TEXT NOT NULL,
        data       TEXT NOT NULL,
        PRIMARY KEY (article_id, key)
    );
    """,
    # 2: which entities each article mentions, so the library can be filtered by one.
    """
    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        label      TEXT NOT NULL,
        name       TEXT NOT NULL COLLATE NOCASE,
        count      INTEGER NOT NULL,
        PRIMARY KEY (article_id, label, name)
    );
    CREATE INDEX mentions_name ON mentions (name, article_id);
    """,
    # 3: the number of articles, kept by triggers: count(*) walks a whole index (~5 ms at 100,000
    # articles, more from a cold disk), and the list needs the number before its first paint.
    """
    CREATE TABLE counts (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
    INSERT INTO counts (name, value) SELECT 'articles', count(*) FROM articles;
    CREATE TRIGGER articles_count_ai AFTER INSERT ON articles BEGIN
        UPDATE counts SET value = value + 1 WHERE name = 'articles';
    END;
    CREATE TRIGGER articles_count_ad AFTER DELETE ON articles BEGIN
        UPDATE counts SET value = value - 1 WHERE name = 'articles';
    END;
    """,
    # 4: sources (issue 11). Feeds with what conditional GET and back-off need; feed_items
    # remembers every item seen (guid, link, the hash of the entry as the feed gave it) and the
    # article it became, so a republished item updates that article instead of adding a second.
    # An article deleted by the user keeps its item (article_id NULL): it does not come back.
    # watched/watched_files: folders imported as files appear or change.
    """
    CREATE TABLE feeds (
        id            INTEGER PRIMARY KEY,
        url           TEXT NOT NULL UNIQUE,
        title         TEXT NOT NULL DEFAULT '',
        site_url      TEXT,
        tags          TEXT NOT NULL DEFAULT '[]',
        full_text     INTEGER NOT NULL DEFAULT 0,
        etag          TEXT,
        last_modified TEXT,
        added_at      TEXT NOT NULL,
        last_refresh  TEXT,
        last_status   TEXT,
        last_error    TEXT,
        failures      INTEGER NOT NULL DEFAULT 0,
        next_try      REAL
    );
    CREATE TABLE feed_items (
        id         INTEGER PRIMARY KEY,
        feed_id    INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        guid       TEXT,
        link       TEXT,
        entry_hash TEXT NOT NULL,
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        seen_at    TEXT NOT NULL
    );
    CREATE INDEX feed_items_guid ON feed_items (feed_id, guid);
    CREATE INDEX feed_items_link ON feed_items (feed_id, link);
    CREATE INDEX feed_items_hash ON feed_items (feed_id, entry_hash);
    CREATE INDEX feed_items_article ON feed_items (article_id);
    CREATE TABLE watched (
        id        INTEGER PRIMARY KEY,
        path      TEXT NOT NULL UNIQUE,
        added_at  TEXT NOT NULL,
        last_scan TEXT
    );
    CREATE TABLE watched_files (
        watch_id   INTEGER NOT NULL REFERENCES watched (id) ON DELETE CASCADE,
        path       TEXT NOT NULL,
        size       INTEGER NOT NULL,
        mtime_ns   INTEGER NOT NULL,
        article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        PRIMARY KEY (watch_id, path)
    );
    """,
    # 5: stories (issue 13): articles about one event grouped across outlets. `story_articles` holds each
    # grouped article's salient terms and shingle sketch (what grouping compares) and, for a near-duplicate
    # (the same text from another source), the article it repeats. A trigger keeps each story's size; a
    # story whose last article is deleted goes too.
    """
    CREATE TABLE stories (
        id      INTEGER PRIMARY KEY,
        title   TEXT NOT NULL DEFAULT '',
        first   TEXT NOT NULL DEFAULT '',
        last    TEXT NOT NULL DEFAULT '',
        size    INTEGER NOT NULL DEFAULT 0,
        terms   TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX stories_last ON stories (last DESC, id DESC);
    CREATE TABLE story_articles (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id   INTEGER NOT NULL,
        day        TEXT NOT NULL,
        terms      TEXT NOT NULL DEFAULT '{}',
        sketch     TEXT NOT NULL DEFAULT '[]',
        dup_of     INTEGER
    );
    CREATE INDEX story_articles_story ON story_articles (story_id, day);
    CREATE INDEX story_articles_dup ON story_articles (dup_of) WHERE dup_of IS NOT NULL;
    CREATE TRIGGER story_articles_ad AFTER DELETE ON story_articles BEGIN
        UPDATE stories SET size = size - 1 WHERE id = old.story_id;
        DELETE FROM stories WHERE id = old.story_id AND size <= 0;
        UPDATE story_articles SET dup_of = NULL WHERE dup_of = old.article_id;
    END;
    """,
    # 6: search finds what people type (issue 10): letters the tokenizer leaves alone are folded (ł -> l,
    # fold.py), tags, source and byline are searchable (column `meta`; tags as stored, JSON punctuation is
    # a word break to the tokenizer, and non-ASCII tags are stored unescaped from now on), and the index is
    # rebuilt for the articles already there. The index reads its text from the view `articles_search` (the triggers too:
    # BEFORE a row changes its old text is removed, AFTER it its new text is added), so 'rebuild', FTS5's
    # own checks and the triggers all see one definition of the indexed text.
    # Undated articles sort by when they were added (the full time, not the day), not as if new today.
    # Safe to run again (a test that steps a library back to an earlier version re-runs it).
    f"""
    UPDATE articles SET tags = (SELECT json_group_array(value) FROM json_each(articles.tags))
        WHERE tags LIKE '%\\u%' AND json_valid(tags);
    DROP TRIGGER IF EXISTS articles_ai;
    DROP TRIGGER IF EXISTS articles_ad;
    DROP TRIGGER IF EXISTS articles_au;
    DROP TRIGGER IF EXISTS articles_bd;
    DROP TRIGGER IF EXISTS articles_bu;
    DROP TABLE IF EXISTS articles_fts;
    DROP VIEW IF EXISTS articles_search;
    CREATE VIEW articles_search (id, title, body, meta) AS
        SELECT id, {_folded(_INDEXED)} FROM articles;
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, body, meta, content='articles_search', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2', prefix='2 3'
    );
    CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body, meta) SELECT id, title, body, meta FROM articles_search WHERE id = new.id;
    END;
    CREATE TRIGGER articles_bd BEFORE DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, meta)
            SELECT 'delete', id, title, body, meta FROM articles_search WHERE id = old.id;
    END;
    CREATE TRIGGER articles_bu BEFORE UPDATE OF title, body, tags, source, byline ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, meta)
            SELECT 'delete', id, title, body, meta FROM articles_search WHERE id = old.id;
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body, tags, source, byline ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body, meta) SELECT id, title, body, meta FROM articles_search WHERE id = new.id;
    END;
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    UPDATE articles SET sort_key = added_at WHERE coalesce(published, '') = '' AND sort_key <> added_at;
    """,
    # 7: reader basics (issue 10; tui/store/reader.py): the unread count kept by triggers; partial indexes
    # for the unread and starred views and indexes for sorting by title, source and length, so each view
    # pages like the whole list; reading positions; each article's tags in their own table (filter by tag).
    # Safe to run again.
    """
    INSERT OR REPLACE INTO counts (name, value) SELECT 'unread', count(*) FROM articles WHERE read = 0;
    CREATE TRIGGER IF NOT EXISTS articles_unread_ai AFTER INSERT ON articles WHEN new.read = 0 BEGIN
        UPDATE counts SET value = value + 1 WHERE name = 'unread';
    END;
    CREATE TRIGGER IF NOT EXISTS articles_unread_ad AFTER DELETE ON articles WHEN old.read = 0 BEGIN
        UPDATE counts SET value = value - 1 WHERE name = 'unread';
    END;
    CREATE TRIGGER IF NOT EXISTS articles_unread_au AFTER UPDATE OF read ON articles WHEN (old.read = 0) <> (new.read = 0) BEGIN
        UPDATE counts SET value = value + (CASE WHEN new.read = 0 THEN 1 ELSE -1 END) WHERE name = 'unread';
    END;
    CREATE INDEX IF NOT EXISTS articles_unread ON articles (sort_key DESC, id DESC) WHERE read = 0;
    CREATE INDEX IF NOT EXISTS articles_starred ON articles (sort_key DESC, id DESC) WHERE starred = 1;
    CREATE INDEX IF NOT EXISTS articles_by_title ON articles (title COLLATE NOCASE, id);
    CREATE INDEX IF NOT EXISTS articles_by_source ON articles (source COLLATE NOCASE, sort_key DESC, id DESC);
    CREATE INDEX IF NOT EXISTS articles_by_length ON articles (words DESC, id DESC);
    CREATE TABLE IF NOT EXISTS positions (
        article_id INTEGER PRIMARY KEY,
        line       INTEGER NOT NULL,
        at         TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS article_tags (
        tag        TEXT NOT NULL COLLATE NOCASE,
        article_id INTEGER NOT NULL,
        PRIMARY KEY (tag, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX IF NOT EXISTS article_tags_article ON article_tags (article_id);
    INSERT OR IGNORE INTO article_tags (tag, article_id)
        SELECT trim(j.value), a.id FROM articles a, json_each(a.tags) j
        WHERE json_valid(a.tags) AND j.type = 'text' AND trim(j.value) <> '';
    CREATE TRIGGER IF NOT EXISTS articles_tags_ai AFTER INSERT ON articles WHEN json_valid(new.tags) BEGIN
        INSERT OR IGNORE INTO article_tags (tag, article_id)
            SELECT trim(value), new.id FROM json_each(new.tags) WHERE type = 'text' AND trim(value) <> '';
    END;
    CREATE TRIGGER IF NOT EXISTS articles_tags_au AFTER UPDATE OF tags ON articles BEGIN
        DELETE FROM article_tags WHERE article_id = new.id;
        INSERT OR IGNORE INTO article_tags (tag, article_id)
            SELECT trim(value), new.id FROM json_each(CASE WHEN json_valid(new.tags) THEN new.tags ELSE '[]' END)
            WHERE type = 'text' AND trim(value) <> '';
    END;
    CREATE TRIGGER IF NOT EXISTS articles_reader_ad AFTER DELETE ON articles BEGIN
        DELETE FROM article_tags WHERE article_id = old.id;
        DELETE FROM positions WHERE article_id = old.id;
    END;
    """,
    # 8: the stories list's order as an index (issue 13), so its pages are index seeks from a
    # neighbouring page or either end (the list used OFFSET and a temporary sort on size).
    """
    CREATE INDEX IF NOT EXISTS stories_order ON stories (last DESC, size DESC, id DESC);
    """,
    # 9: an article whose text, title or date changes in place (a feed's update) leaves its story, so the
    # next grouping places it again by what it says now (its story goes when it was the only article).
    """
    CREATE TRIGGER IF NOT EXISTS articles_story_au AFTER UPDATE OF title, body, published ON articles
    WHEN old.body IS NOT new.body OR old.title IS NOT new.title OR old.published IS NOT new.published BEGIN
        DELETE FROM story_articles WHERE article_id = new.id;
    END;
    """,
    # 10: import speed (issue 11): the index's view folds a row's text only when the row says it holds a letter
    # to fold (`folds`, set by insert_article/update_article in Python; 1, the default, for rows written by
    # any other program, which are folded by SQL as before). 25 nested replace() over every body cost ~0.25 ms
    # an article. Rows already indexed keep folds = 1, so the view gives them the text they were indexed
    # with: no rebuild. The update triggers also fire when `folds` alone changes, so the index follows it.
    # Safe to run again (the ALTER's "duplicate column" is taken as done, see Library._migrate).
    f"""
    ALTER TABLE articles ADD COLUMN folds INTEGER NOT NULL DEFAULT 1;
    DROP VIEW IF EXISTS articles_search;
    CREATE VIEW articles_search (id, title, body, meta) AS
        SELECT id, {_folded_if_needed(_INDEXED)} FROM articles;
    DROP TRIGGER IF EXISTS articles_bu;
    DROP TRIGGER IF EXISTS articles_au;
    CREATE TRIGGER articles_bu BEFORE UPDATE OF title, body, tags, source, byline, folds ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, meta)
            SELECT 'delete', id, title, body, meta FROM articles_search WHERE id = old.id;
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body, tags, source, byline, folds ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, body, meta) SELECT id, title, body, meta FROM articles_search WHERE id = new.id;
    END;
    """,
    # 11: each story's list figures kept by triggers (issue 13), so a page of the stories list reads ~100 rows,
    # not every member article (the 100,000-article bench library: 100 stories of 1,000 articles, 1.4-9 s a page).
    # story_stats: members (articles), unread and outlets (distinct non-empty sources) of each story; story_sources: how
    # many of a story's articles each source has. Each membership row keeps its article's source and unread flag,
    # so a membership removed with its article (cascade) still knows what to take away. Both tables are keyed by
    # story id only (not the stories row), so INSERT OR REPLACE / renumbering of `stories` cannot lose them.
    # Safe to run again (figures recounted from the rows; the triggers are dropped and made again).
    """
    ALTER TABLE story_articles ADD COLUMN source TEXT NOT NULL DEFAULT '';
    ALTER TABLE story_articles ADD COLUMN unread INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE IF NOT EXISTS story_stats (
        story_id INTEGER PRIMARY KEY,
        members  INTEGER NOT NULL DEFAULT 0,
        unread   INTEGER NOT NULL DEFAULT 0,
        outlets  INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS story_sources (
        story_id INTEGER NOT NULL,
        source   TEXT NOT NULL,
        n        INTEGER NOT NULL,
        PRIMARY KEY (story_id, source)
    ) WITHOUT ROWID;
    DROP TRIGGER IF EXISTS story_articles_stats_ai;
    DROP TRIGGER IF EXISTS story_articles_stats_ad;
    DROP TRIGGER IF EXISTS story_articles_stats_au;
    DROP TRIGGER IF EXISTS articles_story_read_au;
    DROP TRIGGER IF EXISTS articles_story_source_au;
    UPDATE story_articles SET source = coalesce((SELECT a.source FROM articles a WHERE a.id = article_id), ''),
        unread = coalesce((SELECT a.read = 0 FROM articles a WHERE a.id = article_id), 0);
    DELETE FROM story_sources;
    DELETE FROM story_stats;
    INSERT INTO story_sources (story_id, source, n)
        SELECT story_id, source, count(*) FROM story_articles WHERE source <> '' GROUP BY story_id, source;
    INSERT INTO story_stats (story_id, members, unread, outlets)
        SELECT story_id, count(*), sum(unread), (SELECT count(*) FROM story_sources x WHERE x.story_id = s.story_id)
        FROM story_articles s GROUP BY story_id;
    CREATE TRIGGER story_articles_stats_ai AFTER INSERT ON story_articles BEGIN
        UPDATE story_articles SET source = coalesce((SELECT a.source FROM articles a WHERE a.id = new.article_id), ''),
            unread = coalesce((SELECT a.read = 0 FROM articles a WHERE a.id = new.article_id), 0)
            WHERE article_id = new.article_id;
        INSERT INTO story_stats (story_id, members, unread)
            SELECT new.story_id, 1, unread FROM story_articles WHERE article_id = new.article_id
            ON CONFLICT (story_id) DO UPDATE SET members = members + 1, unread = unread + excluded.unread;
        INSERT INTO story_sources (story_id, source, n)
            SELECT new.story_id, source, 1 FROM story_articles WHERE article_id = new.article_id AND source <> ''
            ON CONFLICT (story_id, source) DO UPDATE SET n = n + 1;
        UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources WHERE story_id = new.story_id)
            WHERE story_id = new.story_id;
    END;
    CREATE TRIGGER story_articles_stats_ad AFTER DELETE ON story_articles BEGIN
        UPDATE story_sources SET n = n - 1 WHERE story_id = old.story_id AND source = old.source;
        DELETE FROM story_sources WHERE story_id = old.story_id AND source = old.source AND n <= 0;
        UPDATE story_stats SET members = members - 1, unread = unread - old.unread,
            outlets = (SELECT count(*) FROM story_sources WHERE story_id = old.story_id) WHERE story_id = old.story_id;
        DELETE FROM story_stats WHERE story_id = old.story_id AND members <= 0;
    END;
    CREATE TRIGGER story_articles_stats_au AFTER UPDATE OF story_id ON story_articles
    WHEN old.story_id IS NOT new.story_id BEGIN
        UPDATE story_sources SET n = n - 1 WHERE story_id = old.story_id AND source = old.source;
        DELETE FROM story_sources WHERE story_id = old.story_id AND source = old.source AND n <= 0;
        UPDATE story_stats SET members = members - 1, unread = unread - old.unread,
            outlets = (SELECT count(*) FROM story_sources WHERE story_id = old.story_id) WHERE story_id = old.story_id;
        DELETE FROM story_stats WHERE story_id = old.story_id AND members <= 0;
        INSERT INTO story_stats (story_id, members, unread) SELECT new.story_id, 1, new.unread WHERE 1
            ON CONFLICT (story_id) DO UPDATE SET members = members + 1, unread = unread + excluded.unread;
        INSERT INTO story_sources (story_id, source, n) SELECT new.story_id, new.source, 1 WHERE new.source <> ''
            ON CONFLICT (story_id, source) DO UPDATE SET n = n + 1;
        UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources WHERE story_id = new.story_id)
            WHERE story_id = new.story_id;
    END;
    CREATE TRIGGER articles_story_read_au AFTER UPDATE OF read ON articles WHEN (old.read = 0) <> (new.read = 0) BEGIN
        UPDATE story_stats SET unread = unread + (CASE WHEN new.read = 0 THEN 1 ELSE -1 END)
            WHERE story_id = (SELECT story_id FROM story_articles WHERE article_id = new.id AND unread <> (new.read = 0));
        UPDATE story_articles SET unread = (new.read = 0) WHERE article_id = new.id AND unread <> (new.read = 0);
    END;
    CREATE TRIGGER articles_story_source_au AFTER UPDATE OF source ON articles WHEN old.source IS NOT new.source BEGIN
        UPDATE story_sources SET n = n - 1
            WHERE (story_id, source) = (SELECT story_id, source FROM story_articles WHERE article_id = new.id);
        DELETE FROM story_sources WHERE n <= 0
            AND (story_id, source) = (SELECT story_id, source FROM story_articles WHERE article_id = new.id);
        UPDATE story_articles SET source = new.source WHERE article_id = new.id;
        INSERT INTO story_sources (story_id, source, n)
            SELECT story_id, source, 1 FROM story_articles WHERE article_id = new.id AND source <> ''
            ON CONFLICT (story_id, source) DO UPDATE SET n = n + 1;
        UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources x WHERE x.story_id = story_stats.story_id)
            WHERE story_id = (SELECT story_id FROM story_articles WHERE article_id = new.id);
    END;
    """,
    # 12: the same article twice (issue 13): an article grouping finds to be the same text as an earlier one
    # (story_articles.dup_of, shingles >= 90%) from another outlet (both sources given and different, any case;
    # one outlet's near-identical items stay rows of their own) gets `twin_of` = that earlier article, and the library list shows
    # only rows whose twin_of is NULL (partial index `articles_shown`, the list's order), the shown row naming
    # every outlet. Kept by triggers: set when the membership is stored; when the shown article leaves its story
    # or is deleted, its oldest twin is shown instead (the others become its twins); marking the shown row
    # read or unread marks its twins too. counts 'shown' and 'unread' count shown rows only (the list's length
    # and its unread number); 'articles' still counts every stored record. Safe to run again.
    """
    ALTER TABLE articles ADD COLUMN twin_of INTEGER;
    CREATE INDEX IF NOT EXISTS articles_shown ON articles (sort_key DESC, id DESC) WHERE twin_of IS NULL;
    CREATE INDEX IF NOT EXISTS articles_twins ON articles (twin_of) WHERE twin_of IS NOT NULL;
    DROP TRIGGER IF EXISTS articles_unread_ai;
    DROP TRIGGER IF EXISTS articles_unread_ad;
    DROP TRIGGER IF EXISTS articles_unread_au;
    DROP TRIGGER IF EXISTS articles_twin_ai;
    DROP TRIGGER IF EXISTS articles_twin_ad;
    DROP TRIGGER IF EXISTS articles_twin_au;
    DROP TRIGGER IF EXISTS articles_twin_read_au;
    DROP TRIGGER IF EXISTS story_articles_twin_ai;
    DROP TRIGGER IF EXISTS story_articles_twin_ad;
    UPDATE articles SET twin_of = NULL WHERE twin_of IS NOT NULL;
    UPDATE articles SET twin_of = (SELECT s.dup_of FROM story_articles s WHERE s.article_id = articles.id)
        WHERE id IN (SELECT s.article_id FROM story_articles s JOIN articles h ON h.id = s.dup_of
                     JOIN articles me ON me.id = s.article_id
                     WHERE h.source <> '' AND me.source <> '' AND lower(h.source) <> lower(me.source));
    INSERT OR REPLACE INTO counts (name, value) SELECT 'shown', count(*) FROM articles WHERE twin_of IS NULL;
    INSERT OR REPLACE INTO counts (name, value) SELECT 'unread', count(*) FROM articles WHERE read = 0 AND twin_of IS NULL;
    CREATE TRIGGER articles_unread_ai AFTER INSERT ON articles WHEN new.read = 0 AND new.twin_of IS NULL BEGIN
        UPDATE counts SET value = value + 1 WHERE name = 'unread';
    END;
    CREATE TRIGGER articles_unread_ad AFTER DELETE ON articles WHEN old.read = 0 AND old.twin_of IS NULL BEGIN
        UPDATE counts SET value = value - 1 WHERE name = 'unread';
    END;
    CREATE TRIGGER articles_unread_au AFTER UPDATE OF read ON articles
    WHEN (old.read = 0) <> (new.read = 0) AND new.twin_of IS NULL AND old.twin_of IS NULL BEGIN
        UPDATE counts SET value = value + (CASE WHEN new.read = 0 THEN 1 ELSE -1 END) WHERE name = 'unread';
    END;
    CREATE TRIGGER articles_twin_ai AFTER INSERT ON articles BEGIN
        UPDATE counts SET value = value + 1 WHERE name = 'shown' AND new.twin_of IS NULL;
        UPDATE articles SET twin_of = NULL WHERE id = new.id AND new.twin_of IS NOT NULL;
    END;
    CREATE TRIGGER articles_twin_ad AFTER DELETE ON articles WHEN old.twin_of IS NULL BEGIN
        UPDATE counts SET value = value - 1 WHERE name = 'shown';
    END;
    CREATE TRIGGER articles_twin_au AFTER UPDATE OF twin_of ON articles
    WHEN (old.twin_of IS NULL) <> (new.twin_of IS NULL) BEGIN
        UPDATE counts SET value = value + (CASE WHEN new.twin_of IS NULL THEN 1 ELSE -1 END) WHERE name = 'shown';
        UPDATE counts SET value = value + (CASE WHEN new.twin_of IS NULL THEN 1 ELSE -1 END)
            WHERE name = 'unread' AND new.read = 0;
    END;
    CREATE TRIGGER articles_twin_read_au AFTER UPDATE OF read ON articles
    WHEN new.twin_of IS NULL AND old.read IS NOT new.read BEGIN
        UPDATE articles SET read = new.read WHERE twin_of = new.id AND read IS NOT new.read;
    END;
    CREATE TRIGGER story_articles_twin_ai AFTER INSERT ON story_articles WHEN new.dup_of IS NOT NULL
        AND EXISTS (SELECT 1 FROM articles h, articles me WHERE h.id = new.dup_of AND me.id = new.article_id
                    AND h.source <> '' AND me.source <> '' AND lower(h.source) <> lower(me.source)) BEGIN
        UPDATE articles SET twin_of = new.dup_of WHERE twin_of = new.article_id;
        UPDATE articles SET twin_of = new.dup_of WHERE id = new.article_id AND twin_of IS NOT new.dup_of;
    END;
    CREATE TRIGGER story_articles_twin_ad AFTER DELETE ON story_articles BEGIN
        UPDATE articles SET twin_of = NULL WHERE id = old.article_id AND twin_of IS NOT NULL;
        UPDATE articles SET twin_of = (SELECT min(t.id) FROM articles t WHERE t.twin_of = old.article_id)
            WHERE twin_of = old.article_id AND id > (SELECT min(t.id) FROM articles t WHERE t.twin_of = old.article_id);
        UPDATE articles SET twin_of = NULL WHERE twin_of = old.article_id;
    END;
    """,
    # 13: a view's unread count (search, entity, feed: `reader.unread_count(lib, ids)`) reads the unread rows'
    # ids from this index: read = 0 AND id IN (...) is one lookup per id in a small index, where it read
    # each row's `read` column, which sits after `body`, walking the body's overflow pages (118 ms cold
    # at 100,000 articles, on the UI thread). `read` is a column of the index too: SQLite (3.40) does not count
    # the partial index's WHERE column as covered and would read each row again. Safe to run again.
    """
    CREATE INDEX IF NOT EXISTS articles_unread_ids ON articles (id, read) WHERE read = 0;
    """,
    # 14: the same article twice, what session 4 left (issue 13). (a) When the article that other copies repeat
    # leaves its story (deleted, changed in place), the oldest remaining copy becomes the one the others repeat
    # (story_articles.dup_of), as articles.twin_of already did: the story view showed every remaining copy as a
    # row until the next regroup. (b) The star follows the text as the read mark does: starring or unstarring the
    # shown row or any copy (the story view opens each record) sets every copy; a read mark on a copy marks the row
    # too; a copy joining a starred row, or starred before it joins, makes them all starred. Safe to run again.
    """
    DROP TRIGGER IF EXISTS story_articles_ad;
    CREATE TRIGGER story_articles_ad AFTER DELETE ON story_articles BEGIN
        UPDATE stories SET size = size - 1 WHERE id = old.story_id;
        DELETE FROM stories WHERE id = old.story_id AND size <= 0;
        UPDATE story_articles SET dup_of = (SELECT min(d.article_id) FROM story_articles d WHERE d.dup_of = old.article_id)
            WHERE dup_of = old.article_id
            AND article_id > (SELECT min(d.article_id) FROM story_articles d WHERE d.dup_of = old.article_id);
        UPDATE story_articles SET dup_of = NULL WHERE dup_of = old.article_id;
    END;
    DROP TRIGGER IF EXISTS articles_twin_star_au;
    DROP TRIGGER IF EXISTS articles_twin_copy_au;
    DROP TRIGGER IF EXISTS articles_twin_read_copy_au;
    DROP TRIGGER IF EXISTS articles_twin_join_au;
    CREATE TRIGGER articles_twin_star_au AFTER UPDATE OF starred ON articles
    WHEN new.twin_of IS NULL AND old.starred IS NOT new.starred BEGIN
        UPDATE articles SET starred = new.starred WHERE twin_of = new.id AND starred IS NOT new.starred;
    END;
    CREATE TRIGGER articles_twin_copy_au AFTER UPDATE OF starred ON articles
    WHEN new.twin_of IS NOT NULL AND old.starred IS NOT new.starred BEGIN
        UPDATE articles SET starred = new.starred WHERE id = new.twin_of AND starred IS NOT new.starred;
        UPDATE articles SET starred = new.starred WHERE twin_of = new.twin_of AND starred IS NOT new.starred;
    END;
    CREATE TRIGGER articles_twin_read_copy_au AFTER UPDATE OF read ON articles
    WHEN new.twin_of IS NOT NULL AND old.read IS NOT new.read BEGIN
        UPDATE articles SET read = new.read WHERE id = new.twin_of AND read IS NOT new.read;
        UPDATE articles SET read = new.read WHERE twin_of = new.twin_of AND read IS NOT new.read;
    END;
    CREATE TRIGGER articles_twin_join_au AFTER UPDATE OF twin_of ON articles
    WHEN new.twin_of IS NOT NULL AND old.twin_of IS NOT new.twin_of BEGIN
        UPDATE articles SET starred = 1 WHERE new.starred = 1 AND starred = 0 AND (id = new.twin_of OR twin_of = new.twin_of);
        UPDATE articles SET starred = 1 WHERE id = new.id AND starred = 0
            AND (SELECT h.starred FROM articles h WHERE h.id = new.twin_of) = 1;
    END;
    """,
    # 15: stable story ids (issue 13): an article updated in place that was its story's only article leaves
    # the story's id in `story_left` (the story itself goes, as before), and grouping gives the id back when
    # the article opens a story of its own again (tui/store/story_left.py); the row goes once the article is
    # grouped again, or with the article. Only a one-article story's id is kept: a story that still has other
    # articles keeps its id itself. Safe to run again.
    """
    CREATE TABLE IF NOT EXISTS story_left (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        story_id   INTEGER NOT NULL
    );
    DROP TRIGGER IF EXISTS articles_story_au;
    CREATE TRIGGER articles_story_au AFTER UPDATE OF title, body, published ON articles
    WHEN old.body IS NOT new.body OR old.title IS NOT new.title OR old.published IS NOT new.published BEGIN
        INSERT OR REPLACE INTO story_left (article_id, story_id)
            SELECT m.article_id, m.story_id FROM story_articles m WHERE m.article_id = new.id
            AND NOT EXISTS (SELECT 1 FROM story_articles o WHERE o.story_id = m.story_id AND o.article_id <> m.article_id);
        DELETE FROM story_articles WHERE article_id = new.id;
    END;
    DROP TRIGGER IF EXISTS story_left_ai;
    CREATE TRIGGER story_left_ai AFTER INSERT ON story_articles BEGIN
        DELETE FROM story_left WHERE article_id = new.article_id;
    END;
    """,
    # 16: import and refresh speed (issues 11, 13): a writer storing many articles in one transaction indexes them
    # for search in ONE statement at its end (tui/store/fts_batch.py) instead of one index insert per row from the
    # trigger. SQLite 3.40's FTS5 writes its pending terms out as a new segment at every statement savepoint once
    # it holds any, so a per-row trigger made a tiny segment per article, all merged again later: half of the
    # store's CPU (3,000 text files: 0.76 -> 0.37-0.45 ms an article). While the batch is open (`fts_batch` has
    # its one row, which the writer removes before COMMIT, so no other connection ever sees it) a new article's
    # id goes to `fts_later`; the writer then indexes those ids from `articles_search` (the one definition of the
    # indexed text, as before) and empties the table. An update or delete of an article still waiting there
    # leaves the index alone (it is indexed with its final text at the batch's end, or not at all). Rows written
    # by any other program, or outside a batch, are indexed by the triggers as before. Safe to run again.
    """
    CREATE TABLE IF NOT EXISTS fts_batch (open INTEGER PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS fts_later (id INTEGER PRIMARY KEY);
    DROP TRIGGER IF EXISTS articles_ai;
    DROP TRIGGER IF EXISTS articles_later_ai;
    DROP TRIGGER IF EXISTS articles_bd;
    DROP TRIGGER IF EXISTS articles_bu;
    DROP TRIGGER IF EXISTS articles_au;
    CREATE TRIGGER articles_ai AFTER INSERT ON articles WHEN NOT EXISTS (SELECT 1 FROM fts_batch) BEGIN
        INSERT INTO articles_fts (rowid, title, body, meta) SELECT id, title, body, meta FROM articles_search WHERE id = new.id;
    END;
    CREATE TRIGGER articles_later_ai AFTER INSERT ON articles WHEN EXISTS (SELECT 1 FROM fts_batch) BEGIN
        INSERT OR IGNORE INTO fts_later (id) VALUES (new.id);
    END;
    CREATE TRIGGER articles_bd BEFORE DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, meta)
            SELECT 'delete', id, title, body, meta FROM articles_search
            WHERE id = old.id AND NOT EXISTS (SELECT 1 FROM fts_later WHERE id = old.id);
        DELETE FROM fts_later WHERE id = old.id;
    END;
    CREATE TRIGGER articles_bu BEFORE UPDATE OF title, body, tags, source, byline, folds ON articles
    WHEN NOT EXISTS (SELECT 1 FROM fts_later WHERE id = old.id) BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, body, meta)
            SELECT 'delete', id, title, body, meta FROM articles_search WHERE id = old.id;
    END;
    CREATE TRIGGER articles_au AFTER UPDATE OF title, body, tags, source, byline, folds ON articles
    WHEN NOT EXISTS (SELECT 1 FROM fts_later WHERE id = new.id) BEGIN
        INSERT INTO articles_fts (rowid, title, body, meta) SELECT id, title, body, meta FROM articles_search WHERE id = new.id;
    END;
    """,
    # 17: each article's grouping features stored once (issue 13; tui/store/story_features.py): its salient terms
    # and shingle sketch as `tui.stories.features` encodes them, stamped with the version of the code that computed
    # them. Written when the article is first grouped; a rebuild reads them instead of every body (the 100,000-
    # article regroup spent most of its CPU recomputing them). A change of the article's title or body drops its
    # row (computed again at its next grouping). Safe to run again.
    """
    CREATE TABLE IF NOT EXISTS story_features (
        article_id INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
        version    INTEGER NOT NULL,
        words      TEXT NOT NULL,
        weights    BLOB NOT NULL,
        sketch     BLOB NOT NULL
    );
    DROP TRIGGER IF EXISTS articles_features_au;
    CREATE TRIGGER articles_features_au AFTER UPDATE OF title, body ON articles BEGIN
        DELETE FROM story_features WHERE article_id = new.id;
    END;
    """,
    # 18: grouping's store cost (issue 13): a new membership reads its article's unread flag from the unread ids'
    # index (migration 13) instead of the article row, whose `read` column sits after the body: every grouped
    # article read its body's overflow pages (100,000 rows: 1.65 s CPU, 7 s wall at load 10 -> 0.15 / 0.4 s).
    # Same values (1 when the article exists and is unread, else 0). Safe to run again.
    """
    DROP TRIGGER IF EXISTS story_articles_stats_ai;
    CREATE TRIGGER story_articles_stats_ai AFTER INSERT ON story_articles BEGIN
        UPDATE story_articles SET source = coalesce((SELECT a.source FROM articles a WHERE a.id = new.article_id), ''),
            unread = EXISTS (SELECT 1 FROM articles a INDEXED BY articles_unread_ids WHERE a.id = new.article_id AND a.read = 0)
            WHERE article_id = new.article_id;
        INSERT INTO story_stats (story_id, members, unread)
            SELECT new.story_id, 1, unread FROM story_articles WHERE article_id = new.article_id
            ON CONFLICT (story_id) DO UPDATE SET members = members + 1, unread = unread + excluded.unread;
        INSERT INTO story_sources (story_id, source, n)
            SELECT new.story_id, source, 1 FROM story_articles WHERE article_id = new.article_id AND source <> ''
            ON CONFLICT (story_id, source) DO UPDATE SET n = n + 1;
        UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources WHERE story_id = new.story_id)
            WHERE story_id = new.story_id;
    END;
    """,
    # 19: a story's unread figure counts rows, as the library does (issue 13): a copy of a text from another outlet
    # (articles.twin_of; its membership's dup_of) is not a row of its own. The stored figure (story_stats.unread)
    # still counts records; a page of the stories list takes away its stories' unread copies, found through this
    # index of the unread memberships that repeat another article (few), never through a story's members.
    """
    CREATE INDEX IF NOT EXISTS story_articles_unread_copies ON story_articles (story_id)
        WHERE dup_of IS NOT NULL AND unread = 1;
    """,
    # 20: every article a watched file became (issue 11): a feed file or a JSON export holds several, and
    # watched_files.article_id keeps the first only, so a folder's counts and its filter (F) showed one article of
    # such a file. Filled from watched_files here (the first article of each file; a file's others are known when
    # it is next read, i.e. when it changes: reading it again now would bring back what the reader deleted).
    # watched_files.article_id stays what it was (a one-article file's article, updated in place). Safe to run
    # again.
    """
    CREATE TABLE IF NOT EXISTS watched_articles (
        watch_id   INTEGER NOT NULL REFERENCES watched (id) ON DELETE CASCADE,
        path       TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (watch_id, path, article_id)
    );
    CREATE INDEX IF NOT EXISTS watched_articles_article ON watched_articles (article_id);
    INSERT OR IGNORE INTO watched_articles (watch_id, path, article_id)
        SELECT watch_id, path, article_id FROM watched_files WHERE article_id IS NOT NULL;
    """,
    # 21: feed items and watched files that an undone delete left unlinked (issue 11). Before session 17's fix, undo
    # (z) put the article back but not its feed item's or watched file's link to it (ON DELETE SET NULL had cleared
    # it): the feed counted one article less for good, its filter left the article out, and a changed one-article
    # file was added as a new article instead of updating it. A feed item with no article whose link is the URL of an
    # article that no feed item claims, stored when the item was last seen or before, points at it again (a deleted
    # article's item stays unlinked: no article has its link, or the one that has it came later or is another item's).
    # A watched file with no article that holds exactly one article (watched_articles, put back by that undo) points
    # at it again. The articles are scanned only when some item is unlinked (once). Safe to run again.
    """
    DROP TABLE IF EXISTS temp.relink_links;
    DROP TABLE IF EXISTS temp.relink_found;
    CREATE TEMP TABLE relink_links AS
        SELECT DISTINCT link FROM feed_items WHERE article_id IS NULL AND link IS NOT NULL AND link <> '';
    CREATE TEMP TABLE relink_found AS
        SELECT a.id AS article, a.url AS link, a.added_at AS added
        FROM (SELECT 1 WHERE EXISTS (SELECT 1 FROM temp.relink_links)) AS any_unlinked CROSS JOIN articles a
        WHERE a.url IN (SELECT link FROM temp.relink_links)
        AND NOT EXISTS (SELECT 1 FROM feed_items o WHERE o.article_id = a.id);
    UPDATE feed_items SET article_id = (SELECT min(f.article) FROM temp.relink_found f
                                        WHERE f.link = feed_items.link AND f.added <= feed_items.seen_at)
        WHERE article_id IS NULL AND link IN (SELECT link FROM temp.relink_found);
    UPDATE watched_files SET article_id = (SELECT w.article_id FROM watched_articles w
                                           WHERE w.watch_id = watched_files.watch_id AND w.path = watched_files.path)
        WHERE article_id IS NULL AND (SELECT count(*) FROM watched_articles w
                                      WHERE w.watch_id = watched_files.watch_id AND w.path = watched_files.path) = 1;
    DROP TABLE temp.relink_links;
    DROP TABLE temp.relink_found;
    """,
    # 22: a generation number of the stories (issue 13, grouping one article at a time): the counts row
    # 'story_gen' goes up whenever the stories change. The store's own writes of story rows raise it once per
    # transaction (tui/store/stories.py: save_groups, clear, renumber: groupers, merges, splits, windowed regroups,
    # rebuilds, in any process); this trigger raises it when a story's size changes otherwise, i.e. when the triggers of
    # an article deleted or changed in place take it out of its story (a story left empty is deleted right after its
    # size went down). A grouper that keeps the stories it loaded between calls (tui/stories/warm.py) trusts them only
    # while the number is the one it last saw. It starts at a random number (a library made anew at the same path does
    # not look the same). Not a trigger per story row written: on 300,000 story rows written that cost ~8 s of CPU (at
    # load 14), a rebuild's writes; the bulk paths of story_articles (tui/store/story_bulk.py) are not touched. Safe to
    # run again.
    """
    INSERT OR IGNORE INTO counts (name, value) VALUES ('story_gen', abs(random() % 1000000000000));
    CREATE TRIGGER IF NOT EXISTS stories_gen_au AFTER UPDATE OF size ON stories WHEN new.size IS NOT old.size BEGIN
        UPDATE counts SET value = value + 1 WHERE name = 'story_gen';
    END;
    """,
    # 23: how many articles are grouped, kept as they are grouped (issue 13, one article at a time): the counts row
    # 'grouped' is the number of story_articles rows, one up for each row inserted and one down for each row deleted
    # (by anyone: a grouper, a window's regroup, an article deleted or changed in place, an undo putting a membership
    # back). `ungrouped_count` (articles less grouped, what every grouping call asks first) read count(*) of
    # story_articles: a walk of its smallest index, ~1.2 ms of CPU per call at 100,000 articles; now two rows of
    # counts. The bulk paths of story_articles (tui/store/story_bulk.py) set these two triggers aside with the
    # others and add up the rows themselves. Safe to run again.
    """
    DROP TRIGGER IF EXISTS story_articles_grouped_ai;
    DROP TRIGGER IF EXISTS story_articles_grouped_ad;
    INSERT OR REPLACE INTO counts (name, value) SELECT 'grouped', count(*) FROM story_articles;
    CREATE TRIGGER story_articles_grouped_ai AFTER INSERT ON story_articles BEGIN
        UPDATE counts SET value = value + 1 WHERE name = 'grouped';
    END;
    CREATE TRIGGER story_articles_grouped_ad AFTER DELETE ON story_articles BEGIN
        UPDATE counts SET value = value - 1 WHERE name = 'grouped';
    END;
    """,
    # 24: search finds a word's other forms (issue 13): "ferry" finds "ferries", "elect" finds "elected". The index's
    # tokenizer stems each word (FTS5's `porter`, wrapping the same `unicode61 remove_diacritics 2`); what is typed
    # is stemmed by the same tokenizer when FTS5 reads the query. The index is made again from the same view, in
    # the migration's one transaction: a library closed or killed half way keeps its old index and schema 23, and
    # is upgraded again at its next opening. The triggers name the table, so they index into the new one. The
    # rebuild gathers terms in a 64 MB hash instead of FTS5's 1 MB (fewer, larger segments to write and merge: on the
    # bench's 100,000 articles 52.0 -> 40.0 s CPU), then the default is set back. Safe to run again.
    f"""
    DROP TABLE IF EXISTS articles_fts;
    {SEARCH_TABLE}
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 67108864);
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 1048576);
    """,
    # 25: a search for `news` no longer finds every "new" (Porter stems both to "new"): the index's view spells the
    # words of fold.APART apart ("news" as "newss", as query.py spells what is typed), and the index is made again from
    # it (a view of the folded view `articles_folded`: the replace() calls of both in one expression overflow SQLite's
    # parser stack; Library._migrate: in batches of articles, with progress, in the migration's one transaction; a library at
    # schema 23 makes it once, here, not in 24 too). Safe to run again.
    f"""
    {SEARCH_VIEWS}
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 67108864);
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 1048576);
    """,
    # 26: a library upgraded by 24 or 25 before they merged their index (session 23) kept it in the large segments of
    # the rebuild's flushes, in merges FTS5's automerge had started and then worked through on every later write (at
    # 100,000 articles an article added cost 8.2 ms of CPU against 0.4 ms merged). Merged into one segment here, with
    # the upgrade's first line and the time it took, only when automerge has a large share of the index still to merge
    # (Library._merge_index); an index made again by 24/25 in this same upgrade (merged already), or grown article by
    # article, is left as it is.
    MERGE_INDEX,
    # 27: a story's article count counts rows, as the library does (issue 13): a copy of a text from another outlet
    # (articles.twin_of) is one row with the text it repeats, so a story of five records, two of them one text, is "4
    # articles" in the stories list, the story view and the briefing alike (the list said 5, the view's list 4). A page
    # of the stories list takes its stories' copies away through this index of the memberships that repeat another
    # article (few), as migration 19's does for the unread ones, never through a story's members.
    """
    CREATE INDEX IF NOT EXISTS story_articles_copies ON story_articles (story_id) WHERE dup_of IS NOT NULL;
    """,
    # 28: words of other meanings that Porter's stemmer merges kept apart as "news" is from "new" (fold.APART, session
    # 24: `import` found every "important", `unit` every "United", `accord` every "according", `general` every
    # "generation"...); the view spells them apart, in one replace() a word over the text in lower case, and the index
    # is made again from it (Library._migrate: in batches, with progress; once, here, for a library 23-27 behind).
    # Safe to run again.
    f"""
    {SEARCH_VIEWS}
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 67108864);
    INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 1048576);
    """,
    # 29: why a watched folder's file became no article ("binary data", "not a feed (neither RSS, Atom nor RDF)", a
    # word list that is not prose): the feeds list counts a folder's skipped files and says why in one line (the
    # reasons were said once, in the toast of the scan that met them). NULL for a file that became articles, and for
    # files skipped before this migration (article_id NULL is no sign: a deleted article leaves it NULL too); such a
    # file is counted once it changes and is read again.
    """
    ALTER TABLE watched_files ADD COLUMN skipped TEXT;
    """,
    # 30: a watched folder's file whose text the library held already when it was read (a copy of another file, of an
    # article `add` or a feed stored): 1, its file pointing at that article, stored once. `watch list` and the feeds
    # list count a folder's files as imported, duplicates and skipped, adding up to its files (a duplicate was said
    # once, in the line of the scan that met it). 0 for files read before this migration (not known; counted as
    # imported), and for a changed file whose article was updated in place.
    """
    ALTER TABLE watched_files ADD COLUMN duplicate INTEGER NOT NULL DEFAULT 0;
    """,
    # 31: a watched folder's file that is gone (session 32): when a scan found it missing (UTC), NULL while it is there.
    # A gone file's articles stay in the library and in its folder (watched_articles), said gone in `show`, the app's
    # article header, `watch list` and the feeds list; the file was forgotten and its article left in no source,
    # silently. A file that comes back (by its name or another, the same text) is the same article, no longer gone.
    # Files forgotten before this migration are not known.
    """
    ALTER TABLE watched_files ADD COLUMN gone TEXT;
    """,
    # 32: a library written by another program that does not enforce the foreign keys (the sqlite3 shell, a script,
    # a browser of databases: SQLite's own default) keeps no row pointing at a deleted article, feed or folder.
    # `DELETE FROM articles WHERE ...` there left the articles' story memberships: `stories` kept the story's stored
    # "6 art" while `brief` and `story` counted the 3 left, and an article added later under a deleted one's id (the
    # highest) took its analysis, its mentions and its story. These triggers do what the ON DELETE clauses do, only
    # when the foreign keys are off (newsreader's own connections turn them on: SQLite does it then). The rows left so
    # by such a program before this migration go here (each table scanned once, through its article_id index). A
    # story that loses its latest article so is headed by the next latest (stories.retitle; the ORDER BY is
    # stories.LATEST_FIRST, as a test checks). Safe to run again.
    """
    DROP TRIGGER IF EXISTS articles_unkeyed_ad;
    CREATE TRIGGER articles_unkeyed_ad AFTER DELETE ON articles
    WHEN NOT (SELECT foreign_keys FROM pragma_foreign_keys) BEGIN
        UPDATE stories SET title = coalesce((SELECT a.title FROM story_articles sa JOIN articles a ON a.id = sa.article_id
            WHERE sa.story_id = stories.id AND sa.day = (SELECT max(day) FROM story_articles
                WHERE story_id = stories.id AND article_id <> old.id)
            ORDER BY substr(a.sort_key, 1, 10) DESC, coalesce(a.published, '') != '' DESC, a.sort_key DESC, a.id DESC
            LIMIT 1), title) WHERE id = (SELECT story_id FROM story_articles WHERE article_id = old.id);
        DELETE FROM analysis WHERE article_id = old.id;
        DELETE FROM mentions WHERE article_id = old.id;
        DELETE FROM story_articles WHERE article_id = old.id;
        DELETE FROM story_left WHERE article_id = old.id;
        DELETE FROM story_features WHERE article_id = old.id;
        DELETE FROM watched_articles WHERE article_id = old.id;
        UPDATE feed_items SET article_id = NULL WHERE article_id = old.id;
        UPDATE watched_files SET article_id = NULL WHERE article_id = old.id;
    END;
    DROP TRIGGER IF EXISTS feeds_unkeyed_ad;
    CREATE TRIGGER feeds_unkeyed_ad AFTER DELETE ON feeds WHEN NOT (SELECT foreign_keys FROM pragma_foreign_keys) BEGIN
        DELETE FROM feed_items WHERE feed_id = old.id;
    END;
    DROP TRIGGER IF EXISTS watched_unkeyed_ad;
    CREATE TRIGGER watched_unkeyed_ad AFTER DELETE ON watched WHEN NOT (SELECT foreign_keys FROM pragma_foreign_keys)
    BEGIN
        DELETE FROM watched_files WHERE watch_id = old.id;
        DELETE FROM watched_articles WHERE watch_id = old.id;
    END;
    DELETE FROM analysis WHERE article_id NOT IN (SELECT id FROM articles);
    DELETE FROM mentions WHERE article_id NOT IN (SELECT id FROM articles);
    DELETE FROM story_articles WHERE article_id NOT IN (SELECT id FROM articles);
    DELETE FROM story_left WHERE article_id NOT IN (SELECT id FROM articles);
    DELETE FROM story_features WHERE article_id NOT IN (SELECT id FROM articles);
    DELETE FROM watched_articles WHERE article_id NOT IN (SELECT id FROM articles)
        OR watch_id NOT IN (SELECT id FROM watched);
    DELETE FROM watched_files WHERE watch_id NOT IN (SELECT id FROM watched);
    DELETE FROM feed_items WHERE feed_id NOT IN (SELECT id FROM feeds);
    UPDATE feed_items SET article_id = NULL WHERE article_id NOT IN (SELECT id FROM articles);
    UPDATE watched_files SET article_id = NULL WHERE article_id NOT IN (SELECT id FROM articles);
    """,
    # 33: a story deleted by such a program (`DELETE FROM stories WHERE ...`, the keys off) gives its articles back to
    # grouping. Its memberships stayed (story_articles.story_id has no foreign key): its articles were in no story
    # `stories`, `brief` or the app listed, never grouped again (grouping counted them grouped), and the briefing's
    # "10 of 12" counted the story that was gone. Their memberships go (the figures and the grouped count follow
    # through their own triggers), so the next grouping puts the articles in a story again. Only when the keys are off,
    # as 32's: newsreader itself deletes a story before it moves its articles (stories._write_groups). The memberships
    # left so before this migration go here (one scan of story_articles). Safe to run again.
    """
    DROP TRIGGER IF EXISTS stories_unkeyed_ad;
    CREATE TRIGGER stories_unkeyed_ad AFTER DELETE ON stories WHEN NOT (SELECT foreign_keys FROM pragma_foreign_keys)
    BEGIN
        DELETE FROM story_articles WHERE story_id = old.id;
    END;
    DELETE FROM story_articles WHERE story_id NOT IN (SELECT id FROM stories);
    """,
    # 34: where a feed's last fetch ended after its redirects, when that is another URL than the feed's own (a
    # temporary redirect keeps the feed's URL). A feed subscribed by a redirecting URL and again by the URL it leads to
    # was two feeds sharing one document's articles; `feed add`, an OPML import and a refresh now find the first by
    # either URL and say "already subscribed as ...". NULL until the feed's next fetch.
    """
    ALTER TABLE feeds ADD COLUMN final_url TEXT;
    CREATE INDEX IF NOT EXISTS feeds_final_url ON feeds (final_url);
    """,
    # 35: a story dates an article whose sort key is a time (its feed's, or when an undated one was added) by that
    # time's day on the reader's clock, the day the library list shows it on (tui.stories.grouping._day_of, session
    # 36): it was the UTC day, so near midnight an undated article's "(no outlet, day)" and a story's "since today"
    # were not the list's. The memberships grouped before are dated so here (SQLite's 'localtime' is the clock the
    # program runs on, as Python's), and their stories' first and last days follow. Safe to run again.
    """
    UPDATE story_articles SET day = (SELECT date(a.sort_key, 'localtime') FROM articles a
            WHERE a.id = story_articles.article_id)
        WHERE article_id IN (SELECT id FROM articles WHERE length(sort_key) = 20 AND substr(sort_key, 11, 1) = 'T'
            AND date(sort_key, 'localtime') IS NOT NULL AND date(sort_key, 'localtime') <> substr(sort_key, 1, 10));
    UPDATE stories SET first = coalesce((SELECT min(day) FROM story_articles WHERE story_id = stories.id), first),
        last = coalesce((SELECT max(day) FROM story_articles WHERE story_id = stories.id), last)
        WHERE first IS NOT (SELECT min(day) FROM story_articles WHERE story_id = stories.id)
            OR last IS NOT (SELECT max(day) FROM story_articles WHERE story_id = stories.id);
    """,
    # 36: the link-only items of a feed read with its full text whose pages failed (JSON: {entry hash: [failures in a
    # row, refreshes skipped since the last try, epoch seconds of the last try]}), so each waits 1, 3, 7 ... refreshes
    # (a day at most) before its page is fetched again: one whose page always failed was fetched at every refresh.
    # NULL when none failed; an item the feed no longer lists is forgotten (tui.sources.refresh._complete).
    """
    ALTER TABLE feeds ADD COLUMN pages_failed TEXT;
    """,
    # 37: how many of a story's articles have no date of its own (notes, pastes, items that gave none: dated by when
    # they came into the library), kept with its other figures (story_stats.undated; each membership's own flag,
    # story_articles.undated, set from its article when it is stored, so a membership removed with its article still
    # knows what to take away). A story all of whose articles are such is marked "~" in the stories list and
    # `stories`, as the library marks such an article's date, from its stored figures: no article is read for a page
    # (session 36's mark read them). An article whose date changes leaves its story (migration 15's trigger), so the
    # flag never goes stale. Filled for the memberships already there.
    """
    ALTER TABLE story_articles ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE story_stats ADD COLUMN undated INTEGER NOT NULL DEFAULT 0;
    DROP TRIGGER IF EXISTS story_articles_stats_ai;
    DROP TRIGGER IF EXISTS story_articles_stats_ad;
    DROP TRIGGER IF EXISTS story_articles_stats_au;
    UPDATE story_articles SET undated = 1
        WHERE article_id IN (SELECT id FROM articles WHERE coalesce(published, '') = '');
    UPDATE story_stats SET undated = (SELECT count(*) FROM story_articles s WHERE s.story_id = story_stats.story_id
            AND s.undated)
        WHERE story_id IN (SELECT story_id FROM story_articles WHERE undated);
    CREATE TRIGGER story_articles_stats_ai AFTER INSERT ON story_articles BEGIN
        UPDATE story_articles SET source = coalesce((SELECT a.source FROM articles a WHERE a.id = new.article_id), ''),
            unread = EXISTS (SELECT 1 FROM articles a INDEXED BY articles_unread_ids WHERE a.id = new.article_id AND a.read = 0),
            undated = EXISTS (SELECT 1 FROM articles a WHERE a.id = new.article_id AND coalesce(a.published, '') = '')
            WHERE article_id = new.article_id;
        INSERT INTO story_stats (story_id, members, unread, undated)
            SELECT new.story_id, 1, unread, undated FROM story_articles WHERE article_id = new.article_id
            ON CONFLICT (story_id) DO UPDATE SET members = members + 1, unread = unread + excluded.unread,
                undated = undated + excluded.undated;
        INSERT INTO story_sources (story_id, source, n)
            SELECT new.story_id, source, 1 FROM story_articles WHERE article_id = new.article_id AND source <> ''
            ON CONFLICT (story_id, source) DO UPDATE SET n = n + 1;
        UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources WHERE story_id = new.story_id)
            WHERE story_id = new.story_id;
    END;
    CREATE TRIGGER story_articles_stats_ad AFTER DELETE ON story_articles BEGIN
        UPDATE story_sources SET n = n - 1 WHERE story_id = old.story_id AND source = old.source;
        DELETE FROM story_sources WHERE story_id = old.story_id AND source = old.source AND n <= 0;
        UPDATE story_stats SET members = members - 1, unread = unread - old.unread, undated = undated - old.undated,
            outlets = (SELECT count(*) FROM story_sources WHERE story_id = old.story_id) WHERE story_id = old.story_id;
        DELETE FROM story_stats WHERE story_id = old.story_id AND members <= 0;
    END;
    CREATE TRIGGER story_articles_stats_au AFTER UPDATE OF story_id ON story_articles
    WHEN old.story_id IS NOT new.story_id BEGIN
        UPDATE story_sources SET n = n - 1 WHERE story_id = old.story_id AND source = old.source;
        DELETE FROM story_sources WHERE story_id = old.story_id AND source = old.source AND n <= 0;
        UPDATE story_stats SET members = members - 1, unread = unread - old.unread, undated = undated - old.undated,
            outlets = (SELECT count(*) FROM story_sources WHERE story_id = old.story_id) WHERE story_id = old.story_id;
        DELETE FROM story_stats WHERE story_id = old.story_id AND members <= 0;
        INSERT INTO story_stats (story_id, members, unread, undated) SELECT new.story_id, 1, new.unread, new.undated
            WHERE 1 ON CONFLICT (story_id) DO UPDATE SET members = members + 1, unread = unread + excluded.unread,
            undated = undated + excluded.undated;
        INSERT INTO story_sources (story_id, source, n) SELECT new.story_id, new.source, 1 WHERE new.source <> ''
            ON CONFLICT (story_id, source) DO UPDATE SET n = n + 1;
        UPDATE story_stats SET outlets = (SELECT count(*) FROM story_sources WHERE story_id = new.story_id)
            WHERE story_id = new.story_id;
    END;
    """,
    # 38: feeds subscribed before their URLs were normalised (session 37: utm_* parameters, a trailing slash, the
    # host's case; session 38: http and https) stayed two feeds fetching the same items: merged into one, their
    # articles kept (MERGE_FEEDS)
    MERGE_FEEDS,
    # 39: migration 32's trigger retitles a story that another program (foreign keys off) left without its latest
    # article by the title rule of session 38 (stories._TITLE): of a story with dated articles its latest dated day's
    # (a note stored after the reports does not head it, walk38), and among one day's dated articles the latest report
    # (stories.LATEST_FIRST: its feed's time, else when it came in that day; a test checks the ORDER BY). Safe to run
    # again.
    """
    DROP TRIGGER IF EXISTS articles_unkeyed_ad;
    CREATE TRIGGER articles_unkeyed_ad AFTER DELETE ON articles
    WHEN NOT (SELECT foreign_keys FROM pragma_foreign_keys) BEGIN
        UPDATE stories SET title = coalesce((SELECT a.title FROM story_articles sa JOIN articles a ON a.id = sa.article_id
            WHERE sa.story_id = stories.id AND sa.article_id <> old.id AND sa.day = coalesce(
                (SELECT max(d.day) FROM story_articles d JOIN articles b ON b.id = d.article_id
                    WHERE d.story_id = stories.id AND d.article_id <> old.id AND coalesce(b.published, '') != ''),
                (SELECT max(day) FROM story_articles WHERE story_id = stories.id AND article_id <> old.id))
            ORDER BY substr(a.sort_key, 1, 10) DESC, coalesce(a.published, '') != '' DESC, CASE WHEN length(a.sort_key)
                = 20 THEN a.sort_key WHEN date(a.added_at, 'localtime') = a.published THEN a.added_at ELSE '' END DESC,
                a.sort_key DESC, a.id DESC
            LIMIT 1), title) WHERE id = (SELECT story_id FROM story_articles WHERE article_id = old.id);
        DELETE FROM analysis WHERE article_id = old.id;
        DELETE FROM mentions WHERE article_id = old.id;
        DELETE FROM story_articles WHERE article_id = old.id;
        DELETE FROM story_left WHERE article_id = old.id;
        DELETE FROM story_features WHERE article_id = old.id;
        DELETE FROM watched_articles WHERE article_id = old.id;
        UPDATE feed_items SET article_id = NULL WHERE article_id = old.id;
        UPDATE watched_files SET article_id = NULL WHERE article_id = old.id;
    END;
    """,
]

SCHEMA_VERSION = len(MIGRATIONS)

# Migration 11's figures tables, made again and counted from the memberships when one is missing from a library that
# had them (dropped by another program, even while the app ran): Library._remake_story_figures, at open. Every write
# that touched a story failed meanwhile ("no such table: main.story_stats": migration 11's triggers name them), so the
# memberships' own source and unread columns are as the triggers left them. The same statements as migration 11's
# (a test checks).
STORY_FIGURES = """
CREATE TABLE IF NOT EXISTS story_stats (
    story_id INTEGER PRIMARY KEY,
    members  INTEGER NOT NULL DEFAULT 0,
    unread   INTEGER NOT NULL DEFAULT 0,
    outlets  INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS story_sources (
    story_id INTEGER NOT NULL,
    source   TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (story_id, source)
) WITHOUT ROWID;
DELETE FROM story_sources;
DELETE FROM story_stats;
INSERT INTO story_sources (story_id, source, n)
    SELECT story_id, source, count(*) FROM story_articles WHERE source <> '' GROUP BY story_id, source;
INSERT INTO story_stats (story_id, members, unread, outlets)
    SELECT story_id, count(*), sum(unread), (SELECT count(*) FROM story_sources x WHERE x.story_id = s.story_id)
    FROM story_articles s GROUP BY story_id;
"""
STORY_FIGURES_FROM = 11  # the schema version from which a library has them
# From migration 37 on, story_stats also keeps `undated` (how many of a story's articles have no date of their own),
# counted from the memberships' own flags after STORY_FIGURES (whose story_stats, when it makes it, lacks the column).
STORY_UNDATED_FROM = 37
STORY_UNDATED = """
UPDATE story_stats SET undated = (SELECT count(*) FROM story_articles s WHERE s.story_id = story_stats.story_id
        AND s.undated)
    WHERE story_id IN (SELECT story_id FROM story_articles WHERE undated);
"""


@functools.lru_cache(maxsize=None)
def schema_tables(version: int = SCHEMA_VERSION) -> frozenset[str]:
    """The tables the migrations leave in a library (each CREATE and DROP TABLE of MIGRATIONS, in order), but the search
    index's (articles_fts and FTS5's own: `search_index_damage` checks them, `doctor --repair` makes them again).
    `Library.verify` names the ones a library of this schema lacks (dropped by hand, a damaged schema page).
    `version`: those of a library at that schema (the first `version` migrations): a read-only library of an earlier
    schema, read as it is, is checked against its own schema's tables."""
    import re

    pattern = re.compile(r"\b(CREATE|DROP)\s+(?:VIRTUAL\s+)?TABLE\s+(?:IF\s+(?:NOT\s+)?EXISTS\s+)?(\w+)", re.I)
    names: set[str] = set()
    for migration in MIGRATIONS[:version]:
        for verb, name in pattern.findall(migration):
            (names.add if verb.upper() == "CREATE" else names.discard)(name)
    return frozenset(n for n in names if not n.startswith("articles_fts"))


@functools.lru_cache(maxsize=None)
def schema_columns(version: int = SCHEMA_VERSION) -> dict[str, frozenset[str]]:
    """The columns of each of schema_tables() as the migrations leave them (their CREATE, ALTER and DROP TABLE
    statements run in an empty database in memory, ~2 ms once). `Library.verify` names a column a library of this
    schema lacks: dropped by another program (ALTER TABLE ... DROP COLUMN), a table made again without it."""
    import re
    import sqlite3

    statement = re.compile(r"\b(?:CREATE\s+TABLE|ALTER\s+TABLE|DROP\s+TABLE)\b[^;]*;", re.I)
    db = sqlite3.connect(":memory:")
    try:
        for migration in MIGRATIONS[:version]:
            for found in statement.finditer(migration):
                try:
                    db.execute(found.group(0))
                except sqlite3.OperationalError:  # a temporary table's, a virtual table's: not schema_tables()
                    pass
        return {name: frozenset(r[1] for r in db.execute(f"PRAGMA table_info({name})")) for name in schema_tables(version)}
    finally:
        db.close()
