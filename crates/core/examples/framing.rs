//! Prints the framing analysis of the shared corpus as JSON: what a reader of the five real
//! articles would see in the Framing view. `cargo run -p parallax-core --example framing`.

use parallax_core::ingest::ingest;
use parallax_core::session::{self, SessionArticle, SessionOptions};
use parallax_core::ArticleId;

fn main() {
    let documents: Vec<_> = parallax_testdata::corpus::read()
        .into_iter()
        .map(|(name, bytes)| ingest(&name, &bytes).expect("a corpus article"))
        .collect();
    let articles: Vec<SessionArticle<'_>> = documents
        .iter()
        .enumerate()
        .map(|(k, d)| SessionArticle::of(ArticleId(k as i64 + 1), d))
        .collect();
    let options = SessionOptions::default();
    let alignment = session::align(&articles, 0, &options.align);
    let quotations = session::quotations(&articles);
    let framing = session::framing(&articles, Some(&alignment), &quotations, &options);
    println!("{}", serde_json::to_string_pretty(&framing).expect("JSON"));
}
