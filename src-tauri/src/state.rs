//! What the app holds while it runs: where the library is, one shared connection for reads and
//! small writes, and the log writer.

use crate::ipc::CommandError;
use parallax_store::Library;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use tauri::{AppHandle, Manager, Runtime};
use tracing_appender::non_blocking::WorkerGuard;

/// File name of the log inside the app's log directory.
const LOG_FILE_NAME: &str = "parallax.log";

/// Deleted articles stay restorable this long, then go for good at the next start.
const KEEP_DELETED_DAYS: u32 = 7;

/// Shared state of the running app.
pub struct AppState {
    pub db_path: PathBuf,
    pub log_path: PathBuf,
    library: Arc<Mutex<Library>>,
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
        let mut library = Library::open(&db_path)?;
        if library.was_created() {
            let report = library.import_sample();
            tracing::info!(
                imported = report.imported.len(),
                "first run: sample library loaded"
            );
        }
        let purged = library.purge_deleted(KEEP_DELETED_DAYS)?;
        if purged > 0 {
            tracing::info!(
                purged,
                "removed articles deleted more than {KEEP_DELETED_DAYS} days ago"
            );
        }
        Ok(AppState {
            db_path,
            log_path: log_dir.join(LOG_FILE_NAME),
            library: Arc::new(Mutex::new(library)),
            _log_guard: log_guard,
        })
    }

    /// Runs `work` on the shared library on a blocking thread, off the webview's way.
    pub async fn with_library<T, F>(&self, work: F) -> Result<T, CommandError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Library) -> Result<T, CommandError> + Send + 'static,
    {
        let library = Arc::clone(&self.library);
        tauri::async_runtime::spawn_blocking(move || {
            let mut library = library
                .lock()
                .map_err(|_| CommandError::internal("the library lock is poisoned"))?;
            work(&mut library)
        })
        .await
        .map_err(|e| CommandError::internal(format!("the library task failed: {e}")))?
    }
}
