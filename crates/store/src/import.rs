//! Importing files and folders: read, parse (in parallel), store (one transaction per file).

use crate::articles::{self, ArticleId, StoredMetadata};
use crate::reader::Reader;
use crate::Library;
use parallax_core::ingest::{self, Document, IngestError, MAX_FILE_BYTES};
use parallax_core::text::content_hash;
use rusqlite::Connection;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Why one file of a batch was not imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
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
    /// Reading the file ran past the time budget for one file.
    #[error("reading the file took longer than {seconds} s, the limit for one file")]
    TimedOut {
        /// The budget in seconds.
        seconds: u64,
    },
    /// Reading the file needed more memory than one file may take.
    #[error("reading the file needed more than {megabytes} MB of memory, the limit for one file")]
    OutOfMemory {
        /// The limit in MiB.
        megabytes: u64,
    },
    /// A reader crashed on this file (a bug in Parallax); the rest of the batch went on.
    #[error("Parallax's reader failed on this file; please report it with the file attached")]
    ReaderFailed,
}

/// A file that became an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ImportedFile {
    /// The new article.
    pub id: ArticleId,
    /// The file.
    #[serde(serialize_with = "path_text")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub path: PathBuf,
    /// Its title.
    pub title: String,
    /// The title was made from its opening (the file had no headline).
    pub title_derived: bool,
    /// Its outlet.
    pub outlet: Option<String>,
    /// The news agency that wrote it.
    pub agency: Option<String>,
    /// Its author.
    pub author: Option<String>,
    /// Its ISO publication date.
    pub published: Option<String>,
}

/// A file whose text is already in the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct DuplicateFile {
    /// The file.
    #[serde(serialize_with = "path_text")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub path: PathBuf,
    /// The article that already has this text.
    pub existing_id: ArticleId,
    /// That article's title.
    pub existing_title: String,
}

/// A file that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FailedFile {
    /// The file.
    #[serde(serialize_with = "path_text")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub path: PathBuf,
    /// Why, in words.
    #[serde(serialize_with = "error_text")]
    #[cfg_attr(feature = "ts", ts(as = "String"))]
    pub error: ImportError,
}

/// The outcome of a batch, each list in the order the files were given (folders walked by name).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
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
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
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
        #[serde(serialize_with = "path_text")]
        #[cfg_attr(feature = "ts", ts(as = "String"))]
        path: PathBuf,
        /// What happened to it.
        outcome: ImportOutcome,
    },
}

/// A path as text (lossily when it is not valid Unicode: a report is never lost to its name).
fn path_text<S: serde::Serializer>(path: &Path, out: S) -> Result<S::Ok, S::Error> {
    out.serialize_str(&path.to_string_lossy())
}

/// An error as its message.
fn error_text<S: serde::Serializer>(error: &ImportError, out: S) -> Result<S::Ok, S::Error> {
    out.collect_str(error)
}

/// A parsed file with what storing it needs, all computed on the worker threads so the single
/// writer only writes.
struct Parsed {
    document: Document,
    hash: String,
    words: usize,
    meta: StoredMetadata,
    /// Encoded reuse fingerprints (see `reuse`).
    fingerprints: Vec<u8>,
}

impl Parsed {
    fn new(document: Document) -> Parsed {
        Parsed {
            hash: content_hash(&document.body),
            words: document.word_count(),
            meta: StoredMetadata::from_document(&document.metadata),
            fingerprints: crate::reuse::encoded_fingerprints(&document.body, &document.boilerplate),
            document,
        }
    }
}

/// One file of a batch: where it is and how to get its bytes.
enum Source {
    File(PathBuf),
    /// A folder that could not be listed: reported as one failure.
    UnlistableFolder(PathBuf, String),
    Memory {
        name: String,
        bytes: &'static [u8],
    },
    /// A document already read (an article of a session bundle).
    Document {
        name: String,
        document: Box<Document>,
    },
}

impl Source {
    fn display_path(&self) -> PathBuf {
        match self {
            Source::File(path) | Source::UnlistableFolder(path, _) => path.clone(),
            Source::Memory { name, .. } | Source::Document { name, .. } => PathBuf::from(name),
        }
    }

    /// Where the article came from, as stored: an absolute path, so it means something later
    /// whatever folder the CLI was run from.
    fn stored_path(&self) -> Option<String> {
        match self {
            Source::File(path) => {
                let absolute = std::path::absolute(path).unwrap_or_else(|_| path.clone());
                Some(absolute.to_string_lossy().into_owned())
            }
            Source::UnlistableFolder(..) | Source::Memory { .. } | Source::Document { .. } => None,
        }
    }

