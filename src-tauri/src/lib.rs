//! The Parallax desktop app: a thin shell of Tauri commands over `parallax-store`.
#![allow(missing_docs)] // An app, not a library: its interface is the IPC contract, documented in `ipc`.
//!
//! `run()` starts the real app; `run_app` takes any builder so tests can start it with
//! `tauri::test::mock_builder()`. Commands live in `commands/`, the data shapes that cross IPC
//! in `ipc`. All library work runs off the main thread (`spawn_blocking`), so the webview never
//! waits on SQLite.

mod commands;
mod ipc;
mod state;

use state::AppState;
use tauri::{Builder, Manager, Runtime};

/// Starts the app.
pub fn run() {
    run_app(Builder::default());
}

/// Builds and runs the app on any runtime.
pub fn run_app<R: Runtime>(builder: Builder<R>) {
    builder
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = AppState::start(app.handle())?;
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::library::library_info,
            commands::library::list_articles,
            commands::library::get_article,
            commands::library::search_articles,
            commands::library::update_article,
            commands::library::delete_articles,
            commands::library::restore_articles,
            commands::library::library_reuse,
            commands::import::import_paths,
            commands::import::import_sample,
            commands::sessions::list_sessions,
            commands::sessions::create_session,
            commands::sessions::open_session,
            commands::sessions::rename_session,
            commands::sessions::duplicate_session,
            commands::sessions::delete_session,
            commands::sessions::restore_session,
            commands::sessions::set_session_articles,
            commands::sessions::save_view_state,
            commands::notes::add_note,
            commands::notes::update_note,
            commands::notes::delete_note,
            commands::notes::restore_note,
            commands::notes::search_notes,
            commands::notes::list_tags,
        ])
        .run(tauri::generate_context!())
        .expect("error while running Parallax");
}
