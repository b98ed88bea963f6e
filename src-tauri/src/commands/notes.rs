//! Notes: add (on a selection or on the session), edit, delete and undo, search, tags.

use crate::ipc::{CommandError, NewNote, Note, TagCount};
use crate::state::AppState;
use parallax_store::NoteId;
use tauri::State;

#[tauri::command]
pub async fn add_note(state: State<'_, AppState>, note: NewNote) -> Result<Note, CommandError> {
    state
        .with_library(move |lib| Ok(lib.add_note(note.into())?.into()))
        .await
}

#[tauri::command]
pub async fn update_note(
    state: State<'_, AppState>,
    id: u32,
    body: String,
    tags: Vec<String>,
) -> Result<Note, CommandError> {
    state
        .with_library(move |lib| Ok(lib.update_note(NoteId(id.into()), &body, &tags)?.into()))
        .await
}

#[tauri::command]
pub async fn delete_note(state: State<'_, AppState>, id: u32) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.delete_note(NoteId(id.into()))?))
        .await
}

#[tauri::command]
pub async fn restore_note(state: State<'_, AppState>, id: u32) -> Result<(), CommandError> {
    state
        .with_library(move |lib| Ok(lib.restore_note(NoteId(id.into()))?))
        .await
}

/// Notes of every session whose text matches `query`, best first.
#[tauri::command]
pub async fn search_notes(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<Note>, CommandError> {
    state
        .with_library(move |lib| {
            Ok(lib
                .search_notes(&query)?
                .into_iter()
                .map(Into::into)
                .collect())
        })
        .await
}

/// Every tag with its use count, most used first: the suggestions offered in every session.
#[tauri::command]
pub async fn list_tags(state: State<'_, AppState>) -> Result<Vec<TagCount>, CommandError> {
    state
        .with_library(|lib| {
            Ok(lib
                .tags()?
                .into_iter()
                .map(|(name, notes)| TagCount {
                    name,
                    notes: notes as u32,
                })
                .collect())
        })
        .await
}
