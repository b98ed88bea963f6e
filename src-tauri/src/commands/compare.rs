//! Side-by-side comparison of two articles.

use crate::ipc::{CommandError, SideBySide};
use crate::state::AppState;
use parallax_store::{ArticleDiff, ArticleId};
use tauri::State;

#[tauri::command]
pub async fn compare_articles(
    state: State<'_, AppState>,
    left: u32,
    right: u32,
) -> Result<SideBySide, CommandError> {
    // Load under the shared connection, diff after releasing it: a long diff must not hold up
    // the library table or search.
    let (left, right) = state
        .with_library(move |lib| {
            Ok((
                lib.get(ArticleId(left.into()))?,
                lib.get(ArticleId(right.into()))?,
            ))
        })
        .await?;
    tauri::async_runtime::spawn_blocking(move || ArticleDiff::compute(left, right).into())
        .await
        .map_err(|e| CommandError::internal(format!("the comparison failed: {e}")))
}
