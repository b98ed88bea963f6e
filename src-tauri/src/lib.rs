//! The Parallax desktop app: a thin shell of Tauri commands over `parallax-store`.
#![allow(missing_docs)] // An app, not a library: its interface is its commands.
//!
//! Commands live in `commands/` and take and return the store's and core's own types (their
//! TypeScript twins are generated; see `ipc`, which holds only what the app alone sends: library
//! facts and command errors). All library work runs off the main thread (`spawn_blocking`), so
//! the webview never waits on SQLite.

#[macro_use]
mod commands;
mod ipc;
mod state;

use state::AppState;
use tauri::{Builder, Manager};

/// The handlers of `app_commands!` (`commands/list.rs`).
macro_rules! handlers {
    ($($module:ident::$name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

/// Starts the app.
pub fn run() {
    Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = AppState::start(app.handle())?;
            app.manage(state);
            // The aligner's word vectors load in the background, not in the first session.
            std::thread::spawn(parallax_core::align::load_word_vectors);
            Ok(())
        })
        .invoke_handler(app_commands!(handlers))
        .run(tauri::generate_context!())
        .expect("error while running Parallax");
}
