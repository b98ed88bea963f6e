//! The boundary: what crosses IPC besides the library's own types, and the TypeScript twins of
//! everything the UI sees.
//!
//! Commands return `parallax-store` and `parallax-core` types as they are (serialised once,
//! camelCase); only what exists for the app alone is defined here: where the library and the log
//! are, and the one error shape. The `bindings_are_current` test writes every type's TypeScript
//! twin to `ui/src/lib/bindings/` and fails when the committed ones drift (run it with
//! `UPDATE_BINDINGS=1` to rewrite them), together with the constants the UI shares with the
//! backend (`limits.ts`).

use parallax_store as store;
use serde::Serialize;

/// Where the library and the log live, and how big the library is.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct LibraryInfo {
    pub article_count: usize,
    pub database_path: String,
    pub log_path: String,
}

/// The closed set of error codes the UI can act on; it never matches message strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    Io,
    Database,
    Internal,
}

/// The one error shape of every command.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(test, derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        CommandError {
            code,
            message: message.into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> Self {
        CommandError::new(ErrorCode::Internal, message)
    }
}

impl From<store::StoreError> for CommandError {
    fn from(e: store::StoreError) -> Self {
        let code = match &e {
            store::StoreError::ArticleNotFound(_)
            | store::StoreError::SessionNotFound(_)
            | store::StoreError::NoteNotFound(_) => ErrorCode::NotFound,
            store::StoreError::InvalidInput(_) => ErrorCode::InvalidInput,
            store::StoreError::Io(_) => ErrorCode::Io,
            store::StoreError::Database(_) | store::StoreError::Migration(_) => ErrorCode::Database,
        };
        CommandError::new(code, e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};
    use ts_rs::TS;

    /// Every type the UI imports, written as TypeScript into `dir`; `i64` ids are numbers
    /// (library ids stay far below 2^53).
    fn export_all(dir: &Path) -> Result<(), ts_rs::ExportError> {
        let config = ts_rs::Config::new()
            .with_out_dir(dir)
            .with_large_int("number");
        store::ArticleSummary::export_all(&config)?;
        store::MetadataEdit::export_all(&config)?;
        store::SearchHit::export_all(&config)?;
        store::ImportEvent::export_all(&config)?;
        store::ImportReport::export_all(&config)?;
        store::AfterImport::export_all(&config)?;
        store::AfterImportProgress::export_all(&config)?;
        store::ReuseReport::export_all(&config)?;
        store::SessionSummary::export_all(&config)?;
        store::SessionView::export_all(&config)?;
        parallax_report::Format::export_all(&config)?;
        store::OpenedBundle::export_all(&config)?;
        store::NewNote::export_all(&config)?;
        store::Note::export_all(&config)?;
        store::TagCount::export_all(&config)?;
        store::Trash::export_all(&config)?;
        store::ArticleUse::export_all(&config)?;
        store::SessionPlace::export_all(&config)?;
        LibraryInfo::export_all(&config)?;
        CommandError::export_all(&config)?;
        std::fs::write(dir.join("limits.ts"), limits_ts())?;
        Ok(())
    }

    /// The constants the UI shares with the backend, as TypeScript.
    fn limits_ts() -> String {
        use parallax_core::ingest::Format;
        let quoted = |exts: Vec<&str>| {
            let quoted: Vec<String> = exts.iter().map(|ext| format!("'{ext}'")).collect();
            quoted.join(", ")
        };
        let all = quoted(
            Format::ALL
                .iter()
                .flat_map(|f| f.extensions().to_vec())
                .collect(),
        );
        let usual = quoted(Format::ALL.iter().map(|f| f.extensions()[0]).collect());
        let frames: Vec<String> = parallax_core::framing::FRAME_DIMENSIONS
            .iter()
            .map(|(key, label)| format!("{{ key: '{key}', label: '{label}' }}"))
            .collect();
        let frames = frames.join(", ");
        format!(
            "// Generated from the Rust constants by the app's bindings test. Do not edit.\n\n\
             /** The fewest articles a session compares. */\n\
             export const MIN_ARTICLES = {};\n\n\
             /** The most articles a session compares. */\n\
             export const MAX_ARTICLES = {};\n\n\
             /** Every file extension the importer reads (the file picker's filter). */\n\
             export const IMPORTABLE_EXTENSIONS = [{all}] as const;\n\n\
             /** The usual extension of each format, to name them to people. */\n\
             export const USUAL_EXTENSIONS = [{usual}] as const;\n\n\
             /** The frame dimensions the framing analysis scores, in the codebook's order. */\n\
             export const FRAME_DIMENSIONS = [{frames}] as const;\n",
            store::MIN_ARTICLES,
            store::MAX_ARTICLES,
        )
    }

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
    }

    /// Every `.ts` file under `dir` (ts-rs puts foreign types such as `serde_json::Value` in
    /// folders of their own), by path relative to `dir`, with its text.
    fn ts_files(dir: &Path) -> Vec<(String, String)> {
        let mut files = Vec::new();
        let mut folders = vec![dir.to_path_buf()];
        while let Some(folder) = folders.pop() {
            for entry in std::fs::read_dir(&folder)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", folder.display()))
            {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    folders.push(path);
                } else if path.extension().is_some_and(|x| x == "ts") {
                    let name = path
                        .strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .into_owned();
                    files.push((name, std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        files.sort();
        files
    }

    /// The UI's TypeScript types are generated from these Rust types; this fails when someone
    /// changes one side only. `UPDATE_BINDINGS=1 cargo test -p parallax-app bindings` rewrites them.
    #[test]
    fn bindings_are_current() {
        let generated = tempfile::tempdir().unwrap();
        export_all(generated.path()).unwrap();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let committed = committed_dir();
            for (name, _) in ts_files(&committed) {
                std::fs::remove_file(committed.join(name)).unwrap();
            }
            for (name, text) in ts_files(generated.path()) {
                let path = committed.join(name);
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
            }
        }
        let expected = ts_files(generated.path());
        let committed = ts_files(&committed_dir());
        let names =
            |files: &[(String, String)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&committed),
            names(&expected),
            "binding files differ; run with UPDATE_BINDINGS=1"
        );
        for ((name, text), (_, want)) in committed.iter().zip(&expected) {
            assert_eq!(
                text, want,
                "ui/src/lib/bindings/{name} is stale; run with UPDATE_BINDINGS=1"
            );
        }
    }

    /// Each library error reaches the UI with the code it acts on, and its message.
    #[test]
    fn library_errors_cross_with_their_codes() {
        let cases = [
            (store::StoreError::ArticleNotFound(7), ErrorCode::NotFound),
            (store::StoreError::SessionNotFound(7), ErrorCode::NotFound),
            (store::StoreError::NoteNotFound(7), ErrorCode::NotFound),
            (
                store::StoreError::InvalidInput("the title cannot be empty".into()),
                ErrorCode::InvalidInput,
            ),
            (
                store::StoreError::Io("cannot create /x".into()),
                ErrorCode::Io,
            ),
            (database_error(), ErrorCode::Database),
        ];
        for (error, code) in cases {
            let message = error.to_string();
            let crossed = CommandError::from(error);
            assert_eq!(crossed, CommandError::new(code, message));
        }
        let json = serde_json::to_value(CommandError::new(ErrorCode::InvalidInput, "no")).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid_input", "message": "no"})
        );
    }

    /// A real SQLite error: a folder opened as a library file.
    fn database_error() -> store::StoreError {
        let dir = tempfile::tempdir().unwrap();
        match store::Library::open(dir.path()) {
            Err(error) => error,
            Ok(_) => panic!("a folder opened as a library"),
        }
    }
}
