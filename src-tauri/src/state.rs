//! What the app holds while it runs: where the library is, one shared connection for reads and
//! small writes, the analyses of the sessions opened last, and the log writer.

use crate::ipc::{CommandError, ErrorCode};
use parallax_store::{AnalysisCache, Library};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Manager, Runtime};
use tracing_appender::non_blocking::WorkerGuard;

/// File name of the log inside the app's log directory.
const LOG_FILE_NAME: &str = "parallax.log";

/// Deleted articles stay restorable this long, then go for good at the next start (after the
/// window is up).
const KEEP_DELETED_DAYS: u32 = 7;

/// Shared state of the running app.
pub struct AppState {
    pub db_path: PathBuf,
    pub log_path: PathBuf,
    /// The open library, or why it could not be opened. The window still opens in that case,
    /// and every command answers with the reason, so the person sees what is wrong (and where
    /// the file is) instead of an app that vanishes; the file is left untouched.
    library: Result<Arc<Mutex<Library>>, String>,
    /// Session analyses kept while notes come and go (see `open_session`).
    analyses: Arc<AnalysisCache>,
    _log_guard: WorkerGuard,
}

impl AppState {
    /// Sets up logging, opens (or creates) the library, and loads the sample on a first run.
    pub fn start<R: Runtime>(app: &AppHandle<R>) -> Result<AppState, Box<dyn std::error::Error>> {
        let log_dir = app.path().app_log_dir()?;
        std::fs::create_dir_all(&log_dir)?;
        let (writer, log_guard) = tracing_appender::non_blocking(tracing_appender::rolling::never(
            &log_dir,
            LOG_FILE_NAME,
        ));
        let filter = tracing_subscriber::EnvFilter::try_from_env("PARALLAX_LOG")
            .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
        // A second start in one process (tests) keeps the first subscriber.
        let _ = tracing_subscriber::fmt()
            .with_env_filter(filter)
            .with_writer(writer)
            .with_ansi(false)
            .try_init();

        let data_dir = app.path().app_data_dir()?;
        let db_path = parallax_store::resolve_db_path(None, Some(&data_dir))
            .ok_or("no location for the library")?;
        tracing::info!(db = %db_path.display(), "opening the library");
        let library = open_library(&db_path).map_err(|e| {
            tracing::error!(db = %db_path.display(), error = %e, "cannot open the library");
            format!(
                "The library at {} could not be opened: {e}",
                db_path.display()
            )
        });
        if library.is_ok() {
            purge_in_background(db_path.clone());
        }
        Ok(AppState {
            db_path,
            log_path: log_dir.join(LOG_FILE_NAME),
            library: library.map(|l| Arc::new(Mutex::new(l))),
            analyses: Arc::default(),
            _log_guard: log_guard,
        })
    }

    /// The reason the library could not be opened at start, as a command error.
    pub fn check_open(&self) -> Result<(), CommandError> {
        match &self.library {
            Ok(_) => Ok(()),
            Err(reason) => Err(CommandError::new(ErrorCode::Database, reason.clone())),
        }
    }

    /// Runs `work` on the shared library on a blocking thread, off the webview's way.
    pub async fn with_library<T, F>(&self, work: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library) -> Result<T, CommandError> + Send + 'static,
    {
        self.check_open()?;
        let library = Arc::clone(self.library.as_ref().expect("checked above"));
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in an earlier command leaves SQLite consistent (transactions), so a
            // poisoned lock is safe to take over rather than failing every command after it.
            let mut library = library
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            work(&mut library)
        })
        .await
        .map_err(|e| CommandError::internal(format!("the library task failed: {e}")))?
    }

    /// Runs long `work` (an import, the library-wide reuse search) on a blocking thread with a
    /// connection of its own, so the shared one stays free for the UI (WAL lets both go on).
    /// `what` names the work in the error if it fails.
    pub async fn with_own_library<T, F>(&self, what: &str, work: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library) -> Result<T, CommandError> + Send + 'static,
    {
        self.check_open()?;
        let db_path = self.db_path.clone();
        tauri::async_runtime::spawn_blocking(move || work(&mut Library::open(&db_path)?))
            .await
            .map_err(|e| CommandError::internal(format!("{what} failed: {e}")))?
    }

    /// The analyses of the sessions opened last.
    pub fn analyses(&self) -> Arc<AnalysisCache> {
        Arc::clone(&self.analyses)
    }
}

/// Opens the library; on a first run loads the sample.
fn open_library(db_path: &std::path::Path) -> Result<Library, parallax_store::StoreError> {
    let mut library = Library::open(db_path)?;
    if library.was_created() {
        let report = library.import_sample();
        tracing::info!(
            imported = report.imported.len(),
            "first run: sample library loaded"
        );
    }
    Ok(library)
}

/// Removes the articles deleted more than a week ago, and their text from the file, on a thread
/// with a connection of its own: erasing vacuums the file, which takes a while on a large
/// library, and the window should not wait for it (the UI's writes wait on the busy timeout).
fn purge_in_background(db_path: PathBuf) {
    let purge = move || match Library::open(&db_path)
        .and_then(|mut library| library.purge_deleted(KEEP_DELETED_DAYS))
    {
        Ok(0) => {}
        Ok(purged) => tracing::info!(
            purged,
            "removed articles deleted more than {KEEP_DELETED_DAYS} days ago"
        ),
        Err(e) => tracing::warn!(error = %e, "could not remove long-deleted articles"),
    };
    if let Err(e) = std::thread::Builder::new()
        .name("purge".into())
        .spawn(purge)
    {
        tracing::warn!(error = %e, "could not start removing long-deleted articles");
    }
}
