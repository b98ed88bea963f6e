//! Notes: on a session, on an article, or on a passage of an article (anchored), with tags.
//!
//! An anchored note stores the W3C quote and position ([`parallax_core::anchor`]). Every read
//! re-resolves the anchor against the article's current body; a note whose passage is gone is
//! returned as orphaned, never dropped.

use crate::articles::ArticleId;
use crate::search::fts_query;
use crate::sessions::{require_session, session_articles, SessionId, NOW};
use crate::{Library, Result, StoreError};
use parallax_core::anchor::{self, Anchor, Hint, LocateError, TextPosition, TextQuote};
pub use parallax_core::NoteId;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A stored note, its passage found again in the article as it is now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Note {
    /// Its id.
    pub id: NoteId,
    /// The session it belongs to.
    pub session: Option<SessionId>,
    /// The article it is about (`None` for a session note, or once the article was purged).
    pub article: Option<ArticleId>,
    /// Markdown.
    pub body: String,
    /// Tag names, sorted case-insensitively.
    pub tags: Vec<String>,
    /// The passage it is on, when it is on one.
    pub quote: Option<NoteQuote>,
    /// It had a passage that can no longer be found: shown apart, never dropped.
    pub orphaned: bool,
    /// When it was written (RFC 3339, UTC, milliseconds).
    pub created_at: String,
    /// When it was last edited.
    pub updated_at: String,
}

/// The passage of a note: the text as it was when the note was written, with the context that
/// tells it apart from repeats (W3C `TextQuoteSelector`), and where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NoteQuote {
    /// The passage's text.
    pub exact: String,
    /// Text right before it.
    pub prefix: String,
    /// Text right after it.
    pub suffix: String,
    /// Byte offset of the passage in the article body now; for an orphaned note, where it was
    /// when the note was written.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
}

impl Note {
    /// Where its passage is now (byte offsets into the article body), unless it has none or
    /// it is orphaned.
    pub fn located(&self) -> Option<(usize, usize)> {
        let quote = self.quote.as_ref().filter(|_| !self.orphaned)?;
        Some((quote.start, quote.end))
    }
}

/// A note to add. With a `quote`, `article` is required and the quote must be in its body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NewNote {
    /// The session it belongs to.
    pub session: Option<SessionId>,
    /// The article it is about.
    pub article: Option<ArticleId>,
    /// The selected text.
    pub quote: Option<String>,
    /// Text right before the selection, to tell repeated quotes apart.
    pub prefix: Option<String>,
    /// Text right after the selection.
    pub suffix: Option<String>,
    /// A byte offset of the body near the selection (say, the start of the sentence it was
    /// made in): among equally good matches of a repeated quote, the nearest wins.
    pub near: Option<usize>,
    /// Markdown.
    pub body: String,
    /// Tag names; new ones are created, existing ones reused whatever their case.
    pub tags: Vec<String>,
}

/// A tag and how many notes carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TagCount {
    /// The tag as first written.
    pub name: String,
    /// Notes (not deleted) that carry it.
    pub notes: usize,
}

const NOTE_COLUMNS: &str = "n.id, n.session_id, n.article_id, n.body, n.anchor_exact, \
     n.anchor_prefix, n.anchor_suffix, n.anchor_start, n.anchor_end, n.created_at, n.updated_at";

/// A note row before tags and resolution.
fn note_from_row(row: &Row<'_>) -> rusqlite::Result<Note> {
    let exact: Option<String> = row.get(4)?;
    let quote = exact.map(|exact| -> rusqlite::Result<NoteQuote> {
        Ok(NoteQuote {
            exact,
            prefix: row.get::<_, Option<String>>(5)?.unwrap_or_default(),
            suffix: row.get::<_, Option<String>>(6)?.unwrap_or_default(),
            start: row.get::<_, Option<i64>>(7)?.unwrap_or(0) as usize,
            end: row.get::<_, Option<i64>>(8)?.unwrap_or(0) as usize,
        })
    });
    Ok(Note {
        id: NoteId(row.get(0)?),
        session: row.get::<_, Option<i64>>(1)?.map(SessionId),
        article: row.get::<_, Option<i64>>(2)?.map(ArticleId),
        body: row.get(3)?,
        tags: Vec::new(),
        quote: quote.transpose()?,
        orphaned: false,
        created_at: row.get(9)?,
        updated_at: row.get(10)?,
    })
}

/// Tag names trimmed, blanks dropped, each once whatever its case (the first spelling wins).
fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    tags.iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty() && seen.insert(t.to_lowercase()))
        .map(str::to_string)
        .collect()
}

/// Links `tags` to a note, creating the new ones; the caller owns the transaction.
fn link_tags(conn: &Connection, note: NoteId, tags: &[String]) -> Result<()> {
    for tag in clean_tags(tags) {
        // UNIQUE COLLATE NOCASE: "Oil" reuses an existing "oil".
        conn.prepare_cached("INSERT INTO tags (name) VALUES (?1) ON CONFLICT(name) DO NOTHING")?
            .execute([&tag])?;
        let tag_id: i64 = conn
            .prepare_cached("SELECT id FROM tags WHERE name = ?1")?
            .query_row([&tag], |r| r.get(0))?;
        conn.prepare_cached("INSERT OR IGNORE INTO note_tags (note_id, tag_id) VALUES (?1, ?2)")?
            .execute(params![note.0, tag_id])?;
    }
    Ok(())
}

