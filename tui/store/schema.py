"""Schema and migrations. Each migration runs once, in order, inside one transaction.

`PRAGMA user_version` records how many have run, so an old library is upgraded in place
and a newer one (from a later newsreader) is refused instead of damaged.
"""

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
]

SCHEMA_VERSION = len(MIGRATIONS)
