//! Blocks: what every reader turns a file into (paragraphs, headings, lists, tables, code),
//! what the shared passes mark (metadata lines taken out, clutter kept but marked), and the body
//! assembled from them.

use super::{Document, Format, Metadata};
use regex::Regex;
use std::sync::LazyLock;

/// What a paragraph of the body is, as far as the heuristics care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum BlockKind {
    Prose,
    Heading(u8),
    List,
    Table,
    Code,
}

#[derive(Debug, Clone)]
pub(super) struct Block {
    pub(super) text: String,
    pub(super) kind: BlockKind,
    /// Taken out of the body as metadata (title, byline, date line).
    pub(super) removed: bool,
    /// Site clutter: stays in the body, listed in `Document::boilerplate`.
    pub(super) clutter: bool,
}

impl Block {
    pub(super) fn new(text: String, kind: BlockKind) -> Block {
        Block {
            text,
            kind,
            removed: false,
            clutter: false,
        }
    }

    /// A single line of prose or a heading: the only paragraphs that can be a title, byline,
    /// date line or clutter marker. Lists, tables and code are always content.
    pub(super) fn is_line(&self) -> bool {
        matches!(self.kind, BlockKind::Prose | BlockKind::Heading(_)) && !self.text.contains('\n')
    }
}

/// `-`, `*`, `•`, `–`, `—`, `+` bullets and `1.`/`1)` numbers followed by a space and text: the
/// length of the marker in bytes.
pub(super) fn list_marker_len(line: &str) -> Option<usize> {
    static MARKER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^([-*+•–—▪◦‣·]|\d{1,2}[.)])[ ]+\S").expect("valid regex"));
    MARKER.captures(line).map(|c| c[1].len())
}

pub(super) fn collapse_spaces(text: &str) -> String {
    text.split('\n')
        .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

pub(super) fn assemble(mut blocks: Vec<Block>, meta: Metadata, format: Format) -> Document {
    if blocks.iter().all(|p| p.removed) {
        // Only a title and a byline: better a body that repeats them than no body at all.
        for p in &mut blocks {
            p.removed = false;
        }
    }
    let mut body = String::new();
    let mut boilerplate = Vec::new();
    for p in blocks.iter().filter(|p| !p.removed) {
        if !body.is_empty() {
            body.push_str("\n\n");
        }
        let start = body.len();
        body.push_str(&p.text);
        if p.clutter {
            boilerplate.push(start..body.len());
        }
    }
    Document {
        body,
        boilerplate,
        metadata: meta,
        format,
    }
}
