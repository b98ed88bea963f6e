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
    "import_paths",
    "import_sample",
    "compare_articles",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
