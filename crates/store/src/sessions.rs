//! Comparison sessions: a named set of 2–8 articles with the UI's view state and notes.

use crate::articles::{check_compared, check_length, ArticleId};
use crate::{Library, Result, StoreError};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

/// The id of a comparison session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct SessionId(pub i64);

impl std::fmt::Display for SessionId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What the session list shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    /// Its id.
    pub id: SessionId,
    /// Its name.
    pub name: String,
    /// When it was created (RFC 3339, UTC, milliseconds).
    pub created_at: String,
    /// When it was last changed (renamed, articles or view state changed).
    pub updated_at: String,
    /// The compared articles, in column order.
    pub articles: Vec<ArticleId>,
}

/// A whole session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Session {
    /// Its name, dates and articles.
    #[serde(flatten)]
    pub summary: SessionSummary,
    /// The UI's JSON (columns, pivot, scroll, open panel); the store does not interpret it.
    pub view_state: serde_json::Value,
}

pub(crate) const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

/// Trims a session name; a blank one is refused.
fn clean_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::InvalidInput(
            "the session name cannot be empty".into(),
        ));
    }
    Ok(name)
}

/// Checks a session's articles: 2–8, none twice, each in the library, not deleted and short
/// enough to compare.
fn check_articles(conn: &Connection, ids: &[ArticleId]) -> Result<()> {
    check_compared(ids)?;
    for id in ids {
        let words: Option<i64> = conn
            .prepare_cached("SELECT word_count FROM articles WHERE id = ?1 AND deleted_at IS NULL")?
            .query_row([id.0], |r| r.get(0))
            .optional()?;
        let Some(words) = words else {
            return Err(StoreError::ArticleNotFound(id.0));
        };
        check_length(*id, words as usize)?;
    }
    Ok(())
}

fn insert_articles(conn: &Connection, session: SessionId, ids: &[ArticleId]) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO session_articles (session_id, article_id, position) VALUES (?1, ?2, ?3)",
    )?;
    for (position, id) in ids.iter().enumerate() {
        stmt.execute(params![session.0, id.0, position as i64])?;
    }
    Ok(())
}

/// Errors with `SessionNotFound` unless the session exists and is not deleted.
pub(crate) fn require_session(conn: &Connection, id: SessionId) -> Result<()> {
    let exists = conn
        .prepare_cached("SELECT 1 FROM sessions WHERE id = ?1 AND deleted_at IS NULL")?
        .exists([id.0])?;
    if exists {
        Ok(())
    } else {
        Err(StoreError::SessionNotFound(id.0))
    }
}

