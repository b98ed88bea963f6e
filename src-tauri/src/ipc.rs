//! The data shapes that cross IPC, and their conversions from the library's types.
//!
//! This is the only place the UI's view of the data is defined. Each type derives `ts_rs::TS`;
//! their TypeScript twins live in `ui/src/lib/bindings/`, and the `bindings_are_current` test
//! fails when the two drift (run it with `UPDATE_BINDINGS=1` to rewrite them). Numbers are `u32`
//! so that TypeScript sees `number`, not `bigint`.

use parallax_core::diff::{RunKind, WordDiff};
use parallax_store as store;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Metadata of one article, as the library table shows it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ArticleSummary {
    pub id: u32,
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub words: u32,
    pub format: String,
    pub imported_at: String,
}

impl From<store::ArticleSummary> for ArticleSummary {
    fn from(s: store::ArticleSummary) -> Self {
        ArticleSummary {
            id: s.id.0 as u32,
            title: s.title,
            outlet: s.outlet,
            author: s.author,
            published: s.published,
            url: s.url,
            words: s.words as u32,
            format: s.format.as_str().to_string(),
            imported_at: s.imported_at,
        }
    }
}

/// One paragraph of an article body.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    pub text: String,
    /// Site clutter: shown dimmed, left out of analyses.
    pub boilerplate: bool,
}

/// A whole article, cut into paragraphs by the backend (the UI never computes offsets).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Article {
    pub summary: ArticleSummary,
    pub source_path: Option<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl From<store::Article> for Article {
    fn from(a: store::Article) -> Self {
        let paragraphs = paragraph_ranges(&a.body)
            .into_iter()
            .map(|range| Paragraph {
                boilerplate: a
                    .boilerplate
                    .iter()
                    .any(|b| b.start <= range.start && range.start < b.end),
                text: a.body[range].to_string(),
            })
            .collect();
        Article {
            summary: a.summary.into(),
            source_path: a.source_path,
            paragraphs,
        }
    }
}

/// A piece of a search snippet.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    pub highlight: bool,
}

/// One search result.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub snippet: Vec<SnippetPart>,
}

impl From<store::SearchHit> for SearchHit {
    fn from(h: store::SearchHit) -> Self {
        SearchHit {
            article: h.article.into(),
            snippet: h
                .snippet
                .into_iter()
                .map(|p| SnippetPart {
                    text: p.text,
                    highlight: p.highlight,
                })
                .collect(),
        }
    }
}

/// New metadata for an article (every field replaced; null clears).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MetadataEdit {
    pub title: String,
    pub outlet: Option<String>,
    pub author: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

impl From<MetadataEdit> for store::MetadataEdit {
    fn from(e: MetadataEdit) -> Self {
        store::MetadataEdit {
            title: e.title,
            outlet: e.outlet,
            author: e.author,
            published: e.published,
            url: e.url,
        }
    }
}

/// What happened to one imported file.
#[derive(Debug, Clone, Copy, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ImportOutcome {
    Imported,
    Duplicate,
    Failed,
}

impl From<store::ImportOutcome> for ImportOutcome {
    fn from(o: store::ImportOutcome) -> Self {
        match o {
            store::ImportOutcome::Imported => ImportOutcome::Imported,
            store::ImportOutcome::Duplicate => ImportOutcome::Duplicate,
            store::ImportOutcome::Failed => ImportOutcome::Failed,
        }
    }
}

/// Progress of an import, sent over a channel as it goes.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImportProgress {
    Started {
        total: u32,
    },
    File {
        done: u32,
        total: u32,
        path: String,
        outcome: ImportOutcome,
    },
}

impl From<store::ImportEvent> for ImportProgress {
    fn from(e: store::ImportEvent) -> Self {
        match e {
            store::ImportEvent::Started { total } => ImportProgress::Started {
                total: total as u32,
            },
            store::ImportEvent::File {
                done,
                total,
                path,
                outcome,
            } => ImportProgress::File {
                done: done as u32,
                total: total as u32,
                path: path.display().to_string(),
                outcome: outcome.into(),
            },
        }
    }
}

/// A file that became an article.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportedFile {
    pub id: u32,
    pub path: String,
    pub title: String,
    pub outlet: Option<String>,
}

/// A file already in the library.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DuplicateFile {
    pub path: String,
    pub existing_id: u32,
    pub existing_title: String,
}

/// A file that could not be imported, with the reason.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FailedFile {
    pub path: String,
    pub error: String,
}

/// The outcome of an import batch.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub imported: Vec<ImportedFile>,
    pub duplicates: Vec<DuplicateFile>,
    pub failed: Vec<FailedFile>,
}

impl From<store::ImportReport> for ImportReport {
    fn from(r: store::ImportReport) -> Self {
        ImportReport {
            imported: r
                .imported
                .into_iter()
                .map(|f| ImportedFile {
                    id: f.id.0 as u32,
                    path: f.path.display().to_string(),
                    title: f.title,
                    outlet: f.outlet,
                })
                .collect(),
            duplicates: r
                .duplicates
                .into_iter()
                .map(|d| DuplicateFile {
                    path: d.path.display().to_string(),
                    existing_id: d.existing_id.0 as u32,
                    existing_title: d.existing_title,
                })
                .collect(),
            failed: r
                .failed
                .into_iter()
                .map(|f| FailedFile {
                    path: f.path.display().to_string(),
                    error: f.error.to_string(),
                })
                .collect(),
        }
    }
}

