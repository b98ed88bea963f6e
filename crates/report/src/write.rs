//! Writing a report to disk, atomically: each file goes to a temporary file in its folder and
//! is renamed into place once complete.

use crate::{html, markdown, tables, Report};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What a report is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[cfg_attr(feature = "ts", ts(rename = "ReportFormat"))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// One self-contained HTML file.
    Html,
    /// Markdown.
    Md,
    /// JSON.
    Json,
    /// A folder of CSV tables.
    Csv,
}

impl Format {
    /// Every format, in the order they are offered.
    pub const ALL: [Format; 4] = [Format::Html, Format::Md, Format::Json, Format::Csv];

    /// Its name on the command line and in file names ("html", "md", "json", "csv").
    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Md => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }

    /// The format named `name`.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The file or folder could not be written.
    #[error("could not write {path}: {source}")]
    Io {
        /// Where.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The report could not be encoded.
    #[error("could not encode the report: {0}")]
    Encode(String),
}

/// Writes `report` as `format` to `path` (for CSV, a folder made if missing), returning the
/// files written.
pub fn write(report: &Report, format: Format, path: &Path) -> Result<Vec<PathBuf>, ExportError> {
    match format {
        Format::Html => {
            atomic(path, html::render(report).as_bytes())?;
            Ok(vec![path.to_path_buf()])
        }
        Format::Md => {
            atomic(path, markdown::render(report).as_bytes())?;
            Ok(vec![path.to_path_buf()])
        }
        Format::Json => {
            let json = serde_json::to_string_pretty(report)
                .map_err(|e| ExportError::Encode(e.to_string()))?;
            atomic(path, json.as_bytes())?;
            Ok(vec![path.to_path_buf()])
        }
        Format::Csv => {
            std::fs::create_dir_all(path).map_err(|source| ExportError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            let mut written = Vec::new();
            for (name, bytes) in tables::render(report)? {
                let file = path.join(name);
                atomic(&file, &bytes)?;
                written.push(file);
            }
            Ok(written)
        }
    }
}

/// Writes `bytes` to a temporary file beside `path`, then renames it to `path`: the file is
/// whole or not there. For session bundles, which carry private notes: a new file is readable
/// by its owner only.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    atomic_with_mode(path, bytes, 0o600)
}

/// A report: an ordinary file others on the machine may read, like any document saved.
fn atomic(path: &Path, bytes: &[u8]) -> Result<(), ExportError> {
    atomic_with_mode(path, bytes, 0o644)
}

/// Writes atomically; a file replaced keeps its permissions, a new one gets `mode` (Unix).
fn atomic_with_mode(path: &Path, bytes: &[u8], mode: u32) -> Result<(), ExportError> {
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".parallax-export-")
        .tempfile_in(folder)
        .map_err(io)?;
    file.write_all(bytes).map_err(io)?;
    // A temporary file is private (0600): it takes the replaced file's permissions, or `mode`.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let permissions = std::fs::metadata(path)
            .map(|m| m.permissions())
            .unwrap_or_else(|_| std::fs::Permissions::from_mode(mode));
        file.as_file().set_permissions(permissions).map_err(io)?;
    }
    #[cfg(not(unix))]
    let _ = mode;
    file.as_file().sync_all().map_err(io)?;
    file.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}
