//! A session's whole analysis (alignment, quotations, shared passages, framing) on two to four
//! texts cut from the input at NUL bytes: never a panic.
#![no_main]

use parallax_core::ingest::{ingest, Document};
use parallax_core::session::{self, SessionArticle};
use parallax_core::ArticleId;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let documents: Vec<Document> = bytes
        .split(|&b| b == 0)
        .take(4)
        .filter_map(|part| ingest("a.txt", part).ok())
        .collect();
    if documents.len() < 2 {
        return;
    }
    let articles: Vec<SessionArticle<'_>> = documents
        .iter()
        .enumerate()
        .map(|(i, d)| SessionArticle::of(ArticleId(i as i64 + 1), d))
        .collect();
    let _ = session::analyse(&articles, 0, &Default::default());
});
