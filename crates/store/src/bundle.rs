//! Session bundles: a session with its articles' texts and metadata, its notes and its view
//! state in one JSON file, opened in another library to recreate the comparison. This is how a
//! colleague receives a comparison: the articles are imported (a text the library already holds
//! is recognised by its hash and not imported twice), the session is made anew and the notes
//! are anchored again by their quoted words.

use crate::articles::{Article, ArticleId};
use crate::import::ImportReport;
use crate::notes::NewNote;
use crate::sessions::{SessionId, SessionSummary};
use crate::{Library, Result, StoreError};
use parallax_core::ingest::{Document, Metadata};
use parallax_core::text::content_hash;
use serde::{Deserialize, Serialize};

/// What a bundle file says it is.
pub const BUNDLE_FORMAT: &str = "parallax-bundle";
/// The bundle layout written; an older or newer one is refused with a clear reason.
pub const BUNDLE_VERSION: u32 = 1;

/// A session saved to be opened in another library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    /// Always [`BUNDLE_FORMAT`].
    pub format: String,
    /// [`BUNDLE_VERSION`] when written.
    pub version: u32,
    /// The session's name.
    pub name: String,
    /// The UI's view state as saved (its `pivot` names an article by its id in `articles`).
    pub view_state: serde_json::Value,
    /// The session's articles, in column order.
    pub articles: Vec<BundledArticle>,
    /// The session's notes.
    pub notes: Vec<BundledNote>,
}

/// An article of a bundle: its text and metadata as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundledArticle {
    /// Its id in the library it was saved from (what the view state and the notes refer to).
    pub id: ArticleId,
    /// Hex SHA-256 of the body, checked on opening.
    pub sha256: String,
    /// The body, boilerplate, metadata and format.
    pub document: Document,
}

/// A note of a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundledNote {
    /// The article it is on (an id of `articles`), if any.
    pub article: Option<ArticleId>,
    /// Markdown body.
    pub body: String,
    /// Tags.
    pub tags: Vec<String>,
    /// The quoted words and their context, found again on opening.
    pub quote: Option<crate::notes::NoteQuote>,
}

/// What opening a bundle did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct OpenedBundle {
    /// The session made.
    pub session: SessionSummary,
    /// Articles imported from the bundle.
    pub imported: Vec<ArticleId>,
    /// Articles the library already held (the same text), used as they are.
    pub existing: Vec<ArticleId>,
    /// Notes recreated.
    pub notes: usize,
    /// Notes whose quoted words were not found again (kept, marked orphaned).
    pub orphaned: usize,
}

/// Everything that could make opening `bundle` stop half-way, checked before anything is
/// written: the name, the number of articles, each text against its hash and the importer's
/// rules (not empty, boilerplate inside it), and each note against the notes' rules.
fn check_bundle(bundle: &Bundle) -> Result<()> {
    let invalid = |why: String| Err(StoreError::InvalidInput(why));
    if bundle.name.trim().is_empty() {
        return invalid("this bundle's session has no name".into());
    }
    let count = bundle.articles.len();
    if !(crate::MIN_ARTICLES..=crate::MAX_ARTICLES).contains(&count) {
        return invalid(format!(
            "this bundle holds {count} articles; a session compares {} to {}",
            crate::MIN_ARTICLES,
            crate::MAX_ARTICLES
        ));
    }
    let mut hashes = std::collections::HashSet::new();
    for article in &bundle.articles {
        let document = &article.document;
        let title = document.metadata.title.as_deref().unwrap_or("an article");
        if content_hash(&document.body) != article.sha256 {
            return invalid(format!(
                "the text of “{title}” in this bundle does not match its SHA-256: the file was changed or damaged"
            ));
        }
        if !hashes.insert(article.sha256.as_str()) {
            return invalid(format!("this bundle holds the text of “{title}” twice"));
        }
        let body = &document.body;
        let boilerplate_fits = document.boilerplate.iter().all(|r| {
            r.start <= r.end && body.is_char_boundary(r.start) && body.is_char_boundary(r.end)
        });
        if body.trim().is_empty() || !boilerplate_fits {
            return invalid(format!(
                "the text of “{title}” in this bundle is not as Parallax stores texts: the file was made by something else"
            ));
        }
    }
    for note in &bundle.notes {
        if note
            .article
            .is_some_and(|a| !bundle.articles.iter().any(|b| b.id == a))
        {
            return invalid(
                "a note of this bundle is on an article the bundle does not hold".into(),
            );
        }
        let quoted = note.article.is_some()
            && note
                .quote
                .as_ref()
                .is_some_and(|q| !q.exact.trim().is_empty());
        if note.body.trim().is_empty() && !quoted {
            return invalid("a note of this bundle has neither words nor a quoted passage".into());
        }
    }
    Ok(())
}

impl Article {
    /// The article as a document: what importing it again would store.
    pub fn document(&self) -> Document {
        let s = &self.summary;
        Document {
            body: self.body.clone(),
            boilerplate: self.boilerplate.clone(),
            metadata: Metadata {
                title: Some(s.title.clone()),
                title_derived: s.title_derived,
                outlet: s.outlet.clone(),
                agency: s.agency.clone(),
                author: s.author.clone(),
                published: s.published.clone(),
                url: s.url.clone(),
                language: self.language.clone(),
            },
            format: s.format,
        }
    }
}

