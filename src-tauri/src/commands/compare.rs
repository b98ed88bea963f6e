//! Side-by-side comparison of two articles.

use crate::ipc::{CommandError, SideBySide};
use crate::state::AppState;
use parallax_store::ArticleId;
use tauri::State;

#[tauri::command]
pub async fn compare_articles(
    state: State<'_, AppState>,
    left: u32,
    right: u32,
) -> Result<SideBySide, CommandError> {
    state
        .with_library(move |lib| {
            Ok(lib
                .diff(ArticleId(left.into()), ArticleId(right.into()))?
                .into())
        })
        .await
}