    /// Reads and parses; runs on the parsing threads, each with its reader.
    fn load(&self, reader: &mut Reader) -> Result<Parsed, ImportError> {
        let document = match self {
            // Files from disk are untrusted: read in a worker process (see `reader`).
            Source::File(path) => reader.read(&file_name(path), &read_file(path)?)?,
            Source::UnlistableFolder(_, reason) => {
                return Err(ImportError::Unreadable(reason.clone()))
            }
            Source::Memory { name, bytes } => ingest::ingest(name, bytes)?,
            Source::Document { document, .. } => Document::clone(document),
        };
        Ok(Parsed::new(document))
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads a file after checking, on the open handle, that it is a regular file of acceptable
/// size: a FIFO never blocks the import and a huge file is refused before it is loaded.
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
    let file = std::fs::File::open(path).map_err(|e| ImportError::Unreadable(io_reason(&e)))?;
    let size = file
        .metadata()
        .map_err(|e| ImportError::Unreadable(io_reason(&e)))?
        .len();
    let limit = MAX_FILE_BYTES as u64;
    if size > limit {
        return Err(IngestError::TooLarge { size, limit }.into());
    }
    // `take` keeps a file that grows while we read from slipping past the limit.
    let mut bytes = Vec::with_capacity(size as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ImportError::Unreadable(io_reason(&e)))?;
    if bytes.len() as u64 > limit {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit,
        }
        .into());
    }
    Ok(bytes)
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
fn expand_paths(paths: &[PathBuf]) -> Vec<Source> {
    let mut sources = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk_folder(path, &mut sources);
        } else {
            // Missing or unreadable paths go through as files and fail with their reason.
            sources.push(Source::File(path.clone()));
        }
    }
    sources
}

fn walk_folder(dir: &Path, sources: &mut Vec<Source>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            sources.push(Source::UnlistableFolder(dir.to_path_buf(), io_reason(&e)));
            return;
        }
    };
    let mut entries: Vec<_> = entries.filter_map(|e| e.ok()).collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk_folder(&path, sources),
            Ok(t) if t.is_symlink() && path.is_dir() => {}
            _ => sources.push(Source::File(path)),
        }
    }
}

/// How far parsing may run ahead of storing: bounds the parsed documents held in memory.
const PARSE_AHEAD: usize = 32;

/// Files stored per commit. Each file still has its own savepoint, so a bad file rolls back
/// alone; grouping commits makes a 10,000-file import several times faster. A crash loses at
/// most the uncommitted group, never part of an article.
const FILES_PER_COMMIT: usize = 200;

/// ...or this much time, whichever comes first, so other readers see progress.
const COMMIT_INTERVAL: Duration = Duration::from_millis(250);

impl Library {
    /// Imports files and folders (walked recursively). A bad file is reported and the others
    /// still import; nothing of a failed file is written. `on_event` is called as the batch
    /// starts and after each file.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        on_event: impl FnMut(ImportEvent),
    ) -> ImportReport {
        self.import_sources(expand_paths(paths), on_event)
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

    /// Imports documents already read (named for the report), like files: a text the library
    /// holds is a duplicate, a deleted one is brought back.
    pub(crate) fn import_documents(&mut self, documents: Vec<(String, Document)>) -> ImportReport {
        let sources = documents
            .into_iter()
            .map(|(name, document)| Source::Document {
                name,
                document: Box::new(document),
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
        let stored = AtomicUsize::new(0);
        let (sender, receiver) = mpsc::channel::<(usize, Result<Parsed, ImportError>)>();
        let mut writer = BatchWriter::new(&mut self.conn);
        std::thread::scope(|scope| {
            // Parsing runs on worker threads; storing stays on this thread (one SQLite writer),
            // in input order so that which copy counts as the duplicate is deterministic.
            for _ in 0..workers {
                let sender = sender.clone();
                let (next, stored, sources) = (&next, &stored, &sources);
                scope.spawn(move || {
                    let mut reader = Reader::default();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(source) = sources.get(index) else {
                            break;
                        };
                        while index >= stored.load(Ordering::Acquire) + PARSE_AHEAD {
                            std::thread::sleep(Duration::from_millis(1));
                        }
                        let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                            source.load(&mut reader)
                        }))
                        .unwrap_or(Err(ImportError::ReaderFailed));
                        if sender.send((index, loaded)).is_err() {
                            break;
                        }
                    }
                });
            }
            drop(sender);
            let mut pending = BTreeMap::new();
            loop {
                let (index, loaded) = match receiver.try_recv() {
                    Ok(parsed) => parsed,
                    Err(mpsc::TryRecvError::Empty) => {
                        // Nothing parsed is waiting: commit now rather than hold the write lock
                        // while the next file is read (another process may be waiting to write).
                        writer.commit(&mut report);
                        match receiver.recv() {
                            Ok(parsed) => parsed,
                            Err(_) => break,
                        }
                    }
                    Err(mpsc::TryRecvError::Disconnected) => break,
                };
                pending.insert(index, loaded);
                let mut expected = stored.load(Ordering::Acquire);
                while let Some(loaded) = pending.remove(&expected) {
                    let source = &sources[expected];
                    let path = source.display_path();
                    let outcome =
                        writer.store(path.clone(), source.stored_path(), loaded, &mut report);
                    expected += 1;
                    stored.store(expected, Ordering::Release);
                    on_event(ImportEvent::File {
                        done: expected,
                        total,
                        path,
                        outcome,
                    });
                }
            }
        });
        writer.finish(&mut report);
        report
    }
}

