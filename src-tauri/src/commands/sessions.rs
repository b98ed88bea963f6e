//! Comparison sessions: list, create, open (aligned), rename, duplicate, delete and undo,
//! change the articles, save the view state.

use crate::ipc::{CommandError, SessionSummary, SessionView};
use crate::state::AppState;
use parallax_store::{ArticleId, SessionId};
use tauri::State;

fn article_ids(ids: Vec<u32>) -> Vec<ArticleId> {
    ids.into_iter().map(|id| ArticleId(id.into())).collect()
}

#[tauri::command]
pub async fn list_sessions(
    state: State<'_, AppState>,
) -> Result<Vec<SessionSummary>, CommandError> {
    state
        .with_library(|lib| Ok(lib.list_sessions()?.into_iter().map(Into::into).collect()))
        .await
}

#[tauri::command]
pub async fn create_session(
    state: State<'_, AppState>,
    name: String,
    articles: Vec<u32>,
) -> Result<SessionSummary, CommandError> {
    let articles = article_ids(articles);
    state
        .with_library(move |lib| Ok(lib.create_session(&name, &articles)?.into()))
        .await
}

/// The session with its articles aligned against `pivot` (an article id; the first column when
/// absent or not in the session) and its notes.
#[tauri::command]
pub async fn open_session(
    state: State<'_, AppState>,
    id: u32,
    pivot: Option<u32>,
) -> Result<SessionView, CommandError> {
    // Read under the shared connection, align after releasing it: the alignment must not
    // hold up the library table, search or note saving.
    let mut view = state
        .with_library(move |lib| {
            Ok(lib.load_session_view(SessionId(id.into()), pivot.map(|p| ArticleId(p.into())))?)
        })
        .await?;
    tauri::async_runtime::spawn_blocking(move || {
        view.lay_out();
        view.into()
    })
    .await
    .map_err(|e| CommandError::internal(format!("the alignment failed: {e}")))
}

#[tauri::command]
pub async fn rename_session(
    state: State<'_, AppState>,
    id: u32,
    name: String,
) -> Result<SessionSummary, CommandError> {
    state
        .with_library(move |lib| Ok(lib.rename_session(SessionId(id.into()), &name)?.into()))
        .await
}

#[tauri::command]
pub async fn duplicate_session(
    state: State<'_, AppState>,
    id: u32,
) -> Result<SessionSummary, CommandError> {
    state
        .with_library(move |lib| Ok(lib.duplicate_session(SessionId(id.into()))?.into()))
        .await
}

#[tauri::command]
pub async fn delete_session(state: State<'_, AppState>, id: u32) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.delete_session(SessionId(id.into()))?))
        .await
}

#[tauri::command]
pub async fn restore_session(state: State<'_, AppState>, id: u32) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.restore_session(SessionId(id.into()))?))
        .await
}

/// Replaces the session's articles (2–8, in column order).
#[tauri::command]
pub async fn set_session_articles(
    state: State<'_, AppState>,
    id: u32,
    articles: Vec<u32>,
) -> Result<SessionSummary, CommandError> {
    let articles = article_ids(articles);
    state
        .with_library(move |lib| {
            Ok(lib
                .set_session_articles(SessionId(id.into()), &articles)?
                .into())
        })
        .await
}

/// Stores the UI's view state (JSON text it reads back from `open_session`).
#[tauri::command]
pub async fn save_view_state(
    state: State<'_, AppState>,
    id: u32,
    view_state: String,
) -> Result<(), CommandError> {
    let value: serde_json::Value = serde_json::from_str(&view_state).map_err(|e| CommandError {
        code: crate::ipc::ErrorCode::InvalidInput,
        message: format!("the view state is not JSON: {e}"),
    })?;
    state
        .with_library(move |lib| Ok(lib.save_view_state(SessionId(id.into()), value)?))
        .await
}
