//! Parallax core: the pure analysis of news articles.
//!
//! Everything here works on bytes and strings handed in by the caller: no file system, no
//! database, no clock, no Tauri. That keeps every feature callable from a plain `#[test]` and a
//! criterion bench, and lets the store, the CLI and the app share one implementation.
//!
//! - [`ingest`]: bytes + file name -> [`ingest::Document`] (clean body, boilerplate ranges,
//!   metadata) for `.txt`, `.md`, `.html`, `.pdf` and `.docx`.
//! - [`text`]: normalisation, word tokens with byte offsets, content hashing.
//! - [`diff`]: word diffs of two bodies over `similar`, as runs with byte offsets.
//! - [`sentences`]: sentences with byte ranges and kinds (prose, heading, list item).
//! - [`align`]: sentence alignment of a session's articles against a pivot (IDF-weighted
//!   similarity of stemmed content words, monotone DP with merges, moved and only-here
//!   sentences).
//! - [`side_by_side`]: an alignment laid out for reading: sentences cut into runs (changed
//!   words, marked passages), links to counterparts, counts per article.
//! - [`anchor`]: W3C Web Annotation text anchors for notes (quote + context + byte position),
//!   re-found after edits or reported orphaned.
//! - [`quotes`]: direct quotations, their kinds and speakers, and quotations matched across
//!   articles.
//! - [`passages`]: passages two articles share (winnowed fingerprints, grown by diff).
//! - [`session`]: a comparison session's whole analysis in one call — quotations and their
//!   groups, the alignment laid out side by side, shared passages, counts per article.
//! - [`framing`]: how each article frames the story — distinctive words, actors, sources,
//!   facts in conflict or left out, frame dimensions — each figure with the words behind it.
//! - [`ids`]: the typed ids of articles and notes.
#![deny(missing_docs)]

pub mod align;
pub mod anchor;
pub mod diff;
pub mod framing;
mod groups;
pub mod ids;
pub mod ingest;
mod lexicon;
pub mod passages;
pub mod quotes;
pub mod sentences;
pub mod session;
pub mod side_by_side;
pub mod text;

pub use ids::{ArticleId, NoteId};
