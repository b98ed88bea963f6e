//! Everything the reader of a session sees, in one value: the session, its articles, their
//! alignment laid out side by side with the notes' passages marked, and the notes.
//!
//! Loading ([`Library::load_session_view`]) reads the database; laying out
//! ([`SessionView::lay_out`]) is pure computation, so a caller holding a shared connection can
//! release it before the alignment runs.

use crate::articles::{align_articles, Article, ArticleId};
use crate::notes::Note;
use crate::reuse::{shared_passage, SharedPassage};
use crate::sessions::{Session, SessionId};
use crate::{Library, Result, StoreError};
use parallax_core::align::Background;
use parallax_core::passages::{covered_ranges, shared_passages, ReuseOptions, ReuseText};
use parallax_core::quotes::{match_quotes, Quote, QuoteMatch};
use parallax_core::side_by_side::{side_by_side, ArticleMarks, Mark, SideBySide};

/// A session ready to read.
#[derive(Debug, Clone)]
pub struct SessionView {
    /// The session with its view state.
    pub session: Session,
    /// Its articles still in the library, in column order.
    pub articles: Vec<Article>,
    /// Its articles that were deleted from the library since (they can be restored).
    pub missing: Vec<ArticleId>,
    /// The pivot: the one asked for when it is one of `articles`, else the first of them.
    pub pivot: Option<ArticleId>,
    /// The session's notes, anchors resolved (see [`Library::notes`]).
    pub notes: Vec<Note>,
    /// The alignment, once [`SessionView::lay_out`] ran, when at least two articles remain.
    pub layout: Option<SideBySide>,
    /// Passages the articles share with each other (after [`SessionView::lay_out`]).
    pub passages: Vec<SharedPassage>,
    /// Per article (column order): its words inside some shared passage, and its words.
    pub reused_words: Vec<(usize, usize)>,
    /// Per article (column order): its direct quotations.
    pub quotes: Vec<Vec<Quote>>,
    /// How the articles' quotations relate (article indices are column order).
    pub quote_matches: Vec<QuoteMatch>,
    /// How common the articles' words are across the library, for the alignment.
    background: Background,
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
        let background = self.background(&articles)?;
        Ok(SessionView {
            session,
            articles,
            missing,
            pivot,
            notes,
            layout: None,
            passages: Vec::new(),
            reused_words: Vec::new(),
            quotes: Vec::new(),
            quote_matches: Vec::new(),
            background,
        })
    }

    /// [`Library::load_session_view`] and [`SessionView::lay_out`] in one call.
    pub fn session_view(&self, id: SessionId, pivot: Option<ArticleId>) -> Result<SessionView> {
        let mut view = self.load_session_view(id, pivot)?;
        view.lay_out();
        Ok(view)
    }
}

impl SessionView {
    /// The session number of each article's first quotation: quotations are numbered across
    /// the session, articles in column order, each article's in text order. The text marks and
    /// whoever lists the quotations use this one numbering.
    pub fn first_quote_ids(&self) -> Vec<usize> {
        let mut next = 0;
        self.quotes
            .iter()
            .map(|quotes| {
                let first = next;
                next += quotes.len();
                first
            })
            .collect()
    }

    /// Aligns the articles against the pivot and lays them out with the notes' passages
    /// marked. With fewer than two articles left there is nothing to align: `layout` stays
    /// `None`.
    pub fn lay_out(&mut self) {
        // Quotations, and which the articles share, misquote or give to another speaker.
        self.quotes = self
            .articles
            .iter()
            .map(|a| parallax_core::quotes::quotes(&a.body, &a.boilerplate))
            .collect();
        let inputs: Vec<(&str, &[Quote])> = self
            .articles
            .iter()
            .zip(&self.quotes)
            .map(|(a, q)| (a.body.as_str(), q.as_slice()))
            .collect();
        self.quote_matches = match_quotes(&inputs);
        let Some(pivot) = self.pivot else { return };
        if self.articles.len() < 2 {
            self.layout = None;
            return;
        }
        let pivot = self
            .articles
            .iter()
            .position(|a| a.summary.id == pivot)
            .unwrap_or(0);
        let alignment = align_articles(&self.articles, pivot, self.background.clone());
        // Passages the session's articles share: highlighted in the text, listed, counted.
        let texts: Vec<ReuseText> = self
            .articles
            .iter()
            .map(|a| ReuseText::new(&a.body, &a.boilerplate))
            .collect();
        let found = shared_passages(&texts, &ReuseOptions::default());
        let covered = covered_ranges(texts.len(), &found);
        self.reused_words = texts
            .iter()
            .zip(&covered)
            .map(|(text, ranges)| (text.words_within(ranges), text.len()))
            .collect();
        let dated: Vec<(ArticleId, Option<&str>)> = self
            .articles
            .iter()
            .map(|a| (a.summary.id, a.summary.published.as_deref()))
            .collect();
        self.passages = found
            .iter()
            .map(|(a, b, passage)| shared_passage(dated[*a], dated[*b], passage))
            .collect();

        // Quote marks carry the quotation's number in the session (see `first_quote_ids`).
        let quote_marks: Vec<Vec<Mark>> = self
            .quotes
            .iter()
            .zip(self.first_quote_ids())
            .map(|(quotes, first)| {
                quotes
                    .iter()
                    .enumerate()
                    .flat_map(|(i, q)| {
                        q.parts.iter().map(move |part| Mark {
                            id: (first + i) as i64,
                            range: part.clone(),
                        })
                    })
                    .collect()
            })
            .collect();

        let marks: Vec<ArticleMarks> = self
            .articles
            .iter()
            .zip(covered)
            .zip(quote_marks)
            .map(|((article, shared), quotes)| ArticleMarks {
                notes: self
                    .notes
                    .iter()
                    .filter(|n| n.article_id == Some(article.summary.id))
                    .filter_map(|n| {
                        let (start, end) = n.located?;
                        Some(Mark {
                            id: n.id.0,
                            range: start..end,
                        })
                    })
                    .collect(),
                quotes,
                shared,
            })
            .collect();
        let bodies: Vec<&str> = self.articles.iter().map(|a| a.body.as_str()).collect();
        self.layout = Some(side_by_side(&alignment, &bodies, &marks));
    }
}
