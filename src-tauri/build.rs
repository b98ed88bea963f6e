//! Declares the app's commands so capabilities can grant each one by name (least privilege:
//! a command not listed in `capabilities/` cannot be called from the UI).

include!("src/commands/list.rs");

/// The command names of `app_commands!`.
macro_rules! names {
    ($($module:ident::$name:ident),* $(,)?) => {
        &[$(stringify!($name)),*]
    };
}

const COMMANDS: &[&str] = app_commands!(names);

fn main() {
    println!("cargo:rerun-if-changed=src/commands/list.rs");
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("failed to run tauri-build");
}