/// What a run of diffed text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DiffRunKind {
    Equal,
    Deleted,
    Inserted,
    Boilerplate,
}

/// A run of text in one column of the side-by-side view.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffRun {
    pub text: String,
    pub kind: DiffRunKind,
    /// Index of the change this run belongs to; the same on both sides.
    pub change: Option<u32>,
}

/// One column: the article and its runs, grouped by paragraph.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffColumn {
    pub article: ArticleSummary,
    pub paragraphs: Vec<Vec<DiffRun>>,
}

/// Word counts of a diff.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffCounts {
    pub equal_words: u32,
    pub deleted_words: u32,
    pub inserted_words: u32,
    pub changes: u32,
}

/// Two articles side by side with their word diff.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SideBySide {
    pub left: DiffColumn,
    pub right: DiffColumn,
    pub counts: DiffCounts,
}

impl From<store::ArticleDiff> for SideBySide {
    fn from(d: store::ArticleDiff) -> Self {
        let WordDiff {
            left,
            right,
            counts,
            ..
        } = d.diff;
        SideBySide {
            left: column(d.left, &left),
            right: column(d.right, &right),
            counts: DiffCounts {
                equal_words: counts.equal_words as u32,
                deleted_words: counts.deleted_words as u32,
                inserted_words: counts.inserted_words as u32,
                changes: counts.changes as u32,
            },
        }
    }
}

/// Byte ranges of the paragraphs of a body (separated by blank lines).
fn paragraph_ranges(body: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for text in body.split("\n\n") {
        ranges.push(start..start + text.len());
        start += text.len() + 2;
    }
    ranges
}

/// Cuts runs at paragraph breaks so the UI renders paragraphs without touching offsets.
fn column(article: store::Article, runs: &[parallax_core::diff::Run]) -> DiffColumn {
    let mut paragraphs = Vec::new();
    for paragraph in paragraph_ranges(&article.body) {
        let pieces: Vec<DiffRun> = runs
            .iter()
            .filter(|r| r.start < paragraph.end && r.end > paragraph.start)
            .filter_map(|run| {
                let (start, end) = (run.start.max(paragraph.start), run.end.min(paragraph.end));
                let text = article.body.get(start..end)?;
                let kind = match run.kind {
                    RunKind::Equal => DiffRunKind::Equal,
                    RunKind::Deleted => DiffRunKind::Deleted,
                    RunKind::Inserted => DiffRunKind::Inserted,
                    RunKind::Boilerplate => DiffRunKind::Boilerplate,
                };
                Some(DiffRun {
                    text: text.to_string(),
                    kind,
                    change: run.change.map(|c| c as u32),
                })
            })
            .collect();
        if !pieces.is_empty() {
            paragraphs.push(pieces);
        }
    }
    DiffColumn {
        article: article.summary.into(),
        paragraphs,
    }
}

/// Where the library and the log live, and how big it is.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LibraryInfo {
    pub article_count: u32,
    pub database_path: String,
    pub log_path: String,
}

/// The closed set of error codes the UI can act on; it never matches message strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotFound,
    InvalidInput,
    Io,
    Database,
    Internal,
}

/// The one error shape of every command.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CommandError {
    pub code: ErrorCode,
    pub message: String,
}

impl CommandError {
    pub fn internal(message: impl Into<String>) -> Self {
        CommandError {
            code: ErrorCode::Internal,
            message: message.into(),
        }
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
        CommandError {
            code,
            message: e.to_string(),
        }
    }
}

/// Every type the UI imports, for the bindings test.
#[cfg(test)]
pub(crate) fn export_all(dir: &std::path::Path) -> Result<(), ts_rs::ExportError> {
    let config = ts_rs::Config::new().with_out_dir(dir);
    Article::export_all(&config)?;
    SearchHit::export_all(&config)?;
    MetadataEdit::export_all(&config)?;
    ImportProgress::export_all(&config)?;
    ImportReport::export_all(&config)?;
    SideBySide::export_all(&config)?;
    LibraryInfo::export_all(&config)?;
    CommandError::export_all(&config)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    fn committed_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings")
    }

    fn ts_files(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "ts"))
            .map(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&p).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    /// The UI's TypeScript types are generated from these Rust types; this fails when someone
    /// changes one side only. `UPDATE_BINDINGS=1 cargo test -p parallax-app bindings` rewrites them.
    #[test]
    fn bindings_are_current() {
        let generated = tempfile::tempdir().unwrap();
        super::export_all(generated.path()).unwrap();
        if std::env::var_os("UPDATE_BINDINGS").is_some() {
            let committed = committed_dir();
            for (name, _) in ts_files(&committed) {
                std::fs::remove_file(committed.join(name)).unwrap();
            }
            for (name, text) in ts_files(generated.path()) {
                std::fs::write(committed.join(name), text).unwrap();
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
}
