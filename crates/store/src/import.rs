//! Importing files and folders: read, parse (in parallel), store (one transaction per file).

use crate::articles::ArticleId;
use crate::Library;
use parallax_core::ingest::{self, Document, IngestError, MAX_FILE_BYTES};
use parallax_core::text::content_hash;
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Why one file of a batch was not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
pub enum ImportError {
    /// The content could not be read as an article.
    #[error("{0}")]
    Ingest(#[from] IngestError),
    /// The file system refused (missing file, dangling link, permissions).
    #[error("cannot read the file: {0}")]
    Unreadable(String),
    /// A pipe, socket or device: reading it could block forever, so it is not opened.
    #[error("not a regular file ({0})")]
    NotAFile(String),
    /// The article could not be stored; nothing of it was written.
    #[error("could not store the article: {0}")]
    Database(String),
}

/// A file that became an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportedFile {
    /// The new article.
    pub id: ArticleId,
    /// The file.
    pub path: PathBuf,
    /// Its title.
    pub title: String,
    /// Its outlet.
    pub outlet: Option<String>,
    /// Its author.
    pub author: Option<String>,
    /// Its ISO publication date.
    pub published: Option<String>,
}

/// A file whose text is already in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DuplicateFile {
    /// The file.
    pub path: PathBuf,
    /// The article that already has this text.
    pub existing_id: ArticleId,
    /// That article's title.
    pub existing_title: String,
}

/// A file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FailedFile {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub error: ImportError,
}

/// The outcome of a batch, each list in the order the files were given (folders walked by name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// New articles.
    pub imported: Vec<ImportedFile>,
    /// Files already in the library.
    pub duplicates: Vec<DuplicateFile>,
    /// Files that failed, with the reason.
    pub failed: Vec<FailedFile>,
}

/// What happened to one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ImportOutcome {
    /// Stored as a new article.
    Imported,
    /// Already in the library.
    Duplicate,
    /// Not imported.
    Failed,
}

/// Progress of a batch, for progress bars.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportEvent {
    /// The folders are walked: `total` files will be tried.
    Started {
        /// Number of files in the batch.
        total: usize,
    },
    /// One more file is done.
    File {
        /// Files done so far, this one included.
        done: usize,
        /// Number of files in the batch.
        total: usize,
        /// The file.
        path: PathBuf,
        /// What happened to it.
        outcome: ImportOutcome,
    },
}

/// One file of a batch: where it is and how to get its bytes.
enum Source {
    File(PathBuf),
    Memory { name: String, bytes: &'static [u8] },
}

impl Source {
    fn display_path(&self) -> PathBuf {
        match self {
            Source::File(path) => path.clone(),
            Source::Memory { name, .. } => PathBuf::from(name),
        }
    }

    /// Reads and parses; runs on worker threads.
    fn load(&self) -> Result<Document, ImportError> {
        match self {
            Source::File(path) => {
                let bytes = read_file(path)?;
                Ok(ingest::ingest(&file_name(path), &bytes)?)
            }
            Source::Memory { name, bytes } => Ok(ingest::ingest(name, bytes)?),
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads a file after checking it is a regular file of acceptable size, so a FIFO never blocks
/// the import and a huge file is refused before it is loaded into memory.
fn read_file(path: &Path) -> Result<Vec<u8>, ImportError> {
    let meta = std::fs::metadata(path).map_err(|e| ImportError::Unreadable(io_reason(&e)))?;
    if !meta.is_file() {
        let kind = if meta.is_dir() {
            "a folder"
        } else {
            "a pipe, socket or device"
        };
        return Err(ImportError::NotAFile(kind.to_string()));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(IngestError::TooLarge {
            size: meta.len(),
            limit: MAX_FILE_BYTES as u64,
        }
        .into());
    }
    std::fs::read(path).map_err(|e| ImportError::Unreadable(io_reason(&e)))
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file (or a link to a missing file)".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

/// Expands the given paths into the files to import: files as given, folders walked
/// recursively in name order. Hidden entries inside folders (".git", ".DS_Store") are skipped;
/// links to folders are not followed inside folders, so a link cycle cannot loop.
fn expand_paths(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk_folder(path, &mut files);
        } else {
            // Missing or unreadable paths go through as files and fail with their reason.
            files.push(path.clone());
        }
    }
    files
}

fn walk_folder(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        files.push(dir.to_path_buf());
        return;
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk_folder(&path, files),
            Ok(t) if t.is_symlink() && path.is_dir() => {}
            _ => files.push(path),
        }
    }
}

impl Library {
    /// Imports files and folders (walked recursively). Each file is stored in its own
    /// transaction: a bad file is reported and the others still import. `on_event` is called
    /// as the batch starts and after each file.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        on_event: impl FnMut(ImportEvent),
    ) -> ImportReport {
        let sources = expand_paths(paths).into_iter().map(Source::File).collect();
        self.import_sources(sources, on_event)
    }

