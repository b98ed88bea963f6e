//! Everything the reader of a session sees, in one value: the session, its articles, their
//! analysis (`parallax_core::session`) with the notes' passages marked, and the notes.
//!
//! Loading ([`Library::load_session_view`]) reads the database; laying out
//! ([`SessionView::lay_out`]) is pure computation, so a caller holding a shared connection can
//! release it before the alignment runs. An [`AnalysisCache`] keeps recent analyses, so that a
//! note added or deleted only marks the text anew.

use crate::articles::{Article, ArticleId};
use crate::notes::Note;
use crate::sessions::{Session, SessionId};
use crate::{Library, Result, StoreError};
use parallax_core::align::{AlignOptions, Background};
use parallax_core::framing::LibraryWords;
use parallax_core::session::{analyse, SessionAnalysis, SessionArticle, SessionOptions};
use parallax_core::side_by_side::{mark_notes, NoteMark, SideBySide};
use serde::Serialize;
use std::sync::{Arc, Mutex};

/// A session ready to read.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionView {
    /// The session with its view state.
    pub session: Session,
    /// Its articles still in the library, in column order. Their metadata is what crosses to the
    /// UI: the text it shows comes laid out in `analysis`.
    #[serde(serialize_with = "summaries")]
    #[cfg_attr(feature = "ts", ts(as = "Vec<crate::ArticleSummary>"))]
    pub articles: Vec<Article>,
    /// Its articles that were deleted from the library since (they can be restored).
    pub missing: Vec<ArticleId>,
    /// The pivot: the one asked for when it is one of `articles`, else the first of them.
    pub pivot: Option<ArticleId>,
    /// The session's notes, their passages found again (see [`Library::notes`]).
    pub notes: Vec<Note>,
    /// The analysis of the articles with the notes' passages marked, once
    /// [`SessionView::lay_out`] ran.
    pub analysis: Option<SessionAnalysis>,
    /// How common the articles' words are across the library, for the alignment.
    #[serde(skip)]
    background: Background,
    /// How often the library uses them, for the distinctive words.
    #[serde(skip)]
    library_words: Arc<LibraryWords>,
}

/// Articles written as their summaries.
fn summaries<S: serde::Serializer>(articles: &[Article], out: S) -> Result<S::Ok, S::Error> {
    out.collect_seq(articles.iter().map(|a| &a.summary))
}

impl Library {
    /// Reads what [`SessionView::lay_out`] needs. `pivot` is a wish: `None` takes the one the
    /// session was left with (the `pivot` key of its view state, the one key of it the store
    /// reads), and an article not in the session (or deleted) falls back to the first column.
    pub fn load_session_view(
        &self,
        id: SessionId,
        pivot: Option<ArticleId>,
    ) -> Result<SessionView> {
        let session = self.session(id)?;
        let mut articles = Vec::new();
        let mut missing = Vec::new();
        for &article in &session.summary.articles {
            match self.get(article) {
                // A session saved before the length limit: the long article is left out.
                Ok(a) if a.summary.words > parallax_core::session::MAX_COMPARED_WORDS => {
                    missing.push(article)
                }
                Ok(a) => articles.push(a),
                Err(StoreError::ArticleNotFound(_)) => missing.push(article),
                Err(e) => return Err(e),
            }
        }
        let saved_pivot = session.view_state["pivot"].as_i64().map(ArticleId);
        let pivot = pivot
            .or(saved_pivot)
            .filter(|p| articles.iter().any(|a| a.summary.id == *p))
            .or_else(|| articles.first().map(|a| a.summary.id));
        let notes = self.notes(id)?;
        let (background, library_words) = self.word_statistics(&articles)?;
        let library_words = Arc::new(library_words);
        Ok(SessionView {
            session,
            articles,
            missing,
            pivot,
            notes,
            analysis: None,
            background,
            library_words,
        })
    }

