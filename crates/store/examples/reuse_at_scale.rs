//! Library-wide reuse at scale, in two steps so the second's memory is the library's alone:
//!
//! 1. `reuse_at_scale build COUNT DIR`: writes COUNT synthetic articles of ~600 words with
//!    COUNT/10 passages of 25–80 words planted in pairs (10% of their words edited), over
//!    COUNT/50 outlets, each article with its outlet's 30–40-word footer and 100 stock phrases
//!    of 6–10 words in ~1% of the articles each; imports them into DIR/library.sqlite3
//!    (fingerprints included), learns the outlets' boilerplate as an import does, and keeps the
//!    planted pairs in DIR/planted.txt.
//! 2. `reuse_at_scale measure DIR`: finds every shared passage across the library, timed, and
//!    counts the planted pairs found (recall) and the pairs found that were planted
//!    (precision). Run it under `/usr/bin/time -v` for the peak memory.
//!
//! `cargo run --release -p parallax-store --example reuse_at_scale -- build 10000 /tmp/reuse10k`

use parallax_store::Library;
use parallax_testdata::outlet_library;
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    match args.get(1).map(String::as_str) {
        Some("build") if args.len() == 4 => {
            build(args[2].parse().expect("COUNT"), Path::new(&args[3]))
        }
        Some("measure") if args.len() == 3 => measure(Path::new(&args[2])),
        _ => eprintln!("usage: reuse_at_scale build COUNT DIR | measure DIR"),
    }
}

fn build(count: usize, dir: &Path) {
    let started = Instant::now();
    let corpus = outlet_library(3, count, (count / 50).max(2), count / 10, 100);
    let folder = dir.join("corpus");
    std::fs::create_dir_all(&folder).expect("a corpus folder");
    for (i, text) in corpus.files.iter().enumerate() {
        std::fs::write(folder.join(format!("article-{i:07}.txt")), text).expect("written");
    }
    println!(
        "generated {count} articles in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let mut library = Library::open(&dir.join("library.sqlite3")).expect("a library");
    let started = Instant::now();
    let report = library.import_paths(&[folder], |_| {});
    println!(
        "imported {} (fingerprints included) in {:.1} s",
        report.imported.len(),
        started.elapsed().as_secs_f64()
    );
    let started = Instant::now();
    let ids: Vec<_> = report.imported.iter().map(|f| f.id).collect();
    let after = library
        .after_import(&ids, |_| {})
        .expect("the work after the import");
    println!(
        "after the import: {} languages detected, the boilerplate of {} outlets learned ({} \
         articles marked), in {:.1} s",
        after.languages,
        after.boilerplate.outlets,
        after.boilerplate.articles,
        started.elapsed().as_secs_f64()
    );
    let mut ids = HashMap::new();
    for imported in &report.imported {
        let stem = imported
            .path
            .file_stem()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        ids.insert(stem[8..].parse::<usize>().unwrap(), imported.id);
    }
    let truth: String = corpus
        .planted
        .iter()
        .map(|p| format!("{} {}\n", ids[&p.a], ids[&p.b]))
        .collect();
    std::fs::write(dir.join("planted.txt"), truth).expect("the truth written");
}

fn measure(dir: &Path) {
    let mut library = Library::open(&dir.join("library.sqlite3")).expect("a library");
    let started = Instant::now();
    let reuse = library.reuse(None, 20).expect("reuse");
    let seconds = started.elapsed().as_secs_f64();
    let pairs: BTreeSet<(i64, i64)> = reuse
        .passages
        .iter()
        .map(|p| (p.a.article.0, p.b.article.0))
        .collect();
    let truth = std::fs::read_to_string(dir.join("planted.txt")).expect("the truth");
    let planted: Vec<(i64, i64)> = truth
        .lines()
        .map(|l| {
            let (a, b) = l.split_once(' ').expect("two ids");
            let (a, b): (i64, i64) = (a.parse().unwrap(), b.parse().unwrap());
            (a.min(b), a.max(b))
        })
        .collect();
    let found = planted.iter().filter(|p| pairs.contains(p)).count();
    let planted: BTreeSet<(i64, i64)> = planted.into_iter().collect();
    let right = pairs.iter().filter(|p| planted.contains(p)).count();
    println!(
        "reuse over the whole library: {seconds:.2} s, {} passages; recall {found} of {} planted \
         pairs found ({:.3}); precision {right} of {} pairs found were planted ({:.3})",
        reuse.passages.len(),
        planted.len(),
        found as f64 / planted.len() as f64,
        pairs.len(),
        right as f64 / pairs.len().max(1) as f64
    );
}
