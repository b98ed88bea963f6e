-- 0006: the fingerprints of each article's text for shared-passage detection (winnowed word
-- n-gram hashes, see parallax_core::passages), computed when the article is imported: 12 bytes
-- each (hash, word index), little-endian. `version` names the fingerprinting method; rows of an
-- older method, and articles imported before this migration, are fingerprinted when reuse is
-- next asked for.
CREATE TABLE article_fingerprints (
    article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,
    fingerprints BLOB NOT NULL
) STRICT;
