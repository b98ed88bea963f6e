//! Import commands. A batch runs on its own connection, so the library stays readable (WAL)
//! while it imports, and reports each file through a channel.

use crate::ipc::{CommandError, ImportProgress, ImportReport};
use crate::state::AppState;
use parallax_store::Library;
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn import_paths(
    state: State<'_, AppState>,
    paths: Vec<String>,
    on_progress: Channel<ImportProgress>,
) -> Result<ImportReport, CommandError> {
    state.check_open()?;
    let db_path = state.db_path.clone();
    let paths: Vec<PathBuf> = paths.into_iter().map(PathBuf::from).collect();
    tracing::info!(count = paths.len(), "import started");
    let report = tauri::async_runtime::spawn_blocking(move || -> Result<_, CommandError> {
        let mut library = Library::open(&db_path)?;
        Ok(library.import_paths(&paths, |event| {
            // A closed window drops the channel; the import still finishes.
            let _ = on_progress.send(event.into());
        }))
    })
    .await
    .map_err(|e| CommandError::internal(format!("the import task failed: {e}")))??;
    tracing::info!(
        imported = report.imported.len(),
        duplicates = report.duplicates.len(),
        failed = report.failed.len(),
        "import finished"
    );
    Ok(report.into())
}

#[tauri::command]
pub async fn import_sample(state: State<'_, AppState>) -> Result<ImportReport, CommandError> {
    state
        .with_library(|lib| Ok(lib.import_sample().into()))
        .await
}
