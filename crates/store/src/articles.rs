//! Articles: the stored form, listing, reading, metadata edits, delete and undo, diffs.

use crate::{Library, Result, StoreError};
use parallax_core::align::{self, AlignInput, Alignment, Background};
use parallax_core::diff::{self, DiffOptions, DiffSide, WordDiff};
use parallax_core::framing::{Framing, LibraryWords};
use parallax_core::ingest::{Document, Format};
use parallax_core::session::{
    self, SessionArticle, MAX_ARTICLES, MAX_COMPARED_WORDS, MIN_ARTICLES,
};
pub use parallax_core::ArticleId;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What the library table shows of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    /// Its id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// The file had no headline: the title was made from the article's opening.
    pub title_derived: bool,
    /// Outlet name: who published this copy.
    pub outlet: Option<String>,
    /// The news agency that wrote the story, when a credit or dateline names one.
    pub agency: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// ISO publication date.
    pub published: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Words outside boilerplate.
    pub words: usize,
    /// The format it was imported from.
    pub format: Format,
    /// When it was imported (RFC 3339, UTC).
    pub imported_at: String,
}

/// A whole article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Article {
    /// Its metadata.
    #[serde(flatten)]
    pub summary: ArticleSummary,
    /// The file it was imported from.
    pub source_path: Option<String>,
    /// The normalised body text.
    pub body: String,
    /// Byte ranges of site clutter in `body`.
    #[serde(with = "parallax_core::text::spans")]
    #[cfg_attr(feature = "ts", ts(as = "Vec<[usize; 2]>"))]
    pub boilerplate: Vec<Range<usize>>,
    /// BCP 47 language tag: declared by the file, or detected from its text.
    pub language: Option<String>,
}

impl Article {
    /// The article as a session's analysis reads it.
    pub fn session_article(&self) -> SessionArticle<'_> {
        SessionArticle {
            text: AlignInput {
                id: self.summary.id,
                body: &self.body,
                boilerplate: &self.boilerplate,
                language: self.language.as_deref().unwrap_or("en"),
            },
            published: self.summary.published.as_deref(),
            title: Some(&self.summary.title),
            outlet: self.summary.outlet.as_deref(),
        }
    }
}

/// New metadata for an article: every field is replaced (`None` clears it). A title that
/// changes is the person's own, no longer derived.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct MetadataEdit {
    /// Headline; must not be blank.
    pub title: String,
    /// Outlet name.
    pub outlet: Option<String>,
    /// News agency.
    #[serde(default)]
    pub agency: Option<String>,
    /// Byline.
    pub author: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub published: Option<String>,
    /// URL.
    pub url: Option<String>,
}

/// Two articles and their word diff.
#[derive(Debug, Clone)]
pub struct ArticleDiff {
    /// The left article.
    pub left: Article,
    /// The right article.
    pub right: Article,
    /// Runs over both bodies; boilerplate is left out of the comparison.
    pub diff: WordDiff,
}

impl ArticleDiff {
    /// Diffs two loaded articles. Pure: callers holding a shared connection load the articles,
    /// release it, then diff.
    pub fn compute(left: Article, right: Article) -> ArticleDiff {
        let diff = diff::word_diff_excluding(
            DiffSide {
                text: &left.body,
                excluded: &left.boilerplate,
            },
            DiffSide {
                text: &right.body,
                excluded: &right.boilerplate,
            },
            DiffOptions::default(),
        );
        ArticleDiff { left, right, diff }
    }
}

pub(crate) const SUMMARY_COLUMNS: &str =
    "a.id, a.title, o.name, a.author, a.published_at, a.url, a.word_count, \
     a.format, a.imported_at, a.agency, a.title_derived";
/// How many columns [`SUMMARY_COLUMNS`] holds: a query's own columns come after them.
pub(crate) const SUMMARY_COLUMN_COUNT: usize = 11;

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    let format: String = row.get(7)?;
    Ok(ArticleSummary {
        id: ArticleId(row.get(0)?),
        title: row.get(1)?,
        outlet: row.get(2)?,
        author: row.get(3)?,
        published: row.get(4)?,
        url: row.get(5)?,
        words: row.get::<_, i64>(6)? as usize,
        format: Format::parse(&format).unwrap_or(Format::Text),
        imported_at: row.get(8)?,
        agency: row.get(9)?,
        title_derived: row.get(10)?,
    })
}

pub(crate) fn ranges_to_json(ranges: &[Range<usize>]) -> String {
    let pairs: Vec<[usize; 2]> = ranges.iter().map(|r| [r.start, r.end]).collect();
    serde_json::to_string(&pairs).unwrap_or_else(|_| "[]".to_string())
}