impl Library {
    /// The session as a bundle. Articles deleted from the library since are left out (and
    /// the notes on them kept without their article).
    pub fn bundle(&self, id: SessionId) -> Result<Bundle> {
        let session = self.session(id)?;
        let mut articles = Vec::new();
        for &article in &session.summary.articles {
            match self.get(article) {
                Ok(a) => articles.push(BundledArticle {
                    id: a.summary.id,
                    sha256: content_hash(&a.body),
                    document: a.document(),
                }),
                Err(StoreError::ArticleNotFound(_)) => {}
                Err(e) => return Err(e),
            }
        }
        let kept = |a: Option<ArticleId>| a.filter(|a| articles.iter().any(|b| b.id == *a));
        let notes = self
            .notes(id)?
            .into_iter()
            .map(|n| BundledNote {
                article: kept(n.article),
                body: n.body,
                tags: n.tags,
                quote: n.quote.filter(|_| kept(n.article).is_some()),
            })
            .collect();
        Ok(Bundle {
            format: BUNDLE_FORMAT.to_string(),
            version: BUNDLE_VERSION,
            name: session.summary.name,
            view_state: session.view_state,
            articles,
            notes,
        })
    }

    /// Opens a bundle: imports its articles (the ones the library holds already are used as
    /// they are), makes the session with its view state and recreates its notes. A bundle
    /// that is not one, of another version, or that the library could not take whole (texts
    /// that do not match their hashes or are not as the importer stores them, a nameless
    /// session, a note without words) is refused before anything is written; only a failing
    /// disk could stop it after the articles are in.
    pub fn open_bundle(&mut self, bundle: &Bundle) -> Result<OpenedBundle> {
        if bundle.format != BUNDLE_FORMAT {
            return Err(StoreError::InvalidInput(
                "this file is not a Parallax session bundle".into(),
            ));
        }
        if bundle.version != BUNDLE_VERSION {
            return Err(StoreError::InvalidInput(format!(
                "this bundle is of version {}, and this Parallax opens version {BUNDLE_VERSION}",
                bundle.version
            )));
        }
        check_bundle(bundle)?;
        let report: ImportReport = self.import_documents(
            bundle
                .articles
                .iter()
                .map(|a| {
                    let name = a.document.metadata.title.clone().unwrap_or_default();
                    (name, a.document.clone())
                })
                .collect(),
        );
        if let Some(failed) = report.failed.first() {
            return Err(StoreError::InvalidInput(format!(
                "an article of the bundle could not be imported ({}): {}",
                failed.path.display(),
                failed.error
            )));
        }
        // Old id -> id in this library, by the text's hash.
        let mut ids = Vec::with_capacity(bundle.articles.len());
        for article in &bundle.articles {
            let id = crate::articles::find_by_hash(&self.conn, &article.sha256)?
                .map(|(id, _, _)| id)
                .ok_or_else(|| {
                    StoreError::InvalidInput("an article of the bundle was not stored".into())
                })?;
            ids.push((article.id, id));
        }
        let new_id = |old: ArticleId| ids.iter().find(|(o, _)| *o == old).map(|(_, n)| *n);
        let imported: Vec<ArticleId> = report.imported.iter().map(|f| f.id).collect();
        let existing = ids
            .iter()
            .map(|(_, n)| *n)
            .filter(|n| !imported.contains(n))
            .collect();

        let columns: Vec<ArticleId> = ids.iter().map(|(_, n)| *n).collect();
        let session = self.create_session(&bundle.name, &columns)?;
        let mut view_state = bundle.view_state.clone();
        if let Some(pivot) = view_state.get("pivot").and_then(|p| p.as_i64()) {
            view_state["pivot"] =
                new_id(ArticleId(pivot)).map_or(serde_json::Value::Null, |n| n.0.into());
        }
        if view_state.is_object() {
            self.save_view_state(session.id, view_state)?;
        }
        let (mut notes, mut orphaned) = (0, 0);
        for note in &bundle.notes {
            let article = note.article.and_then(new_id);
            let quote = note.quote.as_ref().filter(|_| article.is_some());
            let made = self.add_note(NewNote {
                session: Some(session.id),
                article,
                quote: quote.map(|q| q.exact.clone()),
                prefix: quote.map(|q| q.prefix.clone()),
                suffix: quote.map(|q| q.suffix.clone()),
                near: quote.map(|q| q.start),
                body: note.body.clone(),
                tags: note.tags.clone(),
            });
            match made {
                Ok(_) => notes += 1,
                // The words are no longer in the text (cannot happen with matching hashes,
                // but a bundle is outside input): the note is kept on the session.
                Err(StoreError::InvalidInput(_)) if quote.is_some() => {
                    self.add_note(NewNote {
                        session: Some(session.id),
                        body: note.body.clone(),
                        tags: note.tags.clone(),
                        ..NewNote::default()
                    })?;
                    notes += 1;
                    orphaned += 1;
                }
                Err(e) => return Err(e),
            }
        }
        let session = self.session_summary(session.id)?;
        Ok(OpenedBundle {
            session,
            imported,
            existing,
            notes,
            orphaned,
        })
    }
}
