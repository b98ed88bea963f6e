//! Writes Parallax's reading of every page of an HTML test set, for scoring against the set's
//! expected text: `ROOT/<page>/source.html` -> `ROOT/<page>/parallax.txt` (the body outside
//! boilerplate; an empty file when the page is refused). The pages stay outside
//! the repository (third-party text); `scripts/html-baseline.py --score ROOT --cand
//! parallax.txt` scores the files with the same rules as a maintained extractor's output.
//!
//! `cargo run --release -p parallax-core --example extract_pages -- ROOT`

use parallax_core::ingest::ingest;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::args().nth(1).expect("usage: extract_pages ROOT"));
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.expect("readable folder").path())
        .filter(|p| p.join("source.html").is_file())
        .collect();
    pages.sort();
    let (mut read, mut refused) = (0, 0);
    for page in &pages {
        let bytes = std::fs::read(page.join("source.html")).expect("readable page");
        let text = match ingest("source.html", &bytes) {
            Ok(doc) => {
                read += 1;
                // The body only: the expected text, like other extractors' output, holds no
                // title.
                let mut kept = String::new();
                let mut at = 0;
                for skip in &doc.boilerplate {
                    kept.push_str(&doc.body[at..skip.start]);
                    at = skip.end;
                }
                kept.push_str(&doc.body[at..]);
                kept
            }
            Err(error) => {
                refused += 1;
                eprintln!("{}: {error}", page.display());
                String::new()
            }
        };
        std::fs::write(page.join("parallax.txt"), text).expect("writable page folder");
    }
    eprintln!("{read} pages read, {refused} refused, of {}", pages.len());
}