    /// Imports the built-in sample articles (see [`crate::sample`]).
    pub fn import_sample(&mut self) -> ImportReport {
        let sources = crate::sample::ARTICLES
            .iter()
            .map(|(name, text)| Source::Memory {
                name: format!("sample/{name}"),
                bytes: text.as_bytes(),
            })
            .collect();
        self.import_sources(sources, |_| {})
    }

    fn import_sources(
        &mut self,
        sources: Vec<Source>,
        mut on_event: impl FnMut(ImportEvent),
    ) -> ImportReport {
        let total = sources.len();
        on_event(ImportEvent::Started { total });
        let mut report = ImportReport::default();
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 4);
        let next = AtomicUsize::new(0);
        let (sender, receiver) = mpsc::sync_channel::<(usize, Result<Document, ImportError>)>(64);
        std::thread::scope(|scope| {
            // Parsing runs on worker threads; storing stays on this thread (one SQLite writer),
            // in input order so that which copy counts as the duplicate is deterministic.
            for _ in 0..workers {
                let sender = sender.clone();
                let (next, sources) = (&next, &sources);
                scope.spawn(move || loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(source) = sources.get(index) else {
                        break;
                    };
                    let loaded =
                        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| source.load()))
                            .unwrap_or_else(|_| {
                                Err(ImportError::Ingest(IngestError::Corrupt {
                                    format: "file".into(),
                                    detail: "the reader failed on this file".into(),
                                }))
                            });
                    if sender.send((index, loaded)).is_err() {
                        break;
                    }
                });
            }
            drop(sender);
            let mut pending = BTreeMap::new();
            let mut expected = 0;
            for (index, loaded) in receiver {
                pending.insert(index, loaded);
                while let Some(loaded) = pending.remove(&expected) {
                    let path = sources[expected].display_path();
                    let source_path = match &sources[expected] {
                        Source::File(p) => Some(p.to_string_lossy().into_owned()),
                        Source::Memory { .. } => None,
                    };
                    let outcome = self.store_one(path.clone(), source_path, loaded, &mut report);
                    expected += 1;
                    on_event(ImportEvent::File {
                        done: expected,
                        total,
                        path,
                        outcome,
                    });
                }
            }
        });
        report
    }

    fn store_one(
        &mut self,
        path: PathBuf,
        source_path: Option<String>,
        loaded: Result<Document, ImportError>,
        report: &mut ImportReport,
    ) -> ImportOutcome {
        let document = match loaded {
            Ok(document) => document,
            Err(error) => {
                tracing::info!(path = %path.display(), %error, "import failed");
                report.failed.push(FailedFile { path, error });
                return ImportOutcome::Failed;
            }
        };
        let hash = content_hash(&document.body);
        let stored = (|| {
            if let Some((existing_id, existing_title, deleted)) = self.find_by_hash(&hash)? {
                if !deleted {
                    return Ok(Err(DuplicateFile {
                        path: path.clone(),
                        existing_id,
                        existing_title,
                    }));
                }
                // The same text deleted earlier: the new import replaces it for good.
                self.remove(existing_id)?;
            }
            self.insert_document(&document, &hash, source_path.as_deref())
                .map(Ok)
        })();
        match stored {
            Ok(Ok(id)) => {
                let meta = document.metadata;
                report.imported.push(ImportedFile {
                    id,
                    path,
                    title: meta.title.unwrap_or_else(|| "Untitled".into()),
                    outlet: meta.outlet,
                    author: meta.author,
                    published: meta.published,
                });
                ImportOutcome::Imported
            }
            Ok(Err(duplicate)) => {
                report.duplicates.push(duplicate);
                ImportOutcome::Duplicate
            }
            Err(error) => {
                tracing::warn!(path = %path.display(), %error, "storing failed");
                report.failed.push(FailedFile {
                    path,
                    error: ImportError::Database(error.to_string()),
                });
                ImportOutcome::Failed
            }
        }
    }
}
