-- 0009: articles the work after an import (language detection, boilerplate learned per outlet)
-- has still to see. A row is written with its article, in the import's transaction, and removed
-- when that work is done; an app closed before it finished does it at its next start.
CREATE TABLE articles_pending (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE
) STRICT;
