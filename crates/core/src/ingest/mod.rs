//! Import: turn the bytes of one file into a [`Document`].
//!
//! One entry point, [`ingest`], dispatches on the file extension to a reader per format. Every
//! reader returns body text with paragraphs separated by a blank line (`"\n\n"`), normalised by
//! [`crate::text::normalize`], plus whatever metadata the file carries. Site clutter found inside
//! the body (share buttons, "About Us" blocks, newsletter prompts) is kept in the body for the
//! reader but listed in [`Document::boilerplate`] so that analyses skip it.

mod blocks;
mod clutter;
mod dates;
mod docx;
mod encoding;
mod head;
mod html;
mod language;

pub use language::detect as detect_language;
mod markdown;
mod pdf;
mod plain;

use serde::{Deserialize, Serialize};
use std::ops::Range;

pub use encoding::decode_text;

/// Largest file accepted, in bytes. Real articles are far smaller (a long feature with inline
/// images as a PDF stays under 20 MB); the limit keeps one stray file from stalling a batch.
pub const MAX_FILE_BYTES: usize = 50 * 1024 * 1024;

/// Largest body text a file may give, in bytes of UTF-8.
pub const MAX_BODY_BYTES: usize = 2 * MAX_FILE_BYTES;

/// The file formats Parallax reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`, `.markdown`).
    Markdown,
    /// HTML (`.html`, `.htm`, `.xhtml`).
    Html,
    /// PDF with a text layer (`.pdf`).
    Pdf,
    /// Word document (`.docx`).
    Docx,
}

impl Format {
    /// Every format, in the order they are named to people.
    pub const ALL: [Format; 5] = [
        Format::Text,
        Format::Markdown,
        Format::Html,
        Format::Pdf,
        Format::Docx,
    ];

    /// The file extensions read as this format (lowercase, no dot), the usual one first: the
    /// one list of what Parallax imports (the CLI's help, the file picker's filter and the
    /// error for other files all come from it).
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Format::Text => &["txt", "text"],
            Format::Markdown => &["md", "markdown"],
            Format::Html => &["html", "htm", "xhtml"],
            Format::Pdf => &["pdf"],
            Format::Docx => &["docx"],
        }
    }

    /// "`.txt`, `.md`, `.html`, `.pdf` and `.docx`": the usual extension of each format, for
    /// messages.
    pub fn usual_extensions() -> String {
        let names: Vec<String> = Format::ALL
            .iter()
            .map(|f| format!(".{}", f.extensions()[0]))
            .collect();
        match names.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.concat(),
        }
    }

    /// The format for a file name, by its extension (case-insensitive); `None` when unsupported.
    pub fn from_file_name(file_name: &str) -> Option<Format> {
        let ext = file_name.rsplit_once('.')?.1.to_ascii_lowercase();
        Format::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }

    /// The lowercase name stored in the library (`"text"`, `"markdown"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Docx => "docx",
        }
    }

    /// Parses the name produced by [`Format::as_str`].
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.as_str() == name)
    }
}

/// What a file says about itself. Every field is optional: unknown stays `None`, never a guess
/// dressed up as a fact.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: Option<String>,
    /// The headline was not in the file: it is made from the article's opening words.
    #[serde(default)]
    pub title_derived: bool,
    /// The publication's name ("Brussels Morning Newspaper"), not its domain: who published
    /// this copy.
    pub outlet: Option<String>,
    /// The news agency that wrote the story ("Associated Press", "Reuters"), from a credit or a
    /// dateline; a reprint keeps the publisher in `outlet`.
    #[serde(default)]
    pub agency: Option<String>,
    /// The byline without "By" ("Jane Doe", "Jane Doe and John Roe").
    pub author: Option<String>,
    /// Publication date as an ISO date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The canonical URL of the article.
    pub url: Option<String>,
    /// BCP 47 language tag, when the file declares one ("en", "es-VE"). A file that does not
    /// is given the language its text is written in after the import ([`detect_language`]).
    pub language: Option<String>,
}

/// One imported file, ready to store.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Body text: NFC, `\n` line endings, paragraphs separated by `"\n\n"`, no leading or trailing
    /// whitespace. The title line is not part of the body when the reader recognised it as the
    /// title (it lives in [`Metadata::title`]).
    pub body: String,
    /// Byte ranges of site clutter inside `body`, sorted and non-overlapping, each on paragraph
    /// boundaries. Kept for the reader, skipped by every analysis.
    pub boilerplate: Vec<Range<usize>>,
    /// Metadata found in the file.
    pub metadata: Metadata,
    /// The format the file was read as.
    pub format: Format,
}

impl Document {
    /// Number of words in the body outside boilerplate.
    pub fn word_count(&self) -> usize {
        crate::text::count_words_outside(&self.body, &self.boilerplate)
    }
}