impl Library {
    /// Adds a note. With a quote, the article is required and the quote must be found in its
    /// body (white space may differ; prefix and suffix pick among repeats); the stored anchor
    /// holds the text exactly as it is in the body.
    pub fn add_note(&mut self, new: NewNote) -> Result<Note> {
        let quote = new.quote.as_deref().filter(|q| !q.trim().is_empty());
        if new.body.trim().is_empty() && quote.is_none() {
            return Err(StoreError::InvalidInput(
                "a note needs a body or a quoted passage".into(),
            ));
        }
        if new.session.is_none() && new.article.is_none() {
            return Err(StoreError::InvalidInput(
                "a note belongs to a session or an article".into(),
            ));
        }
        if let Some(session) = new.session {
            require_session(&self.conn, session)?;
            if let Some(article) = new.article {
                if !session_articles(&self.conn, session)?.contains(&article) {
                    return Err(StoreError::InvalidInput(format!(
                        "article {article} is not in session {session}"
                    )));
                }
            }
        }
        let anchor = match (quote, new.article) {
            (None, _) => None,
            (Some(_), None) => {
                return Err(StoreError::InvalidInput(
                    "a quote needs the article it is from".into(),
                ))
            }
            (Some(quote), Some(article)) => {
                let body = self.get(article)?.body;
                let hint = Hint {
                    prefix: new.prefix.as_deref(),
                    suffix: new.suffix.as_deref(),
                    near: new.near,
                };
                let range = anchor::locate(&body, quote, Some(hint)).map_err(|e| match e {
                    LocateError::NotFound => StoreError::InvalidInput(format!(
                        "the quoted text is not in article {article}"
                    )),
                    LocateError::Empty => {
                        StoreError::InvalidInput("the quoted text is empty".into())
                    }
                })?;
                Some(anchor::describe(&body, range))
            }
        };
        if let (Some(article), None) = (new.article, &anchor) {
            // A note on a whole article: the article must exist.
            self.summary(article)?;
        }
        let tx = self.write_transaction()?;
        tx.execute(
            &format!(
                "INSERT INTO notes (session_id, article_id, body, anchor_exact, anchor_prefix, \
                 anchor_suffix, anchor_start, anchor_end, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, {NOW}, {NOW})"
            ),
            params![
                new.session.map(|s| s.0),
                new.article.map(|a| a.0),
                new.body.trim(),
                anchor.as_ref().map(|a| &a.quote.exact),
                anchor.as_ref().map(|a| &a.quote.prefix),
                anchor.as_ref().map(|a| &a.quote.suffix),
                anchor.as_ref().map(|a| a.position.start as i64),
                anchor.as_ref().map(|a| a.position.end as i64),
            ],
        )?;
        let id = NoteId(tx.last_insert_rowid());
        link_tags(&tx, id, &new.tags)?;
        tx.commit()?;
        self.note(id)
    }

    /// One note (not deleted), its anchor resolved.
    pub fn note(&self, id: NoteId) -> Result<Note> {
        let note = self
            .conn
            .prepare_cached(&format!(
                "SELECT {NOTE_COLUMNS} FROM notes n WHERE n.id = ?1 AND n.deleted_at IS NULL"
            ))?
            .query_row([id.0], note_from_row)
            .optional()?
            .ok_or(StoreError::NoteNotFound(id.0))?;
        let mut notes = self.finish(vec![note])?;
        Ok(notes.remove(0))
    }

