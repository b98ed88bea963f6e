//! Deletion that deletes. A delete only hides (so it can be undone); emptying the trash removes
//! the deleted articles, notes and sessions for good and then erases their words from the file:
//! SQLite zeroes freed pages (`secure_delete`, on for every connection), the full-text indexes
//! are merged so no segment still lists a removed article's words, the file is rebuilt
//! (`VACUUM`) and the write-ahead log truncated. A journalist who deletes a source's article can
//! then hand over the library file without it.
//!
//! Also here: which sessions compare an article about to be deleted, and taking it out of them
//! (with what undoing that needs).

use crate::articles::ArticleId;
use crate::sessions::SessionId;
use crate::{Library, Result, StoreError};
use rusqlite::params;
use serde::{Deserialize, Serialize};

/// What the trash holds, or what emptying it removed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Trash {
    /// Deleted articles.
    pub articles: usize,
    /// Deleted notes, and notes on deleted articles (they quote their words).
    pub notes: usize,
    /// Deleted sessions (their notes are counted in `notes`).
    pub sessions: usize,
}

impl Trash {
    /// Nothing to remove.
    pub fn is_empty(&self) -> bool {
        self.articles == 0 && self.notes == 0 && self.sessions == 0
    }
}

/// A session that compares an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ArticleUse {
    /// The article.
    pub article: ArticleId,
    /// The session comparing it.
    pub session: SessionId,
    /// That session's name.
    pub session_name: String,
    /// Notes of that session on the article.
    pub notes: usize,
}

/// An article's place in a session, as taken out: enough to put it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SessionPlace {
    /// The session.
    pub session: SessionId,
    /// The article.
    pub article: ArticleId,
    /// Its column.
    pub position: i64,
}

/// Rows in the trash: deleted sessions, deleted notes or notes of deleted sessions or on deleted
/// articles, deleted articles.
const TRASHED_SESSIONS: &str = "SELECT id FROM sessions WHERE deleted_at IS NOT NULL";
const TRASHED_ARTICLES: &str = "SELECT id FROM articles WHERE deleted_at IS NOT NULL";

fn trashed_notes() -> String {
    format!(
        "SELECT id FROM notes WHERE deleted_at IS NOT NULL \
         OR session_id IN ({TRASHED_SESSIONS}) OR article_id IN ({TRASHED_ARTICLES})"
    )
}

impl Library {
    /// What [`Library::empty_trash`] would remove.
    pub fn trash(&self) -> Result<Trash> {
        let count = |query: &str| -> Result<usize> {
            let n: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM ({query})"), [], |r| r.get(0))?;
            Ok(n as usize)
        };
        Ok(Trash {
            articles: count(TRASHED_ARTICLES)?,
            notes: count(&trashed_notes())?,
            sessions: count(TRASHED_SESSIONS)?,
        })
    }

    /// Removes every deleted article, note and session for good (notes on a deleted article go
    /// with it: they quote its words), then erases them from the file. Returns what was removed.
    /// There is no undo.
    pub fn empty_trash(&mut self) -> Result<Trash> {
        let removed = self.trash()?;
        if removed.is_empty() {
            // An erase that failed after its rows were removed is done again.
            self.erase_removed()?;
            return Ok(removed);
        }
        let tx = self.write_transaction()?;
        tx.execute(
            &format!("DELETE FROM notes WHERE id IN ({})", trashed_notes()),
            [],
        )?;
        tx.execute(
            &format!("DELETE FROM sessions WHERE id IN ({TRASHED_SESSIONS})"),
            [],
        )?;
        tx.execute(
            &format!("DELETE FROM articles WHERE id IN ({TRASHED_ARTICLES})"),
            [],
        )?;
        // Names that only the removed rows used go too: a tag, an outlet.
        tx.execute(
            "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM note_tags)",
            [],
        )?;
        tx.execute(
            "DELETE FROM outlets WHERE id NOT IN \
             (SELECT outlet_id FROM articles WHERE outlet_id IS NOT NULL)",
            [],
        )?;
        tx.commit()?;
        self.erase_removed()?;
        Ok(removed)
    }