    /// [`Library::load_session_view`] and [`SessionView::lay_out`] in one call.
    pub fn session_view(&self, id: SessionId, pivot: Option<ArticleId>) -> Result<SessionView> {
        let mut view = self.load_session_view(id, pivot)?;
        view.lay_out(&AnalysisCache::default());
        Ok(view)
    }
}

impl SessionView {
    /// The articles aligned and laid out side by side, once [`SessionView::lay_out`] ran and
    /// when at least two articles remain.
    pub fn layout(&self) -> Option<&SideBySide> {
        self.analysis.as_ref()?.layout.as_ref()
    }

    /// Analyses the articles against the pivot (or takes the analysis of the same articles,
    /// pivot and library from `cache`) and marks the notes' passages in it.
    pub fn lay_out(&mut self, cache: &AnalysisCache) {
        let pivot = self
            .articles
            .iter()
            .position(|a| Some(a.summary.id) == self.pivot)
            .unwrap_or(0);
        let key = AnalysisKey {
            articles: self.articles.clone(),
            pivot,
            background: self.background.clone(),
            library_words: Arc::clone(&self.library_words),
        };
        let analysis = cache.get(&key).unwrap_or_else(|| {
            let inputs: Vec<SessionArticle<'_>> =
                self.articles.iter().map(Article::session_article).collect();
            let options = SessionOptions {
                align: AlignOptions::default().background(self.background.clone()),
                library_words: Arc::clone(&self.library_words),
                ..SessionOptions::default()
            };
            let analysis = Arc::new(analyse(&inputs, pivot, &options));
            cache.put(key, Arc::clone(&analysis));
            analysis
        });
        let mut analysis = SessionAnalysis::clone(&analysis);
        if let Some(layout) = &mut analysis.layout {
            let notes: Vec<Vec<NoteMark>> = self
                .articles
                .iter()
                .map(|article| {
                    self.notes
                        .iter()
                        .filter(|n| n.article == Some(article.summary.id))
                        .filter_map(|n| {
                            let (start, end) = n.located()?;
                            Some(NoteMark {
                                note: n.id,
                                range: start..end,
                            })
                        })
                        .collect()
                })
                .collect();
            mark_notes(layout, &notes);
        }
        self.analysis = Some(analysis);
    }
}

/// What an analysis was computed from: the same articles (text and metadata), pivot and
/// library word counts give the same analysis.
#[derive(Debug, Clone, PartialEq)]
struct AnalysisKey {
    articles: Vec<Article>,
    pivot: usize,
    background: Background,
    library_words: Arc<LibraryWords>,
}

/// The analyses of the sessions opened last, so that opening one again (a note added, the
/// window reloaded) does not align it again. Shared between threads; the lock is held only to
/// look up and to store, never while analysing.
#[derive(Debug, Default)]
pub struct AnalysisCache {
    entries: Mutex<Vec<(AnalysisKey, Arc<SessionAnalysis>)>>,
    /// Analyses computed (not found here) since the cache was made.
    computed: std::sync::atomic::AtomicUsize,
}

/// Analyses kept: a few sessions and pivots to go back and forth between.
const CACHED_ANALYSES: usize = 4;

impl AnalysisCache {
    fn get(&self, key: &AnalysisKey) -> Option<Arc<SessionAnalysis>> {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let at = entries.iter().position(|(k, _)| k == key)?;
        // The most recently used last.
        let entry = entries.remove(at);
        let analysis = Arc::clone(&entry.1);
        entries.push(entry);
        Some(analysis)
    }

    fn put(&self, key: AnalysisKey, analysis: Arc<SessionAnalysis>) {
        self.computed
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.retain(|(k, _)| *k != key);
        if entries.len() >= CACHED_ANALYSES {
            entries.remove(0);
        }
        entries.push((key, analysis));
    }

    /// How many analyses were computed because none of the same inputs was kept.
    pub fn computed(&self) -> usize {
        self.computed.load(std::sync::atomic::Ordering::Relaxed)
    }
}