    /// A session's notes in reading order: anchored notes by the session's article order, then
    /// by where their passage is now; then the other notes by creation. Orphaned notes are kept.
    pub fn notes(&self, session: SessionId) -> Result<Vec<Note>> {
        require_session(&self.conn, session)?;
        let notes: Vec<Note> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {NOTE_COLUMNS} FROM notes n \
                 WHERE n.session_id = ?1 AND n.deleted_at IS NULL ORDER BY n.created_at, n.id"
            ))?
            .query_map([session.0], note_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        let mut notes = self.finish(notes)?;
        let columns = session_articles(&self.conn, session)?;
        // Articles no longer in the session sort after those in it, by id.
        let column = |a: Option<ArticleId>| {
            a.map_or((usize::MAX, 0), |a| {
                (
                    columns
                        .iter()
                        .position(|&c| c == a)
                        .unwrap_or(columns.len()),
                    a.0,
                )
            })
        };
        // Stable sort: notes that compare equal keep their creation order.
        notes.sort_by_key(|n| match &n.quote {
            // Orphans after the located notes of their article: they have no place in it.
            Some(quote) => (0, column(n.article), n.orphaned, quote.start),
            None => (1, (0, 0), false, 0),
        });
        Ok(notes)
    }

    /// Replaces a note's body and tags.
    pub fn update_note(&mut self, id: NoteId, body: &str, tags: &[String]) -> Result<Note> {
        let tx = self.write_transaction()?;
        let anchored: bool = tx
            .query_row(
                "SELECT anchor_exact IS NOT NULL FROM notes WHERE id = ?1 AND deleted_at IS NULL",
                [id.0],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(StoreError::NoteNotFound(id.0))?;
        if body.trim().is_empty() && !anchored {
            return Err(StoreError::InvalidInput(
                "a note needs a body or a quoted passage".into(),
            ));
        }
        tx.execute(
            &format!("UPDATE notes SET body = ?2, updated_at = {NOW} WHERE id = ?1"),
            params![id.0, body.trim()],
        )?;
        tx.execute("DELETE FROM note_tags WHERE note_id = ?1", [id.0])?;
        link_tags(&tx, id, tags)?;
        tx.commit()?;
        self.note(id)
    }

    /// Marks a note deleted; [`Library::restore_note`] brings it back.
    pub fn delete_note(&mut self, id: NoteId) -> Result<()> {
        let changed = self.conn.execute(
            &format!("UPDATE notes SET deleted_at = {NOW} WHERE id = ?1 AND deleted_at IS NULL"),
            [id.0],
        )?;
        if changed == 0 {
            return Err(StoreError::NoteNotFound(id.0));
        }
        Ok(())
    }

    /// Undoes [`Library::delete_note`].
    pub fn restore_note(&mut self, id: NoteId) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE notes SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id.0],
        )?;
        if changed == 0 {
            return Err(StoreError::NoteNotFound(id.0));
        }
        Ok(())
    }

    /// Notes whose body, quoted passage or tags match `query` (FTS5, migration 0004: all
    /// words, the last also as a prefix), best first. Deleted notes and notes of deleted sessions are left
    /// out.
    pub fn search_notes(&self, query: &str) -> Result<Vec<Note>> {
        let Some(fts) = fts_query(query) else {
            return Ok(Vec::new());
        };
        let notes: Vec<Note> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {NOTE_COLUMNS} FROM notes_fts f CROSS JOIN notes n ON n.id = f.rowid \
                 WHERE notes_fts MATCH ?1 AND n.deleted_at IS NULL \
                 AND (n.session_id IS NULL OR n.session_id IN \
                      (SELECT id FROM sessions WHERE deleted_at IS NULL)) \
                 ORDER BY f.rank"
            ))?
            .query_map([fts], note_from_row)?
            .collect::<rusqlite::Result<_>>()?;
        self.finish(notes)
    }

    /// Every tag with how many notes (not deleted) carry it, most used first: the suggestions
    /// offered across sessions.
    pub fn tags(&self) -> Result<Vec<TagCount>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.name, count(n.id) FROM tags t \
             LEFT JOIN note_tags nt ON nt.tag_id = t.id \
             LEFT JOIN notes n ON n.id = nt.note_id AND n.deleted_at IS NULL \
             GROUP BY t.id ORDER BY count(n.id) DESC, t.name COLLATE NOCASE",
        )?;
        let tags = stmt
            .query_map([], |r| {
                Ok(TagCount {
                    name: r.get(0)?,
                    notes: r.get::<_, i64>(1)? as usize,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(tags)
    }

    /// Adds tags to notes and resolves their anchors against the current article bodies.
    fn finish(&self, mut notes: Vec<Note>) -> Result<Vec<Note>> {
        // Each body is read once however many notes point at it. A deleted (not purged) article
        // still has its body, so its notes still locate.
        let mut bodies: HashMap<i64, Option<String>> = HashMap::new();
        for note in &mut notes {
            note.tags = self
                .conn
                .prepare_cached(
                    "SELECT t.name FROM note_tags nt JOIN tags t ON t.id = nt.tag_id \
                     WHERE nt.note_id = ?1 ORDER BY t.name COLLATE NOCASE",
                )?
                .query_map([note.id.0], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let Some(quote) = &mut note.quote else {
                continue;
            };
            let body = match note.article {
                Some(article) => match bodies.entry(article.0) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut().as_deref(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        let body: Option<String> = self
                            .conn
                            .prepare_cached("SELECT body FROM articles WHERE id = ?1")?
                            .query_row([article.0], |r| r.get(0))
                            .optional()?;
                        e.insert(body).as_deref()
                    }
                },
                None => None,
            };
            let written = Anchor {
                quote: TextQuote {
                    exact: quote.exact.clone(),
                    prefix: quote.prefix.clone(),
                    suffix: quote.suffix.clone(),
                },
                position: TextPosition {
                    start: quote.start,
                    end: quote.end,
                },
            };
            match body.and_then(|body| anchor::resolve(body, &written)) {
                Some(now) => (quote.start, quote.end) = (now.start, now.end),
                None => note.orphaned = true,
            }
        }
        Ok(notes)
    }
}