    /// Erases what deleted rows left in the file: the full-text indexes are merged into one
    /// segment each (dropping the entries of removed rows), the file is rebuilt without free
    /// pages, and the write-ahead log, which still holds old pages, is truncated.
    pub(crate) fn erase_removed(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "INSERT INTO articles_fts(articles_fts) VALUES ('optimize'); \
             INSERT INTO notes_fts(notes_fts) VALUES ('optimize');",
        )?;
        self.conn.execute_batch("VACUUM")?;
        // TRUNCATE waits for readers (busy timeout) and leaves a zero-length log; a reader
        // that stays past it leaves the log, and its old pages, as they are: say so.
        for _ in 0..3 {
            let busy: i64 = self
                .conn
                .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| r.get(0))?;
            if busy == 0 {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(500));
        }
        Err(StoreError::InvalidInput(
            "the trash is emptied, but another window or command is reading the library, so \
             its log still holds the removed text: close it and empty the trash again"
                .into(),
        ))
    }

    /// The live sessions that compare any of `ids`, with their notes on each.
    pub fn article_uses(&self, ids: &[ArticleId]) -> Result<Vec<ArticleUse>> {
        let mut query = self.conn.prepare_cached(
            "SELECT sa.article_id, s.id, s.name, \
               (SELECT count(*) FROM notes n WHERE n.session_id = s.id \
                  AND n.article_id = sa.article_id AND n.deleted_at IS NULL) \
             FROM session_articles sa JOIN sessions s ON s.id = sa.session_id \
             WHERE sa.article_id = ?1 AND s.deleted_at IS NULL ORDER BY s.name, s.id",
        )?;
        let mut uses = Vec::new();
        for id in ids {
            let rows = query.query_map([id.0], |r| {
                Ok(ArticleUse {
                    article: ArticleId(r.get(0)?),
                    session: SessionId(r.get(1)?),
                    session_name: r.get(2)?,
                    notes: r.get::<_, i64>(3)? as usize,
                })
            })?;
            for row in rows {
                uses.push(row?);
            }
        }
        Ok(uses)
    }

    /// Takes `ids` out of every live session that compares them (a session may be left with one
    /// article, or none); their notes stay with the session. Returns the places taken, for
    /// [`Library::put_back_in_sessions`].
    pub fn remove_from_sessions(&mut self, ids: &[ArticleId]) -> Result<Vec<SessionPlace>> {
        let tx = self.write_transaction()?;
        let mut places = Vec::new();
        for id in ids {
            let mut query = tx.prepare_cached(
                "SELECT sa.session_id, sa.position FROM session_articles sa \
                 JOIN sessions s ON s.id = sa.session_id \
                 WHERE sa.article_id = ?1 AND s.deleted_at IS NULL",
            )?;
            let found = query
                .query_map([id.0], |r| {
                    Ok(SessionPlace {
                        session: SessionId(r.get(0)?),
                        article: *id,
                        position: r.get(1)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            places.extend(found);
        }
        for place in &places {
            tx.execute(
                "DELETE FROM session_articles WHERE session_id = ?1 AND article_id = ?2",
                params![place.session.0, place.article.0],
            )?;
        }
        tx.commit()?;
        Ok(places)
    }

    /// Undoes [`Library::remove_from_sessions`].
    pub fn put_back_in_sessions(&mut self, places: &[SessionPlace]) -> Result<()> {
        let tx = self.write_transaction()?;
        for place in places {
            // Only into a session still there, with an article still there, and never past the
            // most a session compares.
            tx.execute(
                "INSERT OR IGNORE INTO session_articles (session_id, article_id, position) \
                 SELECT ?1, ?2, ?3 \
                 WHERE EXISTS (SELECT 1 FROM sessions WHERE id = ?1 AND deleted_at IS NULL) \
                 AND EXISTS (SELECT 1 FROM articles WHERE id = ?2) \
                 AND (SELECT count(*) FROM session_articles WHERE session_id = ?1) < ?4",
                params![
                    place.session.0,
                    place.article.0,
                    place.position,
                    crate::MAX_ARTICLES as i64
                ],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}
