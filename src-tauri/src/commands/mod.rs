//! Tauri commands: each a few lines that call the library and return its types. The one list
//! of them is `list.rs`.

#[macro_use]
mod list;

pub mod import;
pub mod library;
pub mod notes;
pub mod sessions;