/// The articles of a session in column order.
pub(crate) fn session_articles(conn: &Connection, id: SessionId) -> Result<Vec<ArticleId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT article_id FROM session_articles WHERE session_id = ?1 ORDER BY position",
    )?;
    let ids = stmt
        .query_map([id.0], |r| Ok(ArticleId(r.get(0)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ids)
}

impl Library {
    /// Creates a session comparing `articles` (2–8 distinct articles in the library, in column
    /// order) under `name` (trimmed, not blank).
    pub fn create_session(&mut self, name: &str, articles: &[ArticleId]) -> Result<SessionSummary> {
        let name = clean_name(name)?;
        let tx = self.write_transaction()?;
        check_articles(&tx, articles)?;
        tx.execute(
            &format!(
                "INSERT INTO sessions (name, created_at, updated_at) VALUES (?1, {NOW}, {NOW})"
            ),
            [name],
        )?;
        let id = SessionId(tx.last_insert_rowid());
        insert_articles(&tx, id, articles)?;
        tx.commit()?;
        self.session_summary(id)
    }

    /// Every session not deleted, the most recently changed first.
    pub fn list_sessions(&self) -> Result<Vec<SessionSummary>> {
        let ids: Vec<SessionId> = self
            .conn
            .prepare_cached(
                "SELECT id FROM sessions WHERE deleted_at IS NULL \
                 ORDER BY updated_at DESC, id DESC",
            )?
            .query_map([], |r| Ok(SessionId(r.get(0)?)))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.session_summary(id)).collect()
    }

    /// One session's name, dates and articles.
    pub fn session_summary(&self, id: SessionId) -> Result<SessionSummary> {
        Ok(self.session(id)?.summary)
    }

    /// One session with its view state.
    pub fn session(&self, id: SessionId) -> Result<Session> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT name, created_at, updated_at, view_state FROM sessions \
                 WHERE id = ?1 AND deleted_at IS NULL",
            )?
            .query_row([id.0], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                ))
            })
            .optional()?;
        let (name, created_at, updated_at, view_state) =
            row.ok_or(StoreError::SessionNotFound(id.0))?;
        // A damaged view state must not lock the user out of the session: start from empty.
        let view_state = serde_json::from_str(&view_state)
            .unwrap_or_else(|_| serde_json::Value::Object(Default::default()));
        Ok(Session {
            summary: SessionSummary {
                id,
                name,
                created_at,
                updated_at,
                articles: session_articles(&self.conn, id)?,
            },
            view_state,
        })
    }

    /// Renames a session.
    pub fn rename_session(&mut self, id: SessionId, name: &str) -> Result<SessionSummary> {
        let name = clean_name(name)?;
        let changed = self.conn.execute(
            &format!(
                "UPDATE sessions SET name = ?2, updated_at = {NOW} \
                 WHERE id = ?1 AND deleted_at IS NULL"
            ),
            params![id.0, name],
        )?;
        if changed == 0 {
            return Err(StoreError::SessionNotFound(id.0));
        }
        self.session_summary(id)
    }

    /// Copies a session: its articles, view state and notes (with their tags and anchors),
    /// under the name "… (copy)".
    pub fn duplicate_session(&mut self, id: SessionId) -> Result<SessionSummary> {
        let tx = self.write_transaction()?;
        require_session(&tx, id)?;
        tx.execute(
            &format!(
                "INSERT INTO sessions (name, created_at, updated_at, view_state) \
                 SELECT name || ' (copy)', {NOW}, {NOW}, view_state FROM sessions WHERE id = ?1"
            ),
            [id.0],
        )?;
        let copy = SessionId(tx.last_insert_rowid());
        tx.execute(
            "INSERT INTO session_articles (session_id, article_id, position) \
             SELECT ?2, article_id, position FROM session_articles WHERE session_id = ?1",
            params![id.0, copy.0],
        )?;
        let notes: Vec<i64> = tx
            .prepare(
                "SELECT id FROM notes WHERE session_id = ?1 AND deleted_at IS NULL ORDER BY id",
            )?
            .query_map([id.0], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for note in notes {
            // The copy keeps the original's dates: it is the same note, in another session.
            tx.execute(
                "INSERT INTO notes (session_id, article_id, body, anchor_exact, anchor_prefix, \
                 anchor_suffix, anchor_start, anchor_end, created_at, updated_at) \
                 SELECT ?2, article_id, body, anchor_exact, anchor_prefix, anchor_suffix, \
                 anchor_start, anchor_end, created_at, updated_at FROM notes WHERE id = ?1",
                params![note, copy.0],
            )?;
            let new_note = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO note_tags (note_id, tag_id) SELECT ?2, tag_id FROM note_tags \
                 WHERE note_id = ?1",
                params![note, new_note],
            )?;
        }
        tx.commit()?;
        self.session_summary(copy)
    }

    /// Marks a session deleted; [`Library::restore_session`] brings it back with its notes.
    pub fn delete_session(&mut self, id: SessionId) -> Result<()> {
        let changed = self.conn.execute(
            &format!("UPDATE sessions SET deleted_at = {NOW} WHERE id = ?1 AND deleted_at IS NULL"),
            [id.0],
        )?;
        if changed == 0 {
            return Err(StoreError::SessionNotFound(id.0));
        }
        Ok(())
    }

    /// Undoes [`Library::delete_session`].
    pub fn restore_session(&mut self, id: SessionId) -> Result<()> {
        let changed = self.conn.execute(
            "UPDATE sessions SET deleted_at = NULL WHERE id = ?1 AND deleted_at IS NOT NULL",
            [id.0],
        )?;
        if changed == 0 {
            return Err(StoreError::SessionNotFound(id.0));
        }
        Ok(())
    }

    /// Replaces a session's articles (2–8, in column order). Notes on an article taken out stay
    /// with the session: adding the article back shows them again.
    pub fn set_session_articles(
        &mut self,
        id: SessionId,
        articles: &[ArticleId],
    ) -> Result<SessionSummary> {
        let tx = self.write_transaction()?;
        require_session(&tx, id)?;
        check_articles(&tx, articles)?;
        tx.execute("DELETE FROM session_articles WHERE session_id = ?1", [id.0])?;
        insert_articles(&tx, id, articles)?;
        tx.execute(
            &format!("UPDATE sessions SET updated_at = {NOW} WHERE id = ?1"),
            [id.0],
        )?;
        tx.commit()?;
        self.session_summary(id)
    }

    /// Stores the UI's view state of a session.
    pub fn save_view_state(&mut self, id: SessionId, view_state: serde_json::Value) -> Result<()> {
        let changed = self.conn.execute(
            &format!(
                "UPDATE sessions SET view_state = ?2, updated_at = {NOW} \
                 WHERE id = ?1 AND deleted_at IS NULL"
            ),
            params![id.0, view_state.to_string()],
        )?;
        if changed == 0 {
            return Err(StoreError::SessionNotFound(id.0));
        }
        Ok(())
    }
}
