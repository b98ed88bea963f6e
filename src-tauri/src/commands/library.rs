//! Library commands: info, list, get, search, edit, delete and undo, shared passages.

use crate::ipc::{
    Article, ArticleSummary, CommandError, LibraryInfo, LibraryReuse, MetadataEdit, SearchHit,
};
use crate::state::AppState;
use parallax_store::ArticleId;
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
        article_count: article_count as u32,
        database_path,
        log_path,
    })
}

#[tauri::command]
pub async fn list_articles(
    state: State<'_, AppState>,
) -> Result<Vec<ArticleSummary>, CommandError> {
    state
        .with_library(|lib| Ok(lib.list()?.into_iter().map(Into::into).collect()))
        .await
}

#[tauri::command]
pub async fn get_article(state: State<'_, AppState>, id: u32) -> Result<Article, CommandError> {
    state
        .with_library(move |lib| Ok(lib.get(ArticleId(id.into()))?.into()))
        .await
}

#[tauri::command]
pub async fn search_articles(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<SearchHit>, CommandError> {
    state
        .with_library(move |lib| {
            Ok(lib
                .search(&query, SEARCH_LIMIT)?
                .into_iter()
                .map(Into::into)
                .collect())
        })
        .await
}

#[tauri::command]
pub async fn update_article(
    state: State<'_, AppState>,
    id: u32,
    edit: MetadataEdit,
) -> Result<ArticleSummary, CommandError> {
    state
        .with_library(move |lib| {
            Ok(lib
                .update_metadata(ArticleId(id.into()), &edit.into())?
                .into())
        })
        .await
}

#[tauri::command]
pub async fn delete_articles(
    state: State<'_, AppState>,
    ids: Vec<u32>,
) -> Result<u32, CommandError> {
    let ids: Vec<ArticleId> = ids.into_iter().map(|id| ArticleId(id.into())).collect();
    state
        .with_library(move |lib| Ok(lib.delete(&ids)? as u32))
        .await
}

#[tauri::command]
pub async fn restore_articles(
    state: State<'_, AppState>,
    ids: Vec<u32>,
) -> Result<u32, CommandError> {
    let ids: Vec<ArticleId> = ids.into_iter().map(|id| ArticleId(id.into())).collect();
    state
        .with_library(move |lib| Ok(lib.restore(&ids)? as u32))
        .await
}

/// Passages articles share across the whole library, and the reused share of each article.
/// Runs on its own connection (fingerprinting old articles writes), so the library stays
/// readable meanwhile.
#[tauri::command]
pub async fn library_reuse(
    state: State<'_, AppState>,
    min_words: u32,
) -> Result<LibraryReuse, CommandError> {
    state.check_open()?;
    let db_path = state.db_path.clone();
    tauri::async_runtime::spawn_blocking(move || -> Result<LibraryReuse, CommandError> {
        let mut library = parallax_store::Library::open(&db_path)?;
        Ok(library.reuse(None, min_words.max(1) as usize)?.into())
    })
    .await
    .map_err(|e| CommandError::internal(format!("the reuse search failed: {e}")))?
}
