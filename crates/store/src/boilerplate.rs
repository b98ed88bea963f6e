//! Boilerplate learned from the library, the way passim's `pboiler` finds it: text that recurs
//! across many articles of one outlet (its footer, its newsletter prompt, a standard
//! disclaimer) is that outlet's boilerplate, not reuse and not the article. The paragraphs it
//! covers are added to each article's `boilerplate` ranges, so shared passages, the alignment,
//! quotations and every other analysis leave them out, as they leave out the clutter the
//! readers mark; the recurring fingerprints are kept per outlet (migration 0008), so an article
//! of that outlet imported later is marked too.
//!
//! Only an outlet's own articles count: an agency story reprinted by fifty outlets recurs too,
//! but once per outlet, and stays reuse. Articles with no outlet are not learned from. Known
//! limit: the learned ranges join the article's boilerplate with nothing to tell them from the
//! reader's clutter marks, so changing an article's outlet later does not take them back.

use crate::articles::{ranges_from_json, ranges_to_json};
use crate::reuse::{encoded_fingerprints, store_fingerprints};
use crate::{Library, Result};
use parallax_core::passages::{
    decode_fingerprints, learned_boilerplate, merge_ranges, ReuseOptions, ReuseText,
};
use parallax_core::text::count_words_outside;
use parallax_core::ArticleId;
use rusqlite::{params, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// A fingerprint is an outlet's boilerplate when at least this many of its articles have it
/// (a few versions of one story share text too, and are not boilerplate)…
const MIN_ARTICLES: usize = 5;
/// …and at least this share of them (a footer is in all; a newsletter prompt in many).
const MIN_SHARE: f64 = 0.2;

/// What one learning pass found.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LearnedBoilerplate {
    /// Outlets with boilerplate learned (now or before).
    pub outlets: usize,
    /// Articles whose boilerplate grew.
    pub articles: usize,
}

/// What the work after an import did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AfterImport {
    /// Articles given the language their text is written in.
    pub languages: usize,
    /// What boilerplate learning found.
    pub boilerplate: LearnedBoilerplate,
}

/// How far the work after an import has come: `done` of `total` steps (one an article for its
/// language, then one an outlet for its boilerplate).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct AfterImportProgress {
    /// Steps done.
    pub done: usize,
    /// Steps in all.
    pub total: usize,
}

