//! Shared by the targets that analyse several articles.

use parallax_core::ingest::{ingest, Document};
use parallax_core::session::SessionArticle;
use parallax_core::ArticleId;

/// Two to four articles cut from the input at NUL bytes, each read as a `.txt` file is; fewer
/// than two when the input does not make them.
pub fn documents(bytes: &[u8]) -> Vec<Document> {
    bytes
        .split(|&b| b == 0)
        .take(4)
        .filter_map(|part| ingest("a.txt", part).ok())
        .collect()
}

/// The documents as a session's articles, numbered from 1.
pub fn articles(documents: &[Document]) -> Vec<SessionArticle<'_>> {
    documents
        .iter()
        .enumerate()
        .map(|(i, d)| SessionArticle::of(ArticleId(i as i64 + 1), d))
        .collect()
}
