//! The aligner on two to four texts cut from the input at NUL bytes (each read as a `.txt` file
//! is), against each pivot: never a panic, and every row's sentences are the articles' own.
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
    for pivot in 0..articles.len() {
        let _ = session::align(&articles, pivot, &Default::default());
    }
});