impl Library {
    /// The work that follows an import, kept out of it so the import itself stays fast and its
    /// report comes at once: each new article without a declared language gets the one its
    /// text is written in, and the outlets the articles belong to learn their boilerplate. The
    /// app runs it in the background after every import and at start, the CLI right after its
    /// import; `progress` hears each step. Besides `articles`, it does every article an import
    /// marked and no run of this work has done yet (an app closed too early).
    pub fn after_import(
        &mut self,
        articles: &[ArticleId],
        mut progress: impl FnMut(AfterImportProgress),
    ) -> Result<AfterImport> {
        let pending: Vec<ArticleId> = self
            .conn
            .prepare("SELECT article_id FROM articles_pending ORDER BY article_id")?
            .query_map([], |r| Ok(ArticleId(r.get(0)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut all: Vec<ArticleId> = articles.iter().copied().chain(pending).collect();
        all.sort_unstable_by_key(|id| id.0);
        all.dedup();
        if all.is_empty() {
            // The usual case at start: nothing left over, so no library-wide scan either.
            progress(AfterImportProgress { done: 0, total: 0 });
            return Ok(AfterImport::default());
        }
        let articles = &all[..];
        let outlets = self.outlets_of(articles)?;
        let total = articles.len() + outlets.len();
        let languages = self.detect_languages(articles, &mut |done| {
            progress(AfterImportProgress { done, total })
        })?;
        let boilerplate = self.learn_boilerplate(Some(&outlets), &mut |done| {
            progress(AfterImportProgress {
                done: articles.len() + done,
                total,
            })
        })?;
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for id in articles {
            tx.prepare_cached("DELETE FROM articles_pending WHERE article_id = ?1")?
                .execute([id.0])?;
        }
        tx.commit()?;
        progress(AfterImportProgress { done: total, total });
        Ok(AfterImport {
            languages,
            boilerplate,
        })
    }

    /// The outlets of these articles, each once.
    fn outlets_of(&self, articles: &[ArticleId]) -> Result<Vec<i64>> {
        let mut outlets: Vec<i64> = Vec::new();
        for id in articles {
            let outlet: Option<i64> = self
                .conn
                .prepare_cached("SELECT outlet_id FROM articles WHERE id = ?1")?
                .query_row([id.0], |r| r.get(0))
                .optional()?
                .flatten();
            outlets.extend(outlet);
        }
        outlets.sort_unstable();
        outlets.dedup();
        Ok(outlets)
    }

    /// Gives each of these articles that has no language the one its text is written in, when
    /// that is clear. Returns how many got one.
    pub fn detect_languages(
        &mut self,
        articles: &[ArticleId],
        progress: &mut dyn FnMut(usize),
    ) -> Result<usize> {
        let mut found: Vec<(ArticleId, String)> = Vec::new();
        for (done, id) in articles.iter().enumerate() {
            progress(done);
            let row: Option<(String, String)> = self
                .conn
                .prepare_cached(
                    "SELECT body, boilerplate FROM articles WHERE id = ?1 AND language IS NULL",
                )?
                .query_row([id.0], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((body, stored)) = row else {
                continue;
            };
            let boilerplate = ranges_from_json(&stored, &body);
            if let Some(language) = parallax_core::ingest::detect_language(&body, &boilerplate) {
                found.push((*id, language));
            }
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        for (id, language) in &found {
            tx.prepare_cached(
                "UPDATE articles SET language = ?2 WHERE id = ?1 AND language IS NULL",
            )?
            .execute(params![id.0, language])?;
        }
        tx.commit()?;
        Ok(found.len())
    }

    /// Learns the boilerplate of the given outlets (`None`: every outlet) from their articles,
    /// and marks it in each of them. Run after an import, for the outlets it touched. Articles
    /// are read and rewritten outlet by outlet, one short write transaction each; `progress`
    /// hears how many outlets are done.
    pub fn learn_boilerplate(
        &mut self,
        outlets: Option<&[i64]>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<LearnedBoilerplate> {
        self.update_fingerprints()?;
        let outlets: Vec<i64> = match outlets {
            Some(ids) => ids.to_vec(),
            None => self
                .conn
                .prepare(
                    "SELECT DISTINCT outlet_id FROM articles \
                     WHERE outlet_id IS NOT NULL AND deleted_at IS NULL ORDER BY outlet_id",
                )?
                .query_map([], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?,
        };
        let options = ReuseOptions::default();
        let mut learned_total = LearnedBoilerplate::default();
        for (done, outlet) in outlets.into_iter().enumerate() {
            progress(done);
            // Read and written in one write transaction, so two imports touching one outlet
            // cannot lose each other's marks.
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            let rows: Vec<(i64, Vec<u8>)> = tx
                .prepare_cached(
                    "SELECT a.id, f.fingerprints FROM articles a \
                     JOIN article_fingerprints f ON f.article_id = a.id \
                     WHERE a.outlet_id = ?1 AND a.deleted_at IS NULL ORDER BY a.id",
                )?
                .query_map([outlet], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            let prints: Vec<(i64, Vec<parallax_core::passages::Fingerprint>)> = rows
                .into_iter()
                .map(|(id, blob)| (id, decode_fingerprints(&blob)))
                .collect();
            // Fingerprints by how many of the outlet's articles have them.
            let mut counts: HashMap<u64, usize> = HashMap::new();
            for (_, list) in &prints {
                let distinct: HashSet<u64> = list.iter().map(|f| f.hash).collect();
                for hash in distinct {
                    *counts.entry(hash).or_default() += 1;
                }
            }
            let need = MIN_ARTICLES.max((MIN_SHARE * prints.len() as f64).ceil() as usize);
            let mut learned: HashSet<u64> = counts
                .into_iter()
                .filter(|&(_, n)| n >= need)
                .map(|(hash, _)| hash)
                .collect();
            let new_hashes: Vec<u64> = learned.iter().copied().collect();
            let known: Vec<i64> = tx
                .prepare_cached("SELECT hash FROM outlet_boilerplate WHERE outlet_id = ?1")?
                .query_map([outlet], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            learned.extend(known.into_iter().map(|h| h as u64));
            if learned.is_empty() {
                tx.commit()?;
                continue;
            }
            learned_total.outlets += 1;
            // The articles that carry some of it, with their new boilerplate.
            let mut updates: Vec<(ArticleId, String, usize, Vec<u8>)> = Vec::new();
            for (id, list) in &prints {
                if !list.iter().any(|f| learned.contains(&f.hash)) {
                    continue;
                }
                let (body, stored): (String, String) = tx
                    .prepare_cached("SELECT body, boilerplate FROM articles WHERE id = ?1")?
                    .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                let boilerplate = ranges_from_json(&stored, &body);
                let text = ReuseText::new(&body, &boilerplate);
                let found = learned_boilerplate(
                    &body,
                    &text,
                    list,
                    &|hash| learned.contains(&hash),
                    &options,
                );
                if found.is_empty() {
                    continue;
                }
                let merged = merge_ranges(boilerplate.iter().cloned().chain(found).collect());
                if merged == boilerplate {
                    continue;
                }
                updates.push((
                    ArticleId(*id),
                    ranges_to_json(&merged),
                    count_words_outside(&body, &merged),
                    encoded_fingerprints(&body, &merged),
                ));
            }
            for hash in &new_hashes {
                tx.prepare_cached(
                    "INSERT INTO outlet_boilerplate (outlet_id, hash) VALUES (?1, ?2) \
                     ON CONFLICT DO NOTHING",
                )?
                .execute(params![outlet, *hash as i64])?;
            }
            for (id, boilerplate, words, encoded) in &updates {
                tx.prepare_cached(
                    "UPDATE articles SET boilerplate = ?2, word_count = ?3 WHERE id = ?1",
                )?
                .execute(params![id.0, boilerplate, *words as i64])?;
                store_fingerprints(&tx, *id, encoded)?;
            }
            tx.commit()?;
            learned_total.articles += updates.len();
        }
        if learned_total.articles > 0 {
            tracing::info!(
                outlets = learned_total.outlets,
                articles = learned_total.articles,
                "boilerplate learned from the library"
            );
        }
        Ok(learned_total)
    }
}
