//! Splits the import time into parsing and storing, to see where it goes:
//! `cargo run --release -p parallax-store --example profile_import`.

use parallax_testdata as corpus;

use std::time::Instant;

fn main() {
    let vocabulary = corpus::vocabulary();
    let texts: Vec<String> = (0..2000)
        .map(|i| corpus::article(i, 600, &vocabulary))
        .collect();
    let start = Instant::now();
    let documents: Vec<_> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| parallax_core::ingest::ingest(&format!("a{i}.txt"), t.as_bytes()).unwrap())
        .collect();
    let parse = start.elapsed();
    println!(
        "parse (one thread): {:.0} articles/s",
        2000.0 / parse.as_secs_f64()
    );
    let dir = std::env::temp_dir().join(format!("parallax-profile-{}", std::process::id()));
    corpus::write_corpus(&dir.join("corpus"), 2000, 600).unwrap();
    let db = dir.join("lib.sqlite3");
    let mut library = parallax_store::Library::open(&db).unwrap();
    let start = Instant::now();
    let report = library.import_paths(&[dir.join("corpus")], |_| {});
    let total = start.elapsed();
    println!(
        "import_paths (parse on workers + store): {:.0} articles/s ({} imported)",
        report.imported.len() as f64 / total.as_secs_f64(),
        report.imported.len()
    );
    drop(documents);
    std::fs::remove_dir_all(&dir).unwrap();
}