/// Reads stored ranges, keeping only those that fit `body` on character boundaries, sorted: a
/// damaged row must never make a later slice panic.
pub(crate) fn ranges_from_json(json: &str, body: &str) -> Vec<Range<usize>> {
    let mut ranges: Vec<Range<usize>> = serde_json::from_str::<Vec<[usize; 2]>>(json)
        .unwrap_or_default()
        .into_iter()
        .filter(|&[start, end]| start < end && body.get(start..end).is_some())
        .map(|[start, end]| start..end)
        .collect();
    ranges.sort_by_key(|r| r.start);
    ranges
}

/// Trims a value and turns blank into `None`.
/// A metadata field as stored: trimmed, without control characters (an escape sequence in a
/// title would reach every terminal that prints it), none when blank.
fn clean(value: Option<&str>) -> Option<String> {
    value
        .map(|v| v.chars().filter(|c| !c.is_control()).collect::<String>())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

fn valid_iso_date(date: &str) -> bool {
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok() && date.len() == 10
}

impl Library {
    /// Every article not deleted, newest publication first (undated last), then by title.
    pub fn list(&self) -> Result<Vec<ArticleSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id \
             WHERE a.deleted_at IS NULL \
             ORDER BY a.published_at IS NULL, a.published_at DESC, a.title COLLATE NOCASE, a.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Number of articles not deleted.
    pub fn count(&self) -> Result<usize> {
        let n: i64 = self.conn.query_row(
            "SELECT count(*) FROM articles WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(n as usize)
    }

    /// One article with its body.
    pub fn get(&self, id: ArticleId) -> Result<Article> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, a.source_path, a.body, a.boilerplate, a.language \
             FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id \
             WHERE a.id = ?1 AND a.deleted_at IS NULL"
        );
        self.conn
            .query_row(&sql, [id.0], |row| {
                let own = SUMMARY_COLUMN_COUNT;
                let body: String = row.get(own + 1)?;
                let boilerplate = ranges_from_json(&row.get::<_, String>(own + 2)?, &body);
                Ok(Article {
                    summary: summary_from_row(row)?,
                    source_path: row.get(own)?,
                    body,
                    boilerplate,
                    language: row.get(own + 3)?,
                })
            })
            .optional()?
            .ok_or(StoreError::ArticleNotFound(id.0))
    }

    /// One article's metadata.
    pub fn summary(&self, id: ArticleId) -> Result<ArticleSummary> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id \
             WHERE a.id = ?1 AND a.deleted_at IS NULL"
        );
        self.conn
            .query_row(&sql, [id.0], summary_from_row)
            .optional()?
            .ok_or(StoreError::ArticleNotFound(id.0))
    }

    /// Replaces an article's metadata. The title must not be blank and the date must be an ISO
    /// date; blank optional fields are cleared.
    pub fn update_metadata(
        &mut self,
        id: ArticleId,
        edit: &MetadataEdit,
    ) -> Result<ArticleSummary> {
        let title = edit.title.trim();
        if title.is_empty() {
            return Err(StoreError::InvalidInput("the title cannot be empty".into()));
        }
        let published = clean(edit.published.as_deref());
        if let Some(date) = &published {
            if !valid_iso_date(date) {
                return Err(StoreError::InvalidInput(format!(
                    "“{date}” is not a date: write it as YYYY-MM-DD, e.g. 2026-01-09"
                )));
            }
        }
        let tx = self.write_transaction()?;
        let outlet_id = outlet_id(&tx, clean(edit.outlet.as_deref()).as_deref())?;
        let changed = tx.execute(
            "UPDATE articles SET title_derived = title_derived AND title = ?2, title = ?2, \
             outlet_id = ?3, author = ?4, published_at = ?5, url = ?6, agency = ?7 \
             WHERE id = ?1 AND deleted_at IS NULL",
            params![
                id.0,
                title,
                outlet_id,
                clean(edit.author.as_deref()),
                published,
                clean(edit.url.as_deref()),
                clean(edit.agency.as_deref())
            ],
        )?;
        if changed == 0 {
            return Err(StoreError::ArticleNotFound(id.0));
        }
        tx.commit()?;
        self.summary(id)
    }

    /// Sets the outlet of several articles at once (`None` clears it), in one transaction;
    /// returns their summaries as they now are. Deleted or unknown ids are skipped.
    pub fn set_outlet(
        &mut self,
        ids: &[ArticleId],
        outlet: Option<&str>,
    ) -> Result<Vec<ArticleSummary>> {
        let tx = self.write_transaction()?;
        let outlet_id = outlet_id(&tx, clean(outlet).as_deref())?;
        for id in ids {
            tx.execute(
                "UPDATE articles SET outlet_id = ?2 WHERE id = ?1 AND deleted_at IS NULL",
                params![id.0, outlet_id],
            )?;
        }
        tx.commit()?;
        ids.iter()
            .filter_map(|&id| match self.summary(id) {
                Err(StoreError::ArticleNotFound(_)) => None,
                other => Some(other),
            })
            .collect()
    }

    /// Marks articles deleted; they disappear from every view but [`Library::restore`] brings
    /// them back. Returns how many were deleted.
    pub fn delete(&mut self, ids: &[ArticleId]) -> Result<usize> {
        let tx = self.write_transaction()?;
        let mut n = 0;
        for id in ids {
            n += tx.execute(
                "UPDATE articles SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') \
                 WHERE id = ?1 AND deleted_at IS NULL",
                [id.0],
            )?;
        }
        tx.commit()?;
        Ok(n)
    }

    /// Undoes [`Library::delete`]. Returns how many were restored.
    pub fn restore(&mut self, ids: &[ArticleId]) -> Result<usize> {
        let tx = self.write_transaction()?;
        let mut n = 0;
        for id in ids {
            n += tx.execute(
                "UPDATE articles SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
                [id.0],
            )?;
        }
        tx.commit()?;
        Ok(n)
    }

    /// Removes for good the articles deleted more than `older_than_days` days ago (0: all),
    /// except those a note or a session still points at: those stay restorable. Their words are
    /// erased from the file (see [`Library::empty_trash`]).
    pub fn purge_deleted(&mut self, older_than_days: u32) -> Result<usize> {
        let tx = self.write_transaction()?;
        let n = tx.execute(
            "DELETE FROM articles WHERE deleted_at IS NOT NULL \
             AND deleted_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?1) \
             AND id NOT IN (SELECT article_id FROM notes WHERE article_id IS NOT NULL) \
             AND id NOT IN (SELECT article_id FROM session_articles)",
            [format!("-{older_than_days} days")],
        )?;
        tx.commit()?;
        if n > 0 {
            self.erase_removed()?;
        }
        Ok(n)
    }

    /// Aligns 2–8 articles sentence by sentence against the pivot (an index into `ids`).
    pub fn compare(&self, ids: &[ArticleId], pivot: usize) -> Result<(Vec<Article>, Alignment)> {
        check_compared(ids)?;
        if pivot >= ids.len() {
            return Err(StoreError::InvalidInput(
                "the pivot must be one of the compared articles".into(),
            ));
        }
        let articles = self.compared(ids)?;
        let options = align::AlignOptions::default().background(self.background(&articles)?);
        let inputs: Vec<SessionArticle<'_>> =
            articles.iter().map(Article::session_article).collect();
        let alignment = session::align(&inputs, pivot, &options);
        Ok((articles, alignment))
    }

    /// How 2–8 articles frame the story (aligned against the first, as a session opened on
    /// them would): the same analysis as a session's Framing view.
    pub fn framing(&self, ids: &[ArticleId]) -> Result<(Vec<Article>, Framing)> {
        check_compared(ids)?;
        let articles = self.compared(ids)?;
        // The library's word counts and uses in one pass, for the alignment and the prior.
        let (background, library_words) = self.word_statistics(&articles)?;
        let options = session::SessionOptions {
            align: align::AlignOptions::default().background(background),
            library_words: std::sync::Arc::new(library_words),
            ..Default::default()
        };
        let inputs: Vec<SessionArticle<'_>> =
            articles.iter().map(Article::session_article).collect();
        let alignment = session::align(&inputs, 0, &options.align);
        let quotations = session::quotations(&inputs);
        let framing = session::framing(&inputs, Some(&alignment), &quotations, &options);
        Ok((articles, framing))
    }

    /// The word diff of two articles, boilerplate left out.
    pub fn diff(&self, left: ArticleId, right: ArticleId) -> Result<ArticleDiff> {
        let [left, right] = <[Article; 2]>::try_from(self.compared(&[left, right])?)
            .unwrap_or_else(|_| unreachable!("two ids give two articles"));
        Ok(ArticleDiff::compute(left, right))
    }

    /// The articles to compare, each checked to be short enough (see [`MAX_COMPARED_WORDS`]).
    fn compared(&self, ids: &[ArticleId]) -> Result<Vec<Article>> {
        ids.iter()
            .map(|&id| {
                let article = self.get(id)?;
                check_length(id, article.summary.words)?;
                Ok(article)
            })
            .collect()
    }
}

