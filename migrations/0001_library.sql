-- 0001: the article library.
-- Migrations are append-only: once released, a file is never edited; change the schema with a
-- new numbered file. PRAGMAs (WAL, foreign keys) are set when the library is opened, not here.

-- A publication. Names are compared case-insensitively so "The Ledger" and "the ledger" are one.
CREATE TABLE outlets (
    id     INTEGER PRIMARY KEY,
    name   TEXT NOT NULL UNIQUE COLLATE NOCASE,
    domain TEXT
) STRICT;

-- One imported article. `body` is the normalised text every byte offset in Parallax points into;
-- `boilerplate` is a JSON array of [start, end) byte ranges of site clutter inside `body`.
-- `deleted_at` marks a deletion that can still be undone; such rows are hidden everywhere.
CREATE TABLE articles (
    id             INTEGER PRIMARY KEY AUTOINCREMENT, -- never reused: ids are shown and scripted
    outlet_id      INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
    title          TEXT NOT NULL,
    author         TEXT,
    published_at   TEXT,          -- ISO date, YYYY-MM-DD
    url            TEXT,
    language       TEXT,
    source_path    TEXT,          -- where it was imported from, for the user's reference
    format         TEXT NOT NULL, -- text | markdown | html | pdf | docx
    content_sha256 TEXT NOT NULL UNIQUE,
    body           TEXT NOT NULL,
    boilerplate    TEXT NOT NULL DEFAULT '[]',
    word_count     INTEGER NOT NULL,
    imported_at    TEXT NOT NULL, -- RFC 3339, UTC
    deleted_at     TEXT
) STRICT;

CREATE INDEX articles_by_outlet ON articles(outlet_id);
CREATE INDEX articles_by_deleted ON articles(deleted_at);

-- Full-text index over title, author and body, kept in sync by the triggers below. External
-- content: the text lives once, in `articles`. `remove_diacritics 2` lets "Nicolas" find
-- "Nicolás".
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, body,
    content = 'articles',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Rank by bm25 with a title match worth ten body matches and an author match five. Set as the
-- table's rank so `ORDER BY rank LIMIT n` lets FTS5 sort internally and build snippets only for
-- the rows returned.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 5.0, 1.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, author, body)
    VALUES (new.id, new.title, new.author, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, body)
    VALUES ('delete', old.id, old.title, old.author, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, author, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, author, body)
    VALUES ('delete', old.id, old.title, old.author, old.body);
    INSERT INTO articles_fts(rowid, title, author, body)
    VALUES (new.id, new.title, new.author, new.body);
END;