/// Why a file could not be imported. Each variant is one specific, user-facing reason.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum IngestError {
    /// The extension is not one Parallax reads.
    #[error("unsupported file type{}: Parallax reads {}", ext_suffix(.extension), Format::usual_extensions())]
    UnsupportedType {
        /// The extension found, without the dot; empty when there is none.
        extension: String,
    },
    /// Zero bytes, or only whitespace.
    #[error("the file is empty")]
    Empty,
    /// Bytes that are not text in any encoding we know (NUL bytes, control characters, an image
    /// renamed to `.txt`).
    #[error("the file is binary, not text")]
    Binary,
    /// Over [`MAX_FILE_BYTES`].
    #[error("the file is too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// Size of the file in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// A PDF or DOCX whose structure could not be read.
    #[error("the {format} file is damaged: {detail}")]
    Corrupt {
        /// "PDF" or "DOCX".
        format: String,
        /// What went wrong, from the reader.
        detail: String,
    },
    /// A file locked with a password.
    #[error("the {format} file is protected by a password: open it, then save or print an unprotected copy")]
    Encrypted {
        /// "PDF" or "DOCX".
        format: String,
    },
    /// A small file that would inflate past the limit when unpacked (a compression bomb, or a
    /// document far larger than any article).
    #[error("the file expands to more than {} MB when unpacked, the limit for one file (a compression bomb?)", .limit / 1_048_576)]
    Expands {
        /// The limit in bytes.
        limit: u64,
    },
    /// A well-formed file with no article text in it (a scanned PDF, an HTML page of only
    /// navigation).
    #[error("no text found in the file{}", detail_suffix(.detail))]
    NoText {
        /// Why, when known ("the PDF has no text layer").
        detail: String,
    },
}

fn ext_suffix(ext: &str) -> String {
    if ext.is_empty() {
        " (no extension)".to_string()
    } else {
        format!(" .{ext}")
    }
}

fn detail_suffix(detail: &str) -> String {
    if detail.is_empty() {
        String::new()
    } else {
        format!(" ({detail})")
    }
}

/// Reads one file's bytes into a [`Document`]. `file_name` is used for the format (its
/// extension); no file is opened.
pub fn ingest(file_name: &str, bytes: &[u8]) -> Result<Document, IngestError> {
    let Some(format) = Format::from_file_name(file_name) else {
        let extension = file_name
            .rsplit_once('.')
            .map(|(_, e)| e.to_string())
            .unwrap_or_default();
        return Err(IngestError::UnsupportedType { extension });
    };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            size: bytes.len() as u64,
            limit: MAX_FILE_BYTES as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    let mut document = read(format, bytes)?;
    // The file limit applies to what a file expands to (a page of entities, a legacy encoding
    // of two bytes a letter in UTF-8), with room for the paragraph breaks normalising adds.
    if document.body.len() > MAX_BODY_BYTES {
        return Err(IngestError::Expands {
            limit: MAX_BODY_BYTES as u64,
        });
    }
    if document.body.trim().is_empty() {
        return Err(IngestError::NoText {
            detail: String::new(),
        });
    }
    if document.metadata.title.is_none() {
        document.metadata.title = Some(head::title_from_opening(&document));
        document.metadata.title_derived = true;
    }
    Ok(document)
}

/// What a reader makes of a file: its text as blocks, and what the file declares about itself
/// (front matter, page metadata, document properties), which the shared passes never override.
pub(super) struct Read {
    blocks: Vec<blocks::Block>,
    declared: Metadata,
    /// What the file says when its text says nothing (a document's creator account).
    fallback: Metadata,
    /// Whether the lines the head is read from leave the body or stay marked.
    metadata_lines: head::MetadataLines,
}

/// Reads `bytes` as `format`: the format's reader, then the passes every format shares.
fn read(format: Format, bytes: &[u8]) -> Result<Document, IngestError> {
    match format {
        Format::Text | Format::Markdown => {
            Ok(finish(plain::read(&decode_text(bytes)?, format)?, format))
        }
        Format::Html => Ok(finish(html::read(&decode_text(bytes)?)?, format)),
        Format::Pdf => Ok(finish(pdf::read(bytes)?, format)),
        Format::Docx => Ok(finish(docx::read(bytes)?, format)),
    }
}

/// The passes every format shares, over a reader's blocks: the head (title, byline, date
/// line), the dateline, site clutter; then the body is assembled.
fn finish(read: Read, format: Format) -> Document {
    let mut blocks = read.blocks;
    let mut found = head::Found::new(read.declared, read.metadata_lines);
    let body_start = head::read_head(&mut blocks, &mut found);
    head::read_dateline(&mut blocks[body_start..], &mut found);
    head::read_sign_off(&mut blocks[body_start..], &mut found);
    clutter::mark_clutter(&mut blocks, &mut found.meta);
    let mut meta = found.meta;
    let fallback = read.fallback;
    meta.title = meta.title.or(fallback.title);
    meta.outlet = meta.outlet.or(fallback.outlet);
    meta.author = meta.author.or(fallback.author);
    meta.published = meta.published.or(fallback.published);
    meta.url = meta.url.or(fallback.url);
    meta.language = meta.language.or(fallback.language);
    // An agency's copy with no other publisher known: the agency published it.
    meta.outlet = meta.outlet.or_else(|| meta.agency.clone());
    blocks::assemble(blocks, meta, format)
}
