-- 0007: the agency that wrote a story, apart from the outlet that published this copy; and
-- whether the title was made from the article's opening because the file had no headline.
ALTER TABLE articles ADD COLUMN agency TEXT;
ALTER TABLE articles ADD COLUMN title_derived INTEGER NOT NULL DEFAULT 0;
