//! The Parallax desktop app: a thin shell of Tauri commands over `parallax-store`.
#![allow(missing_docs)] // An app, not a library: its interface is the IPC contract, documented in `ipc`.
//!
//! `run()` starts the real app; `run_app` takes any builder so tests can start it with
//! `tauri::test::mock_builder()`. Commands live in `commands/`, the data shapes that cross IPC
//! in `ipc`. All library work runs off the main thread (`spawn_blocking`), so the webview never
//! waits on SQLite.

#[macro_use]
mod commands;
mod ipc;
mod state;

use state::AppState;
use tauri::{Builder, Manager, Runtime};

/// The handlers of `app_commands!` (`commands/list.rs`).
macro_rules! handlers {
    ($($module:ident::$name:ident),* $(,)?) => {
        tauri::generate_handler![$(commands::$module::$name),*]
    };
}

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
        .invoke_handler(app_commands!(handlers))
        .run(tauri::generate_context!())
        .expect("error while running Parallax");
}
