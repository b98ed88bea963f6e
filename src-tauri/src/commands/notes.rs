//! Notes: add (on a selection or on the session), edit, delete and undo, search, tags.

use crate::ipc::CommandError;
use crate::state::AppState;
use parallax_store::{NewNote, Note, NoteId, TagCount};
use tauri::State;

#[tauri::command]
pub async fn add_note(state: State<'_, AppState>, note: NewNote) -> Result<Note, CommandError> {
    state.with_library(move |lib| Ok(lib.add_note(note)?)).await
}

#[tauri::command]
pub async fn update_note(
    state: State<'_, AppState>,
    id: NoteId,
    body: String,
    tags: Vec<String>,
) -> Result<Note, CommandError> {
    state
        .with_library(move |lib| Ok(lib.update_note(id, &body, &tags)?))
        .await
}

#[tauri::command]
pub async fn delete_note(state: State<'_, AppState>, id: NoteId) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.delete_note(id)?))
        .await
}

#[tauri::command]
pub async fn restore_note(state: State<'_, AppState>, id: NoteId) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.restore_note(id)?))
        .await
}

/// Notes of every session whose text matches `query`, best first.
#[tauri::command]
pub async fn search_notes(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<Note>, CommandError> {
    state
        .with_library(move |lib| Ok(lib.search_notes(&query)?))
        .await
}

/// Every tag with its use count, most used first: the suggestions offered in every session.
#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>, CommandError> {
    state.with_library(|lib| Ok(lib.tags()?)).await
}
