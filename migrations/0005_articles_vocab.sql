-- 0005: the full-text index's vocabulary as a table: for each word, how many articles contain
-- it. Alignment weighs a session's words by how common they are across the whole library
-- ("officials" and "Wednesday" appear in every story; "floodgate" does not). Nothing is
-- stored: fts5vocab reads the index FTS5 already keeps.
CREATE VIRTUAL TABLE articles_vocab USING fts5vocab(articles_fts, 'row');
