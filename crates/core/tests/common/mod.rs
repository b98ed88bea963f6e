//! Helpers the core's test files share: the shared corpus, alignment inputs, reproducible noise.
#![allow(dead_code)] // each test file uses some of them

use parallax_core::align::AlignInput;
use parallax_core::ingest::{ingest, Document};
use std::path::{Path, PathBuf};

/// The shared corpus folder, beside the repository (never copied into it).
pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/venezuela-2026")
}

/// The corpus documents in file-name order; a missing folder fails the test, naming it.
pub fn corpus() -> Vec<Document> {
    let dir = corpus_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "corpus folder {} is missing or unreadable ({e}): the corpus tests need \
             shared/corpus/venezuela-2026 next to the repository",
            dir.display()
        )
    });
    let mut paths: Vec<PathBuf> = entries
        .map(|e| e.expect("readable folder entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "expected 5 articles in {}", dir.display());
    paths
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let name = p.file_name().unwrap().to_string_lossy();
            ingest(&name, &bytes).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        })
        .collect()
}

/// An English alignment input without boilerplate.
pub fn input(id: u64, body: &str) -> AlignInput<'_> {
    AlignInput {
        id: parallax_core::ArticleId(id as i64),
        body,
        boilerplate: &[],
        language: "en",
    }
}

/// xorshift: reproducible noise without a dependency.
pub fn noise(seed: u64, len: usize) -> Vec<u64> {
    let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        })
        .collect()
}
