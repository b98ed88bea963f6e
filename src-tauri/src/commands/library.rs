//! Library commands: info, list, search, edit, delete and undo, the trash, backups, shared
//! passages.

use crate::ipc::{CommandError, LibraryInfo};
use crate::state::AppState;
use parallax_store::{
    ArticleId, ArticleSummary, ArticleUse, MetadataEdit, ReuseReport, SearchHit, SessionPlace,
    Trash,
};
use tauri::State;

/// Search results shown at most.
const SEARCH_LIMIT: usize = 200;

#[tauri::command]
pub async fn library_info(state: State<'_, AppState>) -> Result<LibraryInfo, CommandError> {
    let (database_path, log_path) = (
        state.db_path.display().to_string(),
        state.log_path.display().to_string(),
    );
    let article_count = state.with_library(|lib| Ok(lib.count()?)).await?;
    Ok(LibraryInfo {
        article_count,
        database_path,
        log_path,
    })
}

#[tauri::command]
pub async fn list_articles(
    state: State<'_, AppState>,
) -> Result<Vec<ArticleSummary>, CommandError> {
    state.with_library(|lib| Ok(lib.list()?)).await
}

#[tauri::command]
pub async fn search_articles(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>, CommandError> {
    state
        .with_library(move |lib| Ok(lib.search(&query, SEARCH_LIMIT)?))
        .await
}

#[tauri::command]
pub async fn update_article(
    state: State<'_, AppState>,
    id: ArticleId,
    edit: MetadataEdit,
) -> Result<ArticleSummary, CommandError> {
    state
        .with_library(move |lib| Ok(lib.update_metadata(id, &edit)?))
        .await
}

/// The outlet of several articles at once (the library's "Set outlet…" on a selection).
#[tauri::command]
pub async fn set_articles_outlet(
    state: State<'_, AppState>,
    ids: Vec<ArticleId>,
    outlet: Option<String>,
) -> Result<Vec<ArticleSummary>, CommandError> {
    state
        .with_library(move |lib| Ok(lib.set_outlet(&ids, outlet.as_deref())?))
        .await
}

#[tauri::command]
pub async fn delete_articles(
    state: State<'_, AppState>,
    ids: Vec<ArticleId>,
) -> Result<usize, CommandError> {
    state.with_library(move |lib| Ok(lib.delete(&ids)?)).await
}

#[tauri::command]
pub async fn restore_articles(
    state: State<'_, AppState>,
    ids: Vec<ArticleId>,
) -> Result<usize, CommandError> {
    state.with_library(move |lib| Ok(lib.restore(&ids)?)).await
}

/// The live sessions comparing any of `ids` (asked before a delete, to say so).
#[tauri::command]
pub async fn article_uses(
    state: State<'_, AppState>,
    ids: Vec<ArticleId>,
) -> Result<Vec<ArticleUse>, CommandError> {
    state
        .with_library(move |lib| Ok(lib.article_uses(&ids)?))
        .await
}

/// Takes articles out of the sessions comparing them; returns the places, for the undo.
#[tauri::command]
pub async fn remove_from_sessions(
    state: State<'_, AppState>,
    ids: Vec<ArticleId>,
) -> Result<Vec<SessionPlace>, CommandError> {
    state
        .with_library(move |lib| Ok(lib.remove_from_sessions(&ids)?))
        .await
}

/// Undoes [`remove_from_sessions`].
#[tauri::command]
pub async fn put_back_in_sessions(
    state: State<'_, AppState>,
    places: Vec<SessionPlace>,
) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.put_back_in_sessions(&places)?))
        .await
}

/// What the trash holds.
#[tauri::command]
pub async fn trash_contents(state: State<'_, AppState>) -> Result<Trash, CommandError> {
    state.with_library(|lib| Ok(lib.trash()?)).await
}

/// Removes the trash for good and erases its words from the file (vacuums: on its own
/// connection, so the library stays readable meanwhile). Returns what was removed.
#[tauri::command]
pub async fn empty_trash(state: State<'_, AppState>) -> Result<Trash, CommandError> {
    state
        .with_own_library("emptying the trash", |lib| Ok(lib.empty_trash()?))
        .await
}

/// Copies the library to `path` (a relative path is taken from the Documents folder) while it
/// stays in use. Returns the path written.
#[tauri::command]
pub async fn backup_library(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    path: String,
) -> Result<String, CommandError> {
    let path = super::sessions::chosen_path(&app, &path)?;
    state
        .with_own_library("the backup", move |lib| {
            lib.backup(&path)?;
            Ok(path.display().to_string())
        })
        .await
}

/// Passages articles share across the whole library, and the reused share of each article.
/// Runs on its own connection (fingerprinting old articles writes), so the library stays
/// readable meanwhile.
#[tauri::command]
pub async fn library_reuse(
    state: State<'_, AppState>,
    min_words: usize,
) -> Result<ReuseReport, CommandError> {
    state
        .with_own_library("the reuse search", move |lib| {
            Ok(lib.reuse(None, min_words.max(1))?)
        })
        .await
}
