//! Declares the app's commands so capabilities can grant each one by name (least privilege:
//! a command not listed in `capabilities/` cannot be called from the UI).

const COMMANDS: &[&str] = &[
    "library_info",
    "list_articles",
    "get_article",
    "search_articles",
    "update_article",
    "delete_articles",
    "restore_articles",
    "library_reuse",
    "import_paths",
    "import_sample",
    "list_sessions",
    "create_session",
    "open_session",
    "rename_session",
    "duplicate_session",
    "delete_session",
    "restore_session",
    "set_session_articles",
    "save_view_state",
    "add_note",
    "update_note",
    "delete_note",
    "restore_note",
    "search_notes",
    "list_tags",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
