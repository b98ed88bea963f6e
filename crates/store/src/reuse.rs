//! Shared passages across the library: fingerprints stored at import (migration 0006), an
//! inverted index built from them when reuse is asked for, and the passages grown from its
//! candidates by `parallax_core::passages`.

use crate::articles::{ranges_from_json, ArticleId};
use crate::{Library, Result};
use parallax_core::passages::{
    candidates_from_postings, decode_fingerprints, encode_fingerprints, fingerprints, merge_ranges,
    passages_between, Posting, ReuseOptions, ReuseText, SharedPassage,
};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::ops::Range;

/// The fingerprinting method of stored rows: bump it when the options or the hashing change,
/// and older rows are recomputed when reuse is next asked for.
pub const FINGERPRINT_VERSION: i64 = 1;

/// Articles fingerprinted per write transaction when catching up.
const FINGERPRINT_BATCH: usize = 200;

/// How much of one article other articles also have.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ArticleReuse {
    /// The article.
    pub article: ArticleId,
    /// Its words (boilerplate excluded).
    pub words: usize,
    /// Of them, the words inside some shared passage.
    pub reused_words: usize,
    /// The articles it shares passages with, by id.
    pub partners: Vec<ArticleId>,
}

/// Shared passages and what they mean per article.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ReuseReport {
    /// Every passage, by `(a, b, a.start)`.
    pub passages: Vec<SharedPassage>,
    /// Per article with at least one passage, by id.
    pub articles: Vec<ArticleReuse>,
}

/// The stored form of a body's fingerprints (computed on the import's worker threads).
pub(crate) fn encoded_fingerprints(body: &str, boilerplate: &[Range<usize>]) -> Vec<u8> {
    let text = ReuseText::new(body, boilerplate);
    encode_fingerprints(&fingerprints(&text, &ReuseOptions::default()))
}

/// Stores an article's fingerprints; the caller owns the transaction.
pub(crate) fn store_fingerprints(
    conn: &Connection,
    article: ArticleId,
    encoded: &[u8],
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO article_fingerprints (article_id, version, fingerprints) VALUES (?1, ?2, ?3) \
         ON CONFLICT(article_id) DO UPDATE SET version = ?2, fingerprints = ?3",
    )?
    .execute(params![article.0, FINGERPRINT_VERSION, encoded])?;
    Ok(())
}

