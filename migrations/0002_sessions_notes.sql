-- 0002: stories, comparison sessions, notes and tags.
-- Notes are anchored to text the W3C Web Annotation way, so they survive re-analysis and
-- layout changes: the exact quote with some context (TextQuoteSelector) and its byte position
-- in the article body (TextPositionSelector). A note whose quote can no longer be found is shown
-- as orphaned, never dropped.

-- A story: the articles about one event, a grouping in the library.
CREATE TABLE stories (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL
) STRICT;

CREATE TABLE story_articles (
    story_id   INTEGER NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (story_id, article_id)
) STRICT;

-- A comparison session. `view_state` is the UI's JSON (columns, pivot, scroll, open panel).
CREATE TABLE sessions (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    view_state TEXT NOT NULL DEFAULT '{}',
    deleted_at TEXT
) STRICT;

CREATE TABLE session_articles (
    session_id INTEGER NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    PRIMARY KEY (session_id, article_id)
) STRICT;

-- A note on a session, on an article, or on a passage of an article (anchor columns set).
CREATE TABLE notes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id   INTEGER REFERENCES sessions(id) ON DELETE CASCADE,
    article_id   INTEGER REFERENCES articles(id) ON DELETE SET NULL, -- the anchor keeps the quote
    body         TEXT NOT NULL,           -- Markdown
    anchor_exact TEXT,                    -- TextQuoteSelector.exact
    anchor_prefix TEXT,                   -- TextQuoteSelector.prefix
    anchor_suffix TEXT,                   -- TextQuoteSelector.suffix
    anchor_start INTEGER,                 -- TextPositionSelector.start (byte offset into body)
    anchor_end   INTEGER,                 -- TextPositionSelector.end
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;

CREATE INDEX notes_by_session ON notes(session_id);
CREATE INDEX notes_by_article ON notes(article_id);

CREATE TABLE tags (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
) STRICT;

CREATE TABLE note_tags (
    note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
    tag_id  INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (note_id, tag_id)
) STRICT;