/// Stores parsed documents in groups of files per transaction, one savepoint per file.
struct BatchWriter<'c> {
    conn: &'c mut Connection,
    open: bool,
    since_commit: usize,
    opened_at: Instant,
    /// `report.imported` entries not yet committed: moved to `failed` if the commit fails.
    uncommitted_from: usize,
}

impl<'c> BatchWriter<'c> {
    fn new(conn: &'c mut Connection) -> BatchWriter<'c> {
        BatchWriter {
            conn,
            open: false,
            since_commit: 0,
            opened_at: Instant::now(),
            uncommitted_from: 0,
        }
    }

    fn store(
        &mut self,
        path: PathBuf,
        source_path: Option<String>,
        loaded: Result<Parsed, ImportError>,
        report: &mut ImportReport,
    ) -> ImportOutcome {
        let parsed = match loaded {
            Ok(parsed) => parsed,
            Err(error) => {
                tracing::info!(path = %path.display(), %error, "import failed");
                report.failed.push(FailedFile { path, error });
                return ImportOutcome::Failed;
            }
        };
        let outcome = match self.store_document(parsed, source_path.as_deref()) {
            Ok(Stored::New(id, meta)) | Ok(Stored::Revived(id, meta)) => {
                report.imported.push(ImportedFile {
                    id,
                    path,
                    title: meta.title,
                    title_derived: meta.title_derived,
                    outlet: meta.outlet,
                    agency: meta.agency,
                    author: meta.author,
                    published: meta.published,
                });
                ImportOutcome::Imported
            }
            Ok(Stored::Duplicate(existing_id, existing_title)) => {
                report.duplicates.push(DuplicateFile {
                    path,
                    existing_id,
                    existing_title,
                });
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
        };
        self.since_commit += 1;
        if self.since_commit >= FILES_PER_COMMIT || self.opened_at.elapsed() >= COMMIT_INTERVAL {
            self.commit(report);
        }
        outcome
    }

    /// One file, inside its own savepoint of the open transaction.
    fn store_document(
        &mut self,
        parsed: Parsed,
        source_path: Option<&str>,
    ) -> crate::Result<Stored> {
        if !self.open {
            // IMMEDIATE takes the write lock up front, so the duplicate check and the insert
            // see the same library even when another import runs beside this one.
            self.conn.execute_batch("BEGIN IMMEDIATE")?;
            self.open = true;
            self.opened_at = Instant::now();
        }
        let Parsed {
            document,
            hash,
            words,
            meta,
            fingerprints,
        } = parsed;
        let savepoint = self.conn.savepoint()?;
        let stored = match articles::find_by_hash(&savepoint, &hash)? {
            Some((id, title, false)) => Stored::Duplicate(id, title),
            Some((id, _, true)) => {
                articles::revive_article(&savepoint, id, &meta, source_path)?;
                crate::reuse::store_fingerprints(&savepoint, id, &fingerprints)?;
                Stored::Revived(id, meta)
            }
            None => {
                let id = articles::insert_article(
                    &savepoint,
                    &document,
                    &meta,
                    &hash,
                    words,
                    source_path,
                )?;
                crate::reuse::store_fingerprints(&savepoint, id, &fingerprints)?;
                Stored::New(id, meta)
            }
        };
        savepoint.commit()?;
        Ok(stored)
    }

    fn commit(&mut self, report: &mut ImportReport) {
        if self.open {
            if let Err(error) = self.conn.execute_batch("COMMIT") {
                tracing::error!(%error, "commit failed; the files of this group are not imported");
                let _ = self.conn.execute_batch("ROLLBACK");
                for file in report
                    .imported
                    .drain(self.uncommitted_from..)
                    .collect::<Vec<_>>()
                {
                    let error = ImportError::Database(error.to_string());
                    report.failed.push(FailedFile {
                        path: file.path,
                        error,
                    });
                }
            }
            self.open = false;
        }
        self.since_commit = 0;
        self.uncommitted_from = report.imported.len();
    }

    fn finish(mut self, report: &mut ImportReport) {
        self.commit(report);
    }
}

/// What storing one document did.
enum Stored {
    New(ArticleId, StoredMetadata),
    /// A deleted copy of the same text, brought back.
    Revived(ArticleId, StoredMetadata),
    Duplicate(ArticleId, String),
}
