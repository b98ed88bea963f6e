//! Tauri commands: each a few lines that call the library and convert to IPC shapes.

pub mod compare;
pub mod import;
pub mod library;