/// Checks the articles of a comparison: 2–8 of them, none twice.
/// Refuses an article too long to compare (see [`MAX_COMPARED_WORDS`]). Reading, searching
/// and notes still work on it.
pub(crate) fn check_length(id: ArticleId, words: usize) -> Result<()> {
    if words > MAX_COMPARED_WORDS {
        return Err(StoreError::InvalidInput(format!(
            "article {id} has {words} words; Parallax compares articles of up to \
             {MAX_COMPARED_WORDS} words: compare an excerpt of it instead"
        )));
    }
    Ok(())
}

pub(crate) fn check_compared(ids: &[ArticleId]) -> Result<()> {
    if !(MIN_ARTICLES..=MAX_ARTICLES).contains(&ids.len()) {
        return Err(StoreError::InvalidInput(format!(
            "a comparison has {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {}",
            ids.len()
        )));
    }
    let mut seen = std::collections::HashSet::new();
    if let Some(twice) = ids.iter().find(|id| !seen.insert(**id)) {
        return Err(StoreError::InvalidInput(format!(
            "article {twice} is given twice"
        )));
    }
    Ok(())
}

/// Metadata as the library stores it: trimmed, blanks as `None`, a title always, a date only
/// when it is a valid ISO date. The import report is built from this, so it says what was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct StoredMetadata {
    pub title: String,
    pub title_derived: bool,
    pub outlet: Option<String>,
    pub agency: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub language: Option<String>,
}