impl Library {
    /// Fingerprints the articles that have none or have an older method's (imported before
    /// migration 0006, or before a method change). They are computed outside any transaction
    /// and written in short batches, so the library stays writable meanwhile. Returns how many.
    pub fn update_fingerprints(&mut self) -> Result<usize> {
        let stale: Vec<i64> = self
            .conn
            .prepare(
                "SELECT a.id FROM articles a LEFT JOIN article_fingerprints f ON f.article_id = a.id \
                 WHERE f.article_id IS NULL OR f.version <> ?1 ORDER BY a.id",
            )?
            .query_map([FINGERPRINT_VERSION], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for batch in stale.chunks(FINGERPRINT_BATCH) {
            let mut computed = Vec::with_capacity(batch.len());
            for &id in batch {
                let row: Option<(String, String)> = self
                    .conn
                    .prepare_cached("SELECT body, boilerplate FROM articles WHERE id = ?1")?
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()?;
                // Purged since the list was read: nothing to fingerprint.
                let Some((body, boilerplate)) = row else {
                    continue;
                };
                let boilerplate = ranges_from_json(&boilerplate, &body);
                computed.push((ArticleId(id), encoded_fingerprints(&body, &boilerplate)));
            }
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            for (id, encoded) in &computed {
                // The article may have been purged meanwhile; its row would break the key.
                let exists = tx
                    .prepare_cached("SELECT 1 FROM articles WHERE id = ?1")?
                    .exists([id.0])?;
                if exists {
                    store_fingerprints(&tx, *id, encoded)?;
                }
            }
            tx.commit()?;
        }
        if !stale.is_empty() {
            tracing::info!(count = stale.len(), "fingerprinted articles for reuse");
        }
        Ok(stale.len())
    }

    /// The passages shared by the given articles (`None`: every article of the library), at
    /// least `min_words` long, and how much of each article they cover. Deleted articles are
    /// left out.
    pub fn reuse(&mut self, ids: Option<&[ArticleId]>, min_words: usize) -> Result<ReuseReport> {
        self.update_fingerprints()?;
        let options = ReuseOptions::default().min_words(min_words);
        let chosen: Option<std::collections::HashSet<i64>> =
            ids.map(|ids| ids.iter().map(|id| id.0).collect());
        if let Some(ids) = ids {
            for &id in ids {
                self.summary(id)?;
            }
        }
        // The inverted index, read straight from the stored fingerprints: articles numbered in
        // id order.
        let mut articles: Vec<ArticleId> = Vec::new();
        let mut postings: Vec<Posting> = Vec::new();
        {
            let mut stmt = self.conn.prepare(
                "SELECT f.article_id, f.fingerprints FROM article_fingerprints f \
                 JOIN articles a ON a.id = f.article_id WHERE a.deleted_at IS NULL ORDER BY f.article_id",
            )?;
            let mut rows = stmt.query([])?;
            while let Some(row) = rows.next()? {
                let id: i64 = row.get(0)?;
                if chosen.as_ref().is_some_and(|c| !c.contains(&id)) {
                    continue;
                }
                let index = articles.len() as u32;
                articles.push(ArticleId(id));
                let blob = row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
                postings.extend(decode_fingerprints(blob).into_iter().map(|f| Posting {
                    hash: f.hash,
                    article: index,
                    word: f.word,
                }));
            }
        }
        let pairs = candidates_from_postings(postings, &options);

        // Each article's text is read when a pair first needs it and dropped after the last
        // pair that does, once its shared words are counted: memory follows the pairs, not the
        // library.
        let mut last_use: HashMap<usize, usize> = HashMap::new();
        for (k, pair) in pairs.iter().enumerate() {
            last_use.insert(pair.a, k);
            last_use.insert(pair.b, k);
        }
        let mut texts: HashMap<usize, ReuseText> = HashMap::new();
        let mut dates: HashMap<usize, Option<String>> = HashMap::new();
        let mut covering: HashMap<usize, Vec<Range<usize>>> = HashMap::new();
        let mut partners: HashMap<usize, Vec<ArticleId>> = HashMap::new();
        let mut per_article: Vec<ArticleReuse> = Vec::new();
        let mut passages: Vec<SharedPassage> = Vec::new();
        for (k, pair) in pairs.iter().enumerate() {
            for index in [pair.a, pair.b] {
                if let std::collections::hash_map::Entry::Vacant(entry) = texts.entry(index) {
                    let (text, date) = self.reuse_text(articles[index])?;
                    dates.insert(index, date);
                    entry.insert(text);
                }
            }
            let (a, b) = (&texts[&pair.a], &texts[&pair.b]);
            for passage in passages_between(a, b, &pair.seeds, &options) {
                covering.entry(pair.a).or_default().push(passage.a.clone());
                covering.entry(pair.b).or_default().push(passage.b.clone());
                partners.entry(pair.a).or_default().push(articles[pair.b]);
                partners.entry(pair.b).or_default().push(articles[pair.a]);
                passages.push(SharedPassage::new(
                    (articles[pair.a], dates[&pair.a].as_deref()),
                    (articles[pair.b], dates[&pair.b].as_deref()),
                    &passage,
                ));
            }
            for index in [pair.a, pair.b] {
                if last_use.get(&index) != Some(&k) {
                    continue;
                }
                let text = texts.remove(&index).expect("read above");
                if let Some(mut with) = partners.remove(&index) {
                    with.sort_unstable();
                    with.dedup();
                    let covered = merge_ranges(covering.remove(&index).unwrap_or_default());
                    per_article.push(ArticleReuse {
                        article: articles[index],
                        words: text.len(),
                        reused_words: text.words_within(&covered),
                        partners: with,
                    });
                }
            }
        }
        per_article.sort_by_key(|r| r.article);
        passages.sort_by_key(|p| (p.a.article, p.b.article, p.a.start));
        Ok(ReuseReport {
            passages,
            articles: per_article,
        })
    }

    /// An article's words for reuse, and its publication date.
    fn reuse_text(&self, id: ArticleId) -> Result<(ReuseText, Option<String>)> {
        let row: Option<(String, String, Option<String>)> = self
            .conn
            .prepare_cached("SELECT body, boilerplate, published_at FROM articles WHERE id = ?1")?
            .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()?;
        let (body, boilerplate, published) = row.ok_or(crate::StoreError::ArticleNotFound(id.0))?;
        let boilerplate = ranges_from_json(&boilerplate, &body);
        Ok((ReuseText::new(&body, &boilerplate), published))
    }
}
