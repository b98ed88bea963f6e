//! Tauri commands: each a few lines that call the library and convert to IPC shapes.

pub mod import;
pub mod library;
pub mod notes;
pub mod sessions;
