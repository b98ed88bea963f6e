//! The Parallax library: articles and notes in one SQLite file.
//!
//! [`Library`] opens (and migrates) the database and offers every library operation the CLI and
//! the app need: import files and folders, list, get, full-text search, edit metadata, delete with
//! undo, the word diff of two articles, comparison sessions and notes anchored to passages. The text work itself lives in `parallax-core`; this
//! crate only reads files, stores results and answers queries.
#![deny(missing_docs)]

mod articles;
mod backup;
mod boilerplate;
mod bundle;
mod import;
mod notes;
pub mod reader;
mod reuse;
pub mod sample;
mod schema;
mod search;
mod session_view;
mod sessions;
mod trash;

pub use articles::{Article, ArticleDiff, ArticleId, ArticleSummary, MetadataEdit};
pub use boilerplate::{AfterImport, AfterImportProgress, LearnedBoilerplate};
pub use bundle::{
    Bundle, BundledArticle, BundledNote, OpenedBundle, BUNDLE_FORMAT, BUNDLE_VERSION,
};
pub use import::{
    DuplicateFile, FailedFile, ImportError, ImportEvent, ImportOutcome, ImportReport, ImportedFile,
};
pub use notes::{NewNote, Note, NoteId, NoteQuote, TagCount};
pub use parallax_core::passages::{PassageSide, SharedPassage};
pub use parallax_core::session::{MAX_ARTICLES, MAX_COMPARED_WORDS, MIN_ARTICLES};
pub use reuse::{ArticleReuse, ReuseReport, FINGERPRINT_VERSION};
pub use schema::MIGRATIONS;
pub use search::{SearchHit, SnippetPart};
pub use session_view::{AnalysisCache, SessionView};
pub use sessions::{Session, SessionId, SessionSummary};
pub use trash::{ArticleUse, SessionPlace, Trash};

use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// Name of the environment variable that overrides where the library lives.
pub const DB_ENV_VAR: &str = "PARALLAX_DB";

/// File name of the library inside the app-data directory.
pub const DB_FILE_NAME: &str = "library.sqlite3";

/// Errors of library operations.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite failed.
    #[error("database error: {0}")]
    Database(#[from] rusqlite::Error),
    /// The schema could not be brought up to date.
    #[error("could not migrate the library: {0}")]
    Migration(#[from] rusqlite_migration::Error),
    /// No (undeleted) article has this id.
    #[error("no article with id {0}")]
    ArticleNotFound(i64),
    /// No (undeleted) session has this id.
    #[error("no session with id {0}")]
    SessionNotFound(i64),
    /// No (undeleted) note has this id.
    #[error("no note with id {0}")]
    NoteNotFound(i64),
    /// The caller passed something unusable (an empty title, a malformed date).
    #[error("{0}")]
    InvalidInput(String),
    /// A file or directory could not be created or read.
    #[error("{0}")]
    Io(String),
}

/// Result of library operations.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open library.
pub struct Library {
    conn: Connection,
    path: Option<PathBuf>,
    created: bool,
    /// Article counts of words read from the full-text index, reused while the library's
    /// articles are unchanged (see [`Library::background`]).
    word_counts: std::cell::RefCell<articles::WordCounts>,
}

/// How long a write waits for another writer before giving up.
const BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

impl Library {
    /// Opens the library at `path`, creating the file and its folder when missing, and brings the
    /// schema up to date.
    pub fn open(path: &Path) -> Result<Library> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Io(format!("cannot create {}: {e}", dir.display())))?;
        }
        let conn = Connection::open(path)?;
        let mut library = Library::from_connection(conn)?;
        library.path = Some(path.to_path_buf());
        Ok(library)
    }

    /// Opens a library that lives in memory only (tests, one-off comparisons).
    pub fn open_in_memory() -> Result<Library> {
        Library::from_connection(Connection::open_in_memory()?)
    }

    fn from_connection(mut conn: Connection) -> Result<Library> {
        // WAL lets readers go on while an import writes; NORMAL sync is safe with WAL (a crash
        // loses at most the last transactions, never consistency) and keeps imports fast.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // Freed pages are zeroed: a removed article's words do not linger in free space.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // 64 MiB of page cache (the default is 2 MiB): FTS5 merges its index segments in it
        // during large imports.
        conn.pragma_update(None, "cache_size", -65536)?;
        // Another process's write (an import storing a long article, a purge) is waited for,
        // not reported as "database is locked".
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let version_before: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let mut created = version_before == 0;
        if let Err(error) = MIGRATIONS.to_latest(&mut conn) {
            // Two processes opening one new library at once: the one that lost the race finds
            // the tables made under it. Once the other is done, there is nothing left to do,
            // and this one did not create the library (it loads no sample into it).
            tracing::info!(%error, "migrating again after another process migrated");
            MIGRATIONS.to_latest(&mut conn)?;
            created = false;
        }
        Ok(Library {
            conn,
            path: None,
            created,
            word_counts: Default::default(),
        })
    }

    /// A write transaction that takes the write lock when it begins, waiting for another
    /// writer (an import) up to the busy timeout. A deferred one would read first and then
    /// fail at once when its first write meets a writer that committed in between.
    pub(crate) fn write_transaction(&mut self) -> Result<rusqlite::Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?)
    }

    /// Where the library lives on disk (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// True when this open created the library (a first run): the app then loads the sample.
    pub fn was_created(&self) -> bool {
        self.created
    }

    /// Runs SQLite's `PRAGMA integrity_check`; `Ok(())` when the file is sound.
    pub fn integrity_check(&self) -> Result<()> {
        let verdict: String = self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::InvalidInput(format!(
                "integrity check failed: {verdict}"
            )))
        }
    }
}

/// The library path to use: `explicit` (from `--db`), else `$PARALLAX_DB`, else
/// `default_dir/library.sqlite3` (the OS app-data directory, chosen by the caller).
pub fn resolve_db_path(explicit: Option<&Path>, default_dir: Option<&Path>) -> Option<PathBuf> {
    if let Some(path) = explicit {
        return Some(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(DB_ENV_VAR).filter(|v| !v.is_empty()) {
        return Some(PathBuf::from(path));
    }
    default_dir.map(|dir| dir.join(DB_FILE_NAME))
}

/// The app's bundle identifier; the app-data directory is named after it (on Linux
/// `~/.local/share/io.parallax.desktop`), shared by the app and the CLI.
pub const APP_IDENTIFIER: &str = "io.parallax.desktop";