impl StoredMetadata {
    pub(crate) fn from_document(meta: &parallax_core::ingest::Metadata) -> StoredMetadata {
        StoredMetadata {
            title: clean(meta.title.as_deref()).unwrap_or_else(|| "Untitled".to_string()),
            title_derived: meta.title_derived,
            outlet: clean(meta.outlet.as_deref()),
            agency: clean(meta.agency.as_deref()),
            author: clean(meta.author.as_deref()),
            published: clean(meta.published.as_deref()).filter(|d| valid_iso_date(d)),
            url: clean(meta.url.as_deref()),
            language: clean(meta.language.as_deref()),
        }
    }
}

/// The article with this content hash: its id, title and whether it is deleted.
pub(crate) fn find_by_hash(
    conn: &Connection,
    hash: &str,
) -> Result<Option<(ArticleId, String, bool)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, title, deleted_at IS NOT NULL FROM articles WHERE content_sha256 = ?1",
        )?
        .query_row([hash], |r| Ok((ArticleId(r.get(0)?), r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// Inserts a new article; the caller owns the transaction.
pub(crate) fn insert_article(
    conn: &Connection,
    document: &Document,
    meta: &StoredMetadata,
    hash: &str,
    words: usize,
    source_path: Option<&str>,
) -> Result<ArticleId> {
    let outlet_id = outlet_id(conn, meta.outlet.as_deref())?;
    conn.prepare_cached(
        "INSERT INTO articles (outlet_id, title, author, published_at, url, language, source_path, \
         format, content_sha256, body, boilerplate, word_count, agency, title_derived, imported_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, \
         strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
    )?
    .execute(params![
        outlet_id,
        meta.title,
        meta.author,
        meta.published,
        meta.url,
        meta.language,
        source_path,
        document.format.as_str(),
        hash,
        document.body,
        ranges_to_json(&document.boilerplate),
        words as i64,
        meta.agency,
        meta.title_derived,
    ])?;
    let id = ArticleId(conn.last_insert_rowid());
    mark_pending(conn, id)?;
    Ok(id)
}

/// Marks an article for the work after an import (`Library::after_import`), in the caller's
/// transaction, so that work is never lost to a closed app.
fn mark_pending(conn: &Connection, id: ArticleId) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO articles_pending (article_id) VALUES (?1) ON CONFLICT DO NOTHING",
    )?
    .execute([id.0])?;
    Ok(())
}

/// Brings back a deleted article whose text is imported again: same id (so notes and sessions
/// that point at it stay attached), metadata and source from the new file.
pub(crate) fn revive_article(
    conn: &Connection,
    id: ArticleId,
    meta: &StoredMetadata,
    source_path: Option<&str>,
) -> Result<()> {
    let outlet_id = outlet_id(conn, meta.outlet.as_deref())?;
    conn.prepare_cached(
        "UPDATE articles SET deleted_at = NULL, outlet_id = ?2, title = ?3, author = ?4, \
         published_at = ?5, url = ?6, language = ?7, source_path = ?8, agency = ?9, \
         title_derived = ?10, imported_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
    )?
    .execute(params![
        id.0,
        outlet_id,
        meta.title,
        meta.author,
        meta.published,
        meta.url,
        meta.language,
        source_path,
        meta.agency,
        meta.title_derived
    ])?;
    mark_pending(conn, id)
}

/// The id of the outlet with this name, created when new; none without a name.
fn outlet_id(conn: &Connection, name: Option<&str>) -> Result<Option<i64>> {
    let Some(name) = name else { return Ok(None) };
    conn.prepare_cached("INSERT INTO outlets (name) VALUES (?1) ON CONFLICT(name) DO NOTHING")?
        .execute([name])?;
    Ok(Some(
        conn.prepare_cached("SELECT id FROM outlets WHERE name = ?1")?
            .query_row([name], |r| r.get(0))?,
    ))
}

/// How many articles contain each word and how often the library uses it, as read from the
/// index, and the state of the library it was read in: (articles not deleted, highest article
/// id), with the words those articles hold. Counting a common word's articles walks its whole
/// posting list, so a session opened again (another pivot, a new note) reuses what was read
/// while no article came or went.
#[derive(Debug, Default)]
pub(crate) struct WordCounts {
    state: (i64, i64),
    /// Words in the library's articles, read when the state changed.
    words: u64,
    /// Per word: (articles containing it, uses).
    counts: std::collections::HashMap<String, (u32, u64)>,
}

impl Library {
    /// How common the words of `articles` are across the library (see [`Background`]): the
    /// article count and, per word, how many articles contain it, from the full-text index's
    /// vocabulary (migration 0005).
    pub fn background(&self, articles: &[Article]) -> Result<Background> {
        Ok(self.word_statistics(articles)?.0)
    }

    /// [`Library::background`], and how often the library uses the same words with how many
    /// words it holds (the prior of a session's distinctive words), read in one pass.
    pub fn word_statistics(&self, articles: &[Article]) -> Result<(Background, LibraryWords)> {
        let (state, counts) = self.word_counts(articles)?;
        let background = Background {
            documents: state.0 as u32,
            frequencies: counts
                .iter()
                .map(|(word, (documents, _))| (word.clone(), *documents))
                .collect(),
        };
        // The index also counts deleted articles until they are purged: the total is never
        // less than the uses it reports.
        let uses: u64 = counts.iter().map(|(_, (_, uses))| *uses).sum();
        let library_words = LibraryWords {
            words: state.2.max(uses),
            counts: counts
                .into_iter()
                .map(|(word, (_, uses))| (word, uses))
                .collect(),
        };
        Ok((background, library_words))
    }

    /// The library's state and, for each word of `articles` the library holds, its (articles,
    /// uses).
    #[allow(clippy::type_complexity)]
    fn word_counts(
        &self,
        articles: &[Article],
    ) -> Result<((i64, i64, u64), Vec<(String, (u32, u64))>)> {
        let state: (i64, i64) = self.conn.query_row(
            "SELECT count(*), coalesce(max(id), 0) FROM articles WHERE deleted_at IS NULL",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let mut cache = self.word_counts.borrow_mut();
        if cache.state != state {
            // Summed once per state: each row's count sits past its body.
            let words: i64 = self.conn.query_row(
                "SELECT coalesce(sum(word_count), 0) FROM articles WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )?;
            *cache = WordCounts {
                state,
                words: words as u64,
                counts: Default::default(),
            };
        }
        let words = cache.words;
        let mut lookup = self
            .conn
            .prepare_cached("SELECT doc, cnt FROM articles_vocab WHERE term = ?1")?;
        let mut found = Vec::new();
        let inputs: Vec<_> = articles.iter().map(|a| a.session_article().text).collect();
        for word in align::background_words(&inputs) {
            let count = match cache.counts.get(&word) {
                Some(&count) => count,
                None => {
                    // The index stores words without accents: "nicolás" is "nicolas" there.
                    let indexed = parallax_core::text::fold(&word);
                    let row: Option<(i64, i64)> = lookup
                        .query_row([&indexed], |r| Ok((r.get(0)?, r.get(1)?)))
                        .optional()?;
                    let (documents, uses) = row.unwrap_or((0, 0));
                    let count = (documents as u32, uses as u64);
                    cache.counts.insert(word.clone(), count);
                    count
                }
            };
            if count.0 > 0 {
                found.push((word, count));
            }
        }
        Ok(((state.0, state.1, words), found))
    }
}
