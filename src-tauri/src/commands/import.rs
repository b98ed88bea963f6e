//! Import commands. A batch runs on its own connection, so the library stays readable (WAL)
//! while it imports, and reports each file through a channel.

use crate::ipc::CommandError;
use crate::state::AppState;
use parallax_store::{ImportEvent, ImportReport};
use std::path::PathBuf;
use tauri::ipc::Channel;
use tauri::State;

#[tauri::command]
pub async fn import_paths(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    on_progress: Channel<ImportEvent>,
) -> Result<ImportReport, CommandError> {
    tracing::info!(count = paths.len(), "import started");
    let report = state
        .with_own_library("the import", move |library| {
            let report = library.import_paths(&paths, |event| {
                // A closed window drops the channel; the import still finishes.
                let _ = on_progress.send(event);
            });
            // Languages detected, and the outlets the batch touched learn their boilerplate
            // (footers and the like); the import stands either way.
            let ids: Vec<_> = report.imported.iter().map(|f| f.id).collect();
            if let Err(error) = library.after_import(&ids) {
                tracing::warn!(%error, "the work after the import failed");
            }
            Ok(report)
        })
        .await?;
    tracing::info!(
        imported = report.imported.len(),
        duplicates = report.duplicates.len(),
        failed = report.failed.len(),
        "import finished"
    );
    Ok(report)
}

#[tauri::command]
pub async fn import_sample(state: State<'_, AppState>) -> Result<ImportReport, CommandError> {
    state.with_library(|lib| Ok(lib.import_sample())).await
}
