//! Comparison sessions: list, create, open (analysed), rename, duplicate, delete and undo,
//! change the articles, save the view state, export as a report.

use crate::ipc::{CommandError, ErrorCode};
use crate::state::AppState;
use parallax_store::{ArticleId, SessionId, SessionSummary, SessionView};
use tauri::State;

#[tauri::command]
pub async fn list_sessions(
    state: State<'_, AppState>,
) -> Result<Vec<SessionSummary>, CommandError> {
    state.with_library(|lib| Ok(lib.list_sessions()?)).await
}

#[tauri::command]
pub async fn create_session(
    state: State<'_, AppState>,
    name: String,
    articles: Vec<ArticleId>,
) -> Result<SessionSummary, CommandError> {
    state
        .with_library(move |lib| Ok(lib.create_session(&name, &articles)?))
        .await
}

/// The session with its articles analysed against `pivot` (an article id; the first column when
/// absent or not in the session) and its notes marked.
#[tauri::command]
pub async fn open_session(
    state: State<'_, AppState>,
    id: SessionId,
    pivot: Option<ArticleId>,
) -> Result<SessionView, CommandError> {
    // Read under the shared connection, analyse after releasing it: the alignment must not
    // hold up the library table, search or note saving. An analysis of the same articles is
    // reused, so a note added or deleted only marks the text anew.
    let mut view = state
        .with_library(move |lib| Ok(lib.load_session_view(id, pivot)?))
        .await?;
    let analyses = state.analyses();
    tauri::async_runtime::spawn_blocking(move || {
        view.lay_out(&analyses);
        view
    })
    .await
    .map_err(|e| CommandError::internal(format!("the analysis failed: {e}")))
}

#[tauri::command]
pub async fn rename_session(
    state: State<'_, AppState>,
    id: SessionId,
    name: String,
) -> Result<SessionSummary, CommandError> {
    state
        .with_library(move |lib| Ok(lib.rename_session(id, &name)?))
        .await
}

#[tauri::command]
pub async fn duplicate_session(
    state: State<'_, AppState>,
    id: SessionId,
) -> Result<SessionSummary, CommandError> {
    state
        .with_library(move |lib| Ok(lib.duplicate_session(id)?))
        .await
}

#[tauri::command]
pub async fn delete_session(state: State<'_, AppState>, id: SessionId) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.delete_session(id)?))
        .await
}

#[tauri::command]
pub async fn restore_session(
    state: State<'_, AppState>,
    id: SessionId,
) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.restore_session(id)?))
        .await
}

/// Replaces the session's articles (2–8, in column order).
#[tauri::command]
pub async fn set_session_articles(
    state: State<'_, AppState>,
    id: SessionId,
    articles: Vec<ArticleId>,
) -> Result<SessionSummary, CommandError> {
    state
        .with_library(move |lib| Ok(lib.set_session_articles(id, &articles)?))
        .await
}

/// Stores the UI's view state (its own JSON, read back in `open_session`).
#[tauri::command]
pub async fn save_view_state(
    state: State<'_, AppState>,
    id: SessionId,
    view_state: serde_json::Value,
) -> Result<(), CommandError> {
    if !view_state.is_object() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "the view state is not a JSON object",
        ));
    }
    state
        .with_library(move |lib| Ok(lib.save_view_state(id, view_state)?))
        .await
}

/// Writes the session as a report (see `parallax_report`): the analysis as the session shows
/// it, written atomically to `path` (a folder for CSV; a relative path is taken from the
/// person's Documents folder). Returns the files written.
#[tauri::command]
pub async fn export_session(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: SessionId,
    format: parallax_report::Format,
    path: String,
) -> Result<Vec<String>, CommandError> {
    let path = chosen_path(&app, &path)?;
    let mut view = state
        .with_library(move |lib| Ok(lib.load_session_view(id, None)?))
        .await?;
    let analyses = state.analyses();
    tauri::async_runtime::spawn_blocking(move || {
        view.lay_out(&analyses);
        let report =
            parallax_report::Report::new(&view, env!("CARGO_PKG_VERSION"), &parallax_report::now());
        parallax_report::write(&report, format, &path)
            .map(|files| files.iter().map(|f| f.display().to_string()).collect())
            .map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))
    })
    .await
    .map_err(|e| CommandError::internal(format!("the export failed: {e}")))?
}

/// Saves the session as a bundle file (its articles' texts, notes and view state), written
/// atomically to `path` (a relative path is taken from the Documents folder). Returns the
/// file written.
#[tauri::command]
pub async fn save_bundle(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: SessionId,
    path: String,
) -> Result<String, CommandError> {
    let path = chosen_path(&app, &path)?;
    let bundle = state.with_library(move |lib| Ok(lib.bundle(id)?)).await?;
    tauri::async_runtime::spawn_blocking(move || {
        let json = serde_json::to_vec(&bundle)
            .map_err(|e| CommandError::internal(format!("the bundle could not be encoded: {e}")))?;
        parallax_report::write_file(&path, &json)
            .map_err(|e| CommandError::new(ErrorCode::Io, e.to_string()))?;
        Ok(path.display().to_string())
    })
    .await
    .map_err(|e| CommandError::internal(format!("saving the bundle failed: {e}")))?
}

/// Opens a bundle file: imports its articles, recreates the session and its notes.
#[tauri::command]
pub async fn open_bundle(
    state: State<'_, AppState>,
    path: String,
) -> Result<parallax_store::OpenedBundle, CommandError> {
    let bytes = tauri::async_runtime::spawn_blocking({
        let path = path.clone();
        move || {
            // A bundle holds at most eight articles of the importer's size limit, with room.
            let limit = (8 * parallax_core::ingest::MAX_FILE_BYTES + (64 << 20)) as u64;
            let metadata = std::fs::metadata(&path)?;
            if !metadata.is_file() || metadata.len() > limit {
                return Err(std::io::Error::other(
                    "not a bundle file (too large, or not a file)",
                ));
            }
            std::fs::read(&path)
        }
    })
    .await
    .map_err(|e| CommandError::internal(format!("reading the bundle failed: {e}")))?
    .map_err(|e| CommandError::new(ErrorCode::Io, format!("could not read {path}: {e}")))?;
    let bundle: parallax_store::Bundle = serde_json::from_slice(&bytes).map_err(|_| {
        CommandError::new(
            ErrorCode::InvalidInput,
            format!("{path} is not a Parallax session bundle"),
        )
    })?;
    state
        .with_library(move |lib| Ok(lib.open_bundle(&bundle)?))
        .await
}

/// A path the person gave: a relative one is taken from their Documents folder.
pub(super) fn chosen_path(
    app: &tauri::AppHandle,
    path: &str,
) -> Result<std::path::PathBuf, CommandError> {
    use tauri::Manager;
    if path.trim().is_empty() {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "choose where to save the file",
        ));
    }
    let path = std::path::PathBuf::from(path.trim());
    if path
        .components()
        .any(|c| matches!(c, std::path::Component::ParentDir))
    {
        return Err(CommandError::new(
            ErrorCode::InvalidInput,
            "give the place without “..”: choose it, or type the whole path",
        ));
    }
    if path.is_absolute() {
        return Ok(path);
    }
    let documents = app
        .path()
        .document_dir()
        .or_else(|_| app.path().home_dir())
        .map_err(|e| CommandError::new(ErrorCode::Io, format!("no Documents folder: {e}")))?;
    Ok(documents.join(path))
}
