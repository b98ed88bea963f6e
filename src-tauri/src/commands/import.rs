//! Import commands. A batch runs on its own connection, so the library stays readable (WAL)
//! while it imports, and reports each file through a channel.

use crate::ipc::CommandError;
use crate::state::AppState;
use parallax_store::{AfterImport, AfterImportProgress, ArticleId, ImportEvent, ImportReport};
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
            Ok(library.import_paths(&paths, |event| {
                // A closed window drops the channel; the import still finishes.
                let _ = on_progress.send(event);
            }))
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

/// The work after an import (languages detected, outlets' boilerplate learned), which the UI
/// starts in the background once the import's report is shown. On its own connection, like
/// the import.
#[tauri::command]
pub async fn after_import(
    state: State<'_, AppState>,
    articles: Vec<ArticleId>,
    on_progress: Channel<AfterImportProgress>,
) -> Result<AfterImport, CommandError> {
    let done = state
        .with_own_library("the work after the import", move |library| {
            Ok(library.after_import(&articles, |progress| {
                let _ = on_progress.send(progress);
            })?)
        })
        .await?;
    tracing::info!(
        languages = done.languages,
        outlets = done.boilerplate.outlets,
        articles = done.boilerplate.articles,
        "work after the import finished"
    );
    Ok(done)
}

#[tauri::command]
pub async fn import_sample(state: State<'_, AppState>) -> Result<ImportReport, CommandError> {
    state.with_library(|lib| Ok(lib.import_sample())).await
}
